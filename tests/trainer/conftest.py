"""A real course, a learner with answers, and `listen` run in-process, for the trainer's commands."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from course import grading
from course.content.loader import load_course
from course.progress import Attempt, ProgressStore

REPO = Path(__file__).resolve().parents[2]

GOOD_REPLY = ("I'm so sorry, Dana. With the party on Saturday I can see why you're upset. "
              "I'll check where the bike is right now and message you by 3pm today.")
WEAK_REPLY = "Your order will arrive Friday."


@pytest.fixture(scope="session")
def course():
    """The bundled course."""
    return load_course(REPO)


@pytest.fixture
def store(private_data_dir):
    """The store `listen` uses in these tests."""
    opened = ProgressStore(private_data_dir)
    yield opened
    opened.close()


def answer(course, store: ProgressStore, learner: str, exercise_id: str, text: Any, seconds: float = 60.0) -> Attempt:
    """Grade and record an answer the way the app does."""
    exercise = course.exercise(exercise_id)
    if isinstance(text, str) and exercise.is_text:
        attempt = Attempt.from_grade(exercise, text, grading.grade(exercise, text), seconds=seconds)
    else:
        attempt = Attempt(exercise_id, text, 1.0, True, content_hash=exercise.content_hash, seconds=seconds)
    return store.record_attempt(learner, attempt)


def in_days(days: int) -> str:
    """A date ``days`` from today, as YYYY-MM-DD."""
    return (date.today() + timedelta(days=days)).isoformat()


def write_json(path: Path, document: Any) -> Path:
    """Write a document as a file."""
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def store_file_bytes(data_dir: Path) -> bytes:
    """The progress file's bytes (to show an import changed nothing)."""
    return (data_dir / "progress.json").read_bytes()
