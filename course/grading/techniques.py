"""The names grading knows: listening techniques, check kinds, and the skill each evidences."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["TECHNIQUES", "AVOID_TECHNIQUES", "CHECKS", "TECHNIQUE_SKILL", "CHECK_SKILL"]

TECHNIQUES: tuple[str, ...] = (
    "acknowledges_emotion",
    "reflects_content",
    "asks_question",
    "asks_open_question",
    "summarizes_and_confirms",
    "reassures",
    "commits_to_action",
    "offers_solution",
    "uses_jargon",
    "blames_customer",
    "dismisses_feeling",
    "overpromises",
    "unsafe_advice",
)
"""Every technique a detector can find in a reply."""

AVOID_TECHNIQUES: frozenset[str] = frozenset(
    {"uses_jargon", "blames_customer", "dismisses_feeling", "overpromises", "unsafe_advice"}
)
"""Techniques a good reply avoids: used only inside an ``avoids`` check."""

CHECKS: tuple[str, ...] = (
    "mentions",
    "avoids",
    "order",
    "length",
    "plain_language",
    "not_parroting",
    "questions",
    "scripted",
    "keeps_private",
    "matches_case",
)
"""Check kinds with settings, besides the positive techniques."""

TECHNIQUE_SKILL: Mapping[str, str] = MappingProxyType(
    {
        "acknowledges_emotion": "empathy",
        "reflects_content": "paraphrasing",
        "asks_question": "attention",
        "asks_open_question": "attention",
        "summarizes_and_confirms": "paraphrasing",
        "reassures": "empathy",
        "commits_to_action": "follow_through",
        "offers_solution": "follow_through",
        "uses_jargon": "empathy",
        "blames_customer": "empathy",
        "dismisses_feeling": "empathy",
        "overpromises": "follow_through",
        "unsafe_advice": "attention",
    }
)
"""The skill a technique evidences when neither the criterion nor the exercise names one."""

CHECK_SKILL: Mapping[str, str] = MappingProxyType(
    {
        "mentions": "attention",
        "avoids": "empathy",
        "order": "empathy",
        "length": "patience",
        "plain_language": "empathy",
        "not_parroting": "paraphrasing",
        "questions": "attention",
        "scripted": "empathy",
        "keeps_private": "attention",
        "matches_case": "attention",
    }
)
"""The skill a check kind evidences by default (``order`` and ``avoids`` refine it)."""
