"""One module score and one "passed", wherever a learner or a trainer reads them.

The same store is read by the dashboard, `listen --plain`, `listen status`,
the assignments, the export and every form of the report; each must give
every module the same score and the same verdict.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from course.plain.progress import progress_text
from course.plain.session import PlainSession
from course.progress import Attempt, ProgressStore
from course.progress.trainer_work import TrainerNote
from course.trainer import assignment_statuses, make_assignment
from course.tui.kinds import playable_kinds
from course.tui.study import Study

from .conftest import in_days

LEARNER = "Ana"


@pytest.fixture
def ana(course, private_data_dir: Path) -> dict[str, tuple[float, bool]]:
    """Ana's store, and each module's score and verdict as worked out by hand.

    Welcome's three exercises: 1.0, 0.5 (the trainer made it 0.9, passed) and 0.2: a mean of 0.70, passed
    at the assignment's pass mark of 0.6, though not at the course's 0.8 (nor without the trainer's grade).
    """
    welcome = [e.id for e in course.exercises_of("welcome")]
    attention = [e.id for e in course.exercises_of("attention")]
    assert len(welcome) == 3
    with ProgressStore(private_data_dir) as store:
        store.record_attempt(LEARNER, Attempt(welcome[0], "x", 1.0, True))
        second = store.record_attempt(LEARNER, Attempt(welcome[1], "x", 0.5, False))
        store.record_attempt(LEARNER, Attempt(welcome[2], "x", 0.2, False))
        store.record_attempt(LEARNER, Attempt(attention[0], "x", 0.65, False))
        store.import_work(LEARNER, assignments=[make_assignment(course, ["welcome"], in_days(5), 0.6)],
                          notes=[TrainerNote(second.id, welcome[1], "Sam", "Better than it looked.", True, 0.9)])
        store.set_last_learner(LEARNER)
    expected = {module.id: (0.0, False) for module in course.modules}
    expected["welcome"] = ((1.0 + 0.9 + 0.2) / 3, True)
    expected["attention"] = (0.65 / len(attention), False)
    return expected


def test_every_reader_gives_each_module_the_same_score_and_verdict(listen, course, ana, private_data_dir, tmp_path):
    with ProgressStore(private_data_dir) as store:
        study = Study(course, store, LEARNER, playable_kinds())
        rows = {row.module.id: row for row in study.module_rows()}
        plain = progress_text(PlainSession(study, terminal=None))  # type: ignore[arg-type]
        (assignment,) = assignment_statuses(course, store, LEARNER)
    status = json.loads(listen("status", "--json").out)
    bundle = tmp_path / "ana.results.json"
    assert listen("export", "--out", str(bundle)).status == 0
    exported = json.loads(bundle.read_text())
    reports = {
        "files": json.loads(listen("report", str(bundle), "--format", "json").out),
        "this machine": json.loads(listen("report", "--format", "json").out),
    }
    csv_rows = list(csv.DictReader(io.StringIO(listen("report", str(bundle), "--format", "csv").out)))
    html = listen("report", str(bundle), "--format", "html").out
    table = listen("report", str(bundle)).out

    for module in course.modules:
        score, passed = ana[module.id]
        percent = f"{round(score * 100)}%"
        assert rows[module.id].score == pytest.approx(score) and rows[module.id].passed is passed, module.id
        assert (rows[module.id].status == "done") is passed
        assert f"{module.title}: score {percent}{' (passed)' if passed else ''} ·" in plain
        (entry,) = [m for m in status["modules"] if m["id"] == module.id]
        assert entry["score"] == pytest.approx(score, abs=1e-4) and entry["passed"] is passed, module.id
        tried = score > 0
        for source, report in reports.items():
            shown = [row for row in report["rows"] if row["module_id"] == module.id]
            assert len(shown) == (1 if tried or module.id == "welcome" else 0), (source, module.id)
            for row in shown:
                assert row["score"] == pytest.approx(score) and (row["status"] == "passed") is passed, source
        for row in (r for r in csv_rows if r["module"] == module.id):
            assert float(row["score"]) == pytest.approx(score, abs=1e-3) and (row["status"] == "passed") is passed
        if tried:
            assert f"{'✓' if passed else '●'} {percent}" in html
            assert f"{'✓' if passed else '●'} {round(score * 100):3d}%" in table
    (standing,) = assignment.modules
    assert standing.score == pytest.approx(ana["welcome"][0]) and standing.passed and assignment.complete
    (sent,) = exported["assignments"]
    assert sent["passed_modules"] == ["welcome"] and sent["status"] == "complete"
    assert status["assignments"][0]["state"] == "complete"
    assert "Hello" not in plain and "1 of 7 modules passed" in plain


def test_a_module_counts_as_passed_on_the_dashboard_only_at_its_pass_mark(course, ana, private_data_dir):
    with ProgressStore(private_data_dir) as store:
        (assignment,) = store.assignments(LEARNER)
        store.import_work(LEARNER, assignments=[type(assignment)(assignment.id, assignment.modules, assignment.due,
                                                                  0.8)])
        rows = {row.module.id: row for row in Study(course, store, LEARNER, playable_kinds()).module_rows()}
    assert rows["welcome"].score == pytest.approx(ana["welcome"][0]) and not rows["welcome"].passed
    assert rows["welcome"].status == "started"


def test_the_skills_count_only_what_was_practised(course, store):
    from course import grading
    from course.trainer import learner_profile
    from course.tui.widgets.skill_profile import skill_lines

    exercise = course.exercise("empathy.late-gift")
    text = ("Oh no, Amara, I'm so sorry the bike hasn't come with his party this Saturday. "
            "I'll open a trace with the courier now and message you by 3pm with what they say.")
    attempt = Attempt.from_grade(exercise, text, grading.grade(exercise, text))
    practised = {o.skill for o in attempt.outcomes if o.weight > 0}
    checked_only = {o.skill for o in attempt.outcomes if o.weight <= 0} - practised
    assert checked_only and all(o.met for o in attempt.outcomes if o.weight <= 0)  # the harm checks all met
    store.record_attempt(LEARNER, attempt)
    profile = learner_profile(store, LEARNER)
    for skill in checked_only:  # judged only by checks the answer did not trip: no 100% for them
        assert profile.share(skill) is None, skill
    for skill in practised:
        assert profile.share(skill) is not None
    lines = skill_lines(profile).plain.splitlines()
    assert sum("not practised yet" in line for line in lines) == 5 - len(practised)
    assert not any("100%" in line for line in lines if any(n in line for n in ("Paraphrasing", "Attention")))


def test_a_harm_check_missed_counts_against_its_skill(course, store):
    from course.trainer.profile import skill_totals

    answer = [(True, 0.0, "paraphrasing"), (False, 0.0, "attention"), (True, 2.0, "empathy")]
    met, judged, count = skill_totals([answer])
    assert count["paraphrasing"] == 0 and (met["attention"], judged["attention"]) == (0.0, 1.0)
    assert (met["empathy"], judged["empathy"]) == (2.0, 2.0)
