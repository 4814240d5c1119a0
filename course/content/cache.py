"""A ready-made copy of the parsed course, so the app starts fast.

Parsing YAML and Markdown and validating every file costs more than the
app's own start-up; the files rarely change. The cache is keyed by every
content file's path, size and modification time, and by listen's version,
so any edit is picked up. A cache that cannot be read or written is simply
ignored: it is never a reason to fail.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .files import content_files
from .model import Course

__all__ = ["load_course_cached"]

FORMAT = 1


def _fingerprint(root: Path) -> str:
    from .. import __version__

    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{root.resolve()}\n".encode())
    for path in content_files(root):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load_course_cached(root: Path, cache_dir: Path | None) -> Course:
    """Like ``load_course``, but reuses a parse of unchanged files (ContentError if broken)."""
    try:
        fingerprint = _fingerprint(root) if cache_dir is not None else None
    except OSError:
        fingerprint = None
    if cache_dir is not None and fingerprint is not None:
        cache_file = cache_dir / f"course-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.pickle"
        cached = _read(cache_file, fingerprint)
        if cached is not None:
            return cached
    from .loader import load_course  # only now: parsing needs YAML, Markdown and schemas

    course = load_course(root)
    if cache_dir is not None and fingerprint is not None:
        _store(cache_file, (fingerprint, course))
    return course


def _read(cache_file: Path, fingerprint: str) -> Course | None:
    """The cached course if it matches the files, else None."""
    try:
        with cache_file.open("rb") as handle:
            stored_fingerprint, course = pickle.load(handle)  # noqa: S301 - our own file in the learner's data dir
    except Exception:  # noqa: BLE001 - any unreadable cache just means "parse again"
        return None
    if stored_fingerprint == fingerprint and isinstance(course, Course):
        return course
    return None


def _store(cache_file: Path, value: object) -> None:
    """Write the cache atomically; any failure leaves no trace and no error."""
    temporary = None
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".course-", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache_file)
        temporary = None
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
