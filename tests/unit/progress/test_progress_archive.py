"""The archive: older rows closed away out of the live file, read back as if they had never moved."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.progress import ProgressStore
from course.progress import archive as archive_module
from course.progress.events import LearningEvent
from course.progress.storage import ProgressStorage
from course.progress.tallies import tally_rows
from course.progress.trainer_work import TrainerNote
from tests.unit.progress.progress_samples import an_attempt

EXERCISES = ("empathy.late-gift", "attention.flat-fine", "patience.power-cut")


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Close rows away after a handful, so a test needs only a few answers."""
    monkeypatch.setattr(archive_module, "LIMITS", {"attempts": (6, 2), "outbox": (5, 2)})


def a_statement(event: LearningEvent) -> dict[str, Any]:
    """A small statement for each event, enough to follow it through the outbox."""
    return {"id": event.id, "verb": event.verb, "object": event.target}


def live_rows(data_dir: Path, table: str) -> dict[str, Any]:
    return dict(json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))[table])


def closed_files(data_dir: Path) -> list[str]:
    folder = data_dir / "archive"
    return sorted(name for name in os.listdir(folder) if name.endswith(".json")) if folder.exists() else []


def record_many(store: ProgressStore, count: int, learner: str = "Dana") -> list[Any]:
    return [store.record_attempt(learner, an_attempt(EXERCISES[i % 3], score=(i % 10) / 10, passed=i % 4 == 0))
            for i in range(count)]


def test_the_live_file_keeps_only_the_newest_answers_and_nothing_is_lost(store: ProgressStore,
                                                                          data_dir: Path) -> None:
    saved = record_many(store, 20)
    assert len(live_rows(data_dir, "attempts")) <= 6
    assert closed_files(data_dir)
    assert store.attempts("Dana") == saved
    assert ProgressStore(data_dir).attempts("Dana") == saved
    assert store.attempt_count() == store.attempt_count("Dana") == 20
    assert ProgressStore(data_dir).attempts("Dana", EXERCISES[1]) == [a for a in saved if a.exercise_id == EXERCISES[1]]


def test_the_record_at_each_exercise_counts_closed_away_answers_from_the_index(store: ProgressStore,
                                                                                data_dir: Path) -> None:
    saved = record_many(store, 23)
    expected = tally_rows((a.exercise_id, a.score, a.passed, a.seconds) for a in saved)
    assert ProgressStore(data_dir).exercise_tallies("Dana") == expected
    assert store.exercise_tallies("Dana") == expected


def test_the_latest_answer_is_found_when_only_closed_away_answers_remain(store: ProgressStore) -> None:
    first = store.record_attempt("Dana", an_attempt("welcome.first-reply"))
    record_many(store, 12)
    assert store.latest_attempt("Dana", "welcome.first-reply") == first
    assert store.latest_attempt("Dana", "nothing.here") is None


def test_an_answer_sent_again_after_it_was_closed_away_is_kept_once(store: ProgressStore) -> None:
    first = store.record_attempt("Dana", an_attempt())
    record_many(store, 12)
    assert store.record_attempt("Dana", first) == first
    assert store.attempt_count("Dana") == 13
    assert store.import_work("Dana", attempts=[first]).attempts == 0


def test_resetting_an_exercise_clears_its_closed_away_answers_and_keeps_the_old_file(store: ProgressStore,
                                                                                     data_dir: Path) -> None:
    saved = record_many(store, 18)
    store.record_attempt("Priya", an_attempt(EXERCISES[0]))
    before = closed_files(data_dir)
    store.reset_exercise("Dana", EXERCISES[0])
    assert store.attempts("Dana") == [a for a in saved if a.exercise_id != EXERCISES[0]]
    assert len(store.attempts("Priya")) == 1
    assert store.exercise_tallies("Dana").get(EXERCISES[0]) is None
    kept = os.listdir(data_dir / "archive" / "replaced")
    assert kept and set(kept) <= set(before) | {name + ".spare" for name in before}
    assert ProgressStore(data_dir).attempts("Dana") == store.attempts("Dana")


def test_a_renamed_learner_keeps_their_closed_away_answers(store: ProgressStore, data_dir: Path) -> None:
    saved = record_many(store, 15)
    store.rename_learner("Dana", "Dana K")
    assert [a.id for a in ProgressStore(data_dir).attempts("Dana K")] == [a.id for a in saved]
    assert store.attempts("Dana") == []
    assert ProgressStore(data_dir).exercise_tallies("Dana K") == tally_rows(
        (a.exercise_id, a.score, a.passed, a.seconds) for a in saved)


def test_a_deleted_learner_leaves_nothing_in_the_archive(store: ProgressStore, data_dir: Path) -> None:
    record_many(store, 15)
    kept = record_many(store, 3, learner="Priya")
    store.delete_learner("Dana")
    reopened = ProgressStore(data_dir)
    assert reopened.attempt_count() == 3
    assert reopened.attempts("Priya") == kept
    assert reopened.exercise_tallies("Dana") == {}


def test_a_trainers_grade_of_a_closed_away_answer_counts(store: ProgressStore, data_dir: Path) -> None:
    first = store.record_attempt("Dana", an_attempt("welcome.first-reply", score=0.3, passed=False))
    record_many(store, 12)
    assert store.exercise_tallies("Dana")["welcome.first-reply"].passed is False
    note = TrainerNote(first.id, "welcome.first-reply", trainer="Sam", passed=True, score=0.9,
                       written="2026-12-01T10:00:00+00:00")
    store.import_work("Dana", notes=[note])
    record = ProgressStore(data_dir).exercise_tallies("Dana")["welcome.first-reply"]
    assert record.passed is True and record.best == 0.9


def test_a_grade_can_be_contested_on_a_closed_away_answer(store: ProgressStore) -> None:
    first = store.record_attempt("Dana", an_attempt())
    record_many(store, 12)
    assert store.contest_grade("Dana", first.id, "I named her feeling").attempt_id == first.id
    with pytest.raises(ValueError):
        record_many(store, 1, learner="Priya")
        store.contest_grade("Priya", first.id, "not mine")


def test_the_outbox_sends_closed_away_statements_first_and_forgets_them_once_sent(data_dir: Path) -> None:
    store = ProgressStore(data_dir, statements=a_statement)
    record_many(store, 14)
    assert len(live_rows(data_dir, "outbox")) <= 5
    queued = ProgressStore(data_dir, statements=a_statement).outbox()
    assert store.outbox_count() == len(queued) >= 14
    assert [q.queued for q in queued] == sorted(q.queued for q in queued)
    first_half = [q.id for q in queued[: len(queued) // 2]]
    assert store.mark_sent(first_half) == len(first_half)
    left = [q.id for q in store.outbox()]
    assert left == [q.id for q in queued[len(queued) // 2:]]
    assert store.mark_sent(left) == len(left)
    assert store.outbox() == [] and store.outbox_count() == 0
    assert not [name for name in closed_files(data_dir) if name.startswith("outbox-")]


def test_a_closed_file_damaged_from_outside_is_read_from_its_spare(store: ProgressStore, data_dir: Path) -> None:
    saved = record_many(store, 12)
    for name in closed_files(data_dir):
        (data_dir / "archive" / name).write_text("{}", encoding="utf-8")
    reopened = ProgressStore(data_dir)
    assert reopened.attempts("Dana") == saved
    assert not reopened.notices


def test_a_lost_closed_file_is_told_and_everything_else_is_shown(store: ProgressStore, data_dir: Path) -> None:
    saved = record_many(store, 12)
    first = live_rows(data_dir, "archive")["1"]["file"]  # the oldest closed file
    lost = len(json.loads((data_dir / "archive" / first).read_text(encoding="utf-8"))["rows"])
    for name in (first, first + ".spare"):
        (data_dir / "archive" / name).unlink()
    reopened = ProgressStore(data_dir)
    shown = reopened.attempts("Dana")
    assert len(shown) == len(saved) - lost and shown == saved[lost:]
    assert any("could not be read" in notice and "Everything newer is safe" in notice for notice in reopened.notices)


def test_an_index_row_naming_a_file_outside_the_archive_is_refused(store: ProgressStore, data_dir: Path) -> None:
    record_many(store, 12)
    path = data_dir / "progress.json"
    tables = json.loads(path.read_text(encoding="utf-8"))
    for entry in tables["archive"].values():
        entry["file"] = "../progress.json"
    path.write_text(json.dumps(tables), encoding="utf-8")
    reopened = ProgressStore(data_dir)
    assert any("archive file" in notice for notice in reopened.notices)
    assert len(reopened.attempts("Dana")) == len(tables["attempts"])


def test_a_save_that_fails_leaves_the_answers_live_and_no_closed_file_behind(
        store: ProgressStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = record_many(store, 6)
    before = closed_files(data_dir)

    def refuse(self: ProgressStorage, stamp: str) -> os.stat_result:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ProgressStorage, "save", refuse)
    with pytest.raises(Exception, match="space|saved|save"):
        store.record_attempt("Dana", an_attempt())
    monkeypatch.undo()
    assert closed_files(data_dir) == before
    assert ProgressStore(data_dir).attempts("Dana") == saved


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(("Dana", "Priya")), st.sampled_from(EXERCISES),
                          st.integers(0, 10), st.booleans()), min_size=1, max_size=30),
       st.sampled_from((None, *EXERCISES)))
def test_any_history_reads_back_whole_after_closing_and_resets(tmp_path_factory: pytest.TempPathFactory,
                                                               history: list[tuple[str, str, int, bool]],
                                                               reset: str | None) -> None:
    data_dir = tmp_path_factory.mktemp("archive")
    store = ProgressStore(data_dir)
    saved: dict[str, list[Any]] = {"Dana": [], "Priya": []}
    for learner, exercise_id, score, passed in history:
        saved[learner].append(store.record_attempt(learner, an_attempt(exercise_id, score=score / 10, passed=passed)))
    if reset is not None:
        store.reset_exercise("Dana", reset)
        saved["Dana"] = [a for a in saved["Dana"] if a.exercise_id != reset]
    reopened = ProgressStore(data_dir)
    for learner, attempts in saved.items():
        assert reopened.attempts(learner) == attempts
        assert reopened.attempt_count(learner) == len(attempts)
        assert reopened.exercise_tallies(learner) == tally_rows(
            (a.exercise_id, a.score, a.passed, a.seconds) for a in attempts)
        for exercise_id in EXERCISES:
            mine = [a for a in attempts if a.exercise_id == exercise_id]
            assert reopened.latest_attempt(learner, exercise_id) == (mine[-1] if mine else None)
