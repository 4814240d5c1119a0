"""Real sentences or a pile of words: which parts of an answer say something.

A reader gives credit for a fact only where the answer says something about it: "the bike has
been stuck since Wednesday", or a recap phrase such as "two charges of 89.99 on the 3rd". The
same words dumped as a list ("refund, Tuesday, order 4471, frustrating") say nothing, and a
trainer gives them no credit. This module cuts each sentence at its commas, semicolons, colons
and dashes into segments and says which segments are fragments: at most two words, or words
with nothing to join them (no verb, pronoun, article or preposition). A sentence made mostly of
fragments is a list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from course.grading.text import WORD, Sentence, Text

__all__ = ["Segment", "segments", "in_real_words", "is_list"]

_CUT = re.compile(r"\s*(?:;|(?<!\d)[,:]|[,:](?!\d)|\s-+\s|\(|\)|(?<!\d)/(?!\d))\s*|\s+(?:and|or|&|plus)\s+")
# Words that hold a phrase or a clause together.
_JOINERS = frozenset(
    """i you we they he she it me us them him her my your our their his its
    there here this that these those what which who how when where why
    is are was were am be been being has have had do does did will would can could should shall
    may might must let please not never no
    a an the some any every each all both another other one
    of on for at to in into onto by with without from since until till after before about over
    under between through during per via than as like if because so but while though
    got get gets getting went gone going came come""".split()
)
_CLAUSE_WORDS = frozenset(
    """i you we they he she it there is are was were am be been has have had do does did will would
    can could should shall may might must let please""".split()
)


class Segment:
    """One piece of a sentence between commas (or similar), as a span of the normalised copy."""

    __slots__ = ("start", "end", "words", "fragment")

    def __init__(self, start: int, end: int, words: list[str]) -> None:
        self.start = start
        """Index of its first character in ``Text.norm``."""
        self.end = end
        """Index just past its last character."""
        self.words = words
        """Its words."""
        self.fragment = _is_fragment(words)
        """True when it is a bare word or a pile of words with nothing joining them."""


def _is_fragment(words: list[str]) -> bool:
    if not words:
        return True
    if len(words) == 1:
        return words[0] not in _CLAUSE_WORDS
    # "charged twice", "refund issued": a participle makes two words a statement in shorthand.
    verbish = any(len(w) > 4 and w.endswith(("ed", "ing")) for w in words)
    if len(words) == 2:
        # "you're right", "let's see" say something; "order 4471", "the refund" do not.
        return not (verbish or any(w in _CLAUSE_WORDS for w in words))
    return not (verbish or any(w in _JOINERS for w in words))


def _sentence_segments(text: Text, sentence: Sentence) -> tuple[Segment, ...]:
    found = []
    begin = sentence.start
    norm = text.norm
    for cut in _CUT.finditer(norm, sentence.start, sentence.end):
        if cut.start() > begin:
            found.append(_segment(norm, begin, cut.start()))
        begin = cut.end()
    if begin < sentence.end:
        found.append(_segment(norm, begin, sentence.end))
    return tuple(segment for segment in found if segment.words)


def _segment(norm: str, start: int, end: int) -> Segment:
    return Segment(start, end, WORD.findall(norm, start, end))


@lru_cache(maxsize=256)
def _all_segments(text: Text) -> tuple[tuple[Sentence, tuple[Segment, ...]], ...]:
    return tuple((sentence, _sentence_segments(text, sentence)) for sentence in text.sentences)


_TELEGRAM_RUN = 3
"""Consecutive sentences of bare fragments ("Text Monday. Daughter away. Tablets.") that make a list."""


@lru_cache(maxsize=256)
def _telegraphic(text: Text) -> frozenset[int]:
    """Starts of sentences that are bare fragments inside a run of such sentences."""
    bare = [all(part.fragment for part in parts) and bool(parts) for _, parts in _all_segments(text)]
    marked: set[int] = set()
    index = 0
    while index < len(bare):
        if not bare[index]:
            index += 1
            continue
        end = index
        while end < len(bare) and bare[end]:
            end += 1
        if end - index >= _TELEGRAM_RUN:
            marked.update(_all_segments(text)[i][0].start for i in range(index, end))
        index = end
    return frozenset(marked)


def segments(text: Text) -> tuple[tuple[Sentence, tuple[Segment, ...]], ...]:
    """Every sentence of a text with its segments."""
    return _all_segments(text)


_MANY_PIECES = 5
"""A sentence cut into this many pieces or more is a list when its pieces are this short on average:"""
_SHORT_PIECE = 2.5
_VERY_MANY_PIECES = 7
"""Past this many short pieces a sentence is a pile whatever joins its words."""
_PILE = 4
_SHORTHAND = 4
"""A sentence of two bare pieces says something in shorthand when it is this short ("Three minutes, roughly")."""
"""A sentence of one piece is a list only when it piles up this many words with nothing joining them."""


def _list_of(parts: tuple[Segment, ...]) -> bool:
    # "Eish, Nomvula, day 3 and a queue just to pay rent, we'd be fed up too": a greeting or a
    # name in front is how people talk, not the start of a list.
    lead = 0
    while lead < min(2, len(parts) - 2) and len(parts[lead].words) == 1 and parts[lead].fragment:
        lead += 1
    parts = parts[lead:]
    if len(parts) == 1:
        # "Noted." or "Refunding now." is shorthand; "Amara stressful son bike Saturday" is a pile.
        return parts[0].fragment and len(parts[0].words) >= _PILE
    fragments = sum(1 for part in parts if part.fragment)
    real = len(parts) - fragments
    bare = [part for part in parts if not any(w in _JOINERS for w in part.words)]
    short = sum(len(part.words) for part in parts) / len(parts) <= _SHORT_PIECE
    mostly_bare = len(bare) * 3 >= len(parts) * 2
    if short and (len(parts) >= _MANY_PIECES and mostly_bare or len(parts) >= _VERY_MANY_PIECES):
        return True  # "took morning, pushed Thursday, worrying blood, results time": a pile of pieces
    if lead == 0 and len(parts) == 2 and real == 0 and sum(len(part.words) for part in parts) <= _SHORTHAND:
        return False  # "Three minutes, roughly." "Back by six, promise." is shorthand, not a pile
    return fragments >= 3 and fragments > real or (fragments >= 1 and real == 0)


_LABEL = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?(?:[^\W\d_]+(?:'[^\W_]+)?\s+){0,2}[^\W\d_]+(?:'[^\W_]+)?\s*:\s*\S")
"""A short label and a colon opening a line: "Tablets: pharmacy next door", "What's next: Thursday"."""
_NOTES_NEEDED = 2
"""Labelled lines an answer needs to be set out as notes."""
_SAID_WORDS = 5
"""Words a sentence of its own needs beside the notes: an answer of labels alone says nothing."""


@lru_cache(maxsize=256)
def _noted(text: Text) -> frozenset[int]:
    """Starts of labelled lines in an answer set out as notes around sentences of its own.

    "Tablets: today, next door after 3. Doctor: Mensah, Tuesday at 2. I've written it down for
    you." is a note a trainer reads as said; "Refund, Tuesday, order 4471" is still a list.
    """
    labelled = [sentence for sentence in text.sentences if _LABEL.match(sentence.text)]
    if len(labelled) < _NOTES_NEEDED:
        return frozenset()
    starts = {sentence.start for sentence in labelled}
    said = [
        sentence for sentence, parts in _all_segments(text)
        if sentence.start not in starts and not _list_of(parts) and len(WORD.findall(sentence.text)) >= _SAID_WORDS
        and any(w in _CLAUSE_WORDS for w in WORD.findall(sentence.text))
    ]
    return frozenset(starts) if said else frozenset()


def is_list(text: Text, sentence: Sentence) -> bool:
    """Whether a sentence is a list of fragments (or one of a run of them) rather than something said."""
    if sentence.start in _noted(text):
        return False
    if sentence.start in _telegraphic(text):
        return True
    for found, parts in segments(text):
        if found.start == sentence.start:
            return _list_of(parts)
    return False


def in_real_words(text: Text, position: int) -> bool:
    """Whether a normalised position sits where the answer says something, not in a word list.

    True anywhere in a sentence that is not itself a list ("I'll chase it today, order 30417"
    counts its fragment); in a list, only inside a real phrase of three words or more
    ("refund, Tuesday, order 4471" counts nothing).
    """
    for sentence, parts in segments(text):
        if not sentence.start <= position < max(sentence.end, sentence.start + 1):
            continue
        listed = (_list_of(parts) or sentence.start in _telegraphic(text)) and sentence.start not in _noted(text)
        if not listed:
            return True
        # Inside a list, only a real phrase says something ("version 4.2 on Windows 11"),
        # not a two-word piece ("tablets running").
        return any(part.start <= position < part.end and len(part.words) >= 3 and any(w in _JOINERS for w in part.words) for part in parts)
    return False
