"""Noticing that the terminal has gone, even when no hang-up signal says so.

When a terminal closes, the app usually hears SIGHUP. If it does not (the signal was
ignored, or handling it failed), reading the closed terminal returns "end of input" at
once, for ever: Textual's input thread then reads it thousands of times a second and the
app runs on with nobody to see it. This watcher asks the terminal, without reading from
it, whether it has hung up, and says so once.
"""

from __future__ import annotations

import select
import threading
from collections.abc import Callable

__all__ = ["watch_terminal", "POLL_EVERY"]

POLL_EVERY = 0.5
"""Seconds between looks at the terminal."""

_GONE = getattr(select, "POLLHUP", 0) | getattr(select, "POLLERR", 0) | getattr(select, "POLLNVAL", 0)


def _hung_up(fd: int) -> bool:
    """Whether the terminal on ``fd`` has hung up (or the descriptor is no longer usable)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        events = poller.poll(0)
    except OSError:
        return True
    return any(mask & _GONE for _, mask in events)


def watch_terminal(fd: int, on_gone: Callable[[], None], every: float = POLL_EVERY) -> threading.Event | None:
    """Call ``on_gone()`` (from a daemon thread) once the terminal on ``fd`` hangs up.

    Returns an event that stops the watch when set, or None where terminals cannot be
    watched this way (Windows) or ``fd`` has hung up already.
    """
    if not hasattr(select, "poll") or _hung_up(fd):
        return None
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(every):
            if _hung_up(fd):
                on_gone()
                return

    threading.Thread(target=watch, name="terminal-watch", daemon=True).start()
    return stop
