"""The one rule for showing text from outside: no control character, escape sequence or bidi override survives."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from course.safe_text import safe_json, safe_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

any_text = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF))
hostile_text = st.lists(st.one_of(
    st.sampled_from(["\x1b]0;pwned\x07", "\x1b[2J", "\x1b[31m", "\x9b2J", "\x7f", "\x00", "\r", "\b", "\u202e",
                     "\u2066", "\ud800", "\udfff", "\n", "\t", "[bold red]", "Dana"]),
    any_text,
)).map("".join)


def shown_badly(character: str) -> bool:
    """What a terminal would obey, or cannot print: C0 (but newline and tab), DEL, C1, bidi controls, surrogates."""
    code = ord(character)
    return (code < 0x20 and character not in "\n\t") or 0x7F <= code <= 0x9F or character in BIDI \
        or 0xD800 <= code <= 0xDFFF


@given(hostile_text)
def test_nothing_a_terminal_obeys_is_left(text):
    shown = safe_text(text)
    assert not any(shown_badly(character) for character in shown)
    shown.encode("utf-8")  # always printable, even from a lone surrogate


@given(hostile_text)
def test_it_is_idempotent_and_keeps_the_length(text):
    once = safe_text(text)
    assert safe_text(once) == once
    assert len(once) == len(text)  # evidence spans still point at the same words


@given(hostile_text)
def test_only_the_bad_characters_change(text):
    for before, after in zip(text, safe_text(text), strict=False):
        assert (before == after) != shown_badly(before)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI)))
def test_printable_text_newlines_and_tabs_are_unchanged(text):
    text = f"{text}\n\t{text}"
    assert safe_text(text) == text


def test_how_each_kind_of_character_reads():
    assert safe_text("\x1b]0;pwned\x07") == "␛]0;pwned␇"
    assert safe_text("\x1b[2J\r\x00\x7f") == "␛[2J␍␀␡"
    assert safe_text("\x9b31m \u202eexe.txt \ud800") == "\ufffd31m \ufffdexe.txt \ufffd"
    assert safe_text("Zoë said: שלום\u200f [bold] 👍🏽\u200d") == "Zoë said: שלום\u200f [bold] 👍🏽\u200d"
    assert unicodedata.name(safe_text("\x1b")) == "SYMBOL FOR ESCAPE"


@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), hostile_text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(hostile_text, children, max_size=4)),
    max_leaves=12,
))
def test_safe_json_says_exactly_the_same_and_is_safe_to_print(value):
    printed = safe_json(value)
    assert not any(shown_badly(character) for character in printed)
    # what any JSON reader gets back from the ASCII-only JSON (where a pair of surrogates is one character)
    assert json.loads(printed) == json.loads(json.dumps(value))


def test_the_rule_is_core_code_needing_no_screen_library():
    code = ("import sys, course.safe_text; "
            "sys.exit(1 if any(m.split('.')[0] in ('rich', 'textual', 'click') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
