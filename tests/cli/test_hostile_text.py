"""Hostile text from every door reaches the terminal harmless.

No escape sequence, control or bidi override, no traceback.

Each test builds the file or the LRS answer a hostile trainer, learner or
LRS would, runs the real command, and reads what it printed. The app's side
is in tests/tui/test_hostile_text.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from course import grading
from course.content.loader import load_course
from course.progress import Attempt, ProgressStore
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle
from course.xapi import statement_maker

REPO = Path(__file__).resolve().parents[2]
HOSTILE = "\x1b]0;pwned\x07\x1b[2J[bold red]boo[/bold red] [/nope] \u202egnp.exe\u2066 \x9b31m\x7f\x00\r"
BAD = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\n\t"} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
REPLY = "I'm so sorry, Dana. With the party on Saturday I can see why you're upset. I'll check where the bike is now."


def assert_harmless(*outputs: str) -> None:
    """Nothing a terminal would obey (or could not print) was printed, and nothing crashed."""
    for output in outputs:
        assert not BAD & set(output), sorted(BAD & set(output))
        assert not any(0xD800 <= ord(character) <= 0xDFFF for character in output)
        assert "Traceback" not in output


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def in_days(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")  # json escapes the lone surrogates as \ud800
    return path


def hostile_bundle(course, tmp_path: Path) -> dict[str, Any]:
    """Dana's results, her answer carrying escape sequences and a lone surrogate."""
    store = ProgressStore(tmp_path / "danas-machine")
    exercise = course.exercise("empathy.late-gift")
    text = f"{REPLY} {HOSTILE}"
    store.record_attempt("Dana", Attempt.from_grade(exercise, text, grading.grade(exercise, text), seconds=40))
    document = export_bundle(course, store, "Dana")
    store.close()
    document["attempts"][0]["answer"] += " \ud800"
    return document


def hostile_assignment(course) -> dict[str, Any]:
    return {"format": "listen.assignment", "schema_version": 1, "id": f"empathy@{in_days(9)}",
            "modules": ["empathy"], "due": in_days(9), "pass_mark": 0.8, "message": f"Hi {HOSTILE}",
            "trainer": "Sam\x1b[2J\u202e", "course": {"version": course.version},
            "home_page": "https://example.com/\x1b]0;pwned\x07"}


def test_an_assignment_from_a_hostile_trainer(listen, course, tmp_path):
    path = write(tmp_path / "team.assignment.json", hostile_assignment(course))
    imported = listen("--learner", "Dana", "import", str(path))
    assert imported.status == 0, imported.err
    assert "the assignment's home page was not kept" in imported.err  # not a web address: nothing kept
    status = listen("--learner", "Dana", "status")
    as_json = listen("--learner", "Dana", "status", "--json")
    assert status.status == as_json.status == 0
    assert_harmless(imported.out, imported.err, status.out, status.err, as_json.out)
    json.loads(as_json.out)


def test_a_results_bundle_with_a_hostile_answer(listen, course, tmp_path):
    document = hostile_bundle(course, tmp_path)
    path = write(tmp_path / "dana.results.json", document)
    runs = [listen("import", str(path))]
    runs += [listen("report", str(path), "--format", form) for form in ("table", "csv", "json", "html")]
    runs.append(listen("--learner", "Dana", "export", "--out", "-"))
    assert [run.status for run in runs] == [0] * len(runs), [run.err for run in runs]
    assert_harmless(*(run.out for run in runs), *(run.err for run in runs))
    exported = json.loads(runs[-1].out)["attempts"][0]["answer"]
    assert exported.startswith(f"{REPLY} {HOSTILE}")  # JSON says exactly what was written, escaped
    assert exported.endswith("\ufffd")  # the lone surrogate, which nothing can store, read as U+FFFD


def test_review_of_a_hostile_bundle_prints_safely(listen, course, tmp_path, monkeypatch):
    document = hostile_bundle(course, tmp_path)
    path = write(tmp_path / "dana.results.json", document)

    def trainer_reads(draft, target):  # the screen itself is walked in tests/tui/test_hostile_text.py
        assert draft.answers[0].attempt.answer.endswith("\ufffd")
        draft.set_comment(draft.answers[0], "Seen.")
        draft.save(target)
        return True

    monkeypatch.setattr("course.tui.screens.review_answers.run_review", trainer_reads)
    outcome = listen("review", str(path), "--trainer", "Sam")
    assert outcome.status == 0, outcome.err
    assert_harmless(outcome.out, outcome.err)


def test_a_hostile_learner_name_in_a_bundle_is_refused_harmlessly(listen, course, tmp_path):
    document = hostile_bundle(course, tmp_path)
    document["learner"]["name"] = "Dana\x1b]0;pwned\x07"
    path = write(tmp_path / "dana.results.json", document)
    for outcome in (listen("review", str(path)), listen("import", str(path)), listen("report", str(path))):
        assert outcome.status == 2 and "learner name" in outcome.err
        assert_harmless(outcome.out, outcome.err)


def test_a_feedback_file_with_a_hostile_comment(listen, course, tmp_path, private_data_dir):
    document = hostile_bundle(course, tmp_path)
    assert listen("import", str(write(tmp_path / "dana.results.json", document))).status == 0
    draft = FeedbackDraft(bundle_from_document("dana.results.json", document, course), course, trainer="Sam")
    draft.set_comment(draft.answers[0], f"Nearly. {HOSTILE}")
    feedback = draft.document()
    feedback["trainer"] = "Sam\x1b[2J"
    feedback["notes"][0]["comment"] += " \ud800"
    outcome = listen("--learner", "Dana", "import", str(write(tmp_path / "dana.feedback.json", feedback)))
    assert outcome.status == 0 and "1 trainer note" in outcome.out, outcome.err
    assert_harmless(outcome.out, outcome.err)
    store = ProgressStore(private_data_dir)
    [note] = store.trainer_notes("Dana")
    assert note.comment.startswith("Nearly. \x1b]0;pwned") and note.comment.endswith("\ufffd")


def test_a_hostile_file_name_and_refusal(listen, tmp_path):
    path = tmp_path / "x\x1b]0;pwned\x07.json"
    path.write_text('{"format": "listen.assignment\x1b[2J"}', encoding="utf-8")
    outcome = listen("import", str(path))
    assert outcome.status == 2 and "refused" in outcome.err
    assert_harmless(outcome.out, outcome.err)


class HostileLrs:
    """An LRS whose every answer is hostile text: refusals, errors and learners' names."""

    def __init__(self, status: int, statements: list[dict[str, Any]] = ()) -> None:
        self.status = status
        self.statements = list(statements)
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(lrs.status, json.dumps({"message": f"no {HOSTILE} \ud800"}).encode())

            def do_GET(self) -> None:
                self._answer(200, json.dumps({"statements": lrs.statements, "more": ""}).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile_lrs(monkeypatch) -> Iterator[Any]:
    opened: list[HostileLrs] = []
    monkeypatch.setenv("LISTEN_LRS_USERNAME", "trainer")
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "pw")
    from course.commands import sync as sync_command

    monkeypatch.setattr(sync_command, "pause", lambda seconds: None)

    def start(status: int, statements: list[dict[str, Any]] = ()) -> HostileLrs:
        opened.append(HostileLrs(status, statements))
        return opened[-1]

    yield start
    for lrs in opened:
        lrs.close()


def queue_an_answer(course, data_dir: Path) -> ProgressStore:
    store = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    exercise = course.exercise("empathy.late-gift")
    store.record_attempt("Dana", Attempt.from_grade(exercise, REPLY, grading.grade(exercise, REPLY), seconds=40))
    return store


@pytest.mark.parametrize("status", [400, 503])
def test_sync_against_an_lrs_answering_hostile_text(listen, course, private_data_dir, hostile_lrs, status):
    queue_an_answer(course, private_data_dir).close()
    lrs = hostile_lrs(status)
    outcome = listen("sync", "--endpoint", lrs.endpoint)
    assert outcome.status in (0, 1), outcome.err
    assert_harmless(outcome.out, outcome.err)
    assert "␛]0;pwned" in outcome.out  # the LRS's words are quoted, harmless


def test_the_progress_bar_shows_an_lrs_error_as_text_not_markup(listen, course, private_data_dir, hostile_lrs,
                                                                 monkeypatch):
    queue_an_answer(course, private_data_dir).close()
    lrs = hostile_lrs(503)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # draw the bar as on a terminal (with Rich's own cursor control)
    monkeypatch.setenv("COLUMNS", "400")
    outcome = listen("sync", "--endpoint", lrs.endpoint)
    assert outcome.status == 1, outcome.err
    for obeyed in ("\x1b]0;pwned", "\x1b[2J", "\u202e", "\x9b", "\x7f"):
        assert obeyed not in outcome.err
    assert "[/nope]" in outcome.err and "Traceback" not in outcome.err


def test_lrs_names_quoted_in_warnings_and_reports(listen, course, private_data_dir, hostile_lrs, tmp_path):
    store = queue_an_answer(course, tmp_path / "dana")
    statements = [item.statement for item in store.outbox()]
    store.close()
    hostile = json.loads(json.dumps(statements))
    for statement in hostile:  # another learner, whose name no bundle may carry: left out, with a warning
        statement["id"] = str(uuid.uuid4())
        statement["actor"]["account"]["name"] = f"Eve {HOSTILE}"
        statement["result"]["response"] = f"Sorry {HOSTILE}"
    lrs = hostile_lrs(200, [*statements, *hostile])
    outcome = listen("report", "--lrs", "--endpoint", lrs.endpoint)
    assert outcome.status == 0, outcome.err
    assert "learner name will not do" in outcome.err and "␡" in outcome.err  # the LRS's name, quoted harmlessly
    assert_harmless(outcome.out, outcome.err)


def test_a_hostile_lrs_address_in_the_config(listen, private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    (private_data_dir / "config.json").write_text(json.dumps(
        {"home_page": f"https://example.com/{HOSTILE}", "lrs": {"endpoint": f"https://lrs.example/{HOSTILE}",
                                                                 "username": HOSTILE}}))
    outcome = listen("sync")
    assert outcome.status == 2 and "␛]0;pwned" in outcome.err
    assert_harmless(outcome.out, outcome.err)


def run_listen(*args: str, stdin: bytes, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    """``listen`` in its own process, standard input given as raw bytes."""
    return subprocess.run([sys.executable, "-m", "course", *args], input=stdin, capture_output=True,
                          env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=120)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8:surrogateescape"])  # the second: as in the C locale
def test_answer_with_bytes_that_are_not_utf8(private_data_dir, encoding):
    raw = REPLY.encode() + b" \xff\xfe\xc3 and \x1b]0;pwned\x07 too"
    done = run_listen("--learner", "Dana", "answer", "empathy.late-gift", stdin=raw, encoding=encoding)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "Saved: attempt 1" in out
    assert_harmless(out, err)
    [attempt] = ProgressStore(private_data_dir).attempts("Dana")
    assert attempt.answer.startswith(REPLY) and "\ufffd" in attempt.answer and "and \x1b]0;pwned" in attempt.answer


def strict_json(line: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(line, parse_constant=refuse)


def test_detect_answers_every_line_with_strict_json():
    lines = [
        json.dumps({"id": "surrogate", "text": "Why \ud800 now?", "context": "\udfff"}).encode(),
        b'{"id": "nan", "text": "x", "score": NaN}',
        b'{"id": Infinity, "text": "x"}',
        b'{"id": 1e400, "text": "x"}',
        b'{"id": "bytes", "text": "What \xff\xfe happened?"}',
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps({"id": "huge", "text": "a" * 1_200_000}).encode(),
        json.dumps({"id": "long", "text": "a" * 60_000}).encode(),
        b'{"id": "digits", "text": "x", "n": ' + b"9" * 5000 + b"}",
        json.dumps({"id": "escape\x1b[2J", "text": f"What happened? {HOSTILE}"}).encode(),
    ]
    done = run_listen("detect", "asks_question", stdin=b"\n".join(lines) + b"\n")
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 2  # some lines would not do: an input error
    assert_harmless(out, err)
    rows = [strict_json(line) for line in out.splitlines()]
    assert len(rows) == len(lines)  # one answer per line, in order
    assert rows[0]["id"] == "surrogate" and rows[0]["found"] == {"asks_question": True}
    assert rows[4]["id"] == "bytes" and "found" in rows[4]
    assert rows[9]["id"] == "escape\x1b[2J"  # said exactly, as a JSON escape
    errors = {number: row for number, row in enumerate(rows) if "error" in row}
    assert sorted(errors) == [1, 2, 3, 5, 6, 7, 8]
    assert "deeply" in errors[5]["error"] and "bytes" in errors[6]["error"] and errors[7]["id"] == "long"
