"""The kit's pages as plain text: the same sheets as the HTML, for any printer, editor or screen reader.

Every string from the course goes through ``safe_text``, so a file holds
no escape sequence or control character a terminal or printer would obey;
lines are wrapped at ``WIDTH``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from course.safe_text import safe_text

from .as_html import BOX
from .sheet import SCALE, Checks, Notes, Part, Points, Ratings, Said, Sheet, Words

__all__ = ["sheets_text", "index_text", "WIDTH"]

WIDTH = 76
"""Characters per line."""

_RULE = "=" * WIDTH
_CUT = "- " * (WIDTH // 2) + "\n(new page)\n"


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` made safe and wrapped, its own line breaks kept, ``first`` before the first line."""
    lines: list[str] = []
    indent = " " * len(first) if rest is None else rest
    for number, paragraph in enumerate(safe_text(text).split("\n")):
        lead = first if number == 0 else indent
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=lead, subsequent_indent=indent,
                               break_long_words=False, break_on_hyphens=False) or [lead.rstrip()]
    return lines


def _part(part: Part) -> list[str]:
    if isinstance(part, Words):
        return _wrap(part.text) + [""]
    if isinstance(part, Said):
        lines = _wrap(part.cue) if part.cue else []
        for said in part.lines:
            lines += _wrap(said, "  > ", "    ")
        return lines + [""]
    if isinstance(part, Points):
        return [line for item in part.items for line in _wrap(item, "  - ")] + [""]
    if isinstance(part, Checks):
        width = max(len(check.weight) for check in part.items) if part.items else 0
        return [line for check in part.items
                for line in _wrap(check.text, f"  {BOX} {check.weight.upper():<{width}}  ")] + [""]
    if isinstance(part, Ratings):
        boxes = "  ".join(f"{BOX} {number} {word}" for number, word in enumerate(SCALE, start=1))
        return [line for statement in part.statements for line in (*_wrap(statement, "  "), f"      {boxes}", "")]
    assert isinstance(part, Notes)
    return _wrap(part.label) + ["  " + "_" * (WIDTH - 2)] * part.lines + [""]


def _sheet(sheet: Sheet) -> str:
    lines = [_RULE, safe_text(sheet.kind).upper(), *_wrap(sheet.title)]
    if sheet.reference:
        lines.append(f"({safe_text(sheet.reference)})")
    lines += [_RULE, ""]
    for section in sheet.sections:
        heading = _wrap(section.heading)
        lines += [*heading, "-" * min(WIDTH, max(len(line) for line in heading))]
        for part in section.parts:
            lines += _part(part)
    return "\n".join(lines).rstrip() + "\n"


def sheets_text(sheets: Sequence[Sheet]) -> str:
    """These sheets as one plain-text file, each after a cut line."""
    return ("\n" + _CUT + "\n").join(_sheet(sheet) for sheet in sheets)


def index_text(title: str, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], note: str = "") -> str:
    """The kit's front page as plain text: each page's label and its file."""
    lines = [_RULE, "TRAINER'S KIT", *_wrap(title), _RULE, ""]
    if note:
        lines += _wrap(note) + [""]
    for heading, pages in groups:
        lines += [*_wrap(heading), "-" * min(WIDTH, len(safe_text(heading)))]
        lines += [line for stem, label in pages for line in _wrap(f"{label}: {stem}.txt (or .html)", "  - ")]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
