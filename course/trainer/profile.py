"""A skill profile.

How often each of the five skills shows in a learner's answers, and where their scores are heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from course.content.model import SKILLS
from course.progress.records import Attempt
from course.progress.trainer_work import TrainerNote

from .standing import graded

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = ["SkillProfile", "skill_profile", "skill_totals", "learner_profile", "TREND_LENGTH", "SKILL_NAMES"]

TREND_LENGTH = 30
"""How many recent scores the trend shows."""

SKILL_NAMES = {
    "attention": "Attention",
    "empathy": "Empathy",
    "paraphrasing": "Paraphrasing",
    "patience": "Patience",
    "follow_through": "Follow-through",
}
"""Each skill as a learner reads it."""


@dataclass(frozen=True)
class SkillProfile:
    """Each skill's share of criteria met, and recent scores."""

    shares: Mapping[str, float | None] = field(default_factory=dict)
    """Per skill: weighted share of its criteria met in the latest answer to each exercise (None: no evidence yet)."""
    evidence: Mapping[str, int] = field(default_factory=dict)
    """Per skill: how many criteria judged it."""
    trend: tuple[float, ...] = ()
    """The most recent scores, oldest first."""

    def share(self, skill: str) -> float | None:
        """One skill's share (None when nothing has judged it yet)."""
        return self.shares.get(skill)


def _latest_per_exercise(attempts: Iterable[Attempt]) -> list[Attempt]:
    latest: dict[str, Attempt] = {}
    for attempt in attempts:  # oldest first, so the last one seen is the latest
        latest[attempt.exercise_id] = attempt
    return list(latest.values())


Judgement = tuple[bool, float, str]
"""One criterion's verdict on an answer: met, weight, skill."""


def skill_totals(answers: Iterable[Iterable[Judgement]]) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    """Per skill: weight met, weight judged and criteria judged, over these answers' judgements.

    Only what was practised counts. A weightless criterion (a course-wide harm check such as not
    blaming the customer, judged on every written answer) is no evidence of a skill when met: not
    blaming anyone in a welcome reply says nothing about paraphrasing. Missed, it counts against
    its skill as one criterion.
    """
    met = dict.fromkeys(SKILLS, 0.0)
    judged = dict.fromkeys(SKILLS, 0.0)
    count = dict.fromkeys(SKILLS, 0)
    for judgements in answers:
        for is_met, weight, skill in judgements:
            if skill not in judged or (weight <= 0 and is_met):
                continue
            weight = weight if weight > 0 else 1.0
            judged[skill] += weight
            count[skill] += 1
            if is_met:
                met[skill] += weight
    return met, judged, count


def skill_profile(attempts: Iterable[Attempt], notes: Mapping[str, TrainerNote] | None = None) -> SkillProfile:
    """The profile of these attempts (oldest first)."""
    attempts = list(attempts)
    latest = _latest_per_exercise(attempts)
    met, judged, count = skill_totals([(o.met, o.weight, o.skill) for o in a.outcomes] for a in latest)
    shares = {skill: (met[skill] / judged[skill] if judged[skill] else None) for skill in SKILLS}
    notes = notes or {}
    trend = tuple(graded(a, notes.get(a.id))[0] for a in attempts[-TREND_LENGTH:])
    return SkillProfile(shares, count, trend)


def learner_profile(store: ProgressStore, learner: str) -> SkillProfile:
    """A learner's profile from their store, for the app."""
    notes = {note.attempt_id: note for note in store.trainer_notes(learner)}
    return skill_profile(store.attempts(learner), notes)
