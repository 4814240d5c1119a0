"""Lists found by the words their entries need: exactly the spans of each list's whole pattern."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.content import load_course
from course.grading.anchors import entry_needs, index_of, spans
from course.grading.lexicons import LEXICON_DIR, entries, pattern
from course.grading.text import analyse
from course.paths import bundled_content_dir
from tests.fuzz_settings import fuzz

_PAIR_FILES = ("typos", "contractions", "same_meaning")
LISTS = sorted(path.stem for path in LEXICON_DIR.glob("*.txt") if path.stem not in _PAIR_FILES)


def _whole(name: str, norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [found.span() for found in pattern(name).finditer(norm, start, len(norm) if end is None else end)]


@cache
def _vocabulary() -> list[str]:
    """The words the lists are written in, and a few they are not."""
    found = set()
    for name in LISTS:
        for entry in entries(name):
            found.update(re.findall(r"[a-z0-9£'.:-]+", entry))
    return sorted(found) + ["frustrating", "rang", "4pm", "12:30", "£40", "wi-fi", "customer's", "x"]


@cache
def _course_answers() -> list[str]:
    course = load_course(bundled_content_dir())
    texts = []
    for exercise in course.exercises.values():
        texts.extend(exercise.examples.passing)
        texts.extend(failing.answer for failing in exercise.examples.failing)
    return texts


@pytest.mark.parametrize("name", LISTS)
def test_every_example_answer_of_the_course_finds_what_the_whole_pattern_finds(name: str) -> None:
    for answer in _course_answers():
        norm = analyse(answer).norm
        assert spans(name, norm, index_of(norm)) == _whole(name, norm), answer


@fuzz()
@given(
    st.lists(st.one_of(st.sampled_from(_vocabulary()), st.sampled_from(list(",.?!-()'"))), max_size=40),
    st.sampled_from(LISTS),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_any_text_and_any_range_finds_what_the_whole_pattern_finds(
    words: list[str], name: str, a: float, b: float
) -> None:
    norm = analyse(" ".join(words)).norm
    assert spans(name, norm, index_of(norm)) == _whole(name, norm)
    start, end = sorted((int(a * len(norm)), int(b * len(norm))))
    assert spans(name, norm, index_of(norm), start, end) == _whole(name, norm, start, end)


def test_a_range_that_ends_inside_a_word_reads_it_as_the_whole_pattern_does() -> None:
    norm = analyse("we are sorry for the wait").norm
    cut = norm.index("sorry") + 2  # "so|rry": the whole pattern reads "so"
    assert _whole("stopwords", norm, 0, cut)[-1] == (cut - 2, cut)
    assert spans("stopwords", norm, index_of(norm), 0, cut) == _whole("stopwords", norm, 0, cut)


def test_an_entry_is_filed_under_the_words_it_begins_with() -> None:
    assert entry_needs("(let|lets) you down").first == {"let", "lets"}
    assert entry_needs("[so|really] sorry").first == {"so", "really", "sorry"}
    assert entry_needs("frustrat*").first == {"fru*"}
    assert entry_needs("re-rat*").first == {"re"}


def test_an_entry_that_may_begin_with_any_word_is_kept_for_answers_holding_a_word_it_needs() -> None:
    need = entry_needs("<word> (looks|seems) [very] unwell")
    assert need.first is None
    assert need.within in ({"looks", "seems"}, {"unwell"})
    assert entry_needs("<clock>").within is None
    assert entry_needs("... [so] sorry").first is None
