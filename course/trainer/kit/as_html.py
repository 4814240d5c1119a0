"""The kit's pages as self-contained HTML: inline CSS, no scripts, nothing fetched, one sheet per printed page.

Every string from the course goes through ``safe_text`` and then ``escape``:
a scenario holding ``<script>`` or an escape sequence prints as the
characters it is, never as markup or a control.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from course.safe_text import safe_text

from .sheet import SCALE, Checks, Notes, Part, Points, Ratings, Said, Sheet, Words

__all__ = ["sheets_html", "index_html", "BOX"]

BOX = "☐"
"""An empty tick box, the same on screen, on paper and in the plain-text form."""

_CSS = """
body{font:15px/1.5 Georgia,"Times New Roman",serif;color:#111;background:#fff;margin:0}
.sheet{max-width:720px;margin:24px auto;padding:28px 32px;border:1px solid #bbb}
.sheet{page-break-after:always;break-after:page}
.sheet:last-of-type{page-break-after:auto;break-after:auto}
.kind{font:600 12px/1.2 system-ui,Arial,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#444}
h1{font-size:24px;margin:4px 0 2px}.ref{font:12px system-ui,Arial,sans-serif;color:#555;margin:0 0 12px}
h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #ccc;padding-bottom:2px;break-after:avoid}
.said{white-space:pre-wrap;border-left:3px solid #777;padding:2px 0 2px 12px;margin:6px 0;font-style:italic}
.cue{font-weight:600;margin:10px 0 2px}
ul{margin:4px 0 8px 0;padding-left:22px}ul.checks{list-style:none;padding-left:0}
ul.checks li{margin:3px 0;break-inside:avoid}.box{font-size:18px;margin-right:6px}
.weight{display:inline-block;min-width:92px;font:600 12px system-ui,Arial,sans-serif;text-transform:uppercase}
.notes{margin:8px 0}.line{border-bottom:1px solid #888;height:26px}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
td,th{padding:4px 6px;border-bottom:1px solid #ddd;text-align:left}
th.n,td.n{text-align:center;width:64px;font:12px system-ui,Arial,sans-serif}
nav li{margin:4px 0}
@media print{body{font-size:12pt}.sheet{border:none;margin:0;padding:0;max-width:none}}
"""


def _t(text: str) -> str:
    """Text from the course, safe to show and to put in HTML."""
    return escape(safe_text(text))


def _part(part: Part) -> str:
    if isinstance(part, Words):
        return f"<p>{_t(part.text)}</p>"
    if isinstance(part, Said):
        cue = f'<p class="cue">{_t(part.cue)}</p>' if part.cue else ""
        return cue + "".join(f'<blockquote class="said">{_t(line)}</blockquote>' for line in part.lines)
    if isinstance(part, Points):
        return "<ul>" + "".join(f"<li>{_t(item)}</li>" for item in part.items) + "</ul>"
    if isinstance(part, Checks):
        return '<ul class="checks">' + "".join(
            f'<li><span class="box">{BOX}</span><span class="weight">{_t(check.weight)}</span>{_t(check.text)}</li>'
            for check in part.items
        ) + "</ul>"
    if isinstance(part, Ratings):
        head = "".join(f'<th class="n">{number}<br>{_t(word)}</th>' for number, word in enumerate(SCALE, start=1))
        rows = "".join(
            f"<tr><td>{_t(statement)}</td>" + f'<td class="n">{BOX}</td>' * len(SCALE) + "</tr>"
            for statement in part.statements
        )
        return f"<table><tr><th></th>{head}</tr>{rows}</table>"
    assert isinstance(part, Notes)
    return f'<div class="notes"><p>{_t(part.label)}</p>' + '<div class="line"></div>' * part.lines + "</div>"


def _sheet(sheet: Sheet) -> str:
    parts = [f'<section class="sheet"><p class="kind">{_t(sheet.kind)}</p><h1>{_t(sheet.title)}</h1>']
    if sheet.reference:
        parts.append(f'<p class="ref">{_t(sheet.reference)}</p>')
    for section in sheet.sections:
        parts.append(f"<h2>{_t(section.heading)}</h2>")
        parts.extend(_part(part) for part in section.parts)
    parts.append("</section>")
    return "".join(parts)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_t(title)}</title><style>{_CSS}</style></head><body>\n{body}\n</body></html>\n")


def sheets_html(title: str, sheets: Sequence[Sheet]) -> str:
    """One HTML file holding these sheets, each starting a new printed page."""
    return _page(title, "\n".join(_sheet(sheet) for sheet in sheets))


def index_html(title: str, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], note: str = "") -> str:
    """The kit's front page: for each group, its pages (paths inside the kit, without ``.html``) and their labels."""
    parts = [f'<section class="sheet"><p class="kind">Trainer\'s kit</p><h1>{_t(title)}</h1>']
    if note:
        parts.append(f"<p>{_t(note)}</p>")
    for heading, pages in groups:
        parts.append(f"<h2>{_t(heading)}</h2><nav><ul>")
        parts.extend(f'<li><a href="{escape(stem)}.html">{_t(label)}</a> '
                     f'<span class="ref">(<a href="{escape(stem)}.txt">plain text</a>)</span></li>'
                     for stem, label in pages)
        parts.append("</ul></nav>")
    parts.append("</section>")
    return _page(title, "".join(parts))
