"""The outbox: each statement is saved in the same write as the progress it records, and leaves only when sent."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from course.progress import Attempt, ProgressStore, StoreNotWritable
from course.xapi import statement_maker
from tests.xapi.conftest import answer, text_exercise


def verbs(store: ProgressStore) -> list[str]:
    return [queued.statement["verb"]["display"]["en-US"] for queued in store.outbox()]


def test_the_statement_is_in_the_file_with_the_progress_it_records(store, course, data_dir):
    exercise_id = text_exercise(course)
    attempt = answer(store, "Dana", exercise_id)
    on_disk = json.loads((data_dir / "progress.json").read_text())
    [row] = on_disk["outbox"].values()
    assert json.loads(row["statement"])["result"]["response"] == attempt.answer
    assert [a["id"] for a in on_disk["attempts"].values()] == [attempt.id]
    reopened = ProgressStore(data_dir)  # another window sees both
    assert reopened.outbox_count() == 1 and reopened.attempt_count("Dana") == 1


def test_a_save_that_fails_keeps_neither_the_progress_nor_its_statement(store, course, data_dir, monkeypatch):
    answer(store, "Dana", text_exercise(course))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("course.progress.storage.write_atomically", full_disk)
    with pytest.raises(StoreNotWritable):
        answer(store, "Dana", text_exercise(course))
    monkeypatch.undo()
    assert store.attempt_count("Dana") == 1 and store.outbox_count() == 1


def test_saving_the_same_attempt_twice_queues_one_statement(store, course):
    attempt = answer(store, "Dana", text_exercise(course))
    store.record_attempt("Dana", attempt)
    assert store.outbox_count() == 1


def test_a_lesson_is_experienced_once_and_completed_once(store, course):
    lesson_id = course.lessons()[0].id
    store.save_lesson_state("Dana", lesson_id, page=0)
    store.save_lesson_state("Dana", lesson_id, page=1, scroll=3.0)
    store.save_lesson_state("Dana", lesson_id, status="done")
    store.save_lesson_state("Dana", lesson_id, status="started", page=0)
    store.save_lesson_state("Dana", lesson_id, status="done")
    other = course.lessons()[1].id
    store.save_lesson_state("Dana", other, status="done")  # opened and finished at once
    assert verbs(store) == ["experienced", "completed", "experienced", "completed"]


def test_a_module_verdict_is_queued_when_it_changes(store, course):
    assert store.record_module_result("Dana", "empathy", passed=False, score=0.4)
    assert not store.record_module_result("Dana", "empathy", passed=False, score=0.5)
    assert store.record_module_result("Dana", "empathy", passed=True, score=0.9)
    assert not store.record_module_result("Dana", "empathy", passed=True, score=1.0)
    assert store.module_result("Dana", "empathy") is True
    assert store.complete_assignment("Dana", "team-a") and not store.complete_assignment("Dana", "team-a")
    assert verbs(store) == ["failed", "passed", "completed"]


def test_sent_statements_leave_the_outbox_and_others_stay(store, course):
    for _ in range(5):
        answer(store, "Dana", text_exercise(course))
    queued = store.outbox()
    assert store.mark_sent([queued[1].id, queued[3].id, "not-there"]) == 2
    assert [q.id for q in store.outbox()] == [queued[0].id, queued[2].id, queued[4].id]
    assert [q.id for q in store.outbox(limit=2)] == [queued[0].id, queued[2].id]


def test_resets_keep_the_statements_of_what_happened(store, course):
    answer(store, "Dana", text_exercise(course))
    store.reset_all("Dana")
    assert store.attempt_count("Dana") == 0 and store.outbox_count() == 1


def test_renaming_and_deleting_learners_carry_their_outbox(store, course):
    answer(store, "Dana", text_exercise(course))
    answer(store, "Ana", text_exercise(course))
    store.rename_learner("Dana", "Dana K")
    assert [q.learner for q in store.outbox()] == ["Dana K", "Ana"]
    store.delete_learner("Ana")
    assert [q.learner for q in store.outbox()] == ["Dana K"]


def test_a_store_without_a_maker_queues_nothing(data_dir, course):
    plain = ProgressStore(data_dir)
    plain.record_attempt("Dana", Attempt(text_exercise(course), "hi", 0.5, False))
    plain.start_session("Dana")
    plain.end_session("Dana")
    assert plain.outbox_count() == 0


def test_a_session_left_open_by_a_listen_that_died_is_abandoned(data_dir, course):
    code = ("import os, sys; from course.progress import ProgressStore; from course.xapi import statement_maker; "
            "s = ProgressStore(sys.argv[1], statements=statement_maker(sys.argv[1])); s.start_session('Dana'); "
            "os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True)
    store = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    store.start_session("Dana")
    assert verbs(store) == ["initialized", "abandoned", "initialized"]
    first, abandoned, _ = (q.statement for q in store.outbox())
    session = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
    assert abandoned["context"]["extensions"][session] == first["context"]["extensions"][session]


def test_ending_a_session_that_was_never_started_does_nothing(store):
    store.end_session("Dana")
    assert store.outbox_count() == 0


KILLED_WRITER = """
import sys
from course.progress import Attempt, ProgressStore
from course.xapi import statement_maker
store = ProgressStore(sys.argv[1], statements=statement_maker(sys.argv[1]))
number = 0
while True:
    store.record_attempt("Dana", Attempt("empathy.late-gift", "answer %d" % number, 0.5, False))
    if number % 7 == 0:
        store.save_lesson_state("Dana", "lesson-%d" % number, status="done")
    if number == 0:
        print("saving", flush=True)
    number += 1
"""


def test_killed_in_the_middle_of_saves_the_outbox_always_matches_the_progress(data_dir):
    """SIGKILL at random moments: every saved attempt has its statement and no statement lacks its attempt."""
    rng = random.Random(8)
    for _ in range(6):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(data_dir)], stdout=subprocess.PIPE, text=True
        )
        assert (
            writer.stdout is not None and writer.stdout.readline() == "saving\n"
        )  # started, however loaded the machine
        time.sleep(rng.random() * 0.4)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    store = ProgressStore(data_dir)
    attempt_ids = {attempt.id for attempt in store.attempts("Dana")}
    answered = {q.id.replace("-", "") for q in store.outbox() if q.statement["verb"]["id"].endswith("answered")}
    assert attempt_ids and answered == attempt_ids
    done = {state for state, row in store.lesson_states("Dana").items() if row.status == "done"}
    completed = {q.statement["object"]["id"].rsplit("/", 1)[1] for q in store.outbox()
                 if q.statement["verb"]["id"].endswith("completed")}
    assert completed == done
