"""How long today's review takes to work out for a learner with a year of answers, and a worked example.

Run: python bench/review_schedule.py [--sizes 300,1000,3000] [--runs 5]

For each size, one learner's store holds that many answers spread over a year (the bundled
course's exercises, scores that improve as the year goes on, every criterion's outcome), and:
- read: median ms of ``store.attempts(learner)``, reading the learner's answers once: the floor,
  since the review replays every answer;
- review: median ms of ``learner_review`` (read the answers and the trainer's notes, replay them
  all through FSRS, pick today's items and their fresh variants, the streak);
- replay: the same without the store (the answers already in memory): the review's own work.
Then a worked example: two weeks of one learner's answers, day by day, what came back and why,
the goal and the streak, and at the end when each card comes back next. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.content import Course, load_course  # noqa: E402  (after the path is set)
from course.judging.criteria import criteria_of  # noqa: E402
from course.paths import bundled_content_dir  # noqa: E402
from course.practice import learner_review, todays_review  # noqa: E402
from course.progress import Attempt, CriterionOutcome, ProgressStore  # noqa: E402
from course.progress.records import attempt_row, completed  # noqa: E402

LEARNER = "Dana"
YEAR_START = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)
TODAY = YEAR_START + timedelta(days=365, hours=2)


def answer(course: Course, exercise_id: str, when: datetime, *, skill: float, rng: random.Random) -> Attempt:
    """An answer at ``when`` by a learner who meets each criterion with chance ``skill``."""
    outcomes = tuple(
        CriterionOutcome(ident, rng.random() < skill, c.severity, c.weight, c.skill or "attention")
        for ident, c in criteria_of(course.exercise(exercise_id)).items()
    )
    score = sum(o.weight for o in outcomes if o.met) / (sum(o.weight for o in outcomes) or 1) if outcomes else (
        1.0 if rng.random() < skill else 0.0)
    essential_missed = any(not o.met and o.severity == "essential" for o in outcomes)
    return Attempt(exercise_id, "An answer.", round(score, 3), score >= 0.7 and not essential_missed, outcomes,
                   at=when.isoformat(timespec="milliseconds"), id=f"{exercise_id}@{when.isoformat()}")


def a_year(course: Course, count: int, rng: random.Random) -> list[Attempt]:
    """``count`` answers over a year: study sessions most days, the learner slowly getting better."""
    ids = sorted(course.exercises)
    spacing = timedelta(days=365) / count
    return [
        answer(course, rng.choice(ids), YEAR_START + spacing * n, skill=0.45 + 0.45 * n / count, rng=rng)
        for n in range(count)
    ]


def milliseconds(action: Callable[[], object], runs: int) -> float:
    """The median time of ``action`` over ``runs`` runs, in ms."""
    taken = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        taken.append((time.perf_counter() - start) * 1000)
    return statistics.median(taken)


def measure(course: Course, count: int, runs: int, rng: random.Random) -> dict[str, float]:
    """The figures for a learner with ``count`` answers."""
    attempts = a_year(course, count, rng)
    with tempfile.TemporaryDirectory(prefix="listen-bench-") as scratch:
        store = ProgressStore(Path(scratch))
        store.ensure_learner(LEARNER)
        with store._file.transaction() as db:  # one save for the lot: recording them one by one takes minutes
            db.table("attempts").insert_multiple(attempt_row(LEARNER, completed(a)) for a in attempts)
        read = milliseconds(lambda: store.attempts(LEARNER), runs)
        review = milliseconds(lambda: learner_review(course, store, LEARNER, now=TODAY), runs)
        store.close()
    replay = milliseconds(lambda: todays_review(course, attempts, now=TODAY), runs)
    plan = todays_review(course, attempts, now=TODAY)
    return {"read": read, "review": review, "replay": replay, "cards": len(plan.schedule),
            "due": len(plan.items) + plan.waiting}


def timings(course: Course, sizes: list[int], runs: int) -> None:
    rng = random.Random(30417)
    header = (f"{'answers':>8} | {'read ms':>8} | {'review ms':>9} {'x read':>7} | {'replay ms':>9} | "
              f"{'cards':>5} {'due':>4}")
    print(header)
    print("-" * len(header))
    for count in sizes:
        figures = measure(course, count, runs, rng)
        print(f"{count:>8,} | {figures['read']:>8.1f} | {figures['review']:>9.1f} "
              f"{figures['review'] / figures['read']:>7.1f} | {figures['replay']:>9.1f} | "
              f"{figures['cards']:>5.0f} {figures['due']:>4.0f}")
    print("\nread: the learner's answers read from the store once (the reference, measured in the same run).")
    print("review: today's review from the store; replay: the same from answers already in memory.")
    print("cards: exercises and weak techniques FSRS is scheduling; due: items due today (before the goal).")


# -- a worked example --------------------------------------------------------------------------

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

FIRST_DAY = [  # (exercise, score, passed, criteria missed)
    ("empathy.late-gift", 0.40, False, ("names-feeling", "feeling-first")),
    ("patience.broken-blender", 0.74, True, ()),
    ("attention.flat-fine", 0.88, True, ()),
    ("empathy.best-statement", 1.00, True, ()),
]
"""Monday: four answers, from a miss to full marks."""

RESTING = {5, 6}
"""Saturday and Sunday (days after Monday) off."""


def scripted(course: Course, exercise_id: str, when: datetime, score: float, passed: bool,
             missed: tuple[str, ...]) -> Attempt:
    outcomes = tuple(CriterionOutcome(ident, ident not in missed, c.severity, c.weight, c.skill or "attention")
                     for ident, c in criteria_of(course.exercise(exercise_id)).items())
    return Attempt(exercise_id, "An answer.", score, passed, outcomes, at=when.isoformat(), id=f"{exercise_id}@{when}")


def worked_example(course: Course) -> None:
    print("\nA worked example: two weeks of one learner's answers (goal 3 a day, weekends off).\n")
    attempts: list[Attempt] = []
    for minutes, (exercise_id, score, passed, missed) in enumerate(FIRST_DAY):
        attempts.append(scripted(course, exercise_id, MONDAY + timedelta(minutes=10 * minutes), score, passed, missed))
        print(f"Mon  answered {exercise_id:<28} {score:>4.0%} {'passed' if passed else 'missed'}")
    for day in range(1, 14):
        morning = MONDAY + timedelta(days=day)
        review = todays_review(course, attempts, now=morning)
        weekday = f"{morning:%a}"
        if day % 7 in RESTING:
            print(f"{weekday}  rest day: {len(review.items)} item(s) wait; {review.streak.days} day streak, "
                  f"{review.streak.rest_left} rest day(s) left this week")
            continue
        if not review.items:
            nxt = f"next on {review.next_due:%a %d %b}" if review.next_due else "nothing planned"
            print(f"{weekday}  nothing due ({nxt}); streak {review.streak.days}")
            continue
        for number, item in enumerate(review.items, start=1):
            # the learner gets better at what comes back: a second try at something passes
            tries = sum(1 for a in attempts if a.exercise_id == item.exercise_id)
            score, passed = (0.9, True) if tries or day > 3 else (0.6, False)
            when = morning + timedelta(minutes=15 * number)
            attempts.append(scripted(course, item.exercise_id, when, score, passed, ()))
            print(f"{weekday}  {number}. {item.id:<36} -> {item.exercise_id:<30} {score:>4.0%}  ({item.why})")
        after = todays_review(course, attempts, now=morning + timedelta(hours=8))
        print(f"     goal {after.done} of {after.goal}{' met' if after.goal_met else ''}; "
              f"streak {after.streak.days} day(s), {after.streak.rest_left} rest day(s) left this week")
    end = todays_review(course, attempts, now=MONDAY + timedelta(days=14))
    print("\nWhen each card comes back, as of the third Monday:")
    for row in end.schedule:
        print(f"  {row.due:%a %d %b}  {row.id:<40} last {row.rating}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300,1000,3000", help="answers in the learner's year, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is shown)")
    arguments = parser.parse_args()
    course = load_course(bundled_content_dir())
    timings(course, [int(size) for size in arguments.sizes.split(",")], arguments.runs)
    worked_example(course)
    return 0


if __name__ == "__main__":
    sys.exit(main())
