"""Words as the grader compares them: stems, content words, typo distance and three-word runs."""

from __future__ import annotations

from functools import lru_cache

from course.grading.lexicons import entries, pairs
from course.grading.text import WORD

__all__ = ["stem", "content_stems", "close_enough", "trigrams", "parroted_share", "overlap_runs", "same_meaning"]

# Swapping the speaker's pronouns shows a copy for what it is: "my bill doubled" -> "your bill doubled".
_SWAP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "am": "are",
         "we": "you", "us": "you", "our": "your", "ours": "yours", "i'm": "you are"}


_TYPO_MIN = 6
"""The shortest word a typo is forgiven in."""


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem so refund, refunds, refunded and refunding compare equal."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) == 3 and w.endswith("s") and w[:2].isalpha() and not set(w[:2]) & set("aeiouy"):
        return w[:2]  # an acronym's plural: "DMs" is "DM", "PCs" "PC"
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            if suffix == "es" and not w.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
                continue
            w = w[: -len(suffix)] + keep
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]  # charge/charged/charging -> charg
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]  # stopped -> stop, cancelled -> cancel (and call -> cal, consistently)
    return w


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(entries("stopwords"))


@lru_cache(maxsize=1)
def _same_meaning() -> dict[str, str]:
    return {stem(word): stem(meant) for word, meant in pairs("same_meaning").items()}


def same_meaning(word: str) -> str:
    """The stem a word is compared by: its own, or the everyday word it means ("dad" is "father")."""
    s = stem(word)
    return _same_meaning().get(s, s)


@lru_cache(maxsize=8192)
def content_stems(norm: str) -> frozenset[str]:
    """Stems of the words that carry content (no stopwords, no pronouns).

    Numbers of two digits or more carry content ("6:15", "£412.60"), and everyday words for the
    same thing compare equal ("dad" is "father", ``same_meaning.txt``).
    """
    stop = _stopwords()
    same = _same_meaning()
    found = set()
    for w in WORD.findall(norm):
        if w in stop or (len(w) <= 2 and not (w.isdigit() and len(w) == 2)):
            continue
        s = stem(w)
        found.add(same.get(s, s))
    return frozenset(found)


@lru_cache(maxsize=16384)
def close_enough(typed: str, wanted: str) -> bool:
    """Whether a typed word counts as the wanted one: same stem, or one slip in a word of 6+ letters."""
    if typed == wanted or stem(typed) == stem(wanted):
        return True
    # Never on short words: "right" is not "night", "cal" is not "car". A slip keeps the first letter.
    if len(wanted) >= _TYPO_MIN and len(typed) >= _TYPO_MIN - 1 and typed[0] == wanted[0] and abs(len(typed) - len(wanted)) <= 1:
        return _within_one(typed, wanted) or _within_one(stem(typed), stem(wanted))
    return False


def _within_one(a: str, b: str) -> bool:
    """Whether two words are at most one edit apart (a swap of neighbours counts as one)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _words(norm: str, swap: bool) -> list[str]:
    words = [w for w in WORD.findall(norm)]
    return [_SWAP.get(w, w) for w in words] if swap else words


def trigrams(norm: str, swap: bool = False) -> list[tuple[str, str, str]]:
    """The three-word runs of a normalised text (pronouns swapped to the listener's, on request)."""
    words = [stem(w) for w in _words(norm, swap)]
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]  # type: ignore[misc]


@lru_cache(maxsize=64)
def _source_runs(source_norm: str) -> frozenset[tuple[str, str, str]]:
    """Every three-word run of a source, as said and with its pronouns swapped."""
    return frozenset(trigrams(source_norm, swap=True)) | frozenset(trigrams(source_norm))


def parroted_share(answer_norm: str, source_norm: str) -> float:
    """Share of the answer's three-word runs found in the source (its pronouns swapped)."""
    runs = trigrams(answer_norm)
    if not runs:
        return 0.0
    source = _source_runs(source_norm)
    return sum(run in source for run in runs) / len(runs)


def overlap_runs(answer_norm: str, source_norm: str) -> list[int]:
    """Indexes (in the answer's words) of the three-word runs copied from the source."""
    source = _source_runs(source_norm)
    return [i for i, run in enumerate(trigrams(answer_norm)) if run in source]
