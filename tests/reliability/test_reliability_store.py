"""Killed at random moments, or racing another process: no unreadable file, no acknowledged attempt lost."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import time
from pathlib import Path

from course.progress import ProgressStore

ATTEMPT_ID = re.compile(r"^[0-9a-f]{32}$")


def _acknowledged(output: str) -> set[str]:
    """The ids a child printed in full (a line cut by the kill does not count)."""
    return {line for line in output.split("\n")[:-1] if ATTEMPT_ID.match(line)}


def _readable(path: Path) -> bool:
    if not path.exists():
        return True  # killed before the first save: nothing to read yet is not damage
    try:
        data = json.loads(path.read_bytes())
    except ValueError:
        return False
    return isinstance(data, dict) and "meta" in data


def test_sigkill_at_random_moments(tmp_path: Path, full: bool, figures, recorder, child_env) -> None:  # type: ignore[no-untyped-def]
    kills = 200 if full else 20
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    acknowledged: dict[Path, set[str]] = {}
    unreadable = 0
    started = time.monotonic()
    for round_number in range(kills):
        data_dir = tmp_path / f"store-{round_number // 50}"  # a fresh store every 50 kills keeps files small
        child = subprocess.Popen(
            [*recorder, str(data_dir), "Dana", "1000000"], stdout=subprocess.PIPE, text=True, env=child_env
        )
        time.sleep(rng.uniform(0.02, 0.45))  # from interpreter start, through open, into the saves
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        acknowledged.setdefault(data_dir, set()).update(_acknowledged(output))
        unreadable += not _readable(data_dir / "progress.json")

    lost = 0
    saved_total = 0
    repairs = []
    for data_dir, ids in acknowledged.items():
        store = ProgressStore(data_dir)
        repairs += store.notices
        saved = {attempt.id for attempt in store.attempts("Dana")}
        saved_total += len(saved)
        lost += len(ids - saved)
        assert not list(data_dir.glob("*.damaged-*"))
        assert not [path for path in data_dir.iterdir() if path.name.endswith(".tmp")]  # cleaned at open
    acked_total = sum(map(len, acknowledged.values()))
    figures(
        f"SIGKILL: {kills} kills (seed {seed}) in {time.monotonic() - started:.1f} s: "
        f"{acked_total} attempts acknowledged, {saved_total} saved, {lost} lost, "
        f"{unreadable} unreadable files, {len(repairs)} repairs"
    )
    assert unreadable == 0
    assert lost == 0
    assert repairs == []
    assert acked_total > 0


def test_two_processes_recording_at_once(tmp_path: Path, full: bool, figures, recorder, child_env) -> None:  # type: ignore[no-untyped-def]
    each = 500 if full else 50
    data_dir = tmp_path / "shared"
    ProgressStore(data_dir).close()  # both find the file there
    children = [
        subprocess.Popen(
            [*recorder, str(data_dir), learner, str(each), "--wait"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env,
        )
        for learner in ("Dana", "Dana")  # the same learner: the hardest case for row ids and learner rows
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=300)[0] for child in children]
    seconds = time.monotonic() - started
    assert [child.returncode for child in children] == [0, 0]

    acknowledged = set().union(*map(_acknowledged, outputs))
    store = ProgressStore(data_dir)
    saved = [attempt.id for attempt in store.attempts("Dana")]
    lost = len(acknowledged - set(saved))
    figures(
        f"two processes: 2 x {each} attempts in {seconds:.1f} s: {len(acknowledged)} acknowledged, "
        f"{len(saved)} saved, {lost} lost, {len(saved) - len(set(saved))} duplicated"
    )
    assert len(acknowledged) == 2 * each
    assert lost == 0
    assert len(saved) == len(set(saved)) == 2 * each
    assert [learner.name for learner in store.learners()] == ["Dana"]
    assert store.notices == []
