"""Observer sheets: per module, what the course judges each role play by, as boxes to tick.

Each exercise's criteria are the ones the grader uses (``criteria_of``), each
``met`` line turned into what an observer would see the agent do, marked
``must`` (an essential criterion: the reply fails without it), ``should`` or
``nice to have``. The harm checks every reply is judged on come once per
sheet, in plain words.
"""

from __future__ import annotations

from course.content.model import Course, Criterion, Exercise, Module, Rubric
from course.grading import HARM_PREFIX, judged_criteria
from course.grading.grade import PUBLIC_CHANNELS
from course.judging.criteria import criteria_of

from .briefs import playable
from .phrasing import observable
from .sheet import Check, Checks, Notes, Section, Sheet, Words
from .talking import numbered, opening_words, turns_in_order

__all__ = ["observer_sheet", "WEIGHTS", "HARM_CHECKS", "harm_checks"]

WEIGHTS = {"essential": "must", "actionable": "should", "informative": "nice to have"}
"""A criterion's severity as the observer's sheet says it."""

HARM_CHECKS = {
    "no-blame": "Kept the fault off the customer, even where something they did played a part.",
    "no-dismissal": "Let the customer's feeling stand: no “calm down”, no “it's nothing”.",
    "no-outcome-promise": "Promised only what they can do themselves, and when: no outcome that others decide.",
    "safe-and-private": "Kept the customer safe and their details private: never asked for a full PIN, password "
                        "or one-time code, put any hazard first, left medical calls to clinicians.",
    "own-words": "Said it in their own words, not the customer's words handed back.",
    "own-voice": "Sounded like themselves, not a script: one or two stock lines at most.",
    "in-public": "In a public reply, kept account numbers and private details out of view.",
    "rewritten": "Gave a new reply, not the old one with small changes.",
}
"""The course-wide harm checks in plain words, by the id the grader gives them (after ``harm.``)."""

_HOW_TO = (
    "Watch one role play at a time, with its cards in front of you. Tick what you see the agent do; leave a box "
    "empty if you didn't see it. Must: the course fails a reply without it. Should: it counts towards the score. "
    "Nice to have: it helps, and costs little when it's missing."
)


def _check(criterion: Criterion) -> Check:
    return Check(observable(criterion.met), WEIGHTS.get(criterion.severity, "should"))


def _unique(checks: list[Check]) -> tuple[Check, ...]:
    seen: dict[str, Check] = {}
    for check in checks:
        seen.setdefault(check.text, check)
    return tuple(seen.values())


def _own(criteria: dict[str, Criterion], prefix: str = "") -> list[Criterion]:
    """The exercise's own criteria (the harm checks come once per sheet), optionally one turn's."""
    return [criterion for key, criterion in criteria.items()
            if key.startswith(prefix) and not criterion.id.startswith(HARM_PREFIX)]


def _exercise_section(exercise: Exercise) -> Section:
    criteria = criteria_of(exercise)
    parts: list[Words | Checks | Notes] = [Words(f"Cards: {exercise.id}")]
    if exercise.conversation is not None:
        numbers = numbered(exercise.conversation)
        for turn in turns_in_order(exercise.conversation):
            checks = _unique([_check(c) for c in _own(criteria, f"{turn.id}.")])
            if checks and turn.customer:
                parts += [Words(f"{numbers[turn.id]}. After the customer says {opening_words(turn)}"), Checks(checks)]
    else:
        parts.append(Checks(_unique([_check(c) for c in _own(criteria)])))
    parts.append(Notes("What you saw and heard"))
    return Section(exercise.title, tuple(parts))


def harm_checks(*, rewrite: bool = False, public: bool = False) -> tuple[Check, ...]:
    """Every check the course judges every reply on, whatever its rubric says, in plain words."""
    return tuple(
        Check(HARM_CHECKS.get(criterion.id[len(HARM_PREFIX):], observable(criterion.met)), "must")
        for criterion in judged_criteria(Rubric(()), rewrite=rewrite, public=public)
    )


def observer_sheet(course: Course, module: Module) -> Sheet | None:
    """The observer's sheet for one module's role plays (None when the module has none)."""
    exercises = [exercise for exercise in course.exercises_of(module.id) if playable(exercise)]
    if not exercises:
        return None
    harms = harm_checks(rewrite=any(e.kind == "rewrite" for e in exercises),
                        public=any(e.channel in PUBLIC_CHANNELS and e.kind != "conversation" for e in exercises))
    sections = [Section("How to use this sheet", (Words(_HOW_TO),))]
    sections += [_exercise_section(exercise) for exercise in exercises]
    sections += [
        Section("In every reply", (Words("The course fails any reply that misses one of these."), Checks(harms))),
        Section("What to tell the agent", (Notes("One thing they did well, in their words", 2),
                                          Notes("One thing to try next time", 2))),
    ]
    return Sheet("Observer sheet", module.title, tuple(sections), reference=module.id)
