"""How far the technique detectors agree with people: precision, recall and F1 per technique.

Reads the human-labelled dev splits (AnnoMI, EPITOME, ESConv) from ``../shared/benchmarks``
(or ``--benchmarks DIR``), runs ``course.grading.detect`` over every utterance with the turn it
answers as context, and prints one row per technique and label next to the naive keyword floor
and the target. The data is read at run time and never copied into the project.

    python bench/agreement.py [--benchmarks DIR] [--half 1|2] [--errors PAIR] [--limit N]

``--half`` keeps one of two halves of the dev split, cut by conversation (AnnoMI transcript,
ESConv conversation, EPITOME seeker post) so no conversation is in both: tune rules on one half
and read the other to see whether they generalise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.grading import detect  # noqa: E402  (after the path fix, so it runs from a checkout)


@dataclass(frozen=True)
class Pair:
    """One technique measured against one human label."""

    name: str
    technique: str
    dataset: str
    positive: Callable[[dict], bool]
    floor: tuple[float, float, float]
    """Precision, recall and F1 of the naive keyword rules (benchmarks README)."""
    target_f1: float | None = None
    target_precision: float | None = None
    naive: str = ""
    """A one-line rule written before looking, measured in the same run: the floor to beat."""


def _esconv(strategy: str) -> Callable[[dict], bool]:
    return lambda labels: labels.get("strategy") == strategy


PAIRS = (
    Pair(
        "asks_question ~ AnnoMI question",
        "asks_question",
        "annomi",
        lambda labels: labels.get("question_exists") == "True",
        (0.83, 0.89, 0.86),
        0.90,
        0.55,
        naive=r"\?",
    ),
    Pair(
        "asks_open_question ~ AnnoMI open",
        "asks_open_question",
        "annomi",
        lambda labels: labels.get("question_subtype") == "open",
        (0.85, 0.30, 0.45),
        0.75,
        0.55,
        naive=r"^\W*(?:what|how|why|where|when|which|who)\b[^?]*\?",
    ),
    Pair(
        "reflects_content ~ AnnoMI reflection",
        "reflects_content",
        "annomi",
        lambda labels: labels.get("reflection_exists") == "True",
        (0.84, 0.14, 0.24),
        0.60,
        0.55,
        naive=r"\b(?:so you|it sounds like|sounds like|you feel|you are saying|what i hear)\b",
    ),
    Pair(
        "reflects_content ~ ESConv Restatement",
        "reflects_content",
        "esconv",
        _esconv("Restatement or Paraphrasing"),
        (0.44, 0.25, 0.32),
        naive=r"\b(?:so you|it sounds like|sounds like|you feel|you are saying|what i hear)\b",
    ),
    Pair(
        "acknowledges_emotion ~ EPITOME reactions>=1",
        "acknowledges_emotion",
        "epitome_reddit",
        lambda labels: int(labels.get("emotional_reactions", 0)) >= 1,
        (0.42, 0.33, 0.37),
        0.65,
        0.55,
        naive=(r"\b(?:sorry|understand|that sucks|must be|i feel|hugs|(?:frustrat|upset|sad|angry|worr|stress|"
               r"scar|anxi)\w*)\b"),
    ),
    Pair(
        "acknowledges_emotion ~ ESConv Reflection of feelings",
        "acknowledges_emotion",
        "esconv",
        _esconv("Reflection of feelings"),
        (0.18, 0.28, 0.22),
        naive=(r"\b(?:sorry|understand|that sucks|must be|i feel|hugs|(?:frustrat|upset|sad|angry|worr|stress|"
               r"scar|anxi)\w*)\b"),
    ),
    Pair(
        "reassures ~ ESConv Affirmation",
        "reassures",
        "esconv",
        _esconv("Affirmation and Reassurance"),
        (0.48, 0.11, 0.18),
        0.40,
        0.55,
        naive=(r"\b(?:do not worry|don\'t worry|you will be|it will be|you can do|you are not alone|you\'re not "
               r"alone|good|great)\b"),
    ),
    Pair(
        "offers_solution ~ ESConv Providing Suggestions",
        "offers_solution",
        "esconv",
        _esconv("Providing Suggestions"),
        (0.0, 0.0, 0.0),
        naive=r"\b(?:you (?:could|should|can|might|may)|try|how about|why not|maybe you|i (?:suggest|recommend))\b",
    ),
    Pair(
        "asks_question ~ ESConv Question", "asks_question", "esconv", _esconv("Question"), (0.0, 0.0, 0.0), naive=r"\?"
    ),
)


_CONVERSATION_KEYS = ("transcript_id", "conversation_id", "sp_id")
"""Where each dataset names the conversation an utterance belongs to (AnnoMI, ESConv, EPITOME)."""


def half_of(row: dict) -> int:
    """Which half (1 or 2) a record's conversation falls in: a stable hash, not the file order."""
    meta = row.get("meta") or {}
    key = next((str(meta[k]) for k in _CONVERSATION_KEYS if k in meta), row.get("id", ""))
    return 1 + zlib.crc32(key.encode("utf-8")) % 2


def load(directory: Path, dataset: str, limit: int | None = None, half: int | None = None) -> list[dict]:
    """The dev split of one dataset as a list of records (optionally one half of it)."""
    path = directory / f"{dataset}.dev.jsonl"
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if half is not None and half_of(row) != half:
                    continue
                rows.append(row)
                if limit and len(rows) >= limit:
                    break
    return rows


def score(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def naive_f1(pair: Pair, rows: list[dict]) -> float:
    """F1 of the pair's one-line naive rule on the same rows."""
    rule = re.compile(pair.naive, re.I)
    tp = fp = fn = 0
    for row in rows:
        truth = pair.positive(row["labels"])
        found = bool(rule.search(row["text"] or ""))
        tp += truth and found
        fp += found and not truth
        fn += truth and not found
    return score(tp, fp, fn)[2]


def measure(pair: Pair, rows: list[dict], errors: list | None = None) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and the number of positives of one pair."""
    tp = fp = fn = 0
    for row in rows:
        truth = pair.positive(row["labels"])
        found = detect(pair.technique, row["text"] or "", row.get("context")).found
        tp += truth and found
        fp += found and not truth
        fn += truth and not found
        if errors is not None and truth != found:
            errors.append(("FN" if truth else "FP", row))
    return (*score(tp, fp, fn), tp + fn)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--errors", metavar="PAIR", help="print the disagreements of pairs whose name contains this")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N items of each file")
    parser.add_argument("--half", type=int, choices=(1, 2), default=None, help="keep one half, split by conversation")
    args = parser.parse_args(argv)
    if not args.benchmarks.is_dir():
        print(f"no benchmarks folder at {args.benchmarks}", file=sys.stderr)
        return 2
    data = {}
    print(f"{'pair':<52} {'P':>5} {'R':>5} {'F1':>5} | {'naive':>5} {'target':>7}   n")
    all_met = True
    started = time.perf_counter()
    for pair in PAIRS:
        if pair.dataset not in data:
            data[pair.dataset] = load(args.benchmarks, pair.dataset, args.limit, args.half)
        wanted = args.errors is not None and args.errors in pair.name
        errors: list | None = [] if wanted else None
        precision, recall, f1, positives = measure(pair, data[pair.dataset], errors)
        if pair.target_f1 is None:
            target, mark = "-", " "
        else:
            met = f1 >= pair.target_f1 and precision >= (pair.target_precision or 0)
            all_met &= met
            target, mark = f"{pair.target_f1:.2f}", "\u2713" if met else "\u2717"
        naive = naive_f1(pair, data[pair.dataset])
        beats = "" if f1 >= naive else "  below the naive rule"
        all_met &= f1 >= naive
        print(
            f"{pair.name:<52} {precision:5.3f} {recall:5.3f} {f1:5.3f} | {naive:5.3f} {target:>7} {mark} "
            f"{positives}{beats}"
        )
        for kind, row in errors or ():
            context = (row.get("context") or "").replace("\n", " ")[:120]
            print(f"   {kind} | {context} || {row['text'][:300]}")
    scope = f"half {args.half} of dev, split by conversation" if args.half else "all of dev"
    print(f"({scope}; targets also need precision >= 0.55; {time.perf_counter() - started:.1f} s)")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
