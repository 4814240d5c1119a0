"""criterion_problems: what `listen check` tells a trainer about a criterion's check and settings."""

from __future__ import annotations

import pytest

from course.grading import criterion_problems

from .conftest import criterion


@pytest.mark.parametrize(
    "crit",
    [
        criterion("a", "acknowledges_emotion"),
        criterion("b", "mentions", facts=["rent", ["89.99", "eighty-nine"]], at_least=2),
        criterion("c", "avoids", phrases=["calm down"], techniques=["blames_customer"]),
        criterion("d", "order", first="acknowledges_emotion", then="offers_solution"),
        criterion("e", "length", min_words=10, max_words=80),
        criterion("f", "plain_language", phrases=["kindly"]),
        criterion("f2", "length", max_sentence_words=25),
        criterion("g", "not_parroting", max_overlap=0.3),
        criterion("h", "questions", at_least=1, at_most=2, open_at_least=1),
        criterion("i", "mentions", facts=[89.99, "order 5521"]),
    ],
)
def test_good_criteria_have_no_problems(crit):
    assert criterion_problems(crit) == []


def test_facts_from_is_fine_in_a_conversation_only():
    crit = criterion("close", "mentions", facts_from="facts", at_least=3)
    assert criterion_problems(crit, in_conversation=True) == []
    assert any("conversation" in p for p in criterion_problems(crit))


@pytest.mark.parametrize(
    ("crit", "words"),
    [
        (criterion("a", "reads_minds"), "unknown check"),
        (criterion("a", "blames_customer"), "avoids"),
        (criterion("a", "mentions"), "needs `facts`"),
        (criterion("a", "mentions", facts=[]), "must be a list"),
        (criterion("a", "mentions", facts=["rent", ""]), "fact 2"),
        (criterion("a", "mentions", facts=["rent"], at_least=2), "more than the 1 facts"),
        (criterion("a", "mentions", facts=["rent"], at_least="two"), "whole number"),
        (criterion("a", "avoids"), "needs `phrases`"),
        (criterion("a", "avoids", techniques=["acknowledges_emotion"]), "can not be avoided"),
        (criterion("a", "avoids", phrases="calm down", techniques=["uses_jargon"], extra=1), "means nothing"),
        (criterion("a", "order", first="acknowledges_emotion"), "`then` is missing"),
        (criterion("a", "order", first="hugs", then="offers_solution"), "not a technique"),
        (criterion("a", "length"), "needs `min_words`"),
        (criterion("a", "length", min_words=50, max_words=10), "larger than"),
        (criterion("a", "length", min_words=True), "whole number"),
        (criterion("a", "plain_language", max_sentence_words=25), "means nothing"),
        (criterion("a", "not_parroting", max_overlap=1.5), "between 0 and 1"),
        (criterion("a", "questions", at_least=3, at_most=1), "larger than"),
        (criterion("a", "questions", open_at_least=-1), "whole number"),
        (criterion("a", "acknowledges_emotion", facts=["x"]), "takes no settings"),
    ],
)
def test_problems_are_named_in_plain_words(crit, words):
    problems = criterion_problems(crit)
    assert problems, crit
    assert any(words in p for p in problems), problems
