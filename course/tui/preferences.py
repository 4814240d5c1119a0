"""The learner's look-and-feel choices, kept beside their progress (``preferences.json``).

Only the theme for now. A preference that cannot be read or saved is simply
not remembered: it is never a reason to fail.
"""

from __future__ import annotations

import json
from pathlib import Path

from course.plainfile import read_plain_file

__all__ = ["PREFERENCES_FILE", "saved_theme", "save_theme"]

PREFERENCES_FILE = "preferences.json"


def saved_theme(data_dir: Path) -> str | None:
    """The theme last chosen on this machine, if any."""
    try:
        data = json.loads(
            read_plain_file(data_dir / PREFERENCES_FILE, 64 * 1024).decode("utf-8")
        )  # a pipe here must not hang the app
    except (OSError, ValueError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) and len(theme) < 64 else None


def save_theme(data_dir: Path, theme: str) -> None:
    """Remember the theme (atomically, as the progress file is written)."""
    from course.progress.storage import write_atomically

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(data_dir / PREFERENCES_FILE, json.dumps({"theme": theme}).encode("utf-8"))
    except OSError:
        pass
