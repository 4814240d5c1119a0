"""The course that ships: complete, valid, and every example answer proven by the grader."""

from __future__ import annotations

import pytest

from course.checking import check_course
from course.content import TEXT_KINDS, load_course
from course.paths import bundled_content_dir

FREE_TEXT = (*TEXT_KINDS, "conversation")


@pytest.fixture(scope="module")
def course():
    return load_course(bundled_content_dir())


def test_listen_check_passes_on_the_whole_course():
    _, problems = check_course(bundled_content_dir())
    assert not problems, "\n".join(map(str, problems))


def test_every_free_text_exercise_has_a_model_answer_and_enough_examples(course):
    short = []
    for exercise in course.exercises.values():
        if exercise.is_text:
            cases = [(exercise.id, exercise.model_answer, exercise.examples)]
        elif exercise.conversation:
            cases = [(f"{exercise.id}#{turn.id}", turn.model_answer, turn.examples)
                     for turn in exercise.conversation.turns.values() if turn.rubric]
        else:
            continue
        for name, model_answer, examples in cases:
            if not model_answer or len(examples.passing) < 2 or len(examples.failing) < 3:
                short.append(f"{name}: model answer {'yes' if model_answer else 'no'}, "
                             f"{len(examples.passing)} pass, {len(examples.failing)} fail")
    assert not short, "\n".join(short)


def test_model_answers_pass_their_own_rubric(course):
    from course import grading
    from course.conversation import grade_turn

    failing = []
    for exercise in course.exercises.values():
        if exercise.is_text:
            result = grading.grade(exercise, exercise.model_answer)
            if not result.passed:
                failing.append(f"{exercise.id}: misses {sorted(result.missed_ids)}")
        elif exercise.conversation:
            for turn in exercise.conversation.turns.values():
                if turn.rubric:
                    result = grade_turn(exercise, turn, turn.model_answer)
                    if not result.passed:
                        failing.append(f"{exercise.id}#{turn.id}: misses {sorted(result.missed_ids)}")
    assert not failing, "\n".join(failing)


SKILL_MODULES = ["attention", "empathy", "paraphrasing", "patience", "follow-through"]


def test_modules_come_in_course_order(course):
    assert [module.id for module in course.modules] == ["welcome", *SKILL_MODULES, "capstone"]
    for module in course.modules:
        assert module.id in module.path.name


@pytest.mark.parametrize("module_id", SKILL_MODULES)
def test_each_skill_module_is_complete(course, module_id):
    module = course.module(module_id)
    assert len(module.lessons) >= 3
    for lesson in module.lessons:
        assert 400 <= lesson.words <= 1200, f"{lesson.id} has {lesson.words} words"
        assert "worked example" in " ".join(s.title.lower() for s in lesson.sections) or any(
            "weak" in s.markdown.lower() and "strong" in s.markdown.lower() for s in lesson.sections
        ), f"{lesson.id} has no worked example (weak and strong reply)"
    exercises = course.exercises_of(module_id)
    kinds = {exercise.kind for exercise in exercises}
    assert len(exercises) >= 8
    assert len(kinds) >= 4, kinds
    assert sum(exercise.kind in FREE_TEXT for exercise in exercises) >= 4


def test_the_course_has_at_least_sixty_exercises(course):
    assert len(course.exercises) >= 60


def test_the_capstone_is_made_of_conversations(course):
    kinds = [exercise.kind for exercise in course.exercises_of("capstone")]
    assert kinds.count("conversation") >= 4


def test_scenarios_cover_every_channel(course):
    channels = {exercise.channel for exercise in course.exercises.values() if exercise.channel}
    assert channels == {"chat", "email", "phone", "social", "in-person"}
