"""Nothing in the course is copied from the source articles it was commissioned from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
RUN = 8

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not beside this checkout"
)


def words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9']+", text)


def runs(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[index:index + RUN]) for index in range(len(tokens) - RUN + 1)}


def course_files() -> list[Path]:
    return sorted(
        p for folder in ("lessons", "exercises") for p in (REPO / folder).rglob("*") if p.suffix in (".md", ".yaml")
    )


def test_no_eight_word_run_is_shared_with_the_seeds():
    seed_runs: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seed_runs |= runs(seed.read_text(encoding="utf-8"))
    assert seed_runs, "no seed text found"
    copied = []
    for path in course_files():
        shared = runs(path.read_text(encoding="utf-8")) & seed_runs
        copied.extend(f"{path.relative_to(REPO)}: {' '.join(run)}" for run in sorted(shared))
    assert not copied, "copied from the seeds:\n" + "\n".join(copied)


def test_the_check_would_catch_a_copy(tmp_path):
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    sentence = " ".join(words(seed)[40:52])
    assert runs(f"Some intro. {sentence.upper()}!") & runs(seed)
