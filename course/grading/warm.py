"""``warm_up``: load the word lists and compile their patterns before the first answer arrives.

Everything in grading is loaded on first use, which keeps ``import course.grading`` light but
makes the first grade of a session pay for reading and compiling every list (a few tenths of a
second). An app calls ``warm_up()`` in a background worker at start, so the learner's first
"Check" feels as quick as the rest.
"""

from __future__ import annotations

from course.grading.anchors import compile_all
from course.grading.lexicons import LEXICON_DIR, pairs

TYPE_CHECKING = False  # spelled out: importing `typing` costs more than this module
if TYPE_CHECKING:
    from typing import Any

__all__ = ["warm_up"]

_PAIR_FILES = ("typos", "contractions", "same_meaning")
"""Lists of ``wrong = right`` pairs: read, never compiled into a pattern."""

_SAMPLE_MESSAGE = "I was charged twice for order 5521 and my rent goes out on the 1st. I'm so worried."
_SAMPLE_REPLY = (
    "I'm so sorry, that sounds stressful. So you were charged twice for order 5521, is that right? "
    "Don't worry: I'll refund the second payment today and email you by 4pm. What else can I check?"
)


_done = False


_CHECKS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("mentions", {"facts": [["charged twice", "two payments"], ["89.99"], ["order 5521"]], "at_least": 2}),
    ("avoids", {"phrases": ["calm down"], "techniques": ["blames_customer", "dismisses_feeling"]}),
    ("order", {"first": "acknowledges_emotion", "then": "offers_solution"}),
    ("length", {"min_words": 10, "max_words": 120}),
    ("plain_language", {}),
    ("not_parroting", {}),
    ("questions", {"at_least": 1}),
)
"""One criterion of each check kind, with settings like a trainer's."""


def warm_up() -> None:
    """Read every word list and compile every pattern the detectors use; safe to call again.

    Free once done, deterministic, and never raises for a list a trainer broke: such entries
    are skipped here as they are when grading.
    """
    global _done
    if _done:
        return
    from course.content.model import Criterion, Rubric
    from course.grading.detect import detect  # late: the detectors load here, not at import
    from course.grading.grade import grade_rubric
    from course.grading.techniques import TECHNIQUES

    for name in _PAIR_FILES:
        pairs(name)
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        if path.stem not in _PAIR_FILES:
            compile_all(path.stem)
    # One pass of every detector compiles the patterns built in code and fills the word caches.
    for technique in TECHNIQUES:
        detect(technique, _SAMPLE_REPLY, _SAMPLE_MESSAGE)
    # And one rubric with every check kind, for the code paths of the checks themselves.
    rubric = Rubric(criteria=tuple(Criterion(id=check, check=check, met="", missed="", params=params) for check, params in _CHECKS))
    grade_rubric(rubric, _SAMPLE_REPLY, context=_SAMPLE_MESSAGE)
    _done = True
