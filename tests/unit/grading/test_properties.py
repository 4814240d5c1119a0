"""Whatever a learner types, grading answers calmly: no exception, the same twice, spans in range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.grading import TECHNIQUES, detect, grade

from .conftest import criterion, exercise

# Text that looks like what people type, plus the awkward corners of unicode.
_PIECES = st.sampled_from(
    [
        "I'm so sorry", "don’t worry", "you should have", "what happened?", "[bold]", "[/]",
        "\x00", "\u200b", "\r\n", "😡", "🙂", "ﬁ", "İ", "ß", "Σ", "RMA", "$89.99", "...", "?!",
        "calm down", "I'll call you by 4pm today", "so you", "—", "“quoted”", "\t", "'", "-",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map(" ".join),
)

EXERCISE = exercise(
    criterion("feeling", "acknowledges_emotion", weight=2, severity="essential"),
    criterion("facts", "mentions", facts=[["charged twice", "two payments"], ["89.99"]], at_least=1),
    criterion(
        "kind",
        "avoids",
        phrases=["calm down"],
        techniques=["blames_customer", "dismisses_feeling", "overpromises", "uses_jargon"],
    ),
    criterion("order", "order", first="acknowledges_emotion", then="offers_solution"),
    criterion("length", "length", min_words=5, max_words=80),
    criterion("plain", "plain_language"),
    criterion("own-words", "not_parroting"),
    criterion("asks", "questions", at_least=1, open_at_least=1),
    criterion("next", "commits_to_action"),
    message="I've been charged twice, 89.99 each time, and I'm furious.",
)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(spans, text):
    return all(0 <= a < b <= len(text) for a, b in spans)


@SETTINGS
@given(text=TEXTS, context=st.one_of(st.none(), TEXTS))
def test_every_detector_survives_any_text(text, context):
    for technique in TECHNIQUES:
        first = detect(technique, text, context)
        assert first == detect(technique, text, context)
        assert first.found == bool(first.evidence)
        assert _inside(first.evidence, text)
        assert list(first.evidence) == sorted(first.evidence)


@SETTINGS
@given(answer=TEXTS)
def test_grade_survives_any_answer(answer):
    result = grade(EXERCISE, answer)
    assert result == grade(EXERCISE, answer)
    assert 0.0 <= result.score <= 1.0
    own = [r for r in result.results if not r.id.startswith("harm.")]
    assert [r.id for r in own] == [c.id for c in EXERCISE.rubric.criteria]
    for item in result.results:
        assert _inside(item.evidence, answer)
        assert item.feedback in (item.criterion.met, item.criterion.missed)
    if result.passed:
        assert result.score >= result.pass_mark and not result.essential_missed


def test_very_long_input_is_graded_in_reasonable_time():
    answer = ("I'm so sorry, that sounds stressful. So you were charged twice? I'll call you by 4pm today. " * 600)[
        :50_000
    ]
    result = grade(EXERCISE, answer)
    for technique in TECHNIQUES:
        detect(technique, answer, answer)
    assert _inside([span for r in result.results for span in r.evidence], answer)


def test_empty_answer_meets_nothing_it_should_not():
    result = grade(EXERCISE, "")
    assert not result.passed
    assert {"feeling", "facts", "asks", "next"} <= result.missed_ids
