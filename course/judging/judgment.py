"""The verdict on one answer, of any kind, as plain data: what every screen and command shows.

A ``Judgment`` says whether the answer passed, its score, one ``Point`` per
criterion, option, step, label, line or reply (with the words addressed to the
learner and the spans of their answer that earned or cost credit), what the
verdict rests on, and the answer itself as it should be read back (``Shown``).
Nothing here draws: the app, the command line and the trainer's tools each
render it their own way, and none of them decides anything about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from course.conversation import ConversationRun
    from course.grading import Grade

__all__ = ["Role", "Span", "Shown", "Point", "Judgment", "score_words", "severity_words", "verdict_words", "shown_of",
           "verdict_line"]

Role = Literal["strong", "dim", "credit", "cost"]
"""How a stretch of a shown answer reads: ``strong`` and ``dim`` for layout, ``credit`` for
words that earned credit, ``cost`` for words that cost it. Renderers pick the look."""


@dataclass(frozen=True)
class Span:
    """A stretch of a shown answer and how it reads."""

    start: int
    """First character (0-based) in ``Shown.text``."""
    end: int
    """One past the last character."""
    role: Role
    """What the stretch is: layout (``strong``, ``dim``) or evidence (``credit``, ``cost``)."""


@dataclass(frozen=True)
class Shown:
    """The learner's answer as it is read back to them: the text, and the stretches that matter."""

    text: str
    """Literally what the learner wrote, or their picks, order or marks laid out as lines."""
    spans: tuple[Span, ...] = ()
    """In the order they apply (a later one is laid over an earlier one where both cover a word)."""


def shown_of(pieces: list[tuple[str, Role | None]]) -> Shown:
    """Pieces of text, each with its role (or none), joined; trailing white space dropped as a reader would."""
    text = "".join(piece for piece, _ in pieces)
    kept = len(text.rstrip())
    spans = []
    offset = 0
    for piece, role in pieces:
        start, end = offset, min(offset + len(piece), kept)
        offset += len(piece)
        if role is not None and start < end:
            spans.append(Span(start, end, role))
    return Shown(text[:kept], tuple(spans))


@dataclass(frozen=True)
class Point:
    """One thing the answer was judged on: a criterion, an option, a step, a line or a reply."""

    id: str
    """Stable across attempts, so reports can count misses: a criterion's id, ``option-2``,
    ``step-3``, ``item-1``, ``line-4``, or ``turn.criterion`` in a conversation."""
    met: bool
    """Whether the answer did this right."""
    mark: str
    """A symbol and a word for it (``✓ met``, ``✗ missed``...): never colour alone."""
    label: str
    """A short tag: the criterion's severity, ``your choice``, ``step 2``, ``line 4``..."""
    feedback: str
    """What to tell the learner, in plain words."""
    heading: str = ""
    """The option, step, line or reply it is about (empty for a rubric criterion)."""
    severity: str = "actionable"
    """``essential``, ``actionable`` or ``informative``: an essential miss fails the answer."""
    weight: float = 1.0
    """Its share of the score."""
    skill: str = "attention"
    """The listening skill it evidences."""
    check: str = ""
    """For a rubric criterion, what judges it (a technique or a check kind)."""
    evidence: tuple[tuple[int, int], ...] = ()
    """Spans of the learner's text that show it (for a cost: the words that cost it)."""
    costs: bool = False
    """Whether its evidence is words that cost the answer, not words that earned credit."""
    shown: bool = True
    """Whether the learner is shown it (a course-wide harm check is shown only when missed)."""
    counted: bool = True
    """Whether the store keeps it and reports count it (a conversation's line per reply is not:
    its criteria are)."""


@dataclass(frozen=True)
class Judgment:
    """The verdict on one answer."""

    exercise_id: str
    """The exercise judged."""
    kind: str
    """Its kind."""
    passed: bool
    """Whether the answer passes."""
    score: float
    """Share of the marks, 0..1."""
    pass_mark: float
    """The score needed to pass."""
    points: tuple[Point, ...]
    """Everything the answer was judged on, in the order the feedback lists it (reports count these)."""
    summary: str = ""
    """What the verdict rests on, in a sentence or two."""
    shown: Shown | None = None
    """The answer as read back to the learner; None for a choice (its options are the points)."""
    grade: Grade | None = None
    """The rubric grade behind a text answer (or one reply of a conversation)."""
    run: ConversationRun | None = None
    """For a conversation: the conversation as played, turn by turn."""
    replies: tuple[Judgment, ...] = ()
    """For a conversation: the judgment of each reply, in order."""

    @property
    def lines(self) -> tuple[Point, ...]:
        """The points the learner is shown."""
        return tuple(point for point in self.points if point.shown)

    @property
    def counted(self) -> tuple[Point, ...]:
        """The points the store keeps with the attempt and reports count misses by."""
        return tuple(point for point in self.points if point.counted)

    @property
    def marks(self) -> tuple[str, ...]:
        """Which evidence the shown answer carries, in the order first met: ``credit`` and/or ``cost``."""
        found: list[str] = []
        for span in self.shown.spans if self.shown is not None else ():
            if span.role in ("credit", "cost") and span.role not in found:
                found.append(span.role)
        return tuple(found)

    @property
    def essential_missed(self) -> tuple[Point, ...]:
        """The essential points missed (any one fails a text answer)."""
        return tuple(point for point in self.points if not point.met and point.severity == "essential")

    @property
    def verdict(self) -> str:
        """``✓ PASSED`` or ``✗ NOT YET``: a symbol and words, never colour alone."""
        return verdict_words(self.passed)


def verdict_words(passed: bool) -> str:
    """``✓ PASSED`` or ``✗ NOT YET``."""
    return "✓ PASSED" if passed else "✗ NOT YET"


SEVERITY_WORDS = {"essential": "must", "actionable": "should", "informative": "nice to have"}
"""How a criterion's severity reads to a learner: what the course asks of them, not the rubric's terms."""


def severity_words(severity: str) -> str:
    """``must``, ``should`` or ``nice to have`` for a rubric severity (an unknown one as it is)."""
    return SEVERITY_WORDS.get(severity, severity)


def verdict_line(judgment: Judgment) -> str:
    """``✓ PASSED · 83% (strong)``: the verdict and score, with a score word only on a pass.

    A failed answer is never called "strong" or "good", whatever its score (an essential
    point missed fails a 90% answer); nor is a word added where the score is only right
    or wrong (one point, or a pass mark of 100%).
    """
    line = f"{judgment.verdict} · {round(judgment.score * 100)}%"
    if judgment.passed and len(judgment.points) > 1 and judgment.pass_mark < 1.0:
        line += f" ({score_words(judgment.score)})"
    return line


def score_words(score: float) -> str:
    """A score as a learner would say it."""
    if score >= 0.999:
        return "full marks"
    if score >= 0.85:
        return "strong"
    if score >= 0.7:
        return "good"
    if score >= 0.5:
        return "getting there"
    return "early days"
