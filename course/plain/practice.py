"""An exercise of any kind in plain lines: the scenario and the task, the answer, then its feedback.

The answer is judged by the one judge (``course.judging``) and recorded as
the app records it (``Study.record``: the attempt, the module's verdict and
any assignment completed, then the draft dropped), so the app, the command
line and the trainer's reports see it exactly as if it were given there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course.content.kinds import exercise_kind
from course.judging import answer_of, judge
from course.progress import Place
from course.recording import attempt_of
from course.showing import exercise_text

from .asking import ask_answer
from .talk import play_conversation

if TYPE_CHECKING:
    from .session import PlainSession

__all__ = ["practise"]


def practise(session: PlainSession, place: Place) -> Place:
    """Show the exercise in ``place`` and take the learner's answer; the feedback on it comes next."""
    study = session.study
    exercise = session.exercise_at(place)
    if exercise is None:
        return Place("dashboard")
    module = study.module_of(exercise)
    order = [each.id for each in study.exercises_of_module(module)]
    position = f"Exercise {order.index(exercise.id) + 1} of {len(order)} in {module.title}" if exercise.id in order \
        else f"An exercise in {module.title}"
    session.say("")
    session.say(f"{position} · {exercise_kind(exercise.kind).word}")
    session.say(exercise_text(exercise, played_here=True))
    session.say("")
    started = session.clock()
    answer: Any
    if exercise.conversation is not None:
        played = play_conversation(session, exercise)
        if played is None:
            return Place("module", module.id)
        run, seconds = played
        answer, judgment = answer_of(run), judge(exercise, run)
    else:
        given = ask_answer(session, exercise)
        if given is None:
            return Place("module", module.id)
        answer, judgment = given.recorded(), judge(exercise, given)
        seconds = session.clock() - started
    if study.record(attempt_of(exercise, answer, judgment, seconds=round(seconds, 1))):
        session.answered()
        count = len(study.store.attempts(study.learner, exercise.id))
        session.say(f"Saved: attempt {count} at this exercise.")
    session.answer = answer
    return Place("feedback", exercise.id)
