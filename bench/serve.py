"""The training room: memory per connected learner and time to first screen, next to the terminal app.

    python bench/serve.py [--learners 1,10,30] [--runs 5]

Terminal app: ``listen`` on a fresh store, started in a pseudo-terminal (120×40) until its first
screen (the name prompt) has been written; its RSS and PSS a second later. Median of --runs starts, after
one untimed start that warms the course cache and the OS file cache.

Training room: for each number of learners, a fresh store and ``listen serve`` on a free port on
127.0.0.1, one headless Chromium with that many tabs, all sent to the room at once. Time to first
screen is from a tab's navigation to the name prompt arriving in its terminal (page, script, font,
websocket, and the learner's own ``listen`` process starting). Memory is the server process and all
its children (one ``listen`` per browser) once every tab shows its prompt; per learner is the growth
over the server alone, divided by the learners. RSS counts shared pages in every process; PSS splits
them, so PSS is closer to what a learner really costs. Chromium's own memory is not counted.

Needs Chromium (Debian: apt-get install -y chromium). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "room"))  # the DevTools driver the browser test uses
from room_chromium import Chromium, Tab, chromium_binary, plain  # noqa: E402

MARKER = "What is your name?"
"""The first screen, in the terminal and in every browser: a fresh store asks who is learning."""
TIMEOUT = 120.0


def tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory(root: int) -> tuple[float, float, int]:
    """RSS and PSS in MiB of ``root`` and its descendants, and how many processes that is."""
    rss = pss = 0
    pids = tree(root)
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024, len(pids)


def terminal_first_screen(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawning ``command`` in a 120×40 pty to its first screen; its RSS and PSS a second later (MiB)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = bytearray()
    try:
        while MARKER not in plain(bytes(seen)):
            if time.perf_counter() - started > TIMEOUT or process.poll() is not None:
                raise RuntimeError(f"listen never showed its first screen: {plain(bytes(seen))[-400:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        elapsed = time.perf_counter() - started
        settled = time.perf_counter() + 1.0  # drawn and idle, as the room's learners are when measured
        while (left := settled - time.perf_counter()) > 0:
            if select.select([master], [], [], left)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        rss, pss, _ = memory(process.pid)
        return elapsed, rss, pss
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def open_room(data_dir: Path, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    room = subprocess.Popen(
        [sys.executable, "-m", "course", "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return room
        except OSError:
            if room.poll() is not None or time.monotonic() > deadline:
                room.kill()
                raise RuntimeError("listen serve did not open") from None
            time.sleep(0.05)


def close_room(room: subprocess.Popen[bytes]) -> None:
    left = tree(room.pid)
    room.terminate()
    try:
        room.wait(15)
    except subprocess.TimeoutExpired:
        room.kill()
        room.wait()
    for pid in left[1:]:  # a learner's listen the server did not end
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


async def first_screen(tab: Tab, url: str) -> float:
    """Seconds from sending ``tab`` to ``url`` until its terminal shows the first screen."""
    started = time.perf_counter()
    await tab.open(url)
    checked = 0
    while True:
        if MARKER in plain(bytes(tab.screen[max(0, checked - 200):])):
            return time.perf_counter() - started
        checked = len(tab.screen)
        if time.perf_counter() - started > TIMEOUT:
            raise RuntimeError(f"a browser never showed the first screen: {tab.text_since(0)[-400:]!r}")
        await asyncio.sleep(0.01)


async def room_with(learners: int, binary: str, work: Path, env: dict[str, str]) -> dict[str, float]:
    """One room, ``learners`` tabs at once: first-screen times and the room's memory."""
    data_dir = work / f"room-{learners}"
    port = free_port()
    room = open_room(data_dir, port, env)
    try:
        await asyncio.sleep(1.0)  # the server settled, nobody connected yet
        alone_rss, alone_pss, _ = memory(room.pid)
        async with Chromium(binary, work / f"chromium-{learners}") as browser:
            tabs = [await browser.tab() for _ in range(learners)]
            times = await asyncio.gather(*(first_screen(tab, f"http://127.0.0.1:{port}/") for tab in tabs))
            await asyncio.sleep(1.0)  # every app has drawn and gone idle
            rss, pss, processes = memory(room.pid)
            for tab in tabs:
                await tab.close()
    finally:
        close_room(room)
    return {
        "median": statistics.median(times), "max": max(times), "rss": rss, "pss": pss, "processes": processes,
        "alone_rss": alone_rss, "alone_pss": alone_pss,
        "per_rss": (rss - alone_rss) / learners, "per_pss": (pss - alone_pss) / learners,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", default="1,10,30", help="numbers of browsers, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed starts of the terminal app")
    args = parser.parse_args()
    try:
        counts = [int(part) for part in args.learners.split(",")]
    except ValueError:
        parser.error("--learners takes whole numbers separated by commas, like 1,10,30")
    if any(count < 1 for count in counts):
        parser.error("--learners takes numbers of at least 1")
    binary = chromium_binary()
    if binary is None:
        print("Chromium is needed for this benchmark (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 2

    import compileall

    import course

    compileall.compile_dir(str(Path(course.__file__).parent), quiet=1)  # start as an installed wheel would
    work = Path(tempfile.mkdtemp(prefix="listen-bench-serve-"))
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NO_COLOR", None)
    env.pop("LISTEN_HOME", None)
    rows: list[tuple[str, int, float, float, float, float, float, float]] = []
    try:
        store = work / "terminal"
        listen = [sys.executable, "-m", "course", "--data-dir", str(store)]
        terminal_first_screen(listen, env)  # untimed: fills the course cache, warms the file cache
        runs = [terminal_first_screen(listen, env) for _ in range(args.runs)]
        times = [run[0] for run in runs]
        rss = statistics.median(run[1] for run in runs)
        pss = statistics.median(run[2] for run in runs)
        rows.append(("listen in a terminal", 1, statistics.median(times), max(times), rss, pss, rss, pss))
        for count in counts:
            result = asyncio.run(room_with(count, binary, work, env))
            rows.append((f"listen serve, {count} browser{'s' if count > 1 else ''}", count, result["median"],
                         result["max"], result["rss"], result["pss"], result["per_rss"], result["per_pss"]))
            alone = (result["alone_rss"], result["alone_pss"])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"first screen (the name prompt) and memory; terminal: {args.runs} starts in a 120×40 pty (median);")
    print("room: all browsers sent at once, one headless Chromium, a tab each; memory of the server and its children")
    print(f"{'what':<26} {'first screen ms':>16} {'worst ms':>9} {'RSS MiB':>9} {'PSS MiB':>9} "
          f"{'RSS/learner':>12} {'PSS/learner':>12}")
    for name, _, median, worst, rss, pss, per_rss, per_pss in rows:
        print(f"{name:<26} {median * 1000:>16.0f} {worst * 1000:>9.0f} {rss:>9.1f} {pss:>9.1f} "
              f"{per_rss:>12.1f} {per_pss:>12.1f}")
    print(f"the room's server with nobody connected: RSS {alone[0]:.1f} MiB, PSS {alone[1]:.1f} MiB "
          "(per learner = growth over that, divided by the learners)")
    print(f"{os.cpu_count()} CPU cores; Chromium's own memory is not counted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
