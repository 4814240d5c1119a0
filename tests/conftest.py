"""Project-wide test setup: no test ever touches the real user data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--full", action="store_true", default=False,
                     help="long reliability runs (200 kills, 2 x 500 attempts)")


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
