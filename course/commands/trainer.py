"""What trainers (and learners handing work over) run: assign, import, export, report, review, kit."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .say import say
from .settings import settings_of
from .stop import Refused
from .sync import lrs_options

__all__ = ["COMMANDS"]

PROGRESS_FROM = 20
"""Reading this many files or more shows a progress bar."""


def _refuse(error: Exception) -> Exception:
    """The one line for a file that will not do."""

    return Refused(f"refused {error}: nothing was changed")


@click.command()
@click.option("--modules", required=True, metavar="M1,M2", help="The module ids to pass, comma-separated.")
@click.option("--due", required=True, metavar="YYYY-MM-DD", help="The last day to pass them.")
@click.option("--pass", "pass_mark", type=float, default=0.8, show_default=True,
              help="The module score that counts as passed (0 to 1).")
@click.option("--message", default="", metavar="TEXT", help="A few words for the learners.")
@click.option("--trainer", default="", metavar="NAME", help="Your name, as learners will see it.")
@click.option("--home-page", "home_page", default="", metavar="URL",
              help="Your organisation's web address, for learning records sent to an LRS.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the assignment to this file, for learners to import.")
@click.option("--learner", "learners", multiple=True, metavar="NAME",
              help="Give it straight to this learner on this machine (repeat for several).")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.pass_context
def assign(ctx: click.Context, modules: str, due: str, pass_mark: float, message: str, trainer: str,
           home_page: str, out: Path | None, learners: tuple[str, ...], force: bool) -> int:
    """Assign modules with a due date and a pass mark.

    Writes an assignment file (--out) that learners bring in with `listen import`,
    or, on a shared machine, gives it straight to learners (--learner).
    """
    from ..trainer import assignment_document, make_assignment, write_document

    if out is None and not learners:
        raise Refused("say where the assignment goes: --out FILE, or --learner NAME on this machine")
    if out is not None and out.exists() and not force:
        raise Refused(f"{out} already exists: choose another name, or add --force to replace it")
    if out is not None:
        _folder_or_stop(out)
    if home_page:
        from ..xapi.config import web_address_problem

        problem = web_address_problem(home_page)
        if problem:
            raise Refused(f"--home-page {home_page!r} is not a web address ({problem})")
    settings = settings_of(ctx)
    course = settings.course()
    try:
        assignment = make_assignment(course, modules.split(","), due, pass_mark, message=message, trainer=trainer)
    except ValueError as error:
        raise Refused(str(error)) from None
    what = f"{', '.join(assignment.modules)} due {assignment.due} (pass mark {assignment.pass_mark:.0%})"
    if out is not None:
        try:
            write_document(out, assignment_document(assignment, course, home_page=home_page))
        except OSError as error:
            raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
        say(f"Wrote {out}: {what}. Learners bring it in with: listen import {out.name}")
    if learners:
        from ..progress import StoreError

        store = settings.store()
        for name in learners:
            try:
                store.import_work(name, assignments=[assignment])
            except ValueError as error:
                raise Refused(f"learner {name!r}: {error}") from None
            except StoreError as error:
                raise click.ClickException(str(error)) from None
            say(f"Assigned to {name.strip()}: {what}.")
    return 0


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def import_(ctx: click.Context, files: tuple[Path, ...]) -> int:
    """Bring in an assignment, a results bundle or a trainer's feedback file.

    Each file is checked completely first; a file that will not do changes
    nothing and says why. Exit status 2 if any file was refused.
    """
    from ..progress import StoreError
    from ..trainer import RejectedFile, import_file

    settings = settings_of(ctx)
    course = settings.course()
    store = settings.store()
    refused = 0
    for path in files:
        try:
            imported = import_file(course, store, path, lambda: settings.learner_name(store))
        except RejectedFile as error:
            say(f"listen: refused {error}: nothing was changed", err=True)
            refused += 1
            continue
        except StoreError as error:
            say(f"listen: {path.name}: {error}", err=True)
            return 1
        say(f"{path.name}: {imported.summary()}")
        if imported.home_page:
            _adopt_home_page(settings.data_dir, imported.home_page)
    return 2 if refused else 0


def _adopt_home_page(data_dir: Path, home_page: str) -> None:
    """An assignment may say which organisation's LRS the learner's records belong to."""
    from ..xapi.config import ConfigError, load_config, set_home_page

    if load_config(data_dir).home_page == home_page.rstrip("/"):
        return
    try:
        set_home_page(data_dir, home_page)
    except (ConfigError, OSError) as error:
        say(f"listen: the assignment's home page was not kept: {error}", err=True)
    else:
        say(f"Learning records will name {home_page} as your organisation.")


@click.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The file to write (default: NAME.results.json here; '-' for standard output).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_context
def export(ctx: click.Context, out: Path | None, force: bool) -> int:
    """Export the learner's results for a trainer: attempts, answers, scores, time, assignments and promises."""
    from ..safe_text import safe_json
    from ..trainer import export_bundle, write_document

    settings = settings_of(ctx)
    course = settings.course()
    store = settings.reading_store()
    learner = settings.reading_learner(store)
    document = export_bundle(course, store, learner, now=settings.clock()())
    if out is not None and str(out) == "-":
        say(safe_json(document, indent=1))
        return 0
    target = out or Path(f"{_file_name(learner)}.results.json")
    if target.exists() and not force:
        raise Refused(f"{target} already exists: choose another name with --out, or add --force to replace it")
    _folder_or_stop(target)
    try:
        write_document(target, document)
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    count = len(document["attempts"])
    say(f"Wrote {target}: {learner}'s results, {count} attempt{'s' if count != 1 else ''}. "
        "Send it to your trainer.")
    return 0


def _folder_or_stop(target: Path) -> None:
    """Refused (status 2) when the folder a file is to be written in does not exist: a mistyped path."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise Refused(f"cannot write {target}: there is no folder {folder}")


def _file_name(learner: str) -> str:
    """A learner's name as a safe file name: ``Dana O'Neil`` → ``dana-o-neil``."""
    import re

    return re.sub(r"[^a-z0-9]+", "-", learner.casefold()).strip("-") or "learner"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "form", type=click.Choice(["table", "csv", "json", "html"]), default="table",
              show_default=True, help="How to lay the report out.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file (default: standard output).")
@click.option(
    "--lrs", is_flag=True, help="Build the report from a Learning Record Store's statements instead of files."
)
@lrs_options
@click.pass_context
def report(ctx: click.Context, paths: tuple[Path, ...], form: str, out: Path | None, lrs: bool,
           endpoint: str | None, username: str | None, password_env: str | None) -> int:
    """Report on a cohort from results bundles (files or folders of them), or from an LRS.

    With no files, reports on every learner on this machine. Shows each
    learner's standing per module, due and late work, the cohort's skill
    profile, the exercises and criteria missed most often, and the promises
    learners made to customers and what became of them. With --lrs,
    the learners' answers are read from the LRS (same settings as listen sync).
    """
    from ..trainer import bundle_paths, cohort_report, read_bundles, works_from_store

    settings = settings_of(ctx)
    course = settings.course()
    now = settings.clock()()
    if lrs and paths:
        raise Refused("give either files or --lrs, not both")
    if not lrs and (endpoint or username or password_env):
        raise Refused("--endpoint, --username and --password-env go with --lrs")
    if lrs:
        works, warnings = _works_from_lrs(settings, course, endpoint, username, password_env)
    elif paths:
        files, problems = bundle_paths(paths)
        for problem in problems:
            say(f"listen: {problem}", err=True)
        works, warnings = _read_with_progress(course, files, read_bundles)
        if files and not works:
            for warning in warnings:
                say(f"listen: {warning}", err=True)
            raise Refused("none of these files is a results bundle listen can read")
        if not files:
            raise Refused("no results bundles to report on")
    elif settings.data_dir.is_dir():
        works, warnings = works_from_store(course, settings.store(), now=now), []
    else:  # nobody has used listen here yet: a report only reads, so it makes no folder
        works, warnings = [], []
    result = cohort_report(course, works, warnings=warnings, now=now)
    for warning in warnings:
        say(f"listen: {warning}", err=True)
    _write_report(result, form, out)
    return 0


def _works_from_lrs(settings, course, endpoint, username, password_env):  # type: ignore[no-untyped-def]
    """Every learner's answers, read from the LRS, as checked bundles."""
    from ..trainer.from_lrs import bundles_from_records
    from ..xapi.client import CredentialsRefused, EndpointWrong, LrsUnreachable
    from ..xapi.fetch import fetch_records
    from .sync import lrs_client

    client = lrs_client(settings.data_dir, endpoint, username, password_env)
    paging: list[str] = []
    try:
        with client:
            records = fetch_records(client, on_warning=paging.append)
    except CredentialsRefused:
        raise Refused("the LRS refused these credentials") from None
    except EndpointWrong as error:
        raise Refused(str(error)) from None
    except LrsUnreachable as error:
        raise click.ClickException(f"{error}; nothing was reported") from None
    works, warnings = bundles_from_records(course, records)
    warnings = paging + warnings
    if not works and warnings:
        raise click.ClickException(f"none of the LRS's answers could be read: {warnings[0]}")
    if not works:
        raise click.ClickException("the LRS has no answers from listen learners yet")
    return works, warnings


def _read_with_progress(course, files, read_bundles):  # type: ignore[no-untyped-def]
    """Read the bundles; a progress bar on standard error when there are many and it is a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..console import terminal

    console = terminal(stderr=True)
    if len(files) < PROGRESS_FROM or not console.is_terminal:
        return read_bundles(course, files)
    columns = (TextColumn("Reading bundles"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("read", total=len(files))
        return read_bundles(course, files, lambda _: progress.advance(task))


def _write_report(result, form: str, out: Path | None) -> None:  # type: ignore[no-untyped-def]
    from ..trainer.report_html import report_html
    from ..trainer.report_text import report_csv, report_json, report_tables

    if form == "table":
        from ..console import terminal

        if out is None:
            console = terminal(soft_wrap=False)
            if not console.is_terminal and "COLUMNS" not in os.environ:
                console.width = 160  # piped into a file: wide enough that no column is squeezed
            console.print(report_tables(result))
            return
        import io

        buffer = io.StringIO()  # not a terminal: plain text, wide enough for a spreadsheet-like read
        terminal(file=buffer, width=160, color_system=None).print(report_tables(result))
        text = buffer.getvalue()
    else:
        text = {"csv": report_csv, "json": report_json, "html": report_html}[form](result)
    if out is None:
        say(text, nl=not text.endswith("\n"))
        return
    _folder_or_stop(out)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    say(f"Wrote {out}.", err=True)


@click.command()
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("--trainer", default="", metavar="NAME", help="Your name, as the learner will see it.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to save the feedback (default: beside the bundle, NAME.feedback.json).")
@click.option("--examples", "examples_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="OUT", help="Also write the answers you decided (passed or not yet) as example answers "
                                  "for their exercises, in YAML; prove them with listen check --examples OUT.")
@click.option("--force", is_flag=True, help="Replace the examples file if it exists.")
@click.pass_context
def review(ctx: click.Context, bundle: Path, trainer: str, out: Path | None, examples_out: Path | None,
           force: bool) -> int:
    """Read each of a learner's answers (every kind), comment and change grades; save a feedback file.

    Answers the learner thinks were graded wrongly come first, with their reason; choosing
    Passed or Not yet decides, and the decision goes back in the feedback file. The
    learner brings the feedback in with `listen import` and sees it beside the answer.
    """
    from ..trainer import FeedbackDraft, RejectedFile, bundle_from_document, read_document

    if examples_out is not None:
        if examples_out.exists() and not force:
            raise Refused(f"{examples_out} already exists: choose another name, or add --force to replace it")
        _folder_or_stop(examples_out)
    settings = settings_of(ctx)
    course = settings.course()
    try:
        _, document = read_document(bundle, ("listen.results",))
        results = bundle_from_document(bundle, document, course, strict=False)
    except RejectedFile as error:
        raise _refuse(error) from None
    for warning in results.warnings:
        say(f"listen: {warning}", err=True)
    draft = FeedbackDraft(results, course, trainer=trainer.strip())
    if not draft.answers:
        raise click.ClickException(f"{bundle.name} has no answers to review")
    stem = bundle.name.removesuffix(".json").removesuffix(".results")
    target = out or bundle.with_name(f"{stem}.feedback.json")
    from ..tui.screens.review_answers import run_review

    saved = run_review(draft, target)
    if saved:
        say(f"Saved {target}. {results.work.learner} brings it in with: listen import {target.name}")
    else:
        say("No feedback saved.")
    if examples_out is not None:
        _write_examples(draft, course, examples_out, decided=saved or not draft.changed)
    return 0


@click.command()
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="DIR",
              help="The folder to write the kit into (made if it does not exist).")
@click.option("--module", "module_id", default=None, metavar="ID", help="Only this module's role plays.")
@click.option("--force", is_flag=True, help="Write into DIR even though it holds files already (the kit's own "
              "files are replaced, nothing else is touched).")
@click.pass_context
def kit(ctx: click.Context, out: Path, module_id: str | None, force: bool) -> int:
    """Print-ready role plays from the course: customer and agent cards, observer sheets, a self-assessment.

    For every exercise answered in the learner's own words, a customer's card and an
    agent's card (DIR/cards/ID.html); for every module, an observer sheet of what the
    course judges, with boxes to tick (DIR/observer/ID.html); and the learner's
    self-assessment on the five skills (DIR/self-assessment.html). Each page is also
    plain text (.txt). The HTML is self-contained: no scripts, nothing fetched, one card
    per printed page. Start from DIR/index.html.
    """
    from ..trainer.kit import build_kit, write_kit

    _kit_folder_or_stop(out, force)
    course = settings_of(ctx).course()
    if module_id is not None:
        try:
            course.module(module_id)
        except KeyError:
            known = ", ".join(module.id for module in course.modules)
            raise Refused(f"there is no module {module_id!r}; the modules are: {known}") from None
    made = build_kit(course, module_id)
    try:
        written = write_kit(made, out)
    except OSError as error:
        raise click.ClickException(f"cannot write the kit in {out}: {error.strerror or error}") from None
    plural = "" if len(made.observers) == 1 else "s"
    say(f"Wrote the trainer's kit to {out} ({len(written)} files):")
    say("  index.html            start here: a link to every page")
    say(f"  cards/                {len(made.cards)} role plays, each a customer's card and an agent's card")
    say(f"  observer/             {len(made.observers)} observer sheet{plural}, one per module")
    say("  self-assessment.html  the learner's self-assessment on the five skills")
    say("Every page is also a .txt file of the same name.")
    return 0


def _kit_folder_or_stop(out: Path, force: bool) -> None:
    """Refused (status 2) for a folder the kit cannot go in: a file, a missing parent, or one in use without --force."""
    if out.exists() and not out.is_dir():
        raise Refused(f"{out} is a file, not a folder: give a folder for the kit with --out")
    if not out.exists():
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.is_dir():
            raise Refused(f"cannot write the kit in {out}: there is no folder {parent}")
        return
    try:
        in_use = any(out.iterdir())
    except OSError as error:
        raise click.ClickException(f"cannot read the folder {out}: {error.strerror or error}") from None
    if in_use and not force:
        raise Refused(f"{out} already holds files: choose an empty or new folder, or add --force to write the kit "
                      "there")


def _write_examples(draft, course, target: Path, *, decided: bool) -> None:  # type: ignore[no-untyped-def]
    """The decided answers as example answers, in YAML (only what the feedback file holds: nothing unsaved)."""
    from ..trainer.examples import examples_document, examples_yaml

    if not decided:
        say("No examples written: your decisions were not saved.")
        return
    document, left_out = examples_document(draft, course)
    count = sum(len(entry.get("pass", ())) + len(entry.get("fail", ())) for entry in document["exercises"].values())
    if left_out:
        say(f"{left_out} decided answer{'s' if left_out != 1 else ''} of a kind that takes no example answers "
            "(choices, orders, conversations...) left out of the examples.")
    if not count:
        say("No examples written: no answer in the learner's own words has a verdict of yours yet.")
        return
    try:
        target.write_text(examples_yaml(document), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    say(f"Wrote {target}: {count} example answer{'s' if count != 1 else ''}. "
        f"Prove them with: listen check --examples {target}")


COMMANDS = (assign, import_, export, report, review, kit)
