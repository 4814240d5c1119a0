"""Promises travel in the results bundle, come back on import, and the cohort report counts what became of them."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from referencing import Registry, Resource

from course.follow_up import exercise_for
from course.judging import judge
from course.progress import ProgressStore
from course.recording import attempt_of, record_attempt
from course.trainer import cohort_report, export_bundle, import_file
from course.trainer.bundles import check_bundle
from course.trainer.files import RejectedFile, schema_of
from course.trainer.report_html import report_html
from course.trainer.report_text import report_json, report_tables

from .conftest import write_json

MADE = datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)
PROMISE = ("I'm so sorry the bike is late, with the party on Saturday that's stressful. I'll ring you tomorrow at 10 "
           "with the courier's answer.")
KEPT = ("Hi Amara, sorry you had to chase me. I rang the courier this morning as I said I would: the bike is on the "
        "van and should reach you on Friday.")
RENEGOTIATED = ("Amara, I'm sorry: I said I'd ring you with the courier's answer and I haven't got one yet, because "
                "their depot is closed for stock-taking. I'll call them first thing and ring you by 11 am tomorrow.")


def answer(course, store, learner, exercise_id, text, when):
    exercise = exercise_for(course, store, learner, exercise_id, when)
    attempt = attempt_of(exercise, text, judge(exercise, text), seconds=40)
    return record_attempt(course, store, learner, attempt, now=lambda: when)


def promise_and_follow_up(course, store, learner, follow_up_text, *, exercise="empathy.late-gift"):
    answer(course, store, learner, exercise, PROMISE, MADE)
    promise = store.promises(learner)[-1]
    if follow_up_text:
        answer(course, store, learner, promise.follow_up_id, follow_up_text, MADE + timedelta(days=2))
    return promise


@pytest.fixture
def cohort(course, store):
    promise_and_follow_up(course, store, "Dana", KEPT)
    promise_and_follow_up(course, store, "Ravi", RENEGOTIATED)
    promise_and_follow_up(course, store, "<b>Kim</b>", None)
    return store


def test_an_export_carries_the_promises_and_their_follow_ups(course, store):
    promise = promise_and_follow_up(course, store, "Dana", KEPT)
    document = export_bundle(course, store, "Dana", now=MADE + timedelta(days=3))
    [carried] = document["promises"]
    assert (carried["id"], carried["state"], carried["outcome"], carried["customer"]) == (
        promise.id, "kept", "kept", "Amara Nwosu")
    assert [entry["exercise"] for entry in document["attempts"]] == ["empathy.late-gift", promise.follow_up_id]
    registry = Registry().with_resources(
        (schema_of(kind)["$id"], Resource.from_contents(schema_of(kind))) for kind in ("assignment", "results",
                                                                                        "feedback"))
    jsonschema.Draft7Validator(schema_of("results"), registry=registry).validate(document)


def test_an_import_brings_the_promises_and_follow_ups_to_another_machine(course, store, tmp_path):
    promise = promise_and_follow_up(course, store, "Dana", RENEGOTIATED)
    bundle = write_json(tmp_path / "dana.results.json", export_bundle(course, store, "Dana", now=MADE))
    with ProgressStore(tmp_path / "other-machine") as other:
        imported = import_file(course, other, bundle)
        assert imported.counts.promises == 2 and "2 promises to customers" in imported.summary()
        assert [p.outcome for p in other.promises("Dana")] == ["renegotiated", ""]
        assert [a.exercise_id for a in other.attempts("Dana")] == ["empathy.late-gift", promise.follow_up_id]


def test_a_follow_up_without_its_promise_is_refused_on_import_and_left_out_of_a_report(course, store, tmp_path):
    promise_and_follow_up(course, store, "Dana", KEPT)
    document = export_bundle(course, store, "Dana", now=MADE)
    stripped = {**copy.deepcopy(document), "promises": []}
    with pytest.raises(RejectedFile, match="which this course does not have"):
        check_bundle(tmp_path / "x.json", stripped, course)
    loose = check_bundle(tmp_path / "x.json", stripped, course, strict=False)
    assert [entry["exercise"] for entry in loose.attempts] == ["empathy.late-gift"]
    forged = copy.deepcopy(document)
    forged["promises"][0]["settled_by"] = "f" * 32
    with pytest.raises(RejectedFile, match="which the file does not hold"):
        check_bundle(tmp_path / "x.json", forged, course)
    twice = copy.deepcopy(document)
    twice["promises"].append(twice["promises"][0])
    with pytest.raises(RejectedFile, match="appears twice"):
        check_bundle(tmp_path / "x.json", twice, course)


def test_the_report_counts_promises_made_kept_renegotiated_and_never_followed_up(course, cohort):
    from course.trainer import works_from_store

    now = MADE + timedelta(days=10)
    report = cohort_report(course, works_from_store(course, cohort, now=now), now=now)
    rows = {row.learner: (row.made, row.kept, row.renegotiated, row.waiting, row.not_followed_up)
            for row in report.promises}
    assert rows == {"<b>Kim</b>": (1, 0, 0, 0, 1), "Dana": (1, 1, 0, 0, 0), "Ravi": (2, 0, 1, 0, 1)}
    assert [(item.learner, item.customer) for item in report.unkept_promises] == [
        ("Ravi", "Amara Nwosu"), ("<b>Kim</b>", "Amara Nwosu")]
    assert '"not_followed_up": 1' in report_json(report)


def test_the_report_shows_promises_in_the_terminal_and_in_html(course, cohort):
    from rich.console import Console

    from course.trainer import works_from_store

    now = MADE + timedelta(days=10)
    report = cohort_report(course, works_from_store(course, cohort, now=now), now=now)
    console = Console(width=160, record=True)
    console.print(report_tables(report))
    text = console.export_text()
    assert "Promises to customers" in text and "Never followed up" in text and "<b>Kim</b>" in text
    assert "“I'll ring you tomorrow at 10 with the courier's answer.”" in text
    html = report_html(report)
    assert "<h2>Promises to customers</h2>" in html and "<h2>Promises never followed up</h2>" in html
    assert "&lt;b&gt;Kim&lt;/b&gt;" in html and "<b>Kim</b>" not in html


def test_no_promises_no_section(course, store):
    from course.trainer import works_from_store

    report = cohort_report(course, works_from_store(course, store))
    assert report.promises == () and "Promises to customers" not in report_html(report)
