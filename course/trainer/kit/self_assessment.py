"""The learner's self-assessment: each of the five skills as three or four "I can..." lines, rated 1 to 4.

The lines are the lessons' own objectives, spread across each skill's
lessons, in the learner's voice. Filled in before and after the course, the
two sheets show the learner where they have moved.
"""

from __future__ import annotations

from course.content.model import SKILLS, Course

from ..profile import SKILL_NAMES
from .phrasing import i_can
from .sheet import SCALE, Notes, Ratings, Section, Sheet, Words

__all__ = ["self_assessment", "skill_statements", "MOST", "FEWEST_WORDS"]

MOST = 4
"""Statements per skill at most."""
FEWEST_WORDS = 4
"""An objective shorter than this is too bare to rate ("Hear tone")."""


def _usable(objective: str) -> bool:
    words = objective.split()
    return len(words) >= FEWEST_WORDS and objective[:1].isupper()


def skill_statements(course: Course, skill: str) -> tuple[str, ...]:
    """Up to ``MOST`` "I can..." lines for a skill, from the objectives of the lessons of its modules.

    One objective per lesson first, from lessons spread across the module; then
    more from each lesson when there are few lessons.
    """
    per_lesson = [
        [objective for objective in lesson.objectives if _usable(objective)]
        for module in course.modules if module.skill == skill
        for lesson in module.lessons
    ]
    per_lesson = [objectives for objectives in per_lesson if objectives]
    if not per_lesson:
        return ()
    deepest = max(len(objectives) for objectives in per_lesson)
    rounds = [[objectives[depth] for objectives in per_lesson if len(objectives) > depth] for depth in range(deepest)]
    first = rounds[0]
    if len(first) >= MOST:
        chosen = [first[index * len(first) // MOST] for index in range(MOST)]
    else:
        chosen = [objective for one_round in rounds for objective in one_round][:MOST]
    return tuple(i_can(objective) for objective in chosen)


def self_assessment(course: Course, module_ids: tuple[str, ...] = ()) -> Sheet:
    """The self-assessment for the skills these modules teach (every skill when none of them teaches one)."""
    taught = [module.skill for module in course.modules if module.id in module_ids and module.skill]
    skills = [skill for skill in SKILLS if skill in taught] or list(SKILLS)
    scale = ", ".join(f"{number} {word}" for number, word in enumerate(SCALE, start=1))
    sections = [
        Section("Before you start", (
            Notes("Your name and today's date", 1),
            Words(f"For each line, tick the number that is true of you today: {scale}. "
                  "Fill in a fresh sheet at the end of the course, and compare the two."),
        )),
    ]
    for skill in skills:
        statements = skill_statements(course, skill)
        if statements:
            sections.append(Section(SKILL_NAMES.get(skill, skill), (Ratings(statements),)))
    sections.append(Section("Looking ahead", (Notes("The one skill I most want to get better at, and why", 3),)))
    return Sheet("Self-assessment", "How I listen", tuple(sections))
