"""The word lists: plain files a trainer can read and extend, and that never stop the grader."""

from __future__ import annotations

import shutil

import pytest

from course.grading import lexicon_files, lexicons
from course.grading.text import analyse


def test_every_shipped_list_parses():
    assert lexicons.problems() == []


def test_every_shipped_list_has_a_comment_saying_what_it_is_for():
    for path in lexicons.LEXICON_DIR.glob("*.txt"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


@pytest.mark.parametrize(
    ("entry", "text", "matches"),
    [
        ("frustrat*", "how frustrating", True),
        ("(is|was) not a big deal", "it was not a big deal", True),
        ("i am [so] sorry", "i am sorry", True),
        ("i am [so] sorry", "i am so sorry", True),
        ("i can see how ... upset", "i can see how very very upset", True),
        ("by <clock>", "by 4pm", True),
        ("by <clock>", "by 16:30", True),
        ("don't worry", "do not worry", True),
        ("calm down", "calmer downs", False),
    ],
)
def test_the_entry_syntax(entry, text, matches):
    import re

    source = lexicons.entry_regex(analyse(entry).norm)
    found = re.search(rf"(?<![\w'])(?:{source})(?![\w'])", analyse(text).norm)
    assert bool(found) is matches


@pytest.fixture
def own_lists(tmp_path, monkeypatch):
    """A copy of the lists a test may edit, with the caches cleared before and after."""
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicons.LEXICON_DIR, folder)
    monkeypatch.setattr(lexicons, "LEXICON_DIR", folder)
    monkeypatch.setattr(lexicon_files, "LEXICON_DIR", folder)
    _clear()
    yield folder
    _clear()


def _clear():
    from course.grading.text import analyse as cached_analyse

    lexicons.forget()
    cached_analyse.cache_clear()


def test_a_trainer_can_add_a_jargon_word(own_lists):
    from course.grading import detect

    assert not detect("uses_jargon", "Your widgetron is ready.").found
    with (own_lists / "jargon.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nwidgetron\n")
    _clear()
    assert detect("uses_jargon", "Your widgetron is ready.").found


def test_a_broken_entry_is_reported_and_skipped_not_a_crash(own_lists):
    from course.grading import detect

    with (own_lists / "jargon.txt").open("a", encoding="utf-8") as handle:
        handle.write("\n(unclosed bracket\n{no_such_list}\n")
    _clear()
    assert detect("uses_jargon", "Per policy your RMA is approved.").found
    reported = {(path.name, message.split(" ")[0]) for path, _, message in lexicons.problems()}
    assert len(reported) >= 1
    assert all(name == "jargon.txt" for name, _ in reported)
