"""The file on disk: plain TinyDB JSON, saved whole, shared safely with other listen windows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from course.progress import Place, ProgressStore
from course.progress.backups import Backups
from tests.unit.progress.progress_samples import an_attempt

RECORD_ELSEWHERE = """
import sys
from course.progress import Attempt, ProgressStore
store = ProgressStore(sys.argv[1])
for exercise_id in sys.argv[3:]:
    store.record_attempt(sys.argv[2], Attempt(exercise_id, "from another window", 0.5, False))
"""


def _record_elsewhere(data_dir: Path, learner: str, *exercise_ids: str) -> None:
    subprocess.run([sys.executable, "-c", RECORD_ELSEWHERE, str(data_dir), learner, *exercise_ids], check=True)


def test_the_file_is_json_that_tinydb_itself_reads(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt("e1"))
    store.save_place("Dana", Place("lesson", "l1", 1, 2.0))
    plain = TinyDB(data_dir / "progress.json")
    assert plain.table("attempts").all()[0]["exercise_id"] == "e1"
    assert plain.table("places").all()[0]["screen"] == "lesson"
    assert {"assignments", "trainer_feedback", "outbox"} <= plain.tables()
    plain.close()


def test_what_is_saved_is_exactly_what_is_in_memory(store: ProgressStore, data_dir: Path) -> None:
    """Saved text is reused between saves; check it against a full serialisation after every kind of change."""
    path = data_dir / "progress.json"

    def check() -> None:
        assert json.loads(path.read_bytes()) == json.loads(json.dumps(store._file.storage.data))

    for number in range(30):
        store.record_attempt(f"Learner {number % 3}", an_attempt(f"e{number % 7}", score=number / 30))
        check()
    store.reset_exercise("Learner 1", "e2")
    check()
    store.record_attempt("Learner 1", an_attempt("e2"))
    check()
    store.rename_learner("Learner 2", "Priya")
    check()
    store.record_attempt("Priya", an_attempt("e9"))
    check()
    reopened = ProgressStore(data_dir)
    reopened.record_attempt("Priya", an_attempt("e10"))  # first save after open reuses the file's own text
    assert json.loads(path.read_bytes()) == json.loads(json.dumps(reopened._file.storage.data))
    reopened.delete_learner("Learner 0")
    assert json.loads(path.read_bytes()) == json.loads(json.dumps(reopened._file.storage.data))


def test_another_windows_saves_are_seen_at_once(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt("e1"))
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]  # cached by TinyDB now
    _record_elsewhere(data_dir, "Dana", "e2", "e3")
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e2", "e3"]
    store.record_attempt("Dana", an_attempt("e4"))  # our next row id follows theirs: nothing overwritten
    assert [attempt.exercise_id for attempt in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e2", "e3", "e4"]


def test_leftovers_of_a_crash_are_cleaned_up_on_open(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt())
    (data_dir / ".progress.json.4242.deadbeef.tmp").write_bytes(b'{"meta": half')
    (data_dir / "backups" / ".progress-x.json.4242.beef.tmp").write_bytes(b"half")
    (data_dir / "notes.txt").write_text("mine")
    ProgressStore(data_dir).close()
    assert sorted(path.name for path in data_dir.iterdir()) == [
        "backups",
        "notes.txt",
        "progress.json",
        "progress.json.lock",
        "progress.json.spare",
    ]
    assert not [path for path in (data_dir / "backups").iterdir() if path.name.endswith(".tmp")]


def test_a_routine_backup_at_most_once_an_hour(store: ProgressStore, data_dir: Path) -> None:
    for number in range(5):
        store.record_attempt("Dana", an_attempt(f"e{number}"))
    [backup] = (data_dir / "backups").iterdir()
    an_hour_ago = time.time() - 3601
    os.utime(backup, (an_hour_ago, an_hour_ago))
    store.record_attempt("Dana", an_attempt("e5"))
    backups = sorted((data_dir / "backups").iterdir())
    assert len(backups) == 2 and backups[-1].read_bytes() == (data_dir / "progress.json").read_bytes()


def test_only_the_ten_newest_routine_backups_are_kept(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt())
    made = [store.backup_now("routine") for _ in range(12)]
    kept = Backups(data_dir / "backups").all()
    assert len(kept) == 10
    assert kept[0] == made[-1] and made[0] not in kept


def test_a_backup_before_a_reset_outlives_routine_ones(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt())
    store.reset_all("Dana")
    before_reset = Backups(data_dir / "backups").all()[0]
    for _ in range(15):
        store.backup_now("routine")
    kept = Backups(data_dir / "backups").all()
    assert before_reset in kept
    assert sum("routine" in path.name for path in kept) == 10


def test_deliberate_backups_are_bounded_too(store: ProgressStore, data_dir: Path) -> None:
    store.record_attempt("Dana", an_attempt())
    for number in range(55):
        store.backup_now(f"before-reset-{number}")
    assert sum("before-reset" in path.name for path in Backups(data_dir / "backups").all()) == 50


def test_a_second_store_object_in_the_same_process_agrees(store: ProgressStore, data_dir: Path) -> None:
    other = ProgressStore(data_dir)
    store.save_draft("Dana", "e1", "draft from one")
    assert other.draft("Dana", "e1") == "draft from one"
    other.save_draft("Dana", "e1", "draft from two")
    assert store.draft("Dana", "e1") == "draft from two"


def test_threads_share_one_store(store: ProgressStore) -> None:
    import threading

    def record(learner: str) -> None:
        for number in range(10):
            store.record_attempt(learner, an_attempt(f"e{number}"))

    threads = [threading.Thread(target=record, args=(name,)) for name in ("Dana", "Priya", "Sam")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.attempt_count() == 30


@pytest.mark.parametrize("module", ["course.progress", "course.progress.summary"])
def test_the_store_never_imports_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_only_the_progress_package_imports_tinydb() -> None:
    package = Path(__file__).resolve().parents[3] / "course"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "progress" not in path.relative_to(package).parts[:1]
        and any(line.lstrip().startswith(("import tinydb", "from tinydb")) for line in path.read_text().splitlines())
    ]
    assert offenders == []
