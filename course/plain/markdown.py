"""A lesson's Markdown as plain lines, for reading aloud, in braille or on a dumb terminal.

Headings are lines of their own; paragraphs are one line each (the terminal
wraps them); list items start with ``-`` (or their number), nested ones
indented; a quotation is indented four spaces; emphasis loses its marks; a
link keeps its address in brackets; a table reads row by row, each cell after
its column's heading. Nothing here adds a character a terminal would obey.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["plain_markdown"]

QUOTE = "    "
"""What a quotation's lines start with."""


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _inline(node: Any) -> str:
    """The words of an inline stretch, marks dropped."""
    words = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            words.append(child.content)
        elif kind == "softbreak":
            words.append(" ")
        elif kind == "hardbreak":
            words.append("\n")
        elif kind == "image":
            words.append(_inline(child) or str(child.attrs.get("alt", "")))
        elif kind == "link":
            text, href = _inline(child), str(child.attrs.get("href", ""))
            words.append(text if not href or href in (text, f"mailto:{text}") else f"{text} ({href})")
        else:  # strong, em and the like: their words, without the marks
            words.append(_inline(child))
    return "".join(words)


def _text_of(node: Any) -> str:
    """The words of a block that holds one inline stretch (a heading, a paragraph, a table cell)."""
    return "".join(_inline(child) for child in node.children if child.type == "inline")


def _list(node: Any) -> list[str]:
    ordered = node.type == "ordered_list"
    number = int(node.attrs.get("start", 1) or 1) if ordered else 0
    lines: list[str] = []
    for item in node.children:
        marker = f"{number}. " if ordered else "- "
        number += 1
        inside = [line for block in item.children for line in _block(block)]
        inside = [line for line in inside if line.strip()] or [""]
        lines.append(marker + inside[0])
        lines += [" " * len(marker) + line for line in inside[1:]]
    return lines


def _table(node: Any) -> list[str]:
    rows = [row for part in node.children for row in part.children]
    if not rows:
        return []
    headings = [_text_of(cell).strip() for cell in rows[0].children]
    lines = []
    for row in rows[1:]:
        cells = [_text_of(cell).strip() for cell in row.children]
        said = [f"{heading}: {cell}" if heading else cell for heading, cell in zip(headings, cells, strict=False)]
        lines.append("- " + "; ".join(said))
    return lines


def _block(node: Any) -> list[str]:
    """One block as lines (no blank line after it)."""
    kind = node.type
    if kind in ("heading", "paragraph"):
        return _text_of(node).strip().split("\n")
    if kind in ("bullet_list", "ordered_list"):
        return _list(node)
    if kind == "blockquote":
        return [QUOTE + line if line else "" for line in _blocks(node.children)]
    if kind in ("fence", "code_block"):
        return [QUOTE + line for line in str(node.content).rstrip("\n").split("\n")]
    if kind == "table":
        return _table(node)
    if kind == "hr":
        return ["* * *"]
    if kind == "html_block":
        return str(node.content).rstrip("\n").split("\n")
    return _blocks(node.children)


def _blocks(nodes: Any) -> list[str]:
    """Blocks one after another, a blank line between them."""
    lines: list[str] = []
    for node in nodes:
        block = _block(node)
        if not block:
            continue
        if lines:
            lines.append("")
        lines += block
    return lines


def plain_markdown(markdown: str) -> str:
    """The Markdown as plain lines (see the module); one paragraph a line, for the terminal to wrap."""
    from markdown_it.tree import SyntaxTreeNode

    return "\n".join(_blocks(SyntaxTreeNode(_parser().parse(markdown)).children))
