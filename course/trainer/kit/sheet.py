"""What a printed kit page is made of, before it is HTML or plain text.

Cards, observer sheets and the self-assessment are built as ``Sheet``s of a
few kinds of part; ``as_html`` and ``as_text`` each lay every part out one
way, so the two forms of a page always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Words", "Said", "Points", "Check", "Checks", "Ratings", "Notes", "Part", "Section", "Sheet", "SCALE"]

SCALE = ("not yet", "sometimes", "usually", "every time")
"""The self-assessment's four ratings, 1 to 4."""


@dataclass(frozen=True)
class Words:
    """A paragraph of plain prose."""

    text: str


@dataclass(frozen=True)
class Said:
    """What someone says or writes, word for word, line breaks kept."""

    lines: tuple[str, ...]
    """Each piece, in the order it is said."""
    cue: str = ""
    """When it is said (``If the agent replies before you have finished:``); empty: straight away."""


@dataclass(frozen=True)
class Points:
    """A list of short points."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """One thing an observer ticks when they see it."""

    text: str
    """What the agent did, as the observer would see it."""
    weight: str
    """``must``, ``should`` or ``nice to have``."""


@dataclass(frozen=True)
class Checks:
    """Tick boxes for an observer."""

    items: tuple[Check, ...]


@dataclass(frozen=True)
class Ratings:
    """Statements the learner rates on ``SCALE``."""

    statements: tuple[str, ...]


@dataclass(frozen=True)
class Notes:
    """Room to write by hand."""

    label: str
    lines: int = 3


Part = Words | Said | Points | Checks | Ratings | Notes
"""Any one part of a section."""


@dataclass(frozen=True)
class Section:
    """A heading and what comes under it."""

    heading: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Sheet:
    """One printed page (or more, for a long observer sheet): a card, an observer sheet, a self-assessment."""

    kind: str
    """What the page is, as printed at its top: ``Customer card``, ``Observer sheet``..."""
    title: str
    """The exercise's or module's title."""
    sections: tuple[Section, ...]
    reference: str = ""
    """The exercise or module id, so a trainer can match pages to the course."""
