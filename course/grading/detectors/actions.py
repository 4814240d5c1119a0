"""What the reply does about it: reassures, commits_to_action, offers_solution, overpromises."""

from __future__ import annotations

from course.grading.detectors.common import (
    Span,
    conditional,
    hits,
    negated,
    overlapping,
    phrase_hits,
    sarcastic,
    sentence_at,
)
from course.grading.detectors.questions import question_kind
from course.grading.text import Text

__all__ = ["reassures", "commits_to_action", "offers_solution", "overpromises"]


def reassures(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply tells the customer they are safe, not at fault, or will be looked after."""
    spans = phrase_hits(text, "reassurance_phrases", sarcasm=True)
    return [span for span in spans if not _asked(text, span)]


def commits_to_action(text: Text, context: Text | None) -> list[Span]:
    """Spans of concrete next steps: someone will do something, and the sentence says when."""
    kept = []
    times = hits(text, "time_expressions")
    for start, end in hits(text, "commitment_phrases"):
        if negated(text, start, 2) or _asked(text, (start, end)):
            continue
        sentence = sentence_at(text, start)
        if sentence is None:
            continue
        when = [t for t in times if sentence.start <= t[0] < sentence.end and not negated(text, t[0], 1)]
        if when:
            kept.append((start, end))
            kept.extend(when)
    return kept


def offers_solution(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply proposes a fix or an option."""
    kept = []
    for start, end in hits(text, "offer_phrases"):
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
        kept.append((start, end))
    return kept


def _asked(text: Text, span: Span) -> bool:
    """Whether the span sits in a sentence that asks (a question is not a statement of fact)."""
    sentence = sentence_at(text, span[0])
    return sentence is not None and sentence.is_question and question_kind(text, sentence) is not None
