"""A conversation in plain lines: the customer says each turn whole, the learner replies at ``you>``.

It is played turn by turn (``course.turn_by_turn``, as ``listen converse``
plays it): the customer always finishes before the learner is asked, each
reply gets the app's one-line verdict and the customer takes the same branch
as in the app. With the learner's "has finished" cue on, a line says so
before each reply. Going back or leaving half-way keeps the conversation as
the exercise's draft, in the app's shape, and either goes on from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.content.answers import MAX_REPLY_CHARS, Talk
from course.judging import draft_text, replay
from course.tui.preferences import conversation_preferences
from course.turn_by_turn import YOU, TurnByTurn

from .asking import BACK, HINT, say_hint
from .terminal import QUIT, Leaving

if TYPE_CHECKING:
    from course.content.model import Exercise
    from course.conversation import ConversationRun

    from .session import PlainSession

__all__ = ["play_conversation"]


def play_conversation(session: PlainSession, exercise: Exercise) -> tuple[ConversationRun, float] | None:
    """The conversation played to its end and the seconds spent on it; None when the learner went back.

    Leaving, once the conversation so far is kept, when they quit or input ends.
    """
    study = session.study
    kept = Talk.from_recorded(exercise, study.draft(exercise) or "")
    run = replay(exercise, kept)
    started = session.clock() - kept.seconds
    cue = conversation_preferences(study.store.data_dir, study.learner).finished_cue

    def keep() -> None:
        typed = kept.typed if len(run.replies) == len(kept.replies) else ""  # a reply half-typed in the app
        text = draft_text(run, seconds=session.clock() - started, typed=typed)
        if text:
            study.save_draft(exercise, text)

    def ask() -> str | None:
        keep()  # the conversation so far, after each reply, as the app keeps it: a hang-up loses nothing
        while True:
            text = session.terminal.line(YOU).strip()
            command = text.casefold()
            if not text:
                continue
            if command == HINT:
                say_hint(session, exercise)
            elif command == BACK:
                return None
            elif command == QUIT:
                raise Leaving
            elif len(text) > MAX_REPLY_CHARS:
                session.say(f"That reply is too long: keep it under {MAX_REPLY_CHARS:,} characters.")
            else:
                return text

    played = TurnByTurn(run, session.say, ask, cue=cue)
    session.say(f"One reply a line, after {YOU.strip()} · {HINT}: a hint · {BACK}: back to the module · "
                "q: quit (the conversation is kept to go on later)")
    if kept.replies:
        session.say("(Going on from where you left off.)")
        played.so_far()
    try:
        finished = played.play(fresh=not kept.replies)
    except Leaving:
        keep()
        raise
    if not finished:
        keep()
        return None
    return run, session.clock() - started
