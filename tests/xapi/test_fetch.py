"""Reading records back: plain records from any statement, paging, and an LRS that will not answer well."""

from __future__ import annotations

import subprocess
import sys

import pytest

from course.xapi.client import EndpointWrong, LrsClient, LrsUnreachable
from course.xapi.config import LrsSettings
from course.xapi.fetch import fetch_records, fetch_statements, record_of
from course.xapi.sync import send_outbox
from tests.xapi.conftest import fill_outbox
from tests.xapi.fake_lrs import FakeLrs


def client_for(lrs: FakeLrs) -> LrsClient:
    return LrsClient(LrsSettings(lrs.endpoint, lrs.username, lrs.password))


def test_records_follow_more_links_until_the_end(store, course, fake_lrs):
    ids = fill_outbox(store, course, "Dana", 11)
    fill_outbox(store, course, "Ana", 2)
    with client_for(fake_lrs) as lrs:
        send_outbox(store, lrs)
        records = fetch_records(lrs, learner="Dana", home_page="https://listen.invalid", page_size=4)
        assert [r.statement_id for r in records] == ids
        assert {r.learner for r in records} == {"Dana"} and all(r.kind == "exercise" for r in records)
        assert len(list(fetch_statements(lrs, page_size=4, limit=6))) == 6
        assert len(list(fetch_statements(lrs, page_size=100))) == 13


def test_a_statement_from_elsewhere_is_still_a_record():
    record = record_of({
        "id": "6f1d8c1e-3d6b-4b6f-9a3e-0d6d9a1f2c3b", "timestamp": "2026-03-01T10:00:00Z",
        "actor": {"mbox": "mailto:sam@example.org"},
        "verb": {"id": "https://example.org/verbs/watched"},
        "object": {"id": "https://example.org/video/1"},
        "result": {"score": {"scaled": True}},
    })
    assert (record.learner, record.verb, record.kind, record.target) == (
        "mailto:sam@example.org", "https://example.org/verbs/watched", "", "https://example.org/video/1")
    assert record.score is None and record.success is None and record.exercise_id == ""


def test_a_more_link_to_another_host_is_not_followed(fake_lrs):
    with client_for(fake_lrs) as lrs, pytest.raises(LrsUnreachable, match="another host"):
        lrs.get_statements(more="https://elsewhere.example.org/xAPI/statements?page=2")


def test_a_learner_needs_the_organisations_home_page(fake_lrs):
    with client_for(fake_lrs) as lrs, pytest.raises(ValueError, match="home page"):
        list(fetch_statements(lrs, learner="Dana"))


def test_a_wrong_address_is_said_plainly(fake_lrs):
    settings = LrsSettings(fake_lrs.endpoint.replace("/xAPI/", "/nope/"), fake_lrs.username, fake_lrs.password)
    with LrsClient(settings) as lrs, pytest.raises(EndpointWrong, match="404"):
        list(fetch_statements(lrs))


def test_going_online_is_kept_out_of_the_apps_start():
    """The store's statement maker is imported at start; the HTTP library and Textual are not."""
    code = ("import sys, course.xapi, course.xapi.statements, course.xapi.config; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('httpx', 'textual')]; print(bad); "
            "import course.xapi.sync, course.xapi.fetch; "
            "bad += [m for m in sys.modules if m.split('.')[0] == 'textual']; sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
