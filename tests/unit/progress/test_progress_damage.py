"""A damaged progress file is moved aside, never overwritten, and the newest good backup restored."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from course.progress import ProgressStore
from tests.unit.progress.progress_samples import an_attempt

CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda good: os.urandom(64) + b"not a progress file",
    "truncated": lambda good: good[: len(good) // 2],
    "nul-padded": lambda good: good[: len(good) // 3] + b"\x00" * 4096,
    "all-nul": lambda good: b"\x00" * len(good),
    "empty": lambda good: b"  \n",
    "zero-byte": lambda good: b"",
    "not-tables": lambda good: b'["a", "list"]',
}


def _store_with_backup(data_dir: Path) -> bytes:
    """Dana's first attempt is in a backup; her second only in the file. The file's bytes."""
    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e1"))  # the first save after opening makes a backup
    store.record_attempt("Dana", an_attempt("e2"))
    store.close()
    assert len(list((data_dir / "backups").iterdir())) == 1
    return (data_dir / "progress.json").read_bytes()


def _damaged_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("progress.json.damaged-*"))


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_damaged_file_loses_nothing_acknowledged(data_dir: Path, kind: str) -> None:
    good = _store_with_backup(data_dir)
    bad = CORRUPTIONS[kind](good)
    (data_dir / "progress.json").write_bytes(bad)

    store = ProgressStore(data_dir)

    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e2"]
    [aside] = _damaged_files(data_dir)
    assert aside.read_bytes() == bad
    [notice] = store.notices
    assert "could not be read" in notice and str(aside) in notice and "nothing was lost" in notice


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_damaged_file_and_spare_are_replaced_by_the_newest_backup(data_dir: Path, kind: str) -> None:
    good = _store_with_backup(data_dir)
    bad = CORRUPTIONS[kind](good)
    (data_dir / "progress.json").write_bytes(bad)
    (data_dir / "progress.json.spare").write_bytes(bad)

    store = ProgressStore(data_dir)

    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]
    [aside] = _damaged_files(data_dir)
    assert aside.read_bytes() == bad
    [notice] = store.notices
    assert "could not be read" in notice and str(aside) in notice and "your backup from" in notice
    json.loads((data_dir / "progress.json").read_text())  # readable again


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_without_a_backup_a_new_file_is_started_and_the_damaged_one_kept(data_dir: Path, kind: str) -> None:
    good = _store_with_backup(data_dir)
    shutil.rmtree(data_dir / "backups")
    (data_dir / "progress.json.spare").unlink()
    bad = CORRUPTIONS[kind](good)
    (data_dir / "progress.json").write_bytes(bad)

    store = ProgressStore(data_dir)

    assert store.attempts("Dana") == [] and store.learners() == []
    [aside] = _damaged_files(data_dir)
    assert aside.read_bytes() == bad
    [notice] = store.notices
    assert "no backup" in notice and "started a new one" in notice and str(aside) in notice


def test_a_damaged_backup_is_skipped_for_an_older_good_one(data_dir: Path) -> None:
    _store_with_backup(data_dir)
    store = ProgressStore(data_dir)
    store.backup_now("second")
    store.close()
    backups = sorted((data_dir / "backups").iterdir())
    backups[-1].write_bytes(b"{\"meta\": trunc")
    (data_dir / "progress.json").write_bytes(b"")
    (data_dir / "progress.json.spare").unlink()
    reopened = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in reopened.attempts("Dana")] == ["e1"]


def test_damaged_files_are_never_overwritten(data_dir: Path) -> None:
    _store_with_backup(data_dir)
    for bad in (b"first damage", b"second damage", b"third damage"):
        (data_dir / "progress.json").write_bytes(bad)
        ProgressStore(data_dir).close()
    assert sorted(path.read_bytes() for path in _damaged_files(data_dir)) == [
        b"first damage",
        b"second damage",
        b"third damage",
    ]


def test_damage_while_the_app_is_open_is_repaired_on_the_next_use(data_dir: Path) -> None:
    _store_with_backup(data_dir)
    store = ProgressStore(data_dir)
    (data_dir / "progress.json").write_bytes(b"\x00" * 100)
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e2"]
    assert any("could not be read" in notice for notice in store.notices)
    store.record_attempt("Dana", an_attempt("e3"))
    assert [attempt.exercise_id for attempt in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e2", "e3"]


def test_a_missing_file_comes_back_whole(data_dir: Path) -> None:
    _store_with_backup(data_dir)
    (data_dir / "progress.json").unlink()
    store = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e2"]
    assert any("was missing" in notice and "nothing was lost" in notice for notice in store.notices)


def test_a_missing_file_and_spare_come_back_from_the_backup(data_dir: Path) -> None:
    _store_with_backup(data_dir)
    (data_dir / "progress.json").unlink()
    (data_dir / "progress.json.spare").unlink()
    store = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]
    assert any("was missing" in notice for notice in store.notices)


def test_a_first_start_says_nothing(data_dir: Path) -> None:
    assert ProgressStore(data_dir).notices == []
