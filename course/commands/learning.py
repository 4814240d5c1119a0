"""What learners and content authors run: check, status, answer, grade, detect.

The core each command needs (the course loader, grading and judging, the
store, Rich for tables) is imported inside it, on use: ``listen --version``
and ``--help`` then start in a few tens of milliseconds instead of hundreds.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..content.answers import MAX_WRITTEN_CHARS, Written
from ..safe_text import safe_json
from ..showing import commented, exercise_text
from ..stdin import TooLong, read_lines, read_text
from .answering import answer_options, drop_draft, typed_answer
from .say import say
from .settings import exercise_or_stop, settings_of
from .stop import USAGE_ERROR, Refused

if TYPE_CHECKING:
    from ..console import SafeConsole
    from ..content import Exercise

__all__ = ["COMMANDS"]

MAX_ANSWER_CHARS = MAX_WRITTEN_CHARS

MAX_DETECT_LINE_BYTES = 1_000_000
"""The longest ``detect`` line read: a 50,000-character text and its context, escaped, fit well inside."""


def _console(stderr: bool = False) -> SafeConsole:
    from ..console import terminal

    return terminal(stderr=stderr, soft_wrap=False)


@click.command()
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--examples", "examples_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, metavar="FILE",
              help="Also prove the example answers in FILE (from listen review --examples) against the course.")
@click.pass_context
def check(ctx: click.Context, folder: Path | None, examples_file: Path | None) -> int:
    """Validate course content: schema, ids, references, and every example answer.

    Prints each problem as path:line: message. Exit status 1 if there are any.
    """
    from ..checking import check_course, example_file_problems

    root = folder or settings_of(ctx).content_dir
    course, problems = check_course(root)
    proven_there = 0
    if course is not None and examples_file is not None:
        proven_there, found = example_file_problems(course, examples_file)
        problems = problems + found
    for problem in problems:
        say(str(problem))
    if problems:
        say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        return 1
    assert course is not None
    if examples_file is not None:
        say(f"ok: {examples_file}: {proven_there} example answer{'s' if proven_there != 1 else ''} proven")
    examples = sum(len(e.examples.passing) + len(e.examples.failing) for e in course.exercises.values())
    examples += sum(
        len(t.examples.passing) + len(t.examples.failing)
        for e in course.exercises.values() if e.conversation for t in e.conversation.turns.values()
    )
    say(
        f"ok: {len(course.modules)} modules, {len(course.lessons())} lessons, "
        f"{len(course.exercises)} exercises, {examples} example answers proven"
    )
    return 0


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the progress as a JSON object.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> int:
    """Show the learner's progress through the modules."""
    from ..progress.summary import status_report
    from ..trainer import assignment_statuses
    from ..trainer.standing import standings_from_tallies

    settings = settings_of(ctx)
    course = settings.course()
    store = settings.reading_store(course)
    learner = settings.reading_learner(store)
    report = status_report(course, store, learner)
    # counted from the kept records, as the dashboard counts them: a year of answers is never rebuilt here
    standings = standings_from_tallies(course, store.exercise_tallies(learner), store.assignments(learner))
    for module in report["modules"]:  # the score and "passed" the dashboard, the export and the report give
        standing = standings[module["id"]]
        module.update(exercises_passed=standing.exercises_passed, score=round(standing.score, 4),
                      passed=standing.passed, pass_mark=standing.pass_mark)
    report["assignments"] = [
        {"id": status.assignment.id, "modules": list(status.assignment.modules), "due": status.assignment.due,
         "pass_mark": status.assignment.pass_mark, "days_left": status.days_left, "state": status.state,
         "due_words": status.due_words, "score": round(status.score, 4)}
        for status in assignment_statuses(course, store, learner)
    ]
    if as_json:
        say(safe_json(report, indent=2))
    else:
        from ..console import status_view

        _console().print(status_view(report))
    return 0


def _read_answer(file: str | None, editor: bool, exercise: Exercise) -> str:
    """The text answer from --file, $EDITOR or standard input, checked for size."""
    if file is not None and editor:
        raise Refused("give the answer with --file or --editor, not both")
    if editor:
        # A rewrite starts from the reply to rewrite, as in the app: the learner edits it, not a blank page.
        start = f"{exercise.original.strip()}\n" if exercise.kind == "rewrite" and exercise.original.strip() else ""
        template = f"{start}\n\n{commented(exercise_text(exercise))}\n#\n# Lines starting with # are ignored.\n"
        try:
            edited = click.edit(template, extension=".txt")
        except click.ClickException as error:  # no editor found, or it failed to start
            raise Refused(f"{error.format_message()}: set $EDITOR, or give the answer with --file F") from None
        if edited is None:
            raise click.ClickException("the editor closed without saving: nothing was recorded")
        text = "\n".join(line for line in edited.splitlines() if not line.startswith("#"))
    elif file is not None and file != "-":
        path = Path(file)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise Refused(f"no such file: {file}") from None
        except IsADirectoryError:
            raise Refused(f"{file} is a folder, not a file") from None
        except OSError as error:
            raise Refused(f"cannot read {file}: {error.strerror}") from None
        text = raw.decode("utf-8", errors="replace")
    else:
        if sys.stdin is None:
            raise Refused("no answer given: use --file F, --editor, or pipe it in")
        _ask(exercise)
        text = read_text()
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise Refused("the answer is empty: nothing was recorded")
    _check_length(text)
    return text


def _ask(exercise: Exercise) -> None:
    """At a terminal: the scenario and the task, then how to finish typing (on standard error)."""
    if sys.stdin is not None and sys.stdin.isatty():
        say(f"{exercise_text(exercise)}\n\nType your answer, then press Ctrl-D on a new line:", err=True)


def _check_length(text: str) -> None:
    if len(text) > MAX_ANSWER_CHARS:
        raise Refused(f"the answer is {len(text):,} characters; keep it under {MAX_ANSWER_CHARS:,}")


def _text_given(**ways: object) -> str:
    """Which way of giving text was used (``--file``...), if any."""
    return next((f"--{name}" for name, value in ways.items() if value not in (None, False)), "")


@click.command()
@click.argument("exercise_id")
@click.option("--file", "file", metavar="F", help="Read a written answer from file F ('-' for standard input).")
@click.option("--editor", is_flag=True, help="Write a written answer in $EDITOR.")
@answer_options
@click.pass_context
def answer(ctx: click.Context, /, exercise_id: str, file: str | None, editor: bool, **typed: str | None) -> int:
    """Answer an exercise, see the feedback, and record the attempt.

    A written answer comes from --file, from $EDITOR, or from standard input;
    the other kinds take the option their kind is answered with (run without
    it to see the options, steps or lines numbered). A conversation is played
    with `listen converse`. Exit status 0 once the attempt is safely stored,
    passed or not.
    """
    from ..console import judgment_view
    from ..judging import judge
    from ..progress import StoreError
    from ..recording import attempt_of, record_attempt

    settings = settings_of(ctx)
    course = settings.course()
    exercise = exercise_or_stop(course, exercise_id)
    given = typed_answer(exercise, typed, text_given=_text_given(file=file, editor=editor))
    clock = settings.clock()
    store = settings.store(course)
    learner = settings.learner_name(store)
    started = time.monotonic()
    answered = given if given is not None else Written(_read_answer(file, editor, exercise))
    judgment = judge(exercise, answered)
    _console().print(judgment_view(exercise, judgment))
    attempt = attempt_of(exercise, answered.recorded(), judgment, seconds=round(time.monotonic() - started, 1))
    try:
        record_attempt(course, store, learner, attempt, now=clock)
    except StoreError as error:
        raise click.ClickException(f"{error} Your answer was not recorded.") from None
    drop_draft(store, learner, exercise)
    count = len(store.attempts(learner, exercise.id))
    say(f"\nSaved: attempt {count} at {exercise.id} for {learner}.")
    return 0


@click.command()
@click.argument("exercise_id")
@click.option("--answer", "answer_text", metavar="TEXT",
              help="A written answer (default: read standard input).")
@answer_options
@click.option("--json", "as_json", is_flag=True, help="Print the judgment as JSON.")
@click.pass_context
def grade(ctx: click.Context, /, exercise_id: str, answer_text: str | None, as_json: bool, **typed: str | None) -> int:
    """Judge an answer of any kind without recording it.

    A written answer comes from --answer or standard input; the other kinds
    take the option their kind is answered with (run without it to see the
    options, steps or lines numbered).
    """
    from ..console import judgment_json, judgment_view
    from ..judging import judge

    course = settings_of(ctx).course()
    exercise = exercise_or_stop(course, exercise_id)
    given = typed_answer(exercise, typed, text_given=_text_given(answer=answer_text))
    if given is None:
        if answer_text is None:
            _ask(exercise)
        text = answer_text if answer_text is not None else (read_text() if sys.stdin else "")
        _check_length(text)
        given = Written(text)
    judgment = judge(exercise, given)
    if as_json:
        say(safe_json(judgment_json(exercise, judgment)))
    else:
        _console().print(judgment_view(exercise, judgment))
    return 0


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _detect_item(line: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    """The object on a ``detect`` line, or why it will not do ('' when it will)."""
    try:
        item = json.loads(line, parse_constant=_refuse_constant)
    except RecursionError:
        return {}, "it nests lists or objects too deeply"
    except json.JSONDecodeError:
        return {}, "not a JSON object with a text field"
    except ValueError as error:  # NaN or Infinity, an integer of thousands of digits
        return {}, f"not JSON that listen reads ({str(error)[:80]})"
    if not isinstance(item, dict):
        return {}, "not a JSON object with a text field"
    text, context, key = item.get("text") or "", item.get("context"), item.get("id")
    if not isinstance(text, str) or not (context is None or isinstance(context, str)):
        return {}, "not a JSON object with a text field"
    if not (key is None or isinstance(key, (str, int)) or (isinstance(key, float) and math.isfinite(key))):
        return {}, "its id is not a string or a number"
    if len(text) > MAX_ANSWER_CHARS or len(context or "") > MAX_ANSWER_CHARS:
        return item, f"its text or context is over {MAX_ANSWER_CHARS:,} characters"
    return item, ""


class _DetectCommand(click.Command):
    """``detect``: its help ends with every technique it knows (read from grading only when help is asked for)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from ..grading import TECHNIQUES

        with formatter.section("Techniques"):
            formatter.write_text(", ".join(TECHNIQUES))
        super().format_epilog(ctx, formatter)


@click.command(cls=_DetectCommand)
@click.argument("techniques", nargs=-1, required=True)
def detect(techniques: tuple[str, ...]) -> int:
    """Run technique detectors over JSON Lines on standard input.

    Each input line is {"id", "text", "context"}; each output line is
    {"id", "found": {technique: bool}, "evidence": {technique: [[start, end], ...]}}.
    A line that will not do gets {"id", "line", "error"} instead (and a
    message on standard error), so output lines still match input lines,
    and the exit status is 2.
    """
    from .. import grading

    unknown = [name for name in techniques if name not in grading.TECHNIQUES]
    if unknown:
        raise Refused(f"unknown technique '{unknown[0]}' (known: {', '.join(grading.TECHNIQUES)})")
    bad = 0
    for number, line in enumerate(read_lines(MAX_DETECT_LINE_BYTES), start=1):
        if isinstance(line, TooLong):
            item, problem = {}, f"the line is {line.size:,} bytes; at most {MAX_DETECT_LINE_BYTES:,}"
        elif not line.strip():
            continue
        else:
            item, problem = _detect_item(line)
        if problem:
            say(f"listen: line {number}: {problem}; skipped", err=True)
            key = item.get("id")
            say(safe_json({"id": key if isinstance(key, (str, int)) else None, "line": number, "error": problem}))
            bad += 1
            continue
        text, context = item.get("text") or "", item.get("context")
        found, evidence = {}, {}
        for name in techniques:
            detection = grading.detect(name, text, context)
            found[name] = detection.found
            evidence[name] = [[start, end] for start, end in detection.evidence]
        say(safe_json({"id": item.get("id"), "found": found, "evidence": evidence}))
    return USAGE_ERROR if bad else 0


@click.command(name="list")
@click.argument("module_id", metavar="[MODULE]", required=False)
@click.pass_context
def list_(ctx: click.Context, module_id: str | None) -> int:
    """List the lessons and exercises with their ids, kind and status.

    With MODULE (an id or number, as `listen status` shows), only that module.
    The status is the last learner's (or --learner's) when there is one.
    """
    settings = settings_of(ctx)
    course = settings.course()
    modules = course.modules
    if module_id is not None:
        chosen = [module for module in modules if module_id in (module.id, str(module.number))]
        if not chosen:
            known = ", ".join(module.id for module in modules)
            raise Refused(f"no module '{module_id}' (modules: {known})")
        modules = tuple(chosen)
    lessons_done: set[str] = set()
    best: dict[str, tuple[bool, float]] = {}
    learner = None
    if settings.data_dir.is_dir() or settings.learner is not None:
        store = settings.reading_store(course)
        learner = settings.reading_learner(store) if settings.learner else store.last_learner()
    if learner is not None:
        states = store.lesson_states(learner)
        lessons_done = {lesson_id for lesson_id, state in states.items() if state.status == "done"}
        for attempt in store.attempts(learner):
            passed, score = best.get(attempt.exercise_id, (False, 0.0))
            best[attempt.exercise_id] = (passed or attempt.passed, max(score, attempt.score))
    if learner is not None:
        say(f"Learner: {learner}")
    for module in modules:
        say(f"\n{module.number}. {module.title}  [{module.id}]")
        for lesson in module.lessons:
            say(f"  lesson    {lesson.id:<42} {'done' if lesson.id in lessons_done else ''}".rstrip())
            for exercise_id in lesson.exercise_ids:
                exercise = course.exercises.get(exercise_id)
                if exercise is None:
                    continue
                passed, score = best.get(exercise_id, (False, -1.0))
                state = "passed" if passed else (f"tried, best {score:.0%}" if score >= 0 else "")
                say(f"    {exercise.kind:<12} {exercise.id:<40} {state}".rstrip())
    say("\nSee one with: listen show ID")
    return 0


@click.command()
@click.argument("item_id", metavar="ID")
@click.pass_context
def show(ctx: click.Context, item_id: str) -> int:
    """Show a lesson, or an exercise's scenario and task, as plain text (ids from `listen list`)."""
    from ..showing import lesson_text

    course = settings_of(ctx).course()
    try:
        say(lesson_text(course.lesson(item_id)))
        return 0
    except KeyError:
        pass
    if item_id not in course.exercises:
        import difflib

        ids = [lesson.id for lesson in course.lessons()] + list(course.exercises)
        close = difflib.get_close_matches(item_id, ids, n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (see them all with: listen list)"
        raise Refused(f"no lesson or exercise with id '{item_id}'{hint}")
    exercise = course.exercise(item_id)
    say(exercise_text(exercise))
    how = "listen converse" if exercise.conversation is not None else "listen answer"
    say(f"\nAnswer with: {how} {exercise.id}")
    return 0


COMMANDS = (check, status, list_, show, answer, grade, detect)
