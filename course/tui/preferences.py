"""The learner's look-and-feel choices, kept beside their progress (``preferences.json``).

Only the theme for now. A preference that cannot be read or saved is simply
not remembered: it is never a reason to fail.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

__all__ = ["PREFERENCES_FILE", "saved_theme", "save_theme"]

PREFERENCES_FILE = "preferences.json"


def saved_theme(data_dir: Path) -> str | None:
    """The theme last chosen on this machine, if any."""
    try:
        data = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) and len(theme) < 64 else None


def save_theme(data_dir: Path, theme: str) -> None:
    """Remember the theme (atomically: a half-written file is never left behind)."""
    temporary = None
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=data_dir, prefix=".preferences-", suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({"theme": theme}, handle)
        os.replace(temporary, data_dir / PREFERENCES_FILE)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
