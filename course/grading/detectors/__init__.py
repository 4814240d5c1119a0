"""One detector per technique: ``(text, context) -> spans of the normalised text``."""

from __future__ import annotations

from course.grading.detectors.actions import commits_to_action, offers_solution, overpromises, reassures
from course.grading.detectors.feelings import acknowledges_emotion, dismisses_feeling
from course.grading.detectors.questions import asks_open_question, asks_question
from course.grading.detectors.reflection import reflects_content, summarizes_and_confirms
from course.grading.detectors.safety import unsafe_advice
from course.grading.detectors.tone import blames_customer, uses_jargon

__all__ = ["DETECTORS"]

DETECTORS = {
    "acknowledges_emotion": acknowledges_emotion,
    "reflects_content": reflects_content,
    "asks_question": asks_question,
    "asks_open_question": asks_open_question,
    "summarizes_and_confirms": summarizes_and_confirms,
    "reassures": reassures,
    "commits_to_action": commits_to_action,
    "offers_solution": offers_solution,
    "uses_jargon": uses_jargon,
    "blames_customer": blames_customer,
    "dismisses_feeling": dismisses_feeling,
    "overpromises": overpromises,
    "unsafe_advice": unsafe_advice,
}
"""Every technique's detector."""
