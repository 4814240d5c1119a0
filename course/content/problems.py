"""Problems found in content files, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Problem", "ContentError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file."""

    path: Path
    """The file, as given to the loader (relative paths stay relative)."""
    line: int
    """1-based line number; 0 when the problem is about the file as a whole."""
    message: str
    """Plain words a trainer can act on."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class ContentError(Exception):
    """The course could not be loaded; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the course content")
