"""Rotating copies of the progress file, and a safe place for a damaged one."""

from __future__ import annotations

import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

from .storage import fsync_folder, write_atomically

__all__ = ["Backups", "keep_aside", "move_aside"]

KEEP = 10
"""How many routine backups to keep: the newest ones."""

KEEP_DELIBERATE = 50
"""How many backups taken before a reset, a delete or an update to keep: a learner may
need one weeks later, so routine backups never push them out."""

ROUTINE = "routine"

EVERY = 3600.0
"""While a learner works, a backup at most this often (seconds)."""

_NAME = re.compile(r"^progress-(\d{8}T\d{6}\.\d{6}Z)-([a-z0-9-]+)\.json$")


def _reason(path: Path) -> str:
    match = _NAME.match(path.name)
    return match.group(2) if match else ""


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40] or "backup"


class Backups:
    """The ``backups/`` folder beside the progress file, newest last by name."""

    def __init__(self, folder: Path, *, keep: int = KEEP, every: float = EVERY) -> None:
        self.folder = folder
        """Where backups live."""
        self.keep = keep
        """How many to keep."""
        self.every = every
        """Seconds between routine backups while writing."""

    def all(self) -> list[Path]:
        """Every backup, newest first."""
        try:
            names = [name for name in os.listdir(self.folder) if _NAME.match(name)]
        except OSError:
            return []
        return [self.folder / name for name in sorted(names, reverse=True)]

    def due(self) -> bool:
        """Whether the newest backup is older than ``every`` seconds (or there is none)."""
        newest = self.all()[:1]
        if not newest:
            return True
        try:
            return time.time() - newest[0].stat().st_mtime >= self.every
        except OSError:
            return True

    def save(self, source: Path, reason: str) -> Path:
        """Copy ``source`` into a new backup named for ``reason``; drop the oldest beyond ``keep``."""
        data = source.read_bytes()
        self.folder.mkdir(parents=True, exist_ok=True)
        moment = datetime.now(timezone.utc)
        target = self.folder / f"progress-{_stamp(moment)}-{_slug(reason)}.json"
        while target.exists():  # two backups in one microsecond: keep both
            moment = moment.replace(microsecond=(moment.microsecond + 1) % 1_000_000)
            target = self.folder / f"progress-{_stamp(moment)}-{_slug(reason)}.json"
        write_atomically(target, data)
        self.prune()
        return target

    def prune(self) -> None:
        """Remove all but the newest ``keep`` routine backups (and the newest KEEP_DELIBERATE others)."""
        routine = [path for path in self.all() if _reason(path) == ROUTINE]
        deliberate = [path for path in self.all() if _reason(path) != ROUTINE]
        for old in routine[self.keep :] + deliberate[max(self.keep, KEEP_DELIBERATE) :]:
            try:
                old.unlink()
            except OSError:
                pass

    @staticmethod
    def taken_at(backup: Path) -> str:
        """When a backup was made, in words for the learner (local time)."""
        match = _NAME.match(backup.name)
        if not match:
            return backup.name
        moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=timezone.utc)
        return moment.astimezone().strftime("%d %B %Y at %H:%M")


def _aside_name(path: Path) -> Path:
    base = f"{path.name}.damaged-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"
    target = path.with_name(base)
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{base}-{number}")
    return target


def move_aside(path: Path) -> Path:
    """Rename a damaged file to ``<name>.damaged-<time>`` without ever overwriting one.

    For a symbolic link, the file it points to is moved (the link is kept, and
    the repaired file is written through it).
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    target = _aside_name(path)
    os.rename(path, target)
    fsync_folder(path.parent)
    return target


def keep_aside(path: Path, data: bytes) -> Path:
    """Keep ``data`` (a file about to be repaired) at ``<name>.damaged-<time>``, never overwriting one."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    target = _aside_name(path)
    write_atomically(target, data)
    return target
