"""The course as data: frozen dataclasses built from the content files.

Nothing here knows about grading, progress or the screen. Loading lives in
``course.content.loader``; this module only says what a course *is*.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kinds import KINDS, TEXT_KINDS

__all__ = [
    "SKILLS",
    "KINDS",
    "TEXT_KINDS",
    "CHANNELS",
    "SEVERITIES",
    "Scenario",
    "Criterion",
    "Rubric",
    "FailingExample",
    "Examples",
    "Option",
    "LabelledItem",
    "TranscriptLine",
    "CustomerLine",
    "Branch",
    "Route",
    "Turn",
    "Conversation",
    "Exercise",
    "Section",
    "Lesson",
    "Module",
    "Course",
]

SKILLS = ("attention", "empathy", "paraphrasing", "patience", "follow_through")
"""The five listening skills the course teaches; every criterion evidences one."""

CHANNELS = ("chat", "email", "phone", "social", "in-person")
"""Where the customer reaches us."""

SEVERITIES = ("essential", "actionable", "informative")
"""How much a missed criterion matters: an essential miss fails the answer."""


@dataclass(frozen=True)
class Scenario:
    """The customer and what they said."""

    customer: str
    """The customer's name as the learner sees it."""
    message: str
    """What the customer wrote or said."""
    history: str = ""
    """An optional CRM-style note: earlier contacts, account facts."""


@dataclass(frozen=True)
class Criterion:
    """One thing a good answer does (or avoids), with the words to say about it."""

    id: str
    """Unique within its rubric."""
    check: str
    """A technique name (``acknowledges_emotion``) or a check kind (``mentions``, ``avoids``...)."""
    met: str
    """Feedback when the answer meets it."""
    missed: str
    """Feedback when the answer misses it."""
    weight: float = 1.0
    """Share of the score."""
    severity: str = "actionable"
    """One of SEVERITIES."""
    skill: str = ""
    """The skill it evidences; empty means the module's skill."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """Check-specific settings (``facts``, ``at_least``, ``phrases``, ``first``/``then``...)."""
    line: int = 0
    """Line in the exercise file, for error messages."""


@dataclass(frozen=True)
class Rubric:
    """How a free-text answer is graded."""

    criteria: tuple[Criterion, ...]
    """The criteria, in the order feedback lists them."""
    pass_mark: float = 0.7
    """Weighted share of criteria to meet (and no essential one missed)."""


@dataclass(frozen=True)
class FailingExample:
    """An answer that must fail, and exactly which criteria it misses."""

    answer: str
    misses: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class Examples:
    """Answers proven against the rubric by ``listen check`` and the tests."""

    passing: tuple[str, ...] = ()
    failing: tuple[FailingExample, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Option:
    """One option of a choice or multi exercise."""

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class LabelledItem:
    """One item of a classify exercise and its right label."""

    text: str
    label: str


@dataclass(frozen=True)
class TranscriptLine:
    """One line of a spot exercise's transcript."""

    who: str
    """``customer`` or ``agent``."""
    text: str


@dataclass(frozen=True)
class CustomerLine:
    """A piece of what the customer says in a conversation turn."""

    text: str
    after: float = 1.0
    """Seconds of typing before this piece appears."""


@dataclass(frozen=True)
class Branch:
    """Where a conversation goes after a reply."""

    goto: str
    mood: int = 0
    """Change to the customer's mood (-3 furious .. +3 at ease)."""


@dataclass(frozen=True)
class Route:
    """A branch taken when a reply did something in particular, whatever its verdict.

    Every condition given must hold; a turn's routes are tried in order before its
    pass and fail branches.
    """

    goto: str
    mood: int = 0
    met: tuple[str, ...] = ()
    """Criteria of the turn's rubric (or inherited ``harm.`` ones) the reply met."""
    missed: tuple[str, ...] = ()
    """Criteria the reply missed."""
    uses: tuple[str, ...] = ()
    """Techniques the grader detects in the reply (``asks_question``, ``acknowledges_emotion``...)."""
    says: tuple[tuple[str, ...], ...] = ()
    """Facts, each with its alternatives: the reply says at least one of them."""
    interrupted: bool | None = None
    """Whether the reply was sent while the customer was still typing."""
    passed: bool | None = None
    """Whether the reply passed the turn's rubric."""
    line: int = 0


@dataclass(frozen=True)
class Turn:
    """One step of a conversation: the customer speaks, then (unless it ends) the learner replies."""

    id: str
    customer: tuple[CustomerLine, ...]
    rubric: Rubric | None = None
    """None for an ending: the customer has the last word."""
    on_pass: Branch | None = None
    on_fail: Branch | None = None
    routes: tuple[Route, ...] = ()
    """Branches on what the reply did, tried in order before ``on_pass`` and ``on_fail``."""
    summary: bool = False
    """The closing summarise-and-confirm step, graded against the conversation's facts."""
    prompt: str = ""
    """What the learner should do at this step (optional)."""
    model_answer: str = ""
    """A strong reply at this step."""
    examples: Examples = Examples()


@dataclass(frozen=True)
class Conversation:
    """A simulated customer who talks back."""

    customer: str
    mood: int
    facts: tuple[tuple[str, ...], ...]
    """What the customer tells us, each with its accepted alternatives."""
    start: str
    turns: Mapping[str, Turn]


@dataclass(frozen=True)
class Exercise:
    """One exercise, of any kind."""

    id: str
    kind: str
    title: str
    prompt: str
    path: Path
    channel: str = ""
    skill: str = ""
    """The skill it practises; empty means its module's."""
    scenario: Scenario | None = None
    rubric: Rubric | None = None
    hints: tuple[str, ...] = ()
    model_answer: str = ""
    explanation: str = ""
    examples: Examples = Examples()
    options: tuple[Option, ...] = ()
    items: tuple[str, ...] = ()
    """Order: the steps in their right order."""
    labels: tuple[str, ...] = ()
    labelled: tuple[LabelledItem, ...] = ()
    """Classify: the items with their right labels."""
    transcript: tuple[TranscriptLine, ...] = ()
    answers: tuple[int, ...] = ()
    """Spot: 1-based transcript lines where the agent stopped listening."""
    original: str = ""
    """Rewrite: the reply to rewrite."""
    conversation: Conversation | None = None
    module_id: str = ""
    """Filled by the loader from the lesson that lists this exercise."""
    content_hash: str = ""
    """Hash of the file's bytes: attempts remember which version they answered."""

    @property
    def is_text(self) -> bool:
        """Whether the learner answers in their own words against a rubric."""
        return self.kind in TEXT_KINDS


@dataclass(frozen=True)
class Section:
    """One page of a lesson: the text under one ``##`` heading."""

    title: str
    markdown: str


@dataclass(frozen=True)
class Lesson:
    """A lesson: a short Markdown read, paged by section, then its exercises."""

    id: str
    title: str
    minutes: int
    objectives: tuple[str, ...]
    exercise_ids: tuple[str, ...]
    sections: tuple[Section, ...]
    path: Path
    module_id: str = ""

    @property
    def words(self) -> int:
        """Length of the lesson in words."""
        return sum(len(section.markdown.split()) for section in self.sections)


@dataclass(frozen=True)
class Module:
    """A module: an overview and its lessons."""

    id: str
    number: int
    title: str
    skill: str
    """The skill it teaches, or empty for the welcome and the capstone."""
    summary: str
    overview: str
    lessons: tuple[Lesson, ...]
    path: Path


@dataclass(frozen=True)
class Course:
    """The whole course: modules in order and every exercise by id."""

    modules: tuple[Module, ...]
    exercises: Mapping[str, Exercise]
    root: Path
    version: str
    """A short hash of every content file: changes whenever the content does."""

    def module(self, module_id: str) -> Module:
        """The module with this id (KeyError if none)."""
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id (KeyError if none)."""
        for module in self.modules:
            for lesson in module.lessons:
                if lesson.id == lesson_id:
                    return lesson
        raise KeyError(lesson_id)

    def lessons(self) -> tuple[Lesson, ...]:
        """Every lesson in course order."""
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id (KeyError if none)."""
        return self.exercises[exercise_id]

    def exercises_of(self, module_id: str) -> tuple[Exercise, ...]:
        """A module's exercises in lesson order."""
        module = self.module(module_id)
        return tuple(
            self.exercises[exercise_id]
            for lesson in module.lessons
            for exercise_id in lesson.exercise_ids
            if exercise_id in self.exercises
        )

    def lesson_of(self, exercise_id: str) -> Lesson:
        """The lesson that lists this exercise."""
        for lesson in self.lessons():
            if exercise_id in lesson.exercise_ids:
                return lesson
        raise KeyError(exercise_id)
