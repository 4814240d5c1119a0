"""The trainers' panel: learner answers written from each task alone, with a trainer's verdict.

Every free-text exercise and every graded conversation turn has at least 12 answers across at
least 10 kinds. The grader must agree with the trainers to the targets below, and on every answer
except the few listed in ``tests/panel/known_disagreements.txt``: an answer that starts to
disagree fails here, and one on that list that starts to agree must be taken off it.
"""

from __future__ import annotations

import zlib

import pytest

from bench.trainer_agreement import GAMED, GOOD, KINDS, PANEL, kappa, load_panel, mark_all, panel_files
from course.content import load_course
from course.paths import bundled_content_dir

from .gaming import tasks

COURSE = load_course(bundled_content_dir())
MARKED = mark_all(COURSE)
KNOWN = PANEL / "known_disagreements.txt"


def _key(item) -> str:  # type: ignore[no-untyped-def]
    words = " ".join(item.text.split())
    digest = zlib.crc32(words.encode("utf-8")) & 0xFFFF
    return f"{item.where} | {item.kind} | {digest:04x} | {words[:60]}".strip()


def _known() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines() if KNOWN.exists() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_free_text_task_has_a_panel_of_twelve_across_ten_kinds():
    answers: dict[str, list[str]] = {}
    for path in panel_files():
        exercise, rows = load_panel(path)
        for turn, answer in rows:
            answers.setdefault(f"{exercise}#{turn}" if turn else exercise, []).append(answer["kind"])
            assert answer["verdict"] in ("pass", "fail") and answer["reason"].strip() and answer["text"].strip()
            assert answer["kind"] in KINDS, answer["kind"]
    for task in tasks(COURSE):
        kinds = answers.get(task.name, [])
        assert len(kinds) >= 12 and len(set(kinds)) >= 10, f"{task.name}: {len(kinds)} answers, {len(set(kinds))} kinds"


def test_agreement_with_trainers_meets_the_targets():
    pairs = [(m.trainer, m.grader) for m in MARKED]
    assert kappa(pairs) >= 0.70
    by_kind: dict[str, list] = {}
    for item in MARKED:
        by_kind.setdefault(item.kind, []).append(item)
    for kind in GOOD:
        items = [i for i in by_kind[kind] if i.trainer]
        failed = sum(not i.grader for i in items) / len(items)
        assert failed <= 0.25, f"{kind}: {failed:.0%} of the answers trainers pass are failed"
    for kind in GAMED:
        passed = sum(i.grader for i in by_kind[kind]) / len(by_kind[kind])
        assert passed <= 0.08, f"{kind}: {passed:.0%} passed"


@pytest.mark.parametrize("item", MARKED, ids=[_key(m)[:90] for m in MARKED])
def test_the_grader_agrees_with_the_trainer(item):
    if _key(item) in _known():
        assert item.grader != item.trainer, f"now agrees: take it off {KNOWN.name}: {_key(item)}"
        return
    missed = ", ".join(sorted(item.grade.missed_ids)) or "nothing"
    assert item.grader == item.trainer, (
        f"trainer says {'pass' if item.trainer else 'fail'} ({item.reason}); grader "
        f"{'passes' if item.grader else 'fails'} at {item.grade.score:.0%}, missing {missed}"
    )


def test_known_disagreements_are_all_still_in_the_panel():
    keys = {_key(m) for m in MARKED}
    stale = _known() - keys
    assert not stale, f"no longer in the panel: {sorted(stale)}"
