"""What trainers have asked of the learner: assigned modules, due dates, days left, overdue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import Static

from course.trainer.standing import AssignmentStatus

__all__ = ["AssignmentList", "assignment_lines", "due_phrase"]


def due_phrase(status: AssignmentStatus) -> tuple[str, str]:
    """How the due date reads, and its style: ``3 days left``, ``due today``, ``2 days late``, ``done``."""
    if status.complete:
        style = "green"
    elif status.days_left == 0:
        style = "bold yellow"
    else:
        style = "" if status.days_left > 0 else "bold red"
    return status.due_words, style


def assignment_lines(statuses: Sequence[AssignmentStatus], titles: Mapping[str, str]) -> Text:
    """Each assignment: a mark, its modules (✓ when passed), due date and days left; the trainer's message."""
    if not statuses:
        return Text("No assignments. When your trainer gives you one, it shows here.", style="dim")
    out = Text()
    for number, status in enumerate(statuses):
        if number:
            out.append("\n")
        mark = "✓ " if status.complete else ("! " if status.overdue else "● ")
        out.append(mark, style="green" if status.complete else ("bold red" if status.overdue else "yellow"))
        for index, module in enumerate(status.modules):
            if index:
                out.append(", ")
            out.append(titles.get(module.module_id, module.module_id), style="bold" if not module.passed else "")
            out.append(f" {'✓' if module.passed else f'{module.score:.0%}'}", style="green" if module.passed else "dim")
        phrase, style = due_phrase(status)
        out.append(f"  · due {status.assignment.due} · ")
        out.append(phrase, style=style)
        out.append(f" · pass mark {status.assignment.pass_mark:.0%}", style="dim")
        if status.assignment.message or status.assignment.trainer:
            who = status.assignment.trainer or "Your trainer"
            said = f": “{status.assignment.message}”" if status.assignment.message else ""
            out.append(f"\n  {who}{said}", style="italic")
    return out


class AssignmentList(Static):
    """The learner's assignments, soonest due first; give it statuses with ``show``."""

    DEFAULT_CSS = """
    AssignmentList { height: auto; padding: 0 1; }
    """

    def __init__(self, statuses: Sequence[AssignmentStatus] = (), titles: Mapping[str, str] | None = None,
                 *, id: str | None = None) -> None:
        self.titles = dict(titles or {})
        """Module titles by id."""
        super().__init__(assignment_lines(statuses, self.titles), id=id, markup=False)

    def show(self, statuses: Sequence[AssignmentStatus]) -> None:
        """Show these statuses instead."""
        self.update(assignment_lines(statuses, self.titles))
