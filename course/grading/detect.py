"""``detect``: run one technique detector over a text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from course.grading.techniques import TECHNIQUES
from course.grading.text import Text, analyse

TYPE_CHECKING = False  # spelled out: importing `typing` costs more than this module
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Detection", "detect", "detect_in", "find_spans"]

_LONGEST = 12_000
"""Past this many characters only the start is read: no reply is that long, and time stays bounded."""


@dataclass(frozen=True)
class Detection:
    """Whether a technique shows in a text, and the words that show it."""

    found: bool
    """True when the text shows the technique."""
    evidence: tuple[tuple[int, int], ...] = ()
    """Character spans of the original text that justify the verdict, sorted, not overlapping."""


def _detectors() -> dict[str, Callable[..., Any]]:
    """Technique name -> detector function ``(text, context) -> normalised spans``."""
    from course.grading.detectors import DETECTORS  # late: keeps ``import course.grading`` light

    return DETECTORS


def find_spans(technique: str, text: Text, context: Text | None = None) -> list[tuple[int, int]]:
    """Spans of the normalised text that show a technique (ValueError if unknown)."""
    if technique not in TECHNIQUES:
        raise ValueError(f"unknown technique {technique!r}; known: {', '.join(TECHNIQUES)}")
    key = ("spans", technique, None if context is None else context.norm)
    found: list[tuple[int, int]] | None = text.memo.get(key)
    if found is None:
        found = text.memo[key] = sorted(span for span in _detectors()[technique](text, context) if span[1] > span[0])
    return list(found)


def detect_in(technique: str, text: Text, context: Text | None = None) -> Detection:
    """``detect`` for text already analysed (the rubric reuses one analysis per answer)."""
    evidence = text.spans(find_spans(technique, text, context))
    return Detection(found=bool(evidence), evidence=evidence)


def detect(technique: str, text: str, context: str | None = None) -> Detection:
    """Whether ``text`` shows ``technique``, with evidence spans in ``text``.

    ``context`` is what the customer said (used by ``reflects_content`` and
    ``summarizes_and_confirms``). Raises ValueError for an unknown technique.
    """
    if technique not in TECHNIQUES:
        raise ValueError(f"unknown technique {technique!r}; known: {', '.join(TECHNIQUES)}")
    text = text if isinstance(text, str) else str(text)
    analysed = analyse(text[:_LONGEST])
    analysed_context = analyse(context[:_LONGEST]) if context else None
    return detect_in(technique, analysed, analysed_context)
