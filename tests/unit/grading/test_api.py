"""The public face of course.grading: names others code against, and what they promise."""

from __future__ import annotations

import subprocess
import sys

import pytest

import course.grading as grading
from course.content.model import SKILLS
from course.grading import AVOID_TECHNIQUES, CHECKS, TECHNIQUE_SKILL, TECHNIQUES, detect


def test_the_public_names_are_exported():
    assert set(grading.__all__) == {
        "TECHNIQUES", "AVOID_TECHNIQUES", "CHECKS", "TECHNIQUE_SKILL", "Detection", "detect",
        "CriterionResult", "Grade", "grade", "grade_rubric", "criterion_problems", "warm_up",
        "judged_criteria", "HARM_PREFIX",
    }
    for name in grading.__all__:
        assert getattr(grading, name) is not None


def test_techniques_and_skills_line_up():
    assert len(TECHNIQUES) == 13 and len(set(TECHNIQUES)) == 13
    assert AVOID_TECHNIQUES == {"uses_jargon", "blames_customer", "dismisses_feeling", "overpromises", "unsafe_advice"}
    assert AVOID_TECHNIQUES < set(TECHNIQUES)
    assert set(TECHNIQUE_SKILL) == set(TECHNIQUES)
    assert set(TECHNIQUE_SKILL.values()) <= set(SKILLS)
    assert TECHNIQUE_SKILL["acknowledges_emotion"] == "empathy"
    assert TECHNIQUE_SKILL["reflects_content"] == "paraphrasing"
    assert TECHNIQUE_SKILL["commits_to_action"] == "follow_through"
    assert len(CHECKS) == 10 and "scripted" in CHECKS and "keeps_private" in CHECKS and "matches_case" in CHECKS


def test_an_unknown_technique_is_a_value_error():
    with pytest.raises(ValueError):
        detect("reads_minds", "hello")


def test_evidence_points_at_the_original_words_even_after_normalising():
    text = "Honestly, I’m SO sorry — that sounds really frustrating!!"
    found = detect("acknowledges_emotion", text)
    assert found.found
    assert any("sorry" in text[a:b].lower() for a, b in found.evidence)
    assert any("sounds really frustrating" in text[a:b] for a, b in found.evidence)


def test_importing_grading_stays_light_and_never_loads_textual():
    code = "import sys, course.grading; print('textual' in sys.modules, 'yaml' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "False"]


def test_warm_up_loads_the_word_lists_ahead_of_the_first_grade():
    # In a fresh interpreter, so the lists are really cold before and warm after.
    code = (
        "import time, course.grading as g\n"
        "from course.grading.anchors import _filed\n"
        "g.warm_up()\n"
        "assert _filed.cache_info().currsize > 20, _filed.cache_info()\n"
        "names = ('reassurance_phrases', 'affirmation')\n"
        "compiled = sum(part._regex is not None for name in names for part in _filed(name).parts)\n"
        "everything = sum(len(_filed(name).parts) for name in names)\n"
        "g.warm_up()\n"
        "found = g.detect('reassures', 'Your files are all safe.').found\n"
        "print(found, compiled == everything, _filed.cache_info().misses <= 40)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["True", "True", "True"]
