"""The progress file on disk: a TinyDB storage that saves atomically and durably.

TinyDB's own JSONStorage rewrites the file in place (a crash leaves it
unreadable) and re-reads it for every query. This storage keeps the tables in
memory, and a save writes a temporary file next to the real one, flushes and
fsyncs it, renames it over the real one and fsyncs the folder: after a crash
the file is either the old version or the new one, never half of each.

The file stays plain JSON that TinyDB itself can read, laid out so that saving
a big store is cheap: the ``meta`` table comes first and carries a fresh
``stamp`` on every save (so another process can tell in a few bytes whether
the file changed), and each attempt sits on its own line, so the text of
attempts already saved is reused instead of serialised again.
"""

from __future__ import annotations

import json
import operator
import os
import stat as stat_module
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from course.plainfile import NotAFile, open_plain_file

from .errors import StoreError, TextNotSavable

__all__ = [
    "Damaged", "Loaded", "ProgressStorage", "TooLong", "load", "open_progress_file", "parse", "signature", "read_stamp",
    "spare_of", "write_atomically",
]

ROW_PER_LINE = frozenset({"attempts", "outbox", "archive"})
"""Tables whose rows are only ever added or removed, never changed in place.

Their rows' saved text is reused by identity, which is only sound because
nothing updates them (the archive's index rows are replaced whole, never
changed); a table whose rows change must not be listed here.
"""

META = "meta"
META_ROW = "1"
_HEAD = b'{"meta":{"1":{"stamp":"'
_STAMP_LENGTH = 16
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


BOM = b"\xef\xbb\xbf"
"""A UTF-8 byte order mark, which some editors put at the start of a file they save."""

NUMBER_DIGITS = 30
"""Longer whole numbers are kept as ``TooLong``: nothing listen stores needs more digits."""


class Damaged(Exception):
    """The progress file cannot be read as a store; the message says how it is damaged."""


class TooLong:
    """A whole number in the file too long to be one listen wrote; the row checks refuse it."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits
        """How many digits it had."""

    def __repr__(self) -> str:
        return f"a {self.digits}-digit number"


def _number(text: str) -> int | TooLong:
    return TooLong(len(text)) if len(text) > NUMBER_DIGITS else int(text)


class _RepeatedKey(ValueError):
    """The same key twice in one object: one of the two would be silently dropped."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    built = dict(pairs)
    if len(built) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _RepeatedKey(repeated)
    return built


def _not_json(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_int=_number, parse_constant=_not_json)


@dataclass
class Loaded:
    """A progress file read from disk."""

    data: dict[str, dict[str, Any]]
    """The tables, by name; each maps a row id (text) to the row."""
    raw: bytes
    """The file's bytes, kept to reuse the saved text of its rows."""
    signature: tuple[int, ...]
    """Identity of the file read (see ``signature``)."""
    stamp: str | None
    """The stamp of the save that wrote it, if it has one."""


def signature(stat: os.stat_result) -> tuple[int, ...]:
    """What changes whenever the file is replaced or rewritten."""
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def read_stamp(head: bytes) -> str | None:
    """The save stamp at the start of a file written by this storage, or None."""
    if head.startswith(_HEAD):
        end = len(_HEAD) + _STAMP_LENGTH
        if head[end : end + 1] == b'"':
            return head[len(_HEAD) : end].decode("ascii", "replace")
    return None


def parse(raw: bytes) -> dict[str, dict[str, Any]]:
    """The tables in a progress file's bytes; Damaged if they are not a readable store."""
    if not raw.strip():
        raise Damaged("it is empty" if raw else "it is zero bytes long")
    if b"\x00" in raw:
        raise Damaged("it contains blocks of zero bytes, as after a crash")
    try:
        text = raw[len(BOM):] if raw.startswith(BOM) else raw
        data = _DECODER.decode(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise Damaged("it is not text") from None
    except json.JSONDecodeError as error:
        raise Damaged(f"it stops making sense at line {error.lineno}") from None
    except _RepeatedKey as error:
        raise Damaged(f"it holds {str(error)[:40]!r} twice in one place, so part of it would be lost") from None
    except ValueError as error:
        raise Damaged(f"it holds something that is not JSON ({str(error)[:60]})") from None
    except RecursionError:
        raise Damaged("it is nested far too deeply") from None
    if not isinstance(data, dict):
        raise Damaged("it does not hold tables")
    return data  # its tables and rows are checked by ``row_checks``


def open_progress_file(path: Path) -> Any:
    """The progress file open for reading; StoreError if it is a pipe, device or folder (reading one would hang)."""
    try:
        return open_plain_file(path)
    except NotAFile as error:
        raise StoreError(f"listen cannot use {path} as your progress file: {error.strerror}. "
                         "Move it away and start listen again.") from None


def load(path: Path) -> Loaded:
    """Read and check the progress file (FileNotFoundError if missing, Damaged if unreadable)."""
    with open_progress_file(path) as file:
        stat = os.fstat(file.fileno())
        raw = file.read()
    data = parse(raw)
    return Loaded(data=data, raw=raw, signature=signature(stat), stamp=read_stamp(raw[:64]))


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (os.write may write only part)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path(path: Path) -> Path:
    """A fresh temporary file name next to ``path``; ``is_temp`` recognises it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def is_temp(name: str, of: str) -> bool:
    """Whether ``name`` is a temporary file left by a save of the file called ``of``."""
    return name.startswith(f".{of}.") and name.endswith(".tmp")


def _replace(temp: Path, path: Path) -> None:
    """os.replace, retried briefly on Windows, where a reader holding the file open blocks it."""
    for wait in (0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if os.name != "nt":
                raise
            time.sleep(wait)
    os.replace(temp, path)


def spare_of(path: Path) -> Path:
    """The spare copy of the last save, kept beside the progress file (see ``ProgressStorage.save``)."""
    return path.with_name(path.name + ".spare")


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> os.stat_result:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new file; the new file's stat.

    A symbolic link is written through: its target is replaced and the link
    kept, so a learner who keeps progress elsewhere (a synced folder) keeps it
    there. ``durable=False`` skips the fsyncs, for copies that only guard
    against damage from outside, never against a crash.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    temp = temp_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        _replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    if durable:
        fsync_folder(path.parent)
    return os.stat(path)  # after the rename: a rename changes the file's ctime


def write_spare(path: Path, data: bytes) -> None:
    """Rewrite the spare copy in place: no rename and no fsync, so it costs one write.

    Replacing it by rename would make the file system flush it at once (ext4
    does so for a file renamed over another), doubling the cost of a save.
    A spare a crash left half-written is simply not used: it is checked like
    any progress file. Never follows a link and never opens anything but a
    plain file, so a link planted in its place cannot redirect the write.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o666)
    try:
        if not stat_module.S_ISREG(os.fstat(fd).st_mode):
            return
        write_all(fd, data)
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


@dataclass
class _Block:
    """A row-per-line table as last saved, to reuse at the next save."""

    ids: list[str]
    """Row ids, in order."""
    rows: list[dict[str, Any]]
    """The row objects saved, in the same order."""
    text: bytearray
    """Their lines joined by ``,\\n``; grows in place as rows are added."""


class ProgressStorage(Storage):
    """A TinyDB storage over the in-memory tables; ``save`` puts them on disk.

    TinyDB calls ``write`` after every change. Here that only marks the tables
    as changed: the owner saves once at the end of its transaction, under the
    file lock, so a change that touches several tables is all or nothing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        """The progress file."""
        self.data: dict[str, dict[str, Any]] = {}
        """The tables as last read or changed."""
        self.changed = False
        """Whether the tables changed since the last save."""
        self.writable = False
        """Set while the owner holds the lock in a transaction; changes outside one are a mistake."""
        self._raw: bytes | None = None
        self._loaded: dict[str, dict[str, Any]] = {}
        self._blocks: dict[str, _Block] = {}

    def read(self) -> dict[str, dict[str, Any]]:
        """The tables (TinyDB reads them for every query)."""
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Note TinyDB's change; it reaches the disk on ``save``."""
        if not self.writable:
            raise RuntimeError("progress can only change inside a ProgressFile transaction")
        self.data = data
        self.changed = True

    def mark_changed(self) -> None:
        """Note a change made to the tables directly (the archive moving rows), to be saved like TinyDB's."""
        self.write(self.data)

    def replace_data(self, data: dict[str, dict[str, Any]], raw: bytes | None = None) -> None:
        """Take tables read from disk (or made fresh); ``raw`` is the file they came from."""
        self.data = data
        self.changed = False
        self._raw = raw
        # The rows as parsed, to pair with their saved lines at the first save.
        self._loaded = {name: dict(data[name]) for name in ROW_PER_LINE if raw is not None and name in data}
        self._blocks.clear()

    def forget_rows(self) -> None:
        """Serialise every row afresh at the next save: call after changing rows in place."""
        self._raw = None
        self._loaded.clear()
        self._blocks.clear()

    def save(self, stamp: str) -> os.stat_result:
        """Write the tables to the file atomically and durably, with a new stamp; the file's stat.

        Unsavable text (half of a surrogate pair, which UTF-8 cannot hold) is TextNotSavable, before anything
        is written.
        """
        try:
            encoded = self.encode(stamp)
        except UnicodeEncodeError:
            self.forget_rows()
            raise TextNotSavable() from None
        self._raw = None  # every row-per-line table now has its block
        self._loaded.clear()
        stat = write_atomically(self.path, encoded)
        self.changed = False
        # The same bytes again beside it: a file overwritten, cut short or deleted from outside
        # then loses nothing acknowledged. Not fsync'd: a crash is what the rename above guards
        # against, and a spare a crash left stale is still a good, older state.
        try:
            write_spare(spare_of(self.path), encoded)
        except OSError:
            pass  # the save itself succeeded; the next one writes the spare again
        return stat

    def encode(self, stamp: str) -> bytes:
        """The file's bytes for the current tables, reusing the text of rows saved before."""
        meta = self.data.setdefault(META, {})
        row = {"stamp": stamp}
        row.update((key, value) for key, value in meta.get(META_ROW, {}).items() if key != "stamp")
        meta[META_ROW] = row
        parts: list[bytes | bytearray] = [b"{", _text(META), b":", _text(meta)]
        for name, table in self.data.items():
            if name == META:
                continue
            parts += (b",\n", _text(name), b":")
            if name in ROW_PER_LINE and table:
                parts += (b"{\n", self._rows_text(name, table), b"\n}")
            else:
                parts.append(_text(table))
        parts.append(b"\n}\n")
        return b"".join(parts)  # one copy of the whole file, however big

    def _rows_text(self, name: str, table: dict[str, Any]) -> bytearray:
        """The rows of a row-per-line table, one per line, joined by ``,\\n``.

        Usually the table is what was saved last plus rows added at the end:
        then only the new rows are serialised. Otherwise each row's saved line
        is reused when it is the very same row object.
        """
        ids, rows = list(table), list(table.values())
        block = self._blocks.get(name) or self._saved_block(name)
        if block is not None:
            kept = len(block.ids)
            if len(ids) >= kept and ids[:kept] == block.ids and all(map(operator.is_, rows[:kept], block.rows)):
                if len(ids) > kept:
                    block.text += b",\n" + b",\n".join(map(_line, ids[kept:], rows[kept:]))
                    block.ids, block.rows = ids, rows
                self._blocks[name] = block  # kept: the block read from the file is reused at the next save too
                return block.text
            lines = bytes(block.text).split(b",\n")  # rows never hold a raw newline: one line each
            known = {row_id: (row, line) for row_id, row, line in zip(block.ids, block.rows, lines, strict=False)}
        else:
            known = {}
        text = bytearray(
            b",\n".join(
                saved[1] if saved is not None and saved[0] is row else _line(row_id, row)
                for row_id, row in zip(ids, rows, strict=False)
                for saved in (known.get(row_id),)
            )
        )
        self._blocks[name] = _Block(ids, rows, text)
        return text

    def _saved_block(self, name: str) -> _Block | None:
        """Table ``name`` as the file read holds it: its rows as parsed, and their text.

        The whole file parsed, and JSON text never holds a raw newline, so the
        lines between ``"name":{`` and the next ``}`` line are exactly its rows,
        in order; a count that does not match (a repeated id, another layout)
        means we cannot tell, and the rows are serialised afresh.
        """
        raw, loaded, key = self._raw, self._loaded.get(name), b"\n" + _text(name) + b":{\n"
        start = raw.find(key) if raw is not None and loaded else -1
        if start < 0 or raw is None or loaded is None:
            return None
        start += len(key)
        end = raw.find(b"\n}", start)
        if end < 0 or raw.count(b",\n", start, end) + 1 != len(loaded):
            return None
        return _Block(list(loaded), list(loaded.values()), bytearray(raw[start:end]))


def _text(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def _line(row_id: str, row: dict[str, Any]) -> bytes:
    return _text(row_id) + b":" + _text(row)
