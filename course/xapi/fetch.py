"""Reading learning records back from a Learning Record Store, for the trainer's report.

``fetch_records`` pages through the LRS's answers (its ``more`` links) and
turns each statement into a plain ``LearningRecord``: who, what they did to
which exercise, lesson or module, the score and success, and when.
Statements that are not listen's are kept too, with their activity IRI as id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping

from .client import CredentialsRefused, EndpointWrong, LrsClient, LrsUnreachable
from .vocabulary import CRITERIA, VERB_NAMES, activity_of

__all__ = ["LearningRecord", "fetch_records", "fetch_statements", "record_of", "PAGE_SIZE"]

PAGE_SIZE = 500
"""Statements asked for per request."""


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


def _learner(actor: Mapping[str, Any]) -> tuple[str, str]:
    account = actor.get("account")
    if isinstance(account, Mapping):
        return str(account.get("name", "")), str(account.get("homePage", ""))
    return str(actor.get("name") or actor.get("mbox") or actor.get("openid") or actor.get("mbox_sha1sum") or ""), ""


def _module(statement: Mapping[str, Any]) -> str:
    activities = (statement.get("context") or {}).get("contextActivities") or {}
    for key in ("parent", "grouping"):
        entries = activities.get(key) or []
        for entry in entries if isinstance(entries, list) else [entries]:
            kind, target = activity_of(str(entry.get("id", ""))) if isinstance(entry, Mapping) else ("", "")
            if kind == "module":
                return target
    return ""


def record_of(statement: Mapping[str, Any]) -> LearningRecord:
    """The plain record of one statement."""
    learner, home_page = _learner(statement.get("actor") or {})
    verb_iri = str((statement.get("verb") or {}).get("id", ""))
    target = statement.get("object") or {}
    kind, target_id = activity_of(str(target.get("id", "")))
    result = statement.get("result") or {}
    scaled = (result.get("score") or {}).get("scaled")
    success = result.get("success")
    criteria = (result.get("extensions") or {}).get(CRITERIA) or []
    return LearningRecord(
        learner=learner,
        verb=VERB_NAMES.get(verb_iri, verb_iri),
        kind=kind,
        target=target_id,
        timestamp=str(statement.get("timestamp", "")),
        statement_id=str(statement.get("id", "")),
        score=float(scaled) if isinstance(scaled, (int, float)) and not isinstance(scaled, bool) else None,
        success=success if isinstance(success, bool) else None,
        response=result.get("response") if isinstance(result.get("response"), str) else None,
        home_page=home_page,
        module=target_id if kind == "module" else _module(statement),
        criteria={str(c.get("id")): bool(c.get("met")) for c in criteria if isinstance(c, Mapping) and "id" in c},
    )


def fetch_statements(client: LrsClient, *, learner: str | None = None, home_page: str | None = None,
                     since: str | None = None, limit: int | None = None,
                     page_size: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
    """The LRS's statements, oldest first, following ``more`` until done or ``limit`` are read.

    ``learner`` (with the organisation's ``home_page``) keeps one learner's;
    ``since`` (ISO-8601) keeps those stored after it. Raises
    client.CredentialsRefused, EndpointWrong or LrsUnreachable.
    """
    params = {"ascending": "true", "limit": str(max(1, min(page_size, limit or page_size)))}
    if learner is not None:
        if not home_page:
            raise ValueError("a learner is named by their name and the organisation's home page")
        params["agent"] = json.dumps({"objectType": "Agent", "account": {"homePage": home_page, "name": learner}})
    if since:
        params["since"] = since
    more: str | None = None
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
        page = answer.body.get("statements") or []
        for statement in page:
            if limit is not None and count >= limit:
                return
            if isinstance(statement, dict):
                count += 1
                yield statement
        more = answer.body.get("more") or None
        if not more or not page:
            return


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
