"""Broken content is reported as path:line: message, never as a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content import ContentError, load_course, read_course


def problems_of(folder) -> list[str]:
    _, problems = read_course(folder.root)
    return [str(problem) for problem in problems]


def only_problem(folder) -> str:
    found = problems_of(folder)
    assert len(found) == 1, found
    return found[0]


def test_the_fixture_course_is_clean(course_folder):
    course = load_course(course_folder.root)
    assert [m.id for m in course.modules] == ["empathy"]
    assert course.exercise("empathy.late-gift").module_id == "empathy"
    assert course.exercise("empathy.late-gift").skill == "empathy"
    lesson = course.lesson("empathy.naming")
    assert [s.title for s in lesson.sections] == ["Naming the feeling", "Why it matters", "How to do it"]


def test_bad_yaml_points_at_its_line(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "prompt: Which", "prompt: [Which")
    problem = only_problem(course_folder)
    assert "pick-one.yaml:" in problem and "YAML does not parse" in problem


def test_missing_field(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "title: Pick the empathetic reply\n", "")
    assert only_problem(course_folder).endswith("pick-one.yaml:1: missing field 'title'")


def test_unknown_field_suggests_the_right_one(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "prompt:", "promt:")
    found = problems_of(course_folder)
    assert any("pick-one.yaml:4: unknown field 'promt' (did you mean 'prompt'?)" in p for p in found), found


def test_unknown_kind(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "kind: choice", "kind: quiz")
    assert "pick-one.yaml:2: kind: 'quiz' is not one of: choice, multi" in only_problem(course_folder)


def test_wrong_type(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "title: Pick the empathetic reply", "title: [a, b]")
    assert "pick-one.yaml:3: title: should be text" in only_problem(course_folder)


def test_duplicate_exercise_id(course_folder):
    course_folder.write(
        "exercises/empathy/copy.yaml", (course_folder.root / "exercises/empathy/pick-one.yaml").read_text()
    )
    problem = only_problem(course_folder)
    assert ".yaml:1: exercise id 'empathy.pick-one' is already used by" in problem


def test_duplicate_key_in_one_file(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "title: Pick", "title: Twice\ntitle: Pick")
    assert "pick-one.yaml:4: YAML does not parse: the key 'title' appears twice" in only_problem(course_folder)


def test_dangling_reference(course_folder):
    course_folder.edit("lessons/02-empathy/01-naming.md", "empathy.pick-one]", "empathy.pick-one, empathy.ghost]")
    assert "01-naming.md:6: lists exercise 'empathy.ghost', but no exercise file has that id" in only_problem(
        course_folder
    )


def test_exercise_no_lesson_lists(course_folder):
    course_folder.edit("lessons/02-empathy/01-naming.md", ", empathy.pick-one]", "]")
    assert "pick-one.yaml:1: no lesson lists exercise 'empathy.pick-one'" in only_problem(course_folder)


def test_exercise_listed_by_two_lessons(course_folder):
    text = (course_folder.root / "lessons/02-empathy/01-naming.md").read_text()
    second = text.replace("id: empathy.naming", "id: empathy.second").replace(
        "exercises: [empathy.late-gift, empathy.pick-one]", "exercises: [empathy.pick-one]"
    )
    course_folder.write("lessons/02-empathy/02-second.md", second)
    assert "02-second.md:6: exercise 'empathy.pick-one' is already listed by lesson 'empathy.naming'" in only_problem(
        course_folder
    )


def test_non_utf8_file(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", "id: empathy.pick-one\ntitle: caf\xe9\n".encode("latin-1"))
    assert "pick-one.yaml:2: not UTF-8 text (byte 0xe9)" in " ".join(problems_of(course_folder))


def test_empty_file(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", "  \n")
    assert "pick-one.yaml: the file is empty" in " ".join(problems_of(course_folder))


def test_lesson_without_front_matter(course_folder):
    course_folder.write("lessons/02-empathy/01-naming.md", "# Just a heading\n\nText.\n")
    found = problems_of(course_folder)
    assert any("01-naming.md:1: the file must start with front matter" in p for p in found), found


def test_bad_front_matter_yaml_points_into_the_file(course_folder):
    course_folder.edit("lessons/02-empathy/01-naming.md", "minutes: 5", "minutes: [5")
    problem = [p for p in problems_of(course_folder) if "01-naming.md" in p][0]
    assert "front matter: YAML does not parse" in problem
    assert int(problem.split(":")[1]) in (4, 5, 6)


def test_choice_without_a_correct_option(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", ", correct: true", "")
    assert "needs exactly one correct option, not 0" in only_problem(course_folder)


def test_classify_label_not_in_labels(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", """\
        id: empathy.pick-one
        kind: classify
        title: Sort them
        prompt: Label each line.
        labels: [emotion, fact]
        items:
          - {text: "I'm fed up.", label: emotion}
          - {text: "Order 4471.", label: number}
        """)
    assert "pick-one.yaml:8: label 'number' is not one of the labels: emotion, fact" in only_problem(course_folder)


def test_spot_answer_past_the_transcript(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", """\
        id: empathy.pick-one
        kind: spot
        title: Where did it go wrong
        prompt: Mark the line.
        transcript:
          - {who: customer, text: "My card was declined."}
          - {who: agent, text: "Try again later."}
        answers: [5]
        """)
    assert "answer 5 is past the end of the transcript (2 lines)" in only_problem(course_folder)


def test_failing_example_names_an_unknown_criterion(course_folder):
    course_folder.edit(
        "exercises/empathy/late-gift.yaml", "misses: [names-feeling, key-facts]", "misses: [names-feeling, tone]"
    )
    assert "failing example 1 names criterion 'tone', which the rubric does not have" in only_problem(course_folder)


def test_duplicate_criterion_id(course_folder):
    course_folder.edit("exercises/empathy/late-gift.yaml", "id: key-facts", "id: names-feeling")
    found = problems_of(course_folder)
    assert any("criterion id 'names-feeling' is used twice" in p for p in found), found


def test_module_folder_without_module_file(course_folder):
    (course_folder.root / "lessons/02-empathy/module.md").unlink()
    found = problems_of(course_folder)
    assert any("02-empathy: this module folder has no module.md" in p for p in found), found


def test_badly_named_module_folder(course_folder):
    (course_folder.root / "lessons/02-empathy").rename(course_folder.root / "lessons/empathy")
    assert any("module folders are named NN-name" in p for p in problems_of(course_folder))


def test_pass_mark_out_of_range(course_folder):
    course_folder.edit("exercises/empathy/late-gift.yaml", "pass_mark: 0.6", "pass_mark: 7")
    assert "late-gift.yaml:10: rubric.pass_mark: should be at most 1, not 7" in only_problem(course_folder)


def test_exercise_id_outside_its_folder(course_folder):
    course_folder.edit("exercises/empathy/pick-one.yaml", "id: empathy.pick-one", "id: patience.pick-one")
    course_folder.edit("lessons/02-empathy/01-naming.md", "empathy.pick-one]", "patience.pick-one]")
    assert "should start with its folder name 'empathy.'" in only_problem(course_folder)


def test_conversation_goto_unknown_turn(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", """\
        id: empathy.pick-one
        kind: conversation
        title: Talk it through
        prompt: Help Priya.
        channel: chat
        customer: {name: Priya, mood: -1}
        turns:
          start:
            customer: [{text: "I was charged twice.", after: 1}]
            rubric:
              criteria:
                - {id: feel, check: acknowledges_emotion, met: ok, missed: not yet}
            model_answer: That sounds worrying.
            examples: {pass: [That sounds worrying.], fail: [{answer: OK., misses: [feel]}]}
            next: {pass: {goto: thanks}, fail: {goto: nowhere}}
          thanks:
            customer: [{text: "Thanks.", after: 1}]
        """)
    assert "turn 'start' goes to 'nowhere', but there is no such turn" in only_problem(course_folder)


def test_stray_file(course_folder):
    course_folder.write("exercises/empathy/notes.txt", "remember to add more")
    assert "notes.txt: stray file: exercises are .yaml files" in only_problem(course_folder)


def test_load_course_raises_one_error_listing_all(course_folder):
    course_folder.write("exercises/empathy/pick-one.yaml", "")
    course_folder.edit("exercises/empathy/late-gift.yaml", "kind: reply", "kind: nope")
    with pytest.raises(ContentError) as caught:
        load_course(course_folder.root)
    assert len(caught.value.problems) >= 2


def test_not_a_course_folder(tmp_path: Path):
    _, problems = read_course(tmp_path)
    assert "no lessons/ folder here" in str(problems[0])


def test_a_5000_digit_number_is_a_problem_not_a_traceback(course_folder):
    course_folder.edit(
        "exercises/empathy/pick-one.yaml", "prompt: Which", "weight_of_it: " + "9" * 5000 + "\nprompt: Which"
    )
    problem = only_problem(course_folder)
    assert "pick-one.yaml:" in problem and "5,000 digits" in problem
