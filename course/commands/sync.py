"""``listen sync``: send the outbox of learning records to the organisation's LRS.

The LRS options (``lrs_options``, ``lrs_client``) are shared with every
command that reads or writes an LRS, so they behave the same everywhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .say import say
from .stop import FAILURE, Refused

if TYPE_CHECKING:
    from ..xapi.client import LrsClient

__all__ = ["COMMANDS", "lrs_options", "lrs_client"]

pause: Callable[[float], None] = time.sleep
"""How sync waits between tries; tests put a recorder here instead of sleeping."""


def lrs_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --endpoint, --username and --password-env to a command."""
    command = click.option(
        "--password-env", "password_env", metavar="VAR", default=None,
        help="The environment variable holding the LRS password (default: LISTEN_LRS_PASSWORD).")(command)
    command = click.option(
        "--username", metavar="U", default=None,
        help="User name for the LRS (default: $LISTEN_LRS_USERNAME, else config.json).")(command)
    command = click.option(
        "--endpoint", metavar="URL", default=None,
        help="The LRS's xAPI endpoint (default: $LISTEN_LRS_ENDPOINT, else config.json).")(command)
    return command


def lrs_client(data_dir: Path, endpoint: str | None, username: str | None, password_env: str | None,
               *, save: bool = False) -> LrsClient:
    """A client for the LRS the options, environment or config name; Refused (status 2) if they do not add up."""
    from ..xapi.client import LrsClient
    from ..xapi.config import ConfigError, load_config, lrs_settings, save_config

    for problem in load_config(data_dir).problems:
        say(f"listen: {problem}", err=True)
    try:
        settings = lrs_settings(data_dir, endpoint=endpoint, username=username, password_variable=password_env)
        if save:
            save_config(data_dir, endpoint=settings.endpoint, username=settings.username or "")
    except ConfigError as error:
        raise Refused(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"could not save {data_dir / 'config.json'}: {error.strerror}") from None
    return LrsClient(settings)


@click.command()
@lrs_options
@click.option("--batch", type=click.IntRange(1, 1000), default=50, show_default=True,
              help="Statements per request.")
@click.option("--save", is_flag=True, help="Remember the endpoint and user name in config.json (never the password).")
@click.option("--timeout", "seconds", type=click.FloatRange(1, 24 * 3600), default=120, show_default=True,
              metavar="SECONDS", help="How long the whole sync may take, waiting for the LRS included; "
                                      "what is not sent by then waits for the next sync.")
@click.pass_context
def sync(ctx: click.Context, endpoint: str | None, username: str | None, password_env: str | None,
         batch: int, save: bool, seconds: float) -> int:
    """Send your learning records to your organisation's Learning Record Store.

    Records wait in an outbox on this machine until the LRS has them, so
    nothing is lost offline or if the connection drops. Exit status 0 when
    everything was sent, 1 when some wait for next time, 2 when the settings
    or credentials are wrong.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Column

    from ..console import terminal
    from ..progress import StoreError
    from ..xapi.client import CredentialsRefused, EndpointWrong
    from ..xapi.sync import Backoff, send_outbox

    settings = ctx.find_root().obj
    client = lrs_client(settings.data_dir, endpoint, username, password_env, save=save)
    store = settings.store()
    with client:
        waiting = store.outbox_count()
        if waiting == 0:
            say("nothing to send: the outbox is empty.")
            return 0
        console = terminal(stderr=True)
        text = TextColumn(
            "{task.description}", markup=False, table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1)
        )
        columns = (text, BarColumn(bar_width=30), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=console.is_terminal) as bar:
            task = bar.add_task("sending to the LRS", total=waiting)

            def on_progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description="sending to the LRS")

            def on_wait(problem: str, seconds: float) -> None:
                bar.update(task, description=f"{problem}; trying again in {seconds:.0f} s", refresh=True)

            try:
                summary = send_outbox(store, client, batch=batch, sleep=pause, backoff=Backoff(budget=seconds),
                                      on_progress=on_progress, on_wait=on_wait)
            except (CredentialsRefused, EndpointWrong) as error:
                left = store.outbox_count()
                raise Refused(f"{error}; {left} statement{'s' if left != 1 else ''} stay queued") from None
            except StoreError as error:
                raise click.ClickException(
                    f"{error} What the LRS took will be recognised and not repeated next time."
                ) from None
    say(summary.line())
    return 0 if summary.complete else FAILURE


COMMANDS = (sync,)
