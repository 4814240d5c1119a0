"""Reading a trainer's or learner's JSON file without trusting it.

Every file that crosses from one machine to another goes through
``read_document``: a size limit checked before reading, strict JSON (no
duplicate keys, no NaN), a nesting limit, the ``format`` and
``schema_version`` a listen file declares, then its JSON Schema. Anything
wrong is a ``RejectedFile`` whose message says why in one line.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from course.plainfile import NotAFile, open_plain_file
from course.progress.storage import write_atomically

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "RejectedFile",
    "read_document",
    "parse_document",
    "write_document",
    "schema_of",
]

FORMATS = {
    "listen.assignment": "assignment",
    "listen.results": "results",
    "listen.feedback": "feedback",
}
"""Each file format listen reads, and the schema file that describes it."""

SCHEMA_VERSION = 1
"""The layout of the files this listen writes and reads."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest file read: a year of daily practice is well under 5 MB."""

MAX_DEPTH = 8
"""The deepest an answer nests (a choice answer is a list or an object of lists); deeper is not one."""

_SCHEMA_HOME = "https://listen.invalid/schema/"
_WHAT = {"assignment": "an assignment", "results": "a results bundle", "feedback": "a feedback file"}


class RejectedFile(Exception):
    """A file that cannot be used, and why, in words a trainer or learner can act on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = Path(path)
        """The file."""
        self.reason = reason
        """Why it was refused (one line)."""


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f'the key "{twice[:40]}" appears twice in one object')
    return document


def _depth(document: Any) -> int:
    """How deeply lists and objects nest (without recursion: the input is not trusted)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_text(value: Any) -> Any:
    """``value`` with each lone surrogate (``"\\ud800"`` in JSON, not a character) read as U+FFFD.

    No store, screen or schema check can take one; what the learner wrote around it is kept.
    """
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole_text(item) for item in value]
    if isinstance(value, dict):
        return {_whole_text(key): _whole_text(item) for key, item in value.items()}
    return value


def _schema_text(name: str) -> dict[str, Any]:
    text = resources.files("course.trainer").joinpath("schema").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``assignment``, ``results`` or ``feedback`` files."""
    return _schema_text(kind)


def _local_schema(uri: str) -> dict[str, Any]:
    """Schemas refer to each other by their ``$id``; only ours are ever looked up, never the network."""
    name = uri.split("#", 1)[0].rsplit("/", 1)[-1].removesuffix(".schema.json")
    if not uri.startswith(_SCHEMA_HOME) or name not in _WHAT:
        raise ValueError(f"unknown schema {uri}")
    return _schema_text(name)


@cache
def _validator(kind: str) -> Any:
    import jsonschema_rs  # the schema compiled once; a cohort's thousand bundles check in a tenth of a second

    return jsonschema_rs.validator_for(schema_of(kind), retriever=_local_schema)


def _printable(text: str) -> str:
    """A message quoting a hostile file, made safe for a terminal: no control characters, one line."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _schema_problem(error: Any) -> str:
    """``attempts[3].score: 2 is greater than the maximum of 1``."""
    where = ""
    for step in getattr(error, "instance_path", ()) or ():
        where += f"[{step}]" if isinstance(step, int) else (f".{step}" if where else str(step))
    message = str(getattr(error, "message", error))
    if len(message) > 120:  # it quotes the value first: keep its start and the reason at the end
        message = message[:40] + " … " + message[-75:]
    return _printable(f"{where}: {message}" if where else message)


def parse_document(path: Path | str, raw: bytes, wanted: Iterable[str] = tuple(FORMATS), *,
                   strict: bool = True) -> tuple[str, dict[str, Any]]:
    """The kind (``assignment``, ``results``, ``feedback``) and the checked document in ``raw``.

    Raises RejectedFile when it is not a sound listen file of one of the
    ``wanted`` formats. ``strict`` also refuses a key given twice in one
    object, which two programs could read differently: always so for a file
    whose contents go into the store. A report only reads (Python keeps the
    last value) and, without that check, reads a large cohort a fifth faster.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise RejectedFile(
            path, f"it is {len(raw) / 1_048_576:.0f} MB; a listen file is at most {MAX_FILE_BYTES // 1_048_576} MB"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RejectedFile(path, "it is not a listen file (not UTF-8 text)") from None
    try:
        if strict:
            document = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant)
        else:
            document = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise RejectedFile(path, "it nests lists or objects too deeply to be a listen file") from None
    except json.JSONDecodeError as error:
        raise RejectedFile(path, f"it is not JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except ValueError as error:
        raise RejectedFile(path, f"it is not valid JSON for listen ({error})") from None
    if not isinstance(document, dict):
        raise RejectedFile(path, "it is not a listen file (a JSON object was expected)")
    if _ESCAPED_SURROGATE.search(text):
        try:
            document = _whole_text(document)
        except RecursionError:
            raise RejectedFile(path, "it nests lists or objects too deeply to be a listen file") from None
    kind = FORMATS.get(document.get("format")) if isinstance(document.get("format"), str) else None
    if kind is None:
        raise RejectedFile(
            path, 'it is not a listen file (no "format": listen.assignment, listen.results or listen.feedback)'
        )
    wanted = tuple(wanted)
    if document["format"] not in wanted:
        allowed = " or ".join(_WHAT[FORMATS[name]] for name in wanted)
        raise RejectedFile(path, f"it is {_WHAT[kind]}, not {allowed}")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION
        why = "a newer listen: update listen to read it" if newer else "an unknown version"
        raise RejectedFile(
            path, f"it was written by {why} (schema_version {str(version)[:20]}, this listen reads {SCHEMA_VERSION})"
        )
    import jsonschema_rs

    try:
        _validator(kind).validate(document)
    except jsonschema_rs.ValidationError as error:
        raise RejectedFile(path, f"{_WHAT[kind]} with a problem: {_schema_problem(error)}") from None
    if kind == "results":  # the schema fixes every shape but an answer's (choice kinds answer with lists)
        for number, attempt in enumerate(document["attempts"]):
            if not isinstance(attempt["answer"], str) and _depth(attempt["answer"]) > MAX_DEPTH:
                raise RejectedFile(path, f"attempts[{number}].answer nests lists or objects too deeply")
    return kind, document


def read_document(path: Path | str, wanted: Iterable[str] = tuple(FORMATS), *,
                  strict: bool = True) -> tuple[str, dict[str, Any]]:
    """Read and check a listen file; its kind and document (RejectedFile if it cannot be used).

    ``strict``: see ``parse_document``.
    """
    path = Path(path)
    try:
        with open_plain_file(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:  # refused before reading a byte of it
                raise RejectedFile(
                    path, f"it is {size / 1_048_576:.0f} MB; a listen file is at most {MAX_FILE_BYTES // 1_048_576} MB"
                )
            raw = stream.read(MAX_FILE_BYTES + 1)  # a pipe or a growing file cannot slip past the limit
    except FileNotFoundError:
        raise RejectedFile(path, "no such file") from None
    except NotAFile as error:  # a pipe or device would keep listen waiting for ever
        raise RejectedFile(path, str(error.strerror)) from None
    except IsADirectoryError:
        raise RejectedFile(path, "it is a folder, not a file") from None
    except PermissionError:
        raise RejectedFile(path, "listen may not read it (permission denied)") from None
    except OSError as error:
        raise RejectedFile(path, f"it cannot be read ({error.strerror or error})") from None
    return parse_document(path, raw, wanted, strict=strict)


def write_document(path: Path | str, document: dict[str, Any]) -> Path:
    """Write a listen file (UTF-8, readable JSON) through a temporary file, so a reader never sees half of it.

    The file is meant for others (a trainer, a learner), so it is readable as any new file is (0644 under
    the usual umask), not private.
    """
    path = Path(path)
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    write_atomically(path, text.encode("utf-8"))
    return path
