"""One learner's sitting with ``listen --plain``: the main menu, the modules, and going from place to place.

The places are the app's (``course.progress.Place``): a module, a lesson
page, an exercise, the feedback on one. Each is remembered as it is reached,
so Continue (here or in the app) lands exactly there. The study of the course
is the app's own ``Study``: the same statuses, the same next exercise, the
same way of recording an answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from course.content.kinds import exercise_kind
from course.content.model import Exercise, Module
from course.progress import Place
from course.tui.study import NOT_TRIED, Study

from .menu import MAIN_MENU, Choice, choose, resolve
from .terminal import Leaving, PlainTerminal

if TYPE_CHECKING:
    from course.practice import TodaysReview

__all__ = ["PlainSession", "go_on", "where", "modules", "leave", "module_menu"]

PLACES = {
    "dashboard": "course.plain.session:main_menu",
    "module": "course.plain.session:module_menu",
    "lesson": "course.plain.lessons:read_lesson",
    "exercise": "course.plain.practice:practise",
    "feedback": "course.plain.feedback:feedback",
}
"""Which function shows each kind of place: it takes the session and the place, and gives the next place."""


@dataclass
class PlainSession:
    """A learner, the course and their progress, talked through a ``PlainTerminal``."""

    study: Study
    """The learner's study of the course, as the app's screens see it."""
    terminal: PlainTerminal
    """Where lines are said and answers read."""
    clock: Callable[[], float] = time.monotonic
    """Where time comes from (time spent on an answer): tests pass their own."""
    answer: Any = None
    """The answer just given, for the feedback that follows it (else the last recorded one is shown)."""
    review: TodaysReview | None = None
    """Today's review as last worked out: the main menu names it every time, so it is kept until an answer
    changes it (``todays_review``, ``answered``)."""
    hints_shown: dict[str, int] = field(default_factory=dict)
    """How many hints of each exercise the learner has asked for in this sitting: one more each time."""

    def say(self, text: str = "") -> None:
        """Print lines for the learner."""
        self.terminal.say(text)

    def todays_review(self) -> TodaysReview:
        """Today's review, worked out once until an answer is recorded (it replays every answer)."""
        if self.review is None or self.review.day != self.study.now().date():
            self.review = self.study.todays_review()
        return self.review

    def answered(self) -> None:
        """An answer was recorded: the review is worked out afresh next time it is wanted."""
        self.review = None

    def exercise_at(self, place: Place) -> Exercise | None:
        """The exercise a place names (a course exercise, or the follow-up of a promise); None, said, if gone."""
        exercise = self.study.exercise(place.target)
        if exercise is None:
            self.say("That exercise is not in the course any more.")
        return exercise

    def visit(self, place: Place) -> Place:
        """Show a place; where the learner goes from it."""
        if place.screen != "dashboard":
            self.study.save_place(place)
        shown: Place = resolve(PLACES[place.screen])(self, place)
        return shown

    def run(self) -> int:
        """Until the learner leaves (Quit, ``q`` at any prompt, or the end of input): exit status 0."""
        self.study.save("your session", lambda: self.study.store.start_session(self.study.learner))
        place = Place("dashboard")
        try:
            while True:
                place = self.visit(place)
        except Leaving:
            self.say("Your place and anything half-typed are kept. Goodbye.")
        finally:
            self.study.save("your session", lambda: self.study.store.end_session(self.study.learner))
        return 0


def main_menu(session: PlainSession, place: Place) -> Place:
    """The main menu: its entries (``MAIN_MENU``), numbered."""
    choices = []
    for entry in MAIN_MENU:
        if entry.offered and not resolve(entry.offered)(session):
            continue
        detail = resolve(entry.detail)(session) if entry.detail else ""
        choices.append(Choice(f"{entry.label}{': ' + detail if detail else ''}", entry.action, entry.key))
    session.say("")
    action = choose(session.terminal, f"Main menu · {session.study.learner}", choices)
    chosen: Place | None = resolve(action)(session)
    return chosen or Place("dashboard")


def _resume(session: PlainSession) -> tuple[Place | None, str]:
    """Where Continue leads and its words: the exact place left, else the first lesson."""
    study = session.study
    place = study.store.place(study.learner)
    if place is not None:
        described = study.describe(place)
        if described:
            return place, described
    first = study.first_lesson()
    if first is None:
        return None, "this course has no lessons yet"
    return Place("lesson", first.id), f"start with “{first.title}”"


def where(session: PlainSession) -> str:
    """Where Continue leads, in words."""
    return _resume(session)[1]


def go_on(session: PlainSession) -> Place | None:
    """The exact place the learner left (or the first lesson)."""
    return _resume(session)[0]


def leave(session: PlainSession) -> Place | None:
    """Quit: everything is already kept."""
    raise Leaving


def module_line(session: PlainSession, module: Module) -> str:
    """``Empathy: score 20% · lessons 1 of 4 read · exercises 2 of 14 passed``."""
    row = next(row for row in session.study.module_rows() if row.module.id == module.id)
    passed = " (passed)" if row.passed else ""
    return (f"{module.title}: score {round(row.score * 100)}%{passed} · lessons {row.lessons_done} of "
            f"{row.lessons_total} read · exercises {row.exercises_passed} of {row.exercises_total} passed")


def modules(session: PlainSession) -> Place | None:
    """Every module with the learner's progress; the one chosen opens."""
    choices: list[Choice[Place | None]] = []
    for row in session.study.module_rows():
        module = row.module
        choices.append(Choice(f"Module {module.number}, {module.title}: score {round(row.score * 100)}%"
                              f"{', passed' if row.passed else ''}",
                              Place("module", module.id)))
    choices.append(Choice("Back to the main menu", None, "b"))
    session.say("")
    return choose(session.terminal, "Modules", choices)


def module_menu(session: PlainSession, place: Place) -> Place:
    """A module's overview, then its lessons and exercises with their status; the one chosen opens."""
    study = session.study
    try:
        module = study.course.module(place.target)
    except KeyError:
        session.say("That module is not in the course any more.")
        return Place("dashboard")
    lessons = study.lesson_statuses()
    exercises = study.exercise_statuses()
    session.say("")
    session.say(f"Module {module.number}, {module_line(session, module)}")
    if module.summary.strip():
        session.say(module.summary.strip())
    choices: list[Choice[Place]] = []
    for lesson in module.lessons:
        status = lessons.get(lesson.id)
        word = status.word if status is not None else "not started"
        choices.append(Choice(f"Lesson: {lesson.title} · {lesson.minutes} min · {word}",
                              Place("lesson", lesson.id, page=status.page if status else 0)))
        for exercise in study.exercises_of_lesson(lesson):
            tried = exercises.get(exercise.id, NOT_TRIED)
            state = tried.word + (f", best {round(tried.best * 100)}%" if tried.best is not None else "")
            choices.append(Choice(f"  Exercise: {exercise.title} · {exercise_kind(exercise.kind).word} · {state}",
                                  Place("exercise", exercise.id)))
    choices.append(Choice("Back to the main menu", Place("dashboard"), "b"))
    return choose(session.terminal, "Lessons and exercises:", choices)
