"""A training room: N learners start listen at once on one shared data folder, then answer.

Each of N processes, started together, opens the progress store, sits its learner down
(``arrive``: seen, last learner, session started; the app's first save) and records
--answers attempts, a second or so apart as a room answering would (--pace). Measured per
process: whether it got in at all, the time from start to ready, and every save's time
(lock wait included). The reference, in the same run: the same N processes doing the same
work each on a folder of its own, so nothing is shared and nobody waits for anybody.

    python bench/room.py [--learners 30] [--answers 5] [--pace 1.0] [--history 1000]

--history puts that many earlier attempts in the shared file first (a room a few weeks in).
Targets (issue 17): 0 failures; save p90 <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEARNER = r"""
import json, random, sys, time
sys.path.insert(0, sys.argv[1])
folder, name, answers, pace, go = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
while time.time() < go:
    time.sleep(0.001)
began = time.perf_counter()
result = {"ok": False, "ready": None, "saves": [], "error": ""}
try:
    from course.progress import ProgressStore
    from course.progress.records import Attempt, CriterionOutcome
    store = ProgressStore(folder, lock_timeout=30.0)
    store.arrive(name)
    result["ready"] = time.perf_counter() - began
    rng = random.Random(name)
    for n in range(answers):
        time.sleep(rng.uniform(0.5, 1.5) * pace)
        attempt = Attempt("empathy.late-gift", "I am sorry the bike is late " * 8, 0.8, True,
                          tuple(CriterionOutcome(f"c{i}", True, "essential", 1.0, "empathy") for i in range(5)))
        start = time.perf_counter()
        store.record_attempt(name, attempt)
        result["saves"].append(time.perf_counter() - start)
    result["ok"] = True
except Exception as error:  # the bench counts it as a failure and says what it was
    result["error"] = f"{type(error).__name__}: {error}"
print(json.dumps(result))
"""


def _fill(folder: Path, history: int) -> None:
    """A shared store with ``history`` earlier attempts by twenty earlier learners."""
    from course.progress import Attempt, CriterionOutcome, ProgressStore
    from course.progress.records import attempt_row, completed

    store = ProgressStore(folder)
    rng = random.Random(7)
    rows = {}
    for index in range(history):
        attempt = completed(Attempt("empathy.late-gift", "I am sorry the bike is late " * 8, rng.random(), True,
                                    tuple(CriterionOutcome(f"c{i}", True, "essential", 1.0, "empathy")
                                          for i in range(5)), at=f"2026-11-{1 + index % 28:02d}T10:00:00.000+00:00"))
        rows[str(index + 1)] = attempt_row(f"Earlier {index % 20}", attempt)
    with store._file.transaction() as db:  # one save for the whole history
        db.storage.read()["attempts"].update(rows)
        db.storage.changed = True
    store.close()


def _room(folders: list[Path], answers: int, pace: float) -> list[dict]:
    script = Path(tempfile.mkdtemp(prefix="listen-room-")) / "learner.py"
    script.write_text(LEARNER)
    go = time.time() + 1.0 + 0.05 * len(folders)  # every process is up before any starts
    processes = [
        subprocess.Popen([sys.executable, str(script), str(ROOT), str(folder), f"Learner {n}", str(answers), str(pace),
                          str(go)], stdout=subprocess.PIPE, text=True)
        for n, folder in enumerate(folders)
    ]
    results = []
    for process in processes:
        out, _ = process.communicate(timeout=600)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _row(name: str, results: list[dict]) -> str:
    failed = [r for r in results if not r["ok"]]
    ready = sorted(r["ready"] for r in results if r["ready"] is not None)
    saves = sorted(s for r in results for s in r["saves"])

    def at(values: list[float], share: float) -> float:
        return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else float("nan")

    return (f"{name:<28}{len(failed):>6}{at(ready, 0.5):>10.0f}{at(ready, 0.9):>10.0f}{at(ready, 1.0):>10.0f}"
            f"{at(saves, 0.5):>10.1f}{at(saves, 0.9):>10.1f}{at(saves, 1.0):>10.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--answers", type=int, default=5)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between one learner's answers, on average")
    parser.add_argument("--history", type=int, default=1000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="listen-room-"))
    shared = work / "shared"
    _fill(shared, args.history)
    own = [work / f"own-{n}" for n in range(args.learners)]
    for folder in own:
        _fill(folder, args.history)

    reference = _room(own, args.answers, args.pace)
    room = _room([shared] * args.learners, args.answers, args.pace)
    size = (shared / "progress.json").stat().st_size / 1e6
    print(f"{args.learners} learners started at once, {args.answers} answers each about {args.pace:g} s apart; "
          f"shared file {size:.1f} MB after the run ({args.history:,} earlier attempts)")
    print(f"{'':<28}{'failed':>6}{'ready p50':>10}{'p90':>10}{'max':>10}{'save p50':>10}{'p90':>10}{'max':>10}   (ms)")
    print(_row("reference: a folder each", reference))
    print(_row("one shared folder", room))
    errors = sorted({r["error"] for r in room if r["error"]})
    for error in errors:
        print(f"  failure: {error}")
    saves = sorted(s for r in room for s in r["saves"])
    p90 = saves[int(0.9 * len(saves))] * 1000 if saves else float("nan")
    verdict = "✓" if not errors and p90 <= 100 else "✗"
    print(f"\ntargets: 0 failures, save p90 <= 100 ms on the shared folder: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
