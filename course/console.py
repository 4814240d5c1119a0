"""How grades and progress read in a plain terminal (Rich renderables, no Textual).

Learner text is always shown literally: it goes into ``rich.text.Text``
objects, never through markup, so ``[bold]`` prints as typed. Every Rich
renderable the command line prints goes out through a ``terminal()`` console,
which passes every text through ``course.safe_text.safe_text`` on its way to
the screen (plain lines go through ``course.commands.say``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .safe_text import is_safe, safe_text

if TYPE_CHECKING:
    from .content import Exercise
    from .grading import Grade

__all__ = ["grade_view", "grade_json", "status_view", "highlighted_answer", "terminal", "SafeConsole"]

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



def highlighted_answer(answer: str, grade: "Grade") -> Text:
    """The answer as typed, with the words that earned credit underlined and bold."""
    text = Text(answer)
    for result in grade.results:
        style = "bold strike red" if result.costs else "bold underline green"
        for start, end in result.evidence:
            text.stylize(style, start, end)
    return text


def grade_view(exercise: "Exercise", answer: str, grade: "Grade") -> Group:
    """The feedback a learner reads after answering, as Rich renderables."""
    verdict = "PASSED" if grade.passed else "NOT YET"
    mark = MET if grade.passed else MISSED
    heading = Text.assemble(
        (f"{mark} {verdict}", "bold green" if grade.passed else "bold yellow"),
        f"  {exercise.title}: score {grade.score:.0%} (pass mark {grade.pass_mark:.0%})",
    )
    table = Table(show_header=False, box=None, padding=(0, 1), expand=False)
    table.add_column(width=1)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for result in grade.shown:  # the course-wide harm checks only when one is missed
        symbol = Text(MET if result.met else MISSED, style="green" if result.met else "red")
        label = Text(f"{result.criterion.id} ({result.criterion.severity})", style="bold" if not result.met else "")
        table.add_row(symbol, label, Text(result.feedback))
    parts: list[Any] = [heading, Text(""), table]
    if grade.essential_missed and not grade.passed:
        names = ", ".join(result.criterion.id for result in grade.essential_missed)
        parts += [Text(""), Text(f"An essential point was missed ({names}), so this answer cannot pass yet.")]
    parts += [Text(""), Text("Your answer (what earned credit is underlined, what cost you is struck through):", style="bold"), highlighted_answer(answer, grade)]
    return Group(*parts)


def grade_json(exercise: "Exercise", answer: str, grade: "Grade") -> dict[str, Any]:
    """The grade as plain data, for scripts and for ``listen grade --json``."""
    return {
        "exercise": exercise.id,
        "score": round(grade.score, 4),
        "passed": grade.passed,
        "pass_mark": grade.pass_mark,
        "criteria": [
            {
                "id": result.criterion.id,
                "check": result.criterion.check,
                "met": result.met,
                "severity": result.criterion.severity,
                "weight": result.criterion.weight,
                "skill": result.skill,
                "feedback": result.feedback,
                "evidence": [[start, end] for start, end in result.evidence],
                "evidence_text": [answer[start:end] for start, end in result.evidence],
            }
            for result in grade.results
        ],
    }


def status_view(report: dict[str, Any]) -> Group:
    """A learner's progress through the modules as a table."""
    table = Table(title=None, expand=False)
    table.add_column("Module")
    table.add_column("Lessons", justify="right")
    table.add_column("Exercises passed", justify="right")
    table.add_column("", justify="left")
    for module in report["modules"]:
        done = module["lessons_done"] + module["exercises_passed"]
        total = module["lessons_total"] + module["exercises_total"]
        finished = total and done == total
        table.add_row(
            Text(module["title"]),
            f"{module['lessons_done']}/{module['lessons_total']}",
            f"{module['exercises_passed']}/{module['exercises_total']}",
            Text(f"{MET} done", style="green") if finished else Text(_bar(done, total)),
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


def _bar(done: int, total: int, width: int = 12) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled) + f" {done}/{total}"
