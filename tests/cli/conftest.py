"""Run ``listen`` in-process, as a learner or trainer would type it."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from course.cli import main


@dataclass
class Outcome:
    """What one run of ``listen`` printed and its exit status."""

    status: int
    out: str
    err: str


@pytest.fixture
def listen(capsys, monkeypatch, private_data_dir):
    """Call ``listen(*args, stdin=...)`` and get an Outcome."""

    def run(*args: str, stdin: str | None = None) -> Outcome:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin if stdin is not None else ""))
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
