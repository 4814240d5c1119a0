"""The grader's report card: how often it agrees with people, measured at release.

``report_card.json`` beside this module is written by ``bench/report_card.py`` from the two
agreement benches (``bench/agreement.py`` on human-labelled dialogue, ``bench/trainer_agreement.py``
on the trainers' panel) and shipped with the package, so a trainer can read, before trusting a
report, how far each technique's verdicts match people's, beside a naive one-line rule and, where
it is known, how far people agree with each other. ``tests/grading/test_report_card.py`` re-runs
the benches and fails when the shipped figures no longer match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["CARD_PATH", "TechniqueCard", "PanelCard", "ReportCard", "report_card", "plain_lines"]

CARD_PATH = Path(__file__).with_name("report_card.json")

PLAIN_NAMES = {
    "asks_question": "asking a question",
    "asks_open_question": "asking an open question",
    "reflects_content": "saying back what the customer said",
    "acknowledges_emotion": "naming the customer's feeling",
    "reassures": "reassuring",
    "offers_solution": "offering a way forward",
    "summarizes_and_confirms": "summing up and checking",
}
"""How each measured technique is named to a trainer."""


@dataclass(frozen=True)
class TechniqueCard:
    """One technique measured against one human-labelled set."""

    technique: str
    against: str
    """The set and label, in words ("counselling sessions, marked as questions")."""
    items: int
    """How many utterances people marked positive."""
    precision: float
    recall: float
    f1: float
    naive_f1: float
    """The same figure for a one-line rule written before looking: the floor to beat."""
    people: str
    """How far people agree with each other on this label, in words, or "" when not known."""


@dataclass(frozen=True)
class PanelCard:
    """The grader's pass/fail verdicts against trainers' on learner answers."""

    answers: int
    agreement: float
    kappa: float
    good_failed: float
    """Share of the answers trainers pass that the grader fails."""
    gamed_passed: float
    """Share of gamed answers (keyword lists, stacked stock lines, parroting, stock empathy) passed."""
    harmful_passed: float
    fresh: dict[str, float]
    """The same figures on answers written after the grader was last changed (a truer figure)."""
    people: str


@dataclass(frozen=True)
class ReportCard:
    measured: str
    techniques: tuple[TechniqueCard, ...]
    panel: PanelCard


def _card(raw: dict[str, Any]) -> ReportCard:
    return ReportCard(
        measured=str(raw["measured"]),
        techniques=tuple(TechniqueCard(**row) for row in raw["techniques"]),
        panel=PanelCard(**raw["panel"]),
    )


@lru_cache(maxsize=1)
def report_card(path: Path = CARD_PATH) -> ReportCard:
    """The shipped report card."""
    return _card(json.loads(path.read_text(encoding="utf-8")))


def _in_ten(share: float) -> str:
    """How often, in words: "9 times in 10", "almost never", "every time"."""
    tens = round(share * 10)
    return "almost never" if tens == 0 else ("every time" if tens == 10 else f"{tens} times in 10")


def _of_ten(share: float) -> str:
    """How many of them, in words: "2 in 10", "almost none", "almost all"."""
    tens = round(share * 10)
    return "almost none" if tens == 0 else ("almost all" if tens == 10 else f"{tens} in 10")


def plain_lines(card: ReportCard | None = None) -> list[str]:
    """The report card in plain words, one paragraph per line."""
    card = card or report_card()
    panel = card.panel
    lines = [
        f"Pass or fail, against trainers (on {panel.answers:,} learner answers): the grader gives the "
        f"trainers' verdict {_in_ten(panel.agreement)} (Cohen's kappa {panel.kappa:.2f}; 0 is chance, 1 is "
        f"always). It fails {_of_ten(panel.good_failed)} of the answers trainers pass ({panel.good_failed:.0%}), passes "
        f"{_of_ten(panel.gamed_passed)} of the answers built to game it ({panel.gamed_passed:.0%}) and "
        f"{_of_ten(panel.harmful_passed)} of the harmful ones ({panel.harmful_passed:.0%}). {panel.people}".strip(),
    ]
    if panel.fresh:
        fresh = panel.fresh
        lines.append(
            f"On {int(fresh['answers']):,} answers written after the grader was last changed, a truer test: "
            f"the trainers' verdict {_in_ten(fresh['agreement'])} (kappa {fresh['kappa']:.2f}); it fails "
            f"{_of_ten(fresh['good_failed'])} of the good answers ({fresh['good_failed']:.0%}) and passes "
            f"{_of_ten(fresh['harmful_passed'])} of the harmful ones ({fresh['harmful_passed']:.0%}). Read a failed attempt's feedback before you rely on the verdict."
        )
    for row in card.techniques:
        name = PLAIN_NAMES.get(row.technique, row.technique.replace("_", " "))
        verdict = "better than" if row.f1 > row.naive_f1 else "no better than"
        people = f" {row.people}" if row.people else ""
        lines.append(
            f"{name.capitalize()}, on {row.against} ({row.items:,} of them): it finds "
            f"{_of_ten(row.recall)}, and when it says so, people agree {_in_ten(row.precision)} "
            f"(F1 {row.f1:.2f}; a one-line rule gets {row.naive_f1:.2f}, so it is {verdict} that rule).{people}"
        )
    lines.append(f"Measured {card.measured}.")
    return lines
