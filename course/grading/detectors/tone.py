"""How the reply sounds: uses_jargon and blames_customer."""

from __future__ import annotations

import re

from course.grading.detectors.common import Span, hits, lexicon_words, negated
from course.grading.text import Text

__all__ = ["uses_jargon", "blames_customer"]

_ACRONYM = re.compile(r"(?<![\w'])[A-Z][A-Z0-9]{1,5}s?(?![\w'])")


def uses_jargon(text: Text, context: Text | None) -> list[Span]:
    """Spans of in-house terms and unexplained acronyms a customer may not know."""
    spans = hits(text, "jargon")
    plain = lexicon_words("plain_acronyms")
    original = text.original
    # An acronym counts only in ordinary writing: a shouted all-capitals line has no acronyms.
    letters = [c for c in original if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) > 0.5 * len(letters)
    if not shouting:
        for found in _ACRONYM.finditer(original):
            word = found.group().lower()
            if word in plain or word.rstrip("s") in plain or not any(c.isalpha() for c in word[1:]):
                continue
            start, end = text.norm_span(found.start(), found.end())
            if end > start:
                spans.append((start, end))
    return spans


def blames_customer(text: Text, context: Text | None) -> list[Span]:
    """Spans where the reply puts the fault on the customer."""
    return [span for span in hits(text, "blame_phrases") if not negated(text, span[0], 2)]
