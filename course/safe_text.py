"""Text from outside, made safe to show on a terminal: ``safe_text`` is the one rule.

Everything listen shows that it did not write itself (content files,
assignments, bundles, feedback files, LRS answers, what a learner types or
pipes in) can hold characters a terminal obeys instead of printing: ESC
starts escape sequences (clear the screen, set the window title), other C0
and C1 controls move the cursor or ring the bell, bidi overrides reorder
what is read (a hidden ``U+202E`` makes ``txt.exe`` read as ``exe.txt``),
and a lone surrogate cannot be encoded at all. Rich and Textual escape
their markup, not these.

The rule, one character for one character so evidence spans still point at
the same words:

- C0 controls except newline and tab, shown as their control pictures:
  ESC as ``␛`` (U+241B), BEL as ``␇``, carriage return as ``␍``, NUL as ``␀``;
- DEL as ``␡`` (U+2421);
- C1 controls (U+0080–U+009F), bidi embeddings and overrides
  (U+202A–U+202E), bidi isolates (U+2066–U+2069) and lone surrogates, as
  ``�`` (U+FFFD).

Left- and right-to-left marks (U+200E, U+200F, U+061C) stay: Hebrew and
Arabic writing needs them, and they cannot reorder a run of text. Every
other character, printable or not (zero-width joiners in emoji, say), is
unchanged.

This module imports nothing of Rich or Textual: the core, the command line
and the app all use it.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["UNSAFE", "safe_text", "is_safe", "safe_json"]

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""The characters ``safe_text`` replaces (newline and tab are kept)."""

REPLACEMENT = "\ufffd"

_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_PICTURES[0x7F] = 0x2421


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(_PICTURES[code]) if code in _PICTURES else REPLACEMENT


def safe_text(text: str) -> str:
    """``text`` with every control character, bidi override and lone surrogate made visible (see the module).

    Same length as ``text``; printable text, newlines and tabs unchanged;
    ``safe_text(safe_text(t)) == safe_text(t)``.
    """
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(_picture, text)


def is_safe(text: str) -> bool:
    """Whether ``text`` is shown as it is (``safe_text`` would change nothing)."""
    return UNSAFE.search(text) is None


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(value: Any, **options: Any) -> str:
    """``value`` as strict JSON (no NaN or Infinity) that is safe to print and says exactly the same.

    The characters ``safe_text`` would replace are written as ``\\uXXXX``
    escapes instead, so a reader gets back exactly what ASCII-only JSON
    would give, lone surrogates included. ValueError for a value JSON
    cannot hold.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    return UNSAFE.sub(_escaped, text)
