"""How fast grading is: one reply against a full rubric, 10,000 replies, and the import.

    python bench/grading_speed.py [--replies N]

Prints a table with the targets (median grade <= 5 ms, ``import course.grading`` <= 60 ms). The
import is timed in fresh interpreters next to ``python -c pass`` and ``import json`` measured in
the same run, because absolute times on shared machines drift. ``warm_up()`` and the first grade
after it are timed in fresh interpreters too (what an app sees at start).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.content.model import Criterion, Exercise, Rubric, Scenario  # noqa: E402
from course.grading import grade  # noqa: E402

MESSAGE = (
    "Hi. I've been charged twice for one order, 89.99 both times, order 5521. My rent goes out "
    "on the 1st and I really can't afford to be short. This is the second time this year!!"
)
REPLIES = (
    "Hi Priya, I'm so sorry - being charged twice right before rent is due is really stressful. "
    "So the 89.99 went out twice for order 5521? I'll reverse the second payment today and email "
    "you by 4 pm to confirm. Is there anything else on the account that looks wrong?",
    "Per our policy duplicate authorisations drop off within 5-7 business days. Please calm down.",
    "You should have checked before ordering again. What do you want me to do?",
    "I understand. I'll look into it.",
    "That sounds awful. I can refund one of the payments now, or would you rather wait for the hold "
    "to clear? Either way you won't be out of pocket for the rent.",
)


def _criterion(id: str, check: str, **params) -> Criterion:
    return Criterion(id=id, check=check, met="", missed="", params=params)


EXERCISE = Exercise(
    id="bench.double-charge",
    kind="reply",
    title="Charged twice",
    prompt="Reply to Priya.",
    path=Path("bench.yaml"),
    scenario=Scenario(customer="Priya", message=MESSAGE),
    rubric=Rubric(
        criteria=(
            _criterion("feeling", "acknowledges_emotion"),
            _criterion("restates", "reflects_content"),
            _criterion(
                "facts",
                "mentions",
                facts=[["charged twice", "two payments"], ["89.99"], ["rent", "the 1st"]],
                at_least=2,
            ),
            _criterion(
                "kind",
                "avoids",
                phrases=["calm down", "as per our policy"],
                techniques=["blames_customer", "dismisses_feeling", "overpromises"],
            ),
            _criterion("feeling-first", "order", first="acknowledges_emotion", then="offers_solution"),
            _criterion("length", "length", min_words=20, max_words=120),
            _criterion("plain", "plain_language"),
            _criterion("own-words", "not_parroting"),
            _criterion("asks", "questions", at_least=1, open_at_least=0),
            _criterion("next", "commits_to_action"),
        )
    ),
)


def _import_ms(statement: str, runs: int = 7) -> float:
    """Median wall time of a fresh interpreter running ``statement``, in ms."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True, cwd=ROOT)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


_AFTER_WARM_UP = """
import sys, time
sys.path.insert(0, "bench")
from grading_speed import EXERCISE, REPLIES
from course.grading import grade, warm_up
started = time.perf_counter(); warm_up(); warmed = time.perf_counter()
grade(EXERCISE, REPLIES[0]); done = time.perf_counter()
print((warmed - started) * 1000, (done - warmed) * 1000)
"""


def _warm_up_ms(runs: int = 3) -> tuple[float, float]:
    """Median ``warm_up()`` time and first-grade time after it, each in a fresh interpreter, in ms."""
    warm, first = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _AFTER_WARM_UP], check=True, cwd=ROOT, capture_output=True, text=True
        )
        a, b = (float(x) for x in out.stdout.split())
        warm.append(a)
        first.append(b)
    return statistics.median(warm), statistics.median(first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=10_000)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    grade(EXERCISE, REPLIES[0])  # the first grade loads and compiles the word lists
    first_ms = (time.perf_counter() - started) * 1000

    # One reply at a time, each a new string, so no cache helps.
    samples = []
    for index in range(2_000):
        answer = REPLIES[index % len(REPLIES)] + " " * (index % 97) + str(index)
        started = time.perf_counter()
        grade(EXERCISE, answer)
        samples.append((time.perf_counter() - started) * 1000)
    median_ms = statistics.median(samples)
    p95_ms = sorted(samples)[int(len(samples) * 0.95)]

    started = time.perf_counter()
    for index in range(args.replies):
        grade(EXERCISE, f"{REPLIES[index % len(REPLIES)]} #{index}")
    throughput = args.replies / (time.perf_counter() - started)

    bare = _import_ms("pass")
    json_ms = _import_ms("import json")
    grading_ms = _import_ms("import course.grading")
    import_ms = grading_ms - bare
    warm_ms, first_after_warm_ms = _warm_up_ms()

    rows = [
        ("median grade, 10-criterion rubric", f"{median_ms:.2f} ms", "<= 5 ms", median_ms <= 5),
        ("95th percentile grade", f"{p95_ms:.2f} ms", "-", None),
        ("first grade (loads word lists)", f"{first_ms:.0f} ms", "-", None),
        ("warm_up() in a fresh process", f"{warm_ms:.0f} ms", "-", None),
        ("first grade after warm_up()", f"{first_after_warm_ms:.2f} ms", "<= 10 ms", first_after_warm_ms <= 10),
        (f"throughput over {args.replies:,} replies", f"{throughput:,.0f} /s", "-", None),
        ("python -c pass", f"{bare:.0f} ms", "reference", None),
        ("import json (above bare)", f"{json_ms - bare:.0f} ms", "reference", None),
        ("import course.grading (above bare)", f"{import_ms:.0f} ms", "<= 60 ms", import_ms <= 60),
    ]
    print(f"{'measure':<38} {'value':>12}  {'target':<10}")
    for name, value, target, met in rows:
        mark = "" if met is None else ("\u2713" if met else "\u2717")
        print(f"{name:<38} {value:>12}  {target:<10} {mark}")
    return 0 if all(met is not False for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
