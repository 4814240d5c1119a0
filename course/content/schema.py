"""Content files checked against the written JSON Schemas in ``schema/``.

jsonschema-rs finds the faults (the one schema engine of listen, also used for
trainer files); this module says them in plain words and points at the line
they sit on.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .kinds import EXERCISE_KINDS
from .yamlfile import line_of

__all__ = ["schema_faults", "schema_of"]

SCHEMA_DIR = Path(__file__).with_name("schema")


def _with_kinds(schema: dict[str, Any]) -> dict[str, Any]:
    """The exercise schema with the kinds of ``course.content.kinds``: their names, and each one's part."""
    schema["properties"]["kind"] = {"enum": [kind.name for kind in EXERCISE_KINDS]}
    schema["allOf"] = [
        {"if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]},
         "then": {"$ref": f"#/$defs/kinds/{kind.schema}"}}
        for kind in EXERCISE_KINDS
    ]
    return schema


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema ``name`` (``exercise``, ``lesson``, ``module``) as content is checked against it."""
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return _with_kinds(schema) if name == "exercise" else schema


@cache
def _validator(name: str) -> Any:
    import jsonschema_rs  # imported late: only needed when content is parsed, not when it is cached

    return jsonschema_rs.validator_for(schema_of(name))


@dataclass(frozen=True)
class _Fault:
    """One schema error, with the keyword that failed and the part of the schema it sits in."""

    validator: str
    """The keyword that failed (``required``, ``enum``, ``type``...)."""
    validator_value: Any
    """The keyword's value in the schema."""
    schema: Any
    """The schema object holding the keyword (for the known fields of ``additionalProperties``)."""
    instance: Any
    """The value that broke it."""
    absolute_path: tuple[Any, ...]
    """Where the value sits in the content file."""
    message: str
    """The engine's own message, for the rare keywords said in its words."""
    detail: dict[str, Any]
    """What the engine adds for this kind of fault (the missing property, the unexpected fields)."""


def _walk(schema: Any, steps: list[Any]) -> Any:
    for step in steps:
        schema = schema[step]
    return schema


def _faults(name: str, data: Any) -> list[_Fault]:
    schema = schema_of(name)
    faults = []
    for error in _validator(name).iter_errors(_plain(data)):
        path = list(error.schema_path)
        keyword = str(path[-1]) if path else error.kind.name
        detail = {key: value for key, value in error.kind.as_dict().items() if key != "context"}
        if len(path) >= 2 and path[-2] == "dependentRequired":
            keyword, detail["because"] = "dependentRequired", path[-1]
        faults.append(_Fault(
            validator=keyword,
            validator_value=_walk(schema, path) if path else None,
            schema=_walk(schema, path[:-1]) if path else schema,
            instance=error.instance,
            absolute_path=tuple(error.instance_path),
            message=error.message,
            detail=detail,
        ))
    return sorted(faults, key=lambda fault: list(map(str, fault.absolute_path)))


def _plain(data: Any) -> Any:
    """The content as plain JSON values: text the YAML reader marked with its line is handed over as text."""
    if isinstance(data, dict):
        return {str(key): _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    if isinstance(data, str) and type(data) is not str:
        return str(data)
    return data


def schema_faults(name: str, data: Any) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` for each way ``data`` breaks schema ``name``."""
    seen: set[tuple[int, str]] = set()
    errors = _faults(name, data)
    for error in errors:
        for leaf in _leaves(error):
            path = list(leaf.absolute_path)
            if leaf.validator == "additionalProperties":
                faults = [(line_of(data, *path, extra), _unknown(leaf, path, extra)) for extra in _extras(leaf)]
            else:
                faults = [(line_of(data, *path), _say(leaf, path))]
            for fault in faults:
                if fault not in seen:
                    seen.add(fault)
                    yield fault


def _leaves(error: _Fault) -> Iterator[_Fault]:
    """The errors to say: the engine already reports the specific fault inside an ``if/then``."""
    yield error


def _where(path: list[Any]) -> str:
    if not path:
        return ""
    parts: list[str] = []
    for step in path:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if parts else str(step)))
    return "".join(parts) + ": "


def _extras(error: _Fault) -> list[Any]:
    unexpected = error.detail.get("unexpected")
    if unexpected is not None:
        return list(unexpected)
    known = error.schema.get("properties", {})
    return [key for key in error.instance if key not in known]


def _unknown(error: _Fault, path: list[Any], extra: Any) -> str:
    known = sorted(error.schema.get("properties", {}))
    close = difflib.get_close_matches(str(extra), known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
    return f"{_where(path)}unknown field '{extra}'{hint}"


def _say(error: _Fault, path: list[Any]) -> str:
    where = _where(path)
    kind = error.validator
    if kind == "required":
        missing = error.detail.get("property", error.message)
        return f"{where}missing field '{missing}'"
    if kind == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}'{error.instance}' is not one of: {allowed}"
    if kind == "const":
        return f"{where}must be '{error.validator_value}'"
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        names = {"string": "text", "array": "a list", "object": "a mapping (key: value)",
                 "integer": "a whole number", "number": "a number", "boolean": "true or false"}
        wanted_words = " or ".join(names.get(part, part) for part in str(wanted).split(" or "))
        return (
            f"{where}should be {wanted_words}, not "
            f"{type(error.instance).__name__.replace('Located', '').lower() or 'that'}"
        )
    if kind in ("minLength", "pattern") and isinstance(error.instance, str):
        if not error.instance.strip():
            return f"{where}is empty"
        return (
            f"{where}'{error.instance}' is not a valid name (lower-case words joined by '-', module prefix "
            f"before a '.')"
        )
    if kind == "minItems":
        return f"{where}needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}"
    if kind == "minProperties":
        return f"{where}needs at least {error.validator_value} entry"
    if kind in ("minimum", "maximum", "exclusiveMinimum"):
        sign = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than"}[kind]
        return f"{where}should be {sign} {error.validator_value}, not {error.instance}"
    if kind == "uniqueItems":
        return f"{where}lists the same entry twice"
    if kind == "oneOf":
        return f"{where}should be a phrase or a list of alternative phrases"
    if kind == "dependentRequired":
        needed, because = error.detail.get("property", "?"), error.detail.get("because", "?")
        return f"{where}missing field '{needed}' (it is needed with '{because}')"
    return f"{where}{error.message}"
