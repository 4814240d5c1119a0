"""How far the grader's verdicts agree with trainers' on learner answers: pass rate per kind and κ.

The panel is ``tests/panel/<exercise id>.yaml``: for every free-text exercise and every graded
conversation turn, learner answers written from the task alone (before reading the rubric),
each with a trainer's verdict and a one-line reason, across kinds from excellent to gamed.
This grades every answer with the course's own rubric and prints, per kind, how often trainers
and the grader pass it, how often they agree, and Cohen's κ over the whole panel, beside the
reference of always agreeing with the majority verdict (κ 0).

    python bench/trainer_agreement.py [--content DIR] [--panel DIR] [--disagreements] [--kind KIND]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.content import load_course  # noqa: E402  (after the path fix, so it runs from a checkout)
from course.content.model import Course, Exercise  # noqa: E402
from course.conversation import grade_turn  # noqa: E402
from course.grading import Grade, grade  # noqa: E402

PANEL = ROOT / "tests" / "panel"
"""Where the panel lives."""

KINDS = (
    "excellent", "unusual", "plain", "jumps-to-fix", "stock-empathy", "parroting",
    "keyword-list", "stacked-cliches", "harmful", "near-miss",
)
"""Every kind of answer in the panel, best first."""
GOOD = frozenset({"excellent", "unusual", "plain"})
"""Kinds trainers pass: the target is to fail at most 10% of each."""
GAMED = frozenset({"stock-empathy", "parroting", "keyword-list", "stacked-cliches"})
"""Kinds built to game a grader: the target is to pass at most 5%."""


@dataclass(frozen=True)
class Marked:
    """One panel answer, the trainer's verdict and the grader's."""

    exercise: str
    turn: str
    kind: str
    text: str
    trainer: bool
    reason: str
    grade: Grade

    @property
    def grader(self) -> bool:
        """The grader's verdict."""
        return self.grade.passed

    @property
    def where(self) -> str:
        """``exercise`` or ``exercise @ turn``."""
        return f"{self.exercise} @ {self.turn}" if self.turn else self.exercise


def _answers(raw: object) -> list[dict]:
    return [a for a in (raw or []) if isinstance(a, dict)]  # type: ignore[union-attr]


def panel_files(panel: Path = PANEL) -> list[Path]:
    """Every panel file, sorted."""
    return sorted(panel.rglob("*.yaml"))


def load_panel(path: Path) -> tuple[str, list[tuple[str, dict]]]:
    """A panel file's exercise id and its answers, each with the turn it answers ("" for none)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    exercise = str(data["exercise"])
    if "turns" in data:
        return exercise, [(turn, a) for turn, block in data["turns"].items() for a in _answers(block.get("answers"))]
    return exercise, [("", a) for a in _answers(data.get("answers"))]


def judge(exercise: Exercise, turn: str, text: str) -> Grade:
    """The grader's verdict on one answer to an exercise (or to one turn of a conversation)."""
    if turn:
        assert exercise.conversation is not None, f"{exercise.id} has no turns"
        return grade_turn(exercise, exercise.conversation.turns[turn], text)
    return grade(exercise, text)


def mark_all(course: Course, panel: Path = PANEL) -> list[Marked]:
    """Every panel answer marked by the grader."""
    marked = []
    for path in panel_files(panel):
        exercise_id, answers = load_panel(path)
        exercise = course.exercise(exercise_id)
        for turn, answer in answers:
            text = str(answer["text"])
            marked.append(Marked(exercise_id, turn, str(answer["kind"]), text, answer["verdict"] == "pass",
                                 str(answer.get("reason", "")), judge(exercise, turn, text)))
    return marked


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's κ of two raters' pass/fail verdicts."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first = sum(a for a, _ in pairs) / n
    second = sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def table(marked: list[Marked]) -> str:
    """Per kind: answers, trainers' pass rate, grader's pass rate, agreement; then κ."""
    by_kind: dict[str, list[Marked]] = defaultdict(list)
    for item in marked:
        by_kind[item.kind].append(item)
    lines = [f"{'kind':<16}{'n':>5}{'trainers pass':>15}{'grader pass':>13}{'agree':>8}   target"]
    for kind in sorted(by_kind, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
        items = by_kind[kind]
        trainer = sum(i.trainer for i in items) / len(items)
        grader = sum(i.grader for i in items) / len(items)
        agree = sum(i.trainer == i.grader for i in items) / len(items)
        if kind in GOOD:
            failed = sum(i.trainer and not i.grader for i in items) / max(1, sum(i.trainer for i in items))
            target = f"good failed {failed:.0%} (≤ 10%) {'✓' if failed <= 0.10 else '✗'}"
        elif kind in GAMED:
            target = f"passed {grader:.0%} (≤ 5%) {'✓' if grader <= 0.05 else '✗'}"
        elif kind == "harmful":
            target = f"passed {grader:.0%} (0%) {'✓' if grader == 0 else '✗'}"
        else:
            target = ""
        lines.append(f"{kind:<16}{len(items):>5}{trainer:>15.0%}{grader:>13.0%}{agree:>8.0%}   {target}")
    pairs = [(i.trainer, i.grader) for i in marked]
    majority = sum(a for a, _ in pairs) >= len(pairs) / 2
    reference = kappa([(a, majority) for a, _ in pairs])
    score = kappa(pairs)
    agreement = sum(a == b for a, b in pairs) / max(1, len(pairs))
    lines.append(f"{'all':<16}{len(pairs):>5}{'':>15}{'':>13}{agreement:>8.0%}")
    lines.append(f"Cohen's κ against trainers: {score:.2f} (target ≥ 0.70 {'✓' if score >= 0.70 else '✗'}); "
                 f"reference, always the majority verdict: {reference:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=None, help="course folder (default: the bundled course)")
    parser.add_argument("--panel", type=Path, default=PANEL, help="panel folder")
    parser.add_argument("--disagreements", action="store_true", help="list every answer where they differ")
    parser.add_argument("--kind", default=None, help="only list disagreements of this kind")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    course = load_course(args.content or ROOT)
    marked = mark_all(course, args.panel)
    print(table(marked))
    print(f"({len(panel_files(args.panel))} panel files; {time.perf_counter() - began:.1f} s)")
    if args.disagreements:
        for item in marked:
            if item.trainer != item.grader and (args.kind is None or item.kind == args.kind):
                missed = ", ".join(sorted(item.grade.missed_ids)) or "-"
                print(f"\n[{item.kind}] {item.where}: trainer {'pass' if item.trainer else 'fail'}, "
                      f"grader {'pass' if item.grader else 'fail'} {item.grade.score:.2f} (missed: {missed})")
                print(f"  why: {item.reason}")
                print("  " + item.text.strip().replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
