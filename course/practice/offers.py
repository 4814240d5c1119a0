"""Which exercise opens each card due: the review's list, worked out the same way wherever it is needed.

The list shown to the learner and the replay that counts their answers toward the day's goal
both use this, so an answer to an item on the list counts for that item.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from fsrs import Scheduler

from .cards import ReviewCard
from .variants import FRESH_DAYS, Answered, freshest

__all__ = ["Catalogue", "by_urgency", "offers"]


@dataclass(frozen=True)
class Catalogue:
    """What the course offers a review: each exercise's fresh variants and the techniques it works on."""

    variants: Mapping[str, Sequence[str]]
    """For each exercise answered, the exercises that review the same skill with another customer, closest first."""
    practising: Mapping[str, Collection[str]]
    """The techniques each exercise sets out to practise (its own criteria)."""
    order: Mapping[str, int]
    """Each exercise's place in the course."""
    reviewed_by: Mapping[str, Sequence[str]] = field(init=False)
    """For each exercise, the answered exercises it is a fresh variant of (worked out from ``variants``)."""

    def __post_init__(self) -> None:
        stands_in: dict[str, list[str]] = {}
        for exercise_id, others in self.variants.items():
            for other in others:
                stands_in.setdefault(other, []).append(exercise_id)
        object.__setattr__(self, "reviewed_by", stands_in)


def by_urgency(cards: Iterable[ReviewCard], day: date, zone: tzinfo | None, fsrs: Scheduler) -> list[ReviewCard]:
    """The cards due by ``day``, most urgent first: due longest, then least likely to be remembered.

    How likely is reckoned at the end of the learner's day, so the order holds all day long
    (FSRS counts whole days since the last review).
    """
    end = datetime.combine(day, time.max, tzinfo=zone)
    due = [card for card in cards if card.due <= day]
    return sorted(due, key=lambda card: (card.due, fsrs.get_card_retrievability(card.card, end), card.key))


def offers(urgent: Iterable[ReviewCard], catalogue: Catalogue, answered: Mapping[str, Answered],
           today: date, *, at_most: int | None = None) -> list[tuple[ReviewCard, str]]:
    """Each due card (most urgent first) and the exercise that opens it, no exercise twice.

    An exercise's card opens a fresh variant if one was not just done, else the exercise itself;
    a technique's card opens the freshest exercise that sets out to practise it. A card with
    nothing left to open is left out: answering what is already listed reviews it too. At most
    ``at_most`` cards are given an exercise.
    """
    chosen: list[tuple[ReviewCard, str]] = []
    taken: set[str] = set()
    for card in urgent:
        if at_most is not None and len(chosen) >= at_most:
            break
        kind, _, name = card.key.partition(":")
        if kind == "exercise":
            if name not in catalogue.order:
                continue  # gone from the course since it was answered
            target = _fresh_variant(name, catalogue.variants.get(name, ()), answered, today, taken)
        else:
            working_on = sorted((e for e, its in catalogue.practising.items() if name in its),
                                key=lambda e: catalogue.order.get(e, len(catalogue.order)))
            target = freshest(working_on, answered, today, taken)
        if target is not None:
            taken.add(target)
            chosen.append((card, target))
    return chosen


def _fresh_variant(exercise_id: str, variants: Sequence[str], answered: Mapping[str, Answered], today: date,
                   taken: set[str]) -> str | None:
    """Another customer on the same skill if one was not just done; else the exercise itself."""
    pick = freshest(variants, answered, today, taken)
    record = answered.get(pick) if pick else None
    if pick is not None and (record is None or (today - record.last).days > FRESH_DAYS):
        return pick
    return exercise_id if exercise_id not in taken else pick
