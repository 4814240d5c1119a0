"""The parsed course as plain JSON and back, building nothing but the course's own dataclasses.

Values are tagged so the course comes back exactly as it was parsed:
``{"$d": name, "f": [value, ...]}`` a dataclass from ``model``, its fields' values in their order, ``{"$t": [...]}`` a
tuple, ``{"$m": [[key, value], ...]}`` a mapping, ``{"$p": text}`` a path.
Anything else in the text (an unknown name, a missing field, a tag with the
wrong shape) makes the whole cache unusable, and the course is parsed again.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from . import model
from .model import Course

__all__ = ["CacheUnusable", "encode_course", "decode_course"]

_CLASSES: dict[str, type] = {
    name: getattr(model, name)
    for name in model.__all__
    if isinstance(getattr(model, name), type) and dataclasses.is_dataclass(getattr(model, name))
}
_FIELDS = {name: tuple(field.name for field in dataclasses.fields(cls)) for name, cls in _CLASSES.items()}
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class CacheUnusable(Exception):
    """The cache's text is not a course this listen wrote."""


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, tuple):
        return {"$t": [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return {"$p": str(value)}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        return {"$d": type(value).__name__,
                "f": [_plain(getattr(value, field)) for field in _FIELDS[type(value).__name__]]}
    if isinstance(value, dict) or hasattr(value, "items"):
        return {"$m": [[_plain(key), _plain(item)] for key, item in value.items()]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def encode_course(course: Course) -> bytes:
    """The course as JSON bytes (TypeError if it holds something the cache cannot carry)."""
    return _ENCODER.encode(_plain(course)).encode("utf-8")


def _built(tagged: dict[str, Any]) -> Any:
    """The value a tagged JSON object stands for (json's object_hook)."""
    if len(tagged) == 1:
        (tag, value), = tagged.items()
        if tag == "$t" and isinstance(value, list):
            return tuple(value)
        if tag == "$p" and isinstance(value, str):
            return Path(value)
        if tag == "$m" and isinstance(value, list):
            if not all(isinstance(pair, list) and len(pair) == 2 for pair in value):
                raise CacheUnusable("a mapping that is not pairs")
            try:
                return {key: item for key, item in value}
            except TypeError:
                raise CacheUnusable("a mapping key that cannot be one") from None
    if tagged.keys() == {"$d", "f"}:
        name, values = tagged["$d"], tagged["f"]
        if not isinstance(name, str) or name not in _CLASSES or not isinstance(values, list):
            raise CacheUnusable(f"an unknown record {name!r}")
        if len(values) != len(_FIELDS[name]):  # every field, in order: the record of this listen's model
            raise CacheUnusable(f"fields of {name} that are not its own")
        return _CLASSES[name](*values)
    raise CacheUnusable("an object without a known tag")


def decode_course(data: bytes) -> Course:
    """The course in ``data`` (CacheUnusable unless it is exactly a cached course)."""
    try:
        course = json.loads(data.decode("utf-8"), object_hook=_built)
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError covers JSON errors and huge numbers
        raise CacheUnusable("not JSON") from None
    if not isinstance(course, Course):
        raise CacheUnusable("not a course")
    return course
