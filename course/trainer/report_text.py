"""The cohort report for a terminal (Rich tables), and as CSV and JSON for spreadsheets and scripts.

Learner names and every other string from a bundle go into Rich ``Text``
objects, never through markup, so ``[bold]`` in a name prints as typed.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .cohort import CohortReport, ModuleRow

__all__ = ["report_tables", "report_csv", "report_json", "duration", "due_words", "CSV_COLUMNS"]

CSV_COLUMNS = ("learner", "module", "status", "score", "attempts", "minutes", "exercises_tried",
               "exercises_total", "pass_mark", "due", "days_left", "overdue")
"""The columns of the CSV form: one row per learner and module."""


def duration(seconds: float) -> str:
    """``45 min``, ``2 h 05 min``."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def due_words(row: ModuleRow) -> str:
    """``due today``, ``3 days left``, ``5 days late``, or "" when not assigned."""
    if row.days_left is None:
        return ""
    if row.status == "passed":
        return "done in time" if row.days_left >= 0 else "done"
    if row.days_left == 0:
        return "due today"
    if row.days_left > 0:
        return f"{row.days_left} day{'s' if row.days_left != 1 else ''} left"
    late = -row.days_left
    return f"{late} day{'s' if late != 1 else ''} late"


_MARKS = {"passed": ("✓", "green"), "started": ("●", "yellow"), "new": ("○", "dim")}


def _short_due(row: ModuleRow) -> str:
    """``3d left``, ``today``, ``5d late``: one line per learner keeps a big cohort quick to print and read."""
    if row.days_left is None or row.status == "passed":
        return ""
    if row.days_left == 0:
        return "today"
    return f"{row.days_left}d left" if row.days_left > 0 else f"{-row.days_left}d late"


def _cell(row: ModuleRow) -> Text:
    mark, style = _MARKS[row.status]
    cell = Text(f"{mark} {row.score:4.0%}" if row.attempts else f"{mark}     ", style=style)
    words = _short_due(row)
    if words:
        cell.append(f" {words}", style="bold red" if row.overdue else "dim")
    return cell


def _bar(share: float, width: int = 20) -> Text:
    filled = round(share * width)
    return Text("█" * filled, style="green").append("░" * (width - filled), style="dim")


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut (with …) to exactly ``width`` cells, wide characters counted as two."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, width - 1) + "…"


def _matrix(report: CohortReport) -> Group:
    """Learners × modules as aligned lines of Rich text.

    A Rich ``Table`` measures every cell (about 70 µs each): a cohort of a
    thousand learners took most of a second to print, these lines take a few
    hundredths, and read the same.
    """
    names = [learner.learner for learner in report.learners]
    name_width = min(max([cell_len(n) for n in names] + [7]), 32)
    cells = [_cell(row) for row in report.rows]
    widths = [max([cell_len(title)] + [cells[n * len(report.modules) + column].cell_len
                                        for n in range(len(names))])
              for column, (_, title) in enumerate(report.modules)]
    attempts_width = max([len(str(learner.attempts)) for learner in report.learners] + [8])
    times = [duration(learner.seconds) for learner in report.learners]
    time_width = max([len(t) for t in times] + [4])
    def line(text: str = "", style: str = "") -> Text:
        return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="\n")

    header = [
        "Learner".ljust(name_width),
        *(_fit(title, w) for (_, title), w in zip(report.modules, widths, strict=True)),
        "Attempts".rjust(attempts_width),
        "Time".rjust(time_width),
    ]
    lines = [line("Learners × modules", "italic"), line("  ".join(header), "bold"),
             line("  ".join("─" * cell_len(h) for h in header), "dim")]
    for number, learner in enumerate(report.learners):
        row = line(_fit(learner.learner, name_width), "bold red" if learner.overdue else "")
        for column, width in enumerate(widths):
            cell = cells[number * len(report.modules) + column]
            row.append("  ")
            row.append_text(cell)
            row.append(" " * (width - cell.cell_len))
        row.append(f"  {str(learner.attempts).rjust(attempts_width)}  {times[number].rjust(time_width)}")
        lines.append(row)
    return Group(*lines)


def report_tables(report: CohortReport) -> RenderableType:
    """The whole report as Rich renderables, for a terminal."""
    parts: list[RenderableType] = []
    late = sum(1 for learner in report.learners if learner.overdue)
    parts.append(Text.assemble(
        ("Cohort report", "bold"),
        f" · {len(report.learners)} learner{'s' if len(report.learners) != 1 else ''}"
        f" · {late} late · course {report.course_version} · {report.made}"))
    parts += [Text(""), _matrix(report), Text(
        "✓ passed  ● started  ○ not started · score = mean of the best score at each exercise · "
        "3d left / 5d late: days to the assignment's due date", style="dim")]
    skills = Table(title="Skill profile (share of each skill's criteria met)", title_justify="left")
    skills.add_column("Skill")
    skills.add_column("", no_wrap=True)
    skills.add_column("Met", justify="right")
    skills.add_column("Learners", justify="right")
    skills.add_column("Below half", justify="right")
    for skill in report.skills:
        if skill.share is None:
            skills.add_row(skill.name, Text("no answers yet", style="dim"), "—", "0", "—")
        else:
            skills.add_row(
                skill.name, _bar(skill.share), f"{skill.share:.0%}", str(skill.learners), str(skill.below_half)
            )
    parts += [Text(""), skills]
    if report.missed_exercises:
        exercises = Table(title="Exercises missed most often", title_justify="left")
        exercises.add_column("Exercise")
        exercises.add_column("Module")
        exercises.add_column("Not passed", justify="right")
        exercises.add_column("Learners", justify="right")
        for item in report.missed_exercises:
            exercises.add_row(Text(item.title), item.module_id, f"{item.missed} of {item.attempts} ({item.rate:.0%})",
                              str(item.learners))
        parts += [Text(""), exercises]
    if report.missed_criteria:
        criteria = Table(title="Rubric criteria missed most often", title_justify="left")
        criteria.add_column("Exercise")
        criteria.add_column("Criterion")
        criteria.add_column("Missed", justify="right")
        for criterion in report.missed_criteria:
            criteria.add_row(Text(criterion.exercise_title), Text(criterion.criterion_id),
                             f"{criterion.missed} of {criterion.judged} ({criterion.rate:.0%})")
        parts += [Text(""), criteria]
    parts += _promise_tables(report)
    if not report.learners:
        parts.append(Text("No learners' results to report on yet.", style="bold"))
    return Group(*parts)


def _promise_tables(report: CohortReport) -> list[RenderableType]:
    """Per learner, promises to customers made, kept, renegotiated and never followed up; then the unkept ones."""
    if not report.promises:
        return []
    table = Table(title="Promises to customers", title_justify="left")
    for heading in ("Learner", "Made", "Kept", "Renegotiated", "Waiting", "Never followed up"):
        table.add_column(heading, justify="left" if heading == "Learner" else "right")
    for row in report.promises:
        table.add_row(Text(row.learner), str(row.made), str(row.kept), str(row.renegotiated), str(row.waiting),
                      Text(str(row.not_followed_up), style="bold red" if row.not_followed_up else ""))
    parts: list[RenderableType] = [Text(""), table]
    if report.unkept_promises:
        unkept = Table(title="Promises never followed up (latest first)", title_justify="left")
        for heading in ("Learner", "Customer", "Made", "What was promised"):
            unkept.add_column(heading)
        for item in report.unkept_promises:
            unkept.add_row(Text(item.learner), Text(item.customer), item.made[:10], Text(f"“{item.words}”"))
        parts += [Text(""), unkept]
    return parts


def report_csv(report: CohortReport) -> str:
    """One row per learner and module, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        writer.writerow([
            _spreadsheet_safe(row.learner), row.module_id, row.status, f"{row.score:.3f}", row.attempts,
            round(row.seconds / 60, 1), row.exercises_tried, row.exercises_total, row.pass_mark, row.due,
            "" if row.days_left is None else row.days_left, "yes" if row.overdue else "no",
        ])
    return out.getvalue()


def _spreadsheet_safe(value: str) -> str:
    """A name starting with = + - @ would run as a formula when the CSV is opened: keep it text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def report_json(report: CohortReport) -> str:
    """The whole report as one JSON object."""
    data: dict[str, Any] = asdict(report)
    data["format"] = "listen.report"
    for row, plain in zip(report.rows, data["rows"], strict=True):
        plain["overdue"] = row.overdue
    for item, plain in zip(report.missed_exercises, data["missed_exercises"], strict=True):
        plain["rate"] = round(item.rate, 4)
    for criterion, plain in zip(report.missed_criteria, data["missed_criteria"], strict=True):
        plain["rate"] = round(criterion.rate, 4)
    return json.dumps(data, ensure_ascii=False, indent=1)
