"""How grading time grows with the answer: hostile 50,000-character answers beside a tenth of each.

    python bench/long_answers.py [--length N]

For each mix of the hostile inputs the tests grade (emoji runs, commas, a phrase again and
again...), grades it against the exercises slowest to grade and runs every detector, at the full
length and at a tenth of it, and prints both times with their ratio. Linear patterns take about
ten times as long on ten times the text; a pattern whose time grows with the square of the input
takes about a hundred. The reference is the same work on an ordinary reply repeated to the same
length, measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.content import load_course  # noqa: E402
from course.grading import TECHNIQUES, detect, grade  # noqa: E402
from course.paths import bundled_content_dir  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "unit" / "grading"))
from test_long_inputs import MIXES, SLOWEST  # noqa: E402

REFERENCE = (
    "Hi Priya, being charged twice right before rent is due is really stressful. So the 89.99 went "
    "out twice for order 5521? I'll reverse the second payment today and email you by 4 pm. "
)
RATIO_LIMIT = 30.0
"""Ten times the text taking more than this many times as long is no longer linear."""


def _seconds(answer: str, exercises: list) -> float:
    started = time.process_time()
    for exercise in exercises:
        grade(exercise, answer)
    for technique in TECHNIQUES:
        detect(technique, answer, "I was charged twice for order 5521")
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=50_000)
    args = parser.parse_args(argv)
    course = load_course(bundled_content_dir())
    exercises = [course.exercise(exercise_id) for exercise_id in SLOWEST]
    exercises.append(next(e for e in course.exercises.values() if e.kind == "rewrite"))
    _seconds(REFERENCE, exercises)  # the first grade compiles the word lists

    mixes = {"(reference) an ordinary reply, repeated": REFERENCE * (args.length // len(REFERENCE) + 1), **MIXES}
    print(f"{'answer':<42} {'1/10 length':>11} {'full length':>11} {'ratio':>6}")
    linear = True
    for name, text in mixes.items():
        full = text[: args.length]
        short = full[: args.length // 10]
        tenth, whole = _seconds(short, exercises), _seconds(full, exercises)
        ratio = whole / tenth if tenth > 0 else float("inf")
        mark = "" if ratio <= RATIO_LIMIT else "  grows faster than the text"
        linear &= ratio <= RATIO_LIMIT
        print(f"{name:<42} {tenth * 1000:>9.0f} ms {whole * 1000:>9.0f} ms {ratio:>6.1f}{mark}")
    print(
        f"(CPU time; {len(exercises)} exercises and {len(TECHNIQUES)} detectors per answer; ratio limit "
        f"{RATIO_LIMIT:.0f})"
    )
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
