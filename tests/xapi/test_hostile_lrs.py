"""An LRS that answers badly on purpose: malformed statements, endless pages, no answer at all."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from course.xapi.client import EndpointWrong, LrsClient
from course.xapi.config import LrsSettings
from course.xapi.fetch import MAX_PAGES, fetch_statements, record_of, statement_problem
from tests.xapi.conftest import fill_outbox

GOOD = {
    "id": "6f1d8c1e-3d6b-4b6f-9a3e-0d6d9a1f2c3b", "timestamp": "2026-03-01T10:00:00Z",
    "actor": {"objectType": "Agent", "account": {"homePage": "https://listen.invalid", "name": "Dana"}},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
    "object": {"id": "https://listen.invalid/exercise/empathy.late-gift"},
    "result": {"score": {"scaled": 0.5}, "success": False, "response": "I hear you."},
}
MALFORMED = [
    {**GOOD, "actor": ["Dana"]},
    {**GOOD, "result": {"score": 0.9}},
    {**GOOD, "object": "empathy.late-gift"},
    {**GOOD, "verb": "answered"},
    {**GOOD, "result": {"score": {"scaled": 3}}},
    {**GOOD, "result": {"success": "yes"}},
    {**GOOD, "id": 7},
    "not a statement",
    None,
]


class PageServer:
    """Answers every GET of statements with ``page`` (a JSON value), as an LRS might misbehave."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.gets = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.gets += 1
                body = json.dumps(server.page).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}/xAPI/"

    def client(self) -> LrsClient:
        return LrsClient(LrsSettings(self.endpoint, "trainer", "pw"))

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[PageServer] = []

    def start(page: Any) -> PageServer:
        servers.append(PageServer(page))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def stalled_lrs() -> Iterator[str]:
    """An address that takes connections and never answers (it never even accepts them)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/xAPI/"
    listener.close()


@pytest.mark.parametrize("statement", MALFORMED, ids=lambda s: json.dumps(s)[:40])
def test_a_malformed_statement_is_named_and_never_breaks_a_record(statement):
    assert statement_problem(statement) is not None
    if isinstance(statement, dict):
        record_of(statement)  # read as far as it makes sense: no exception


def test_a_sound_statement_passes():
    assert statement_problem(GOOD) is None
    assert record_of(GOOD).score == 0.5


def test_report_on_malformed_statements_says_so_without_a_traceback(listen, serve, monkeypatch):
    lrs = serve({"statements": MALFORMED, "more": ""})
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", lrs.endpoint)
    monkeypatch.setenv("LISTEN_LRS_USERNAME", "trainer")
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "pw")
    outcome = listen("report", "--lrs")
    assert outcome.status == 1
    assert "Traceback" not in outcome.err
    assert "left out" in outcome.err and "actor is not an object" in outcome.err


def test_malformed_statements_are_left_out_and_the_good_ones_kept(serve):
    lrs = serve({"statements": [GOOD, *MALFORMED, {**GOOD, "id": "other"}]})
    warnings: list[str] = []
    with lrs.client() as client:
        kept = list(fetch_statements(client, on_warning=warnings.append))
    assert [s["id"] for s in kept] == [GOOD["id"], "other"]
    assert sum(int(w.split()[0]) for w in warnings) == len(MALFORMED)


@pytest.mark.parametrize("page", [[GOOD], {"statements": {"a": GOOD}}, {"statements": [GOOD], "more": 5}, "text",
                                  {"statements": [{**GOOD, "result": {"score": {"scaled": float("inf")}}}]}],
                         ids=["a bare list", "statements not a list", "more not text", "not an object", "Infinity"])
def test_an_answer_that_is_not_a_page_is_refused(serve, page):
    lrs = serve(page)
    with lrs.client() as client, pytest.raises(EndpointWrong, match="not a page of xAPI statements|answered 200"):
        list(fetch_statements(client))


def test_a_more_link_back_to_itself_stops_with_a_warning(serve):
    lrs = serve({"statements": [GOOD], "more": "/xAPI/statements?page=again"})
    warnings: list[str] = []
    with lrs.client() as client:
        kept = list(fetch_statements(client, on_warning=warnings.append))
    assert len(kept) == 2 and lrs.gets == 2  # the first page, then its link once
    assert len(warnings) == 1 and "given before" in warnings[0]


def test_more_links_are_followed_a_bounded_number_of_times(serve, monkeypatch):
    import course.xapi.fetch as fetch

    monkeypatch.setattr(fetch, "MAX_PAGES", 5)
    lrs = serve({"statements": [GOOD], "more": "/xAPI/statements?page=0"})
    pages = iter(range(1, 1_000_000))

    def new_link_each_time() -> None:  # a different link on every page, for ever
        lrs.page = {"statements": [GOOD], "more": f"/xAPI/statements?page={next(pages)}"}

    warnings: list[str] = []
    with lrs.client() as client:
        kept = []
        for statement in fetch_statements(client, on_warning=warnings.append):
            kept.append(statement)
            new_link_each_time()
    assert len(kept) == 6 and "more than 5 pages" in warnings[0]
    assert MAX_PAGES >= 1000


def test_sync_against_a_stalled_lrs_ends_within_its_timeout(store, course, stalled_lrs, data_dir):
    fill_outbox(store, course, "Dana", 120)
    store.close()
    env = {**os.environ, "LISTEN_LRS_ENDPOINT": stalled_lrs, "LISTEN_LRS_USERNAME": "trainer",
           "LISTEN_LRS_PASSWORD": "pw", "LISTEN_HOME": str(data_dir)}
    run = subprocess.run([sys.executable, "-m", "course", "sync", "--timeout", "3", "--batch", "10"],
                         env=env, capture_output=True, text=True, timeout=60)  # a hang fails here
    assert run.returncode == 1, run.stderr
    assert "120 kept for later" in run.stdout + run.stderr
    assert "did not answer" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_sync_takes_at_most_two_minutes_by_default(store):
    from course.commands.sync import sync

    timeout = next(option for option in sync.params if option.name == "seconds")
    assert timeout.default == 120
