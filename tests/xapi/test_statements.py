"""Every learning event becomes a valid xAPI 1.0.3 statement, with the shapes a report relies on."""

from __future__ import annotations

import json
import subprocess
import uuid

import pytest

from course.progress import Attempt, LearningEvent, ProgressStore
from course.xapi import DEFAULT_HOME_PAGE, Statements, set_home_page
from course.xapi.config import ConfigError
from course.xapi.statements import iso_duration
from course.xapi.vocabulary import CRITERIA, SESSION_ID, VERBS, activity_of
from tests.xapi.conftest import answer, text_exercise
from tests.xapi.validator import problems


def every_kind(store: ProgressStore, course) -> dict[str, dict]:
    """One statement of every kind the store writes, by verb (and object kind)."""
    exercise_id = text_exercise(course)
    lesson = course.lesson_of(exercise_id)
    store.start_session("Dana")
    store.save_lesson_state("Dana", lesson.id, page=1)
    store.save_lesson_state("Dana", lesson.id, status="done")
    answer(store, "Dana", exercise_id, score=0.9, text="Oh no, that sounds so stressful.")
    store.record_attempt("Dana", Attempt(next(e.id for e in course.exercises.values() if e.kind == "order"),
                                         [2, 0, 1], 0.0, False))
    store.record_module_result("Dana", lesson.module_id, passed=False, score=0.4)
    store.record_module_result("Dana", lesson.module_id, passed=True, score=0.85)
    store.complete_assignment("Dana", "team-a.2026-12", passed=True, score=0.85)
    store.end_session("Dana")
    kinds: dict[str, dict] = {}
    for queued in store.outbox():
        statement = queued.statement
        verb = statement["verb"]["display"]["en-US"]
        kind, _ = activity_of(statement["object"]["id"])
        kinds.setdefault(f"{verb} {kind}", statement)
    return kinds


KINDS = ["initialized course", "experienced lesson", "completed lesson", "answered exercise", "failed module",
         "passed module", "completed assignment", "terminated course"]


def test_every_event_kind_is_queued_as_a_valid_statement(store, course):
    kinds = every_kind(store, course)
    assert sorted(kinds) == sorted(KINDS)
    for name, statement in kinds.items():
        assert problems(statement) == [], name


def test_the_answered_statement_carries_response_score_success_and_criteria(store, course):
    exercise_id = text_exercise(course)
    attempt = answer(store, "Dana", exercise_id, score=0.9, text="Oh no, that sounds so stressful.")
    [queued] = store.outbox()
    statement = queued.statement
    assert statement["id"] == str(uuid.UUID(attempt.id)) and statement["timestamp"] == attempt.at
    assert statement["verb"]["id"] == VERBS["answered"] == "http://adlnet.gov/expapi/verbs/answered"
    assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": DEFAULT_HOME_PAGE, "name": "Dana"}}
    assert statement["object"]["definition"]["name"] == {"en": course.exercise(exercise_id).title}
    assert statement["object"]["definition"]["interactionType"] == "long-fill-in"
    result = statement["result"]
    assert result["response"] == "Oh no, that sounds so stressful."
    assert result["score"] == {"scaled": 0.9, "raw": 0.9, "min": 0, "max": 1}
    assert result["success"] is True and result["duration"] == "PT42.5S"
    assert [c["id"] for c in result["extensions"][CRITERIA]] == ["names-feeling", "key-facts"]
    module = course.lesson_of(exercise_id).module_id
    grouping = [entry["id"] for entry in statement["context"]["contextActivities"]["grouping"]]
    assert activity_of(grouping[0]) == ("module", module)


def test_a_choice_answer_is_sent_as_text(store, course):
    order = next(e for e in course.exercises.values() if e.kind == "order")
    store.record_attempt("Dana", Attempt(order.id, [2, 0, 1], 0.0, False))
    [queued] = store.outbox()
    assert queued.statement["result"]["response"] == "[2,0,1]"
    assert queued.statement["object"]["definition"]["interactionType"] == "sequencing"


def test_statements_inside_a_session_name_it_and_share_the_learners_registration(store, course):
    session = store.start_session("Dana")
    answer(store, "Dana", text_exercise(course))
    store.end_session("Dana")
    answer(store, "Dana", text_exercise(course))
    statements = [queued.statement for queued in store.outbox()]
    assert [s["context"].get("extensions", {}).get(SESSION_ID) for s in statements] == [session] * 3 + [None]
    assert len({s["context"]["registration"] for s in statements}) == 1
    assert statements[2]["result"]["duration"].startswith("PT")


def test_the_organisations_home_page_comes_from_config_and_applies_at_once(store, course, data_dir):
    answer(store, "Dana", text_exercise(course))
    set_home_page(data_dir, "https://support.example.org/")
    answer(store, "Dana", text_exercise(course))
    first, second = (queued.statement for queued in store.outbox())
    assert first["actor"]["account"]["homePage"] == DEFAULT_HOME_PAGE
    assert second["actor"]["account"]["homePage"] == "https://support.example.org"
    assert first["context"]["registration"] != second["context"]["registration"]  # another organisation's account
    with pytest.raises(ConfigError, match="not a web address"):
        set_home_page(data_dir, "support team")


def test_a_broken_config_never_stops_a_learner_saving(store, course, data_dir):
    (data_dir / "config.json").write_text("{ not json")
    answer(store, "Dana", text_exercise(course))
    [queued] = store.outbox()
    assert queued.statement["actor"]["account"]["homePage"] == DEFAULT_HOME_PAGE
    assert store.attempt_count("Dana") == 1


def test_without_the_course_statements_still_validate_and_use_ids_as_names():
    make = Statements(home_page="https://example.org")
    event = LearningEvent("answered", "Ana", "exercise", "custom.thing", str(uuid.uuid4()), "2026-01-02T03:04:05",
                          attempt=Attempt("custom.thing", "hello", 1.0, True, at="2026-01-02T03:04:05"))
    statement = make(event)
    assert problems(statement) == []
    assert statement["timestamp"] == "2026-01-02T03:04:05+00:00"  # a time without zone is UTC
    assert statement["object"]["definition"]["name"] == {"en": "custom.thing"}
    assert statement["object"]["definition"]["interactionType"] == "other"


@pytest.mark.parametrize("seconds, text", [(0, "PT0S"), (42.5, "PT42.5S"), (61, "PT1M1S"), (3725.25, "PT1H2M5.25S"),
                                           (7200, "PT2H")])
def test_durations_are_iso_8601(seconds, text):
    assert iso_duration(seconds) == text


@pytest.mark.parametrize("break_it, rule", [
    (lambda s: s.update(id="not-a-uuid"), "id: must be a UUID"),
    (lambda s: s.update(timestamp="2026-01-02T03:04:05"), "timestamp"),
    (lambda s: s["actor"].update(mbox="mailto:a@b.c"), "exactly one identifier"),
    (lambda s: s["actor"]["account"].update(homePage="example.org"), "homePage"),
    (lambda s: s["verb"].update(id="answered"), "verb.id"),
    (lambda s: s["verb"].pop("display"), "verb.display"),
    (lambda s: s["object"].update(id="exercise 1"), "object.id"),
    (lambda s: s["object"].pop("definition"), "object.definition"),
    (lambda s: s["result"]["score"].update(scaled=1.5), "scaled"),
    (lambda s: s["context"].update(registration="42"), "registration"),
    (lambda s: s["result"]["extensions"].update(criteria=[]), "not an IRI"),
    (lambda s: s["result"].update(duration="42 seconds"), "duration"),
    (lambda s: s["result"].update(success=None), "null"),
])
def test_the_validator_catches_each_broken_rule(store, course, break_it, rule):
    answer(store, "Dana", text_exercise(course))
    statement = json.loads(json.dumps(store.outbox()[0].statement))
    assert problems(statement) == []
    break_it(statement)
    assert any(rule in problem for problem in problems(statement)), problems(statement)


RALPH_CHECK = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
bad = []
for line in sys.stdin:
    try:
        BaseXapiStatement.model_validate(json.loads(line))
    except Exception as error:
        bad.append(str(error))
print(json.dumps(bad))
"""


@pytest.mark.lrs
def test_every_kind_also_passes_ralphs_own_statement_model(store, course, ralph):
    kinds = every_kind(store, course)
    lines = "".join(json.dumps(statement) + "\n" for statement in kinds.values())
    done = subprocess.run([str(ralph.python), "-c", RALPH_CHECK], input=lines, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
