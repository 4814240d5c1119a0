"""The first-character look-ahead in lexicon patterns finds exactly what the plain pattern finds."""

from __future__ import annotations

import re

import pytest

from course.grading.lexicons import LEXICON_DIR, fragment, pattern
from course.grading.text import analyse

TEXTS = (
    "Hi Priya, I'm so sorry - being charged twice right before rent is due is really stressful.",
    "£25 is a lot; #1 priority: @Abdi, €312.40 & 4 pm today. I'll ring you back by 5!",
    "'Sorry,' she said. (It's not your fault.) We will refund the £40 late fee today.",
    "That's the last thing you need. I can send a replacement tomorrow, or refund you in full.",
    "\u201cYou should have checked,\u201d isn't what I'd say: nobody told you the visit was cancelled.",
)


@pytest.mark.parametrize("name", sorted(p.stem for p in LEXICON_DIR.glob("*.txt")))
def test_the_look_ahead_changes_no_match(name: str) -> None:
    plain = re.compile(rf"(?<![\w'])(?:{fragment(name)})(?![\w'])")
    for text in TEXTS:
        norm = analyse(text).norm
        assert [m.span() for m in pattern(name).finditer(norm)] == [m.span() for m in plain.finditer(norm)]
