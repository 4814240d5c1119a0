"""Start-up: from typing the command to the dashboard on screen, next to a bare Textual app.

Both are timed the same way in the same run: spawn the command in a detached
tmux session, poll ``capture-pane`` until a marker shows (the dashboard's
greeting; the bare app's one word), kill the session. That includes Python's
start and every import, as a learner experiences it. Runs alternate so drift
on a busy machine hits both alike; the table shows medians and the ratio.

    python bench/startup.py [--runs 9] [--command "listen"] [--history 10000]

Needs tmux. Target: listen ≤ 1.3 × the bare app.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 1.3
POLL = 0.003
TIMEOUT = 20.0

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("READY")


Bare().run()
"""

# The bare app after importing what `listen` needs before its app starts: the difference
# between this row and listen's is the app's own cost (screens, styles, the dashboard).
CORE_THEN_BARE = """
import course.cli, course.content.cache, course.progress
""" + BARE_APP

# What the `listen` command does to start the app, for checkouts where it is not installed.
LISTEN_APP = """
from course.content.cache import load_course_cached
from course.paths import content_dir, data_dir
from course.progress import ProgressStore
from course.tui import run

home = data_dir()
store = ProgressStore(home)
run(load_course_cached(content_dir(), home / "cache"), store, None)
"""


def _prepare_home(home: Path, history: int = 0) -> None:
    """One learner with ``history`` earlier answers, so start-up goes straight to a real dashboard."""
    import random

    from course.content.cache import load_course_cached
    from course.paths import content_dir
    from course.progress import Attempt, CriterionOutcome, Place, ProgressStore
    from course.progress.records import attempt_row, completed

    store = ProgressStore(home)
    store.add_learner("Bench")
    store.set_last_learner("Bench")
    store.save_place("Bench", Place("dashboard"))
    if history:
        exercises = sorted(load_course_cached(content_dir(), None).exercises)
        rng = random.Random(11)
        rows = {}
        for index in range(history):  # a year of answers, oldest first
            score = rng.random()
            attempt = completed(Attempt(
                rng.choice(exercises), "I am so sorry the order has not arrived, let me check the tracking now " * 3,
                score, score >= 0.7,
                tuple(CriterionOutcome(f"c{i}", rng.random() < score, "essential", 1.0, "empathy") for i in range(5)),
                seconds=40.0, at=f"2026-{1 + index * 11 // history:02d}-{1 + index % 28:02d}T10:00:00.000+00:00"))
            rows[str(index + 1)] = attempt_row("Bench", attempt)
        with store._file.transaction() as db:  # one save for the whole history
            db.storage.read()["attempts"].update(rows)
            db.storage.changed = True
    store.close()


SOCKET = f"listen-bench-{os.getpid()}"
"""A private tmux server, so the learner's own tmux is never touched."""
_runs = iter(range(1_000_000))


def tmux(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a tmux command on the benchmark's own server."""
    return subprocess.run(["tmux", "-L", SOCKET, *args], text=True, **kwargs)  # type: ignore[call-overload]


def time_to_marker(command: str, marker: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` in tmux until ``marker`` is on its screen."""
    session = f"run{next(_runs)}"
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command, check=True, env=env)
    try:
        while time.perf_counter() - started < TIMEOUT:
            screen = tmux("capture-pane", "-p", "-t", session, capture_output=True).stdout
            if marker in screen:
                return time.perf_counter() - started
            time.sleep(POLL)
        raise TimeoutError(f"{marker!r} never showed for: {command}")
    finally:
        tmux("kill-session", "-t", session, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--command", help="how to start listen (default: the listen command, if installed)")
    parser.add_argument("--history", type=int, default=0, help="earlier answers in the learner's progress (0: none)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed for this benchmark")
        return 2

    # An installed wheel ships compiled bytecode; a source checkout (with
    # PYTHONDONTWRITEBYTECODE set, say) may not, and would then compile every
    # module at each start. Compile first so both apps start as installed.
    import compileall

    import course

    compileall.compile_dir(str(Path(course.__file__).parent), quiet=1)

    work = Path(tempfile.mkdtemp(prefix="listen-bench-"))
    home = work / "home"
    _prepare_home(home, args.history)
    env = dict(os.environ, LISTEN_HOME=str(home), TERM=os.environ.get("TERM", "xterm-256color"))
    env.pop("NO_COLOR", None)
    (work / "bare.py").write_text(BARE_APP)
    (work / "listen_app.py").write_text(LISTEN_APP)
    (work / "core_bare.py").write_text(CORE_THEN_BARE)
    python = shlex.quote(sys.executable)
    installed = Path(sys.executable).with_name("listen")
    listen = args.command or (
        shlex.quote(str(installed)) if installed.exists() else f"{python} {work / 'listen_app.py'}"
    )
    candidates = {
        "bare Textual app": (f"{python} {work / 'bare.py'}", "READY"),
        "core imports + bare": (f"{python} {work / 'core_bare.py'}", "READY"),
        "listen → dashboard": (listen, "Hello, Bench"),
    }

    times: dict[str, list[float]] = {name: [] for name in candidates}
    try:
        # A session that lives for the whole run keeps the server up between timed starts.
        tmux("new-session", "-d", "-s", "keep", "-x", "120", "-y", "40", "sleep 3600", check=True, env=env)
        # One untimed start each: warms the OS file cache and fills the course cache.
        for command, marker in candidates.values():
            time_to_marker(command, marker, env)
        for _ in range(args.runs):
            for name, (command, marker) in candidates.items():
                times[name].append(time_to_marker(command, marker, env))
    finally:
        tmux("kill-server", capture_output=True)
        shutil.rmtree(work, ignore_errors=True)

    bare = statistics.median(times["bare Textual app"])
    print(f"start → painted, tmux 120×40, {args.runs} runs each (alternating), {args.history:,} earlier answers, "
          "median / min / max in ms")
    print(f"{'what':<22} {'median':>8} {'min':>8} {'max':>8} {'× bare':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<22} {median * 1000:>8.0f} {min(values) * 1000:>8.0f} {max(values) * 1000:>8.0f} "
            f"{median / bare:>8.2f}"
        )
    ratio = statistics.median(times["listen → dashboard"]) / bare
    verdict = "✓" if ratio <= TARGET_RATIO else "✗"
    app_own = statistics.median(times["listen → dashboard"]) - statistics.median(times["core imports + bare"])
    best = min(times["listen → dashboard"]) / min(times["bare Textual app"])
    print(f"\nratio of medians {ratio:.2f} (target ≤ {TARGET_RATIO}) {verdict}; of the fastest runs {best:.2f}")
    print(f"command: {listen}")
    print(f"the app's own cost over the bare app (after the same imports): {app_own * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
