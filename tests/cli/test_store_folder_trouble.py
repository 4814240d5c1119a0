"""A read-only or full data folder: one clear line, the project's exit status, never a traceback."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from course.progress import ProgressStore
from tests.unit.progress.progress_samples import an_attempt

WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT


@pytest.fixture(params=[errno.EROFS, errno.ENOSPC], ids=["read-only", "full"])
def troubled_folder(request: pytest.FixtureRequest, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The data folder with Dana's work in it, after which every write there fails (as root, chmod cannot)."""
    store = ProgressStore(private_data_dir)
    store.record_attempt("Dana", an_attempt("empathy.late-gift"))
    store.set_last_learner("Dana")
    store.close()
    path = private_data_dir / "progress.json"  # seen yesterday: naming her now needs a save
    path.write_text(path.read_text().replace('"last_seen":"20', '"last_seen":"19'))
    real_open = os.open
    folder = str(private_data_dir)

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).startswith(folder) and flags & WRITES and not str(path).endswith(".lock"):
            raise OSError(request.param, os.strerror(request.param), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    return "the disk is read-only" if request.param == errno.EROFS else "the disk is full"


@pytest.mark.parametrize("learner", [None, "Dana", "Someone New"])
def test_status_with_or_without_learner(listen: Any, troubled_folder: str, learner: str | None) -> None:
    args = (["--learner", learner] if learner else []) + ["status"]
    outcome = listen(*args)
    assert "Traceback" not in outcome.err
    # status only reads: naming a learner saves nothing, so the trouble never shows
    assert troubled_folder not in outcome.err
    if learner == "Someone New":  # nobody to show, and status never adds anyone
        assert outcome.status == 2 and "no learner named 'Someone New'" in outcome.err
    else:
        assert outcome.status == 0, outcome.err


def test_the_app_with_learner_on_a_troubled_folder_says_so(listen: Any, troubled_folder: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import course.tui

    opened: list[Any] = []
    monkeypatch.setattr(course.tui, "run", lambda course, store, learner: opened.append((store, learner)) or 0)
    outcome = listen("--learner", "Someone New")
    assert outcome.status == 1 and troubled_folder in outcome.err and "Traceback" not in outcome.err
    outcome = listen("--learner", "Dana")
    assert outcome.status == 0 and "Traceback" not in outcome.err
    store, learner = opened[-1]
    assert learner == "Dana" and any(troubled_folder in notice for notice in store.notices)
