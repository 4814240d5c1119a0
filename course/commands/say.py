"""How the command line prints a line: every character of it safe to show on a terminal."""

from __future__ import annotations

import click

from ..safe_text import safe_text

__all__ = ["say"]


def say(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    """Print one message (standard error with ``err``), made safe by ``course.safe_text.safe_text``.

    Every line a ``listen`` command prints goes through here: file names,
    learner names, LRS answers and error messages all come from outside.
    """
    click.echo(safe_text(str(message)), err=err, nl=nl)
