"""Every kind of exercise, each declared once: everything else about kinds is derived from here.

A kind says how the learner reads its name, what its answer is (a model in
``course.content.answers``), which part of ``schema/exercise.schema.json`` its
files must also meet (``$defs.kinds.<schema>``), which function in
``course.judging`` judges it, and its xAPI interaction type. The kinds the
content accepts, the schema's list of kinds, the judges, the xAPI
vocabulary, the command line's answer options and the app's table of screens
are all read from ``EXERCISE_KINDS``; a test fails when one of them is missing
a kind.

The judge is named, not imported: content knows nothing of grading (the
judging package, which sits above both, resolves the name).

Adding a kind is: its line here; its judge (a function in ``course/judging/``);
its line in ``course/tui/kinds.py`` (an existing screen, or a new one); its
part in ``schema/exercise.schema.json`` unless it shares one (as multi shares
choice's); and an example exercise in the bundled course, listed by a lesson.
A new shape of answer is a new model in ``answers.py`` (its command-line option
comes with it); new fields in exercise files are ``model.py`` and ``exercises.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .answers import Answer, Arrangement, Labelling, Marks, Picks, Talk, Written

if TYPE_CHECKING:
    from .model import Exercise

__all__ = ["ExerciseKind", "EXERCISE_KINDS", "KINDS", "TEXT_KINDS", "exercise_kind", "answer_lines"]


@dataclass(frozen=True)
class ExerciseKind:
    """One kind of exercise."""

    name: str
    """As written in an exercise file's ``kind:``."""
    word: str
    """The kind as the learner reads it in lists (``choose one``, ``put in order``...)."""
    answer: type[Answer]
    """What an answer of this kind is, read back from the store and typed on the command line."""
    schema: str
    """The part of the exercise schema its files must meet as well: ``$defs.kinds.<schema>``."""
    judge: str
    """The function in ``course.judging`` that judges an answer, as ``module:function``."""
    interaction: str
    """Its xAPI 1.0.3 interaction type."""

    @property
    def in_words(self) -> bool:
        """Whether it is answered in the learner's own words and graded against a rubric."""
        return self.answer is Written


EXERCISE_KINDS: tuple[ExerciseKind, ...] = (
    ExerciseKind("choice", "choose one", Picks, "choice", "choice:judge_choice", "choice"),
    ExerciseKind("multi", "choose all that apply", Picks, "choice", "choice:judge_choice", "choice"),
    ExerciseKind("order", "put in order", Arrangement, "order", "order:judge_order", "sequencing"),
    ExerciseKind("classify", "label each line", Labelling, "classify", "classify:judge_classify", "matching"),
    ExerciseKind("spot", "spot the slip", Marks, "spot", "spot:judge_spot", "choice"),
    ExerciseKind("reply", "reply", Written, "written", "written:judge_written", "long-fill-in"),
    ExerciseKind("paraphrase", "paraphrase", Written, "written", "written:judge_written", "long-fill-in"),
    ExerciseKind("rewrite", "rewrite", Written, "rewrite", "written:judge_written", "long-fill-in"),
    ExerciseKind("conversation", "conversation", Talk, "conversation", "conversation:judge_conversation", "other"),
)
"""Every kind, in the order the schema lists them."""

KINDS = tuple(kind.name for kind in EXERCISE_KINDS)
"""Every kind's name."""

TEXT_KINDS = tuple(kind.name for kind in EXERCISE_KINDS if kind.in_words)
"""Kinds answered with free text and graded against a rubric."""

_BY_NAME = {kind.name: kind for kind in EXERCISE_KINDS}


def exercise_kind(name: str) -> ExerciseKind:
    """The kind with this name (KeyError if there is none)."""
    return _BY_NAME[name]


def answer_lines(exercise: Exercise, answer: Any) -> tuple[str, ...]:
    """An answer of any kind (its model, or the data the store keeps) as lines a person reads."""
    model = exercise_kind(exercise.kind).answer
    given = answer if isinstance(answer, model) else model.from_recorded(exercise, answer)
    return given.read_back(exercise)
