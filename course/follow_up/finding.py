"""Finding the promises in a learner's answer: their own next step, said as something they will do.

The grader's ``commits_to_action`` detector already finds concrete steps and
the words that show them (who does what, and when). A promise is such a step
in a sentence where the learner speaks for themselves about what is to come:
"I'll ring you on Friday with the engineer's slot". A step already taken ("I
rang the depot") or one a third party owns ("the engineer is booked for
Thursday") is news, not a promise, and a question promises nothing.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from course.content.model import Exercise
from course.grading.detect import find_spans
from course.grading.text import analyse
from course.progress.promises import DUE_AFTER, Promise, stamp

__all__ = ["promised_words", "promise_in", "answer_texts", "WORDS_LIMIT", "CONTEXT_LIMIT"]

WORDS_LIMIT = 240
"""The most characters of the learner's words a promise keeps (the customer quotes them back)."""

CONTEXT_LIMIT = 600
"""The most characters of the customer's message a promise keeps."""

_LONGEST = 12_000
"""As the grader: past this many characters only the start of an answer is read."""

# The learner speaking for themselves about what is to come (the text is normalised: "I'll" is "i will").
_OWN_FUTURE = re.compile(
    r"\b(?:i|we) (?:will|shall|am going to|are going to|promise|would like to)\b|\blet me\b"
    r"|\b(?:i|we)(?: will)? be (?:back|in touch)\b"
)

# Words in quotation marks (straightened by the normalising): "You said: 'I'll ring Friday'" quotes a promise.
_QUOTED = re.compile(r'"[^"\n]{1,600}"')


def _shortened(text: str, limit: int) -> str:
    """``text`` with its spacing tidied, cut at a word boundary to at most ``limit`` characters."""
    tidy = " ".join(text.split())
    if len(tidy) <= limit:
        return tidy
    cut = tidy.rfind(" ", 0, limit - 1)
    return tidy[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def promised_words(answer: str, context: str = "") -> str:
    """The sentences of ``answer`` that promise the learner's own next step ("" when none do).

    ``context`` is what the customer said, which the detector reads the answer against.
    """
    text = analyse(answer[:_LONGEST])
    said = analyse(context[:_LONGEST]) if context else None
    steps = find_spans("commits_to_action", text, said)
    if not steps:
        return ""
    quoted = [match.span() for match in _QUOTED.finditer(text.norm)]
    steps = [span for span in steps if not any(a <= span[0] < b for a, b in quoted)]  # words quoted are not said
    kept = []
    for sentence in text.sentences:
        if sentence.is_question or not _OWN_FUTURE.search(_QUOTED.sub(" ", sentence.text)):
            continue
        if any(sentence.start <= start < sentence.end for start, _ in steps):
            begin, end = text.span(sentence.start, sentence.end)
            kept.append(answer[begin:end].strip())
    return _shortened(" ".join(kept[:2]), WORDS_LIMIT) if kept else ""


def answer_texts(exercise: Exercise, answer: Any) -> list[tuple[str, str]]:
    """Each piece of the learner's own words in an answer, with what the customer had said before it.

    A written answer is one piece; a conversation is one piece per reply.
    """
    if exercise.conversation is not None:
        from course.content.answers import Talk

        talk = Talk.from_recorded(exercise, answer)
        turns = exercise.conversation.turns
        path = answer.get("path") if isinstance(answer, dict) else None
        path = path if isinstance(path, list) else []
        pieces = []
        for index, reply in enumerate(talk.replies):
            turn = turns.get(path[index]) if index < len(path) and isinstance(path[index], str) else None
            said = " ".join(line.text for line in turn.customer) if turn is not None else ""
            pieces.append((reply, said))
        return pieces
    if exercise.is_text and isinstance(answer, str):
        return [(answer, exercise.scenario.message if exercise.scenario else "")]
    return []


def _customer(exercise: Exercise) -> str:
    if exercise.conversation is not None and exercise.conversation.customer:
        return exercise.conversation.customer
    return exercise.scenario.customer if exercise.scenario else ""


def promise_in(exercise: Exercise, answer: Any, made: datetime) -> Promise | None:
    """The promise an answer makes to its customer, made at ``made`` by the course clock; None if it makes none.

    In a conversation the last reply that promises anything is the one the
    customer holds the learner to: it is what the conversation ended on.
    """
    customer = _customer(exercise)
    if not customer:
        return None  # nobody to come back
    words = context = ""
    for reply, said in answer_texts(exercise, answer):
        found = promised_words(reply, said)
        if found:
            words, context = found, said
    if not words:
        return None
    return Promise(
        id=uuid.uuid4().hex, exercise_id=exercise.id, customer=customer, channel=exercise.channel, words=words,
        made=stamp(made), due=stamp(made + DUE_AFTER), title=exercise.title,
        context=_shortened(context, CONTEXT_LIMIT),
    )
