"""Files that must be refused whole, in one line, with nothing written: `listen import` and the reader under it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.trainer import RejectedFile, export_bundle, read_document

from .conftest import GOOD_REPLY, answer, in_days, store_file_bytes, write_json


@pytest.fixture
def bundle(course, store):
    """A sound results bundle of Dana's, as a document."""
    answer(course, store, "Dana", "empathy.late-gift", GOOD_REPLY)
    answer(course, store, "Dana", "empathy.best-statement", [1])
    return export_bundle(course, store, "Dana")


def _refused(listen, path, data_dir, *words: str) -> str:
    before = store_file_bytes(data_dir) if (data_dir / "progress.json").exists() else None
    outcome = listen("--learner", "Dana", "import", str(path))
    assert outcome.status == 2, outcome
    assert "refused" in outcome.err and "nothing was changed" in outcome.err
    assert len(outcome.err.strip().splitlines()) <= 2
    assert "Traceback" not in outcome.err
    for word in words:
        assert word in outcome.err, outcome.err
    if before is not None:
        assert store_file_bytes(data_dir) == before
    return outcome.err


def test_a_60_mb_file_is_refused_without_being_read(listen, tmp_path, private_data_dir, monkeypatch):
    huge = tmp_path / "huge.results.json"
    with huge.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: 60 MB to stat, nothing to read
    reads: list[object] = []
    real_open = Path.open

    class Watched:
        def __init__(self, path, stream):
            self.path, self.stream = path, stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def read(self, *args):
            if self.path == huge:
                reads.append(args)
            return self.stream.read(*args)

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Watched(self, real_open(self, *a, **k)))
    _refused(listen, huge, private_data_dir, "60 MB", "at most 20 MB")
    assert not reads  # refused by its size, before a byte is read


def test_a_real_60_mb_json_file_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text('{"format": "listen.results", "pad": "' + "x" * (60 * 1024 * 1024) + '"}')

    def parsed(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(json, "loads", parsed)
    monkeypatch.setattr(json, "load", parsed)
    with pytest.raises(RejectedFile, match="60 MB"):
        read_document(path)


def test_nesting_100000_deep_is_refused_not_a_crash(listen, tmp_path, private_data_dir):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    _refused(listen, deep, private_data_dir, "nests")
    deeper = tmp_path / "deeper.json"
    deeper.write_text('{"format": "listen.results", "a": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001)
    _refused(listen, deeper, private_data_dir, "nests")


def test_an_answer_nested_deeper_than_any_choice_is_refused(listen, tmp_path, private_data_dir, bundle):
    bundle["attempts"][0]["answer"] = json.loads("[" * 50 + "]" * 50)
    _refused(listen, write_json(tmp_path / "nested.json", bundle), private_data_dir, "nests")


@pytest.mark.parametrize("content, words", [
    (b"", "not JSON"),
    (b"hello, trainer", "not JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2, 3]", "JSON object"),
    (b'{"name": "Dana"}', "not a listen file"),
    (b'{"format": "listen.results", "schema_version": 9}', "newer listen"),
    (b'{"format": "listen.assignment", "schema_version": "1"}', "unknown version"),
    (b'{"format": "listen.assignment", "format": "listen.results"}', "appears twice"),
    (b'{"format": "listen.assignment", "schema_version": 1, "pass_mark": NaN}', "NaN"),
])
def test_not_a_listen_file(listen, tmp_path, private_data_dir, content, words):
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    _refused(listen, path, private_data_dir, words)


def test_wrong_types_are_named(listen, tmp_path, private_data_dir, bundle):
    bundle["attempts"][0]["score"] = "high"
    err = _refused(listen, write_json(tmp_path / "types.json", bundle), private_data_dir, "attempts[0].score")
    assert "number" in err
    bundle["attempts"][0]["score"] = 1.5
    _refused(listen, write_json(tmp_path / "range.json", bundle), private_data_dir, "attempts[0].score")


def test_duplicate_ids_are_refused(listen, tmp_path, private_data_dir, bundle):
    bundle["attempts"].append(dict(bundle["attempts"][0]))
    _refused(listen, write_json(tmp_path / "twice.json", bundle), private_data_dir, "appears twice")
    assignment = {"format": "listen.assignment", "schema_version": 1, "id": "x", "modules": ["empathy", "empathy"],
                  "due": in_days(5), "pass_mark": 0.8}
    _refused(listen, write_json(tmp_path / "modules.json", assignment), private_data_dir, "unique")


def test_a_bundle_from_another_version_of_the_course_is_refused(listen, tmp_path, private_data_dir, bundle):
    bundle["course"]["version"] = "0123456789ab"
    _refused(listen, write_json(tmp_path / "old.json", bundle), private_data_dir, "another version of the course")


def test_ids_the_course_lacks_are_refused(listen, tmp_path, private_data_dir, bundle):
    bundle["attempts"][0]["exercise"] = "empathy.no-such-exercise"
    _refused(listen, write_json(tmp_path / "unknown.json", bundle), private_data_dir, "empathy.no-such-exercise")
    assignment = {"format": "listen.assignment", "schema_version": 1, "id": "x", "modules": ["cooking"],
                  "due": in_days(5), "pass_mark": 0.8}
    _refused(listen, write_json(tmp_path / "module.json", assignment), private_data_dir, "cooking")


def test_a_criterion_the_exercise_lacks_is_refused(listen, tmp_path, private_data_dir, bundle):
    text = next(a for a in bundle["attempts"] if a["criteria"])
    text["criteria"][0]["id"] = "made-up"
    _refused(listen, write_json(tmp_path / "criterion.json", bundle), private_data_dir, "made-up")


@pytest.mark.parametrize("field, value, words", [
    ("due", "2026-02-30", "not a real day"),
    ("due", "15/12/2026", "due"),
])
def test_dates_must_be_real_days(listen, tmp_path, private_data_dir, field, value, words):
    assignment = {"format": "listen.assignment", "schema_version": 1, "id": "x", "modules": ["empathy"],
                  "due": in_days(5), "pass_mark": 0.8, field: value}
    _refused(listen, write_json(tmp_path / "date.json", assignment), private_data_dir, words)


def test_times_must_be_real_and_not_in_the_future(listen, tmp_path, private_data_dir, bundle):
    bundle["attempts"][0]["at"] = "2026-13-45T10:00:00+00:00"
    _refused(listen, write_json(tmp_path / "month.json", bundle), private_data_dir, "not a real moment")
    bundle["attempts"][0]["at"] = "2999-01-01T10:00:00+00:00"
    _refused(listen, write_json(tmp_path / "future.json", bundle), private_data_dir, "in the future")


def test_a_learner_name_that_is_not_printable_is_refused(listen, tmp_path, private_data_dir, bundle):
    bundle["learner"]["name"] = "Dana\u0007\u001b[31m"
    _refused(listen, write_json(tmp_path / "name.json", bundle), private_data_dir, "learner name")


def test_feedback_for_attempts_this_machine_lacks_is_refused(listen, tmp_path, private_data_dir, bundle):
    feedback = {"format": "listen.feedback", "schema_version": 1, "written": "2026-01-05T10:00:00+00:00",
                "learner": "Dana", "course": bundle["course"],
                "notes": [{"attempt": "f" * 32, "exercise": "empathy.late-gift", "comment": "Good"}]}
    _refused(listen, write_json(tmp_path / "fb.json", feedback), private_data_dir, "does not have here")
    feedback["learner"] = "Nobody"
    _refused(listen, write_json(tmp_path / "fb2.json", feedback), private_data_dir, "no profile on this machine")


def test_a_folder_or_a_missing_file(listen, tmp_path, private_data_dir):
    _refused(listen, tmp_path, private_data_dir, "folder")
    _refused(listen, tmp_path / "absent.json", private_data_dir, "no such file")


def test_a_byte_order_mark_is_fine(listen, tmp_path, course):
    assignment = {"format": "listen.assignment", "schema_version": 1, "id": "bom", "modules": ["empathy"],
                  "due": in_days(5), "pass_mark": 0.8}
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(assignment).encode())
    assert listen("--learner", "Dana", "import", str(path)).status == 0
