"""What a sound row of each table looks like, checked on every read of the progress file.

A file can parse and still hold rows no listen wrote: a score of "abc" or
71.36, a learner whose name is a number, an attempt without its exercise.
``check_tables`` keeps every sound row and names the others, so a bad row
costs that row, never the whole store (see ``ProgressFile``, which keeps the
original aside and tells the learner).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .promises import OUTCOMES
from .records import DECISIONS, LESSON_STATUSES, SCREENS
from .storage import META, META_ROW, TooLong

__all__ = ["Checked", "check_tables", "RULES", "sound_statement"]

Check = Callable[[Any], str | None]
"""A field's check: None when the value is sound, else what is wrong, in a few words."""

TEXT_LIMIT = 1_000_000
"""The longest text any field may hold (a very long answer is about 10,000 characters)."""

ANSWER_DEPTH = 6
"""How deeply an answer may nest (choice answers are lists, classify answers a mapping of lists)."""


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return "is not text"
    return "is far too long" if len(value) > TEXT_LIMIT else None


def _named(value: Any) -> str | None:
    problem = _text(value)
    if problem is None and not value.strip():
        return "is empty"
    return problem


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "is not true or false"


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "is not a number"
        if not math.isfinite(value) or not low <= value <= high:
            return f"{value!r} is not between {low:g} and {high:g}"
        return None
    return check


def _count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "is not a whole number"
    return None if 0 <= value <= 1_000_000 else f"{value!r} is out of range"


def _pid(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "is not a whole number"
    return None if 0 <= value < 2**31 else "is out of range"


def _one_of(values: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        return None if isinstance(value, str) and value in values else f"is not one of {', '.join(values)}"
    return check


def _optional(inner: Check) -> Check:
    def check(value: Any) -> str | None:
        return None if value is None else inner(value)
    return check


def _texts(value: Any) -> str | None:
    if not isinstance(value, list) or len(value) > 1000:
        return "is not a list of texts"
    return None if all(_text(item) is None for item in value) else "is not a list of texts"


def plain_value(value: Any, depth: int = ANSWER_DEPTH) -> str | None:
    """None when ``value`` is plain JSON data, finite, and at most ``depth`` levels deep."""
    if value is None or isinstance(value, (bool, int)):
        return None
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, float):
        return None if math.isfinite(value) else "holds a number that is not finite"
    if depth <= 0 and isinstance(value, (list, dict)):
        return "is nested too deeply"
    if isinstance(value, list):
        return next((problem for item in value if (problem := plain_value(item, depth - 1))), None)
    if isinstance(value, dict):
        return next((problem for item in value.values() if (problem := plain_value(item, depth - 1))), None)
    return "holds a number too long to be one" if isinstance(value, TooLong) else "is not plain data"


def _answer(value: Any) -> str | None:
    return plain_value(value)


_STRING = r'"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"'
_WEIGHT = r"(?:0|[1-9][0-9]{0,8})(?:\.[0-9]{1,17})?(?:[eE][-+]?[0-9]{1,2})?"
_OUTCOME = rf"\[{_STRING},(?:true|false),{_STRING},{_WEIGHT},{_STRING}\]"
PACKED_OUTCOMES = re.compile(rf"\[(?:{_OUTCOME}(?:,{_OUTCOME})*)?\]")
"""Outcomes exactly as listen packs them (compact JSON): matched in one pass, no parse needed."""


def _outcomes(value: Any) -> str | None:
    """Outcomes are kept packed as one JSON text of [criterion, met, severity, weight, skill] lists."""
    if value == "":
        return None
    problem = _text(value)
    if problem:
        return problem
    if PACKED_OUTCOMES.fullmatch(value):  # weights of at most two exponent digits are always finite
        return None
    return _outcomes_parsed(value)


def _outcomes_parsed(value: str) -> str | None:
    try:
        unpacked = json.loads(value, parse_int=_short_int, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return "is not readable"
    if not isinstance(unpacked, list):
        return "is not a list"
    for item in unpacked:
        if not (isinstance(item, list) and len(item) == 5 and isinstance(item[0], str) and isinstance(item[1], bool)
                and isinstance(item[2], str) and _number(0, 1e9)(item[3]) is None and isinstance(item[4], str)):
            return "holds an outcome that is not one"
    return None


def _short_int(text: str) -> int:
    if len(text) > 30:
        raise ValueError("a number too long")
    return int(text)


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a number")


def sound_statement(value: Any) -> str | None:
    """None when a queued statement is a JSON object (text, as the store keeps it) with an id."""
    if isinstance(value, str):
        if len(value) > TEXT_LIMIT:
            return "is far too long"
        try:
            value = json.loads(value, parse_int=_short_int, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            return "is not readable"
    if not isinstance(value, dict):
        return "is not a statement"
    if plain_value(value, depth=32) is not None:
        return "is not plain data"
    return None


def _statement_text(value: Any) -> str | None:
    """On every read, only the shape of a queued statement: parsing thousands would slow every start.

    Each one is parsed fully when the outbox is read for sending (``sound_statement``).
    """
    if isinstance(value, dict):
        return sound_statement(value)
    problem = _text(value)
    if problem:
        return problem
    return None if value.startswith("{") and value.endswith("}") else "is not a statement"


_WHEN = _text
_LEARNER = _named


def _promise_id(value: Any) -> str | None:
    """A promise's id names its follow-up exercise, so it is letters and digits only."""
    problem = _named(value)
    if problem is None and not (value.isascii() and value.isalnum() and len(value) <= 64):
        return "is not a promise's id"
    return problem

_SEGMENT_NAME = re.compile(r"^(attempts|outbox)-[0-9]{8}T[0-9]{6}-[0-9a-f]{8}\.json$")


def is_segment_name(name: str) -> bool:
    """Whether ``name`` is a closed archive file's name as listen makes them (nothing else is ever opened)."""
    return bool(_SEGMENT_NAME.match(name))


def _segment_file(value: Any) -> str | None:
    """A closed archive file's name."""
    return None if isinstance(value, str) and is_segment_name(value) else "is not the name of an archive file"


def _counts(value: Any) -> str | None:
    """Learners' names, each with a count."""
    if not isinstance(value, dict) or any(_named(key) or _count(number) for key, number in value.items()):
        return "is not a count for each learner"
    return None


RULES: Mapping[str, Mapping[str, tuple[Check, bool]]] = {
    # table: field: (check, required)
    META: {"schema_version": (_count, True), "last_learner": (_optional(_text), False), "stamp": (_text, False)},
    "learners": {"name": (_named, True), "created": (_WHEN, False), "last_seen": (_WHEN, False)},
    "lesson_state": {
        "learner": (_LEARNER, True), "lesson_id": (_named, True), "status": (_one_of(LESSON_STATUSES), False),
        "page": (_count, False), "scroll": (_number(0, 1e12), False), "updated": (_WHEN, False),
    },
    "attempts": {
        "learner": (_LEARNER, True), "id": (_text, False), "exercise_id": (_named, True), "at": (_WHEN, False),
        "score": (_number(0, 1), True), "passed": (_flag, True), "seconds": (_number(0, 1e9), False),
        "content_hash": (_text, False), "answer": (_answer, False), "outcomes": (_outcomes, False),
    },
    "drafts": {"learner": (_LEARNER, True), "exercise_id": (_named, True), "text": (_text, True),
               "updated": (_WHEN, False), "window": (_text, False)},
    "places": {
        "learner": (_LEARNER, True), "screen": (_one_of(SCREENS), False), "target": (_text, False),
        "page": (_count, False), "scroll": (_number(0, 1e12), False), "updated": (_WHEN, False),
    },
    "assignments": {
        "learner": (_LEARNER, True), "id": (_named, True), "modules": (_texts, False), "due": (_text, False),
        "pass_mark": (_number(0, 1), False), "message": (_text, False), "trainer": (_text, False),
        "created": (_WHEN, False), "imported": (_WHEN, False),
    },
    "trainer_feedback": {
        "learner": (_LEARNER, True), "attempt_id": (_named, True), "exercise_id": (_text, False),
        "trainer": (_text, False), "comment": (_text, False), "passed": (_optional(_flag), False),
        "score": (_optional(_number(0, 1)), False), "written": (_WHEN, False), "imported": (_WHEN, False),
        "decision": (_one_of(("", *DECISIONS)), False),
    },
    "contests": {
        "learner": (_LEARNER, True), "attempt_id": (_named, True), "exercise_id": (_text, False),
        "reason": (_text, True), "at": (_WHEN, False), "imported": (_WHEN, False),
    },
    "outbox": {"id": (_named, True), "learner": (_text, False), "queued": (_WHEN, False),
               "statement": (_statement_text, True)},
    "sessions": {"learner": (_LEARNER, True), "id": (_named, True), "started": (_WHEN, False),
                 "host": (_text, False), "pid": (_pid, False)},
    "results": {
        "learner": (_LEARNER, True), "kind": (_named, True), "target": (_text, True),
        "passed": (_optional(_flag), False), "score": (_optional(_number(0, 1)), False), "at": (_WHEN, False),
    },
    "archive": {
        "table": (_one_of(("attempts", "outbox")), True), "file": (_segment_file, True), "count": (_count, True),
        "first": (_WHEN, False), "last": (_WHEN, False), "sha256": (_text, True), "learners": (_counts, True),
    },
    "promises": {
        "learner": (_LEARNER, True), "id": (_promise_id, True), "exercise_id": (_named, True),
        "attempt_id": (_text, False), "customer": (_text, False), "channel": (_text, False), "words": (_named, True),
        "made": (_WHEN, True), "due": (_WHEN, True), "title": (_text, False), "context": (_text, False),
        "settled_by": (_text, False), "outcome": (_one_of(("", *OUTCOMES)), False), "settled": (_WHEN, False),
    },
}
"""Every table's fields. Fields not listed are kept as they are, if they are plain data."""

_WORDS = {
    META: "the store's own settings", "learners": "a learner", "lesson_state": "a lesson's progress",
    "attempts": "an answer", "drafts": "a draft", "places": "a resume point", "assignments": "an assignment",
    "trainer_feedback": "a trainer's note", "outbox": "a statement waiting to be sent", "sessions": "a session",
    "results": "a module or assignment result", "promises": "a promise to a customer",
    "contests": "a question about a grade", "archive": "an archive file's entry",
}


@dataclass
class Checked:
    """Tables with their unsound rows taken out, and what was taken out."""

    tables: dict[str, dict[str, Any]]
    """The sound rows, by table and row id."""
    dropped: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The rows taken out, by table and row id."""
    problems: list[str] = field(default_factory=list)
    """One line per row taken out, in the learner's words."""

    @property
    def sound(self) -> bool:
        """Whether every row was sound."""
        return not self.problems

    def summary(self, most: int = 3) -> str:
        """The problems in one sentence: the first few, and how many more."""
        shown = "; ".join(self.problems[:most])
        more = len(self.problems) - most
        return shown + (f"; and {more} more" if more > 0 else "")


_NUMBER_TYPES = (int, float)
_ATTEMPT_FIELDS = frozenset(RULES["attempts"])


def _plainly_sound_attempt(row: dict[str, Any]) -> bool:
    """The shape of nearly every stored attempt, checked in one go (the full rules explain any other)."""
    try:
        learner, exercise, score, seconds, answer = (
            row["learner"], row["exercise_id"], row["score"], row["seconds"], row["answer"])
        return (row.keys() == _ATTEMPT_FIELDS
                and type(learner) is str and 0 < len(learner) <= TEXT_LIMIT and not learner.isspace()
                and type(exercise) is str and 0 < len(exercise) <= TEXT_LIMIT and not exercise.isspace()
                and type(score) in _NUMBER_TYPES and 0 <= score <= 1
                and type(seconds) in _NUMBER_TYPES and 0 <= seconds <= 1e9
                and type(row["passed"]) is bool
                and type(row["id"]) is str and type(row["at"]) is str and type(row["content_hash"]) is str
                and len(row["id"]) + len(row["at"]) + len(row["content_hash"]) <= TEXT_LIMIT
                and type(answer) is str and len(answer) <= TEXT_LIMIT
                and _outcomes(row["outcomes"]) is None)
    except (KeyError, TypeError):
        return False


def row_problem(table: str, row_id: Any, row: Any) -> str | None:
    """What is wrong with one row, or None if it is sound."""
    if table == "attempts" and type(row) is dict and _plainly_sound_attempt(row) and type(row_id) is str \
            and row_id.isdigit() and row_id.isascii() and len(row_id) <= 18:
        return None
    if not isinstance(row_id, str) or not row_id.isdigit() or len(row_id) > 18 or not row_id.isascii():
        return "its number is not a row number"
    if not isinstance(row, dict):
        return "it is not a record"
    if table == META and row_id != META_ROW:
        return "it is not the settings row"
    rules = RULES.get(table, {})
    for name, (check, required) in rules.items():
        if name not in row:
            if required:
                return f"its {name.replace('_', ' ')} is missing"
            continue
        problem = check(row[name])
        if problem:
            return f"its {name.replace('_', ' ')} {problem}"
    for name, value in row.items():
        if name not in rules and plain_value(value, depth=32):
            return f"its {str(name)[:40]!r} is not plain data"
    return None


def check_tables(tables: Mapping[str, Any]) -> Checked:
    """Every table's sound rows, and what was wrong with the others."""
    checked = Checked(tables={})
    for name, table in tables.items():
        kept: dict[str, Any] = {}
        if not isinstance(name, str) or not isinstance(table, dict):
            checked.dropped[str(name)] = {"": table}
            checked.problems.append(f"the table {str(name)[:40]!r} (it is not a table of records)")
            if isinstance(name, str):
                checked.tables[name] = kept
            continue
        for row_id, row in table.items():
            problem = row_problem(name, row_id, row)
            if problem is None:
                kept[row_id] = row
            else:
                checked.dropped.setdefault(name, {})[row_id] = row
                checked.problems.append(f"{_WORDS.get(name, f'a row of {name!r}')} ({problem})")
        checked.tables[name] = kept
    return checked
