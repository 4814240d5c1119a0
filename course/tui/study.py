"""One learner's study of the course: what the screens show, in plain data.

Screens stay thin: they ask a ``Study`` what to show (statuses, progress, what
comes next) and tell it what happened (a page turned, a draft typed). It keeps
no state of its own beyond the learner's name; the store is the truth.
Nothing here imports Textual, so it is quick to test.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from course.clock import local_now
from course.content.model import Course, Exercise, Lesson, Module
from course.follow_up.clock import CourseClock
from course.trainer.standing import DEFAULT_PASS_MARK, module_exercises, standings_from_tallies

if TYPE_CHECKING:
    from course.practice import ReviewSource, TodaysReview
    from course.progress import Attempt, Place, ProgressStore, Promise
    from course.progress.trainer_work import Contest
    from course.trainer.feedback import NoteOnAnswer

__all__ = [
    "LessonStatus",
    "ExerciseStatus",
    "ModuleRow",
    "Study",
    "LESSON_WORDS",
    "NOT_TRIED",
]

LESSON_WORDS = {"done": ("✓", "done"), "started": ("●", "started"), "new": ("○", "not started")}
"""Symbol and word for each lesson status: meaning never rests on colour alone."""


@dataclass(frozen=True)
class LessonStatus:
    """Where a learner stands with one lesson."""

    status: str
    """``new``, ``started`` or ``done``."""
    page: int = 0
    """The page they were last on (0-based)."""
    scroll: float = 0.0
    """How far down that page they had scrolled, 0..1."""

    @property
    def symbol(self) -> str:
        """✓, ● or ○."""
        return LESSON_WORDS.get(self.status, LESSON_WORDS["new"])[0]

    @property
    def word(self) -> str:
        """The status in words."""
        return LESSON_WORDS.get(self.status, LESSON_WORDS["new"])[1]


@dataclass(frozen=True)
class ExerciseStatus:
    """Where a learner stands with one exercise."""

    tries: int
    """Recorded attempts."""
    passed: bool
    """Whether any attempt passed."""
    best: float | None
    """Best score so far, or None before the first attempt."""

    @property
    def symbol(self) -> str:
        """✓ passed, ◐ tried, ○ new."""
        return "✓" if self.passed else ("◐" if self.tries else "○")

    @property
    def word(self) -> str:
        """The status in words."""
        return "passed" if self.passed else ("tried" if self.tries else "new")


@dataclass(frozen=True)
class ModuleRow:
    """A module as the dashboard lists it: its standing (``course.trainer.standing``) and lessons read."""

    module: Module
    lessons_done: int
    lessons_total: int
    exercises_passed: int
    exercises_total: int
    """Exercises the learner can do in this version of the app."""
    score: float = 0.0
    """The module's score, 0..1: the one the assignments, the export and the trainer's report give it."""
    passed: bool = False
    """Whether the score reaches the module's pass mark, as everywhere else."""
    pass_mark: float = DEFAULT_PASS_MARK
    """The score that passes it (the soonest-due assignment's, else the course's)."""

    @property
    def status(self) -> str:
        """``done`` (passed), ``started`` or ``new``: the module as a whole."""
        if self.passed:
            return "done"
        return "started" if self.lessons_done or self.exercises_passed or self.score else "new"


NOT_TRIED = ExerciseStatus(tries=0, passed=False, best=None)
"""The status of an exercise with no attempt yet."""


def _ignore(message: str) -> None:
    """The default for ``Study.report``: tests that do not care about store trouble."""


@dataclass
class Study:
    """A learner, the course and their progress store, seen from the screens."""

    course: Course
    """What there is to learn."""
    store: ProgressStore
    """Where the learner's progress is kept."""
    learner: str
    """Whose progress it is."""
    playable_kinds: Collection[str]
    """Kinds of exercise this app can open; others are never listed."""
    report: Callable[[str], None] = field(default=_ignore)
    """Where to say, in plain words, that progress could not be saved."""
    now: CourseClock = field(default=local_now)
    """The course clock: today for the review, and when promises fall due and customers come back."""
    review_sources: Sequence[ReviewSource] = ()
    """What else adds items to the learner's review (see ``course.practice.ReviewSource``)."""

    # --- what the course holds, as this app can show it -------------------

    def is_playable(self, exercise: Exercise) -> bool:
        """Whether this app has a screen for the exercise's kind."""
        return exercise.kind in self.playable_kinds

    def exercise(self, exercise_id: str) -> Exercise | None:
        """The course's exercise with this id, or the learner's follow-up it names; None if neither."""
        from course.follow_up import exercise_for

        return exercise_for(self.course, self.store, self.learner, exercise_id, self.now())

    def promises_waiting(self) -> list[Promise]:
        """The learner's promises whose customer is back now, waiting longest first."""
        from course.follow_up import waiting_promises

        return waiting_promises(self.store, self.learner, self.now())

    def exercises_of_lesson(self, lesson: Lesson) -> tuple[Exercise, ...]:
        """The lesson's exercises a learner can do here, in order."""
        found = (self.course.exercises.get(exercise_id) for exercise_id in lesson.exercise_ids)
        return tuple(exercise for exercise in found if exercise and self.is_playable(exercise))

    def exercises_of_module(self, module: Module) -> tuple[Exercise, ...]:
        """The module's exercises a learner can do here, in lesson order."""
        return tuple(e for lesson in module.lessons for e in self.exercises_of_lesson(lesson))

    def module_of(self, exercise_or_lesson: Exercise | Lesson) -> Module:
        """The module a lesson or exercise belongs to."""
        module_id = exercise_or_lesson.module_id
        if not module_id and isinstance(exercise_or_lesson, Exercise):
            module_id = self.course.lesson_of(exercise_or_lesson.id).module_id
        if module_id:
            return self.course.module(module_id)
        for module in self.course.modules:
            if exercise_or_lesson in module.lessons:
                return module
        raise KeyError(exercise_or_lesson.id)

    def next_exercise(self, exercise: Exercise) -> Exercise | None:
        """The exercise after this one in its module, or None at the end."""
        order = self.exercises_of_module(self.module_of(exercise))
        ids = [item.id for item in order]
        if exercise.id not in ids:
            return None
        index = ids.index(exercise.id)
        return order[index + 1] if index + 1 < len(order) else None

    def practice_for(self, lesson: Lesson) -> Exercise | None:
        """Where "Practise" leads: the lesson's first exercise not yet passed (or its first)."""
        exercises = self.exercises_of_lesson(lesson)
        statuses = self.exercise_statuses()
        for exercise in exercises:
            if not statuses.get(exercise.id, NOT_TRIED).passed:
                return exercise
        return exercises[0] if exercises else None

    def first_lesson(self) -> Lesson | None:
        """Where a brand-new learner starts."""
        lessons = self.course.lessons()
        return lessons[0] if lessons else None

    # --- where the learner stands ------------------------------------------

    def lesson_statuses(self) -> dict[str, LessonStatus]:
        """Every lesson the learner has opened, by id."""
        states = self.store.lesson_states(self.learner)
        return {
            lesson_id: LessonStatus(state.status, state.page, state.scroll)
            for lesson_id, state in states.items()
        }

    def lesson_status(self, lesson: Lesson) -> LessonStatus:
        """One lesson's status (``new`` if never opened)."""
        state = self.store.lesson_state(self.learner, lesson.id)
        return LessonStatus(state.status, state.page, state.scroll)

    def exercise_statuses(self) -> dict[str, ExerciseStatus]:
        """Every exercise the learner has tried, by id, as the trainer graded it where they did (one read)."""
        return {
            exercise_id: ExerciseStatus(tries=record.attempts, passed=record.passed, best=record.best)
            for exercise_id, record in self.store.exercise_tallies(self.learner).items()
        }

    def module_rows(self) -> list[ModuleRow]:
        """Every module in order with the learner's standing in it and the lessons read.

        The score and "passed" are ``course.trainer.standing``'s, the same as the
        assignments, ``listen status``, the export and the trainer's report give;
        only exercises this app can open are listed, so a module can be completed here.
        """
        lessons = self.lesson_statuses()
        exercises = {module_id: tuple(e for e in ids if self.is_playable(self.course.exercises[e]))
                     for module_id, ids in module_exercises(self.course).items()}
        standings = standings_from_tallies(self.course, self.store.exercise_tallies(self.learner),
                                           self.store.assignments(self.learner), exercises)
        rows = []
        for module in self.course.modules:
            standing = standings[module.id]
            rows.append(
                ModuleRow(
                    module=module,
                    lessons_done=sum(
                        lessons[lesson.id].status == "done" for lesson in module.lessons if lesson.id in lessons
                    ),
                    lessons_total=len(module.lessons),
                    exercises_passed=standing.exercises_passed,
                    exercises_total=standing.exercises_total,
                    score=standing.score,
                    passed=standing.passed,
                    pass_mark=standing.pass_mark,
                )
            )
        return rows

    def trainer_notes(self) -> list[NoteOnAnswer]:
        """Every trainer's note on the learner's answers (a comment or a changed grade), newest first."""
        from course.trainer.feedback import notes_on_answers

        return notes_on_answers(self.course, self.store, self.learner)

    def noted_exercises(self) -> set[str]:
        """The exercises with a trainer's note on one of the learner's answers (marked ✎ in the lists)."""
        return {note.exercise_id for note in self.store.trainer_notes(self.learner)
                if note.comment or note.overrides or note.decision}

    def latest_attempt(self, exercise: Exercise) -> Attempt | None:
        """The learner's last recorded answer to this exercise (the one its feedback shows), if any."""
        return self.store.latest_attempt(self.learner, exercise.id)

    def contest_words(self, exercise: Exercise) -> str:
        """What the learner said about the grade of their last answer here, and the trainer's decision ("" if none)."""
        from course.trainer.feedback import contest_words

        contest = self.contest_of(exercise)
        if contest is None:
            return ""
        notes = self.store.trainer_notes(self.learner, contest.attempt_id)
        return contest_words(contest, notes[-1] if notes else None)

    def contest_of(self, exercise: Exercise) -> Contest | None:
        """The learner's "I think this grade is wrong" about their last answer here, if they said so."""
        attempt = self.latest_attempt(exercise)
        if attempt is None:
            return None
        return next((c for c in self.store.contests(self.learner) if c.attempt_id == attempt.id), None)

    def contest_grade(self, exercise: Exercise, reason: str) -> None:
        """Keep the learner's "I think this grade is wrong" about their last answer here.

        ValueError when there is no recorded answer or no reason.
        """
        attempt = self.latest_attempt(exercise)
        if attempt is None:
            raise ValueError("there is no recorded answer here to ask about")
        self.store.contest_grade(self.learner, attempt.id, reason)

    def todays_review(self, goal: int | None = None) -> TodaysReview:
        """What the learner should come back to today, their goal and their streak (reads every answer)."""
        from course.follow_up import FollowUps
        from course.practice import DEFAULT_GOAL, learner_review

        # the customers waiting on one of the learner's promises come back in the review too
        sources = (FollowUps(self.store, self.learner), *self.review_sources)
        return learner_review(self.course, self.store, self.learner, now=self.now(), goal=goal or DEFAULT_GOAL,
                              sources=sources)

    def with_learner(self, name: str) -> Study:
        """The same study of the course, for another learner on this computer."""
        return Study(self.course, self.store, name, self.playable_kinds, report=self.report, now=self.now,
                     review_sources=self.review_sources)

    # --- telling the store what happened -----------------------------------

    def save(self, what: str, write: Callable[[], Any]) -> bool:
        """Run one store write; on trouble, say so in plain words and carry on."""
        from course.progress import StoreError

        try:
            write()
        except StoreError as error:
            self.report(f"Could not save {what}: {error}")
            return False
        return True

    def save_place(self, place: Place) -> bool:
        """Remember where the learner is, for Continue."""
        return self.save("your place", lambda: self.store.save_place(self.learner, place))

    def save_draft(self, exercise: Exercise, text: str) -> bool:
        """Keep a half-typed answer (an empty box clears it)."""
        if text.strip():
            return self.save("your draft", lambda: self.store.save_draft(self.learner, exercise.id, text))
        return self.save("your draft", lambda: self.store.clear_draft(self.learner, exercise.id))

    def draft(self, exercise: Exercise) -> str | None:
        """The half-typed answer kept for an exercise, if any."""
        return self.store.draft(self.learner, exercise.id)

    def record(self, attempt: Attempt) -> bool:
        """Record a graded attempt and drop the draft it came from."""
        from course.recording import record_attempt

        saved = self.save("your answer",
                          lambda: record_attempt(self.course, self.store, self.learner, attempt, now=self.now))
        if saved:
            self.save("your draft", lambda: self.store.clear_draft(self.learner, attempt.exercise_id))
        return saved

    def save_lesson(self, lesson: Lesson, *, page: int, scroll: float, status: str | None = None) -> bool:
        """Remember the page and scroll of a lesson (and its status)."""
        return self.save(
            "your reading position",
            lambda: self.store.save_lesson_state(
                self.learner, lesson.id, status=status, page=page, scroll=scroll
            ),
        )

    def describe(self, place: Place) -> str:
        """A place in words, for the Continue button ("" if it no longer exists)."""
        try:
            if place.screen == "lesson":
                lesson = self.course.lesson(place.target)
                return f"{lesson.title} · page {place.page + 1} of {len(lesson.sections)}"
            if place.screen in ("exercise", "feedback"):
                exercise = self.exercise(place.target)
                if exercise is None or not self.is_playable(exercise):
                    return ""
                return exercise.title + (" · your feedback" if place.screen == "feedback" else "")
            if place.screen == "module":
                return self.course.module(place.target).title
        except KeyError:
            return ""
        return ""



