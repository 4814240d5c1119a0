"""Damage from outside after a save was acknowledged loses nothing; odd but sound files are read as they are."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from course.progress import ProgressStore
from tests.unit.progress.progress_samples import an_attempt

DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage over it": lambda path: path.write_bytes(os.urandom(200) + b"garbage"),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
    "emptied": lambda path: path.write_bytes(b""),
    "deleted": lambda path: path.unlink(),
    "an empty object over it": lambda path: path.write_bytes(b"{}"),
    "a block repeated": lambda path: path.write_bytes(
        path.read_bytes().replace(b'\n"drafts":', b'\n"attempts":{},\n"drafts":', 1)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_every_acknowledged_attempt_survives_outside_damage(data_dir: Path, damage: str) -> None:
    store = ProgressStore(data_dir)
    for number in range(21):  # the first makes the hourly backup; the next 20 are only in the file
        store.record_attempt("Dana", an_attempt(f"e{number}"))
    store.close()

    DAMAGE[damage](data_dir / "progress.json")

    reopened = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in reopened.attempts("Dana")] == [f"e{n}" for n in range(21)]
    [notice] = reopened.notices
    assert "nothing was lost" in notice


def test_damage_while_open_is_repaired_whole_before_the_next_save(data_dir: Path) -> None:
    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e1"))
    store.record_attempt("Dana", an_attempt("e2"))
    (data_dir / "progress.json").write_bytes(b"\x00junk")
    store.record_attempt("Dana", an_attempt("e3"))
    (data_dir / "progress.json").write_bytes(b"{}")  # parses, but is not a store listen saved
    store.record_attempt("Dana", an_attempt("e4"))
    assert [a.exercise_id for a in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e2", "e3", "e4"]


def test_a_byte_order_mark_is_not_damage(data_dir: Path) -> None:
    ProgressStore(data_dir).record_attempt("Dana", an_attempt("e1"))
    path = data_dir / "progress.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as some editors save it
    store = ProgressStore(data_dir)
    assert store.notices == []
    assert [a.exercise_id for a in store.attempts("Dana")] == ["e1"]
    assert not list(data_dir.glob("progress.json.damaged-*"))
    store.record_attempt("Dana", an_attempt("e2"))
    assert [a.exercise_id for a in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e2"]


def test_a_repeated_key_is_damage_not_a_silent_loss(data_dir: Path) -> None:
    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e1"))
    store.close()
    path = data_dir / "progress.json"
    text = path.read_text()
    # A second "learners" block after the first: json would keep only the last one.
    path.write_text(text.rstrip().rstrip("}") + ',\n"learners":{}\n}\n')
    reopened = ProgressStore(data_dir)
    assert [learner.name for learner in reopened.learners()] == ["Dana"]
    [notice] = reopened.notices
    assert "twice" in notice
    assert list(data_dir.glob("progress.json.damaged-*"))


def test_a_symlinked_store_is_written_through(tmp_path: Path, data_dir: Path) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    ProgressStore(elsewhere).record_attempt("Dana", an_attempt("e1"))
    data_dir.mkdir()
    (data_dir / "progress.json").symlink_to(elsewhere / "progress.json")

    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e2"))

    assert (data_dir / "progress.json").is_symlink()
    assert [a["exercise_id"] for a in json.loads((elsewhere / "progress.json").read_text())["attempts"].values()] == [
        "e1", "e2"]


def test_a_damaged_symlinked_store_is_repaired_through_the_link(tmp_path: Path, data_dir: Path) -> None:
    elsewhere = tmp_path / "synced"
    data_dir.mkdir()
    elsewhere.mkdir()
    (data_dir / "progress.json").symlink_to(elsewhere / "progress.json")
    ProgressStore(data_dir).record_attempt("Dana", an_attempt("e1"))
    (elsewhere / "progress.json").write_bytes(b"garbage")
    store = ProgressStore(data_dir)
    assert [a.exercise_id for a in store.attempts("Dana")] == ["e1"]
    assert (data_dir / "progress.json").is_symlink()
    assert list(elsewhere.glob("progress.json.damaged-*"))


def test_two_windows_on_one_learner_lose_no_draft(data_dir: Path) -> None:
    first = ProgressStore(data_dir)
    second = ProgressStore(data_dir)
    first.start_session("Dana")
    second.start_session("Dana")
    assert first.other_windows("Dana") == 1 and second.other_windows("Dana") == 1

    assert first.draft("Dana", "e1") is None and second.draft("Dana", "e1") is None  # both open the exercise
    second.save_draft("Dana", "e1", "typed in the second window")
    first.save_draft("Dana", "e1", "typed in the first window")
    first.clear_draft("Dana", "e1")  # the first window submits its answer

    third = ProgressStore(data_dir)
    assert third.draft("Dana", "e1") == "typed in the second window"


def test_a_draft_taken_over_from_a_closed_window_is_cleared_with_it(data_dir: Path) -> None:
    before = ProgressStore(data_dir)
    before.save_draft("Dana", "e1", "half")
    before.close()
    after = ProgressStore(data_dir)
    assert after.draft("Dana", "e1") == "half"
    after.save_draft("Dana", "e1", "half and more")
    assert after.draft("Dana", "e1") == "half and more"
    after.clear_draft("Dana", "e1")
    assert ProgressStore(data_dir).draft("Dana", "e1") is None


def test_text_no_file_can_hold_is_refused_in_words_and_nothing_changes(data_dir: Path) -> None:
    from course.progress import StoreError

    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e1"))
    before = (data_dir / "progress.json").read_bytes()
    with pytest.raises(StoreError, match="not valid Unicode"):
        store.save_draft("Dana", "e2", "half \udc80 typed")
    with pytest.raises(ValueError, match="not valid Unicode"):
        store.record_attempt("Dana", an_attempt("e3", answer="odd \ud800"))
    assert (data_dir / "progress.json").read_bytes() == before
    store.record_attempt("Dana", an_attempt("e4"))
    assert [a.exercise_id for a in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e4"]


def test_a_link_planted_as_the_spare_is_never_written_through(tmp_path: Path, data_dir: Path) -> None:
    victim = tmp_path / "someone-elses-file"
    victim.write_text("keep me")
    data_dir.mkdir()
    (data_dir / "progress.json.spare").symlink_to(victim)
    ProgressStore(data_dir).record_attempt("Dana", an_attempt("e1"))
    assert victim.read_text() == "keep me"
