"""Against a real LRS (Ralph on 127.0.0.1): synced, read back, survived a restart, refused a wrong password."""

from __future__ import annotations

import shutil
import uuid
from collections import Counter

import pytest

from course.xapi import DEFAULT_HOME_PAGE
from course.xapi.client import CredentialsRefused, LrsClient
from course.xapi.config import LrsSettings
from course.xapi.fetch import fetch_records, fetch_statements
from course.xapi.sync import send_outbox
from tests.xapi.conftest import answer, fill_outbox, text_exercise

pytestmark = pytest.mark.lrs


def a_learner() -> str:
    """A name no other test uses: the LRS is shared by the whole run."""
    return f"Learner {uuid.uuid4().hex[:8]}"


def client(ralph, password: str | None = None) -> LrsClient:
    return LrsClient(LrsSettings(ralph.endpoint, ralph.username, password or ralph.password))


def in_lrs(ralph, learner: str) -> list[dict]:
    with client(ralph) as lrs:
        return list(fetch_statements(lrs, learner=learner, home_page=DEFAULT_HOME_PAGE, page_size=7))


def test_a_learners_attempts_are_synced_and_read_back(listen, store, course, ralph, monkeypatch):
    learner = a_learner()
    exercise_id = text_exercise(course)
    lesson = course.lesson_of(exercise_id)
    store.start_session(learner)
    store.save_lesson_state(learner, lesson.id, status="done")
    # a second apart: the LRS keeps milliseconds, and two answers saved at once may share one
    answer(store, learner, exercise_id, score=0.4, text="Please calm down.", at="2026-03-04T09:00:00+00:00")
    answer(store, learner, exercise_id, score=0.9, text="I can hear how worried you are about Saturday.",
           at="2026-03-04T09:00:01+00:00")
    store.record_module_result(learner, lesson.module_id, passed=True, score=0.9)
    store.end_session(learner)
    queued = {q.id: q.statement for q in store.outbox()}
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", ralph.endpoint)
    monkeypatch.setenv("LISTEN_LRS_USERNAME", ralph.username)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", ralph.password)

    outcome = listen("sync", "--batch", "3")
    assert outcome.status == 0, outcome.err
    assert outcome.out.strip() == "sent 7 statements; the outbox is empty."
    assert ralph.password not in outcome.out + outcome.err

    with client(ralph) as lrs:
        records = fetch_records(lrs, learner=learner, home_page=DEFAULT_HOME_PAGE)
    assert sorted(r.statement_id for r in records) == sorted(queued)
    assert Counter(r.verb for r in records) == Counter(
        {"initialized": 1, "experienced": 1, "completed": 1, "answered": 2, "passed": 1, "terminated": 1})
    answers = {r.response: r for r in records if r.verb == "answered"}
    first, second = answers["Please calm down."], answers["I can hear how worried you are about Saturday."]
    assert (first.exercise_id, first.score, first.success) == (exercise_id, 0.4, False)
    assert (second.exercise_id, second.score, second.success) == (exercise_id, 0.9, True)
    assert first.criteria == {"names-feeling": False, "key-facts": False} and first.timestamp < second.timestamp
    assert {r.module for r in answers.values()} == {lesson.module_id} and all(r.learner == learner for r in records)
    assert [r.kind for r in records if r.verb == "passed"] == ["module"]
    assert all(r.timestamp for r in records)


def test_the_lrs_stopped_mid_sync_and_restarted_gets_every_statement_exactly_once(store, course, ralph, data_dir):
    learner = a_learner()
    ids = fill_outbox(store, course, learner, 30)
    before = data_dir / "progress-before-sync.json"
    shutil.copyfile(data_dir / "progress.json", before)
    stops: list[int] = []

    def stop_after_two_batches(done: int, total: int) -> None:
        if done == 10 and not stops:
            stops.append(done)
            ralph.stop()  # the LRS goes away between two batches...

    def wait_and_restart(seconds: float) -> None:
        if ralph.process is not None and ralph.process.poll() is not None:
            ralph.start()  # ...and is back while we wait to try again

    with client(ralph) as lrs:
        summary = send_outbox(store, lrs, batch=5, sleep=wait_and_restart, on_progress=stop_after_two_batches)
    assert stops == [10] and summary.complete and summary.sent == 30
    arrived = [s["id"] for s in in_lrs(ralph, learner)]
    assert sorted(arrived) == sorted(ids) and len(arrived) == len(set(arrived))

    # The machine died after the LRS took everything but before the outbox was saved: all of it goes again.
    store.close()
    shutil.copyfile(before, data_dir / "progress.json")
    from course.progress import ProgressStore

    again = ProgressStore(data_dir)
    assert again.outbox_count() == 30
    with client(ralph) as lrs:
        summary = send_outbox(again, lrs, batch=7, sleep=lambda s: None)
    assert summary.complete and again.outbox_count() == 0
    arrived = [s["id"] for s in in_lrs(ralph, learner)]
    assert sorted(arrived) == sorted(ids)  # recognised by id: still exactly once


def test_wrong_credentials_are_refused_and_nothing_leaves_the_outbox(listen, store, course, ralph, monkeypatch):
    fill_outbox(store, course, a_learner(), 4)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "wrong-" + ralph.password)
    outcome = listen("sync", "--endpoint", ralph.endpoint, "--username", ralph.username)
    assert outcome.status == 2
    assert "the LRS refused these credentials (401" in outcome.err
    assert "wrong-" + ralph.password not in outcome.out + outcome.err
    assert store.outbox_count() == 4
    with client(ralph, password="wrong") as lrs, pytest.raises(CredentialsRefused):
        list(fetch_statements(lrs))


def test_reading_back_pages_through_more_and_honours_limit_and_since(store, course, ralph):
    learner = a_learner()
    ids = fill_outbox(store, course, learner, 12)
    with client(ralph) as lrs:
        assert send_outbox(store, lrs, batch=12).complete
        every = fetch_records(lrs, learner=learner, home_page=DEFAULT_HOME_PAGE, page_size=5)
        assert sorted(r.statement_id for r in every) == sorted(ids)  # across three pages
        assert [r.timestamp for r in every] == sorted(r.timestamp for r in every)  # in the order they happened
        assert len(fetch_records(lrs, learner=learner, home_page=DEFAULT_HOME_PAGE, page_size=5, limit=7)) == 7
        assert fetch_records(lrs, learner=learner, home_page=DEFAULT_HOME_PAGE, since="2999-01-01T00:00:00Z") == []
