"""assign, import, export, report and review, as a trainer and a learner type them."""

from __future__ import annotations

import json

import pytest

from course.grading import judged_criteria
from course.progress import ProgressStore
from course.trainer import assignment_statuses, feedback_for, read_document

from .conftest import GOOD_REPLY, WEAK_REPLY, answer, in_days, store_file_bytes


def test_assign_writes_a_file_learners_import(listen, tmp_path, course, private_data_dir):
    out = tmp_path / "team-a.assignment.json"
    made = listen("assign", "--modules", "paraphrasing,empathy", "--due", in_days(10), "--pass", "0.7",
                  "--message", "Before the team day", "--trainer", "Sam", "--out", str(out))
    assert made.status == 0, made.err
    kind, document = read_document(out)
    assert kind == "assignment"
    assert document["modules"] == ["empathy", "paraphrasing"]  # in course order
    assert document["pass_mark"] == 0.7 and document["trainer"] == "Sam"
    imported = listen("--learner", "Dana", "import", str(out))
    assert imported.status == 0 and "Assignment added for Dana" in imported.out
    again = listen("--learner", "Dana", "import", str(out))
    assert again.status == 0 and "Nothing new" in again.out
    with ProgressStore(private_data_dir) as store:
        [status] = assignment_statuses(course, store, "Dana")
    assert status.days_left == 10 and status.state == "open"
    assert [m.module_id for m in status.modules] == ["empathy", "paraphrasing"]


def test_assign_straight_into_this_machine(listen, course, private_data_dir):
    made = listen("assign", "--modules", "empathy", "--due", in_days(3), "--learner", "Dana", "--learner", "Bo")
    assert made.status == 0, made.err
    with ProgressStore(private_data_dir) as store:
        assert [a.modules for a in store.assignments("Dana")] == [("empathy",)]
        assert [a.modules for a in store.assignments("Bo")] == [("empathy",)]


@pytest.mark.parametrize("args, words", [
    (["--modules", "empathy", "--due", "2026-02-30", "--learner", "Dana"], "not a date"),
    (["--modules", "empathy", "--due", "2001-01-01", "--learner", "Dana"], "already passed"),
    (["--modules", "cooking", "--due", "2099-01-01", "--learner", "Dana"], "no module 'cooking'"),
    (["--modules", "empathy", "--due", "2099-01-01", "--pass", "1.5", "--learner", "Dana"], "pass mark"),
    (["--modules", "empathy", "--due", "2099-01-01"], "--out FILE"),
    (["--modules", "empathy", "--due", "2099-01-01", "--home-page", "not a url", "--learner", "Dana"], "home-page"),
])
def test_assign_says_what_is_wrong(listen, args, words, private_data_dir):
    outcome = listen("assign", *args)
    assert outcome.status == 2
    assert words in outcome.err and len(outcome.err.strip().splitlines()) == 1


def test_assign_will_not_overwrite_without_force(listen, tmp_path):
    out = tmp_path / "a.json"
    out.write_text("keep me")
    assert listen("assign", "--modules", "empathy", "--due", in_days(3), "--out", str(out)).status == 2
    assert out.read_text() == "keep me"
    assert listen("assign", "--modules", "empathy", "--due", in_days(3), "--out", str(out), "--force").status == 0


def test_an_assignment_can_carry_the_organisations_home_page(listen, tmp_path, private_data_dir):
    out = tmp_path / "a.json"
    listen(
        "assign", "--modules", "empathy", "--due", in_days(3), "--home-page", "https://example.org", "--out", str(out)
    )
    imported = listen("--learner", "Dana", "import", str(out))
    assert imported.status == 0 and "https://example.org" in imported.out
    assert json.loads((private_data_dir / "config.json").read_text())["home_page"] == "https://example.org"


def test_an_assignment_is_complete_when_each_module_is_passed(course, store):
    from course.trainer import make_assignment

    welcome = [e for e in course.exercises_of("welcome")]
    store.import_work("Dana", assignments=[make_assignment(course, ["welcome"], in_days(2), 0.8)])
    [status] = assignment_statuses(course, store, "Dana")
    assert not status.complete and status.modules[0].status == "new"
    for exercise in welcome:
        store.record_attempt("Dana", _perfect(exercise))
    [status] = assignment_statuses(course, store, "Dana")
    assert status.complete and status.state == "complete"


def _perfect(exercise):
    from course.progress import Attempt

    return Attempt(exercise.id, "x", 1.0, True, content_hash=exercise.content_hash)


def test_export_holds_everything_a_trainer_needs(listen, tmp_path, course, store):
    answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY, seconds=75)
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY, seconds=120)
    store.set_last_learner("Dana")
    listen("assign", "--modules", "empathy", "--due", in_days(4), "--learner", "Dana")
    out = tmp_path / "dana.results.json"
    exported = listen("export", "--out", str(out))
    assert exported.status == 0, exported.err
    _, bundle = read_document(out)
    assert bundle["learner"]["name"] == "Dana" and bundle["course"]["version"] == course.version
    first, second = bundle["attempts"]
    assert first["answer"] == WEAK_REPLY and second["answer"] == GOOD_REPLY
    assert first["seconds"] == 75 and first["module"] == "empathy"
    judged = judged_criteria(course.exercise("empathy.late-gift").rubric)
    assert {c["id"] for c in first["criteria"]} == {c.id for c in judged}
    assert all({"met", "skill", "weight", "severity"} <= set(c) for c in first["criteria"])
    [assignment] = bundle["assignments"]
    assert assignment["status"] == "open" and assignment["modules"] == ["empathy"]


def test_export_to_standard_output_and_default_name(listen, course, store, tmp_path, monkeypatch):
    answer(course, store, "Dana O'Neil", "empathy.late-gift", GOOD_REPLY)
    outcome = listen("--learner", "Dana O'Neil", "export", "--out", "-")
    assert json.loads(outcome.out)["format"] == "listen.results"
    monkeypatch.chdir(tmp_path)
    assert listen("--learner", "Dana O'Neil", "export").status == 0
    assert (tmp_path / "dana-o-neil.results.json").exists()


def test_a_bundle_moves_a_learner_to_another_machine(listen, tmp_path, course, store, monkeypatch):
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    out = tmp_path / "dana.results.json"
    listen("--learner", "Dana", "export", "--out", str(out))
    other = tmp_path / "other-machine"
    monkeypatch.setenv("LISTEN_HOME", str(other))
    imported = listen("import", str(out))
    assert imported.status == 0 and "1 new attempt" in imported.out
    assert listen("import", str(out)).out.strip().endswith("this file was imported before.")
    with ProgressStore(other) as there:
        assert [a.answer for a in there.attempts("Dana")] == [GOOD_REPLY]


def test_feedback_reaches_the_attempt(listen, tmp_path, course, store):
    from course.trainer import FeedbackDraft, bundle_from_document, export_bundle

    attempt = answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY)
    bundle = bundle_from_document("dana.json", export_bundle(course, store, "Dana"), course)
    draft = FeedbackDraft(bundle, course, trainer="Sam")
    [item] = draft.answers
    draft.set_comment(item, "Name how Dana feels first.")
    draft.set_verdict(item, False)
    path = draft.save(tmp_path / "dana.feedback.json")
    imported = listen("--learner", "Dana", "import", str(path))
    assert imported.status == 0 and "1 trainer note" in imported.out
    note = feedback_for(store, "Dana", attempt.id)
    assert note is not None and note.comment == "Name how Dana feels first." and note.trainer == "Sam"
    assert note.passed is False
    assert feedback_for(store, "Dana", "no-such-attempt") is None


def test_a_refused_file_among_several_changes_nothing_of_its_own(listen, tmp_path, course, store, private_data_dir):
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    before = store_file_bytes(private_data_dir)
    outcome = listen("--learner", "Dana", "import", str(bad))
    assert outcome.status == 2 and store_file_bytes(private_data_dir) == before


def test_review_opens_the_answers_and_says_where_it_saved(listen, tmp_path, course, store, monkeypatch):
    from course.trainer import export_bundle, write_document

    answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY)
    path = write_document(tmp_path / "dana.results.json", export_bundle(course, store, "Dana"))
    seen = {}

    def fake_review(draft, target):
        seen["answers"], seen["target"] = len(draft.answers), target
        draft.set_comment(draft.answers[0], "Good start")
        draft.save(target)
        return True

    monkeypatch.setattr("course.tui.screens.review_answers.run_review", fake_review)
    outcome = listen("review", str(path), "--trainer", "Sam")
    assert outcome.status == 0, outcome.err
    assert seen == {"answers": 1, "target": tmp_path / "dana.feedback.json"}
    assert "listen import dana.feedback.json" in outcome.out


def test_review_refuses_what_is_not_a_bundle(listen, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": "listen.assignment", "schema_version": 1}')
    outcome = listen("review", str(path))
    assert outcome.status == 2 and "not a results bundle" in outcome.err


def test_a_completed_assignment_is_noted_once(course, store):
    from course.trainer import make_assignment, note_completed_assignments

    store.import_work("Dana", assignments=[make_assignment(course, ["welcome"], in_days(2), 0.8)])
    assert note_completed_assignments(course, store, "Dana") == []
    for exercise in course.exercises_of("welcome"):
        store.record_attempt("Dana", _perfect(exercise))
    [noted] = note_completed_assignments(course, store, "Dana")
    assert noted.assignment.modules == ("welcome",)
    assert note_completed_assignments(course, store, "Dana") == []
