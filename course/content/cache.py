"""A ready-made copy of the parsed course, so the app starts fast.

Parsing YAML and Markdown and validating every file costs more than the
app's own start-up; the files rarely change. The cache is keyed by every
content file's path, size and modification time, and by listen's version,
so any edit is picked up. A cache that cannot be read or written is simply
ignored: it is never a reason to fail.

The cache lives in the learner's data folder, which anyone who can write
there could change, so it is plain JSON, never code: its first line (the
fingerprint) is compared before the rest is parsed, and the rest may only
build the course's own dataclasses (see ``course_codec``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .course_codec import CacheUnusable, decode_course, encode_course
from .files import content_files
from .model import Course

__all__ = ["load_course_cached"]

FORMAT = 3
"""3: JSON, a record's fields by position (2 named them; 1 was a pickle, never read again)."""

LIMIT = 64 * 1024 * 1024
"""A cache bigger than this is not ours: it is ignored unread."""


def _fingerprint(root: Path) -> str:
    from .. import __version__

    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{root.resolve()}\n".encode())
    for path in content_files(root):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_file_for(root: Path, cache_dir: Path) -> Path:
    """Where the cache of the course at ``root`` lives."""
    return cache_dir / f"course-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.json"


def load_course_cached(root: Path, cache_dir: Path | None) -> Course:
    """Like ``load_course``, but reuses a parse of unchanged files (ContentError if broken)."""
    try:
        fingerprint = _fingerprint(root) if cache_dir is not None else None
    except OSError:
        fingerprint = None
    if cache_dir is not None and fingerprint is not None:
        cache_file = cache_file_for(root, cache_dir)
        cached = _read(cache_file, fingerprint)
        if cached is not None:
            return cached
    from .loader import load_course  # only now: parsing needs YAML, Markdown and schemas

    course = load_course(root)
    if cache_dir is not None and fingerprint is not None:
        _store(cache_file, fingerprint, course)
    return course


def _read(cache_file: Path, fingerprint: str) -> Course | None:
    """The cached course if it matches the files and is sound, else None."""
    try:
        with cache_file.open("rb") as handle:
            if not cache_file.is_file() or os.fstat(handle.fileno()).st_size > LIMIT:
                return None
            first = handle.readline(200).rstrip(b"\n")
            if first != fingerprint.encode("ascii"):
                return None  # stale or not ours: the rest is never parsed
            body = handle.read()
        return decode_course(body)
    except (OSError, CacheUnusable):
        return None


def _store(cache_file: Path, fingerprint: str, course: Course) -> None:
    """Write the cache atomically; any failure leaves no trace and no error."""
    temporary = None
    try:
        data = fingerprint.encode("ascii") + b"\n" + encode_course(course)
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".course-", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, cache_file)
        temporary = None
    except (OSError, TypeError, ValueError):
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
