"""xAPI 1.0.3 statements built from the store's learning events.

``Statements`` is the maker handed to ``ProgressStore``: the store calls it
inside the save that records the progress, and queues what it returns. It
never raises for missing data (an unknown exercise keeps its id as its name),
because a learner's saved work must not depend on the course or the config.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from course.progress.events import LearningEvent
from course.progress.promises import promise_id_of

from .config import DEFAULT_HOME_PAGE, load_config
from .vocabulary import (
    ACTIVITY_TYPES,
    CMI5_CATEGORY,
    CMI5_VERBS,
    CONTENT_HASH,
    CRITERIA,
    INTERACTION_TYPES,
    MOVEON_CATEGORY,
    SESSION_ID,
    VERBS,
    activity_id,
)

if TYPE_CHECKING:
    from course.content.model import Course

__all__ = ["Statements", "statement_maker", "build_statement", "registration", "iso_duration"]

LANGUAGE = "en"
"""The language of the course's titles."""

FOLLOW_UP_NAME = "Follow-up: a customer back about a promise"
"""The name of a follow-up exercise, which the course files do not hold (it is made from the learner's promise)."""


def registration(home_page: str, learner: str) -> str:
    """The learner's registration: one stable UUID per account, the same on every machine."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{home_page}#listen#{learner}"))


def iso_duration(seconds: float) -> str:
    """``seconds`` as an ISO 8601 duration (``PT1H2M3.5S``), to the hundredth of a second."""
    hundredths = round(max(0.0, float(seconds)) * 100)
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    whole, fraction = divmod(rest, 100)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if fraction:
        text += f"{whole}.{fraction:02d}".rstrip("0") + "S"
    elif whole or text == "PT":
        text += f"{whole}S"
    return text


class _Titles:
    """Names of the course's parts, and what holds what, when the course is known."""

    def __init__(self, course: Course | None) -> None:
        self.course = course

    def name(self, kind: str, target: str) -> str:
        if kind == "exercise" and promise_id_of(target) is not None and target not in self._exercises():
            return FOLLOW_UP_NAME
        try:
            if self.course is not None and kind == "exercise":
                return self.course.exercise(target).title
            if self.course is not None and kind == "lesson":
                return self.course.lesson(target).title
            if self.course is not None and kind == "module":
                return self.course.module(target).title
        except KeyError:
            pass
        return "listen" if kind == "course" else target

    def _exercises(self) -> Mapping[str, Any]:
        return self.course.exercises if self.course is not None else {}

    def exercise_kind(self, target: str) -> str:
        if promise_id_of(target) is not None and target not in self._exercises():
            return "reply"  # a customer's follow-up: a reply in the learner's own words
        try:
            return self.course.exercise(target).kind if self.course is not None else ""
        except KeyError:
            return ""

    def parents(self, kind: str, target: str) -> tuple[list[str], list[str]]:
        """The activity ids of (parent, grouping) for a statement about this."""
        course = activity_id("course")
        if kind == "course":
            return [], []
        if kind in ("module", "assignment"):
            return [course], []
        lesson = module = ""
        try:
            if self.course is not None and kind == "exercise":
                found = self.course.lesson_of(target)
                lesson, module = found.id, found.module_id
            elif self.course is not None and kind == "lesson":
                module = self.course.lesson(target).module_id
        except KeyError:
            pass
        if kind == "exercise" and lesson:
            return [activity_id("lesson", lesson)], ([activity_id("module", module)] if module else []) + [course]
        if module:
            return [activity_id("module", module)], [course]
        return [course], []


def _activity(kind: str, target: str, titles: _Titles) -> dict[str, Any]:
    definition: dict[str, Any] = {"name": {LANGUAGE: titles.name(kind, target)}, "type": ACTIVITY_TYPES[kind]}
    if kind == "exercise":
        definition["interactionType"] = INTERACTION_TYPES.get(titles.exercise_kind(target), "other")
    return {"objectType": "Activity", "id": activity_id(kind, target), "definition": definition}


def _score(value: float) -> dict[str, float]:
    value = round(min(1.0, max(0.0, float(value))), 4)
    return {"scaled": value, "raw": value, "min": 0, "max": 1}


def _response(answer: Any) -> str:
    if isinstance(answer, str):
        return answer
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))


def _result(event: LearningEvent) -> dict[str, Any] | None:
    if event.verb == "answered" and event.attempt is not None:
        attempt = event.attempt
        result: dict[str, Any] = {
            "response": _response(attempt.answer),
            "score": _score(attempt.score),
            "success": bool(attempt.passed),
            "completion": True,
            "duration": iso_duration(attempt.seconds),
        }
        extensions: dict[str, Any] = {}
        if attempt.outcomes:
            extensions[CRITERIA] = [
                {"id": o.criterion_id, "met": o.met, "severity": o.severity, "weight": o.weight, "skill": o.skill}
                for o in attempt.outcomes
            ]
        if attempt.content_hash:
            extensions[CONTENT_HASH] = attempt.content_hash
        if extensions:
            result["extensions"] = extensions
        return result
    result = {}
    if event.score is not None:
        result["score"] = _score(event.score)
    if event.success is not None:
        result["success"] = bool(event.success)
    if event.verb in ("completed", "passed", "failed"):
        result["completion"] = True
    if event.seconds is not None:
        result["duration"] = iso_duration(event.seconds)
    return result or None


def _timestamp(at: str) -> str:
    """The event time with its zone (the store writes UTC; an old row without a zone is UTC too)."""
    if at.endswith("Z") or at[-6:-5] in ("+", "-") and at[-3:-2] == ":":
        return at
    return at + "+00:00"


def build_statement(event: LearningEvent, *, home_page: str = DEFAULT_HOME_PAGE, course: Course | None = None,
                    titles: _Titles | None = None) -> dict[str, Any]:
    """The xAPI statement recording ``event``, with the event's id and time."""
    titles = titles or _Titles(course)
    parent, grouping = titles.parents(event.kind, event.target)
    activities: dict[str, Any] = {}
    if parent:
        activities["parent"] = [{"objectType": "Activity", "id": iri} for iri in parent]
    if grouping:
        activities["grouping"] = [{"objectType": "Activity", "id": iri} for iri in grouping]
    if event.verb in CMI5_VERBS:
        categories = [CMI5_CATEGORY] + ([MOVEON_CATEGORY] if event.verb in ("completed", "passed", "failed") else [])
        activities["category"] = [{"objectType": "Activity", "id": iri} for iri in categories]
    context: dict[str, Any] = {
        "registration": registration(home_page, event.learner),
        "platform": "listen",
        "language": LANGUAGE,
    }
    if activities:
        context["contextActivities"] = activities
    if event.session:
        context["extensions"] = {SESSION_ID: event.session}
    statement: dict[str, Any] = {
        "id": event.id,
        "timestamp": _timestamp(event.at),
        "actor": {"objectType": "Agent", "account": {"homePage": home_page, "name": event.learner}},
        "verb": {"id": VERBS[event.verb], "display": {"en-US": event.verb}},
        "object": _activity(event.kind, event.target, titles),
        "context": context,
    }
    result = _result(event)
    if result:
        statement["result"] = result
    return statement


class Statements:
    """The store's statement maker: the organisation's home page from config.json, titles from the course."""

    def __init__(self, data_dir: Path | None = None, course: Course | None = None, *,
                 home_page: str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else None
        """Where config.json is read (each time, so a new home page applies at once)."""
        self.home_page = home_page
        """A fixed home page, overriding config.json (for tests and tools)."""
        self.titles = _Titles(course)
        """Titles and structure of the course, when known."""

    def current_home_page(self) -> str:
        """The home page statements are written with now."""
        if self.home_page:
            return self.home_page
        if self.data_dir is not None:
            return load_config(self.data_dir).home_page
        return DEFAULT_HOME_PAGE

    def __call__(self, event: LearningEvent) -> dict[str, Any]:
        """The statement for ``event``."""
        return build_statement(event, home_page=self.current_home_page(), titles=self.titles)


def statement_maker(data_dir: Path, course: Course | None = None) -> Callable[[LearningEvent], dict[str, Any]]:
    """What ``ProgressStore(data_dir, statements=...)`` needs to queue every event in the outbox."""
    return Statements(data_dir, course)
