"""Telling listen windows apart: which one wrote a row, and whether it still runs."""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from typing import Any

__all__ = ["new_window_id", "window_running", "left_behind"]


def new_window_id() -> str:
    """An id for this window: the machine, the process and a random part (``host:pid:random``)."""
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(4).hex()}"


def _running(host: Any, pid: Any) -> bool:
    """Whether process ``pid`` on ``host`` may still run (another machine, or no cheap way to ask: yes)."""
    if host != socket.gethostname() or os.name != "posix":
        return True
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def window_running(window: str) -> bool:
    """Whether the window with this id may still be open (an id from before windows had ids: no)."""
    host, _, rest = window.partition(":")
    pid, _, _ = rest.partition(":")
    if not pid.isdigit() or len(pid) > 10:
        return False
    return _running(host, int(pid))


def left_behind(row: Mapping[str, Any]) -> bool:
    """Whether a stored session belongs to a listen on this machine that is no longer running."""
    if row.get("host") != socket.gethostname() or os.name != "posix":
        return False
    pid = row.get("pid")
    if not isinstance(pid, int) or pid == os.getpid():
        return False
    return not _running(row.get("host"), pid)
