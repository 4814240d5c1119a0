"""The kit as files: an index, a card file per exercise, an observer sheet per module, the self-assessment.

Each page is written as HTML and as plain text of the same name::

    index.html  index.txt  self-assessment.html  self-assessment.txt
    cards/<exercise-id>.html  .txt     observer/<module-id>.html  .txt

Files are written whole (through a temporary file) and readable by anyone
(0644): a kit is meant to be printed, mailed and shared.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from course.progress.storage import write_atomically

from .as_html import index_html, sheets_html
from .as_text import index_text, sheets_text
from .build import TrainerKit

__all__ = ["kit_pages", "write_kit", "FILE_MODE"]

FILE_MODE = 0o644
"""Every file of the kit: readable by all, written by its owner."""

_NOTE = ("Print a card file and cut it in two: the customer's page for one person, the agent's for another, "
         "and the module's observer sheet for a third. Every page is also a plain-text file of the same name.")


def _stem(ident: str) -> str:
    """An id as a file name: the course's ids already are; anything else is made so."""
    return re.sub(r"[^a-z0-9.-]+", "-", ident.lower()).strip(".-") or "page"


def kit_pages(kit: TrainerKit) -> dict[str, str]:
    """Every file of the kit, by its path inside the kit folder, with its text."""
    cards = [(f"cards/{_stem(card.exercise_id)}", f"{kit.titles.get(card.module_id, card.module_id)}: {card.title}",
              card) for card in kit.cards]
    observers = [(f"observer/{_stem(sheet.reference)}", sheet.title, sheet) for sheet in kit.observers]
    pages: dict[str, str] = {}
    for stem, _, card in cards:
        sheets = (card.customer, card.agent)
        pages[f"{stem}.html"] = sheets_html(f"{card.title}: role-play cards", sheets)
        pages[f"{stem}.txt"] = sheets_text(sheets)
    for stem, title, sheet in observers:
        pages[f"{stem}.html"] = sheets_html(f"{title}: observer sheet", (sheet,))
        pages[f"{stem}.txt"] = sheets_text((sheet,))
    pages["self-assessment.html"] = sheets_html("Self-assessment", (kit.self_assessment,))
    pages["self-assessment.txt"] = sheets_text((kit.self_assessment,))
    groups = [
        ("Role-play cards: customer and agent", [(stem, label) for stem, label, _ in cards]),
        ("Observer sheets", [(stem, f"{title}: observer sheet") for stem, title, _ in observers]),
        ("For the learner", [("self-assessment", "Self-assessment: how I listen")]),
    ]
    note = _NOTE
    if kit.left_out:
        note += f" No customer to play, so no cards: {', '.join(kit.left_out)}."
    pages["index.html"] = index_html(kit.title, groups, note)
    pages["index.txt"] = index_text(kit.title, groups, note)
    return pages


def write_kit(kit: TrainerKit, folder: Path) -> list[Path]:
    """Write the kit into ``folder`` (made if missing; its parent must exist); the files written, index first.

    OSError when a file cannot be written.
    """
    folder.mkdir(exist_ok=True)
    written = []
    for relative, text in sorted(kit_pages(kit).items(), key=lambda item: (not item[0].startswith("index"), item[0])):
        path = folder / relative
        path.parent.mkdir(exist_ok=True)
        write_atomically(path, text.encode("utf-8"), durable=False)  # a kit can be written again; no fsync per page
        os.chmod(path, FILE_MODE)
        written.append(path)
    return written
