"""How a follow-up is graded: the same criteria and techniques as every exercise, judged by the same judge.

It passes an answer that keeps the promise (says it was done and what came of
it), updates it honestly (where it stands, a new time) or renegotiates it
(what changed, a new step with a time). It fails one that ignores the
promise, puts the blame elsewhere, or promises again with nothing to hold
on to. The course-wide harm checks apply as to every rubric: blaming the
customer, promising outcomes nobody here controls, stock lines stacked up,
the customer's own words pasted back.
"""

from __future__ import annotations

import re

from course.content.model import Criterion, Rubric
from course.grading.lexicons import entries
from course.grading.text import analyse
from course.progress.promises import Promise

__all__ = ["follow_up_rubric", "promise_words", "PASS_MARK", "PASSING_THE_BUCK"]

PASS_MARK = 0.75
"""The share of the weighted criteria to meet (and every essential one)."""

PASSING_THE_BUCK = (
    "not my fault", "not our fault", "their fault", "his fault", "her fault", "fault of the", "to blame",
    "blame the", "blame them", "let us down", "let me down", "nothing to do with me", "nothing to do with us",
    "out of my hands", "out of our hands", "not my job", "not my department", "not my problem",
    "nothing i can do", "nothing we can do", "nobody told me", "no one told me", "you should have",
    "you never picked up", "you did not pick up", "you did not answer", "you never answered",
)
"""Ways of putting a missed promise on someone else: a colleague, a team, the customer."""

# Words a promise holds that say nothing about what was promised: its scaffolding and its clock.
_NOT_WHAT = frozenset(
    "will shall going promise promised let would like back today tomorrow tonight morning afternoon evening "
    "soon later asap possible sure make get know keep touch again also just then first".split()
)
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:'[^\W_]+)*")
_MOST_WORDS = 8


def promise_words(promise: Promise) -> tuple[str, ...]:
    """The words that say what was promised ("ring", "friday", "engineer", "slot"), in order, at most eight."""
    skip = set(entries("stopwords")) | _NOT_WHAT | set(analyse(promise.customer).norm.split())
    found: dict[str, None] = {}
    for match in _WORD.finditer(analyse(promise.words).norm):
        word = match.group().removesuffix("'s")
        if len(word) >= 3 and word not in skip:
            found.setdefault(word, None)
    return tuple(found)[:_MOST_WORDS]


def follow_up_rubric(promise: Promise) -> Rubric:
    """The rubric a follow-up to ``promise`` is graded on."""
    name = promise.customer
    about = (*promise_words(promise), "promised", "promise")
    return Rubric(pass_mark=PASS_MARK, criteria=(
        Criterion(
            id="answers-the-promise", check="mentions", weight=2, severity="essential", skill="follow_through",
            params={"facts": [list(about)], "at_least": 1},
            met=f"You took up what you promised {name}, so they know you remembered.",
            missed=(f"{name} came back about a promise. Say what you promised and what became of it: a reply "
                    "that doesn't mention it leaves them wondering whether anyone remembers."),
        ),
        Criterion(
            id="clear-step", check="commits_to_action", weight=3, severity="essential", skill="follow_through",
            met=f"You gave {name} something solid: what you did, or your next step with a time to hold you to.",
            missed=(f"Give {name} something solid: what you did and what came of it, or, if it isn't done, your "
                    "next step with a day or a time. “I'll get back to you soon” is the same promise again."),
        ),
        Criterion(
            id="owns-it", check="avoids", weight=2, severity="essential", skill="follow_through",
            params={"phrases": list(PASSING_THE_BUCK), "techniques": ["blames_customer"]},
            met="You owned the promise yourself, without passing it to anyone else.",
            missed=(f"You made the promise, so own it (struck through): {name} doesn't need to hear whose fault "
                    "it is, only where things stand and what you'll do."),
        ),
        Criterion(
            id="sorry-for-the-chase", check="acknowledges_emotion", weight=1, severity="actionable", skill="empathy",
            met=f"You owned that {name} had to come back to you about it.",
            missed=(f"{name} had to come back to you. A word for that (“I'm sorry you had to chase me”) shows you "
                    "know what the wait cost them."),
        ),
    ))
