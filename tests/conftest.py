"""Project-wide test setup: no test ever touches the real user data dir."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--full", action="store_true", default=False,
                     help="long reliability runs (200 kills, 2 x 500 attempts) and long fuzz runs")


def pytest_configure(config: pytest.Config) -> None:
    from tests import fuzz_settings

    fuzz_settings.FUZZ_PROFILE = "fuzz-long" if config.getoption("--full") else "fuzz-short"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point LISTEN_HOME, HOME and XDG_DATA_HOME at a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("LISTEN_HOME", str(home / "listen-data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("LISTEN_CONTENT", raising=False)
    monkeypatch.delenv("LISTEN_LRS_ENDPOINT", raising=False)
    monkeypatch.delenv("LISTEN_LRS_USERNAME", raising=False)
    monkeypatch.delenv("LISTEN_LRS_PASSWORD", raising=False)
    return home / "listen-data"


@dataclass
class Outcome:
    """What one run of ``listen`` printed and its exit status."""

    status: int
    out: str
    err: str


@pytest.fixture
def listen(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           private_data_dir: Path) -> Callable[..., Outcome]:
    """Run ``listen(*args, stdin=...)`` in-process, as a learner or trainer would type it."""
    from course.cli import main

    def run(*args: str, stdin: str | None = None) -> Outcome:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        capsys.readouterr()
        try:
            main(list(args))
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        else:  # pragma: no cover - main always exits
            status = 0
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    return run
