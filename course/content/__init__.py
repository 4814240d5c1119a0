"""The course content: lessons and exercises read from plain files into frozen dataclasses.

This package knows nothing else of ours (no grading, no progress, no screen).
"""

from typing import Any

from .kinds import EXERCISE_KINDS, ExerciseKind, exercise_kind
from .model import (
    CHANNELS,
    KINDS,
    SEVERITIES,
    SKILLS,
    TEXT_KINDS,
    Course,
    Criterion,
    Exercise,
    Lesson,
    Module,
    Rubric,
    Scenario,
    Section,
)
from .problems import ContentError, Problem

__all__ = [
    "CHANNELS",
    "EXERCISE_KINDS",
    "ExerciseKind",
    "exercise_kind",
    "KINDS",
    "SEVERITIES",
    "SKILLS",
    "TEXT_KINDS",
    "ContentError",
    "Course",
    "Criterion",
    "Exercise",
    "Lesson",
    "Module",
    "Problem",
    "Rubric",
    "Scenario",
    "Section",
    "content_files",
    "load_course",
    "read_course",
]

_LOADER = ("content_files", "load_course", "read_course")


def __getattr__(name: str) -> Any:
    # The loader pulls in YAML, Markdown and schema validation; the app, on a cache
    # hit, never needs them, so they are imported only when first asked for.
    if name in _LOADER:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
