"""Whether the terminal asks for the course as plain text rather than the full-screen app."""

from __future__ import annotations

import os

__all__ = ["wants_plain"]


def wants_plain() -> bool:
    """Whether the terminal asks for plain text: ``LISTEN_PLAIN`` set (and not 0), or a dumb terminal."""
    asked = os.environ.get("LISTEN_PLAIN", "").strip()
    return (asked not in ("", "0")) or os.environ.get("TERM", "") == "dumb"
