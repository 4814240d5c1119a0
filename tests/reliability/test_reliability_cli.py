"""``listen answer`` killed mid-save: the file stays readable and every answer it confirmed is kept."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from course.progress import ProgressStore

EXERCISE = "empathy.late-gift"
CONFIRMED = "Saved: attempt"


def _listen() -> list[str]:
    """How to run listen here: the installed command, else the module."""
    command = shutil.which("listen", path=str(Path(sys.executable).parent))
    return [command] if command else [sys.executable, "-m", "course"]


def test_listen_answer_killed_mid_save(tmp_path: Path, full: bool, figures, child_env) -> None:  # type: ignore[no-untyped-def]
    listen = _listen()
    data_dir = tmp_path / "data"
    runs = 100 if full else 12

    def run(number: int) -> subprocess.Popen:
        answer = tmp_path / f"answer-{number}.txt"
        answer.write_text(
            f"Answer {number}: I'm so sorry the bike hasn't arrived, Dana. With the party on Saturday "
            "that must be really worrying, and two weeks is far too long."
        )
        return subprocess.Popen(
            [*listen, "--data-dir", str(data_dir), "--learner", "Dana", "answer", EXERCISE, "--file", str(answer)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env,
        )

    # How long a warm run takes here (the first one also fills the course cache).
    timings = []
    for number in (0, -1):
        start = time.monotonic()
        output, errors = run(number).communicate(timeout=120)
        timings.append(time.monotonic() - start)
        assert CONFIRMED in output, errors
    whole = timings[-1]

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    confirmed = {"Answer 0:", "Answer -1:"}
    killed = caught_saving = 0
    for number in range(1, runs + 1):
        child = run(number)
        if number % 2:  # at a random moment around the save near the end of the run
            time.sleep(rng.uniform(0.5, 1.05) * whole)
        else:  # the moment the save's temporary file appears
            deadline = time.monotonic() + 2 * whole
            while child.poll() is None and time.monotonic() < deadline:
                if any(name.endswith(".tmp") for name in os.listdir(data_dir)):
                    caught_saving += 1
                    break
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        output, _ = child.communicate(timeout=120)
        if CONFIRMED in output:
            confirmed.add(f"Answer {number}:")
        json.loads((data_dir / "progress.json").read_bytes())  # readable after every run, killed or not

    store = ProgressStore(data_dir)
    kept = {attempt.answer.split(" I'm")[0] for attempt in store.attempts("Dana", EXERCISE)}
    lost = confirmed - kept
    figures(
        f"listen answer: {runs} runs (seed {seed}), {killed} killed ({caught_saving} while a save was under way), "
        f"{len(confirmed) - 2} confirmed, {len(kept) - 2} kept, {len(lost)} confirmed answers lost, "
        f"{len(store.notices)} repairs"
    )
    assert lost == set()
    assert store.notices == []
