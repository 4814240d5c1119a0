"""How fast `listen report` reads a large cohort: 1,000 results bundles of 60 attempts each.

Writes the bundles into a temporary folder (answers are made-up sentences,
criteria met at random), then times, several runs each, median:

- reference: reading and JSON-parsing the same files, nothing else;
- table:     `listen report DIR` end to end (a new process, as a trainer runs it);
- html:      `listen report DIR --format html --out FILE` end to end;
- and the in-process parts: checking the bundles, building the report, laying it out.

Targets: table <= 3 s, html <= 5 s. Run: python bench/report.py [--learners N] [--attempts N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.content.loader import load_course  # noqa: E402
from course.trainer import cohort_report, read_bundles  # noqa: E402
from course.trainer.collect import bundle_paths  # noqa: E402
from course.trainer.report_html import report_html  # noqa: E402
from course.trainer.report_text import report_tables  # noqa: E402

TARGETS = {"table": 3.0, "html": 5.0}
WORDS = ("thanks for telling me", "I can see why that is worrying", "let me check the order now",
         "I will call you back by Friday", "so the parcel went to the old flat", "what matters most to you")


def make_bundle(course, name: str, attempts: int, rng: random.Random) -> dict:
    """A plausible bundle: attempts spread over four weeks, text answers with per-criterion results."""
    exercises = [e for e in course.exercises.values() if e.kind != "conversation"]
    start = datetime(2026, 10, 1, 8, tzinfo=timezone.utc) + timedelta(hours=rng.randrange(200))
    rows = []
    for number in range(attempts):
        exercise = rng.choice(exercises)
        at = (start + timedelta(minutes=37 * number)).isoformat(timespec="seconds")
        criteria = []
        if exercise.rubric is not None:
            for criterion in exercise.rubric.criteria:
                criteria.append({"id": criterion.id, "met": rng.random() < 0.7, "severity": criterion.severity,
                                 "weight": criterion.weight, "skill": criterion.skill or exercise.skill or "attention"})
            total = sum(c["weight"] for c in criteria) or 1
            score = sum(c["weight"] for c in criteria if c["met"]) / total
            answer = ". ".join(rng.sample(WORDS, 3)) + "."
        else:
            score = float(rng.random() < 0.6)
            answer = [rng.randrange(4)]
        rows.append({"id": uuid.UUID(int=rng.getrandbits(128)).hex, "exercise": exercise.id,
                     "module": exercise.module_id, "at": at, "seconds": round(rng.uniform(20, 400), 1),
                     "score": round(score, 4), "passed": score >= 0.7, "content_hash": exercise.content_hash,
                     "answer": answer, "criteria": criteria})
    due = (datetime.now(timezone.utc).date() + timedelta(days=rng.randrange(-10, 20))).isoformat()
    return {
        "format": "listen.results",
        "schema_version": 1,
        "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "listen": "bench",
        "course": {"version": course.version},
        "learner": {"name": name},
        "attempts": rows,
        "assignments": [
            {
                "id": f"empathy+paraphrasing@{due}",
                "modules": ["empathy", "paraphrasing"],
                "due": due,
                "pass_mark": 0.8,
                "message": "",
                "trainer": "Sam",
                "created": rows[0]["at"],
            }
        ],
    }


CPU: dict[str, float] = {}


def timed(action, runs: int, label: str = "") -> float:
    """Median wall time of ``action``; CPU time (this process and its children) kept in CPU[label]."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True)))
    CPU[label] = statistics.median(cpu)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--attempts", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    course = load_course(ROOT)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="listen-report-bench-") as folder:
        cohort = Path(folder) / "bundles"
        cohort.mkdir()
        for number in range(args.learners):
            bundle = make_bundle(course, f"Learner {number:04d}", args.attempts, rng)
            (cohort / f"learner-{number:04d}.results.json").write_text(json.dumps(bundle), encoding="utf-8")
        files, _ = bundle_paths([cohort])
        megabytes = sum(f.stat().st_size for f in files) / 1_048_576
        env = {**os.environ, "LISTEN_HOME": str(Path(folder) / "home"), "LISTEN_CONTENT": str(ROOT)}
        listen = [sys.executable, "-m", "course"]
        subprocess.run([*listen, "report", str(files[0])], env=env, capture_output=True, check=True)  # warm cache

        def reference() -> None:
            for path in files:
                json.loads(path.read_bytes())

        def cli(*extra: str) -> None:
            done = subprocess.run([*listen, "report", str(cohort), *extra], env=env, capture_output=True)
            if done.returncode:
                raise SystemExit(done.stderr.decode())

        works: list = []
        steps = {
            "reference: read + json.loads": reference,
            "check bundles (in process)": lambda: works.__setitem__(slice(None), read_bundles(course, files)[0]),
        }
        figures = {label: timed(step, args.runs, label) for label, step in steps.items()}
        report = cohort_report(course, works)
        from io import StringIO

        from rich.console import Console

        steps = {
            "build report (in process)": lambda: cohort_report(course, works),
            "lay out table (in process)":
                lambda: Console(file=StringIO(), width=160, color_system=None).print(report_tables(report)),
            "lay out html (in process)": lambda: report_html(report),
            "table: listen report DIR": lambda: cli(),
        }
        html_out = Path(folder) / "report.html"
        steps["html: listen report DIR --format html"] = lambda: cli("--format", "html", "--out", str(html_out))
        figures.update({label: timed(step, args.runs, label) for label, step in steps.items()})
        reference_time = figures["reference: read + json.loads"]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{len(files)} bundles x {args.attempts} attempts ({megabytes:.1f} MB), median of {args.runs} runs, "
              f"{os.cpu_count()} cores, load average {load:.1f}\n")
        print(f"{'what':40} {'wall s':>7} {'cpu s':>6} {'x ref':>6} {'target':>8}")
        for what, seconds in figures.items():
            kind = what.split(":")[0]
            target = f"<= {TARGETS[kind]:.0f} s" if kind in TARGETS else ""
            verdict = ("ok" if seconds <= TARGETS[kind] else "SLOW") if kind in TARGETS else ""
            print(f"{what:40} {seconds:7.2f} {CPU[what]:6.2f} {seconds / reference_time:6.1f} {target:>8} {verdict}")
        print(f"\nhtml file: {html_out.stat().st_size / 1024:.0f} KB. Wall time counts other work on the machine; "
              "cpu s is this run's own.")


if __name__ == "__main__":
    main()
