"""Reading learning records back from a Learning Record Store, for the trainer's report.

``fetch_records`` pages through the LRS's answers (its ``more`` links) and
turns each statement into a plain ``LearningRecord``: who, what they did to
which exercise, lesson or module, the score and success, and when.
Statements that are not listen's are kept too, with their activity IRI as id.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeGuard

from .client import CredentialsRefused, EndpointWrong, LrsClient, LrsUnreachable
from .vocabulary import CRITERIA, VERB_NAMES, activity_of

__all__ = [
    "LearningRecord",
    "fetch_records",
    "fetch_statements",
    "record_of",
    "statement_problem",
    "PAGE_SIZE",
    "MAX_PAGES",
]

PAGE_SIZE = 500
"""Statements asked for per request."""

MAX_PAGES = 2_000
"""``more`` links followed at most in one read (a million statements at the usual page size)."""


@dataclass(frozen=True)
class LearningRecord:
    """One statement, as a report needs it."""

    learner: str
    """The account name (or, for other actors, their name or mailbox)."""
    verb: str
    """``answered``, ``passed``, ``completed``... or the verb's IRI when it is not one of listen's."""
    kind: str
    """``exercise``, ``lesson``, ``module``, ``assignment``, ``course``, or "" for another activity."""
    target: str
    """The exercise, lesson, module or assignment id (the activity IRI for another activity)."""
    timestamp: str
    """When it happened (ISO-8601, as the LRS keeps it)."""
    statement_id: str
    """The statement's id."""
    score: float | None = None
    """The scaled score, 0 to 1, if the statement has one."""
    success: bool | None = None
    """Whether it was passed, if the statement says."""
    response: str | None = None
    """The learner's answer, for ``answered``."""
    home_page: str = ""
    """The account's home page (the organisation)."""
    module: str = ""
    """The module an exercise or lesson belongs to, when the statement names it."""
    criteria: Mapping[str, bool] = field(default_factory=dict)
    """For ``answered``: each rubric criterion id and whether it was met."""

    @property
    def exercise_id(self) -> str:
        """The exercise answered ("" when the record is not about an exercise)."""
        return self.target if self.kind == "exercise" else ""


def _part(value: Any, key: str) -> Mapping[str, Any]:
    """``value[key]`` when both are objects, else an empty one: an LRS's answer is not trusted to have a shape."""
    part = value.get(key) if isinstance(value, Mapping) else None
    return part if isinstance(part, Mapping) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def statement_problem(statement: Any) -> str | None:
    """What makes ``statement`` not an xAPI statement listen can read, or None when it is one.

    Checked: an object with an ``actor`` object, a ``verb`` with a text ``id``, an ``object``
    with a text ``id``, and a ``result`` (if any) whose ``score`` is an object with a finite
    ``scaled`` number from -1 to 1, ``success`` true or false, ``response`` text.
    """
    if not isinstance(statement, Mapping):
        return "a statement is not a JSON object"
    if not isinstance(statement.get("actor"), Mapping):
        return "a statement's actor is not an object"
    for key in ("verb", "object"):
        if not isinstance(statement.get(key), Mapping) or not isinstance(statement[key].get("id"), str):
            return f"a statement's {key} has no id"
    for key in ("id", "timestamp"):
        if key in statement and not isinstance(statement[key], str):
            return f"a statement's {key} is not text"
    if "result" not in statement:
        return None
    result = statement["result"]
    if not isinstance(result, Mapping):
        return "a statement's result is not an object"
    if "score" in result:
        score = result["score"]
        scaled = score.get("scaled") if isinstance(score, Mapping) else None
        if not isinstance(score, Mapping) or ("scaled" in score and not _a_scaled_score(scaled)):
            return "a statement's score is not an object with a scaled score from -1 to 1"
    if "success" in result and not isinstance(result["success"], bool):
        return "a statement's success is not true or false"
    if "response" in result and not isinstance(result["response"], str):
        return "a statement's response is not text"
    return None


def _a_scaled_score(value: Any) -> TypeGuard[float]:
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and -1 <= value <= 1)


def _learner(actor: Mapping[str, Any]) -> tuple[str, str]:
    account = actor.get("account")
    if isinstance(account, Mapping):
        return _text(account.get("name")), _text(account.get("homePage"))
    for key in ("name", "mbox", "openid", "mbox_sha1sum"):
        if isinstance(actor.get(key), str) and actor[key]:
            return actor[key], ""
    return "", ""


def _module(statement: Mapping[str, Any]) -> str:
    activities = _part(_part(statement, "context"), "contextActivities")
    for key in ("parent", "grouping"):
        entries = activities.get(key) or []
        for entry in entries if isinstance(entries, list) else [entries]:
            kind, target = activity_of(_text(entry.get("id"))) if isinstance(entry, Mapping) else ("", "")
            if kind == "module":
                return target
    return ""


def record_of(statement: Mapping[str, Any]) -> LearningRecord:
    """The plain record of one statement (anything of the wrong shape in it is read as absent)."""
    learner, home_page = _learner(_part(statement, "actor"))
    verb_iri = _text(_part(statement, "verb").get("id"))
    kind, target_id = activity_of(_text(_part(statement, "object").get("id")))
    result = _part(statement, "result")
    scaled = _part(result, "score").get("scaled")
    success = result.get("success")
    criteria = _part(result, "extensions").get(CRITERIA)
    criteria = criteria if isinstance(criteria, list) else []
    return LearningRecord(
        learner=learner,
        verb=VERB_NAMES.get(verb_iri, verb_iri),
        kind=kind,
        target=target_id,
        timestamp=_text(statement.get("timestamp")),
        statement_id=_text(statement.get("id")),
        score=float(scaled) if _a_scaled_score(scaled) else None,
        success=success if isinstance(success, bool) else None,
        response=result.get("response") if isinstance(result.get("response"), str) else None,
        home_page=home_page,
        module=target_id if kind == "module" else _module(statement),
        criteria={
            c["id"]: c.get("met") is True for c in criteria if isinstance(c, Mapping) and isinstance(c.get("id"), str)
        },
    )


def fetch_statements(client: LrsClient, *, learner: str | None = None, home_page: str | None = None,
                     since: str | None = None, limit: int | None = None, page_size: int = PAGE_SIZE,
                     on_warning: Callable[[str], None] | None = None) -> Iterator[dict[str, Any]]:
    """The LRS's statements, oldest first, following ``more`` until done or ``limit`` are read.

    ``learner`` (with the organisation's ``home_page``) keeps one learner's;
    ``since`` (ISO-8601) keeps those stored after it. Raises
    client.CredentialsRefused, EndpointWrong or LrsUnreachable. Statements not in
    xAPI's shape are left out; that, and paging stopped early (a ``more`` link
    seen before, or more than MAX_PAGES pages), is told to ``on_warning``.
    """
    warn = on_warning if on_warning is not None else (lambda _: None)
    left_out: dict[str, int] = {}
    try:
        yield from _pages(client, learner, home_page, since, limit, page_size, warn, left_out)
    finally:
        for problem, count in left_out.items():
            warn(f"{count} statement{'s' if count != 1 else ''} from the LRS left out: {problem}")


def _pages(client: LrsClient, learner: str | None, home_page: str | None, since: str | None,
           limit: int | None, page_size: int, warn: Callable[[str], None],
           left_out: dict[str, int]) -> Iterator[dict[str, Any]]:
    params = {"ascending": "true", "limit": str(max(1, min(page_size, limit or page_size)))}
    if learner is not None:
        if not home_page:
            raise ValueError("a learner is named by their name and the organisation's home page")
        params["agent"] = json.dumps({"objectType": "Agent", "account": {"homePage": home_page, "name": learner}})
    if since:
        params["since"] = since
    more: str | None = None
    followed: set[str] = set()
    count = 0
    while True:
        answer = client.get_statements(params) if more is None else client.get_statements(more=more)
        if answer.status in (401, 403):
            raise CredentialsRefused(f"the LRS refused these credentials ({answer.status} {answer.reason})")
        if answer.status == 429 or answer.status >= 500:
            raise LrsUnreachable(f"the LRS at {client.endpoint} answered {answer.status} {answer.reason}; "
                                 "try again later")
        if answer.status != 200 or not isinstance(answer.body, dict):
            raise EndpointWrong(f"the LRS at {client.endpoint} answered {answer.status} {answer.reason} "
                                "when asked for statements")
        page = answer.body.get("statements")
        next_page = answer.body.get("more")
        if not isinstance(page, list) or (next_page is not None and not isinstance(next_page, str)):
            raise EndpointWrong(f"the LRS at {client.endpoint} answered with something that is not a page of "
                                "xAPI statements (a list of statements and a more link)")
        for statement in page:
            if limit is not None and count >= limit:
                return
            problem = statement_problem(statement)
            if problem is not None:
                left_out[problem] = left_out.get(problem, 0) + 1
                continue
            count += 1
            yield statement
        more = next_page or None
        if not more or not page:
            return
        if more in followed:
            warn(f"the LRS at {client.endpoint} gave a next-page link it had given before; "
                 "reading stopped there, so statements after it may be missing")
            return
        if len(followed) >= MAX_PAGES:
            warn(f"the LRS at {client.endpoint} had more than {MAX_PAGES:,} pages of statements; "
                 "reading stopped there, so later statements are missing")
            return
        followed.add(more)


def _moment(record: LearningRecord) -> datetime:
    try:
        moment = datetime.fromisoformat(record.timestamp.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def fetch_records(client: LrsClient, **query: Any) -> list[LearningRecord]:
    """``fetch_statements`` (same arguments) as plain records, in the order they happened.

    An LRS orders by when it stored statements, and a batch is stored at one
    moment: the records are sorted by their own timestamps instead.
    """
    return sorted((record_of(statement) for statement in fetch_statements(client, **query)), key=_moment)
