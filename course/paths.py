"""Where listen keeps the learner's data and finds its course content."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["APP_NAME", "data_dir", "bundled_content_dir", "content_dir"]

APP_NAME = "listen"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding progress: ``--data-dir`` > ``LISTEN_HOME`` > the OS user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("LISTEN_HOME")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # imported late: only needed when nothing else says where

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def bundled_content_dir() -> Path:
    """The course that ships with listen.

    In a source checkout the top-level ``lessons/`` and ``exercises/`` sit next
    to the package; an installed wheel carries a copy in ``course/bundled``.
    """
    package = Path(__file__).resolve().parent
    checkout = package.parent
    if (checkout / "lessons").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return package / "bundled"


def content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The course to load: ``--content`` > ``LISTEN_CONTENT`` > the bundled course."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("LISTEN_CONTENT")
    if from_env:
        return Path(from_env).expanduser()
    return bundled_content_dir()
