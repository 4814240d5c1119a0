"""The list files themselves: where they live, their lines, and the pair files (``wrong = right``).

A leaf that imports nothing of ours, so that normalising text (which reads the pair files) and
the lexicons (which normalise their entries) do not import each other.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["LEXICON_DIR", "lines_of", "numbered_lines", "pairs"]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
"""Where the list files live."""


def numbered_lines(name: str) -> list[tuple[int, str]]:
    """The entries of a list file with their line numbers, comments and blank lines removed."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.is_file():
        raise ValueError(f"there is no word list {name}.txt")
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append((number, line))
    return lines


def lines_of(name: str) -> list[str]:
    """The entries of a list file, comments and blank lines removed."""
    return [line for _, line in numbered_lines(name)]


@cache
def pairs(name: str) -> dict[str, str]:
    """A pair file as a dict (``wrong = right``), keys and values lower-cased."""
    result: dict[str, str] = {}
    for line in lines_of(name):
        wrong, _, right = line.partition("=")
        if wrong.strip() and right.strip():
            result[wrong.strip().lower()] = right.strip().lower()
    return result
