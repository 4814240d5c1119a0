"""The course content: lessons and exercises read from plain files into frozen dataclasses.

This package knows nothing else of ours (no grading, no progress, no screen).
"""

from .loader import content_files, load_course, read_course
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
