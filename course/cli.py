"""The ``listen`` command: parses, calls the core, prints. Nothing else lives here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .commands import register
from .commands.say import say
from .commands.settings import Settings
from .commands.stop import FAILURE, USAGE_ERROR
from .paths import content_dir
from .paths import data_dir as resolve_data_dir
from .plain_terminal import wants_plain

__all__ = ["main", "cli", "wants_plain"]


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for progress (default: $LISTEN_HOME or your user data folder).")
@click.option("--content", "content", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A course folder with lessons/ and exercises/ (default: $LISTEN_CONTENT or the bundled course).")
@click.option("--learner", default=None, metavar="NAME",
              help="Whose progress to use; created on first use (default: the last learner).")
@click.option("--plain", is_flag=True, default=False,
              help="The course as plain text with numbered prompts and no full-screen drawing, for screen "
                   "readers, braille displays and dumb terminals (also when LISTEN_PLAIN=1 or TERM=dumb).")
@click.version_option(__version__, "--version", prog_name="listen", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, content: Path | None, learner: str | None, plain: bool) -> None:
    """listen: a course in listening well, for customer-service teams.

    Run `listen` on its own to open the course, or `listen --plain` for it as plain text.
    """
    ctx.obj = Settings(resolve_data_dir(data_dir), content_dir(content), learner)
    if ctx.invoked_subcommand is None:
        status = open_plain(ctx.obj) if plain or wants_plain() else open_app(ctx.obj)
        if status:
            ctx.exit(status)


def open_app(settings: Settings) -> int:
    """Open the Textual app on the course and the learner's store; its exit status."""
    course = settings.course()
    settings.clock()  # a LISTEN_NOW that names no moment is one line here, not trouble in the app
    store = settings.store(course, say_notices=False)
    learner = settings.learner_name(store, required=False, say=False) if settings.learner else None
    from .tui import run  # on use: the app (Textual) loads only when it opens

    return run(course, store, learner)


def open_plain(settings: Settings) -> int:
    """The course as plain text on standard input and output; its exit status."""
    import shutil

    course = settings.course()
    store = settings.store(course, say_notices=False)
    learner = settings.learner_name(store, required=False) if settings.learner else None
    from .plain import run_plain  # on use, as the app

    width = shutil.get_terminal_size((80, 24)).columns - 1  # the last column makes some terminals wrap early
    return run_plain(course, store, learner, stdin=sys.stdin, stdout=sys.stdout, width=width)


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
    except click.ClickException as error:  # a command's Refused too
        say(f"listen: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(FAILURE)
    sys.exit(status if isinstance(status, int) else 0)
