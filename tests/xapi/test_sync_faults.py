"""Sync against a fake LRS that misbehaves on demand: nothing lost, nothing sent twice, waits as asked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from course.xapi.client import CredentialsRefused, EndpointWrong, LrsClient, retry_after_seconds
from course.xapi.config import LrsSettings
from course.xapi.sync import Backoff, send_outbox
from tests.xapi.conftest import fill_outbox
from tests.xapi.fake_lrs import FakeLrs, Fault
from tests.xapi.ralph_lrs import free_port

QUICK = httpx.Timeout(connect=1.0, read=0.3, write=1.0, pool=1.0)


def client_for(lrs: FakeLrs, password: str | None = None, endpoint: str | None = None) -> LrsClient:
    settings = LrsSettings(endpoint or lrs.endpoint, lrs.username, password or lrs.password)
    return LrsClient(settings, timeout=QUICK)


def sync(store, lrs, *, batch=5, password=None, endpoint=None, **options):
    waits: list[float] = []
    with client_for(lrs, password, endpoint) as client:
        summary = send_outbox(store, client, batch=batch, sleep=waits.append, **options)
    return summary, waits


def assert_exactly_once(lrs: FakeLrs, store, queued_ids: list[str], statements: dict[str, dict]) -> None:
    """Every statement reached the LRS as queued, with its own id, once; the outbox is empty."""
    assert list(lrs.statements) == queued_ids
    assert all(lrs.statements[i] == statements[i] for i in queued_ids)
    assert store.outbox_count() == 0


def queue(store, course, count=23):
    ids = fill_outbox(store, course, "Dana", count)
    return ids, {q.id: dict(q.statement) for q in store.outbox()}


def test_everything_goes_in_batches_with_the_version_header(store, course, fake_lrs):
    ids, statements = queue(store, course)
    summary, waits = sync(store, fake_lrs)
    assert summary.complete and (summary.sent, summary.kept, waits) == (23, 0, [])
    assert [len(post) for post in fake_lrs.posts] == [5, 5, 5, 5, 3]
    assert all(h["X-Experience-API-Version"] == "1.0.3" for h in fake_lrs.headers_seen)
    assert_exactly_once(fake_lrs, store, ids, statements)
    assert summary.line() == "sent 23 statements; the outbox is empty."


def test_429_waits_as_long_as_retry_after_says(store, course, fake_lrs):
    ids, statements = queue(store, course)
    fake_lrs.faults = [Fault("status", 429, retry_after="7"), Fault("status", 503, retry_after="2")]
    summary, waits = sync(store, fake_lrs)
    assert summary.complete and waits == [7.0, 2.0]
    assert_exactly_once(fake_lrs, store, ids, statements)


def test_retry_after_as_a_date_and_without_one_backs_off_growing():
    later = datetime.now(timezone.utc) + timedelta(seconds=30)
    assert 27 <= retry_after_seconds(format_datetime(later, usegmt=True)) <= 30
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    assert [Backoff().wait(n) for n in range(1, 8)] == [0.5, 1, 2, 4, 8, 16, 30]


def test_a_retry_after_too_long_keeps_the_rest_for_later_without_waiting(store, course, fake_lrs):
    queue(store, course, 10)
    fake_lrs.faults = [Fault("status", 429, retry_after="3600")]
    summary, waits = sync(store, fake_lrs)
    assert waits == [] and (summary.sent, summary.kept) == (0, 10)
    assert "429" in summary.line() and "3600 s" in summary.line()


@pytest.mark.parametrize("fault", [Fault("slow", seconds=1.0), Fault("cut"), Fault("drop")],
                         ids=["slow answer", "cut mid-response", "closed without answer"])
def test_a_lost_answer_loses_and_duplicates_nothing(store, course, fake_lrs, fault):
    """The LRS stored the batch but the answer never arrived: it is sent again and recognised."""
    ids, statements = queue(store, course, 12)
    fake_lrs.faults = [Fault("none"), fault]  # the second batch's answer is lost
    summary, waits = sync(store, fake_lrs)
    assert summary.complete and summary.sent == 12 and waits == [0.5]
    assert [len(post) for post in fake_lrs.posts] == [5, 5, 5, 2]  # the second batch went twice
    assert fake_lrs.posts[1] == fake_lrs.posts[2]
    assert_exactly_once(fake_lrs, store, ids, statements)


def test_500_on_one_batch_of_several_keeps_only_that_batch(store, course, fake_lrs):
    ids, statements = queue(store, course, 20)
    fake_lrs.failing_ids = {ids[7]}  # always in the second batch
    summary, waits = sync(store, fake_lrs)
    assert (summary.sent, summary.kept) == (15, 5)
    assert waits == [0.5, 1, 2, 4]
    assert "500" in summary.problem
    assert [q.id for q in store.outbox()] == ids[5:10]
    fake_lrs.failing_ids = set()  # mended: the next sync sends the rest
    summary, waits = sync(store, fake_lrs)
    assert summary.complete and summary.sent == 5
    assert sorted(fake_lrs.statements) == sorted(ids)


def test_500_once_is_retried_and_all_arrive(store, course, fake_lrs):
    ids, statements = queue(store, course, 15)
    fake_lrs.faults = [Fault("none"), Fault("status", 500)]
    summary, waits = sync(store, fake_lrs)
    assert summary.complete and waits == [0.5]
    assert_exactly_once(fake_lrs, store, ids, statements)


def test_two_failing_batches_in_a_row_stop_the_sync(store, course, fake_lrs):
    ids, _ = queue(store, course, 20)
    fake_lrs.failing_ids = {ids[0], ids[5]}
    summary, waits = sync(store, fake_lrs)
    assert (summary.sent, summary.kept) == (0, 20) and len(fake_lrs.posts) == 10


def test_waiting_stops_when_the_budget_is_spent(store, course, fake_lrs):
    queue(store, course, 5)
    fake_lrs.faults = [Fault("status", 503, retry_after="20")] * 10
    summary, waits = sync(store, fake_lrs, backoff=Backoff(budget=45))
    assert waits == [20, 20] and summary.kept == 5


def test_a_statement_already_there_with_another_body_is_taken_out(store, course, fake_lrs):
    ids, statements = queue(store, course, 10)
    fake_lrs.statements[ids[3]] = {**statements[ids[3]], "timestamp": "2020-01-01T00:00:00Z"}
    summary, _ = sync(store, fake_lrs)
    assert summary.complete and (summary.sent, summary.already) == (9, 1)
    assert set(fake_lrs.statements) == set(ids)
    assert "(1 the LRS already had)" in summary.line()


def test_a_statement_the_lrs_refuses_stays_and_the_others_go(store, course, fake_lrs):
    ids, _ = queue(store, course, 10)
    fake_lrs.invalid_ids = {ids[6]}
    summary, _ = sync(store, fake_lrs)
    assert (summary.sent, summary.refused, summary.kept) == (9, 1, 1)
    assert [q.id for q in store.outbox()] == [ids[6]]
    assert "refused by the LRS as invalid" in summary.line()


def test_wrong_credentials_stop_at_once_and_keep_everything(store, course, fake_lrs):
    queue(store, course, 10)
    with pytest.raises(CredentialsRefused, match="refused these credentials"):
        sync(store, fake_lrs, password="wrong")
    assert store.outbox_count() == 10 and len(fake_lrs.headers_seen) == 1


def test_a_wrong_address_says_so(store, course, fake_lrs):
    queue(store, course, 3)
    with pytest.raises(EndpointWrong, match="xAPI endpoint"):
        sync(store, fake_lrs, endpoint=fake_lrs.endpoint.replace("/xAPI/", "/lrs/"))
    assert store.outbox_count() == 3


def test_an_unreachable_lrs_keeps_everything_after_a_few_tries(store, course, fake_lrs):
    queue(store, course, 12)
    summary, waits = sync(store, fake_lrs, endpoint=f"http://127.0.0.1:{free_port()}/xAPI/")
    assert (summary.sent, summary.kept) == (0, 12) and waits == [0.5, 1, 2, 4]
    assert "could not reach the LRS" in summary.problem and "connection refused" in summary.problem


def test_the_lrs_going_away_half_way_loses_nothing_and_the_next_sync_finishes(store, course, fake_lrs):
    ids, statements = queue(store, course, 20)
    progress: list[tuple[int, int]] = []

    def lrs_goes_away(done: int, total: int) -> None:
        progress.append((done, total))
        if len(progress) == 2:  # the third batch is stored but its answer cut; then the LRS is down
            fake_lrs.faults = [Fault("cut")] + [Fault("status", 503)] * 9

    summary, _ = sync(store, fake_lrs, on_progress=lrs_goes_away)
    assert (summary.sent, summary.kept) == (10, 10)
    assert progress[:2] == [(5, 20), (10, 20)] and len(fake_lrs.statements) == 15
    summary, _ = sync(store, fake_lrs)
    assert summary.complete and summary.sent == 10
    assert_exactly_once(fake_lrs, store, ids, statements)


def test_an_unknown_host_is_not_tried_again_and_again(store, course):
    queue(store, course, 3)

    def no_such_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    settings = LrsSettings("https://lrs.example.invalid/xapi/", None)
    waits: list[float] = []
    with LrsClient(settings, transport=httpx.MockTransport(no_such_host)) as client:
        summary = send_outbox(store, client, sleep=waits.append)
    assert waits == [] and summary.kept == 3 and "no such host" in summary.line()
