"""What the reply does about it: reassures, commits_to_action, offers_solution, overpromises."""

from __future__ import annotations

import re

from course.grading.detectors.common import (
    Span,
    conditional,
    hits,
    negated,
    phrase_hits,
    sarcastic,
    sentence_at,
    word_before,
)
from course.grading.detectors.questions import question_kind
from course.grading.text import Text

__all__ = ["reassures", "commits_to_action", "offers_solution", "overpromises"]


_UNABLE = re.compile(r"\b(?:unable|not|never|cannot)\b")
# An instruction's verb is followed by what to act on ("restart the router", "log in again"),
# which tells "export the report" from "export problems are known".
_OBJECT = re.compile(
    r"\s+(?:the|a|an|your|it|this|that|them|these|those|our|my|his|her|its|in|on|off|out|up|back|to|through|again|"
    r"every|all|any|some|both|with|down|over|into|onto|from|by|\d)\b"
)
_HOLDING_BACK = frozenset("before until without".split())


# "I hope you are doing well" wishes; it does not tell them anything.
_WISHING = frozenset("hope hoping hopefully wish wishing pray praying".split())


def reassures(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply tells the customer they are safe, not at fault, or will be looked after."""
    spans = phrase_hits(text, "reassurance_phrases", sarcasm=True)
    return [
        span for span in spans
        if not _asked(text, span) and not _WISHING.intersection(word_before(text, span[0], 3))
    ]


def commits_to_action(text: Text, context: Text | None) -> list[Span]:
    """Spans of concrete next steps: someone will do something, and the sentence says when."""
    kept = []
    times = hits(text, "time_expressions")
    for start, end in hits(text, "commitment_phrases"):
        if negated(text, start, 2) or _asked(text, (start, end)) or _UNABLE.search(text.norm, start, end + 12):
            continue
        sentence = sentence_at(text, start)
        if sentence is None:
            continue
        when = [t for t in times if sentence.start <= t[0] < sentence.end and not negated(text, t[0], 1)]
        if when:
            kept.append((start, end))
            kept.extend(when)
    return kept


_INSTRUCTION_LEAD = frozenset("please just simply then first so now and or also next otherwise meanwhile instead".split())


def _instructions(text: Text) -> list[Span]:
    """Instructions that open a clause ("use the Forgot password link", "then restart it")."""
    found = []
    for start, end in hits(text, "instruction_verbs"):
        lead = word_before(text, start, 3)
        if all(word in _INSTRUCTION_LEAD for word in lead) and _OBJECT.match(text.norm, end):
            sentence = sentence_at(text, start)
            if sentence is not None and not sentence.is_question:
                found.append((start, end))
    return found


def offers_solution(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply proposes a fix or an option."""
    kept = []
    for start, end in hits(text, "offer_phrases") + _instructions(text):
        if negated(text, start, 2):
            continue
        sentence = sentence_at(text, start)
        if sarcastic(text, sentence):
            continue
        if sentence is not None and hits(text, "rhetorical_questions", (sentence.start, sentence.end)):
            continue
        kept.append((start, end))
    return kept


def overpromises(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply promises what nobody can be sure to deliver."""
    kept = []
    for start, end in hits(text, "overpromise_phrases"):
        if negated(text, start, 4) or conditional(text, start, 2):
            continue
        if any(word in _HOLDING_BACK for word in word_before(text, start, 3)):
            continue  # "before I promise anything" is the honest opposite
        kept.append((start, end))
    return kept


def _asked(text: Text, span: Span) -> bool:
    """Whether the span sits in a sentence that asks (a question is not a statement of fact)."""
    sentence = sentence_at(text, span[0])
    return sentence is not None and sentence.is_question and question_kind(text, sentence) is not None
