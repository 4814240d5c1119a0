"""Fuzzing every import: assignments, results bundles and feedback files are taken whole or refused in words."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from course.content.loader import load_course
from course.progress import ProgressStore
from course.trainer import FeedbackDraft, RejectedFile, bundle_from_document, export_bundle, import_file
from course.trainer.assignments import assignment_document, make_assignment
from tests.fuzz.test_fuzz_store import HUGE, JSON
from tests.fuzz_settings import fuzz
from tests.trainer.conftest import GOOD_REPLY, REPO, answer, in_days

COURSE = load_course(REPO)


def _documents() -> tuple[dict[str, dict[str, Any]], bytes]:
    """A sound file of each kind, and the progress file of the machine they fit."""
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder))
        answer(COURSE, store, "Dana", "empathy.late-gift", GOOD_REPLY)
        answer(COURSE, store, "Dana", "empathy.best-statement", [1])
        bundle = export_bundle(COURSE, store, "Dana")
        draft = FeedbackDraft(bundle_from_document("b.json", bundle, COURSE, strict=False), COURSE, trainer="Ana")
        first = draft.answers[0]
        draft.set_comment(first, "Well heard.")
        draft.set_score(first, 0.9)
        assignment = make_assignment(COURSE, ["empathy"], in_days(10), 0.8, message="Please", trainer="Ana")
        documents = {
            "assignment": assignment_document(assignment, COURSE, home_page="https://example.org"),
            "results": bundle,
            "feedback": draft.document(),
        }
        return documents, (Path(folder) / "progress.json").read_bytes()


DOCUMENTS, MACHINE = _documents()
TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=30)  # lone surrogates too


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, prefix + (index,))
    return found


PLACES = [(kind, path) for kind, document in DOCUMENTS.items() for path in _paths(document) if path]


def _try_import(raw: bytes) -> None:
    """Import ``raw`` into a store that has Dana's answers: taken, or refused with RejectedFile, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "data").mkdir()
        (Path(folder) / "data" / "progress.json").write_bytes(MACHINE)
        store = ProgressStore(Path(folder) / "data")
        before = (Path(folder) / "data" / "progress.json").read_bytes()
        path = Path(folder) / "incoming.json"
        path.write_bytes(raw)
        try:
            import_file(COURSE, store, path, learner="Dana")
        except RejectedFile as refusal:
            assert str(refusal)
            assert (Path(folder) / "data" / "progress.json").read_bytes() == before


@fuzz()
@given(st.sampled_from(PLACES), JSON | st.just(HUGE) | TEXT)
def test_any_field_of_any_import_holding_anything(place: tuple[str, tuple[Any, ...]], value: Any) -> None:
    kind, path = place
    document = json.loads(json.dumps(DOCUMENTS[kind]))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = "HUGE" if value is HUGE else value
    _try_import(json.dumps(document).replace('"HUGE"', "8" * 5000).encode())


@fuzz()
@given(st.sampled_from(sorted(DOCUMENTS)), st.integers(min_value=0, max_value=3000), st.binary(max_size=12))
def test_any_import_cut_or_spliced_anywhere(kind: str, cut: int, splice: bytes) -> None:
    raw = json.dumps(DOCUMENTS[kind]).encode()
    cut = min(cut, len(raw))
    _try_import(raw[:cut] + splice + raw[cut + len(splice):])


@fuzz()
@given(st.binary(max_size=200))
def test_any_bytes_as_an_import(raw: bytes) -> None:
    _try_import(raw)


def test_a_lone_surrogate_in_a_feedback_comment_or_answer_is_taken_in_safely() -> None:
    """Found by the fuzz run above: it reached the store and stopped the save with a traceback.

    Now the half-pair is read as U+FFFD, so the rest of the file is imported."""
    for kind, place in (("feedback", ("notes", 0, "comment")), ("results", ("attempts", 0, "answer"))):
        document = json.loads(json.dumps(DOCUMENTS[kind]))
        document[place[0]][place[1]][place[2]] = "odd \udc80 text"
        _try_import(json.dumps(document).encode())
