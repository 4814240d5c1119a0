"""course.judging on its own: one judge for every kind, its verdicts in plain data, answers read and typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course import grading
from course.content import load_course
from course.content.answers import Arrangement, Labelling, Marks, Picks, option_order, starting_order
from course.judging import Span, judge, score_words
from course.judging.judgment import shown_of
from course.paths import bundled_content_dir
from course.progress import Attempt
from course.recording import attempt_of
from tests.fuzz_settings import fuzz

COURSE = load_course(bundled_content_dir())


def of_kind(kind: str):
    return [exercise for exercise in COURSE.exercises.values() if exercise.kind == kind]


@pytest.mark.parametrize("exercise", of_kind("reply")[:3] + of_kind("rewrite")[:2] + of_kind("paraphrase")[:2],
                         ids=lambda exercise: exercise.id)
def test_a_written_answer_is_recorded_exactly_as_its_grade_says(exercise) -> None:
    for answer in (*exercise.examples.passing, *(example.answer for example in exercise.examples.failing)):
        judgment = judge(exercise, answer)
        graded = grading.grade(exercise, answer)
        assert (judgment.passed, judgment.score) == (graded.passed, graded.score)
        assert attempt_of(exercise, answer, judgment, seconds=3) == Attempt.from_grade(exercise, answer, graded,
                                                                                        seconds=3)


@pytest.mark.parametrize("exercise", of_kind("reply")[:4], ids=lambda exercise: exercise.id)
def test_a_written_judgment_marks_the_words_behind_each_point(exercise) -> None:
    answer = exercise.examples.passing[0]
    judgment = judge(exercise, answer)
    assert judgment.shown is not None and judgment.shown.text == answer
    marked = {(span.start, span.end) for span in judgment.shown.spans}
    for point in judgment.points:
        assert set(point.evidence) <= marked
    assert all(line.shown for line in judgment.lines)
    assert not any(point.id.startswith(grading.HARM_PREFIX) and point.met for point in judgment.lines)


def test_a_choice_scores_all_or_nothing_and_a_multi_by_share() -> None:
    choice, multi = of_kind("choice")[0], of_kind("multi")[0]
    right = [i for i, option in enumerate(choice.options) if option.correct]
    wrong = [i for i, option in enumerate(choice.options) if not option.correct][:1]
    assert judge(choice, right).score == 1.0 and judge(choice, wrong).score == 0.0
    correct = [i for i, option in enumerate(multi.options) if option.correct]
    half = judge(multi, correct[:-1])
    assert 0 < half.score < 1 and not half.passed
    assert half.score == pytest.approx((len(multi.options) - 1) / len(multi.options))
    assert [point.id for point in half.points] == [f"option-{i + 1}" for i in option_order(multi)]


@pytest.mark.parametrize("kind", ["choice", "multi", "order", "classify", "spot", "reply", "conversation"])
def test_an_answer_read_back_from_a_draft_text_is_judged_as_the_data(kind: str) -> None:
    import json

    exercise = of_kind(kind)[0]
    data = {"choice": [0], "multi": [0, 1], "order": list(exercise.items), "spot": [1],
            "classify": {item.text: exercise.labels[0] for item in exercise.labelled},
            "reply": "Sorry to hear that.", "conversation": {"replies": ["Sorry to hear that."]}}[kind]
    text = data if isinstance(data, str) else json.dumps(data)
    from_text, from_data = judge(exercise, text), judge(exercise, data)
    assert (from_text.passed, from_text.score, from_text.points, from_text.summary, from_text.shown) == (
        from_data.passed, from_data.score, from_data.points, from_data.summary, from_data.shown)


def test_score_words() -> None:
    assert [score_words(s) for s in (1.0, 0.9, 0.75, 0.55, 0.1)] == [
        "full marks", "strong", "good", "getting there", "early days"]


pieces = st.lists(st.tuples(st.text(max_size=8), st.sampled_from([None, "strong", "dim", "credit", "cost"])),
                  max_size=8)


@fuzz()
@given(parts=pieces)
def test_a_shown_answer_is_its_pieces_read_as_a_reader_would(parts) -> None:
    shown = shown_of(parts)
    assert shown.text == "".join(text for text, _ in parts).rstrip()
    for span in shown.spans:
        assert isinstance(span, Span) and 0 <= span.start < span.end <= len(shown.text)
    assert len(shown.spans) <= sum(role is not None for _, role in parts)


TYPED = [(Picks, of_kind("choice")[0]), (Picks, of_kind("multi")[0]), (Arrangement, of_kind("order")[0]),
         (Labelling, of_kind("classify")[0]), (Marks, of_kind("spot")[0])]


@fuzz()
@given(words=st.lists(st.text(max_size=6), max_size=10), which=st.integers(0, len(TYPED) - 1))
def test_whatever_is_typed_is_an_answer_that_fits_or_one_value_error(words, which) -> None:
    model, exercise = TYPED[which]
    try:
        answer = model.from_typed(exercise, words)
    except ValueError as error:
        assert str(error) and "\n" not in str(error)
        return
    if isinstance(answer, Picks):
        assert answer.chosen and all(0 <= i < len(exercise.options) for i in answer.chosen)
        assert len(set(answer.chosen)) == len(answer.chosen)
    elif isinstance(answer, Arrangement):
        assert sorted(answer.order or ()) == list(range(len(exercise.items)))
    elif isinstance(answer, Labelling):
        assert set(answer.labels) == {item.text for item in exercise.labelled}
    else:
        assert answer.lines and all(1 <= n <= len(exercise.transcript) for n in answer.lines)
    assert judge(exercise, answer) == judge(exercise, answer.recorded())  # what is stored judges the same


def test_typing_the_shown_numbers_in_their_shown_order_is_the_order_as_first_shown() -> None:
    exercise = of_kind("order")[0]
    shown = [str(n) for n in range(1, len(exercise.items) + 1)]
    assert list(Arrangement.from_typed(exercise, shown).order or ()) == starting_order(exercise)
    numbered = Arrangement.numbered(exercise)
    assert numbered[0] == f"1. {exercise.items[starting_order(exercise)[0]]}"
