"""A learner's words, normalised for matching, with every match mapped back to the original.

Detectors never match the raw text: they match a copy that is lower-cased, with curly quotes
straightened, contractions spelled out ("don't" -> "do not"), common typos fixed and runs of
whitespace collapsed. Each character of that copy remembers which characters of the original it
came from, so evidence can highlight exactly what the learner typed.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from course.grading.lexicon_files import pairs

__all__ = ["Text", "Sentence", "analyse", "normalise", "merge_spans", "WORD"]

_PIECE = re.compile(r"[^\W_]+(?:['\u2019\u2018`\u00b4][^\W_]+)*|\s+|.", re.S)
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""A word of normalised text (letters and digits, with inner apostrophes)."""

_CHARS = {
    "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u2026": "...", "\uff1f": "?", "\uff01": "!", "\u00a0": " ",
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
# "'s" is left alone except after these words, where it is always "is" (not a possessive).
_IS_WORDS = frozenset(
    "it that what there here he she who where how when why everything something nothing".split()
)
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"), ("'d", " would"))
_HAS_NEXT = re.compile(r"\s+(?:been|got|gotten)\b", re.I)
# "you'd called", "I'd sent": 'd before a past participle is "had", not "would".
_HAD_NEXT = re.compile(r"\s+(?:only\s+|already\s+|just\s+)?(?:been|got|done|gone|had|known|seen|left|made|sent|told|paid|put|taken|given|read|\w+ed)\b", re.I)
# Each run of stops or emoji is tried from its first character only (the look-behinds): tried
# from every character of a long run, the pattern took time growing with the square of its length.
_SENTENCE_END = re.compile(
    r"(?<![.!?])[.!?]+[\"')\]]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*\u2022\d])"
    r"|(?<![\U0001F300-\U0001FAFF\u2600-\u27BF])[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?=\s+\w)"
)
_LONGEST_SENTENCE = 500
"""Characters past which a run-on "sentence" is cut at a space: detectors look through a whole
sentence for each phrase they find, so an endless one would cost time growing with its square."""


def _spell_out(word: str) -> str | None:
    """The normalised form of a lower-cased word, or None if it stays as it is."""
    fixed = pairs("typos").get(word)
    if fixed is not None:
        return fixed
    fixed = pairs("contractions").get(word)
    if fixed is not None:
        return fixed
    if "'" not in word:
        return None
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("'s") and word[:-2] in _IS_WORDS:
        return word[:-2] + " is"
    return None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, as a span of the normalised copy."""

    start: int
    """Index of its first character in ``Text.norm``."""
    end: int
    """Index just past its last character (its closing punctuation included)."""
    text: str
    """Its normalised words, closing punctuation included."""

    @property
    def is_question(self) -> bool:
        """Whether it ends with a question mark."""
        return "?" in self.text[-4:]


class Text:
    """A text and its normalised copy, with the map between the two."""

    __slots__ = ("original", "norm", "_starts", "_ends", "_sentences", "_words", "_sentence_starts", "memo")

    def __init__(self, original: str) -> None:
        self.original = original
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last_space = True
        for piece in _PIECE.finditer(original):
            raw = piece.group()
            begin, finish = piece.span()
            if raw.isspace() or (len(raw) == 1 and unicodedata.category(raw) in ("Cc", "Cf", "Zl", "Zp")):
                if not last_space:
                    parts.append("\n" if "\n" in raw else " ")
                    starts.append(begin)
                    ends.append(finish)
                    last_space = True
                elif "\n" in raw and parts and parts[-1] == " ":
                    parts[-1] = "\n"
                continue
            last_space = False
            if raw[0].isalnum() or raw[0] == "_":
                lowered = raw.translate(_APOSTROPHES).lower()
                spelled = _spell_out(lowered)
                if spelled is not None and spelled.endswith(" is") and _HAS_NEXT.match(original, finish):
                    spelled = spelled[:-3] + " has"  # "it's been", "that's got": 's is "has" here
                if spelled is not None and spelled.endswith(" would") and lowered.endswith("'d") and _HAD_NEXT.match(original, finish):
                    spelled = spelled[:-6] + " had"  # "if you'd called": 'd is "had" here
                if lowered == "ill" and _opens_sentence(parts):
                    spelled = "i will"  # "ill" opening a sentence is "I'll" typed fast, not "unwell"
                if spelled is None and len(lowered) == len(raw):
                    parts.append(lowered)
                    starts.extend(range(begin, finish))
                    ends.extend(range(begin + 1, finish + 1))
                    continue
                out = spelled if spelled is not None else lowered
            else:
                out = _CHARS.get(raw, raw.lower())
            parts.append(out)
            starts.extend([begin] * len(out))
            ends.extend([finish] * len(out))
        self.norm = "".join(parts)
        self._starts = starts
        self._ends = ends
        self._sentences: tuple[Sentence, ...] | None = None
        self._words: tuple[tuple[str, int, int], ...] | None = None
        self._sentence_starts: list[int] | None = None
        self.memo: dict[object, Any] = {}
        """What the detectors worked out about this text once (lexicon hits, fact tokens), by key."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised characters ``start..end`` (end exclusive)."""
        end = max(end, start + 1)
        return self._starts[start], self._ends[end - 1]

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span covering the original characters ``start..end``."""
        return bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)

    def spans(self, norm_spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        """Original spans for several normalised spans, merged and sorted."""
        return merge_spans(self.span(a, b) for a, b in norm_spans if b > a)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the normalised copy, in order."""
        if self._sentences is None:
            found: list[Sentence] = []
            begin = 0
            norm = self.norm
            for stop in _SENTENCE_END.finditer(norm):
                _add_sentence(found, norm, begin, stop.end())
                begin = stop.end()
            _add_sentence(found, norm, begin, len(norm))
            self._sentences = tuple(found)
        return self._sentences

    def sentence_at(self, position: int) -> Sentence | None:
        """The sentence holding a normalised position, if any."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.sentences]
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        if index >= 0:
            sentence = self.sentences[index]
            if sentence.start <= position < max(sentence.end, position + 1):
                return sentence
        return None

    @property
    def words(self) -> tuple[tuple[str, int, int], ...]:
        """Every word of the normalised copy with its span there."""
        if self._words is None:
            self._words = tuple((m.group(), m.start(), m.end()) for m in WORD.finditer(self.norm))
        return self._words


def _opens_sentence(parts: list[str]) -> bool:
    """Whether the next word starts a sentence, judging by what came before it."""
    for part in reversed(parts):
        if part.strip():
            return part.rstrip()[-1:] in ".!?"
    return True


def _add_sentence(found: list[Sentence], norm: str, begin: int, end: int) -> None:
    """Append the sentence ``norm[begin:end]`` trimmed of spaces, if it has any word in it."""
    while end - begin > _LONGEST_SENTENCE:
        cut = norm.rfind(" ", begin + _LONGEST_SENTENCE // 2, begin + _LONGEST_SENTENCE)
        cut = cut + 1 if cut > begin else begin + _LONGEST_SENTENCE
        _add_sentence(found, norm, begin, cut)
        begin = cut
    while begin < end and norm[begin] in " \n\"'-*\u2022":
        begin += 1
    while end > begin and norm[end - 1] in " \n":
        end -= 1
    if end > begin and WORD.search(norm, begin, end):
        found.append(Sentence(begin, end, norm[begin:end]))


@lru_cache(maxsize=4096)
def analyse(text: str) -> Text:
    """The analysed form of a text (cached: a rubric asks many questions of one answer)."""
    return Text(text)


def normalise(text: str) -> str:
    """Just the normalised copy of a text (used for lexicon entries and phrases)."""
    return analyse(text).norm


def merge_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)
