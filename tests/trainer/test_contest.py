"""A learner contests a grade: the reason travels in the results bundle, `listen review` lists it first,
the trainer's decision comes back in the feedback file, and decided answers become examples `listen check` proves."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import yaml

from course import grading
from course.progress import Attempt, ProgressStore
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle, import_file, read_document
from course.trainer.feedback import contest_words

from .conftest import GOOD_REPLY, WEAK_REPLY

EXERCISE = "empathy.late-gift"


def answered(course, store: ProgressStore, learner: str, text: str) -> Attempt:
    exercise = course.exercise(EXERCISE)
    return store.record_attempt(learner, Attempt.from_grade(exercise, text, grading.grade(exercise, text)))


def test_a_contest_needs_a_reason_and_an_answer_of_ones_own(course, store):
    attempt = answered(course, store, "Ana", WEAK_REPLY)
    with pytest.raises(ValueError, match="say why"):
        store.contest_grade("Ana", attempt.id, "   ")
    with pytest.raises(ValueError, match="no answer"):
        store.contest_grade("Ana", "not-an-attempt", "It was fine.")
    store.contest_grade("Ana", attempt.id, "I did say sorry.")
    store.contest_grade("Ana", attempt.id, "I did name her worry.")
    (contest,) = store.contests("Ana")
    assert (contest.attempt_id, contest.exercise_id, contest.reason) == (attempt.id, EXERCISE, "I did name her worry.")


def test_the_reason_travels_in_the_bundle_and_the_review_lists_it_first(course, store, tmp_path):
    early = answered(course, store, "Ana", GOOD_REPLY)
    contested = answered(course, store, "Ana", WEAK_REPLY)
    store.contest_grade("Ana", contested.id, "I said when it arrives.")
    document = export_bundle(course, store, "Ana")
    entry = next(a for a in document["attempts"] if a["id"] == contested.id)
    assert entry["contest"]["reason"] == "I said when it arrives."
    path = tmp_path / "ana.results.json"
    path.write_text(json.dumps(document))
    _, checked = read_document(path)  # the schema takes it
    bundle = bundle_from_document(path, checked, course)
    draft = FeedbackDraft(bundle, course, trainer="Sam")
    assert [a.attempt.id for a in draft.answers][:2] == [contested.id, early.id]
    assert draft.answers[0].contest is not None and draft.answers[1].contest is None


def test_the_trainers_decision_and_comment_come_back_to_the_learner(course, store, tmp_path):
    kept = answered(course, store, "Ana", WEAK_REPLY)
    changed = answered(course, store, "Ana", GOOD_REPLY + " ")
    store.contest_grade("Ana", kept.id, "I said when it arrives.")
    store.contest_grade("Ana", changed.id, "It was a good reply.")
    bundle = bundle_from_document("ana.results.json", export_bundle(course, store, "Ana"), course)
    draft = FeedbackDraft(bundle, course, trainer="Sam")
    by_id = {a.attempt.id: a for a in draft.answers}
    draft.set_verdict(by_id[kept.id], kept.passed)  # the same verdict as the course's: the grade stands
    draft.set_comment(by_id[kept.id], "It says Friday but not that you heard her.")
    draft.set_verdict(by_id[changed.id], not changed.passed)
    target = tmp_path / "ana.feedback.json"
    draft.save(target)
    notes = {n["attempt"]: n for n in json.loads(target.read_text())["notes"]}
    assert notes[kept.id]["decision"] == "kept" and notes[changed.id]["decision"] == "changed"
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044
    import_file(course, store, target)
    (note,) = store.trainer_notes("Ana", kept.id)
    assert note.decision == "kept" and note.comment == "It says Friday but not that you heard her."
    (contest,) = [c for c in store.contests("Ana") if c.attempt_id == kept.id]
    assert contest_words(contest, note).endswith("Sam looked again and kept the grade.")


def test_an_answer_nobody_contested_carries_no_decision(course, store):
    attempt = answered(course, store, "Ana", WEAK_REPLY)
    draft = FeedbackDraft(bundle_from_document("a.json", export_bundle(course, store, "Ana"), course), course)
    draft.set_verdict(draft.answers[0], True)
    assert draft.document()["notes"][0].get("decision") is None and attempt.id == draft.answers[0].attempt.id


@pytest.fixture
def decided_bundle(course, store, tmp_path):
    """Ana's bundle: a good reply the grader passes, and a weak one; the review passes the first, fails the second."""
    good, weak = answered(course, store, "Ana", GOOD_REPLY), answered(course, store, "Ana", WEAK_REPLY)
    store.contest_grade("Ana", weak.id, "I told her when it comes.")
    path = tmp_path / "ana.results.json"
    path.write_text(json.dumps(export_bundle(course, store, "Ana")))
    return path, good, weak


def review_deciding(verdicts):
    def run_review(draft, target):
        for answer in draft.answers:
            draft.set_verdict(answer, verdicts(answer))
        draft.save(target)
        return True
    return run_review


def test_review_examples_writes_decided_answers_that_check_proves(listen, course, decided_bundle, tmp_path,
                                                                    monkeypatch):
    path, good, weak = decided_bundle
    assert grading.grade(course.exercise(EXERCISE), GOOD_REPLY).passed  # the grader agrees with the trainer here
    monkeypatch.setattr("course.tui.screens.review_answers.run_review",
                        review_deciding(lambda answer: answer.attempt.id == good.id))
    out = tmp_path / "decided.examples.yaml"
    outcome = listen("review", str(path), "--trainer", "Sam", "--examples", str(out))
    assert outcome.status == 0, outcome.err
    assert f"Wrote {out}: 2 example answers" in outcome.out
    data = yaml.safe_load(out.read_text())
    entry = data["exercises"][EXERCISE]
    assert entry["file"] == "exercises/empathy/late-gift.yaml"
    assert entry["pass"] == [GOOD_REPLY.strip()]
    (failing,) = entry["fail"]
    expected = sorted(grading.grade(course.exercise(EXERCISE), WEAK_REPLY).missed_ids)
    assert failing == {"answer": WEAK_REPLY, "misses": expected}
    assert stat.S_IMODE(out.stat().st_mode) & 0o044 == 0o044
    checked = listen("check", "--examples", str(out))
    assert checked.status == 0, checked.out
    assert f"ok: {out}: 2 example answers proven" in checked.out
    again = listen("review", str(path), "--examples", str(out))
    assert again.status == 2 and "--force" in again.err


def test_check_shows_where_the_grader_disagrees_with_a_decision(listen, course, decided_bundle, tmp_path,
                                                                  monkeypatch):
    path, good, weak = decided_bundle
    monkeypatch.setattr("course.tui.screens.review_answers.run_review", review_deciding(lambda answer: True))
    out = tmp_path / "decided.examples.yaml"
    assert listen("review", str(path), "--examples", str(out)).status == 0
    checked = listen("check", "--examples", str(out))
    assert checked.status == 1
    (line,) = [line for line in checked.out.splitlines() if "does not pass" in line]
    assert line.startswith(f"{out}:") and f"{EXERCISE}: passing example 1 does not pass" in line
    assert WEAK_REPLY in line  # the contested answer, listed first


def test_a_broken_examples_file_is_one_line_each(listen, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("exercises:\n  no.such-exercise:\n    pass: [hello]\n")
    checked = listen("check", "--examples", str(bad))
    assert checked.status == 1 and f"{bad}:2: 'no.such-exercise' is not an exercise" in checked.out
    bad.write_text("just: [text")
    checked = listen("check", "--examples", str(bad))
    assert checked.status == 1 and "YAML does not parse" in checked.out and "Traceback" not in checked.err


def test_nothing_decided_writes_no_examples(listen, decided_bundle, tmp_path, monkeypatch):
    path, _, _ = decided_bundle
    monkeypatch.setattr("course.tui.screens.review_answers.run_review", lambda draft, target: False)
    out = tmp_path / "none.yaml"
    outcome = listen("review", str(path), "--examples", str(out))
    assert outcome.status == 0 and "No examples written" in outcome.out and not Path(out).exists()
