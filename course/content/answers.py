"""What an answer of each kind is: options picked, steps ordered, lines labelled or marked, words, a conversation.

The store keeps an answer as plain JSON data, and a half-done one as that
JSON's text in a draft. Each model reads either back (``from_recorded``,
forgiving: what no longer fits the exercise is left out, so a damaged draft
starts afresh) and gives the data to keep (``recorded``). On the command line
an answer is typed as the numbers (or labels) shown beside each option, step
or line (``from_typed``, strict: anything that does not fit is a
``ValueError`` whose message says what is wrong, in one line).

Options and steps are shown shuffled, because writers tend to put right
answers first, but the same way for everyone every time (seeded by the
exercise id), so the app, the command line, the feedback and the pictures in
the tests agree on what number 2 is.
"""

from __future__ import annotations

import json
import random
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from .model import Exercise

__all__ = [
    "MAX_WRITTEN_CHARS",
    "MAX_REPLY_CHARS",
    "answer_data",
    "option_order",
    "starting_order",
    "Answer",
    "Picks",
    "Arrangement",
    "Labelling",
    "Marks",
    "Written",
    "Talk",
]


MAX_WRITTEN_CHARS = 50_000
"""The longest answer in the learner's own words listen takes (it is graded on its first 4,000)."""

MAX_REPLY_CHARS = 5_000
"""The longest reply in a conversation: a turn's reply is a few sentences; a pasted page is not a reply."""


def answer_data(answer: Any) -> Any:
    """A recorded answer, or a draft's JSON text, as data (None if unreadable)."""
    if isinstance(answer, str):
        try:
            return json.loads(answer)
        except ValueError:
            return None
    return answer


def option_order(exercise: Exercise) -> list[int]:
    """Option indexes in the order they are shown."""
    order = list(range(len(exercise.options)))
    random.Random(exercise.id).shuffle(order)
    return order


def starting_order(exercise: Exercise) -> list[int]:
    """Step indexes as first shown: shuffled the same way for everyone, never already right."""
    order = list(range(len(exercise.items)))
    random.Random(exercise.id).shuffle(order)
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _whole_number(word: str) -> int:
    """A number as typed (digits only), or ValueError."""
    text = word.strip()
    if not text.isdigit() or not text.isascii():
        raise ValueError(f"{text!r} is not a number")  # quoted as Python would: one line, whatever was typed
    return int(text)


def _numbers(words: Sequence[str], what: str, count: int) -> list[int]:
    """Numbers as typed, each one shown (1 to ``count``) and none twice; ValueError otherwise."""
    numbers = []
    for word in words:
        number = _whole_number(word)
        if not 1 <= number <= count:
            raise ValueError(f"there is no {what} {number}: they are numbered 1 to {count}")
        if number in numbers:
            raise ValueError(f"{what} {number} is given twice")
        numbers.append(number)
    return numbers


class Answer(ABC):
    """What every kind's answer offers: read back from the store, kept, and typed on the command line."""

    option: ClassVar[str] = ""
    """The command-line option it is typed with (``pick``, ``order``...); empty when it is not typed
    as numbers (text comes from ``--answer``, a file or standard input; a conversation is played)."""
    metavar: ClassVar[str] = ""
    """How the option's value is written in help."""
    help: ClassVar[str] = ""
    """The option's help text."""
    played_with: ClassVar[str] = ""
    """The command that plays an exercise of this kind, when it is not answered in one go (``converse``)."""

    @classmethod
    @abstractmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Answer:
        """The answer kept in the store (or a draft's JSON text), forgiving what no longer fits."""

    @classmethod
    def from_typed(cls, exercise: Exercise, words: Sequence[str]) -> Answer:
        """The answer typed as numbers or labels, one per word; ValueError saying what does not fit."""
        raise ValueError("this kind of exercise is not answered with numbers")

    @classmethod
    def numbered(cls, exercise: Exercise) -> tuple[str, ...]:
        """The lines to show before asking for the answer: each option, step or line with its number."""
        return ()

    @classmethod
    def form(cls, exercise: Exercise) -> str:
        """How the answer to this exercise is written after its option (``N``, ``N,N,...``)."""
        return cls.metavar

    @abstractmethod
    def recorded(self) -> Any:
        """The answer as plain JSON data, as the store keeps it."""

    def as_typed(self, exercise: Exercise) -> tuple[str, ...]:
        """The words that type this answer (``from_typed`` reads them back); none for a kind not typed so."""
        return ()

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """The answer as lines a person reads (a trainer's note beside it, the review): what was chosen, in words."""
        return tuple(str(self.recorded()).splitlines())


@dataclass(frozen=True)
class Picks(Answer):
    """The options chosen (choice: one; multi: every one that applies), by index in the exercise file."""

    chosen: tuple[int, ...]
    """Option indexes (0-based, in the file's order, not the shown one)."""

    option: ClassVar[str] = "pick"
    metavar: ClassVar[str] = "N[,N...]"
    help: ClassVar[str] = "Choice and multi: the option(s) you pick, by the numbers shown."

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Picks:
        """Option indexes from a recorded answer or a kept draft (a list, or its JSON)."""
        data = answer_data(answer)
        if not isinstance(data, list):
            return cls(())
        return cls(tuple(item for item in data if isinstance(item, int) and not isinstance(item, bool)))

    @classmethod
    def from_typed(cls, exercise: Exercise, words: Sequence[str]) -> Picks:
        """Picks by the numbers shown: a choice takes exactly one, a multi one or more."""
        order = option_order(exercise)
        numbers = _numbers(words, "option", len(order))
        if exercise.kind == "choice" and len(numbers) != 1:
            raise ValueError(f"pick exactly one option, not {len(numbers)}")
        if not numbers:
            raise ValueError("pick at least one option")
        chosen = [order[number - 1] for number in numbers]
        return cls(tuple(chosen if exercise.kind == "choice" else sorted(chosen)))

    @classmethod
    def numbered(cls, exercise: Exercise) -> tuple[str, ...]:
        """Every option, numbered as shown."""
        return tuple(f"{number}. {exercise.options[index].text.strip()}"
                     for number, index in enumerate(option_order(exercise), start=1))

    @classmethod
    def form(cls, exercise: Exercise) -> str:
        """One number for a choice; one or more for a multi."""
        return "N" if exercise.kind == "choice" else cls.metavar

    def recorded(self) -> list[int]:
        """The option indexes."""
        return list(self.chosen)

    def as_typed(self, exercise: Exercise) -> tuple[str, ...]:
        """The numbers shown beside the options picked."""
        shown = {index: number for number, index in enumerate(option_order(exercise), start=1)}
        return tuple(str(shown[index]) for index in self.chosen if index in shown)

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """``Chose: <option>`` for each option picked."""
        picked = [exercise.options[index].text.strip() for index in self.chosen if 0 <= index < len(exercise.options)]
        return tuple(f"Chose: {text}" for text in picked) or ("Chose nothing",)


@dataclass(frozen=True)
class Arrangement(Answer):
    """The steps in the learner's order."""

    order: tuple[int, ...] | None
    """Step indexes (in the file's order, which is the right one), or None unless every step is there once."""
    steps: tuple[str, ...] = ()
    """The steps' texts in the learner's order, as the store keeps them."""

    option: ClassVar[str] = "order"
    metavar: ClassVar[str] = "N,N,..."
    help: ClassVar[str] = "Order: every step once, by the numbers shown, first step first."

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Arrangement:
        """The order recorded as the steps' texts; None unless the answer holds every step once."""
        data = answer_data(answer)
        if not isinstance(data, list) or len(data) != len(exercise.items):
            return cls(None)
        left = list(range(len(exercise.items)))
        order = []
        for text in data:
            index = next((i for i in left if exercise.items[i] == text), None)
            if index is None:
                return cls(None)
            left.remove(index)
            order.append(index)
        return cls(tuple(order), tuple(data))

    @classmethod
    def from_typed(cls, exercise: Exercise, words: Sequence[str]) -> Arrangement:
        """Every step once, by the numbers shown."""
        shown = starting_order(exercise)
        numbers = _numbers(words, "step", len(shown))
        if len(numbers) != len(shown):
            raise ValueError(f"give all {len(shown)} steps, each once, not {len(numbers)}")
        order = tuple(shown[number - 1] for number in numbers)
        return cls(order, tuple(exercise.items[index] for index in order))

    @classmethod
    def numbered(cls, exercise: Exercise) -> tuple[str, ...]:
        """Every step, numbered as first shown (shuffled)."""
        return tuple(f"{number}. {exercise.items[index].strip()}"
                     for number, index in enumerate(starting_order(exercise), start=1))

    def recorded(self) -> list[str]:
        """The steps' texts in the learner's order."""
        return list(self.steps)

    def as_typed(self, exercise: Exercise) -> tuple[str, ...]:
        """The numbers the steps were first shown with, in the learner's order (none unless every step is there)."""
        shown = {index: number for number, index in enumerate(starting_order(exercise), start=1)}
        return tuple(str(shown[index]) for index in self.order or () if index in shown)

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """The steps in the learner's order, numbered."""
        return tuple(f"{number}. {step.strip()}" for number, step in enumerate(self.steps, start=1))


@dataclass(frozen=True)
class Labelling(Answer):
    """The label given to each line."""

    labels: Mapping[str, str] = field(default_factory=dict)
    """``{line: label}`` for the lines labelled with one of the exercise's labels."""

    option: ClassVar[str] = "labels"
    metavar: ClassVar[str] = "LABEL,LABEL,..."
    help: ClassVar[str] = "Classify: one label for each line, in the order shown."

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Labelling:
        """The labels recorded, leaving out lines and labels the exercise does not have."""
        data = answer_data(answer)
        if not isinstance(data, dict):
            return cls({})
        items = {item.text for item in exercise.labelled}
        return cls({
            item: label for item, label in data.items()
            if item in items and isinstance(label, str) and label in exercise.labels
        })

    @classmethod
    def from_typed(cls, exercise: Exercise, words: Sequence[str]) -> Labelling:
        """One label per line, in order; a label may be typed in any case."""
        lines = exercise.labelled
        if len(words) != len(lines):
            raise ValueError(f"give one label for each of the {len(lines)} lines, in order, not {len(words)}")
        known = {label.casefold(): label for label in exercise.labels}
        given = {}
        for item, word in zip(lines, words, strict=True):
            label = known.get(word.strip().casefold())
            if label is None:
                raise ValueError(f"{word.strip()!r} is not a label here (the labels: {', '.join(exercise.labels)})")
            given[item.text] = label
        return cls(given)

    @classmethod
    def numbered(cls, exercise: Exercise) -> tuple[str, ...]:
        """The labels to choose from, then every line, numbered."""
        return (f"Labels: {', '.join(exercise.labels)}",
                *(f"{number}. {item.text.strip()}" for number, item in enumerate(exercise.labelled, start=1)))

    def recorded(self) -> dict[str, str]:
        """``{line: label}``."""
        return dict(self.labels)

    def as_typed(self, exercise: Exercise) -> tuple[str, ...]:
        """Each line's label, in order (an empty word for a line not labelled yet)."""
        return tuple(self.labels.get(item.text, "") for item in exercise.labelled)

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """``<line> → <label>`` for every line, in order."""
        return tuple(f"{item.text.strip()} → {self.labels.get(item.text, 'no label')}" for item in exercise.labelled)


@dataclass(frozen=True)
class Marks(Answer):
    """The transcript lines marked as where the agent stopped listening."""

    lines: tuple[int, ...]
    """1-based line numbers, in order, each once."""

    option: ClassVar[str] = "lines"
    metavar: ClassVar[str] = "N[,N...]"
    help: ClassVar[str] = "Spot: the transcript line(s) where the agent stopped listening."

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Marks:
        """The lines marked, in order, each once; numbers that are not lines are left out."""
        data = answer_data(answer)
        if not isinstance(data, list):
            return cls(())
        count = len(exercise.transcript)
        return cls(tuple(sorted({
            n for n in data if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count
        })))

    @classmethod
    def from_typed(cls, exercise: Exercise, words: Sequence[str]) -> Marks:
        """At least one line, by its number."""
        numbers = _numbers(words, "line", len(exercise.transcript))
        if not numbers:
            raise ValueError("mark at least one line")
        return cls(tuple(sorted(numbers)))

    @classmethod
    def numbered(cls, exercise: Exercise) -> tuple[str, ...]:
        """Every line of the transcript, with its number and who says it."""
        width = len(str(len(exercise.transcript)))
        return tuple(f"{number:>{width}}. {line.who.strip().capitalize()}: {line.text.strip()}"
                     for number, line in enumerate(exercise.transcript, start=1))

    def recorded(self) -> list[int]:
        """The line numbers."""
        return list(self.lines)

    def as_typed(self, exercise: Exercise) -> tuple[str, ...]:
        """The line numbers."""
        return tuple(str(number) for number in self.lines)

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """Each line marked: its number, who says it and what."""
        transcript = exercise.transcript
        return tuple(f"Marked line {n}: {transcript[n - 1].who.strip().capitalize()}: {transcript[n - 1].text.strip()}"
                     for n in self.lines if 1 <= n <= len(transcript)) or ("Marked no line",)


@dataclass(frozen=True)
class Written(Answer):
    """An answer in the learner's own words: a reply, a paraphrase, a rewrite."""

    text: str
    """Exactly as typed."""

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Written:
        """The text recorded (anything else reads as its string)."""
        return cls(answer if isinstance(answer, str) else ("" if answer is None else str(answer)))

    def recorded(self) -> str:
        """The text."""
        return self.text

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """The text's lines, as written."""
        return tuple(self.text.strip().splitlines())


def _listed(data: Mapping[str, Any], key: str) -> list[Any]:
    """A list kept under ``key`` (empty when missing or not a list: a damaged draft starts afresh)."""
    value = data.get(key)
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class Talk(Answer):
    """A conversation as played: the replies sent, and how much of each turn had been heard when each went.

    That is enough to play it again exactly (``course.judging.conversation.replay``);
    the rest of a recorded conversation (interruptions, path, mood) follows from the
    play, and is written by ``course.judging.conversation.answer_of``.
    """

    replies: tuple[str, ...] = ()
    """Every reply, in order."""
    heard: tuple[int, ...] = ()
    """For each reply, how many of the customer's pieces had appeared when it was sent."""
    notes: str = ""
    """The learner's notes."""
    shown: int | None = None
    """A draft: the pieces of the current turn already shown (None: all of them)."""
    typed: str = ""
    """A draft: the reply being typed."""
    seconds: float = 0.0
    """A draft: time spent so far."""

    played_with: ClassVar[str] = "converse"

    @classmethod
    def from_recorded(cls, exercise: Exercise, answer: Any) -> Talk:
        """A recorded conversation or a draft; what does not fit reads as not there."""
        data = answer_data(answer)
        data = data if isinstance(data, dict) else {}
        notes, typed, shown, seconds = data.get("notes"), data.get("typed"), data.get("shown"), data.get("seconds")
        return cls(
            replies=tuple(text for text in _listed(data, "replies") if isinstance(text, str)),
            heard=tuple(n if isinstance(n, int) and not isinstance(n, bool) else 10**6 for n in _listed(data, "heard")),
            notes=notes if isinstance(notes, str) else "",
            shown=shown if isinstance(shown, int) and not isinstance(shown, bool) else None,
            typed=typed if isinstance(typed, str) else "",
            seconds=float(seconds) if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) else 0.0,
        )

    def recorded(self) -> dict[str, Any]:
        """The replies, what was heard and the notes (a played run records more: see the class)."""
        return {"replies": list(self.replies), "heard": list(self.heard), "notes": self.notes}

    def read_back(self, exercise: Exercise) -> tuple[str, ...]:
        """``Reply 1: ...`` for each reply sent."""
        return tuple(f"Reply {number}: {' '.join(text.split())}"
                     for number, text in enumerate(self.replies, start=1)) or ("No reply sent",)
