"""The parsed-course cache: reused when nothing changed, refreshed on any edit, never a failure."""

from __future__ import annotations

import os

import pytest

from course.content import ContentError
from course.content.cache import load_course_cached


def test_cache_is_reused_and_refreshed(course_folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_course_cached(course_folder.root, cache)
    assert list(cache.glob("course-*.pickle"))
    again = load_course_cached(course_folder.root, cache)
    assert again == first
    path = course_folder.edit("exercises/empathy/pick-one.yaml", "Pick the empathetic reply", "Which reply hears Dana")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert load_course_cached(course_folder.root, cache).exercise("empathy.pick-one").title == "Which reply hears Dana"


def test_a_damaged_cache_is_ignored(course_folder, tmp_path):
    cache = tmp_path / "cache"
    load_course_cached(course_folder.root, cache)
    for file in cache.glob("course-*.pickle"):
        file.write_bytes(b"\x00garbage")
    assert load_course_cached(course_folder.root, cache).exercise("empathy.pick-one")


def test_an_unwritable_cache_dir_is_no_problem(course_folder, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    assert load_course_cached(course_folder.root, blocker).exercise("empathy.pick-one")


def test_broken_content_is_never_served_from_cache(course_folder, tmp_path):
    cache = tmp_path / "cache"
    load_course_cached(course_folder.root, cache)
    course_folder.write("exercises/empathy/pick-one.yaml", "kind: [")
    with pytest.raises(ContentError):
        load_course_cached(course_folder.root, cache)
