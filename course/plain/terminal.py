"""Lines in, lines out: how ``listen --plain`` talks to the learner, through the streams it is given.

Every line printed passes ``course.safe_text.safe_text`` first (learner text,
content files and store messages all come from outside), then is wrapped to
the width given, a hanging indent under list markers and numbers. Nothing
else is ever written: no cursor movement, no colour, no clearing, so a screen
reader, a braille display or a dumb terminal reads exactly what is said.

Input is read a line at a time, whatever its bytes (``course.stdin``). The
end of input (Ctrl-D) or ``q`` alone on a line means the learner is leaving:
``Leaving`` is raised, and whatever was half-done is kept on its way out.
"""

from __future__ import annotations

import re
import textwrap
from typing import IO

from course.safe_text import safe_text
from course.stdin import TooLong, read_lines

__all__ = ["Leaving", "PlainTerminal", "LINE_LIMIT", "QUIT"]

LINE_LIMIT = 200_000
"""The longest line read, in bytes: four answers' worth; a longer one is dropped and asked again."""

QUIT = "q"
"""Typed alone on a line, anywhere: keep what is half-done and leave."""

_HANGING = re.compile(r"^(\s*(?:[-•]\s+|\d+\.\s+|[a-z]\.\s+)?)")
"""The start of a line that its wrapped lines line up under: indentation, then a list marker or number."""


class Leaving(Exception):
    """The learner is leaving: input ended, or they typed ``q``. Everything half-done is kept first."""


class PlainTerminal:
    """Says lines and asks for lines, on the streams it was given."""

    def __init__(self, stdin: IO[str], stdout: IO[str], *, width: int = 79, echo: bool = False) -> None:
        self._lines = read_lines(LINE_LIMIT, stdin)
        self._out = stdout
        self.width = max(20, width)
        """Lines are wrapped to this many characters."""
        self.echo = echo
        """Print each line read after its prompt: input piped in shows nowhere else (a terminal shows it as typed)."""

    def _write(self, text: str) -> None:
        try:
            try:
                self._out.write(text)
            except UnicodeEncodeError:  # a terminal that cannot show ✓ or ▶ gets '?' rather than a crash
                encoding = getattr(self._out, "encoding", None) or "ascii"
                self._out.write(text.encode(encoding, "replace").decode(encoding))
            self._out.flush()
        except OSError:  # the terminal has gone (hung up, a closed pipe): there is no one left to tell
            pass

    def _wrapped(self, line: str) -> list[str]:
        if len(line) <= self.width:
            return [line.rstrip()]
        match = _HANGING.match(line)
        hanging = " " * len(match.group(1)) if match else ""
        wrapper = textwrap.TextWrapper(self.width, subsequent_indent=hanging, break_long_words=True,
                                       break_on_hyphens=False)
        return wrapper.wrap(line) or [""]

    def say(self, text: str = "") -> None:
        """Print ``text`` (any number of lines), made safe and wrapped."""
        shown = safe_text(text).expandtabs(4)
        lines = [wrapped for line in shown.split("\n") for wrapped in self._wrapped(line)]
        self._write("\n".join(lines) + "\n")

    def line(self, prompt: str) -> str:
        """What the learner types after ``prompt`` (one line, as typed, without its line ending).

        Leaving when input ends, or on Ctrl-C.
        """
        while True:
            self._write(safe_text(prompt))
            try:
                read = next(self._lines, None)
            except (KeyboardInterrupt, OSError):  # Ctrl-C, or the terminal hung up: the learner has gone
                read = None
            if read is None:
                self._write("\n")
                raise Leaving
            if isinstance(read, TooLong):
                self.say(f"That line is too long ({read.size:,} bytes): keep it under {LINE_LIMIT:,}.")
                continue
            typed = read.removesuffix("\n").removesuffix("\r")
            if self.echo:
                self._write(safe_text(typed) + "\n")
            return typed

    def ask(self, prompt: str) -> str:
        """A short answer after ``prompt``: what was typed, stripped; Leaving on ``q`` or the end of input."""
        typed = self.line(prompt).strip()
        if typed.casefold() == QUIT:
            raise Leaving
        return typed
