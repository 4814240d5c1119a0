"""`listen kit --out DIR`, as a trainer types it: the folder it writes, and the folders it will not write in."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from course.cli import cli
from tests.content.conftest import CourseFolder

from .test_kit import BAD, TAGS, read_page

HOSTILE_MESSAGE = ('  message: "My son\'s bike <script>alert(1)</script> \\e]0;pwned\\a\\e[2J is late \\u202e '
                   '& I\'m so worried."\n  history: "<img src=x onerror=alert(1)> Order 1."')
ORIGINAL_MESSAGE = "  message: My son's bike still hasn't arrived and his party is on Saturday. I'm so worried."


def kit(*args: str):
    """``listen kit ARGS`` in-process."""
    return CliRunner().invoke(cli, ["kit", *args], catch_exceptions=False)


def files_of(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_kit_folder_has_every_page_as_html_and_plain_text(course, tmp_path):
    out = tmp_path / "kit"
    old_mask = os.umask(0o077)  # a private umask: the kit is for sharing, so its files are 0644 all the same
    try:
        outcome = kit("--out", str(out))
    finally:
        os.umask(old_mask)
    assert outcome.exit_code == 0, outcome.output
    files = files_of(out)
    words = {e.id for e in course.exercises.values() if e.is_text or e.kind == "conversation"}
    modules = {e.module_id for e in course.exercises.values() if e.id in words}
    expected = {"index.html", "index.txt", "self-assessment.html", "self-assessment.txt"}
    expected |= {f"cards/{ident}.{suffix}" for ident in words for suffix in ("html", "txt")}
    expected |= {f"observer/{module}.{suffix}" for module in modules for suffix in ("html", "txt")}
    assert set(files) == expected
    assert {stat.S_IMODE(path.stat().st_mode) for path in files.values()} == {0o644}
    assert f"Wrote the trainer's kit to {out} ({len(expected)} files)" in outcome.stdout
    assert f"{len(words)} role plays" in outcome.stdout and f"{len(modules)} observer sheets" in outcome.stdout


def test_the_html_is_self_contained_and_every_link_stays_in_the_kit(tmp_path):
    out = tmp_path / "kit"
    assert kit("--out", str(out)).exit_code == 0
    files = files_of(out)
    for name, path in files.items():
        if not name.endswith(".html"):
            continue
        html = path.read_text(encoding="utf-8")
        assert "http" not in html and "<script" not in html and "@import" not in html and "url(" not in html
        assert "src=" not in html and "<link" not in html
        assert "page-break-after:always" in html
        page = read_page(html)
        assert page.tags <= TAGS
    index = files["index.html"].read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) == len(files) - 2  # every page but the index itself, as HTML and as plain text
    for link in links:
        assert (out / link).is_file(), link


def test_the_plain_text_is_plain(tmp_path):
    out = tmp_path / "kit"
    assert kit("--out", str(out)).exit_code == 0
    for name, path in files_of(out).items():
        if name.endswith(".txt"):
            text = path.read_text(encoding="utf-8")
            assert not BAD & set(text), (name, sorted(BAD & set(text)))
            assert not re.search(r"<[a-z/][^>]*>|&(?:lt|gt|amp|quot|#x27);", text), name
            assert max(len(line) for line in text.splitlines()) <= 90, name  # wrapped for paper


def test_a_course_with_markup_and_escape_sequences_comes_out_harmless(tmp_path):
    folder = CourseFolder(tmp_path / "course")
    folder.edit("exercises/empathy/late-gift.yaml", ORIGINAL_MESSAGE, HOSTILE_MESSAGE)
    out = tmp_path / "kit"
    outcome = CliRunner().invoke(cli, ["--content", str(folder.root), "kit", "--out", str(out)],
                                 catch_exceptions=False)
    assert outcome.exit_code == 0, outcome.output
    card = (out / "cards/empathy.late-gift.html").read_text(encoding="utf-8")
    text = (out / "cards/empathy.late-gift.txt").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card and "<script" not in card and "<img" not in card
    assert "␛]0;pwned␇␛[2J" in card and "␛]0;pwned␇␛[2J" in text
    for written in [*(p.read_text(encoding="utf-8") for p in files_of(out).values()), outcome.output]:
        assert not BAD & set(written)


def test_a_folder_in_use_is_refused_without_force(tmp_path):
    out = tmp_path / "kit"
    out.mkdir()
    keep = out / "notes.txt"
    keep.write_text("my own notes", encoding="utf-8")
    refused = kit("--out", str(out))
    assert refused.exit_code == 2
    assert "already holds files" in refused.stderr and "--force" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert set(files_of(out)) == {"notes.txt"}
    forced = kit("--out", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert "index.html" in files_of(out) and keep.read_text(encoding="utf-8") == "my own notes"
    again = kit("--out", str(out), "--force", "--module", "empathy")  # the kit's own files are replaced
    assert again.exit_code == 0 and "empathy" in (out / "index.html").read_text(encoding="utf-8")


def test_an_empty_folder_is_used_as_it_is(tmp_path):
    out = tmp_path / "kit"
    out.mkdir()
    assert kit("--out", str(out)).exit_code == 0
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("where, words", [
    ("missing/kit", "there is no folder"),
    ("a-file", "is a file, not a folder"),
])
def test_a_folder_the_kit_cannot_go_in_is_one_line_and_status_2(listen, tmp_path, where, words):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    outcome = listen("kit", "--out", str(tmp_path / where))
    assert outcome.status == 2
    assert outcome.err.startswith("listen: ") and words in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert not (tmp_path / "missing").exists()


def test_one_module_and_an_unknown_one(listen, tmp_path):
    out = tmp_path / "empathy-kit"
    made = listen("kit", "--out", str(out), "--module", "empathy")
    assert made.status == 0, made.err
    cards = {path.name for path in (out / "cards").iterdir()}
    assert cards and all(name.startswith("empathy.") for name in cards)
    assert {path.name for path in (out / "observer").iterdir()} == {"empathy.html", "empathy.txt"}
    unknown = listen("kit", "--out", str(tmp_path / "other"), "--module", "cooking")
    assert unknown.status == 2 and "no module 'cooking'" in unknown.err
    assert len(unknown.err.strip().splitlines()) == 1 and not (tmp_path / "other").exists()
