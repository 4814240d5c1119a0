"""The xAPI words listen speaks: verbs, activity types, extensions, and its own activity ids.

Verbs are the cmi5 and ADL ones a Learning Record Store already knows; what
only listen means (an exercise's rubric outcomes, an assignment) lives under
``LISTEN_IRI``.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from course.content.kinds import EXERCISE_KINDS

__all__ = [
    "XAPI_VERSION",
    "LISTEN_IRI",
    "VERBS",
    "VERB_NAMES",
    "ACTIVITY_TYPES",
    "INTERACTION_TYPES",
    "CMI5_CATEGORY",
    "MOVEON_CATEGORY",
    "SESSION_ID",
    "CRITERIA",
    "CONTENT_HASH",
    "CMI5_VERBS",
    "activity_id",
    "activity_of",
]

XAPI_VERSION = "1.0.3"
"""The version of the xAPI spec spoken, sent as ``X-Experience-API-Version``."""

LISTEN_IRI = "https://listen.invalid/xapi"
"""Where listen's own activity ids, types and extensions live."""

_ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "initialized": _ADL + "initialized",
    "terminated": _ADL + "terminated",
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
    "experienced": _ADL + "experienced",
    "completed": _ADL + "completed",
    "answered": _ADL + "answered",
    "passed": _ADL + "passed",
    "failed": _ADL + "failed",
}
"""The IRI of each verb, by the name the store's events use."""

VERB_NAMES = {iri: name for name, iri in VERBS.items()}
"""The name of each verb, by its IRI."""

CMI5_VERBS = frozenset({"initialized", "terminated", "abandoned", "completed", "passed", "failed"})
"""Verbs cmi5 defines: their statements carry the cmi5 category."""

_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
ACTIVITY_TYPES = {
    "course": _ACTIVITIES + "course",
    "module": _ACTIVITIES + "module",
    "lesson": _ACTIVITIES + "lesson",
    "exercise": _ACTIVITIES + "cmi.interaction",
    "assignment": LISTEN_IRI + "/activity-types/assignment",
}
"""The activity type of each thing a statement can be about."""

INTERACTION_TYPES = {kind.name: kind.interaction for kind in EXERCISE_KINDS}
"""The xAPI interaction type of each kind of exercise (declared with the kind, in ``course.content.kinds``)."""

CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
"""The context extension naming the learner's session."""

CRITERIA = LISTEN_IRI + "/extensions/criteria"
"""Result extension: each rubric criterion with whether the answer met it."""

CONTENT_HASH = LISTEN_IRI + "/extensions/content-hash"
"""Result extension: which version of the exercise file was answered."""

_ACTIVITY_BASE = LISTEN_IRI + "/activities/"


def activity_id(kind: str, target: str = "") -> str:
    """The IRI of a course, module, lesson, exercise or assignment."""
    if kind == "course":
        return _ACTIVITY_BASE + "course"
    return f"{_ACTIVITY_BASE}{kind}/{quote(target, safe='.-_~')}"


def activity_of(iri: str) -> tuple[str, str]:
    """What an activity IRI names: (kind, id), or ("", iri) when it is not one of listen's."""
    if not iri.startswith(_ACTIVITY_BASE):
        return "", iri
    rest = iri[len(_ACTIVITY_BASE):]
    if rest == "course":
        return "course", ""
    kind, _, target = rest.partition("/")
    if kind not in ACTIVITY_TYPES or not target:
        return "", iri
    return kind, unquote(target)
