"""Collecting learners' work for a report: from bundle files and folders, or from this machine's store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from course.content.model import Course

from .bundles import CheckedBundle, check_bundle, export_bundle
from .files import RejectedFile, read_document

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = ["bundle_paths", "read_bundles", "works_from_store"]


def bundle_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """The files to read: each file given, and the ``*.json`` files directly inside each folder given.

    Also the problems with the paths themselves (one line each).
    """
    files: list[Path] = []
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
            if not found:
                problems.append(f"{path}: no .json files in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(files))  # the same file named twice is read once
    return unique, problems


def read_bundles(course: Course, files: Sequence[Path],
                 advance: Callable[[Path], None] | None = None) -> tuple[list[CheckedBundle], list[str]]:
    """The checked bundles in these files, and a line for each file left out or read in part.

    A file that is not a sound results bundle is left out whole; a bundle
    from another version of the course is read, less what this course lacks.
    ``advance`` is called after each file (for a progress bar).
    """
    works: list[CheckedBundle] = []
    warnings: list[str] = []
    for path in files:
        try:
            _, document = read_document(path, ("listen.results",), strict=False)
            bundle = check_bundle(path, document, course, strict=False)
        except RejectedFile as error:
            warnings.append(f"left out {error}")
        else:
            works.append(bundle)
            warnings.extend(bundle.warnings)
        if advance is not None:
            advance(path)
    return works, warnings


def works_from_store(course: Course, store: ProgressStore, *, now: datetime | None = None) -> list[CheckedBundle]:
    """Every learner's work on this machine (a shared training-room machine, say), as the bundles they would export.

    ``now`` is the course clock's time, as for ``export_bundle``.
    """
    bundles = []
    for learner in store.learners():
        document = export_bundle(course, store, learner.name, now=now)
        bundles.append(check_bundle("this machine", document, course, strict=False))
    return bundles
