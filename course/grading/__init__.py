"""Grading: judges a learner's own words, deterministically, offline, and explains why.

Two layers. Technique detectors (``detect``) find listening techniques in a text, with the
learner's words that show them. Rubrics (``grade``, ``grade_rubric``) add up criteria built on
those detectors and on checks with settings (mentions, avoids, order, length, plain_language,
not_parroting, questions) into a score, a pass, and feedback per criterion.
The word lists behind the detectors are plain files in ``course/grading/lexicons/``; they load on
first use, or ahead of it with ``warm_up()`` (an app calls it in a background worker at start).
"""

from __future__ import annotations

from course.grading.detect import Detection, detect
from course.grading.grade import CriterionResult, Grade, grade, grade_rubric
from course.grading.harms import HARM_PREFIX
from course.grading.harms import with_harms as judged_criteria
from course.grading.problems import criterion_problems
from course.grading.techniques import AVOID_TECHNIQUES, CHECKS, TECHNIQUE_SKILL, TECHNIQUES
from course.grading.warm import warm_up

__all__ = [
    "TECHNIQUES",
    "AVOID_TECHNIQUES",
    "CHECKS",
    "TECHNIQUE_SKILL",
    "Detection",
    "detect",
    "CriterionResult",
    "Grade",
    "grade",
    "grade_rubric",
    "judged_criteria",
    "HARM_PREFIX",
    "criterion_problems",
    "warm_up",
]
