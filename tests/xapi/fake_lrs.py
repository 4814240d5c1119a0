"""A fake Learning Record Store on 127.0.0.1 that fails on demand.

A real LRS will not answer 429, stall, or cut a connection half-way when a
test asks; this one does. It keeps statements like an LRS (same id and body
again: 204; same id, other body: 409 for the whole batch) and its faults are
consumed one per POST, in order.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit


@dataclass
class Fault:
    """What the fake does to one POST instead of answering normally."""

    kind: str
    """``status`` (answer ``status`` without storing), ``slow`` (store, wait ``seconds``, answer),
    ``cut`` (store, send half an answer, close), ``drop`` (store, close without a word),
    or anything else to answer normally."""
    status: int = 500
    retry_after: str | None = None
    seconds: float = 0.0


class FakeLrs:
    """The fake LRS; ``start()`` it, point a client at ``endpoint``, ``stop()`` it."""

    def __init__(self, username: str = "trainer", password: str = "fake-lrs-pw") -> None:
        self.username, self.password = username, password
        self.statements: dict[str, dict[str, Any]] = {}
        """What it stores, by id, in the order received."""
        self.posts: list[list[str]] = []
        """The ids in each POST it received, in order."""
        self.faults: list[Fault] = []
        """Faults still to play, one per POST."""
        self.failing_ids: set[str] = set()
        """A batch holding any of these gets 500, every time."""
        self.invalid_ids: set[str] = set()
        """A batch holding any of these gets 400, as an LRS does for a statement it finds invalid."""
        self.headers_seen: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def endpoint(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/xAPI/"

    def start(self) -> FakeLrs:
        fake = self

        class Handler(_Handler):
            lrs = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    lrs: FakeLrs
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers: a cut hits a reused connection

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        expected = base64.b64encode(f"{self.lrs.username}:{self.lrs.password}".encode()).decode()
        if self.headers.get("Authorization") != f"Basic {expected}":
            self._answer(401, {"detail": "Invalid authentication credentials"})
            return False
        if not self.headers.get("X-Experience-API-Version", "").startswith("1.0"):
            self._answer(400, {"detail": "X-Experience-API-Version header missing"})
            return False
        return True

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if urlsplit(self.path).path != "/xAPI/statements":
            self._answer(404, {"detail": "Not Found"})
            return
        lrs = self.lrs
        with lrs._lock:
            lrs.headers_seen.append(dict(self.headers))
        if not self._authorised():
            return
        batch = json.loads(body)
        batch = batch if isinstance(batch, list) else [batch]
        ids = [statement["id"] for statement in batch]
        with lrs._lock:
            lrs.posts.append(ids)
            fault = lrs.faults.pop(0) if lrs.faults else None
            if lrs.failing_ids & set(ids):
                self._answer(500, {"detail": "Internal Server Error"})
                return
            if lrs.invalid_ids & set(ids):
                self._answer(400, {"detail": "statement is not valid"})
                return
            if fault is not None and fault.kind == "status":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
                self._answer(fault.status, {"detail": "busy"}, headers)
                return
            if len(set(ids)) != len(ids):
                self._answer(400, {"detail": "duplicate ids in one batch"})
                return
            for statement in batch:
                stored = lrs.statements.get(statement["id"])
                if stored is not None and stored != statement:
                    self._answer(
                        409, {"detail": f"Differing statements already exist with the same ID: {statement['id']}"}
                    )
                    return
            new = [statement for statement in batch if statement["id"] not in lrs.statements]
            for statement in new:
                lrs.statements[statement["id"]] = statement
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
        if fault is not None and fault.kind == "cut":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n[\"a")
            self.wfile.flush()
            self.close_connection = True
            return
        if fault is not None and fault.kind == "drop":
            self.close_connection = True
            return
        if new:
            self._answer(200, [statement["id"] for statement in new])
        else:
            self._answer(204)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        if parts.path != "/xAPI/statements":
            self._answer(404, {"detail": "Not Found"})
            return
        if not self._authorised():
            return
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        with self.lrs._lock:
            found = list(self.lrs.statements.values())
        if "agent" in query:
            account = json.loads(query["agent"]).get("account")
            found = [s for s in found if s["actor"].get("account") == account]
        if "since" in query:
            found = [s for s in found if s["timestamp"] > query["since"]]
        limit = int(query.get("limit", 0)) or len(found) or 1
        offset = int(query.get("offset", 0))
        page = found[offset : offset + limit]
        answer: dict[str, Any] = {"statements": page}
        if offset + limit < len(found):
            answer["more"] = "/xAPI/statements?" + urlencode({**query, "offset": offset + limit})
        self._answer(200, answer)
