"""Lesson and module files (Markdown with YAML front matter) into dataclasses."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Lesson, Section
from .schema import schema_faults
from .yamlfile import YamlProblem, parse_yaml

__all__ = ["split_front_matter", "read_module", "build_lesson"]

Report = Callable[[int, str], None]


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def split_front_matter(text: str, report: Report) -> tuple[Any, list[Any], list[str]] | None:
    """Parse the front matter and body; returns (front matter, body tokens, source lines)."""
    tokens = _parser().parse(text)
    if not tokens or tokens[0].type != "front_matter":
        report(1, "the file must start with front matter between two '---' lines")
        return None
    front = tokens[0]
    try:
        data = parse_yaml(front.content, first_line=2)
    except YamlProblem as problem:
        report(problem.line, f"front matter: {problem.message}")
        return None
    if not isinstance(data, dict):
        report(2, "front matter must be fields (id: ..., title: ...)")
        return None
    return data, tokens[1:], text.splitlines()


def read_module(text: str, report: Report) -> tuple[dict[str, Any], str] | None:
    """A module.md: its fields and its overview Markdown."""
    parsed = split_front_matter(text, report)
    if parsed is None:
        return None
    data, body, lines = parsed
    faults = list(schema_faults("module", data))
    for line, message in faults:
        report(line, message)
    if faults:
        return None
    start = body[0].map[0] if body and body[0].map else len(lines)
    return data, "\n".join(lines[start:]).strip()


def build_lesson(text: str, path: Path, report: Report) -> Lesson | None:
    """A lesson file into a Lesson, paged by its ``##`` sections."""
    parsed = split_front_matter(text, report)
    if parsed is None:
        return None
    data, body, lines = parsed
    faults = list(schema_faults("lesson", data))
    for line, message in faults:
        report(line, message)
    if faults:
        return None
    sections = _sections(body, lines, data["title"])
    if not sections:
        report(len(lines), "the lesson has no text after its front matter")
        return None
    for section in sections:
        if not section.markdown.strip():
            report(0, f"section '{section.title}' is empty")
    return Lesson(
        id=data["id"],
        title=data["title"].strip(),
        minutes=data["minutes"],
        objectives=tuple(item.strip() for item in data.get("objectives", ())),
        exercise_ids=tuple(data.get("exercises", ())),
        sections=sections,
        path=path,
    )


def _sections(body: list[Any], lines: list[str], title: str) -> tuple[Section, ...]:
    """One page for the opening (if it has text), then one per ``##`` heading."""
    if not body:
        return ()
    starts: list[tuple[int, str]] = []
    first_line = body[0].map[0] if body[0].map else 0
    for index, token in enumerate(body):
        if token.type == "heading_open" and token.tag == "h2" and token.map:
            starts.append((token.map[0], body[index + 1].content.strip()))
    sections = []
    opening_end = starts[0][0] if starts else len(lines)
    opening = [line for line in lines[first_line:opening_end]]
    if opening and opening[0].lstrip().startswith("# "):
        opening = opening[1:]
    if "\n".join(opening).strip():
        sections.append(Section(title, "\n".join(opening).strip()))
    for number, (start, heading) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        sections.append(Section(heading, "\n".join(lines[start + 1:end]).strip()))
    return tuple(sections)
