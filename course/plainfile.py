"""Opening a file that must be a plain file: never a pipe, a device, a socket or a folder.

Opening a named pipe for reading waits until something writes to it, and a
device such as ``/dev/zero`` never ends; either would hang listen where it
expects a lesson, an import file or the progress file. So the file is opened
without waiting, checked, and only then read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["NotAFile", "open_plain_file", "read_plain_file", "what_it_is"]

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotAFile(OSError):
    """Something other than a plain file is where a file was expected; ``strerror`` says what it is."""

    def __init__(self, path: Path | str, what: str) -> None:
        super().__init__(errno.EINVAL, f"it is {what}, not a file", str(path))
        self.what = what
        """``a named pipe``, ``a device``, ``a socket`` or ``a folder``."""


def what_it_is(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a plain file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a plain file")


def open_plain_file(path: Path | str) -> BinaryIO:
    """The file open for reading in binary; NotAFile (an OSError) if it is not a plain file.

    Other OSErrors (FileNotFoundError, PermissionError...) pass through as ``open`` raises them.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise NotAFile(path, "a folder") from None
    try:
        what = what_it_is(os.fstat(descriptor).st_mode)
        if what is not None:
            raise NotAFile(path, what)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # a plain file: reads behave as usual
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_plain_file(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a plain file (at most ``limit + 1`` of them when a limit is given); NotAFile as above."""
    with open_plain_file(path) as stream:
        return stream.read() if limit is None else stream.read(limit + 1)
