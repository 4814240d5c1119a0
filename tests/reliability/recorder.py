"""Record attempts one after another, printing each id once record_attempt has returned.

    python recorder.py DATA_DIR LEARNER COUNT [--wait]

With --wait it opens the store, prints ``ready`` and waits for a line on
standard input before recording, so two recorders can start together.
"""

from __future__ import annotations

import os
import sys

from course.progress import Attempt, CriterionOutcome, ProgressStore


def main() -> None:
    data_dir, learner, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ProgressStore(data_dir, lock_timeout=60)
    if "--wait" in sys.argv:
        print("ready", flush=True)
        sys.stdin.readline()
    for number in range(count):
        saved = store.record_attempt(
            learner,
            Attempt(
                exercise_id=f"empathy.exercise-{number % 9}",
                answer=f"Attempt {number} by process {os.getpid()}: I hear how upsetting the delay is.",
                score=0.75,
                passed=True,
                outcomes=(CriterionOutcome("names-feeling", True, "essential", 3.0, "empathy"),),
                seconds=12.0,
            ),
        )
        print(saved.id, flush=True)


if __name__ == "__main__":
    main()
