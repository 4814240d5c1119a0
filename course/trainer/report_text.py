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


def _cell(row: ModuleRow) -> Text:
    mark, style = _MARKS[row.status]
    cell = Text(f"{mark} {row.score:.0%}" if row.attempts else mark, style=style)
    words = due_words(row)
    if words:
        cell.append(f"\n{words}", style="bold red" if row.overdue else "dim")
    return cell


def _bar(share: float, width: int = 20) -> Text:
    filled = round(share * width)
    return Text("█" * filled, style="green").append("░" * (width - filled), style="dim")


def report_tables(report: CohortReport) -> RenderableType:
    """The whole report as Rich renderables, for a terminal."""
    parts: list[RenderableType] = []
    late = sum(1 for learner in report.learners if learner.overdue)
    parts.append(Text.assemble(
        ("Cohort report", "bold"),
        f" · {len(report.learners)} learner{'s' if len(report.learners) != 1 else ''}"
        f" · {late} late · course {report.course_version} · {report.made}"))
    matrix = Table(title="Learners × modules", title_justify="left", show_lines=False, expand=False)
    matrix.add_column("Learner", no_wrap=True)
    for _, title in report.modules:
        matrix.add_column(title, no_wrap=True)
    matrix.add_column("Attempts", justify="right")
    matrix.add_column("Time", justify="right", no_wrap=True)
    width = len(report.modules)
    for number, learner in enumerate(report.learners):
        cells = report.rows[number * width:(number + 1) * width]
        matrix.add_row(Text(learner.learner, style="bold red" if learner.overdue else ""),
                       *(_cell(row) for row in cells), str(learner.attempts), duration(learner.seconds))
    parts += [Text(""), matrix, Text("✓ passed  ● started  ○ not started · score = mean of best scores", style="dim")]
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
            skills.add_row(skill.name, _bar(skill.share), f"{skill.share:.0%}", str(skill.learners), str(skill.below_half))
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
        for item in report.missed_criteria:
            criteria.add_row(Text(item.exercise_title), Text(item.criterion_id),
                             f"{item.missed} of {item.judged} ({item.rate:.0%})")
        parts += [Text(""), criteria]
    if not report.learners:
        parts.append(Text("No learners' results to report on yet.", style="bold"))
    return Group(*parts)


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
    for row, plain in zip(report.rows, data["rows"]):
        plain["overdue"] = row.overdue
    for item, plain in zip(report.missed_exercises, data["missed_exercises"]):
        plain["rate"] = round(item.rate, 4)
    for item, plain in zip(report.missed_criteria, data["missed_criteria"]):
        plain["rate"] = round(item.rate, 4)
    return json.dumps(data, ensure_ascii=False, indent=1)
