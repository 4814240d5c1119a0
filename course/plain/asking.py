"""Every kind of exercise but a conversation, answered in lines: numbers, a label a line, or the learner's words.

The numbers are the ones the command line and the app use (the kinds' own
answer models in ``course.content.answers`` number the options, steps and
lines, and read what was typed back); what does not fit is said in one line
and asked again. What the learner has given so far is kept as the exercise's
draft, in the app's shape, whenever they go back or leave half-way, and
offered again next time.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from course.content.answers import MAX_WRITTEN_CHARS, Answer, Labelling, Written
from course.content.kinds import exercise_kind

from .terminal import QUIT, Leaving

if TYPE_CHECKING:
    from course.content.model import Exercise

    from .session import PlainSession

__all__ = ["ask_answer", "say_hint", "HINT", "BACK", "SEND", "AFRESH"]

HINT, BACK, SEND, AFRESH = "h", "b", ".", "!"
"""Typed alone on a line: a hint; back to the module (keeping the answer so far); send the text; clear it."""

_HOW = {
    "choice": "the number of the one option you choose",
    "multi": "the number of every option that applies, with spaces or commas between them",
    "order": "every step's number once, in the right order, first step first",
    "spot": "the number of each line where the agent stopped listening",
}
"""How an answer of each kind typed as numbers is typed."""


def say_hint(session: PlainSession, exercise: Exercise) -> None:
    """One more of the exercise's hints each time it is asked for, as in the app."""
    hints = exercise.hints
    if not hints:
        session.say("This exercise has no hints.")
        return
    shown = min(session.hints_shown.get(exercise.id, 0) + 1, len(hints))
    session.hints_shown[exercise.id] = shown
    more = f" (type {HINT} again for the next one)" if shown < len(hints) else ""
    session.say(f"Hint {shown} of {len(hints)}: {hints[shown - 1].strip()}{more}")


def _keep(session: PlainSession, exercise: Exercise, text: str) -> None:
    """Keep the answer so far as the exercise's draft (nothing typed leaves the kept one as it was)."""
    if text:
        session.study.save_draft(exercise, text)


def _numbers(session: PlainSession, exercise: Exercise) -> Answer | None:
    """Options, steps or lines by their numbers, on one line."""
    model = exercise_kind(exercise.kind).answer
    draft = session.study.draft(exercise)
    kept = model.from_recorded(exercise, draft).as_typed(exercise) if draft else ()
    how = _HOW.get(exercise.kind, f"the numbers shown ({model.form(exercise)})")
    session.say(f"Type {how}, then press Enter. {HINT}: a hint · {BACK}: back to the module · q: quit")
    if kept:
        session.say(f"Kept from last time: {' '.join(kept)} (Enter on its own sends it).")
    while True:
        typed = session.terminal.ask("Your answer: ")
        if typed.casefold() == HINT:
            say_hint(session, exercise)
            continue
        if typed.casefold() == BACK:
            return None
        words = typed.replace(",", " ").split() if typed else list(kept)
        if not words:
            session.say(f"Type {how}.")
            continue
        try:
            return model.from_typed(exercise, words)
        except ValueError as error:
            session.say(f"That will not do: {error}.")


def _label(session: PlainSession, exercise: Exercise, number: int, kept: str) -> str:
    """The label for one line, by its name (any case) or its number; Enter alone keeps the one kept."""
    labels = exercise.labels
    known = {label.casefold(): label for label in labels}
    known.update({str(count): label for count, label in enumerate(labels, start=1)})
    item = exercise.labelled[number - 1]
    session.say(f"Line {number} of {len(exercise.labelled)}: {item.text.strip()}")
    if kept:
        session.say(f"(Enter on its own keeps: {kept})")
    while True:
        typed = session.terminal.ask("Label: ")
        if not typed and kept:
            return kept
        if typed.casefold() in (HINT, BACK):
            return typed.casefold()
        label = known.get(typed.casefold())
        if label is not None:
            return label
        session.say(f"That is not a label here: type one of {', '.join(labels)}, or its number.")


def _labels(session: PlainSession, exercise: Exercise) -> Answer | None:
    """A label for each line, one line at a time (the labels kept from before offered again)."""
    draft = session.study.draft(exercise)
    kept = Labelling.from_recorded(exercise, draft).labels if draft else {}
    numbered = ", ".join(f"{count} {label}" for count, label in enumerate(exercise.labels, start=1))
    session.say(f"Give each line a label: type the label or its number ({numbered}).")
    session.say(f"{HINT}: a hint · {BACK}: back to the module · q: quit (the labels given so far are kept)")
    given: dict[str, str] = {}
    number = 1
    try:
        while number <= len(exercise.labelled):
            item = exercise.labelled[number - 1]
            label = _label(session, exercise, number, given.get(item.text) or kept.get(item.text, ""))
            if label == HINT:
                say_hint(session, exercise)
                continue
            if label == BACK:
                _keep(session, exercise, json.dumps({**kept, **given}, ensure_ascii=False))
                return None
            given[item.text] = label
            _keep(session, exercise, json.dumps({**kept, **given}, ensure_ascii=False))
            number += 1
    except Leaving:
        _keep(session, exercise, json.dumps({**kept, **given}, ensure_ascii=False) if given else "")
        raise
    return Labelling(given)


def _words(session: PlainSession, exercise: Exercise) -> Answer | None:
    """The learner's own words, as many lines as they like, ended by a line holding only a full stop."""
    kept = session.study.draft(exercise) or ""
    session.say(f'Type your answer, as many lines as you like, then a line with only "{SEND}" to send it.')
    session.say(f"A line with only {HINT}: a hint · {BACK}: back to the module · q: quit "
                "(what you typed is kept either way).")
    if kept:
        session.say("Your answer so far, kept from last time (what you type now goes after it; "
                    f'a line with only "{AFRESH}" clears it):')
        session.say("\n".join(f"    {line}" for line in kept.split("\n")))
    lines = [kept] if kept else []
    try:
        while True:
            line = session.terminal.line("")
            command = line.strip().casefold()
            if command == SEND:
                text = "\n".join(lines).strip()
                if text:
                    return Written(text)
                session.say("Nothing to send yet: type your answer first.")
            elif command == HINT:
                say_hint(session, exercise)
            elif command == BACK:
                _keep(session, exercise, "\n".join(lines).strip())
                return None
            elif command == QUIT:
                raise Leaving
            elif command == AFRESH:
                lines = []
                session.study.save_draft(exercise, "")
                session.say("Cleared: start afresh.")
            elif sum(len(each) + 1 for each in lines) + len(line) > MAX_WRITTEN_CHARS:
                session.say(f"That line would make the answer longer than {MAX_WRITTEN_CHARS:,} characters: "
                            "it is left out.")
            else:
                lines.append(line)
                _keep(session, exercise, "\n".join(lines).strip())  # each line kept as it comes: a hang-up loses none
    except Leaving:
        _keep(session, exercise, "\n".join(lines).strip())
        raise


def ask_answer(session: PlainSession, exercise: Exercise) -> Answer | None:
    """The learner's answer to an exercise that is not a conversation (None: they went back, the draft kept).

    Leaving, once the answer so far is kept, when they quit or input ends.
    """
    model = exercise_kind(exercise.kind).answer
    if model is Labelling:
        return _labels(session, exercise)
    if model.option:
        return _numbers(session, exercise)
    return _words(session, exercise)
