"""The parsed-course cache: reused when nothing changed, refreshed on any edit, never a failure."""

from __future__ import annotations

import os

import pytest

from course.content import ContentError
from course.content.cache import load_course_cached


def test_cache_is_reused_and_refreshed(course_folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_course_cached(course_folder.root, cache)
    assert list(cache.glob("course-*.json"))
    again = load_course_cached(course_folder.root, cache)
    assert again == first
    path = course_folder.edit("exercises/empathy/pick-one.yaml", "Pick the empathetic reply", "Which reply hears Dana")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert load_course_cached(course_folder.root, cache).exercise("empathy.pick-one").title == "Which reply hears Dana"


def test_a_damaged_cache_is_ignored(course_folder, tmp_path):
    cache = tmp_path / "cache"
    load_course_cached(course_folder.root, cache)
    for file in cache.glob("course-*.json"):
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


def test_nothing_in_the_cache_folder_runs(course_folder, tmp_path):
    """A file planted where the cache lives is data at most: a pickle's payload never runs."""
    import pickle

    from course.content.cache import cache_file_for

    cache = tmp_path / "cache"
    ran = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {ran}",))

    cache.mkdir()
    planted = pickle.dumps(Payload())
    for name in (
        cache_file_for(course_folder.root, cache).name,
        cache_file_for(course_folder.root, cache).name.replace(".json", ".pickle"),
    ):
        (cache / name).write_bytes(planted)
    assert load_course_cached(course_folder.root, cache).exercise("empathy.pick-one")
    assert not ran.exists()


@pytest.mark.parametrize("body", [
    b'{"$d":"Path","f":[]}',
    b'{"$d":"Course","f":[["modules",{"$t":[]}]]}',
    b'{"$d":"Course","f":[["nonsense",1]]}',
    b'{"$m":[[1]]}',
    b'[' * 100_000,
    b'1' * 5000,
    b'"\xff"',
])
def test_a_cache_with_the_right_fingerprint_but_wrong_body_is_parsed_again(course_folder, tmp_path, body):
    from course.content.cache import cache_file_for

    cache = tmp_path / "cache"
    first = load_course_cached(course_folder.root, cache)
    file = cache_file_for(course_folder.root, cache)
    fingerprint = file.read_bytes().split(b"\n", 1)[0]
    file.write_bytes(fingerprint + b"\n" + body)
    assert load_course_cached(course_folder.root, cache) == first
