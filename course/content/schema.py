"""Content files checked against the written JSON Schemas in ``schema/``.

jsonschema finds the faults; this module says them in plain words and points
at the line they sit on.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
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
    import jsonschema  # imported late: only needed when content is parsed, not when it is cached

    return jsonschema.Draft202012Validator(schema_of(name))


def schema_faults(name: str, data: Any) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` for each way ``data`` breaks schema ``name``."""
    validator = _validator(name)
    seen: set[tuple[int, str]] = set()
    errors = sorted(validator.iter_errors(data), key=lambda error: list(map(str, error.absolute_path)))
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


def _leaves(error: Any) -> Iterator[Any]:
    """The most specific errors: an ``if/then`` or ``oneOf`` failure says little by itself."""
    if error.validator in ("allOf", "anyOf") and error.context:
        for child in error.context:
            yield from _leaves(child)
    elif error.validator == "oneOf" and error.context:
        yield error
    else:
        yield error


def _where(path: list[Any]) -> str:
    if not path:
        return ""
    parts: list[str] = []
    for step in path:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if parts else str(step)))
    return "".join(parts) + ": "


def _extras(error: Any) -> list[Any]:
    known = error.schema.get("properties", {})
    return [key for key in error.instance if key not in known]


def _unknown(error: Any, path: list[Any], extra: Any) -> str:
    known = sorted(error.schema.get("properties", {}))
    close = difflib.get_close_matches(str(extra), known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
    return f"{_where(path)}unknown field '{extra}'{hint}"


def _say(error: Any, path: list[Any]) -> str:
    where = _where(path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
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
        return f"{where}{error.message.replace('is a dependency of', 'is needed with')}"
    return f"{where}{error.message}"
