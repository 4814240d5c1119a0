"""The learners' look-and-feel choices, kept beside their progress (``preferences.json``).

The theme is this machine's; how a conversation's customer behaves is each
learner's own (a training room's browsers share one data folder), kept under
their name in any case:

    {"theme": "textual-light",
     "learners": {"dana": {"pace": "slow", "finished_cue": false}}}

A preference that cannot be read or saved is simply not remembered: it is
never a reason to fail. Nothing here imports Textual: ``listen --plain``
reads the same choices.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.plainfile import read_plain_file

__all__ = [
    "PREFERENCES_FILE",
    "PACES",
    "PACE_RATES",
    "PACE_WORDS",
    "ConversationPreferences",
    "saved_theme",
    "save_theme",
    "conversation_preferences",
    "save_conversation_preferences",
    "notes_read",
    "save_notes_read",
]

PREFERENCES_FILE = "preferences.json"

PACES = ("normal", "slow", "off")
"""How fast the customer types in a conversation: as the exercise says, half as fast, or all at once."""

PACE_RATES = {"normal": 1.0, "slow": 0.5, "off": 0.0}
"""How fast the customer's clock runs beside real time at each pace (0: they finish at once)."""

PACE_WORDS = {
    "normal": "normal: as fast as the customer types",
    "slow": "slow: the customer takes twice as long",
    "off": "off: everything the customer says appears at once",
}
"""Each pace in a learner's words."""

_MAX_BYTES = 256 * 1024
_MAX_LEARNERS = 1_000


@dataclass(frozen=True)
class ConversationPreferences:
    """How a learner wants the customer in a conversation to behave."""

    pace: str = "normal"
    """One of PACES."""
    finished_cue: bool = True
    """Say "Priya has finished: your turn." once the customer has finished (off: notice it yourself)."""


def _read(data_dir: Path) -> dict[str, Any]:
    """Everything kept, or nothing when the file is missing, unreadable or not an object."""
    try:
        data = json.loads(read_plain_file(data_dir / PREFERENCES_FILE, _MAX_BYTES).decode("utf-8"))
    except (OSError, ValueError):  # a pipe or a device here must not hang the app: read_plain_file refuses them
        return {}
    return data if isinstance(data, dict) else {}


def _write(data_dir: Path, data: dict[str, Any]) -> None:
    """Keep ``data`` (atomically, as the progress file is written); trouble is not remembered, never raised."""
    from course.progress.storage import write_atomically

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(data_dir / PREFERENCES_FILE, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (OSError, ValueError):
        pass


def saved_theme(data_dir: Path) -> str | None:
    """The theme last chosen on this machine, if any."""
    theme = _read(data_dir).get("theme")
    return theme if isinstance(theme, str) and len(theme) < 64 else None


def save_theme(data_dir: Path, theme: str) -> None:
    """Remember the theme (every learner's own choices are kept as they were)."""
    _write(data_dir, {**_read(data_dir), "theme": theme})


def _key(learner: str) -> str:
    """Names are unique on a machine ignoring case, as the store compares them."""
    return learner.strip().casefold()


def conversation_preferences(data_dir: Path, learner: str) -> ConversationPreferences:
    """How ``learner`` wants the customer to behave (the defaults for anything not chosen or not readable)."""
    learners = _read(data_dir).get("learners")
    mine = learners.get(_key(learner)) if isinstance(learners, dict) else None
    mine = mine if isinstance(mine, dict) else {}
    pace, cue = mine.get("pace"), mine.get("finished_cue")
    return ConversationPreferences(
        pace=pace if pace in PACES else "normal",
        finished_cue=cue if isinstance(cue, bool) else True,
    )


def save_conversation_preferences(data_dir: Path, learner: str, chosen: ConversationPreferences) -> None:
    """Remember how ``learner`` wants the customer to behave."""
    data = _read(data_dir)
    learners = data.get("learners")
    learners = dict(learners) if isinstance(learners, dict) and len(learners) < _MAX_LEARNERS else {}
    mine = learners.get(_key(learner))
    mine = mine if isinstance(mine, dict) else {}
    learners[_key(learner)] = {**mine, "pace": chosen.pace, "finished_cue": chosen.finished_cue}
    _write(data_dir, {**data, "learners": learners})


_MAX_NOTES_READ = 5_000


def notes_read(data_dir: Path, learner: str) -> frozenset[str]:
    """The trainer's notes ``learner`` has opened the list of, by ``note_key`` (none when unreadable)."""
    learners = _read(data_dir).get("learners")
    mine = learners.get(_key(learner)) if isinstance(learners, dict) else None
    read = mine.get("notes_read") if isinstance(mine, dict) else None
    return frozenset(key for key in read if isinstance(key, str)) if isinstance(read, list) else frozenset()


def save_notes_read(data_dir: Path, learner: str, keys: frozenset[str] | set[str]) -> None:
    """Remember which of the trainer's notes ``learner`` has seen (the dashboard then calls none of them new)."""
    data = _read(data_dir)
    learners = data.get("learners")
    learners = dict(learners) if isinstance(learners, dict) and len(learners) < _MAX_LEARNERS else {}
    mine = learners.get(_key(learner))
    mine = mine if isinstance(mine, dict) else {}
    learners[_key(learner)] = {**mine, "notes_read": sorted(keys)[-_MAX_NOTES_READ:]}
    _write(data_dir, {**data, "learners": learners})
