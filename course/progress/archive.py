"""Closed archive files: the older rows of the tables that only grow, out of the live progress file.

A year of answers made the one progress file tens of megabytes, and every
save, open and screen paid for all of it. Now the live file keeps the newest
rows of ``attempts`` and ``outbox``; when a table passes its limit, its oldest
rows go, in one save, into a closed file under ``archive/`` that is never
written again. The live file's ``archive`` table is the index: one row per
closed file with its table, name, row count, time span, checksum, and each
learner's record at each exercise in it, so a screen counts a learner's
history from the index without opening a closed file.

Safety follows the live file's: a closed file is written durably, with a
spare copy beside it, before the save that names it in the index; a save that
fails leaves the rows in the live file and removes the new closed file. A
closed file that is changed from outside (its checksum no longer matches)
is read from its spare; rows that fail the row checks are left out and the
learner told. Clearing a learner's work rewrites the closed files it touches
as new files and keeps the old ones under ``archive/replaced/``, so a backup
taken before it still finds them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .row_checks import check_tables, is_segment_name
from .storage import Damaged, fsync_folder, parse, spare_of, write_atomically, write_spare
from .tallies import ExerciseTally, merged, tally_stored

__all__ = ["ARCHIVE_FOLDER", "INDEX", "LIMITS", "Archive", "is_segment_name"]

ARCHIVE_FOLDER = "archive"
"""The folder beside the progress file that holds the closed files."""

REPLACED = "replaced"
"""Inside ``archive/``: closed files rewritten by a reset, a rename or a delete, kept for older backups."""

INDEX = "archive"
"""The live file's table naming each closed file."""

LIMITS: Mapping[str, tuple[int, int]] = {"attempts": (1500, 500), "outbox": (1000, 250)}
"""For each archived table: past how many live rows the oldest are closed away, and how many newest stay."""

MOST_PER_FILE = 5000
"""Rows in one closed file at most: an old store opened for the first time is closed away in files this size,
so clearing one exercise later rewrites a few megabytes, not all of them."""

KEPT_IN_MEMORY = 2
"""Closed files whose rows are held in memory after a read, the most recently used."""

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_WHEN_FIELD = {"attempts": "at", "outbox": "queued"}

Tables = dict[str, dict[str, Any]]
Rewrite = Callable[[dict[str, Any]], "dict[str, Any] | None"]


class Archive:
    """The closed files of one data folder, read only when asked for; the few read last are kept in memory."""

    def __init__(self, folder: Path, notices: list[str], changed: Callable[[], None], *,
                 limits: Mapping[str, tuple[int, int]] | None = None) -> None:
        self.folder = Path(folder) / ARCHIVE_FOLDER
        """Where the closed files live."""
        self.limits = dict(LIMITS if limits is None else limits)
        """Per table: the live rows that start a closing, and the newest rows kept live."""
        self._notices = notices
        self._changed = changed  # tells the live file that its tables changed here, to be saved
        self._lock = threading.RLock()
        self._read: dict[str, dict[str, Any]] = {}  # file name -> its sound rows
        self._by_id: dict[str, dict[str, Any]] = {}  # file name -> its rows by their own id
        self._told: set[str] = set()
        self._written: list[Path] = []  # closed files made in the transaction under way
        self._retired: list[tuple[Path, bool]] = []  # closed files the transaction replaced (path, keep a copy)

    # -- the index ------------------------------------------------------------

    @staticmethod
    def entries(tables: Mapping[str, Any], table: str) -> list[dict[str, Any]]:
        """The index rows of ``table``'s closed files, oldest first."""
        index = tables.get(INDEX) or {}
        return [row for _, row in sorted(index.items(), key=lambda item: int(item[0]))
                if isinstance(row, dict) and row.get("table") == table]

    def count(self, tables: Mapping[str, Any], table: str, learner: str | None = None) -> int:
        """How many rows of ``table`` are closed away (for one learner, if given)."""
        total = 0
        for entry in self.entries(tables, table):
            if learner is None:
                total += _whole(entry.get("count"))
            else:
                total += _whole((entry.get("learners") or {}).get(learner))
        return total

    def tallies(self, tables: Mapping[str, Any], learner: str) -> dict[str, ExerciseTally]:
        """The learner's record at each exercise over their closed-away answers, from the index alone."""
        parts = []
        for entry in self.entries(tables, "attempts"):
            packed = (entry.get("tallies") or {}).get(learner) or {}
            records = ((exercise_id, _tally_of(value)) for exercise_id, value in packed.items())
            parts.append({exercise_id: record for exercise_id, record in records if record is not None})
        return merged(*parts)

    # -- reading ---------------------------------------------------------------

    def rows(self, tables: Mapping[str, Any], table: str, *, learner: str | None = None,
             exercise_id: str | None = None, newest_first: bool = False) -> Iterator[dict[str, Any]]:
        """The closed-away rows of ``table`` (a learner's, an exercise's), in the order they were saved.

        Only the closed files the index says hold such rows are opened.
        """
        entries = self.entries(tables, table)
        if newest_first:
            entries.reverse()
        for entry in entries:
            if learner is not None and not _whole((entry.get("learners") or {}).get(learner)):
                continue
            if exercise_id is not None and learner is not None and table == "attempts" \
                    and exercise_id not in ((entry.get("tallies") or {}).get(learner) or {}):
                continue
            rows = list(self.read(entry).values())
            if newest_first:
                rows.reverse()
            for row in rows:
                if learner is not None and row.get("learner") != learner:
                    continue
                if exercise_id is not None and row.get("exercise_id") != exercise_id:
                    continue
                yield row

    def find(self, tables: Mapping[str, Any], table: str, row_id: str,
             when: str = "") -> dict[str, Any] | None:
        """The closed-away row of ``table`` with this ``id``, if any.

        Given ``when``, only the files whose time span holds it are opened.
        """
        for entry in self.entries(tables, table):
            if when and not (str(entry.get("first", "")) <= when <= str(entry.get("last", ""))):
                continue
            name = str(entry.get("file", ""))
            with self._lock:
                by_id = self._by_id.get(name)
                if by_id is None:
                    by_id = self._by_id[name] = {str(row.get("id")): row for row in self.read(entry).values()}
            found: dict[str, Any] | None = by_id.get(row_id)
            if found is not None:
                return found
        return None

    def read(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        """The sound rows of one closed file; a damaged file is read from its spare, and the learner told."""
        with self._lock:  # read outside the store's lock too (see ``ProgressStore.attempts``)
            return self._read_file(entry)

    def _read_file(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        name = str(entry.get("file", ""))
        if name in self._read:
            self._read[name] = self._read.pop(name)  # the most recently used last
            return self._read[name]
        rows: dict[str, Any] = {}
        if is_segment_name(name):
            found = self._load(name, str(entry.get("sha256", "")))
            if found is None:
                self._tell(name, f"{_whole(entry.get('count'))} older records kept in {self.folder / name} could "
                                 "not be read (the file is missing or was changed from outside), so they are not "
                                 "shown. Everything newer is safe.")
            else:
                table = str(entry.get("table", ""))
                checked = check_tables({table: found})
                rows = checked.tables.get(table, {})
                if not checked.sound:
                    count = len(checked.problems)
                    self._tell(name, f"{count} older record{'s' if count != 1 else ''} in {self.folder / name} "
                                     f"could not be used ({checked.summary()}); the others are shown.")
        self._keep(name, rows)
        return rows

    def _keep(self, name: str, rows: dict[str, Any]) -> None:
        """Hold a file's rows for the next read; only the few used last, so a year of history is not kept in
        memory because something once read all of it."""
        self._read[name] = rows
        while len(self._read) > KEPT_IN_MEMORY:
            gone = next(iter(self._read))
            del self._read[gone]
            self._by_id.pop(gone, None)

    def _load(self, name: str, checksum: str) -> dict[str, Any] | None:
        for path in (self.folder / name, spare_of(self.folder / name), self.folder / REPLACED / name):
            try:
                with open(path, "rb") as file:
                    raw = file.read()
            except OSError:
                continue
            if hashlib.sha256(raw).hexdigest() != checksum:
                continue
            try:
                data = parse(raw)
            except Damaged:
                continue
            rows = data.get("rows")
            if isinstance(rows, dict):
                return rows
        return None

    def _tell(self, name: str, words: str) -> None:
        if name not in self._told:
            self._told.add(name)
            self._notices.append(words)

    # -- changing (inside a transaction, under the lock) -------------------------

    def settle(self, tables: Tables) -> bool:
        """Close away the oldest rows of every table past its limit; whether anything moved."""
        moved = False
        for table, (most, keep) in self.limits.items():
            rows = tables.get(table)
            if not isinstance(rows, dict) or len(rows) <= most:
                continue
            closing = list(rows)[: len(rows) - keep]
            for start in range(0, len(closing), MOST_PER_FILE):
                chunk = {row_id: rows[row_id] for row_id in closing[start:start + MOST_PER_FILE]}
                self._add_entry(tables, self._close(tables, table, chunk))
            for row_id in closing:
                del rows[row_id]
            moved = True
        return moved

    def rewrite(self, tables: Tables, table: str, learner: str | None, change: Rewrite) -> int:
        """Apply ``change`` to each closed-away row of ``table`` (``learner``'s only, if given; None drops it);
        how many rows it changed.

        Each closed file it touches is written anew and the index row pointed
        at the new one; the old file is kept under ``replaced/`` after the save.
        """
        changed = 0
        index = tables.setdefault(INDEX, {})
        for row_id, entry in sorted(index.items(), key=lambda item: int(item[0])):
            if not isinstance(entry, dict) or entry.get("table") != table \
                    or (learner is not None and not _whole((entry.get("learners") or {}).get(learner))):
                continue
            rows, kept, touched = self.read(entry), {}, 0
            for key, row in rows.items():
                if learner is not None and row.get("learner") != learner:
                    kept[key] = row
                    continue
                new = change(row)
                if new is not row:
                    touched += 1
                if new is not None:
                    kept[key] = new
            if not touched:
                continue
            changed += touched
            self._retired.append((self.folder / str(entry["file"]), table == "attempts"))
            if kept:
                index[row_id] = self._close(tables, table, kept)
            else:
                del index[row_id]
        if changed:
            self._changed()
        return changed

    def retally(self, tables: Tables, learner: str) -> None:
        """Count the learner's records in the index again (a trainer's grade of a closed-away answer changed).

        Each index row is replaced, never changed in place: the live file reuses the saved text of rows it
        has not been handed anew (see ``storage.ROW_PER_LINE``).
        """
        index = tables.get(INDEX) or {}
        for key, entry in list(index.items()):
            if isinstance(entry, dict) and entry.get("table") == "attempts" \
                    and _whole((entry.get("learners") or {}).get(learner)):
                index[key] = {**entry, "tallies": _tallies_of(tables, self.read(entry))}
                self._changed()

    def saved(self) -> None:
        """The save naming this transaction's closed files succeeded: set the files it replaced aside."""
        self._written.clear()
        for path, keep in self._retired:
            for old in (path, spare_of(path)):
                try:
                    if keep and old == path:
                        (self.folder / REPLACED).mkdir(exist_ok=True)
                        os.replace(old, self.folder / REPLACED / old.name)
                    else:
                        os.unlink(old)
                except OSError:
                    pass
        self._retired.clear()

    def abandoned(self) -> None:
        """The save failed: the closed files made for it are named nowhere, so they go."""
        for path in self._written:
            for made in (path, spare_of(path)):
                try:
                    os.unlink(made)
                except OSError:
                    pass
            with self._lock:
                self._read.pop(path.name, None)
                self._by_id.pop(path.name, None)
        self._written.clear()
        self._retired.clear()

    def _close(self, tables: Tables, table: str, chunk: dict[str, Any]) -> dict[str, Any]:
        """Write ``chunk`` as a new closed file of ``table``; its index row."""
        times = [str(row.get(_WHEN_FIELD[table], "")) for row in chunk.values()]
        first, last = min(times), max(times)
        stamp = re.sub(r"[^0-9T]", "", first)[:15] if first else ""
        if not re.fullmatch(r"[0-9]{8}T[0-9]{6}", stamp):
            stamp = "00000000T000000"
        name = f"{table}-{stamp}-{os.urandom(4).hex()}.json"
        data = _ENCODER.encode({"table": table, "rows": chunk}).encode("utf-8")
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            fsync_folder(self.folder.parent)  # the new folder itself survives a crash
        path = self.folder / name
        self._written.append(path)
        write_atomically(path, data)
        try:
            write_spare(spare_of(path), data)
        except OSError:
            pass  # the closed file itself is saved; its spare only guards against damage from outside
        with self._lock:
            self._keep(name, chunk)
        learners: dict[str, int] = {}
        for row in chunk.values():
            key = str(row.get("learner", ""))
            learners[key] = learners.get(key, 0) + 1
        entry: dict[str, Any] = {"table": table, "file": name, "count": len(chunk), "first": first, "last": last,
                                 "sha256": hashlib.sha256(data).hexdigest(), "learners": learners}
        if table == "attempts":
            entry["tallies"] = _tallies_of(tables, chunk)
        return entry

    @staticmethod
    def _add_entry(tables: Tables, entry: dict[str, Any]) -> None:
        index = tables.setdefault(INDEX, {})
        next_id = max((int(key) for key in index if key.isdigit()), default=0) + 1
        index[str(next_id)] = entry


def _tallies_of(tables: Mapping[str, Any], rows: Mapping[str, Any]) -> dict[str, dict[str, list[Any]]]:
    """Each learner's record at each exercise over ``rows``, with the trainer's grades, packed for the index."""
    learners = {str(row.get("learner", "")) for row in rows.values()}
    source = {"attempts": rows, "trainer_feedback": tables.get("trainer_feedback", {})}
    return {learner: {exercise_id: [t.best, t.passed, t.attempts, t.seconds]
                      for exercise_id, t in tally_stored(source, learner).items()}
            for learner in learners}


def _tally_of(packed: Any) -> ExerciseTally | None:
    try:
        best, passed, attempts, seconds = packed
        return ExerciseTally(float(best), bool(passed), _whole(attempts), float(seconds))
    except (TypeError, ValueError):
        return None


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
