"""Full disks, read-only folders and a busy lock: a clear message, and nothing saved is lost."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import course.progress.storage as storage
from course.progress import ProgressStore, StoreLocked, StoreNotWritable
from tests.unit.progress.progress_samples import an_attempt


def _temp_files(data_dir: Path) -> list[Path]:
    return [path for path in data_dir.iterdir() if path.name.endswith(".tmp")]


def test_a_missing_data_folder_is_made(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "listen"
    store = ProgressStore(deep)
    store.record_attempt("Dana", an_attempt())
    assert (deep / "progress.json").is_file()


def test_a_full_disk_says_so_and_keeps_what_was_saved(
    store: ProgressStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = store.record_attempt("Dana", an_attempt("e1"))
    before = (data_dir / "progress.json").read_bytes()

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_all", disk_full)
    with pytest.raises(StoreNotWritable, match="disk is full") as raised:
        store.record_attempt("Dana", an_attempt("e2"))
    assert "Nothing already saved was lost" in str(raised.value)
    assert (data_dir / "progress.json").read_bytes() == before
    assert _temp_files(data_dir) == []
    assert store.attempts("Dana") == [kept]  # memory went back to what is on disk

    monkeypatch.undo()
    store.record_attempt("Dana", an_attempt("e3"))
    assert [attempt.exercise_id for attempt in ProgressStore(data_dir).attempts("Dana")] == ["e1", "e3"]


def test_a_full_disk_at_the_lowest_level_too(
    store: ProgressStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.record_attempt("Dana", an_attempt("e1"))
    before = (data_dir / "progress.json").read_bytes()
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the store's writes from others")
    monkeypatch.setattr(os, "write", write)
    with pytest.raises(StoreNotWritable, match="disk is full"):
        store.save_draft("Dana", "e2", "half")
    monkeypatch.undo()
    assert (data_dir / "progress.json").read_bytes() == before


def test_a_folder_we_may_not_write_to_says_so(
    store: ProgressStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.record_attempt("Dana", an_attempt("e1"))
    before = (data_dir / "progress.json").read_bytes()
    real_open = os.open

    def refuse_new_files(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_new_files)
    with pytest.raises(StoreNotWritable, match="not allowed to write there"):
        store.record_attempt("Dana", an_attempt("e2"))
    monkeypatch.undo()
    assert (data_dir / "progress.json").read_bytes() == before


@pytest.fixture
def read_only_dir(data_dir: Path) -> Path:
    """The data folder made read-only (skipped where the user can write anyway, as root can)."""
    ProgressStore(data_dir).record_attempt("Dana", an_attempt("e1"))
    data_dir.chmod(0o555)
    probe = data_dir / "probe"
    try:
        probe.write_text("x")
    except OSError:
        yield data_dir
    else:
        probe.unlink()
        pytest.skip("this user can write to read-only folders (root): chmod cannot make one")
    finally:
        data_dir.chmod(0o755)


def test_a_read_only_folder_shows_progress_but_refuses_to_save(read_only_dir: Path) -> None:
    before = (read_only_dir / "progress.json").read_bytes()
    store = ProgressStore(read_only_dir)
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]
    assert any("cannot save" in notice or "not save" in notice for notice in store.notices)
    with pytest.raises(StoreNotWritable, match="Nothing already saved was lost"):
        store.record_attempt("Dana", an_attempt("e2"))
    assert (read_only_dir / "progress.json").read_bytes() == before


HOLD_LOCK = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(30)
"""


@pytest.fixture
def lock_held_elsewhere(data_dir: Path):  # type: ignore[no-untyped-def]
    """Another process holding the progress lock, as a second listen mid-save would."""
    data_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir / "progress.json.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_held_too_long_is_reported_after_the_wait(data_dir: Path) -> None:
    store = ProgressStore(data_dir, lock_timeout=0.5)
    store.record_attempt("Dana", an_attempt("e1"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir / "progress.json.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        with pytest.raises(StoreLocked, match="Another listen window is saving progress"):
            store.record_attempt("Dana", an_attempt("e2"))
        assert time.monotonic() - start >= 0.4  # it waited its time before saying so
        assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]  # reading needs no lock
    finally:
        holder.kill()
        holder.wait()
    store.record_attempt("Dana", an_attempt("e3"))  # the lock is free again once the other listen is gone
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e3"]


def test_opening_waits_for_the_lock_too(lock_held_elsewhere: subprocess.Popen, data_dir: Path) -> None:
    with pytest.raises(StoreLocked):
        ProgressStore(data_dir, lock_timeout=0.3)


def test_a_sound_file_opens_while_another_listen_saves(data_dir: Path) -> None:
    """A room of learners starting at once: each reads the whole file a save left, without queueing."""
    first = ProgressStore(data_dir)
    first.record_attempt("Dana", an_attempt("e1"))
    first.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir / "progress.json.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        store = ProgressStore(data_dir, lock_timeout=0.3)
        assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1"]
        with pytest.raises(StoreLocked):  # saving still waits its turn
            store.record_attempt("Dana", an_attempt("e2"))
    finally:
        holder.kill()
        holder.wait()
    store.record_attempt("Dana", an_attempt("e2"))
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["e1", "e2"]


def test_a_damaged_file_waits_for_the_lock_to_be_repaired(data_dir: Path) -> None:
    first = ProgressStore(data_dir)
    first.record_attempt("Dana", an_attempt("e1"))
    first.close()
    (data_dir / "progress.json").write_text('{"meta": {"1": ', encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir / "progress.json.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked):  # nothing is moved aside or restored while another listen saves
            ProgressStore(data_dir, lock_timeout=0.3)
        assert (data_dir / "progress.json").read_text(encoding="utf-8") == '{"meta": {"1": '
    finally:
        holder.kill()
        holder.wait()
    repaired = ProgressStore(data_dir)
    assert [attempt.exercise_id for attempt in repaired.attempts("Dana")] == ["e1"]
    assert repaired.notices
