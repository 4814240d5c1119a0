"""Finding the customer's key facts in an answer (the ``mentions`` check).

Tolerant the way a reader is: case, word endings (refund / refunded / refunding), one slip in a
word of five letters or more (recieve), numbers written as digits or words (two weeks / 2 weeks),
money with or without its sign ("$89.99" / "89.99"), and a couple of words slipped in between
("charged twice" / "charged you twice").
"""

from __future__ import annotations

import re
from functools import lru_cache

from course.grading.lexicons import entries
from course.grading.text import Text, analyse
from course.grading.words import close_enough, same_meaning

__all__ = ["fact_spans", "fact_words"]

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|am|pm|k)?|[^\W_]+(?:'[^\W_]+)*")
_MAX_GAP = 2
"""How many words may sit between two words of a fact."""
_NUMBERS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "hundred": "100", "first": "1st", "second": "2nd",
    "third": "3rd", "fourth": "4th", "fifth": "5th", "once": "1x", "twice": "2x", "a dozen": "12",
}


def _canonical(token: str) -> str:
    """Digits for number words, plain digits for money and thousands separators."""
    token = _NUMBERS.get(token, token)
    leading = re.match(r"\d[\d.,]*", token)
    if leading:
        number = leading.group().rstrip(".,")
        rest = token[len(number) :] if token.startswith(number) else ""
        if "," in number and re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
            number = number.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", number):  # "007.50" is 7.5; by text, so 400 digits stay a number
            whole, _, fraction = number.partition(".")
            whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
            number = f"{whole}.{fraction}" if fraction else whole
        return number + rest
    return token


@lru_cache(maxsize=2048)
def fact_words(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """A fact's words (canonical) and, for each, whether it may be left out (a stopword)."""
    norm = analyse(str(phrase)).norm
    words = tuple(t for t, _, _ in _merged([(_canonical(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(norm)]))
    stop = frozenset(entries("stopwords"))
    optional = tuple(w in stop for w in words)
    if any(w in _NEGATORS for w in words):
        # a fact said in the negative keeps its negation: "doesn't cover" is not "cover"
        optional = tuple(skip and w not in _NEGATORS for w, skip in zip(words, optional, strict=True))
        if all(w in _NEGATORS for w, skip in zip(words, optional, strict=True) if not skip):
            optional = tuple(False for _ in words)  # "isn't one of": nothing but the negation would be left
    if all(optional):
        optional = tuple(False for _ in words)
    return words, optional


_NEGATORS = frozenset("not no never without noone nothing none nor".split())
"""Words that say no: a fact holding one needs one in the answer, any of them."""


@lru_cache(maxsize=65536)
def _same(typed: str, wanted: str) -> bool:
    """Whether one typed word counts as one word of a fact."""
    if typed == wanted:
        return True
    if wanted in _NEGATORS:
        # "no call", "without a call", "nobody called": one "no" is as good as another; "never" is "never"
        return typed == wanted or (typed in _NEGATORS and "never" not in (typed, wanted))
    if typed in _NEGATORS:
        return False  # "not" is never "notes" or "note", whatever their stems share
    if wanted[:1].isdecimal() or typed[:1].isdecimal():
        return False
    return close_enough(typed, wanted) or same_meaning(typed) == same_meaning(wanted)


def _same_word(typed: str, wanted: str) -> bool:
    """``_same`` for a fact that is one negation word alone: that word (or a slip of it), not any other negation."""
    if typed in _NEGATORS:
        return typed == wanted
    return close_enough(typed, wanted) or same_meaning(typed) == same_meaning(wanted)


_SAME_PERSON = {"anybody": "anyone", "somebody": "someone", "everybody": "everyone", "nobody": "noone"}
"""Words for a person that mean the same: "without anybody ringing" is "without anyone ringing"."""


def _merged(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Tokens with "no one" as one word, so it is the same as "nobody"."""
    out: list[tuple[str, int, int]] = []
    for token in tokens:
        if out and out[-1][0] == "no" and token[0] == "one":
            out[-1] = ("noone", out[-1][1], token[2])
        else:
            word = token[0]
            if word.endswith("'s") and (word[:-2] in _SAME_PERSON or word[:-2] in _NEGATORS):
                word = word[:-2]  # "nobody's answered" says "nobody" has
            out.append((_SAME_PERSON.get(word, word), token[1], token[2]))
    return out


def _answer_tokens(text: Text) -> list[tuple[str, int, int]]:
    tokens: list[tuple[str, int, int]] | None = text.memo.get("fact tokens")
    if tokens is None:
        tokens = text.memo["fact tokens"] = _merged(
            [(_canonical(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text.norm)]
        )
    return tokens


def fact_spans(text: Text, alternatives: tuple[str, ...]) -> list[tuple[int, int]]:
    """Normalised spans where any alternative of one fact occurs (empty when none does)."""
    tokens = _answer_tokens(text)
    spans: list[tuple[int, int]] = []
    for phrase in alternatives:
        words, optional = fact_words(phrase)
        required = [w for w, skip in zip(words, optional, strict=True) if not skip]
        if not required:
            continue
        alone = len(required) == 1 and required[0] in _NEGATORS  # "nobody" on its own is that word, not any "no"
        for index in _candidates(text, tokens, required[0]):
            token = tokens[index]
            if not (_same_word(token[0], required[0]) if alone else _same(token[0], required[0])):
                continue
            end = _match_rest(tokens, index, required)
            if end is not None:
                spans.append((token[1], tokens[end][2]))
    return spans


def _candidates(text: Text, tokens: list[tuple[str, int, int]], wanted: str) -> list[int]:
    """Indexes of the tokens that may be ``wanted``, in order: the same first letter (a stem or a
    slip keeps it) or the same everyday meaning ("dad" for "father")."""
    index: tuple[dict[str, list[int]], dict[str, list[int]]] | None = text.memo.get("fact index")
    if index is None:
        by_letter: dict[str, list[int]] = {}
        by_meaning: dict[str, list[int]] = {}
        for at, (token, _, _) in enumerate(tokens):
            by_letter.setdefault(token.lstrip("'")[:1], []).append(at)
            by_meaning.setdefault(same_meaning(token), []).append(at)
        index = text.memo["fact index"] = (by_letter, by_meaning)
    by_letter, by_meaning = index
    found = set(by_letter.get(wanted.lstrip("'")[:1], ())) | set(by_meaning.get(same_meaning(wanted), ()))
    if wanted in _NEGATORS:
        found |= {at for at, (token, _, _) in enumerate(tokens) if token in _NEGATORS}
    return sorted(found)


def _match_rest(tokens: list[tuple[str, int, int]], index: int, required: list[str]) -> int | None:
    """Index of the last token matching ``required`` from ``index`` on, gaps allowed; None if no match."""
    at = index
    for before, wanted in zip(required, required[1:], strict=False):
        # a negation reaches further: "haven't got back to me yet" is "not yet", "not so much as a call" is "no call"
        reach = _MAX_GAP + 4 if before in _NEGATORS else _MAX_GAP
        for step in range(1, reach + 2):
            probe = at + step
            if probe >= len(tokens):
                return None
            if _same(tokens[probe][0], wanted):
                at = probe
                break
        else:
            return None
    return at
