"""How fast the progress store saves an attempt and opens, next to TinyDB's own JSONStorage.

Run: python bench/store.py [--sizes 100,1000,10000] [--records 25] [--opens 7]

For each size the store is filled with that many realistic attempts (a
free-text reply and five criterion outcomes each, twenty learners), then:
- record: median time of ``record_attempt`` (lock, reload check, save with
  fsync and rename) over --records calls;
- first: the first ``record_attempt`` after opening (nothing cached yet);
- second: the second (a save right after opening once re-encoded every row);
- open: median time of ``ProgressStore(folder)`` plus one query;
- no spare: record again with the spare copy of each save switched off, so
  the spare's cost per save (what guards acknowledged work against outside
  damage) shows beside the full cost in the same run.
With --outbox (the default) every attempt also queues its real xAPI statement,
as the app does with no LRS configured, so the outbox grows with the history.
TinyDB's default storage gets the same rows in the same run: record is
``table.insert``, open is ``TinyDB(path)`` plus ``len(table)``. It neither
fsyncs nor locks, so it is a floor for the work, not a rival in safety.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402  (after the path is set)

import course.progress.storage as storage  # noqa: E402
from course.progress import Attempt, CriterionOutcome, ProgressStore  # noqa: E402
from course.progress.events import LearningEvent  # noqa: E402
from course.progress.outbox import attempt_event_id  # noqa: E402
from course.progress.records import attempt_row, completed  # noqa: E402
from course.xapi import statement_maker  # noqa: E402

TARGETS = {  # size: (record median ms, open ms); None: no target set
    100: (None, None),
    1_000: (5.0, None),
    10_000: (40.0, 100.0),
    50_000: (10.0, None),
}

WORDS = (
    "I am so sorry the order has not arrived and I can hear how worrying that is with the party on "
    "Saturday so let me check the tracking right now and I will call you back by four today with a "
    "firm date and if it cannot make it we will send a replacement by express at no cost to you"
).split()
SKILLS = ("attention", "empathy", "paraphrasing", "patience", "follow_through")


def sample_attempt(rng: random.Random) -> Attempt:
    """A realistic free-text attempt: a 40-60 word reply and five outcomes."""
    words = rng.randint(40, 60)
    answer = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
    outcomes = tuple(
        CriterionOutcome(
            f"criterion-{n}", rng.random() < 0.7, rng.choice(("essential", "actionable")), 1.0 + n, rng.choice(SKILLS)
        )
        for n in range(5)
    )
    return Attempt(
        exercise_id=f"module-{rng.randint(1, 5)}.exercise-{rng.randint(1, 12)}",
        answer=answer,
        score=round(rng.random(), 2),
        passed=rng.random() < 0.6,
        outcomes=outcomes,
        content_hash=f"{rng.getrandbits(48):012x}",
        seconds=round(rng.uniform(20, 300), 1),
    )


def fill(folder: Path, count: int, rng: random.Random, outbox: bool) -> list[dict]:
    """A store in ``folder`` holding ``count`` attempts (each with its queued statement); the attempt rows."""
    attempts = [completed(sample_attempt(rng)) for _ in range(count)]
    rows = [attempt_row(f"Learner {n % 20}", attempt) for n, attempt in enumerate(attempts)]
    maker = statement_maker(folder) if outbox else None
    store = ProgressStore(folder, statements=maker)
    for n in range(20):
        store.ensure_learner(f"Learner {n}")
    with store._file.transaction() as db:  # one save for the lot: recording them one by one takes minutes
        db.table("attempts").insert_multiple(rows)
        if maker is not None:
            db.table("outbox").insert_multiple(
                {"id": statement["id"], "learner": row["learner"], "queued": row["at"],
                 "statement": json.dumps(statement, ensure_ascii=False, separators=(",", ":"))}
                for row, attempt in zip(rows, attempts, strict=True)
                for statement in (maker(LearningEvent("answered", row["learner"], "exercise", attempt.exercise_id,
                                                      id=attempt_event_id(attempt.id), at=attempt.at,
                                                      attempt=attempt)),))
    store.close()
    return rows


def milliseconds(action, times: int) -> list[float]:  # type: ignore[no-untyped-def]
    """How long ``action`` took each time, in ms."""
    taken = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        taken.append((time.perf_counter() - start) * 1000)
    return taken


def measure(count: int, records: int, opens: int, rng: random.Random, outbox: bool) -> dict[str, float]:
    """All figures for one size."""
    with tempfile.TemporaryDirectory(prefix="listen-bench-") as scratch:
        folder = Path(scratch) / "store"
        rows = fill(folder, count, rng, outbox)

        store = ProgressStore(folder, statements=statement_maker(folder) if outbox else None)
        first = milliseconds(lambda: store.record_attempt("Learner 1", sample_attempt(rng)), 1)[0]
        second = milliseconds(lambda: store.record_attempt("Learner 1", sample_attempt(rng)), 1)[0]
        record = statistics.median(
            milliseconds(lambda: store.record_attempt("Learner 1", sample_attempt(rng)), records)
        )
        real_spare = storage.write_spare
        storage.write_spare = lambda path, data: None  # type: ignore[assignment]
        try:
            no_spare = statistics.median(
                milliseconds(lambda: store.record_attempt("Learner 1", sample_attempt(rng)), records)
            )
        finally:
            storage.write_spare = real_spare  # type: ignore[assignment]
        store.close()

        def open_store() -> None:
            opened = ProgressStore(folder)
            opened.attempt_count("Learner 1")
            opened.close()

        open_ms = statistics.median(milliseconds(open_store, opens))
        size_mb = (folder / "progress.json").stat().st_size / 1e6
        closed_mb = sum(path.stat().st_size for path in (folder / "archive").glob("*.json")) / 1e6 \
            if (folder / "archive").is_dir() else 0.0

        plain = Path(scratch) / "plain.json"
        db = TinyDB(plain)
        db.table("attempts").insert_multiple(rows)
        table = db.table("attempts")
        plain_record = statistics.median(
            milliseconds(lambda: table.insert(attempt_row("Learner 1", completed(sample_attempt(rng)))), records)
        )
        db.close()

        def open_plain() -> None:
            opened = TinyDB(plain)
            len(opened.table("attempts"))
            opened.close()

        plain_open = statistics.median(milliseconds(open_plain, opens))
    return {
        "record": record,
        "no_spare": no_spare,
        "first": first,
        "second": second,
        "open": open_ms,
        "plain_record": plain_record,
        "plain_open": plain_open,
        "size_mb": size_mb,
        "closed_mb": closed_mb,
    }


def verdict(value: float, target: float | None) -> str:
    """The target and whether ``value`` meets it."""
    if target is None:
        return "-"
    return f"<= {target:g} {'ok' if value <= target else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="attempt counts, comma-separated")
    parser.add_argument("--records", type=int, default=25, help="attempts recorded per size")
    parser.add_argument("--opens", type=int, default=7, help="opens per size")
    parser.add_argument("--no-outbox", dest="outbox", action="store_false",
                        help="queue no statements (as if none were ever made)")
    arguments = parser.parse_args()
    rng = random.Random(4471)
    header = (
        f"{'attempts':>9} {'live MB':>8} {'closed':>7} | {'record ms':>9} {'target':>12} {'no spare':>8} "
        f"{'first':>7} {'second':>7} "
        f"{'TinyDB':>7} | "
        f"{'open ms':>8} {'target':>13} {'TinyDB':>7}"
    )
    print(header)
    print("-" * len(header))
    missed = False
    for count in (int(size) for size in arguments.sizes.split(",")):
        figures = measure(count, arguments.records, arguments.opens, rng, arguments.outbox)
        record_target, open_target = TARGETS.get(count, (None, None))
        missed |= record_target is not None and figures["record"] > record_target
        missed |= open_target is not None and figures["open"] > open_target
        print(
            f"{count:>9,} {figures['size_mb']:>8.2f} {figures['closed_mb']:>7.1f} | {figures['record']:>9.2f} "
            f"{verdict(figures['record'], record_target):>12} "
            f"{figures['no_spare']:>8.2f} {figures['first']:>7.1f} {figures['second']:>7.1f} "
            f"{figures['plain_record']:>7.2f} | "
            f"{figures['open']:>8.1f} "
            f"{verdict(figures['open'], open_target):>13} {figures['plain_open']:>7.1f}"
        )
    print("\nlive MB: the progress file; closed: MB of older rows in archive/ (read only when asked for).")
    print("record: median ms per record_attempt (durable: fsync + rename); first, second: the first two after "
          "opening.")
    print("no spare: the same record without the spare copy beside the file (its cost is the difference).")
    print("TinyDB: its default JSONStorage on the same rows (no fsync, no lock, rewrites in place).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
