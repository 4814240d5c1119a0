"""``listen import``: one door for assignments, results bundles and feedback files.

A file is read and checked completely (size, JSON, schema, then ids, dates
and course version against this machine) before one byte is written, and
then everything it brings is saved in a single store write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from course.content.model import Course
from course.progress.trainer_work import ImportCounts

from .assignments import assignment_from_document, check_assignment
from .bundles import bundle_from_document
from .feedback import notes_from_document
from .files import RejectedFile, read_document

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = ["Imported", "import_file"]


@dataclass(frozen=True)
class Imported:
    """What an import brought in."""

    kind: str
    """``assignment``, ``results`` or ``feedback``."""
    learner: str
    """Whose store it went into."""
    counts: ImportCounts
    """How much was new or changed."""
    home_page: str = ""
    """The organisation's web address an assignment carried, if any."""

    def summary(self) -> str:
        """One line saying what happened."""
        c = self.counts
        if not c.anything:
            return f"Nothing new for {self.learner}: this file was imported before."
        if self.kind == "assignment":
            return f"Assignment added for {self.learner}."
        if self.kind == "feedback":
            return f"{c.notes} trainer note{'s' if c.notes != 1 else ''} added for {self.learner}."
        parts = [f"{c.attempts} new attempt{'s' if c.attempts != 1 else ''}"]
        if c.assignments:
            parts.append(f"{c.assignments} assignment{'s' if c.assignments != 1 else ''}")
        if c.notes:
            parts.append(f"{c.notes} trainer note{'s' if c.notes != 1 else ''}")
        if c.promises:
            parts.append(f"{c.promises} promise{'s' if c.promises != 1 else ''} to customers")
        return f"Imported {self.learner}'s results: {', '.join(parts)}."


def import_file(course: Course, store: ProgressStore, path: Path | str,
                learner: str | Callable[[], str] | None = None) -> Imported:
    """Check a listen file and bring what it holds into the store; RejectedFile (nothing written) if it will not do.

    ``learner`` is whose an assignment becomes (a name, or a function asked
    only when the file turns out to be an assignment); bundles and feedback
    files name their learner themselves.
    """
    kind, document = read_document(path)
    if kind == "assignment":
        assignment = assignment_from_document(document)
        check_assignment(path, assignment, course)
        name = learner() if callable(learner) else learner
        if not name:
            raise RejectedFile(path, "it is an assignment, and there is no learner to give it to yet")
        counts = store.import_work(name, assignments=[assignment])
        return Imported(kind, name, counts, document.get("home_page", ""))
    if kind == "results":
        bundle = bundle_from_document(path, document, course, strict=True)
        work = bundle.work
        counts = store.import_work(work.learner, attempts=work.attempts, assignments=work.assignments,
                                   notes=work.notes.values(), promises=bundle.promises,
                                   contests=bundle.contests.values())
        return Imported(kind, work.learner, counts)
    name, notes = notes_from_document(path, document, course, store)
    return Imported(kind, name, store.import_work(name, notes=notes))
