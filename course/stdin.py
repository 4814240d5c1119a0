"""Reading standard input without trusting it: any bytes decode, and no line is too long to survive.

Invalid UTF-8 becomes U+FFFD (each bad byte, nothing else is lost), and a
lone surrogate (which a terminal in the C locale hands over for such bytes)
becomes U+FFFD too, so what was read can always be shown, graded and saved.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import IO

__all__ = ["read_text", "read_lines", "TooLong"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 1 << 16


class TooLong:
    """A line longer than the limit (its bytes were read to the end and dropped)."""

    def __init__(self, size: int) -> None:
        self.size = size
        """How long it was, in bytes (characters when the input was text)."""


def _whole(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _binary(stream: IO[str]) -> IO[bytes] | None:
    return getattr(stream, "buffer", None)


def read_text(stream: IO[str] | None = None) -> str:
    """All of standard input (or ``stream``) as text; bytes that are not UTF-8 read as U+FFFD."""
    stream = stream if stream is not None else sys.stdin
    raw = _binary(stream)
    if raw is not None:
        return raw.read().decode("utf-8", errors="replace")
    return _whole(stream.read())


def read_lines(limit: int, stream: IO[str] | None = None) -> Iterator[str | TooLong]:
    """Each line of standard input (or ``stream``), or ``TooLong`` for one over ``limit`` bytes.

    A long line is never held whole: it is read in pieces and dropped.
    """
    stream = stream if stream is not None else sys.stdin
    raw = _binary(stream)
    if raw is None:
        for line in stream:
            yield TooLong(len(line)) if len(line) > limit else _whole(line)
        return
    while True:
        line = raw.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while not line.endswith(b"\n"):
                line = raw.readline(_CHUNK)
                if not line:
                    break
                size += len(line)
            yield TooLong(size)
            continue
        yield line.decode("utf-8", errors="replace")
