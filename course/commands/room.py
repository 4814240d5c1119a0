"""``listen serve``: the course in the browsers of a training room; ``room-seat`` is one browser's app."""

from __future__ import annotations

import click

from .say import say
from .settings import Settings
from .stop import Refused

__all__ = ["COMMANDS"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on: 0.0.0.0 lets every machine on your network in.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int) -> None:
    """A training room: the course in each learner's browser, all on this machine's progress.

    Each browser asks who is learning (or takes a new name), so every learner keeps their own
    progress on the one shared store; trainers report on it as usual. Nothing is fetched from
    the internet. Only this machine can open it unless --host says otherwise.
    """
    from ..room import RoomError
    from ..room import serve as open_room

    settings.course()  # a broken course stops here, in one line, not in every browser
    settings.store(say_notices=True)
    try:
        open_room(settings.data_dir, settings.content_dir, host, port, say)
    except RoomError as error:
        if error.usage:  # the address asked for will not do: exit 2
            raise Refused(str(error)) from None
        raise click.ClickException(str(error)) from None  # the machine would not: exit 1


@click.command("room-seat", hidden=True)
@click.pass_obj
def room_seat(settings: Settings) -> None:
    """One browser's app in a training room: always asks who is learning."""
    course = settings.course()
    store = settings.store(course, say_notices=False)
    from ..tui import run

    status = run(course, store, settings.learner, ask_who=True)
    if status:
        raise click.exceptions.Exit(status)


COMMANDS = (serve, room_seat)
