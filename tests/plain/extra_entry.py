"""A main-menu entry of another feature, as a test adds one with one line."""

from __future__ import annotations


def greet(session: object) -> None:
    """Say something only this entry says; back to the main menu."""
    session.say("The extra entry ran.")  # type: ignore[attr-defined]


def offered(session: object) -> bool:
    """Always offered."""
    return True
