"""What can go wrong with the progress file, in words a learner can act on."""

from __future__ import annotations

import errno
from pathlib import Path

__all__ = [
    "StoreError",
    "StoreLocked",
    "StoreFromNewerVersion",
    "StoreNotWritable",
    "TextNotSavable",
    "not_writable",
]


class StoreError(Exception):
    """Progress could not be read or saved; ``str(error)`` tells the learner what to do."""


class StoreLocked(StoreError):
    """Another listen kept the progress file busy for longer than we were willing to wait."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"Another listen window is saving progress and has not finished after {seconds:g} seconds. "
            "Close the other listen window, or wait a moment, and try again."
        )


class StoreFromNewerVersion(StoreError):
    """The progress file was written by a newer listen; we leave it untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"Your progress in {path} was saved by a newer version of listen "
            f"(progress format {found}; this one reads up to {known}). "
            "Update listen to carry on: your progress file has not been changed."
        )


class TextNotSavable(StoreError, ValueError):
    """What was to be saved holds text no file can hold (half of a surrogate pair); nothing was saved."""

    def __init__(self) -> None:
        super().__init__(
            "listen could not save this because it holds text that is not valid Unicode (half of a surrogate pair). "
            "Nothing already saved was lost; remove the odd character and try again."
        )


class StoreNotWritable(StoreError):
    """The progress folder cannot take a save (read-only, disk full); what was saved before is intact."""

    def __init__(self, message: str, *, folder: Path | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.folder = folder
        """The folder that refused the save."""
        self.reason = reason
        """Why, in a few words ("the disk is full")."""


# Why a save failed, by errno, in the learner's words.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "listen is not allowed to write there",
    errno.EPERM: "listen is not allowed to write there",
}


def not_writable(folder: Path, error: OSError) -> StoreNotWritable:
    """A StoreNotWritable saying why ``folder`` refused a save and that nothing was lost."""
    reason = _REASONS.get(error.errno or 0, f"the system said: {error.strerror or error}")
    return StoreNotWritable(
        f"listen could not save your progress in {folder} because {reason}. "
        "Nothing already saved was lost; fix that and try again.",
        folder=folder,
        reason=reason,
    )
