"""`listen report`: per learner and module, the skill profile, what is missed most; table, CSV, JSON, HTML."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from course.trainer import export_bundle, make_assignment, write_document
from course.trainer.cohort import cohort_report
from course.trainer.collect import read_bundles

from .conftest import GOOD_REPLY, WEAK_REPLY, answer, in_days


@pytest.fixture
def cohort(tmp_path, course, store):
    """Three bundles: Dana on time, Bo late, and a name that tries to be markup."""
    folder = tmp_path / "cohort"
    folder.mkdir()
    late = make_assignment(course, ["empathy"], in_days(1), 0.8)
    late = type(late)(late.id, late.modules, in_days(-3), late.pass_mark)
    store.import_work("Bo", assignments=[late])
    store.import_work("Dana", assignments=[make_assignment(course, ["empathy"], in_days(6), 0.8)])
    answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY, seconds=90)
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY, seconds=150)
    answer(course, store, "Bo", "empathy.late-gift", WEAK_REPLY, seconds=30)
    answer(course, store, "<b>[bold]Eve</b>", "empathy.late-gift", WEAK_REPLY, seconds=30)
    for name in ("Dana", "Bo", "<b>[bold]Eve</b>"):
        write_document(folder / f"{len(name)}.results.json", export_bundle(course, store, name))
    return folder


def test_table_shows_status_due_skills_and_misses(listen, cohort, course):
    outcome = listen("report", str(cohort))
    assert outcome.status == 0, outcome.err
    out = outcome.out
    assert "3 learners · 1 late" in out
    assert re.search(r"Bo .*3d late", out) and re.search(r"Dana .*6d left", out)
    assert "[bold]Eve" in out  # shown literally, never as markup
    for skill in ("Attention", "Empathy", "Paraphrasing", "Patience", "Follow-through"):
        assert skill in out
    assert "Exercises missed most often" in out and course.exercise("empathy.late-gift").title in out
    assert "Rubric criteria missed most often" in out


def test_csv_has_one_row_per_learner_and_module(listen, cohort):
    outcome = listen("report", str(cohort), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(outcome.out)))
    bo = next(r for r in rows if r["learner"] == "Bo" and r["module"] == "empathy")
    assert bo["overdue"] == "yes" and bo["days_left"] == "-3" and bo["attempts"] == "1" and bo["status"] == "started"
    dana = next(r for r in rows if r["learner"] == "Dana" and r["module"] == "empathy")
    assert dana["overdue"] == "no" and dana["minutes"] == "4.0"


def test_csv_keeps_a_formula_looking_name_as_text(listen, tmp_path, course, store):
    answer(course, store, "=HYPERLINK(1)", "empathy.late-gift", GOOD_REPLY)
    path = write_document(tmp_path / "x.results.json", export_bundle(course, store, "=HYPERLINK(1)"))
    rows = list(csv.DictReader(io.StringIO(listen("report", str(path), "--format", "csv").out)))
    assert rows[0]["learner"] == "'=HYPERLINK(1)"


def test_json_is_the_whole_report(listen, cohort, course):
    data = json.loads(listen("report", str(cohort), "--format", "json").out)
    assert data["format"] == "listen.report" and data["course_version"] == course.version
    assert {learner["learner"] for learner in data["learners"]} == {"Dana", "Bo", "<b>[bold]Eve</b>"}
    empathy = next(s for s in data["skills"] if s["skill"] == "empathy")
    assert 0 <= empathy["share"] <= 1 and empathy["learners"] == 3
    assert data["missed_exercises"][0]["exercise_id"] == "empathy.late-gift"


def test_html_is_one_self_contained_file(listen, cohort, tmp_path):
    out = tmp_path / "report.html"
    outcome = listen("report", str(cohort), "--format", "html", "--out", str(out))
    assert outcome.status == 0, outcome.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 2
    lowered = page.lower()
    for forbidden in ("<script", "src=", "href=", "@import", "url(", "http://", "https://", "<link", "<img", "<iframe"):
        assert forbidden not in lowered, forbidden
    assert "<b>[bold]Eve</b>" not in page and "&lt;b&gt;[bold]Eve&lt;/b&gt;" in page
    assert "Bo (late)" in page


def test_report_on_this_machine_without_files(listen, cohort):
    outcome = listen("report")
    assert outcome.status == 0 and "3 learners" in outcome.out


def test_bad_files_are_left_out_with_a_line_each(listen, cohort, course):
    (cohort / "broken.json").write_text("{")
    (cohort / "team.assignment.json").write_text(json.dumps({"format": "listen.assignment", "schema_version": 1}))
    old = json.loads((cohort / "4.results.json").read_text())
    old["course"]["version"] = "0ld0ld0ld0ld"
    old["attempts"][0]["exercise"] = "empathy.retired-exercise"
    (cohort / "4.results.json").write_text(json.dumps(old))
    outcome = listen("report", str(cohort))
    assert outcome.status == 0
    assert "left out broken.json: it is not JSON" in outcome.err
    assert "left out team.assignment.json: it is an assignment, not a results bundle" in outcome.err
    assert "4.results.json: from another version of the course" in outcome.err
    assert "attempt(s) at exercises this course does not have were left out" in outcome.err
    assert "3 learners" in outcome.out


def test_nothing_readable_is_an_error(listen, tmp_path):
    (tmp_path / "a.json").write_text("nope")
    outcome = listen("report", str(tmp_path / "a.json"))
    assert outcome.status == 2 and "none of these files" in outcome.err
    assert listen("report", str(tmp_path / "missing")).status == 2


def test_a_bundle_exported_twice_counts_each_attempt_once(tmp_path, course, store):
    answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY)
    write_document(tmp_path / "monday.json", export_bundle(course, store, "Dana"))
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    write_document(tmp_path / "friday.json", export_bundle(course, store, "Dana"))
    bundles, _ = read_bundles(course, [tmp_path / "monday.json", tmp_path / "friday.json"])
    report = cohort_report(course, bundles)
    assert [learner.attempts for learner in report.learners] == [2]


def test_a_trainers_grade_counts_in_the_report(course, store, tmp_path):
    from course.progress.trainer_work import TrainerNote

    attempt = answer(course, store, "Dana", "empathy.late-gift", WEAK_REPLY)
    assert not attempt.passed
    store.import_work("Dana", notes=[TrainerNote(attempt.id, attempt.exercise_id, "Sam", "Fair enough", True, 1.0)])
    path = write_document(tmp_path / "d.json", export_bundle(course, store, "Dana"))
    report = cohort_report(course, read_bundles(course, [path])[0])
    assert not report.missed_exercises
    row = next(r for r in report.rows if r.module_id == "empathy")
    assert row.score == pytest.approx(1 / len(course.exercises_of("empathy")))


def test_skill_profile_uses_each_criterions_skill(course):
    from course.trainer.bundles import CheckedBundle

    def entry(n, skill, met):
        return {"id": f"a{n}", "exercise": "empathy.late-gift", "at": f"2026-01-0{n}T10:00:00+00:00", "score": 0.5,
                "passed": False, "answer": "x", "criteria": [{"id": "c", "met": met, "weight": 1.0, "skill": skill}]}

    one = CheckedBundle("A", course.version, "", (entry(1, "patience", False), entry(2, "patience", True)), (), "a")
    two = CheckedBundle("B", course.version, "", (entry(1, "patience", False),), (), "b")
    report = cohort_report(course, [one, two])
    patience = next(s for s in report.skills if s.skill == "patience")
    assert patience.share == pytest.approx(0.5) and patience.learners == 2 and patience.below_half == 1
    assert next(s for s in report.skills if s.skill == "empathy").share is None


def test_many_files_show_a_progress_bar_on_a_terminal(listen, tmp_path, course, store, monkeypatch):
    from rich.console import Console

    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    document = export_bundle(course, store, "Dana")
    for number in range(25):
        document["learner"]["name"] = f"Learner {number}"
        write_document(tmp_path / f"{number}.results.json", document)
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: self.file is not None and self.stderr))
    outcome = listen("report", str(tmp_path), "--format", "csv")
    assert outcome.status == 0 and "Reading bundles" in outcome.err
    assert outcome.out.count("\n") == 26  # the bar never mixes into the report
