"""Which files a course is made of."""

from __future__ import annotations

from pathlib import Path

__all__ = ["content_files"]


def content_files(root: Path) -> list[Path]:
    """Every file the course is made of, in a stable order."""
    files: list[Path] = []
    for folder in ("lessons", "exercises"):
        base = root / folder
        if base.is_dir():
            files.extend(path for path in base.rglob("*") if path.is_file() and path.name != "README.md"
                         and not path.name.startswith("."))
    return sorted(files)
