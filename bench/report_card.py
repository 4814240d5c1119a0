"""The grader's report card, shipped in the package: measured here, from the two agreement benches.

    python bench/report_card.py            # print it, and say whether the shipped card still matches
    python bench/report_card.py --write [--fresh DIR]

``--write`` measures every technique against the human-labelled dev sets (``bench/agreement.py``)
and the grader against the trainers' panel (``bench/trainer_agreement.py``), and writes
``course/grading/report_card.json``. ``--fresh DIR`` adds the figures on a panel written after the
grader last changed (answers nobody tuned on); without it the shipped fresh figures are kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import agreement, trainer_agreement  # noqa: E402
from course.content import load_course  # noqa: E402
from course.grading.report_card import CARD_PATH, _card, plain_lines, report_card  # noqa: E402
from course.paths import bundled_content_dir  # noqa: E402

AGAINST = {
    "annomi": "counselling sessions (AnnoMI)",
    "esconv": "emotional-support chats (ESConv)",
    "epitome_reddit": "peer-support replies (EPITOME)",
}
LABELS = {
    "question": "questions", "open": "open questions", "reflection": "reflections", "Restatement": "restatements",
    "reactions>=1": "emotional reactions", "Reflection of feelings": "reflections of feeling",
    "Affirmation": "affirmation and reassurance", "Providing Suggestions": "suggestions", "Question": "questions",
}
"""The label of each pair, as a trainer would say it."""
PEOPLE_ON_PANEL = "Experienced trainers marking the same answers blind agree with each other about 99 times in 100."


def technique_rows(benchmarks: Path) -> list[dict]:
    """One row per pair of ``bench/agreement.py``, on all of the dev split."""
    rows, data = [], {}
    for pair in agreement.PAIRS:
        if pair.dataset not in data:
            data[pair.dataset] = agreement.load(benchmarks, pair.dataset)
        precision, recall, f1, positives = agreement.measure(pair, data[pair.dataset])
        label = pair.name.split("~", 1)[1].strip().split(" ", 1)[1]
        rows.append({
            "technique": pair.technique,
            "against": f"{AGAINST[pair.dataset]}, where people marked {LABELS.get(label, label)}",
            "items": positives,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "naive_f1": round(agreement.naive_f1(pair, data[pair.dataset]), 3),
            "people": "",
        })
    return rows


def panel_figures(panel: Path) -> dict[str, float]:
    """Agreement, κ and the three shares on one panel folder."""
    marked = trainer_agreement.mark_all(load_course(bundled_content_dir()), panel)
    good = [m for m in marked if m.kind in trainer_agreement.GOOD and m.trainer]
    gamed = [m for m in marked if m.kind in trainer_agreement.GAMED]
    harmful = [m for m in marked if m.kind == "harmful"]
    return {
        "answers": len(marked),
        "agreement": round(sum(m.trainer == m.grader for m in marked) / len(marked), 3),
        "kappa": round(trainer_agreement.kappa([(m.trainer, m.grader) for m in marked]), 3),
        "good_failed": round(sum(not m.grader for m in good) / max(1, len(good)), 3),
        "gamed_passed": round(sum(m.grader for m in gamed) / max(1, len(gamed)), 3),
        "harmful_passed": round(sum(m.grader for m in harmful) / max(1, len(harmful)), 3),
    }


def measure(benchmarks: Path, fresh: dict[str, float]) -> dict:
    """The whole card as JSON data."""
    panel = panel_figures(trainer_agreement.PANEL)
    panel["answers"] = int(panel["answers"])
    return {
        "measured": dt.date.today().isoformat(),
        "techniques": technique_rows(benchmarks),
        "panel": {**panel, "fresh": fresh, "people": PEOPLE_ON_PANEL},
    }


def comparable(raw: dict) -> dict:
    """The card without its date: what must match between a run and the shipped file."""
    return {key: value for key, value in raw.items() if key != "measured"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--write", action="store_true", help="write course/grading/report_card.json")
    parser.add_argument("--fresh", type=Path, default=None, help="a panel folder written after the last change")
    args = parser.parse_args(argv)
    if not args.benchmarks.is_dir():
        print(f"no benchmarks folder at {args.benchmarks}", file=sys.stderr)
        return 2
    shipped = json.loads(CARD_PATH.read_text(encoding="utf-8")) if CARD_PATH.exists() else None
    fresh = panel_figures(args.fresh) if args.fresh else (shipped or {}).get("panel", {}).get("fresh", {})
    measured = measure(args.benchmarks, fresh)
    if args.write:
        CARD_PATH.write_text(json.dumps(measured, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        report_card.cache_clear()
        print(f"wrote {CARD_PATH.relative_to(ROOT)}")
    for line in plain_lines(_card(measured)):
        print(f"- {line}")
    if not args.write and (shipped is None or comparable(shipped) != comparable(measured)):
        print("the shipped report card no longer matches: run with --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
