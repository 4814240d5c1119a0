"""The word lists behind the detectors: plain files in ``lexicons/``, loaded once and cached.

A list file (``emotion_words.txt``) has one entry per line; ``#`` starts a comment. An entry is
a word or phrase, matched whole-word and case-blind after the same normalisation as answers
(so "don't" and "do not" are one entry). Inside an entry:

- ``word*``       any ending: ``frustrat*`` matches frustrated, frustrating, frustration;
- ``(a|b|c)``     one of these words: ``(is|was) not a big deal``;
- ``[word]``      an optional word: ``i am [so] sorry``;
- ``{list}``      any entry of another list: ``that sounds {emotion_words}``.

A pair file (``typos.txt``, ``contractions.txt``) has ``wrong = right`` lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["LEXICON_DIR", "entries", "fragment", "pattern", "pairs", "entry_regex"]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
"""Where the list files live."""

_OPTIONAL = re.compile(r"^\[(.+)\]$")
_REFERENCE = re.compile(r"^\{(\w+)\}$")
_CHOICE = re.compile(r"^\((.+)\)$")


def _lines(name: str) -> list[str]:
    """The entries of a list file, comments and blank lines removed."""
    path = LEXICON_DIR / f"{name}.txt"
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=None)
def pairs(name: str) -> dict[str, str]:
    """A pair file as a dict (``wrong = right``), keys and values lower-cased."""
    result: dict[str, str] = {}
    for line in _lines(name):
        wrong, _, right = line.partition("=")
        if wrong.strip() and right.strip():
            result[wrong.strip().lower()] = right.strip().lower()
    return result


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """A list file's entries, normalised the way answers are."""
    from course.grading.text import normalise  # late: text needs the pair files first

    seen: dict[str, None] = {}
    for line in _lines(name):
        seen.setdefault(" ".join(normalise(line).split()), None)
    return tuple(seen)


def _word_regex(token: str) -> str:
    """The regex for one token of an entry."""
    reference = _REFERENCE.match(token)
    if reference:
        return f"(?:{fragment(reference.group(1))})"
    choice = _CHOICE.match(token)
    if choice:
        return "(?:" + "|".join(_phrase_regex(t) for t in choice.group(1).split("|")) + ")"
    if token.endswith("*") and len(token) > 1:
        return re.escape(token[:-1]) + r"[\w']*"
    return re.escape(token)


def _phrase_regex(phrase: str) -> str:
    """The regex for plain words separated by spaces."""
    return r"\s+".join(_word_regex(t) for t in phrase.split())


def entry_regex(entry: str) -> str:
    """The regex source for one entry (without the whole-word guards)."""
    # Split on spaces, but keep "(a|b c)" and "[a b]" groups whole.
    tokens = re.findall(r"\[[^\]]*\]|\([^)]*\)\S*|\S+", entry)
    out = ""
    separate = False  # whether the next required token needs a space before it
    for token in tokens:
        optional = _OPTIONAL.match(token)
        if optional:
            inner = _phrase_regex(optional.group(1))
            out += f"(?:\\s+{inner})?" if separate else f"(?:{inner}\\s+)?"
        else:
            out += (r"\s+" if separate else "") + _word_regex(token)
            separate = True
    return out


@lru_cache(maxsize=None)
def fragment(name: str) -> str:
    """A regex alternation of a list's entries, longest first (for use inside bigger patterns)."""
    sources = sorted((entry_regex(e) for e in entries(name)), key=len, reverse=True)
    return "|".join(sources) or r"(?!x)x"


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """A compiled whole-word pattern matching any entry of a list."""
    return re.compile(rf"(?<![\w'])(?:{fragment(name)})(?![\w'])")
