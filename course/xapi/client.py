"""Talking to a Learning Record Store over HTTP (xAPI 1.0.3 statements resource).

Built on httpx: every request has a connect, read, write and pool timeout,
and a dropped or cut connection is its own kind of error, told apart from an
answer. This module says what the LRS answered; what to do about it is
``sync``'s business.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from .config import LrsSettings
from .vocabulary import XAPI_VERSION

__all__ = [
    "TIMEOUT",
    "Answer",
    "LrsError",
    "LrsUnreachable",
    "CredentialsRefused",
    "EndpointWrong",
    "LrsClient",
    "retry_after_seconds",
]

TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
"""Seconds allowed to connect, to wait for each piece of an answer, to send, and to get a connection."""

MAX_ANSWER_BYTES = 64 * 1024 * 1024
"""The largest answer read from an LRS: a page of 500 statements is a few megabytes."""


class LrsError(Exception):
    """Something between listen and the LRS went wrong; the message says what, in plain words."""


class CredentialsRefused(LrsError):
    """The LRS answered 401 or 403."""


class EndpointWrong(LrsError):
    """The address answers, but not as an xAPI statements resource (404, 405, a redirect)."""


class LrsUnreachable(LrsError):
    """No usable answer now: the LRS could not be reached, was too slow, broke the connection, or is unwell."""

    def __init__(self, reason: str, *, timed_out: bool = False, worth_retrying: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        """What happened, in a few plain words."""
        self.timed_out = timed_out
        """True when the LRS was reached but did not answer in time."""
        self.worth_retrying = worth_retrying
        """False when trying again in a few seconds cannot help (the host name is unknown)."""


@dataclass(frozen=True)
class Answer:
    """What the LRS answered to one request."""

    status: int
    """The HTTP status code."""
    reason: str
    """The status in words (``Service Unavailable``)."""
    detail: str = ""
    """The LRS's own explanation, shortened, if it gave one."""
    retry_after: float | None = None
    """Seconds the LRS asked us to wait (``Retry-After``), if it said."""
    body: Any = None
    """The JSON it sent back, if any."""


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """A ``Retry-After`` header (seconds or an HTTP date) as seconds from now, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


_NO_JSON = object()


def _json(content: bytes) -> Any:
    """The JSON in an answer (None when there is none): strict, so NaN or Infinity is not a number here."""
    if not content:
        return None
    try:
        return json.loads(content.decode("utf-8-sig"), parse_constant=_not_json)
    except (ValueError, RecursionError):
        return _NO_JSON


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _detail(content: bytes, body: Any) -> str:
    if body is _NO_JSON or body is None:
        text = content[:2000].decode("utf-8", errors="replace")
    else:
        said = body.get("detail", body.get("message", "")) if isinstance(body, dict) else ""
        text = said if isinstance(said, str) else json.dumps(said)[:200]
    return " ".join(str(text).split())[:200]


def _shortened(timeout: httpx.Timeout, seconds: float) -> httpx.Timeout:
    """Each phase of ``timeout``, but none longer than ``seconds``."""
    def cut(phase: float | None) -> float:
        return seconds if phase is None else min(phase, seconds)

    return httpx.Timeout(connect=cut(timeout.connect), read=cut(timeout.read), write=cut(timeout.write),
                         pool=cut(timeout.pool))


def _unreachable(error: httpx.TransportError, where: str) -> LrsUnreachable:
    if isinstance(error, httpx.TimeoutException):
        return LrsUnreachable(f"the LRS at {where} did not answer in time", timed_out=True)
    if isinstance(error, httpx.ConnectError):
        cause = str(error) or "connection failed"
        if "refused" in cause.lower():
            cause = "connection refused"
        elif "name" in cause.lower() and ("resolution" in cause.lower() or "known" in cause.lower()):
            return LrsUnreachable(f"could not reach the LRS at {where} (no such host, or no network)",
                                  worth_retrying=False)
        return LrsUnreachable(f"could not reach the LRS at {where} ({cause})")
    if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return LrsUnreachable(f"the connection to the LRS at {where} broke off before it answered")
    return LrsUnreachable(f"could not talk to the LRS at {where} ({type(error).__name__})")


class LrsClient:
    """One LRS's statements resource, with basic authentication and the xAPI version header."""

    def __init__(self, settings: LrsSettings, *, timeout: httpx.Timeout = TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.endpoint = settings.endpoint
        """The xAPI endpoint, ending in ``/``."""
        self.statements_url = urljoin(self.endpoint, "statements")
        """Where statements are posted and read."""
        auth = (settings.username, settings.password or "") if settings.username else None
        self._http = httpx.Client(
            auth=auth,
            timeout=timeout,
            transport=transport,
            headers={"X-Experience-API-Version": XAPI_VERSION, "Accept": "application/json"},
            follow_redirects=False,  # a redirect would resend the password elsewhere
            trust_env=False,  # the LRS is named explicitly; no proxy settings picked up by surprise
        )

    def close(self) -> None:
        """Let go of the connections."""
        self._http.close()

    def __enter__(self) -> LrsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def post_statements(self, statements: Iterable[Mapping[str, Any]], *, within: float | None = None) -> Answer:
        """Send statements in one request; the answer, or LrsUnreachable if none came.

        ``within``: seconds the whole request may take, answer included (default: only the per-phase timeouts).
        """
        body = json.dumps(list(statements), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = self._http.build_request("POST", self.statements_url, content=body,
                                           headers={"Content-Type": "application/json"})
        return self._send(request, within)

    def get_statements(self, params: Mapping[str, str] | None = None, *, more: str | None = None,
                       within: float | None = None) -> Answer:
        """Read statements: a query, or the ``more`` link of an earlier page (``within`` as for posting)."""
        url = self.statements_url if more is None else self._more_url(more)
        request = self._http.build_request("GET", url, params=None if more is not None else dict(params or {}))
        return self._send(request, within)

    def _send(self, request: httpx.Request, within: float | None) -> Answer:
        """Send one request and read its answer, all inside ``within`` seconds when given."""
        if within is not None:
            if within <= 0:
                raise LrsUnreachable(f"the LRS at {self.endpoint} did not answer in the time allowed", timed_out=True)
            request.extensions["timeout"] = _shortened(self._http.timeout, within).as_dict()
        deadline = None if within is None else time.monotonic() + within
        try:
            response = self._http.send(request, stream=True)
            try:
                content = bytearray()
                for (
                    chunk
                ) in response.iter_bytes():  # checked piece by piece: a trickling answer cannot outlast the deadline
                    content += chunk
                    if len(content) > MAX_ANSWER_BYTES:
                        raise LrsUnreachable(f"the LRS at {self.endpoint} sent an answer over "
                                             f"{MAX_ANSWER_BYTES // 1_048_576} MB", worth_retrying=False)
                    if deadline is not None and time.monotonic() > deadline:
                        raise LrsUnreachable(f"the LRS at {self.endpoint} did not answer in the time allowed",
                                             timed_out=True)
            finally:
                response.close()
        except httpx.TransportError as error:
            raise _unreachable(error, self.endpoint) from None
        return self._answer(response, bytes(content))

    def _more_url(self, more: str) -> str:
        """The ``more`` link is a path on the LRS's own host; anything else is refused."""
        url = urljoin(self.endpoint, more)
        here, there = urlsplit(self.endpoint), urlsplit(url)
        if (here.scheme, here.netloc) != (there.scheme, there.netloc):
            raise LrsUnreachable(f"the LRS at {self.endpoint} pointed the next page to another host")
        return url

    @staticmethod
    def _answer(response: httpx.Response, content: bytes) -> Answer:
        body = _json(content)
        return Answer(
            status=response.status_code,
            reason=response.reason_phrase or "",
            detail=_detail(content, body) if response.status_code >= 300 else "",
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            body=None if body is _NO_JSON else body,
        )
