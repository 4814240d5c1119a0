"""A file that parses but holds records no listen wrote: the bad ones set aside, every good one kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from course.progress import ProgressStore
from course.progress.summary import status_report
from tests.unit.progress.progress_samples import an_attempt

Tables = dict[str, Any]


def _rows(data: Tables, table: str) -> list[dict[str, Any]]:
    return list(data[table].values())


def _first(data: Tables, table: str) -> dict[str, Any]:
    return _rows(data, table)[0]


def _nest(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _huge(data: Tables) -> None:
    data["meta"]["1"]["schema_version"] = "HUGE"


SHAPES: dict[str, Callable[[Tables], None]] = {
    "score is text": lambda d: _first(d, "attempts").update(score="abc"),
    "score out of range": lambda d: _first(d, "attempts").update(score=71.36),
    "score negative": lambda d: _first(d, "attempts").update(score=-0.5),
    "passed is text": lambda d: _first(d, "attempts").update(passed="yes"),
    "attempt without its exercise": lambda d: _first(d, "attempts").pop("exercise_id"),
    "attempt is a list": lambda d: d["attempts"].update({"1": [1, 2, 3]}),
    "answer nested deeply": lambda d: _first(d, "attempts").update(answer=_nest(400)),
    "outcomes unreadable": lambda d: _first(d, "attempts").update(outcomes="[[1,2"),
    "outcomes wrong shape": lambda d: _first(d, "attempts").update(outcomes='[["a", "yes"]]'),
    "seconds is a list": lambda d: _first(d, "attempts").update(seconds=[1]),
    "name is a number": lambda d: d["learners"].update({"9": {"name": 42, "created": "", "last_seen": ""}}),
    "schema version is 5,000 digits": _huge,
    "schema version is text": lambda d: d["meta"]["1"].update(schema_version="one"),
    "lesson page is text": lambda d: _first(d, "lesson_state").update(page="two"),
    "lesson status unknown": lambda d: _first(d, "lesson_state").update(status="finished!"),
    "place screen is a number": lambda d: _first(d, "places").update(screen=3),
    "draft text is a dict": lambda d: d["drafts"].update({"5": {"learner": "Dana", "exercise_id": "x", "text": {}}}),
    "row id is not a number": lambda d: d["drafts"].update(
        {"abc": {"learner": "Dana", "exercise_id": "x", "text": "t"}}
    ),
    "table of text": lambda d: d["sessions"].update({"1": "a session?"}),
}


def _good_store(data_dir: Path) -> None:
    store = ProgressStore(data_dir)
    store.record_attempt("Dana", an_attempt("e1"))
    store.record_attempt("Dana", an_attempt("e2"))
    store.record_attempt("Sam", an_attempt("e3"))
    store.save_lesson_state("Dana", "empathy.naming-the-feeling", status="started", page=1)
    from course.progress import Place

    store.save_place("Dana", Place("lesson", "empathy.naming-the-feeling", 1, 0.5))
    store.close()


def _spoil(data_dir: Path, shape: Callable[[Tables], None]) -> bytes:
    path = data_dir / "progress.json"
    data = json.loads(path.read_text())
    shape(data)
    text = json.dumps(data).replace('"HUGE"', "9" * 5000)
    path.write_text(text)
    return text.encode()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_bad_record_costs_that_record_only(data_dir: Path, shape: str, listen: Any, course_root: Path) -> None:
    _good_store(data_dir)
    spoiled = _spoil(data_dir, SHAPES[shape])

    store = ProgressStore(data_dir)

    [notice] = store.notices
    assert "could not be used" in notice and "kept everything else" in notice
    [aside] = sorted(data_dir.glob("progress.json.damaged-*"))
    assert aside.read_bytes() == spoiled and str(aside) in notice
    kept = [attempt.exercise_id for attempt in store.attempts("Dana")]
    assert set(kept) <= {"e1", "e2"} and len(kept) >= 1
    assert [attempt.exercise_id for attempt in store.attempts("Sam")] == ["e3"]
    for attempt in store.attempts("Dana"):
        assert 0.0 <= attempt.score <= 1.0
    store.record_attempt("Dana", an_attempt("e4"))  # the store works on
    store.close()
    # Reopened, it is sound: nothing more to say, and every command works.
    assert ProgressStore(data_dir).notices == []
    outcome = listen("--data-dir", str(data_dir), "--content", str(course_root), "--learner", "Dana", "status")
    assert outcome.status == 0, outcome.err
    assert "Traceback" not in outcome.err


def test_an_out_of_range_score_is_never_shown_as_passed(data_dir: Path) -> None:
    _good_store(data_dir)
    _spoil(data_dir, lambda d: _first(d, "attempts").update(score=71.36, passed=True))
    store = ProgressStore(data_dir)
    assert all(attempt.score <= 1.0 for attempt in store.attempts("Dana"))
    assert "71.36" in store.notices[0]


def test_a_bad_outbox_row_is_set_aside_and_the_good_ones_still_go(data_dir: Path) -> None:
    store = ProgressStore(data_dir, statements=lambda event: {"id": event.id, "verb": event.verb})
    store.record_attempt("Dana", an_attempt("e1"))
    store.record_attempt("Dana", an_attempt("e2"))
    good = [queued.id for queued in store.outbox()]
    store.close()
    path = data_dir / "progress.json"
    data = json.loads(path.read_text())
    data["outbox"]["99"] = {"id": "bad", "learner": "Dana", "queued": "", "statement": "{not json"}
    data["outbox"]["100"] = {"id": "worse", "learner": "Dana", "queued": "", "statement": 42}
    path.write_text(json.dumps(data))

    store = ProgressStore(data_dir)

    assert [queued.id for queued in store.outbox()] == good
    assert "2 statements waiting to be sent could not be read" in store.notices[0]
    store.mark_sent(good)
    assert store.outbox() == []


def test_a_statement_that_looks_whole_but_is_not_is_quarantined_when_sending(data_dir: Path) -> None:
    store = ProgressStore(data_dir, statements=lambda event: {"id": event.id, "verb": event.verb})
    store.record_attempt("Dana", an_attempt("e1"))
    store.close()
    path = data_dir / "progress.json"
    data = json.loads(path.read_text())
    first = next(iter(data["outbox"]))
    data["outbox"] = {"1": {"id": "bad", "learner": "Dana", "queued": "", "statement": "{not json}"},
                      "2": data["outbox"][first]}
    path.write_text(json.dumps(data))

    store = ProgressStore(data_dir)
    assert store.notices == []  # its shape is right: it is only parsed when sending
    assert [queued.id for queued in store.outbox()] == [data["outbox"]["2"]["id"]]
    assert "set aside" in store.notices[-1]
    kept = json.loads(path.read_text())["quarantine"]
    assert [row["row"]["id"] for row in kept.values()] == ["bad"]
    assert [queued.id for queued in ProgressStore(data_dir).outbox()] == [data["outbox"]["2"]["id"]]


def test_a_read_only_store_with_bad_records_shows_the_good_ones(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import course.progress.progressfile as progressfile
    from course.progress import StoreNotWritable

    _good_store(data_dir)
    spoiled = _spoil(data_dir, SHAPES["score is text"])

    def refuse(self: Any):  # type: ignore[no-untyped-def]
        raise StoreNotWritable("read-only", folder=data_dir, reason="the disk is read-only")

    monkeypatch.setattr(progressfile.ProgressFile, "_locked", refuse)
    store = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in store.attempts("Sam")] == ["e3"]
    assert (data_dir / "progress.json").read_bytes() == spoiled


@pytest.fixture
def course_root() -> Path:
    from course.paths import bundled_content_dir

    return bundled_content_dir()


def test_status_report_reads_a_repaired_store(data_dir: Path, course_root: Path) -> None:
    from course.content import load_course

    _good_store(data_dir)
    _spoil(data_dir, SHAPES["name is a number"])
    store = ProgressStore(data_dir)
    report = status_report(load_course(course_root), store, "Dana")
    assert report["attempts"] == 2
