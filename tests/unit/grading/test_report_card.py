"""The grader's report card: the figures shipped in the package are the benches' own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.grading.report_card import CARD_PATH, plain_lines, report_card

ROOT = Path(__file__).resolve().parents[3]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def test_the_shipped_card_reads_in_plain_words():
    card = report_card()
    lines = plain_lines(card)
    assert lines[0].startswith("Pass or fail, against trainers")
    assert len(lines) == len(card.techniques) + 1 + bool(card.panel.fresh) + 1
    for row in card.techniques:
        assert 0 <= row.precision <= 1 and 0 <= row.recall <= 1 and 0 <= row.naive_f1 <= 1
    assert all("_" not in line.split(",")[0] for line in lines[1:])  # techniques named in words


@pytest.mark.skipif(
    not BENCHMARKS.is_dir(), reason="needs ../shared/benchmarks: the human-labelled sets are never shipped"
)
def test_the_shipped_figures_are_what_the_benches_measure_now():
    from bench.report_card import comparable, measure

    shipped = json.loads(CARD_PATH.read_text(encoding="utf-8"))
    measured = measure(BENCHMARKS, shipped["panel"]["fresh"])
    assert comparable(measured) == comparable(shipped), "the grader changed: run python bench/report_card.py --write"
