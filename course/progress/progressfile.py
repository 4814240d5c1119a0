"""One progress file shared by every listen on the machine: locking, reloading, repair.

Every change happens in a ``transaction``: take the file lock, reload the file
if another listen saved since we last read it, change the tables, save once,
release. Reads need no lock (a save replaces the whole file at once); they
only reload when the file changed. Opening the file also cleans up after a
crash, repairs a damaged file from the newest good backup and migrates an
older layout.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from . import migrations
from .archive import Archive
from .backups import Backups, keep_aside, move_aside
from .errors import StoreError, StoreFromNewerVersion, StoreLocked, StoreNotWritable, not_writable
from .row_checks import Checked, check_tables
from .storage import (
    META,
    META_ROW,
    Damaged,
    Loaded,
    ProgressStorage,
    is_temp,
    load,
    open_progress_file,
    read_stamp,
    signature,
    spare_of,
    write_atomically,
)
from .tables import ProgressDB

__all__ = ["STORE_FILE", "LOCK_FILE", "ProgressFile"]

STORE_FILE = "progress.json"
"""The progress file's name inside the data folder."""

LOCK_FILE = STORE_FILE + ".lock"
"""The lock file every listen takes before changing progress."""

LOCK_POLL = 0.005
"""Seconds between tries for a busy lock: a save takes a few milliseconds, so waiting in 50 ms steps
(filelock's default) would make a room of learners wait mostly for nothing."""

T = TypeVar("T")


class ProgressFile:
    """The progress file of one data folder, kept in memory and saved safely."""

    def __init__(self, folder: Path, *, lock_timeout: float = 5.0) -> None:
        self.folder = Path(folder)
        """The data folder."""
        self.path = self.folder / STORE_FILE
        """The progress file."""
        self.backups = Backups(self.folder / "backups")
        """Rotating copies of the progress file."""
        self.lock_timeout = lock_timeout
        """Seconds to wait for another listen to finish saving."""
        self.notices: list[str] = []
        """What happened on open that the learner should hear about."""
        self.read_only: StoreNotWritable | None = None
        """Why saving is impossible, when the folder cannot be written."""
        self.archive = Archive(self.folder, self.notices, lambda: self.storage.mark_changed())
        """The closed files holding the older rows of the tables that only grow."""
        self.storage = ProgressStorage(self.path)
        self.db = ProgressDB(storage=lambda: self.storage)
        self._mutex = threading.RLock()  # one thread at a time: the Textual app saves from workers
        self._depth = 0
        self._signature: tuple[int, ...] | None = None
        self.generation = 0
        """Counts every change to the tables in memory (a save, a reload): what is kept from them is kept per
        generation."""
        self._stamp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise not_writable(self.folder, error) from None
        self._lock = FileLock(str(self.folder / LOCK_FILE), timeout=lock_timeout, thread_local=False)
        try:
            if not self._open_while_others_save():
                with self._locked():
                    self._remove_temp_files()
                    self._settle()
        except StoreNotWritable as error:
            self._open_read_only(error)

    def _open_while_others_save(self) -> bool:
        """Open a sound file without waiting for the lock; whether it did.

        A room of learners starting at once would otherwise queue for the lock
        only to read the file: a save replaces the file whole, so a sound file
        read without the lock is a whole save. Anything to repair or migrate
        waits for the lock as before; leftovers of a crash are cleared when the
        lock is free at once, else by the next listen to open.
        """
        try:
            loaded = load(self.path)
        except (OSError, Damaged):
            return False
        if migrations.version_is_unsound(loaded.data) or self._version(loaded) != migrations.current_version():
            return False
        if not check_tables(loaded.data).sound:
            return False
        self._adopt(loaded)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return True  # another listen is saving: its leftovers, if any, are cleared by the next open
        except OSError:
            return False  # the lock cannot be taken at all (a read-only folder): the locked path says so
        try:
            self._remove_temp_files()
        finally:
            self._lock.release()
        return True

    # -- reading and changing ------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[ProgressDB]:
        """The tables as now on disk, for reading only."""
        with self._mutex:
            if self._depth == 0:
                self._refresh()
            yield self.db

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is under way in this window (its changes not yet saved)."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[ProgressDB]:
        """The tables under the file lock; changes are saved, durably, when the block ends.

        If the block raises, or the save fails, nothing is saved and the tables
        are read again from disk.
        """
        with self._mutex:
            if self._depth:  # nested: the outer transaction saves
                self._depth += 1
                try:
                    yield self.db
                finally:
                    self._depth -= 1
                return
            if self.read_only is not None:
                raise self.read_only
            with self._locked():
                self._refresh()
                self._depth, self.storage.writable = 1, True
                try:
                    yield self.db
                    if self.storage.changed:
                        closed = self.archive.settle(self.storage.data)
                        self._save()
                        self.archive.saved()
                        if closed:  # rows left the tables under TinyDB's feet: no query cache may keep them
                            self.db = ProgressDB(storage=lambda: self.storage)
                        self._routine_backup()
                except BaseException:
                    self.archive.abandoned()
                    if self.storage.changed:
                        self._forget()
                    raise
                finally:
                    self._depth, self.storage.writable = 0, False

    def backup_now(self, reason: str) -> Path:
        """Copy the progress file into the backups now; the copy's path."""
        with self._mutex:
            if self.read_only is not None:
                raise self.read_only
            with self._locked():
                if self._depth == 0:
                    self._refresh()
                try:
                    return self.backups.save(self.path, reason)
                except OSError as error:
                    raise not_writable(self.backups.folder, error) from None

    # -- keeping in step with the disk ---------------------------------------

    def _refresh(self) -> None:
        """Reload the file if it changed since we read or wrote it; repair it if it must be."""
        try:
            with open_progress_file(self.path) as file:
                if signature(os.fstat(file.fileno())) == self._signature and read_stamp(file.read(64)) == self._stamp:
                    return
            loaded = load(self.path)
        except (FileNotFoundError, Damaged):
            loaded = None
        except OSError as error:
            raise StoreError(f"listen could not read your progress in {self.path}: {error.strerror}.") from None
        if loaded is not None and self._version(loaded) == migrations.current_version():
            checked = check_tables(loaded.data)
            if checked.sound:
                self._adopt(loaded)
                return
            if self.read_only is not None:  # nothing can be repaired here: show the sound rows
                self._take(self._with_meta(checked))
                self._signature, self._stamp = loaded.signature, loaded.stamp
                return
        if self.read_only is not None:
            return  # nothing can be repaired here: keep showing what we have
        with self._locked():
            self._settle()

    def _version(self, loaded: Loaded) -> int:
        """The file's layout version; StoreFromNewerVersion if a newer listen wrote it."""
        if migrations.version_is_unsound(loaded.data):
            return migrations.current_version()  # its settings row is repaired with the other bad rows
        version = migrations.version_of(loaded.data)
        if version > migrations.current_version():
            raise StoreFromNewerVersion(self.path, version, migrations.current_version())
        return version

    def _settle(self) -> None:
        """Under the lock: make the file a readable store at our version and load it."""
        try:
            loaded = load(self.path)
            if migrations.version_of(loaded.data) == 0 and META not in loaded.data and spare_of(self.path).exists():
                # A file without our settings where listen has saved before was written over from outside.
                raise Damaged("it is not a progress file listen saved")
        except FileNotFoundError:
            restored = self._restore()
            if restored is None:
                self._adopt_fresh()
                return
            loaded, taken = restored
            self.notices.append(f"Your progress file was missing, so listen restored {taken}.")
        except Damaged as damage:
            aside = self._saving_or_raise(lambda: move_aside(self.path))
            restored = self._restore()
            if restored is None:
                self.notices.append(
                    f"Your progress file could not be read ({damage}) and there was no backup, "
                    f"so listen started a new one. The damaged file is kept at {aside}."
                )
                self._adopt_fresh()
                return
            loaded, taken = restored
            self.notices.append(f"Your progress file could not be read ({damage}), so listen moved it to {aside} "
                                f"and restored {taken}.")
        version = self._version(loaded)
        if version < migrations.current_version():
            self._saving_or_raise(lambda: self.backups.save(self.path, f"before-update-from-{version}"))
            checked = check_tables(migrations.migrate(loaded.data))
            self._take(self._with_meta(checked))
            self._save()
            return
        checked = check_tables(loaded.data)
        if checked.sound:
            self._adopt(loaded)
            return
        aside = self._saving_or_raise(lambda: keep_aside(self.path, loaded.raw))
        self._take(self._with_meta(checked))
        self._save()
        count = len(checked.problems)
        self.notices.append(
            f"{count} record{'s' if count != 1 else ''} in your progress file could not be used "
            f"({checked.summary()}), so listen kept everything else and put the original file at {aside}."
            + self._outbox_words(checked)
        )

    @staticmethod
    def _outbox_words(checked: Checked) -> str:
        held = len(checked.dropped.get("outbox", {}))
        if not held:
            return ""
        return (f" {held} statement{'s' if held != 1 else ''} waiting to be sent could not be read and will not be "
                "sent; the others will.")

    @staticmethod
    def _with_meta(checked: Checked) -> dict[str, Any]:
        """The sound tables, with a fresh settings row if the file's own was not sound."""
        tables = checked.tables
        meta = tables.setdefault(META, {})
        if META_ROW not in meta:
            meta[META_ROW] = migrations.fresh_meta()
        for name in migrations.TABLES:
            tables.setdefault(name, {})
        return tables

    def _restore(self) -> tuple[Loaded, str] | None:
        """Put the spare copy of the last save, or the newest good backup, in place of the progress file.

        What was put back, and in words for the learner where it came from.
        """
        spare = spare_of(self.path)
        candidates = [(spare, "the copy of your last save that listen keeps beside it: nothing was lost")]
        candidates += [(backup, f"your backup from {self.backups.taken_at(backup)}. "
                                "Work saved after that time may be missing") for backup in self.backups.all()]
        for source, words in candidates:
            try:
                candidate = load(source)
            except (OSError, Damaged):
                continue
            if migrations.version_of(candidate.data) > migrations.current_version():
                continue
            self._saving_or_raise(partial(write_atomically, self.path, candidate.raw))
            return load(self.path), words
        return None

    def _adopt(self, loaded: Loaded) -> None:
        self._take(loaded.data, loaded.raw)
        self._signature, self._stamp = loaded.signature, loaded.stamp

    def _adopt_fresh(self) -> None:
        self._take(migrations.fresh())
        self._save()

    def _take(self, data: dict[str, Any], raw: bytes | None = None) -> None:
        """Hold new tables: fresh TinyDB tables too, so no stale query cache or next row id."""
        self.storage.replace_data(data, raw)
        self.db = ProgressDB(storage=lambda: self.storage)
        self.generation += 1

    def _save(self) -> None:
        stamp = os.urandom(8).hex()
        try:
            stat = self.storage.save(stamp)
        except OSError as error:
            raise not_writable(self.folder, error) from None
        self._signature, self._stamp = signature(stat), stamp
        self.generation += 1

    def _forget(self) -> None:
        """Drop what is in memory so the next use reads the file again."""
        self._signature = self._stamp = None
        self.storage.changed = False
        self.generation += 1

    def _routine_backup(self) -> None:
        if self.backups.due():
            try:
                self.backups.save(self.path, "routine")
            except OSError:
                pass  # the save itself succeeded; the next one tries the backup again

    def _saving_or_raise(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except OSError as error:
            raise not_writable(self.folder, error) from None

    # -- the lock, leftovers and read-only folders ---------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self._lock.acquire(timeout=self.lock_timeout, poll_interval=LOCK_POLL)
        except Timeout:
            raise StoreLocked(self.lock_timeout) from None
        except OSError as error:
            raise not_writable(self.folder, error) from None
        try:
            yield
        finally:
            self._lock.release()

    def _remove_temp_files(self) -> None:
        """Under the lock no save is under way, so any temporary file is left from a crash."""
        for folder in (self.folder, self.backups.folder, self.archive.folder):
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                if is_temp(name, STORE_FILE) or (folder != self.folder and name.endswith(".tmp")):
                    try:
                        os.unlink(folder / name)
                    except OSError:
                        pass

    def _open_read_only(self, error: StoreNotWritable) -> None:
        """Show the progress that is there, and say that nothing new can be saved."""
        self.read_only = error
        try:
            loaded = load(self.path)
        except FileNotFoundError:
            self._take(migrations.fresh())
        except (Damaged, OSError):
            raise error from None
        else:
            version = self._version(loaded)
            checked = check_tables(migrations.migrate(loaded.data) if version < migrations.current_version()
                                   else loaded.data)
            if checked.sound and version == migrations.current_version():
                self._adopt(loaded)
            else:
                self._take(self._with_meta(checked))
                self._signature, self._stamp = loaded.signature, loaded.stamp
        self.notices.append(
            f"listen cannot save progress in {error.folder or self.folder} because {error.reason or 'it refused'}. "
            "You can look at your progress, but new work will not be kept until that is fixed."
        )
