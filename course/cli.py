"""The ``listen`` command: parses, calls the core, prints. Nothing else lives here."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__
from .commands.say import say

if TYPE_CHECKING:
    from .content import Course, Exercise
    from .progress import ProgressStore

__all__ = ["main", "cli"]

USAGE_ERROR = 2
FAILURE = 1


class Stop(Exception):
    """Ends the command with one clear line and an exit status."""

    def __init__(self, message: str, status: int = USAGE_ERROR) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Settings:
    """The global options, shared by every subcommand."""

    data_dir: Path
    content_dir: Path
    learner: str | None

    def course(self) -> "Course":
        """The course, or Stop with a pointer to ``listen check`` if it is broken."""
        from .content import ContentError
        from .content.cache import load_course_cached

        try:
            return load_course_cached(self.content_dir, self.data_dir / "cache")
        except ContentError as error:
            first = error.problems[0] if error.problems else "no course found"
            raise Stop(
                f"the course at {self.content_dir} has {len(error.problems)} problem(s), first: {first} "
                f"(run: listen check {self.content_dir})"
            ) from None

    def store(self, course: "Course | None" = None, *, say_notices: bool = True) -> "ProgressStore":
        """The learner's progress store, opened safely (its notices printed unless the app shows them).

        Every learning event it records also queues an xAPI statement in its outbox,
        named from ``course`` when given (ids otherwise).
        """
        from .progress import ProgressStore, StoreError
        from .xapi import statement_maker

        try:
            store = ProgressStore(self.data_dir, statements=statement_maker(self.data_dir, course))
        except StoreError as error:
            raise Stop(str(error), FAILURE) from None
        for notice in store.notices if say_notices else ():
            say(f"listen: {notice}", err=True)
        return store

    def learner_name(self, store: "ProgressStore", *, required: bool = True, say: bool = True) -> str | None:
        """``--learner`` (created on first use), else the last learner, else ask to create one."""
        if self.learner is not None:
            from .progress import StoreError, StoreNotWritable

            name = self.learner.strip()
            try:
                store.ensure_learner(name)
                store.set_last_learner(name)
            except ValueError as error:
                raise Stop(str(error)) from None
            except StoreNotWritable as error:
                known = store.learner(name)
                if known is None:  # nobody to show: say why they cannot be added
                    raise Stop(str(error), FAILURE) from None
                # Their progress can still be read: say once that nothing new will be kept.
                store.notices.append(str(error))
                if say:
                    click.echo(f"listen: {error}", err=True)
                return known.name
            except StoreError as error:
                raise Stop(str(error), FAILURE) from None
            return name
        last = store.last_learner()
        if last is None and required:
            raise Stop("no learner yet: run `listen` to create your profile, or pass --learner NAME")
        return last


def exercise_or_stop(course: "Course", exercise_id: str, *, text_only: bool = True) -> "Exercise":
    """The exercise with this id, or Stop with a close match."""
    try:
        exercise = course.exercise(exercise_id)
    except KeyError:
        import difflib

        close = difflib.get_close_matches(exercise_id, list(course.exercises), n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (see them all with: listen status)"
        raise Stop(f"no exercise with id '{exercise_id}'{hint}") from None
    if text_only and not exercise.is_text:
        raise Stop(f"'{exercise_id}' is a {exercise.kind} exercise: answer it in the app (run: listen)")
    return exercise


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for progress (default: $LISTEN_HOME or your user data folder).")
@click.option("--content", "content", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A course folder with lessons/ and exercises/ (default: $LISTEN_CONTENT or the bundled course).")
@click.option("--learner", default=None, metavar="NAME",
              help="Whose progress to use; created on first use (default: the last learner).")
@click.version_option(__version__, "--version", prog_name="listen", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, content: Path | None, learner: str | None) -> None:
    """listen: a course in listening well, for customer-service teams.

    Run `listen` on its own to open the course.
    """
    from .paths import content_dir
    from .paths import data_dir as resolve_data_dir

    ctx.obj = Settings(resolve_data_dir(data_dir), content_dir(content), learner)
    if ctx.invoked_subcommand is None:
        status = open_app(ctx.obj)
        if status:
            ctx.exit(status)


def open_app(settings: Settings) -> int:
    """Open the Textual app on the course and the learner's store; its exit status."""
    course = settings.course()
    store = settings.store(course, say_notices=False)
    learner = settings.learner_name(store, required=False, say=False) if settings.learner else None
    from .tui import run

    return run(course, store, learner)


from .commands import register  # noqa: E402 - the subcommands attach to the group above

register(cli)


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the CLI; usage errors are one line on stderr with status 2."""
    try:
        status = cli.main(args=argv, prog_name="listen", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:  # pragma: no cover - click >= 8.2
        say(error.ctx.get_help() if error.ctx else str(error))
        sys.exit(USAGE_ERROR)
    except click.UsageError as error:
        hint = f" (see: {error.ctx.command_path} --help)" if error.ctx else ""
        say(f"listen: {error.format_message()}{hint}", err=True)
        sys.exit(USAGE_ERROR)
    except click.Abort:
        say("", err=True)
        sys.exit(130)
    except click.ClickException as error:
        say(f"listen: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except Stop as stop:
        say(f"listen: {stop}", err=True)
        sys.exit(stop.status)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(FAILURE)
    sys.exit(status if isinstance(status, int) else 0)
