"""How grades and progress read in a plain terminal (Rich renderables, no Textual).

Learner text is always shown literally: it goes into ``rich.text.Text``
objects, never through markup, so ``[bold]`` prints as typed. Every Rich
renderable the command line prints goes out through a ``terminal()`` console,
which passes every text through ``course.safe_text.safe_text`` on its way to
the screen (plain lines go through ``course.commands.say``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .safe_text import is_safe, safe_text

if TYPE_CHECKING:
    from .content import Exercise
    from .judging import Judgment, Shown

__all__ = ["judgment_view", "judgment_json", "status_view", "shown_answer", "terminal", "SafeConsole"]

MET, MISSED = "✓", "✗"


class SafeConsole(Console):
    """A Rich console that shows no control character, escape sequence or bidi override it was given.

    Strings and ``Text`` are made safe before they are laid out (so columns
    measure what is shown); every other renderable's segments on their way
    out. Rich's own styling and cursor control pass untouched.
    """

    def render_str(self, text: str, **options: Any) -> Text:  # type: ignore[override]
        """Markup in listen's own strings still works; the text it holds is made safe first."""
        return super().render_str(safe_text(text), **options)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        """The renderable's segments, every text in them made safe."""
        if isinstance(renderable, Text) and not is_safe(renderable.plain):
            renderable = renderable.copy()
            renderable.plain = safe_text(renderable.plain)  # one for one: its styles stay on the same words
        for segment in super().render(renderable, options):
            if segment.control is None and not is_safe(segment.text):
                yield Segment(safe_text(segment.text), segment.style)
            else:
                yield segment


def terminal(*, stderr: bool = False, **options: Any) -> SafeConsole:
    """The console every command prints Rich renderables with (no highlighting, no soft wrap unless asked)."""
    options.setdefault("highlight", False)
    return SafeConsole(stderr=stderr, **options)



COSTS_STYLE = "bold strike red"
"""Words that cost the answer credit: struck through, so it survives NO_COLOR."""
EARNS_STYLE = "bold underline green"
"""Words that earned credit: underlined."""
_ROLE_STYLES = {"strong": "bold", "dim": "dim", "credit": EARNS_STYLE, "cost": COSTS_STYLE}


def shown_answer(shown: Shown) -> Text:
    """The answer exactly as written, with the words that earned credit underlined and those that cost it struck."""
    text = Text(shown.text)
    for span in shown.spans:
        text.stylize(_ROLE_STYLES[span.role], span.start, span.end)
    return text


def _heading(exercise: Exercise, judgment: Judgment) -> Text:
    verdict = "PASSED" if judgment.passed else "NOT YET"
    mark = MET if judgment.passed else MISSED
    return Text.assemble(
        (f"{mark} {verdict}", "bold green" if judgment.passed else "bold yellow"),
        f"  {exercise.title}: score {judgment.score:.0%} (pass mark {judgment.pass_mark:.0%})",
    )


def _written_view(exercise: Exercise, judgment: Judgment) -> Group:
    """Feedback on an answer in the learner's own words: each criterion by id, the answer marked."""
    table = Table(show_header=False, box=None, padding=(0, 1), expand=False)
    table.add_column(width=1)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for point in judgment.lines:  # the course-wide harm checks only when one is missed
        symbol = Text(MET if point.met else MISSED, style="green" if point.met else "red")
        label = Text(point.label, style="bold" if not point.met else "")
        table.add_row(symbol, label, Text(point.feedback))
    parts: list[Any] = [_heading(exercise, judgment), Text(""), table]
    if judgment.essential_missed and not judgment.passed:
        count = len(judgment.essential_missed)
        parts += [Text(""), Text(f"{'A point' if count == 1 else f'{count} points'} marked \"must\" "
                                 f"{'was' if count == 1 else 'were'} missed, so this answer cannot pass yet.")]
    parts += [Text(""), Text("Your answer (what earned credit is underlined, what cost you is struck through):",
                             style="bold")]
    if judgment.shown is not None:
        parts.append(shown_answer(judgment.shown))
    return Group(*parts)


def judgment_view(exercise: Exercise, judgment: Judgment) -> Group:
    """The feedback a learner reads after answering, as Rich renderables: the same judgment the app shows."""
    if exercise.is_text:
        return _written_view(exercise, judgment)
    table = Table(show_header=False, box=None, padding=(0, 1), expand=False)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    replies = judgment.replies if exercise.conversation is not None else ()
    for number, point in enumerate(judgment.lines):
        body = Text(point.feedback.strip())
        if point.heading:
            body = Text.assemble((point.heading.strip(), "bold"), "\n", body)
        for criterion in replies[number].lines if number < len(replies) else ():  # what each reply did
            body.append(f"\n{MET if criterion.met else MISSED} {criterion.feedback.strip()}")
        table.add_row(Text(point.mark, style="green" if point.met else "red"),
                      Text(point.label, style="dim"), body)
    parts: list[Any] = [_heading(exercise, judgment), Text(judgment.summary), Text(""), table]
    if judgment.shown is not None:
        parts += [Text(""), Text("Your answer:", style="bold"), shown_answer(judgment.shown)]
    return Group(*parts)


def judgment_json(exercise: Exercise, judgment: Judgment) -> dict[str, Any]:
    """The judgment as plain data, for scripts and for ``listen grade --json``."""
    answer = judgment.shown.text if judgment.shown is not None and exercise.is_text else ""
    return {
        "exercise": exercise.id,
        "kind": exercise.kind,
        "score": round(judgment.score, 4),
        "passed": judgment.passed,
        "pass_mark": judgment.pass_mark,
        "summary": judgment.summary,
        "criteria": [
            {
                "id": point.id,
                "check": point.check,
                "met": point.met,
                "severity": point.severity,
                "weight": point.weight,
                "skill": point.skill,
                "feedback": point.feedback,
                "evidence": [[start, end] for start, end in point.evidence],
                "evidence_text": [answer[start:end] for start, end in point.evidence],
                **({"about": point.heading} if point.heading else {}),
            }
            for point in judgment.counted
        ],
    }


def status_view(report: dict[str, Any]) -> Group:
    """A learner's progress through the modules as a table."""
    table = Table(title=None, expand=False)
    table.add_column("Module")
    table.add_column("Lessons", justify="right")
    table.add_column("Exercises passed", justify="right")
    table.add_column("Score", justify="left")
    for module in report["modules"]:
        score = module.get("score", 0.0)
        shown = Text(_bar(score))
        if module.get("passed"):
            shown.append(f" {MET} passed", style="green")
        table.add_row(
            Text(module["title"]),
            f"{module['lessons_done']}/{module['lessons_total']}",
            f"{module['exercises_passed']}/{module['exercises_total']}",
            shown,
        )
    heading = Text.assemble(("Learner: ", "bold"), report["learner"], f"   attempts recorded: {report['attempts']}")
    parts: list[Any] = [heading, table]
    titles = {module["id"]: module["title"] for module in report["modules"]}
    for assignment in report.get("assignments", ()):
        when = assignment["due_words"]
        mark = MET if assignment["state"] == "complete" else ("!" if assignment["state"] == "overdue" else "●")
        modules = ", ".join(titles.get(module, module) for module in assignment["modules"])
        parts.append(Text(f"{mark} Assignment: {modules} · due {assignment['due']} · {when} · "
                          f"pass mark {assignment['pass_mark']:.0%} · now {assignment['score']:.0%}"))
    return Group(*parts)


def _bar(share: float, width: int = 12) -> str:
    """``███░░░░░░░░░  25%``: a module's score as the dashboard draws it."""
    share = min(max(share, 0.0), 1.0)
    filled = round(width * share)
    return "█" * filled + "░" * (width - filled) + f" {round(share * 100):>3}%"
