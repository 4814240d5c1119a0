"""The word lists behind the detectors: plain files in ``lexicons/``, loaded once and cached.

A list file (``emotion_words.txt``) has one entry per line; ``#`` starts a comment. An entry is
a word or phrase, matched whole-word and case-blind after the same normalisation as answers
(so "don't" and "do not" are one entry). Inside an entry:

- ``word*``       any ending: ``frustrat*`` matches frustrated, frustrating, frustration;
- ``(a|b|c)``     one of these words: ``(is|was) not a big deal``;
- ``[word]``      an optional word: ``i am [so] sorry``;
- ``{list}``      any entry of another list: ``that sounds {emotion_words}``;
- ``(a|b)*``      one of these words with any ending;
- ``...``         up to four words: ``i can see how ... {emotion_words}``;
- ``<word>``, ``<ing>``, ``<ed>``  any one word, any word ending -ing, a past participle;
- ``<number>``, ``<ordinal>``, ``<clock>``  a number, 1st/2nd/3rd..., a clock time (4pm, 16:30).

A pair file (``typos.txt``, ``contractions.txt``) has ``wrong = right`` lines.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from course.grading.lexicon_files import LEXICON_DIR, pairs
from course.grading.lexicon_files import lines_of as _lines
from course.grading.lexicon_files import numbered_lines as _numbered_lines
from course.grading.text import normalise

__all__ = ["LEXICON_DIR", "entries", "words", "fragment", "pattern", "pairs", "entry_regex", "problems", "forget", "also_forget", "ENTRY_TOKEN", "ENTRY_SHAPE"]

@cache
def entries(name: str) -> tuple[str, ...]:
    """A list file's entries, normalised the way answers are."""
    seen: dict[str, None] = {}
    for line in _lines(name):
        seen.setdefault(" ".join(normalise(line).split()), None)
    return tuple(seen)


@cache
def words(name: str) -> frozenset[str]:
    """A list's single-word entries as a set (for word-by-word lookups)."""
    return frozenset(entry for entry in entries(name) if " " not in entry)


_GAP = r"(?:[^\s.!?]|(?<=\d)\.(?=\d))+"
"""One word, for the ``...`` gap (an amount's point, "£27.40", stays inside it)."""
_SEP = r"(?:\s+|(?<=\w)-(?=\w))"
"""Between two words of an entry: a space or a hyphen ("wi fi" finds "wi-fi", "re rated" "re-rated")."""


class _Parser:
    """Turns one entry into a regex (see the module docstring for the syntax)."""

    def __init__(self, entry: str) -> None:
        self.entry = entry
        self.at = 0

    def parse(self) -> str:
        source = self.sequence(())
        if self.at < len(self.entry):
            raise ValueError(f"unexpected {self.entry[self.at]!r} in lexicon entry {self.entry!r}")
        return source

    def sequence(self, stops: tuple[str, ...]) -> str:
        """Items separated by spaces, up to one of the ``stops`` characters."""
        out = ""
        required = False
        text = self.entry
        while True:
            while self.at < len(text) and text[self.at] == " ":
                self.at += 1
            if self.at >= len(text) or text[self.at] in stops:
                return out
            source, quantity = self.item()
            if quantity is None:
                out += (_SEP if required else "") + source
                required = True
            elif required:
                out += f"(?:{_SEP}{source}){quantity}"
            else:
                out += f"(?:{source}{_SEP}){quantity}"

    def item(self) -> tuple[str, str | None]:
        """One item and its quantity (None when required)."""
        text = self.entry
        char = text[self.at]
        if text.startswith("...", self.at):
            self.at += 3
            return _GAP, "{0,4}"
        if char == "(":
            self.at += 1
            choices = [self.sequence(("|", ")"))]
            while self.at < len(text) and text[self.at] == "|":
                self.at += 1
                choices.append(self.sequence(("|", ")")))
            self.expect(")")
            source = "(?:" + "|".join(choices) + ")"
            if self.at < len(text) and text[self.at] == "*":
                self.at += 1
                source += _REST_OF_WORD
            if self.at < len(text) and text[self.at] == "?":
                self.at += 1
                return source, "?"
            return source, None
        if char == "[":
            self.at += 1
            choices = [self.sequence(("|", "]"))]
            while self.at < len(text) and text[self.at] == "|":
                self.at += 1
                choices.append(self.sequence(("|", "]")))
            self.expect("]")
            return "(?:" + "|".join(choices) + ")", "?"
        shape = ENTRY_SHAPE.match(text, self.at)
        if shape:
            if shape.group(1) not in _SHAPES:
                raise ValueError(f"unknown {shape.group()} in lexicon entry {text!r}; known: {', '.join(_SHAPES)}")
            self.at = shape.end()
            return _SHAPES[shape.group(1)], None
        if char == "{":
            close = text.find("}", self.at)
            if close < 0:
                raise ValueError(f"unclosed {{ in lexicon entry {text!r}")
            name = text[self.at + 1 : close].strip()
            self.at = close + 1
            return f"(?:{fragment(name)})", None
        match = ENTRY_TOKEN.match(text, self.at)
        assert match is not None  # a token starts at every place the scanner stops
        self.at = match.end()
        word = match.group()
        if word.endswith("*") and len(word) > 1:
            return re.escape(word[:-1]) + _REST_OF_WORD, None
        return re.escape(word), None

    def expect(self, char: str) -> None:
        if self.at >= len(self.entry) or self.entry[self.at] != char:
            raise ValueError(f"expected {char!r} in lexicon entry {self.entry!r}")
        self.at += 1


_ATOMIC = sys.version_info >= (3, 11)
"""Possessive quantifiers and atomic groups (Python 3.11 on) spare the engine from backing into a
word it has already read: a word, its ending or a wildcard must end where the word ends anyway, so
the matches are the same and the long lists are scanned faster."""
_REST_OF_WORD = r"[\w']*+" if _ATOMIC else r"[\w']*"

ENTRY_TOKEN = re.compile(r"[^\s()\[\]{}|]+|[^\s]")
"""One word (or sign) of an entry, as the syntax reads it."""
ENTRY_SHAPE = re.compile(r"<([a-z]+)>")
"""A shape an entry names: ``<word>``, ``<ing>``..."""

_SHAPES = {
    "word": r"[\w']++" if _ATOMIC else r"[\w']+",
    "ing": r"(?>\w+)(?<=\wing)" if _ATOMIC else r"\w+ing",
    "ed": r"(?>\w+)(?<=\w(?:ed|en|lt|nt))" if _ATOMIC else r"\w+(?:ed|en|lt|nt)",
    "number": r"(?<!\d[.,])\d+(?:[.,]\d+)*",  # never from inside a number: "1,1,1,..." stays linear
    "ordinal": r"\d{1,2}(?:st|nd|rd|th)",
    "clock": r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.?|p\.m\.?|o'clock|o clock)|(?:[01]?\d|2[0-3]):[0-5]\d)",
}
"""Shapes of words an entry can name: ``<word>``, ``<ing>``, ``<ed>``, ``<number>``, ``<ordinal>``, ``<clock>``."""


def entry_regex(entry: str) -> str:
    """The regex source for one entry (without the whole-word guards)."""
    return _Parser(entry).parse()


@cache
def fragment(name: str) -> str:
    """A regex alternation of a list's entries, longest first (for use inside bigger patterns).

    An entry that does not parse is left out rather than stopping the grader; ``problems()``
    names it with its file and line for ``listen check``.
    """
    sources = []
    for entry in entries(name):
        try:
            sources.append(entry_regex(entry))
        except (ValueError, RecursionError):
            continue
    sources.sort(key=len, reverse=True)
    return "|".join(sources) or r"(?!x)x"


def problems() -> list[tuple[Path, int, str]]:
    """Every list entry that does not parse, as (file, line, message)."""
    found = []
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        if path.stem in ("typos", "contractions", "same_meaning"):
            for number, line in _numbered_lines(path.stem):
                if "=" not in line:
                    found.append((path, number, f"expected `wrong = right`, got {line!r}"))
            continue
        for number, line in _numbered_lines(path.stem):
            try:
                re.compile(entry_regex(" ".join(normalise(line).split())))
            except (ValueError, re.error, RecursionError) as error:
                found.append((path, number, str(error)))
    return found


FIRST_CHARACTER = r"[\w£$€@#&]"
"""What an entry can begin with (entries begin with a word, a number or one of these signs)."""


@cache
def pattern(name: str) -> re.Pattern[str]:
    """A compiled whole-word pattern matching any entry of a list.

    The look-ahead for a first character lets the engine pass over spaces and punctuation
    without trying every entry there: the same matches, about twice as fast on long lists.
    """
    return re.compile(rf"(?={FIRST_CHARACTER})(?<![\w'])(?:{fragment(name)})(?![\w'])")


_ALSO_FORGET: list[Callable[[], None]] = []
"""What modules built on the lists keep of them (``anchors`` files entries): cleared with them."""


def also_forget(clear: Callable[[], None]) -> None:
    """Have ``forget()`` clear a cache built from the lists too."""
    _ALSO_FORGET.append(clear)


def forget() -> None:
    """Forget every list read so far, so the next lookup reads the files again."""
    for function in (entries, words, fragment, pattern, pairs):
        function.cache_clear()
    for clear in _ALSO_FORGET:
        clear()
