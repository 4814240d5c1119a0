"""listen serve in a real headless Chromium: a learner opens the room, answers, and the store has it."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from course.progress import ProgressStore

sys.path.insert(0, str(Path(__file__).parent))  # the Chromium driver, shared with bench/serve.py
from room_chromium import Chromium, chromium_binary  # noqa: E402

BINARY = chromium_binary()
pytestmark = pytest.mark.skipif(
    BINARY is None, reason="no chromium on this machine (Debian: apt-get install -y chromium; .ci/run does it)"
)
ANSWER = ("Hi Amara, that sounds so stressful with the party on Saturday. I'm sorry. I've opened a trace with "
          "the courier on order 30417 and I'll message you here by 3 pm today.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def open_room(data_dir: Path, port: int) -> subprocess.Popen[str]:
    """``listen serve`` in its own process, once it answers on its port (what it said first is printed by then)."""
    room = subprocess.Popen(
        [sys.executable, "-m", "course", "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return room
        except OSError:
            if room.poll() is not None or time.monotonic() > deadline:
                room.kill()
                raise AssertionError(f"listen serve did not open: {room.communicate()[0]}") from None
            time.sleep(0.1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def room(data_dir: Path):
    port = free_port()
    process = open_room(data_dir, port)
    assert process.stdout is not None
    said = [process.stdout.readline().strip(), process.stdout.readline().strip()]
    assert said == [f"listen: training room open at http://127.0.0.1:{port} (Ctrl+C closes it)",
                    f"Only this machine can open it; for learners on your network: listen serve --host 0.0.0.0 "
                    f"--port {port}"]
    yield port
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


async def learner_answers(port: int, profile: Path) -> list[str]:
    """A new learner's way from the room's page to feedback on an answer; every URL the page asked for."""
    assert BINARY is not None
    async with Chromium(BINARY, profile) as browser:
        tab = await browser.tab()
        await tab.open(f"http://127.0.0.1:{port}/")
        await tab.wait_for("What is your name?")
        await tab.focus_terminal()
        await tab.type("Robin")
        await tab.press("enter")
        await tab.wait_for("Hello, Robin")
        mark = len(tab.screen)
        await tab.press("tab", "down", "down", "enter")  # into the modules list: Welcome, Attention, Empathy
        await tab.wait_for("Module 2: Empathy", since=mark)
        mark = len(tab.screen)
        await tab.press(*["down"] * 7, "enter")  # past its five lessons and two exercises: the birthday bike
        await tab.wait_for("The birthday bike that didn't come", since=mark)
        await tab.wait_for("0 words", since=mark)
        mark = len(tab.screen)
        await tab.type(ANSWER)
        await tab.press("ctrl+s")
        await tab.wait_for("PASSED", since=mark)
        requested = list(tab.requested)
        await tab.close()
        return requested


def test_a_learner_in_the_browser_answers_and_the_store_keeps_it(room: int, data_dir: Path, tmp_path: Path) -> None:
    requested = asyncio.run(asyncio.wait_for(learner_answers(room, tmp_path / "chromium"), 90))

    hosts = {urlparse(url).hostname for url in requested if not url.startswith(("data:", "about:", "blob:"))}
    assert hosts == {"127.0.0.1"}, f"the page fetched from elsewhere: {requested}"
    assert any(url.endswith(".ttf") for url in requested), "the font should come from the room itself"
    store = ProgressStore(data_dir)
    try:
        assert [learner.name for learner in store.learners()] == ["Robin"]
        attempts = store.attempts("Robin", "empathy.late-gift")
        assert len(attempts) == 1 and attempts[0].answer == ANSWER
    finally:
        store.close()
