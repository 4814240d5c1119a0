"""Fixtures for the progress store: every store lives in the test's own tmp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.progress import ProgressStore


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that does not exist yet: the store must make it."""
    return tmp_path / "listen-data"


@pytest.fixture
def store(data_dir: Path) -> ProgressStore:
    """A fresh store, closed after the test."""
    opened = ProgressStore(data_dir, lock_timeout=2.0)
    yield opened
    opened.close()
