"""Fuzzing the progress file reader: whatever is in the file, the store opens, reads and saves."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from course.progress import Place, ProgressStore, StoreFromNewerVersion
from tests.fuzz_settings import fuzz
from tests.unit.progress.progress_samples import an_attempt

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _good_tables() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder), statements=lambda event: {"id": event.id, "verb": event.verb})
        store.record_attempt("Dana", an_attempt("e1"))
        store.record_attempt("Sam", an_attempt("e2", answer=[1, 2]))
        store.save_lesson_state("Dana", "l1", status="done", page=2, scroll=3.0)
        store.save_place("Dana", Place("lesson", "l1", 2, 3.0))
        store.save_draft("Dana", "e3", "half")
        store.start_session("Dana")
        return json.loads((Path(folder) / "progress.json").read_text())


GOOD = _good_tables()
PATHS = [(table, row_id, field) for table, rows in GOOD.items() for row_id, row in rows.items() for field in row]
HUGE = object()


def _exercise_store(folder: Path) -> None:
    """Open the store on whatever is there and use every reader; nothing may raise but a newer-version refusal."""
    try:
        store = ProgressStore(folder)
    except StoreFromNewerVersion:
        return
    for learner in store.learners():
        store.attempts(learner.name)
        store.lesson_states(learner.name)
        store.place(learner.name)
        store.draft(learner.name, "e3")
        store.assignments(learner.name)
        store.trainer_notes(learner.name)
    store.outbox()
    store.last_learner()
    store.record_attempt("Dana", an_attempt("after"))
    assert "after" in [attempt.exercise_id for attempt in store.attempts("Dana")]
    store.close()
    assert ProgressStore(folder).notices == []  # once repaired, it stays sound


def _write(text: bytes | str) -> tempfile.TemporaryDirectory[str]:
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "progress.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    return folder


@fuzz()
@given(st.sampled_from(PATHS), JSON | st.just(HUGE))
def test_any_field_holding_anything(path: tuple[str, str, str], value: Any) -> None:
    table, row_id, field = path
    data = json.loads(json.dumps(GOOD))
    data[table][row_id][field] = "HUGE" if value is HUGE else value
    text = json.dumps(data).replace('"HUGE"', "7" * 5000)
    with _write(text) as folder:
        _exercise_store(Path(folder))


@fuzz()
@given(st.sampled_from(sorted(GOOD)), st.text(max_size=6), JSON)
def test_any_row_or_table_holding_anything(table: str, row_id: str, value: Any) -> None:
    data = json.loads(json.dumps(GOOD))
    if row_id == "":
        data[table] = value
    else:
        data[table][row_id] = value
    with _write(json.dumps(data)) as folder:
        _exercise_store(Path(folder))


@fuzz()
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes(raw: bytes) -> None:
    with _write(raw) as folder:
        _exercise_store(Path(folder))


@fuzz()
@given(st.integers(min_value=0, max_value=4000), st.binary(min_size=0, max_size=20))
def test_a_good_file_cut_or_spliced_anywhere(cut: int, splice: bytes) -> None:
    raw = json.dumps(GOOD).encode()
    cut = min(cut, len(raw))
    with _write(raw[:cut] + splice + raw[cut + len(splice):]) as folder:
        _exercise_store(Path(folder))
