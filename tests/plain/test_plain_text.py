"""Lessons as plain lines, and every line said safe and wrapped: nothing a terminal would obey gets out."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from course.content.model import Scenario
from course.plain import PlainTerminal, run_plain
from course.plain.markdown import plain_markdown
from course.progress import Place, ProgressStore
from course.safe_text import is_safe, safe_text
from tests.fuzz_settings import fuzz
from tests.tui.kinds_course import Clock, kinds_course

REPLY_ID = "empathy.late-gift"
COMMANDS = {".", "h", "b", "q", "!"}
"""Lines a learner types that mean something other than words of the answer."""


def test_headings_are_lines_lists_start_with_a_dash_and_emphasis_loses_its_marks() -> None:
    text = plain_markdown("# Title\n\nSome *soft* and **strong** words,\nover two lines.\n\n## Next\n\n"
                          "- one\n- two\n  - nested\n\n3. third\n4. fourth\n")
    assert text.split("\n") == [
        "Title", "", "Some soft and strong words, over two lines.", "", "Next", "",
        "- one", "- two", "  - nested", "", "3. third", "4. fourth",
    ]


def test_quotes_and_code_are_indented_links_keep_their_address_tables_read_row_by_row() -> None:
    text = plain_markdown("> Said *by* the customer.\n\n```\nkeep  this\n```\n\n[the guide](https://example.org) "
                          "and [https://x.org](https://x.org)\n\n| instead of | try |\n|---|---|\n| RMA | return |\n")
    assert text.split("\n") == [
        "    Said by the customer.", "", "    keep  this", "",
        "the guide (https://example.org) and https://x.org", "", "- instead of: RMA; try: return",
    ]


def test_every_bundled_lesson_reads_without_markdown_marks_or_escape_codes() -> None:
    from course.content import load_course
    from course.paths import bundled_content_dir

    for lesson in load_course(bundled_content_dir()).lessons():
        for section in lesson.sections:
            text = plain_markdown(section.markdown)
            assert "**" not in text and "\n#" not in text and "\x1b" not in text, (lesson.id, section.title)
            assert text.strip(), (lesson.id, section.title)


def test_long_lines_wrap_to_the_width_under_their_list_marker() -> None:
    out = io.StringIO()
    PlainTerminal(io.StringIO(), out, width=30).say("- " + "word " * 12 + "\n  3. " + "more " * 8)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert lines[0].startswith("- word") and lines[1].startswith("  word")
    assert any(line.startswith("  3. more") for line in lines) and lines[-1].startswith("     more")


def test_text_from_content_files_is_shown_safe(tmp_path, private_data_dir) -> None:
    course = kinds_course(tmp_path / "course")
    hostile = "\x1b[2J\x1b]0;owned\x07Hello\u202e, I need this \x1b[?1049h today."
    exercise = course.exercises[REPLY_ID]
    exercises = {**course.exercises, REPLY_ID: replace(exercise, title="Late \x1b[31mgift", scenario=Scenario(
        customer="Dana\x1b[1m", message=hostile, history="Order \x9b4471"))}
    course = replace(course, exercises=exercises)
    store = ProgressStore(private_data_dir)
    store.add_learner("Dana")
    store.save_place("Dana", Place("exercise", REPLY_ID))
    out = io.StringIO()
    run_plain(course, store, "Dana", stdin=io.StringIO("c\n"), stdout=out, clock=Clock())
    store.close()
    shown = out.getvalue()
    assert is_safe(shown) and "\x1b" not in shown
    assert safe_text(hostile) in shown and "Late ␛[31mgift" in shown


lines = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"), max_size=40).filter(
    lambda line: line.strip().casefold() not in COMMANDS)


@fuzz()
@given(typed=st.lists(lines, min_size=1, max_size=5).filter(lambda typed: "\n".join(typed).strip()))
def test_any_text_a_learner_types_is_recorded_exactly_and_echoed_safely(tmp_path_factory, typed) -> None:
    folder = tmp_path_factory.mktemp("plain")
    course = kinds_course(folder / "course")
    store = ProgressStore(folder / "data")
    store.add_learner("Dana")
    store.save_place("Dana", Place("exercise", REPLY_ID))
    stdin = io.TextIOWrapper(io.BytesIO(("c\n" + "".join(f"{line}\n" for line in typed) + ".\n").encode()),
                             encoding="utf-8")
    out = io.StringIO()
    assert run_plain(course, store, "Dana", stdin=stdin, stdout=out, clock=Clock()) == 0
    [attempt] = store.attempts("Dana", REPLY_ID)
    store.close()
    assert attempt.answer == "\n".join(typed).strip()
    shown = out.getvalue()
    assert is_safe(shown)
    for line in typed:
        assert safe_text(line) in shown  # echoed (input piped in), and read back in the feedback


def test_a_line_too_long_is_dropped_and_asked_again() -> None:
    from course.plain.terminal import LINE_LIMIT

    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b"x" * (LINE_LIMIT + 10) + b"\nshort\n"), encoding="utf-8")
    assert PlainTerminal(stdin, out).ask("? ") == "short"
    assert f"That line is too long ({LINE_LIMIT + 11:,} bytes)" in out.getvalue()


def test_bytes_that_are_not_utf8_read_as_replacement_characters() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="utf-8")
    assert PlainTerminal(stdin, io.StringIO()).ask("? ") == "caf\ufffd"


def test_a_terminal_that_cannot_show_a_character_gets_a_question_mark() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    PlainTerminal(io.StringIO(), out).say("✓ PASSED")
    assert raw.getvalue() == b"? PASSED\n"


def test_json_of_a_draft_is_never_shown_raw(tmp_path, private_data_dir) -> None:
    course = kinds_course(tmp_path / "course")
    store = ProgressStore(private_data_dir)
    store.add_learner("Dana")
    store.save_draft("Dana", REPLY_ID, "Kept \x1b[2J words")
    store.save_place("Dana", Place("exercise", REPLY_ID))
    out = io.StringIO()
    run_plain(course, store, "Dana", stdin=io.StringIO("c\n"), stdout=out, clock=Clock())
    assert "    Kept ␛[2J words" in out.getvalue() and "\x1b" not in out.getvalue()
    assert json.loads(json.dumps(store.draft("Dana", REPLY_ID))) == "Kept \x1b[2J words"  # kept exactly
    store.close()
