"""Harms every free-text answer is judged on, whatever its rubric says.

A trainer fails a reply that blames the customer, waves their feeling away, promises an outcome
nobody here controls, gives unsafe advice or asks for what must never be asked, or just pastes
the customer's words back, or tells them a wrong date, time, amount or reference, however well
it does the rest. Every rubric inherits these criteria
as essential, along with two more: not pasting the customer's words back, and not stacking
stock lines a script says to everyone. Where a rubric already has its own criterion for one of these techniques (an
``avoids`` naming it), that criterion stands in for the inherited one and counts as essential.
A reply posted in public (a social channel) inherits one more: it keeps the customer's details
private. Inherited criteria carry no weight: they decide the verdict, not the score.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from course.content.model import Criterion, Rubric

__all__ = ["HARMS", "HARM_PREFIX", "with_harms", "OWN_WORDS_OVERLAP", "REWRITE_OVERLAP"]

HARM_PREFIX = "harm."
"""How the ids of inherited criteria begin."""

OWN_WORDS_OVERLAP = 0.5
"""Share of three-word runs a reply may copy from the customer before it is a paste."""
REWRITE_OVERLAP = 0.5
"""Share of three-word runs a rewrite may keep from the reply it rewrites."""

HARMS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "no-blame", "blames_customer", "empathy",
        "You kept the fault off the customer.",
        "Part of your reply puts the blame on the customer (struck through). Even where something "
        "they did played a part, say what happens next, not whose fault it was.",
    ),
    (
        "no-dismissal", "dismisses_feeling", "empathy",
        "You let the customer's feeling stand.",
        "Part of your reply waves the customer's feeling away (struck through). Telling someone "
        "it's nothing, or to calm down, makes them feel unheard.",
    ),
    (
        "no-outcome-promise", "overpromises", "follow_through",
        "You promised only what you can do yourself.",
        "You promised an outcome you don't control (struck through). Promise your own next step "
        "and when, and say honestly what depends on others.",
    ),
    (
        "safe-and-private", "unsafe_advice", "attention",
        "Nothing in your reply puts the customer at risk.",
        "Part of your reply is unsafe or breaks the rules (struck through): never ask for a full "
        "PIN, password or one-time code, never tell someone to ignore a hazard, don't accept "
        "fault before anything has been checked, and leave medical judgements to clinicians.",
    ),
)
"""Inherited criteria: id, technique avoided, skill, met and missed feedback."""


def _harm(ident: str, check: str, skill: str, met: str, missed: str, **params: object) -> Criterion:
    """One inherited criterion: essential, weightless, named ``harm.<ident>``."""
    from course.content.model import Criterion

    return Criterion(id=f"{HARM_PREFIX}{ident}", check=check, met=met, missed=missed, weight=0.0,
                     severity="essential", skill=skill, params=params)


@lru_cache(maxsize=1)
def _inherited() -> tuple[Criterion, ...]:
    return tuple(
        _harm(ident, "avoids", skill, met, missed, techniques=[technique])
        for ident, technique, skill, met, missed in HARMS
    )


def _own_words(rewrite: bool) -> tuple[Criterion, ...]:
    customer = _harm(
        "own-words", "not_parroting", "paraphrasing",
        "You answered in your own words.",
        "Most of your answer repeats the customer's own words back (struck through). Say what "
        "you heard in your words, and then do something with it.",
        max_overlap=OWN_WORDS_OVERLAP, compare="customer",
    )
    if rewrite:
        return (customer, _harm(
            "rewritten", "not_parroting", "paraphrasing",
            "You rewrote the reply in your own words.",
            "Most of your answer is the original reply with small changes (struck through). "
            "Rewrite it so it reads as a new reply.",
            max_overlap=REWRITE_OVERLAP,
        ))
    return (customer,)


def _avoided(criterion: Criterion) -> set[str]:
    if criterion.check != "avoids":
        return set()
    techniques = (criterion.params or {}).get("techniques") or ()
    return {techniques} if isinstance(techniques, str) else {str(t) for t in techniques}


def with_harms(rubric: Rubric, *, rewrite: bool = False, public: bool = False) -> tuple[Criterion, ...]:
    """The rubric's criteria with the course-wide harm criteria added (or its own made essential).

    A reply posted in public (``public``) also must not show the customer's private details.
    """
    own = list(rubric.criteria)
    covered: set[str] = set()
    for index, criterion in enumerate(own):
        avoided = _avoided(criterion)
        if avoided & {technique for _, technique, *_ in HARMS}:
            covered |= avoided
            if criterion.severity != "essential":
                own[index] = replace(criterion, severity="essential")
    added = [c for c in _inherited() if not _avoided(c) & covered]
    added.extend(_own_words(rewrite))  # beside any stricter not_parroting of the rubric's own
    if not any(c.check == "scripted" for c in own):
        added.append(_own_voice())
    if public and not any(c.check == "keeps_private" for c in own):
        added.append(_in_public())
    if not any(c.check == "matches_case" for c in own):
        added.append(_right_figures())
    return tuple(own) + tuple(added)


def _right_figures() -> Criterion:
    return _harm(
        "right-figures", "matches_case", "attention",
        "Every date, time, amount and reference you gave matches the case.",
        "A figure in your reply doesn't match the case (struck through). The customer will act on "
        "what you tell them: check dates, times, amounts and references against the notes before you send.",
    )


def _in_public() -> Criterion:
    return _harm(
        "in-public", "keeps_private", "attention",
        "Nothing private is on show in your public reply.",
        "Your public reply shows the customer's private details (struck through): account or card "
        "numbers, contact details, what is on their account. Keep those for a private message.",
    )


def _own_voice() -> Criterion:
    return _harm(
        "own-voice", "scripted", "empathy",
        "Your reply sounds like you, not a script.",
        "Your reply is stacked with stock lines (struck through). Each one is said to every "
        "customer; keep at most one or two and say the rest in words meant for this customer.",
    )
