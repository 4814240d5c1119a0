"""Judging: every kind of answer judged in one place, and the verdict explained in plain words.

``judge(exercise, answer)`` takes an answer of any kind (a choice, an order,
labels, marks, the learner's own words, a conversation) and returns a
``Judgment``: whether it passed, its score, one ``Point`` per criterion or item
with the evidence in the learner's words, and the feedback to show. The app's
screens, the command line, the trainer's review and the reports all present
that; none of them decides a score. Free text is graded by ``course.grading``;
a conversation is played again through ``course.conversation``.

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from .any_kind import answer_of_kind, judge, judge_of
from .classify import CLASSIFY_PASS_MARK
from .conversation import (
    ReplayClock,
    ReplyVerdict,
    answer_of,
    draft_of,
    draft_text,
    judge_run,
    path_of,
    replay,
    reply_verdict,
)
from .criteria import criteria_of
from .judgment import Judgment, Point, Role, Shown, Span, score_words, severity_words, verdict_line, verdict_words
from .written import judge_graded

__all__ = [
    "judge",
    "judge_of",
    "answer_of_kind",
    "judge_graded",
    "judge_run",
    "Judgment",
    "Point",
    "Shown",
    "Span",
    "Role",
    "score_words",
    "severity_words",
    "verdict_words",
    "verdict_line",
    "CLASSIFY_PASS_MARK",
    "criteria_of",
    "ReplayClock",
    "replay",
    "answer_of",
    "draft_of",
    "draft_text",
    "path_of",
    "ReplyVerdict",
    "reply_verdict",
]
