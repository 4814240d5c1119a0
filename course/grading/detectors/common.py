"""What every detector shares: lexicon hits, negation, sarcasm and sentence lookup."""

from __future__ import annotations

import re
from collections.abc import Iterable

from course.grading.anchors import index_of, spans
from course.grading.lexicons import words
from course.grading.text import Sentence, Text

__all__ = [
    "BEREAVED",
    "Span",
    "hits",
    "negated",
    "conditional",
    "sentence_at",
    "sarcastic",
    "word_before",
    "clause_start_at",
    "opening",
    "overlapping",
    "phrase_hits",
    "lexicon_words",
]

Span = tuple[int, int]
"""A span of the normalised copy of a text."""

BEREAVED = re.compile(
    r"\b(?:died|dies|passed away|passed on|has passed|death|funeral|bereave\w*|widow\w*|late (?:wife|husband|partner|mother|father|mum|dad|son|daughter)"
    r"|lost (?:my|our|her|his) (?:wife|husband|partner|mother|father|mum|dad|mom|son|daughter|baby|brother|sister|gran\w*|grand\w*|nan))\b"
)
"""A death the customer tells of: "my wife died three weeks ago", "since I lost my husband"."""

_NEGATORS = frozenset("not never no nothing nobody hardly neither nor without cannot".split())
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n\"]|\s-\s|\bbut\b|\bhowever\b|\bthough\b")
_DISCOURSE = re.compile(
    r"^(?:(?:so|and|but|well|okay|ok|oh|ah|uh|um|hmm|mm|yeah|yes|right|alright|now|then|"
    r"also|hi|hello|hey|sure|great|thanks|thank you|anyway|first|just|or|because|basically|essentially|honestly|alright|all right|right then)\b[\s,.!-]*)+"
)


def hits(text: Text, lexicon: str, within: tuple[int, int] | None = None) -> list[Span]:
    """Normalised spans where any entry of a lexicon occurs (optionally inside a range)."""
    words = text.memo.get("word places")
    if words is None:
        words = text.memo["word places"] = index_of(text.norm)
    if within is None:
        key = ("hits", lexicon)
        found = text.memo.get(key)
        if found is None:
            found = text.memo[key] = spans(lexicon, text.norm, words)
        return list(found)
    return spans(lexicon, text.norm, words, within[0], within[1])


def _clause_start(norm: str, position: int) -> int:
    """Where the clause holding ``position`` begins (after the last comma, stop or "but")."""
    start = max(0, position - 80)
    last = start
    for found in _CLAUSE_BREAK.finditer(norm, start, position):
        last = found.end()
    return last


def clause_start_at(text: Text, position: int) -> int:
    """Where the clause holding a normalised position begins (after the last comma, stop or "but")."""
    return _clause_start(text.norm, position)


def word_before(text: Text, position: int, count: int = 3) -> list[str]:
    """Up to ``count`` words just before ``position``, in the same clause."""
    start = _clause_start(text.norm, position)
    return text.norm[start:position].split()[-count:]


def negated(text: Text, position: int, window: int = 3) -> bool:
    """Whether a negation word comes within ``window`` words before ``position`` in its clause.

    "and" with a new subject starts a new clause: in "it's not lost and I will make sure it's back"
    the "not" denies the loss, not the promise.
    """
    words = word_before(text, position, window)
    following = _NEXT_WORD.match(text.norm, position)
    said = words + ([following.group(1)] if following else [])
    for index in range(len(said) - 2, -1, -1):
        if said[index] in ("and", "or") and said[index + 1] in _SUBJECTS:
            words = words[index + 1:]
            break
    # "if not, I'll change it", "whether or not it suits": the "not" stands for a condition left out
    return any(word.strip("'") in _NEGATORS and not (word == "not" and index and words[index - 1] in ("if", "or"))
               for index, word in enumerate(words))


_SUBJECTS = frozenset("i we you he she they it".split())
_NEXT_WORD = re.compile(r"\s*(\S+)")


# "I can't tell you whether it's paid or change the number": one refusal covers a list of things.
_REFUSAL = re.compile(
    r"\b(?:can not|could not|will not|would not|must not|(?:am|are|is) not (?:able|allowed|permitted|going) to|unable to|"
    r"not allowed to|not able to|no way (?:to|of)|never)\b"
)
_LIST_BREAK = re.compile(
    r"[.;!?\n]|\b(?:however|instead|though|although|so|because|what i can)\b|\bbut (?:i|we|you|it|that|this|they|there|he|she)\b"
)
# A negative subject or "won't have to" rules out what follows in its clause: "nobody will ask you to explain it again".
_RULES_OUT = re.compile(r"\b(?:nobody|no one|noone|never|no need to|(?:will not|do not|does not|would not) (?:have|need) to)\b")


def refused_in_list(text: Text, position: int, reach: int = 20) -> bool:
    """Whether ``position`` is one of a list of things a refusal earlier in its sentence rules out."""
    sentence = text.sentence_at(position)
    start = sentence.start if sentence is not None else 0
    before = text.norm[start:position]
    clause = re.split(r"[,;:.!?()\n]|\bbut\b", before)[-1]
    if _RULES_OUT.search(clause) and len(clause.split()) <= 10:
        return True
    refusals = list(_REFUSAL.finditer(before))
    if not refusals:
        return False
    between = before[refusals[-1].end():]
    return (len(between.split()) <= reach and not _LIST_BREAK.search(between)
            and bool(re.search(r"\b(?:or|nor)\b", between)))


def sentence_at(text: Text, position: int) -> Sentence | None:
    """The sentence holding a normalised position, if any."""
    return text.sentence_at(position)


def sarcastic(text: Text, sentence: Sentence | None) -> bool:
    """Whether a sentence carries a sarcasm cue ("oh great, another delay")."""
    if sentence is None:
        return False
    return bool(hits(text, "sarcasm_cues", (sentence.start, sentence.end)))


_SALUTATION = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you)"
    r"(?: (?:mr|mrs|ms|miss|dr|mx)\.?)?(?: [\w'-]+){0,2}\s*,\s*"
)


def opening(sentence_text: str) -> str:
    """A sentence without its greeting ("hi amara,") and leading discourse words ("so", "okay")."""
    return _DISCOURSE.sub("", _SALUTATION.sub("", sentence_text, count=1), count=1)


def lexicon_words(name: str) -> frozenset[str]:
    """A lexicon's single-word entries as a set (for word-by-word lookups)."""
    return words(name)


_CONDITIONALS = frozenset("if whether unless when whenever once should".split())


def conditional(text: Text, position: int, window: int = 3) -> bool:
    """Whether "if", "whether", "unless"... comes just before ``position`` in its clause."""
    return any(word in _CONDITIONALS for word in word_before(text, position, window))


def overlapping(span: Span, others: Iterable[Span]) -> bool:
    """Whether ``span`` overlaps any of ``others``."""
    return any(a < span[1] and span[0] < b for a, b in others)


def phrase_hits(
    text: Text,
    lexicon: str,
    *,
    negation: bool = True,
    sarcasm: bool = False,
    if_clauses: bool = True,
    questions: bool = True,
) -> list[Span]:
    """Lexicon hits, dropping the negated ones and, on request, sarcastic, "if" or question ones."""
    kept = []
    for span in hits(text, lexicon):
        if negation and negated(text, span[0]):
            continue
        if not if_clauses and conditional(text, span[0]):
            continue
        if sarcasm or not questions:
            sentence = sentence_at(text, span[0])
            if sarcasm and sarcastic(text, sentence):
                continue
            if not questions and sentence is not None and sentence.is_question:
                continue
        kept.append(span)
    return kept
