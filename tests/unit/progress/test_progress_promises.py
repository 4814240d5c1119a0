"""Promises to customers: saved with the attempt that made them, settled with the follow-up, in one write."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import course.progress.storage as storage
from course.progress import ProgressStore, Promise, Settlement, StoreNotWritable
from course.progress.promises import DUE_AFTER, LAPSES_AFTER, promise_id_of, stamp
from course.progress.row_checks import check_tables
from tests.unit.progress.progress_samples import an_attempt

MADE = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)


def a_promise(exercise_id: str = "empathy.late-gift", *, number: int = 1,
              words: str = "I'll ring you on Friday.") -> Promise:
    return Promise(id=f"{number:032x}", exercise_id=exercise_id, customer="Dana", channel="chat", words=words,
                   made=stamp(MADE), due=stamp(MADE + DUE_AFTER), title="The late gift", context="Where is it?")


def test_a_promise_is_saved_with_its_attempt(store: ProgressStore, data_dir: Path) -> None:
    saved = store.record_attempt("Dana", an_attempt(), promise=a_promise())
    [kept] = ProgressStore(data_dir).promises("dana")
    assert kept.attempt_id == saved.id and kept.words == "I'll ring you on Friday." and kept.customer == "Dana"
    on_disk = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in on_disk["promises"].values()] == [kept.id]


def test_a_failed_save_keeps_neither_the_attempt_nor_its_promise(
    store: ProgressStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_all", disk_full)
    with pytest.raises(StoreNotWritable):
        store.record_attempt("Dana", an_attempt(), promise=a_promise())
    monkeypatch.undo()
    assert store.attempts("Dana") == [] and store.promises("Dana") == []
    assert not any(name.startswith("progress.json.") and name.endswith(".tmp") for name in os.listdir(data_dir))


def test_the_same_attempt_sent_twice_keeps_one_promise(store: ProgressStore) -> None:
    saved = store.record_attempt("Dana", an_attempt(), promise=a_promise(number=1))
    store.record_attempt("Dana", saved, promise=a_promise(number=2))
    assert [p.id for p in store.promises("Dana")] == [a_promise(number=1).id]


def test_a_new_answer_to_the_same_exercise_replaces_its_promise_not_yet_followed_up(store: ProgressStore) -> None:
    store.record_attempt("Dana", an_attempt(), promise=a_promise(number=1))
    store.record_attempt("Dana", an_attempt("empathy.other"), promise=a_promise("empathy.other", number=2))
    store.record_attempt("Dana", an_attempt(), promise=a_promise(number=3, words="I'll email you by 5 pm today."))
    assert [(p.exercise_id, p.words) for p in store.promises("Dana")] == [
        ("empathy.other", "I'll ring you on Friday."), ("empathy.late-gift", "I'll email you by 5 pm today.")]


def test_a_follow_up_settles_its_promise_once(store: ProgressStore) -> None:
    promise = a_promise()
    store.record_attempt("Dana", an_attempt(), promise=promise)
    later = stamp(MADE + timedelta(days=2))
    first = store.record_attempt("Dana", an_attempt(promise.follow_up_id),
                                 settles=Settlement(promise.id, "kept", later))
    store.record_attempt("Dana", an_attempt(promise.follow_up_id),
                         settles=Settlement(promise.id, "renegotiated", later))
    settled = store.promise("Dana", promise.id)
    assert settled is not None
    assert (settled.outcome, settled.settled_by, settled.settled) == ("kept", first.id, later)
    assert settled.state(MADE + timedelta(days=30)) == "kept"


def test_where_a_promise_stands_moves_with_the_clock() -> None:
    promise = a_promise()
    assert promise.state(MADE) == "open"
    assert promise.state(MADE + DUE_AFTER - timedelta(seconds=1)) == "open"
    assert promise.state(MADE + DUE_AFTER) == "due"
    assert promise.state(MADE + DUE_AFTER + LAPSES_AFTER - timedelta(seconds=1)) == "due"
    assert promise.state(MADE + DUE_AFTER + LAPSES_AFTER) == "not_followed_up"


def test_a_follow_up_id_names_its_promise() -> None:
    assert promise_id_of(a_promise().follow_up_id) == a_promise().id
    assert promise_id_of("empathy.late-gift") is None
    assert promise_id_of("follow-up.../x") is None


def test_starting_a_follow_up_afresh_leaves_its_promise_waiting_again(store: ProgressStore) -> None:
    promise = a_promise()
    store.record_attempt("Dana", an_attempt(), promise=promise)
    store.record_attempt("Dana", an_attempt(promise.follow_up_id), promise=a_promise(promise.follow_up_id, number=9),
                         settles=Settlement(promise.id, "renegotiated", stamp(MADE + timedelta(days=2))))
    store.reset_exercise("Dana", promise.follow_up_id)
    assert [(p.id, p.outcome) for p in store.promises("Dana")] == [(promise.id, "")]
    store.reset_exercise("Dana", "empathy.late-gift")
    assert store.promises("Dana") == []


def test_promises_go_with_their_learner(store: ProgressStore) -> None:
    store.record_attempt("Dana", an_attempt(), promise=a_promise())
    store.rename_learner("Dana", "Dana K")
    assert [p.customer for p in store.promises("Dana K")] == ["Dana"]
    store.delete_learner("Dana K")
    assert store.promises("Dana K") == []


def test_an_import_brings_new_promises_and_settlements_only(store: ProgressStore) -> None:
    store.record_attempt("Dana", an_attempt(), promise=a_promise(number=1))
    settled = Promise(**{**a_promise(number=1).__dict__, "outcome": "kept", "settled_by": "a" * 32,
                         "settled": stamp(MADE + timedelta(days=2))})
    counts = store.import_work("Dana", promises=[settled, a_promise("empathy.other", number=2)])
    assert counts.promises == 2 and counts.anything
    assert {p.id: p.outcome for p in store.promises("Dana")} == {a_promise(number=1).id: "kept",
                                                                 a_promise(number=2).id: ""}
    assert store.import_work("Dana", promises=[settled]).promises == 0


@pytest.mark.parametrize("field, value", [
    ("id", "../../etc"), ("id", 12), ("words", ""), ("made", None), ("outcome", "forgotten"), ("exercise_id", " "),
])
def test_a_promise_row_no_listen_wrote_is_set_aside(field: str, value: object) -> None:
    row = {"learner": "Dana", **a_promise().__dict__}
    row[field] = value
    checked = check_tables({"promises": {"1": row}})
    assert checked.tables["promises"] == {} and "a promise to a customer" in checked.problems[0]


def test_a_sound_promise_row_is_kept() -> None:
    row = {"learner": "Dana", **a_promise().__dict__}
    assert check_tables({"promises": {"1": row}}).sound
