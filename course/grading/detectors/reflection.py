"""Restating the customer: reflects_content and summarizes_and_confirms.

A reflection says back what the customer told us, in the listener's words: "so the charge
went through twice after you cancelled", "it sounds like the engineer never turned up". It is
found by its frame ("sounds like", "so you...", "what I'm hearing") or by a second-person
account of the customer's experience that shares content with what they said. Copying their
words back verbatim (pronouns swapped) is parroting, not a reflection.
"""

from __future__ import annotations

import re

from course.grading.detectors.common import Span, hits, lexicon_words, negated, opening, sentence_at
from course.grading.detectors.questions import question_kind
from course.grading.text import Sentence, Text
from course.grading.words import content_stems, parroted_share

__all__ = ["reflects_content", "summarizes_and_confirms"]

_ACCOUNT = re.compile(
    r"\b(?:you|your)\b"
)
# Second-person sentences that instruct, offer or thank rather than restate.
_NOT_ACCOUNT = re.compile(
    r"^(?:(?:so|and|but|then|now)\s+)?(?:you (?:will|can|could|should|may|might|must|need to|have to|would|shall|are welcome|too)\b|thank you|if you|when you|once you|please|see you|would you|could you|can you|will you|do you|did you|have you|are you|were you)"
)
_FIRST_PERSON = re.compile(r"^(?:i|we|let me|let us|our)\b")


def _reflection_sentences(text: Text, context: Text | None) -> list[tuple[Sentence, Span]]:
    """Sentences that restate the customer, each with the span that shows it."""
    framed = hits(text, "reflection_frames")
    found = []
    for sentence in text.sentences:
        kind = question_kind(text, sentence) if sentence.is_question else None
        if kind == "open":
            continue
        inside = [span for span in framed if sentence.start <= span[0] < sentence.end and not negated(text, span[0], 2)]
        shared = content_stems(sentence.text) & content_stems(context.norm) if context else set()
        if context is not None and parroted_share(sentence.text, context.norm) >= 0.6 and len(sentence.text.split()) >= 4:
            continue  # said back word for word: parroting
        if inside and (kind is None or _declarative(sentence)):
            found.append((sentence, (sentence.start, sentence.end)))
            continue
        body = opening(sentence.text)
        if kind is not None or _NOT_ACCOUNT.match(body) or _FIRST_PERSON.match(body):
            continue
        if _ACCOUNT.search(body) and context is not None and len(shared) >= 2:
            found.append((sentence, (sentence.start, sentence.end)))
        elif body != sentence.text and context is not None and len(shared) >= 3:
            found.append((sentence, (sentence.start, sentence.end)))
    return found


def _declarative(sentence: Sentence) -> bool:
    """Whether a sentence ending in "?" is a statement said with a rising voice ("so you're stuck?")."""
    body = opening(sentence.text)
    return not re.match(r"^(?:is|are|was|were|do|does|did|have|has|can|could|will|would|what|how|why|when|where|which|who)\b", body)


def reflects_content(text: Text, context: Text | None) -> list[Span]:
    """Spans of sentences that restate what the customer said, in other words."""
    return [span for _, span in _reflection_sentences(text, context)]


def summarizes_and_confirms(text: Text, context: Text | None) -> list[Span]:
    """Spans of a recap of the customer's facts followed by a check that it is right."""
    confirms = [span for span in hits(text, "confirm_phrases") if not negated(text, span[0], 1)]
    for sentence in text.sentences:
        if sentence.is_question and sentence.text.rstrip(" ?!.").split()[-1:] in (["right"], ["correct"], ["yes"], ["yeah"], ["okay"], ["ok"]):
            confirms.append((sentence.start, sentence.end))
    markers = hits(text, "recap_markers")
    recaps = [span for _, span in _reflection_sentences(text, context)] + markers
    if not confirms or not recaps:
        if markers and any(sentence_at(text, a) is not None and sentence_at(text, a).is_question for a, _ in markers):
            return markers
        return []
    first_confirm = min(a for a, _ in confirms)
    before = [span for span in recaps if span[0] <= first_confirm]
    if not before:
        return []
    return before + confirms
