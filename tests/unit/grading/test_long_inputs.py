"""The worst answers to grade: 50,000 characters of runs a pattern could trip over.

Each is graded against a reply, a rewrite and the exercises that were slowest to grade, and
run through every detector: the result must stay whole (a score in range, evidence inside the
answer) and nothing may raise. How long they take is measured by ``bench/long_answers.py``,
which sets each mix beside a tenth of it: linear patterns take ten times as long, a pattern
whose time grows with the square of the input a hundred times.
"""

from __future__ import annotations

import pytest

from course.content import load_course
from course.content.model import TEXT_KINDS
from course.grading import TECHNIQUES, detect, grade
from course.paths import bundled_content_dir

LENGTH = 50_000
SLOWEST = ("empathy.late-gift", "attention.payments-failing", "patience.five-problems")
"""Exercises whose rubrics took longest on these inputs."""

MIXES = {
    "a sentence then emoji": "I am sorry you are upset. " + "\U0001F600" * LENGTH,
    "emoji then a word": "Sorry " + "\U0001F600" * LENGTH + "x",
    "spaces": "I am sorry" + " " * LENGTH + "x",
    "commas": "sorry" + "," * LENGTH,
    "hyphens": "sorry " + "-" * LENGTH,
    "apostrophes": "sorry " + "'" * LENGTH,
    "digits": "order " + "1" * LENGTH,
    "digits and commas": "1," * (LENGTH // 2),
    "stops then a letter": "!" * LENGTH + "a",
    "stops and brackets": "!)" * (LENGTH // 2) + "a",
    "a a a": "a " * (LENGTH // 2),
    "no sentence end": "I understand how you feel and I will " * (LENGTH // 37 + 1),
    "capitals": "SORRY " * (LENGTH // 6),
    "an apology again and again": "I am so sorry you " * (LENGTH // 18 + 1),
    "a promise again and again": "I will " * (LENGTH // 7 + 1),
    "a step again and again": "we will call you tomorrow and " * (LENGTH // 30 + 1),
    "digits and spaces": "1 " * (LENGTH // 2),
    "letters and hyphens": "a-" * (LENGTH // 2),
}


@pytest.fixture(scope="module")
def text_exercises():
    course = load_course(bundled_content_dir())
    chosen = [course.exercise(exercise_id) for exercise_id in SLOWEST]
    chosen.append(next(e for e in course.exercises.values() if e.kind == "rewrite"))
    assert all(exercise.kind in TEXT_KINDS for exercise in chosen)
    return chosen


@pytest.mark.parametrize("name", MIXES)
def test_a_long_hostile_answer_is_graded_whole(name, text_exercises):
    answer = MIXES[name][:LENGTH]
    for exercise in text_exercises:
        result = grade(exercise, answer)
        assert 0.0 <= result.score <= 1.0
        assert all(0 <= start < end <= len(answer) for r in result.results for start, end in r.evidence)
    for technique in TECHNIQUES:
        detection = detect(technique, answer, "I was charged twice for order 5521")
        assert all(0 <= start < end <= len(answer) for start, end in detection.evidence)


def test_a_number_of_many_digits_is_still_a_fact(text_exercises):
    grade(text_exercises[0], "Your order " + "9" * 5_000 + " is on its way.")  # no overflow, no traceback


@pytest.mark.parametrize("name", MIXES)
def test_sentences_and_lexicons_read_a_long_text_whole(name):
    """Below the length bound of ``grade``: sentences cover the text once and every lexicon reads it."""
    from course.grading.detectors.common import hits
    from course.grading.lexicons import LEXICON_DIR
    from course.grading.text import Text

    text = Text(MIXES[name][:LENGTH])
    assert sum(len(sentence.text) for sentence in text.sentences) <= len(text.norm)
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        if path.stem not in ("typos", "contractions", "same_meaning", "stopwords"):
            assert all(0 <= start < end <= len(text.norm) for start, end in hits(text, path.stem))
