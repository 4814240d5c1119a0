"""Reliability runs: short by default, long with ``--full``.

    pytest tests/reliability            # about 20 seconds
    pytest tests/reliability --full     # 200 kills, 2 x 500 attempts: a few minutes

The figures of each run are printed at the end of the pytest summary.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

RECORDER = Path(__file__).resolve().parent / "recorder.py"
REPO = Path(__file__).resolve().parents[2]
_FIGURES: list[str] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption(
            "--full", action="store_true", default=False, help="long reliability runs (200 kills, 2 x 500 attempts)"
        )
    except ValueError:
        pass  # already added by a conftest nearer the root


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _FIGURES:
        terminalreporter.section("reliability figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture
def full(request: pytest.FixtureRequest) -> bool:
    """Whether to run the long version (``--full`` or LISTEN_FULL=1)."""
    return bool(request.config.getoption("--full", default=False)) or os.environ.get("LISTEN_FULL") == "1"


@pytest.fixture
def figures():  # type: ignore[no-untyped-def]
    """Note a line for the end-of-run summary."""
    return _FIGURES.append


@pytest.fixture
def child_env() -> dict[str, str]:
    """The environment for child processes: this checkout first on the path, unbuffered output."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture
def recorder() -> list[str]:
    """The command that records attempts and prints each id once saved."""
    return [sys.executable, str(RECORDER)]
