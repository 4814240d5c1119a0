"""An in-process check of xAPI 1.0.3 statements against the rules of the spec that matter here.

Each rule is quoted loosely from the spec's "Statement Properties" section;
``problems(statement)`` lists every broken one, as ``path: what is wrong``.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
                  "version", "attachments"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
                     "likert", "numeric", "other"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


def is_iri(value: Any) -> bool:
    """An absolute IRI: a scheme, and something after it, no spaces."""
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme or "")) and bool(parts.netloc or parts.path)


def is_uuid(value: Any) -> bool:
    """A UUID in its canonical text form (8-4-4-4-12 hex), of the RFC 4122 variant."""
    if not isinstance(value, str) or not re.match(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$", value):
        return False
    return uuid.UUID(value).variant == uuid.RFC_4122


def _language_map(value: Any, path: str, out: list[str]) -> None:
    if not isinstance(value, dict) or not value:
        out.append(f"{path}: a language map must be a non-empty object")
        return
    for tag, text in value.items():
        if not LANGUAGE_TAG.match(tag):
            out.append(f"{path}: {tag!r} is not a language tag")
        if not isinstance(text, str):
            out.append(f"{path}.{tag}: must be a string")


def _extensions(value: Any, path: str, out: list[str]) -> None:
    if not isinstance(value, dict):
        out.append(f"{path}: extensions must be an object")
        return
    for key in value:
        if not is_iri(key):
            out.append(f"{path}: key {key!r} is not an IRI")


def _no_nulls(value: Any, path: str, out: list[str]) -> None:
    """Null is not a value xAPI allows for any property outside extensions."""
    if value is None:
        out.append(f"{path}: null is not allowed")
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key != "extensions":
                _no_nulls(inner, f"{path}.{key}", out)
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            _no_nulls(inner, f"{path}[{number}]", out)


def _actor(actor: Any, out: list[str]) -> None:
    if not isinstance(actor, dict):
        out.append("actor: must be an object")
        return
    if actor.get("objectType", "Agent") != "Agent":
        out.append("actor.objectType: must be Agent")
    identifiers = [key for key in ("mbox", "mbox_sha1sum", "openid", "account") if key in actor]
    if identifiers != ["account"]:
        out.append(f"actor: exactly one identifier, an account, expected; found {identifiers}")
        return
    account = actor["account"]
    if not isinstance(account, dict) or set(account) != {"homePage", "name"}:
        out.append("actor.account: must have exactly homePage and name")
        return
    home = urlsplit(account["homePage"]) if isinstance(account["homePage"], str) else None
    if home is None or home.scheme not in ("http", "https") or not home.netloc:
        out.append("actor.account.homePage: must be an IRL (an http(s) address)")
    if not isinstance(account["name"], str) or not account["name"]:
        out.append("actor.account.name: must be a non-empty string")


def _activity(activity: Any, path: str, out: list[str], *, definition_required: bool) -> None:
    if not isinstance(activity, dict):
        out.append(f"{path}: must be an object")
        return
    if activity.get("objectType", "Activity") != "Activity":
        out.append(f"{path}.objectType: must be Activity")
    if not is_iri(activity.get("id")):
        out.append(f"{path}.id: must be an IRI")
    definition = activity.get("definition")
    if definition is None:
        if definition_required:
            out.append(f"{path}.definition: listen's activities always carry a definition")
        return
    if not isinstance(definition, dict):
        out.append(f"{path}.definition: must be an object")
        return
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.definition.{key}", out)
    if "type" in definition and not is_iri(definition["type"]):
        out.append(f"{path}.definition.type: must be an IRI")
    if "interactionType" in definition and definition["interactionType"] not in INTERACTION_TYPES:
        out.append(f"{path}.definition.interactionType: {definition['interactionType']!r} is not one of the spec's")
    if definition.get("type") == "http://adlnet.gov/expapi/activities/cmi.interaction" and \
            "interactionType" not in definition:
        out.append(f"{path}.definition: a cmi.interaction needs an interactionType")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.definition.extensions", out)


def _result(result: Any, out: list[str]) -> None:
    if not isinstance(result, dict):
        out.append("result: must be an object")
        return
    score = result.get("score")
    if score is not None:
        if not isinstance(score, dict):
            out.append("result.score: must be an object")
        else:
            scaled, raw, low, high = (score.get(key) for key in ("scaled", "raw", "min", "max"))
            if scaled is not None and (isinstance(scaled, bool) or not -1 <= scaled <= 1):
                out.append(f"result.score.scaled: {scaled} is not between -1 and 1")
            if low is not None and high is not None and not low < high:
                out.append("result.score: min must be below max")
            if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
                out.append("result.score.raw: must lie between min and max")
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            out.append(f"result.{key}: must be true or false")
    if "response" in result and not isinstance(result["response"], str):
        out.append("result.response: must be a string")
    if "duration" in result and not (isinstance(result["duration"], str) and ISO_DURATION.match(result["duration"])):
        out.append(f"result.duration: {result['duration']!r} is not an ISO 8601 duration")
    if "extensions" in result:
        _extensions(result["extensions"], "result.extensions", out)


def _context(context: Any, statement: dict[str, Any], out: list[str]) -> None:
    if not isinstance(context, dict):
        out.append("context: must be an object")
        return
    if "registration" in context and not is_uuid(context["registration"]):
        out.append("context.registration: must be a UUID")
    if ("platform" in context or "revision" in context) and \
            statement.get("object", {}).get("objectType", "Activity") != "Activity":
        out.append("context: platform and revision only when the object is an Activity")
    for key in ("platform", "revision", "language"):
        if key in context and not isinstance(context[key], str):
            out.append(f"context.{key}: must be a string")
    if "language" in context and not LANGUAGE_TAG.match(context["language"]):
        out.append("context.language: must be a language tag")
    activities = context.get("contextActivities", {})
    if not isinstance(activities, dict) or not set(activities) <= CONTEXT_ACTIVITY_KEYS:
        out.append(f"context.contextActivities: keys must be among {sorted(CONTEXT_ACTIVITY_KEYS)}")
    else:
        for key, entries in activities.items():
            for number, entry in enumerate(entries if isinstance(entries, list) else [entries]):
                _activity(entry, f"context.contextActivities.{key}[{number}]", out, definition_required=False)
    if "extensions" in context:
        _extensions(context["extensions"], "context.extensions", out)


def problems(statement: Any) -> list[str]:
    """Every rule ``statement`` breaks (an empty list for a good one)."""
    out: list[str] = []
    if not isinstance(statement, dict):
        return ["statement: must be an object"]
    unknown = set(statement) - STATEMENT_KEYS
    if unknown:
        out.append(f"statement: unknown properties {sorted(unknown)}")
    for key in ("id", "timestamp", "actor", "verb", "object"):
        if key not in statement:
            out.append(f"{key}: listen always sets it")
    _no_nulls(statement, "statement", out)
    if "id" in statement and not is_uuid(statement["id"]):
        out.append("id: must be a UUID")
    if "timestamp" in statement:
        stamp = statement["timestamp"]
        if not isinstance(stamp, str) or not ISO_TIMESTAMP.match(stamp):
            out.append(f"timestamp: {stamp!r} is not ISO 8601 with a time zone")
        else:
            try:
                datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            except ValueError:
                out.append(f"timestamp: {stamp!r} is not a real moment")
    if "actor" in statement:
        _actor(statement["actor"], out)
    verb = statement.get("verb")
    if verb is not None:
        if not isinstance(verb, dict) or not is_iri(verb.get("id")):
            out.append("verb.id: must be an IRI")
        elif "display" not in verb:
            out.append("verb.display: listen always says the verb in words")
        else:
            _language_map(verb["display"], "verb.display", out)
    if "object" in statement:
        _activity(statement["object"], "object", out, definition_required=True)
    if "result" in statement:
        _result(statement["result"], out)
    if "context" in statement:
        _context(statement["context"], statement, out)
    if "version" in statement and not re.match(r"^1\.0(\.\d+)?$", str(statement["version"])):
        out.append("version: must be 1.0.x")
    return out
