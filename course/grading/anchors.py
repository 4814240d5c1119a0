"""Finding a list's entries without trying every entry at every word of an answer.

A list's whole pattern tries each of its entries at each word, though most answers hold none of
most entries. Here each entry is filed by what it needs:

- most entries begin with a word they name ("(let|lets) you down" begins with "let" or "lets",
  "frustrat*" with a word beginning "fru"): they are tried only where such a word begins;
- an entry that may begin with any word ("<word> (looks|seems) unwell") is scanned for, but
  only in answers holding some word it cannot match without ("looks" or "seems");
- the few that name no word at all (``<clock>``) are always scanned for.

The spans are exactly those of the list's whole pattern (``lexicons.pattern``): where two
entries match at one place, the one that comes first in the whole pattern wins, and each search
goes on from the end of the last match, as ``finditer`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from course.grading.lexicons import (
    ENTRY_SHAPE,
    ENTRY_TOKEN,
    FIRST_CHARACTER,
    also_forget,
    entries,
    entry_regex,
    pattern,
)

__all__ = ["Index", "index_of", "spans", "entry_needs", "compile_all"]

_RUN = re.compile(r"\w+")
_CUT = re.compile(r"\w[\w']")

Keys = frozenset[str]
"""Words (``"let"``) or beginnings of words (``"fru*"``)."""

Index = dict[str, list[int]]
"""Where each word of a normalised text begins, by the word and by its first two and three letters."""


def index_of(norm: str) -> Index:
    """Every word of a normalised text by where it begins (and by its beginning, as ``"fru*"``)."""
    found: Index = {}
    for run in _RUN.finditer(norm):
        word, start = run.group(), run.start()
        found.setdefault(word, []).append(start)
        found.setdefault(word[:2] + "*", []).append(start)
        if len(word) > 2:
            found.setdefault(word[:3] + "*", []).append(start)
    return found


def _prefix(word: str) -> Keys | None:
    return frozenset((word[:3] + "*",)) if len(word) >= 2 else None


def _token_keys(token: str) -> Keys | None:
    """What one literal word of an entry needs at its place: the word, or how it begins."""
    wildcard = token.endswith("*") and len(token) > 1
    run = _RUN.match(token)
    if run is None:
        return None
    if not wildcard or run.end() < len(token) - 1:
        return frozenset((run.group(),))
    return _prefix(run.group())


def _union(found: list[Keys | None]) -> Keys | None:
    result: set[str] = set()
    for keys in found:
        if keys is None:
            return None
        result |= keys
    return frozenset(result)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(entries("stopwords"))


def _rarity(keys: Keys) -> int:
    """How likely an answer is to hold one of these words (lower is rarer)."""
    common = _common_words()
    return sum(10 if key.endswith("*") else 50 if key in common or len(key) <= 2 else 1 for key in keys)


@dataclass
class _Need:
    """What a piece of an entry needs: the words it can begin with, and a set of words one of
    which it cannot match without (each None when there is no such set)."""

    first: Keys | None
    within: Keys | None
    required: bool


class _Reader:
    """Reads one entry's syntax (the syntax ``lexicons`` documents) for what it needs."""

    def __init__(self, entry: str) -> None:
        self.entry = entry
        self.at = 0

    def read(self) -> _Need:
        need = self.sequence(())
        if self.at < len(self.entry):
            return _Need(None, None, True)
        return need

    def sequence(self, stops: tuple[str, ...]) -> _Need:
        text = self.entry
        first: set[str] | None = set()
        first_done = False
        within: Keys | None = None
        while True:
            while self.at < len(text) and text[self.at] == " ":
                self.at += 1
            if self.at >= len(text) or text[self.at] in stops:
                break
            item = self.item()
            if not first_done:
                if item.first is None or first is None:
                    first = None
                else:
                    first |= item.first
                first_done = item.required
            if item.required and item.within is not None and (within is None or _rarity(item.within) < _rarity(within)):
                within = item.within
        # A sequence of optional items alone may match nothing, so it names no first word.
        return _Need(frozenset(first) if first is not None and first_done else None, within, first_done)

    def choices(self, close: str) -> list[_Need]:
        found = [self.sequence(("|", close))]
        while self.at < len(self.entry) and self.entry[self.at] == "|":
            self.at += 1
            found.append(self.sequence(("|", close)))
        if self.at < len(self.entry) and self.entry[self.at] == close:
            self.at += 1
        return found

    def item(self) -> _Need:
        text = self.entry
        char = text[self.at]
        if text.startswith("...", self.at):
            self.at += 3
            return _Need(None, None, False)
        if char == "(":
            self.at += 1
            found = self.choices(")")
            every = all(choice.required for choice in found)
            first = _union([choice.first for choice in found])
            within = _union([choice.within for choice in found])
            if self.at < len(text) and text[self.at] == "*":
                self.at += 1
                first = within = _stretched(first)
            optional = self.at < len(text) and text[self.at] == "?"
            if optional:
                self.at += 1
            return _Need(first, within, every and not optional)
        if char == "[":
            self.at += 1
            found = self.choices("]")
            return _Need(_union([choice.first for choice in found]), None, False)
        shape = ENTRY_SHAPE.match(text, self.at)
        if shape:
            self.at = shape.end()
            return _Need(None, None, True)
        if char == "{":
            close = text.find("}", self.at)
            if close < 0:
                self.at = len(text)
                return _Need(None, None, True)
            name = text[self.at + 1 : close].strip()
            self.at = close + 1
            needs = _list_needs(name)
            return _Need(needs[0], needs[1], True)
        token = ENTRY_TOKEN.match(text, self.at)
        assert token is not None  # a token starts at every place the reader stops
        self.at = token.end()
        keys = _token_keys(token.group())
        if keys is None:
            # A sign before a word ("<3", "#1"): no word begins the match, but it cannot match
            # without the word inside the sign.
            inner = _RUN.search(token.group())
            return _Need(None, None if inner is None else _token_keys(token.group()[inner.start():]), True)
        return _Need(keys, keys, True)


def _stretched(keys: Keys | None) -> Keys | None:
    """For ``(a|b)*``: the words may run on, so each key only says how a word begins."""
    if keys is None:
        return None
    found: set[str] = set()
    for key in keys:
        begins = frozenset((key,)) if key.endswith("*") else _prefix(key)
        if begins is None:
            return None
        found |= begins
    return frozenset(found)


@cache
def _list_needs(name: str) -> tuple[Keys | None, Keys | None]:
    try:
        needs = [entry_needs(entry) for entry in entries(name)]
    except (ValueError, RecursionError):
        return None, None
    if not needs:
        return None, None
    return _union([need.first for need in needs]), _union([need.within for need in needs])


def entry_needs(entry: str) -> _Need:
    """The words an entry can begin with, and the rarest set of words it cannot match without."""
    try:
        return _Reader(entry).read()
    except (IndexError, RecursionError):
        return _Need(None, None, True)


class _Part:
    """Some of a list's entries as one pattern, each remembering its place in the whole pattern."""

    __slots__ = ("sources", "order", "_regex", "_lead")

    def __init__(self, lead: str) -> None:
        self.sources: list[str] = []
        self.order: list[int] = []
        self._regex: re.Pattern[str] | None = None
        self._lead = lead

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            body = "|".join(f"({source})" for source in self.sources)
            self._regex = re.compile(rf"{self._lead}(?<![\w'])(?:{body})(?![\w'])")
        return self._regex

    def rank(self, found: re.Match[str]) -> int:
        return self.order[(found.lastindex or 1) - 1]


@dataclass
class _Filed:
    """A list's entries filed by what they need."""

    starting: dict[str, list[_Part]]
    """By a word an entry can begin with: the entries tried where that word begins."""
    gated: dict[str, list[_Part]]
    """By a word an entry cannot do without: the entries scanned for when that word is there."""
    always: list[_Part]
    parts: list[_Part]


@cache
def _filed(name: str) -> _Filed:
    ordered: list[tuple[str, _Need]] = []
    for entry in entries(name):
        try:
            source = entry_regex(entry)
        except (ValueError, RecursionError):
            continue
        ordered.append((source, entry_needs(entry)))
    ordered.sort(key=lambda pair: len(pair[0]), reverse=True)  # the order of ``lexicons.fragment``
    by_first: dict[Keys, _Part] = {}
    by_gate: dict[Keys | None, _Part] = {}
    for position, (source, need) in enumerate(ordered):
        if need.first is not None:
            part = by_first.setdefault(need.first, _Part(""))
        else:
            part = by_gate.setdefault(need.within, _Part(f"(?={FIRST_CHARACTER})"))
        part.sources.append(source)
        part.order.append(position)
    starting: dict[str, list[_Part]] = {}
    for first, part in by_first.items():
        for key in first:
            starting.setdefault(key, []).append(part)
    gated: dict[str, list[_Part]] = {}
    always: list[_Part] = []
    for gate, part in by_gate.items():
        if gate is None:
            always.append(part)
        else:
            for key in gate:
                gated.setdefault(key, []).append(part)
    return _Filed(starting, gated, always, [*by_first.values(), *by_gate.values()])


def compile_all(name: str) -> None:
    """File a list and compile its patterns now, ahead of the first answer."""
    for part in _filed(name).parts:
        part.regex  # noqa: B018 - compiled for its side effect


def spans(name: str, norm: str, words: Index, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where a list's entries occur in ``norm[start:end]``: the spans of its whole pattern."""
    stop = len(norm) if end is None else end
    if stop < len(norm) and _CUT.match(norm, stop - 1):
        # The range ends inside a word, which its whole pattern reads as a shorter word.
        return [whole.span() for whole in pattern(name).finditer(norm, start, stop)]
    filed = _filed(name)
    places: dict[int, list[_Part]] = {}
    for key in filed.starting.keys() & words.keys():
        parts = filed.starting[key]
        for place in words[key]:
            if start <= place < stop:
                places.setdefault(place, []).extend(parts)
    scans = list(filed.always)
    for key in filed.gated.keys() & words.keys():
        scans.extend(part for part in filed.gated[key] if part not in scans)
    if not scans and not places:
        return []
    tried = sorted(places)
    heads = [part.regex.search(norm, start, stop) for part in scans]
    found: list[tuple[int, int]] = []
    position, next_place = start, 0
    while True:
        soonest = None
        for index, part in enumerate(scans):
            head = heads[index]
            if head is not None and head.start() < position:
                head = heads[index] = part.regex.search(norm, position, stop)
            if head is not None and (soonest is None or head.start() < soonest):
                soonest = head.start()
        best: re.Match[str] | None = None
        best_rank = 0
        while next_place < len(tried):
            place = tried[next_place]
            if place < position:
                next_place += 1
                continue
            if soonest is not None and place > soonest:
                break
            next_place += 1
            for part in places[place]:
                match = part.regex.match(norm, place, stop)
                if match is not None and (best is None or part.rank(match) < best_rank):
                    best, best_rank = match, part.rank(match)
            if best is not None:
                break
        if soonest is not None and (best is None or best.start() == soonest):
            for index, part in enumerate(scans):
                head = heads[index]
                if head is not None and head.start() == soonest and (best is None or part.rank(head) < best_rank):
                    best, best_rank = head, part.rank(head)
        if best is None:
            return found
        if best.end() == best.start():
            # An entry that can match nothing: such a list is left to its whole pattern.
            return [whole.span() for whole in pattern(name).finditer(norm, start, stop)]
        found.append(best.span())
        position = best.end()


for _cached in (_common_words, _list_needs, _filed):
    also_forget(_cached.cache_clear)
