"""Several learners share one machine: profiles, names, who was here last."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.progress import Learner, Place, ProgressStore
from tests.unit.progress.progress_samples import an_attempt


def test_a_new_store_has_no_learners(store: ProgressStore) -> None:
    assert store.learners() == []
    assert store.last_learner() is None
    assert store.learner("Dana") is None


def test_added_learners_are_listed_in_the_order_they_joined(store: ProgressStore) -> None:
    dana = store.add_learner("Dana")
    store.add_learner("  Priya   Shah ")
    assert isinstance(dana, Learner) and dana.name == "Dana" and dana.created == dana.last_seen
    assert [learner.name for learner in store.learners()] == ["Dana", "Priya Shah"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Please type a name"), ("   ", "Please type a name"), ("x" * 41, "at most 40"), ("Da\x07na", "letters")],
)
def test_a_bad_name_is_refused_in_plain_words(store: ProgressStore, name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        store.add_learner(name)
    assert store.learners() == []


def test_a_name_is_taken_whatever_its_case(store: ProgressStore) -> None:
    store.add_learner("Dana")
    with pytest.raises(ValueError, match="already a learner called Dana"):
        store.add_learner("dana")
    assert store.learner("DANA").name == "Dana"


def test_ensure_learner_gets_or_makes_and_touches_last_seen(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import course.progress.learners as learners_module

    monkeypatch.setattr(learners_module, "now", lambda: "2026-01-05T09:00:00+00:00")
    made = store.ensure_learner("Dana")
    monkeypatch.setattr(learners_module, "now", lambda: "2026-01-06T10:00:00+00:00")
    again = store.ensure_learner("dana")
    assert made.created == again.created == "2026-01-05T09:00:00+00:00"
    assert again.last_seen == "2026-01-06T10:00:00+00:00"
    assert len(store.learners()) == 1


def test_last_learner_is_remembered_across_opens(store: ProgressStore, data_dir: Path) -> None:
    store.add_learner("Dana")
    store.add_learner("Priya")
    store.set_last_learner("priya")
    assert ProgressStore(data_dir).last_learner() == "Priya"
    with pytest.raises(ValueError, match="no learner called Sam"):
        store.set_last_learner("Sam")


def test_renaming_keeps_every_piece_of_work(store: ProgressStore, data_dir: Path) -> None:
    store.add_learner("Dana")
    store.add_learner("Priya")
    store.record_attempt("Dana", an_attempt())
    store.record_attempt("Priya", an_attempt())
    store.save_lesson_state("Dana", "empathy.naming-the-feeling", status="done")
    store.save_draft("Dana", "empathy.emotion-words", "half an answer")
    store.save_place("Dana", Place("exercise", "empathy.emotion-words"))
    store.set_last_learner("Dana")

    store.rename_learner("dana", "Dana Okafor")

    reopened = ProgressStore(data_dir)
    assert [learner.name for learner in reopened.learners()] == ["Dana Okafor", "Priya"]
    assert len(reopened.attempts("Dana Okafor")) == 1 and reopened.attempts("Dana") == []
    assert reopened.lesson_state("Dana Okafor", "empathy.naming-the-feeling").status == "done"
    assert reopened.draft("Dana Okafor", "empathy.emotion-words") == "half an answer"
    assert reopened.place("Dana Okafor") == Place("exercise", "empathy.emotion-words")
    assert reopened.last_learner() == "Dana Okafor"
    assert len(reopened.attempts("Priya")) == 1


def test_renaming_refuses_a_missing_learner_or_a_taken_name(store: ProgressStore) -> None:
    store.add_learner("Dana")
    store.add_learner("Priya")
    with pytest.raises(ValueError, match="no learner called Sam"):
        store.rename_learner("Sam", "Samira")
    with pytest.raises(ValueError, match="already a learner called Priya"):
        store.rename_learner("Dana", "PRIYA")
    store.rename_learner("Dana", "DANA")  # a change of case only is fine
    assert [learner.name for learner in store.learners()] == ["DANA", "Priya"]


def test_deleting_a_learner_removes_their_work_and_keeps_a_backup(store: ProgressStore, data_dir: Path) -> None:
    store.add_learner("Dana")
    store.add_learner("Priya")
    store.record_attempt("Dana", an_attempt())
    store.record_attempt("Priya", an_attempt())
    store.set_last_learner("Dana")

    store.delete_learner("Dana")

    assert [learner.name for learner in store.learners()] == ["Priya"]
    assert store.attempts("Dana") == [] and store.attempt_count() == 1
    assert store.last_learner() is None
    backups = sorted((data_dir / "backups").glob("*before-deleting-dana*"))
    assert len(backups) == 1 and '"Dana"' in backups[0].read_text()
    with pytest.raises(ValueError, match="no learner called Dana"):
        store.delete_learner("Dana")


def test_arriving_is_one_save_that_notes_the_learner_and_starts_their_session(data_dir: Path) -> None:
    from course.progress import ProgressStore

    store = ProgressStore(data_dir)
    before = (data_dir / "progress.json").stat().st_mtime_ns
    saves = []
    original = store._file._save
    store._file._save = lambda: (saves.append(1), original())[1]  # type: ignore[method-assign]
    session = store.arrive("Noor")
    assert len(saves) == 1
    assert store.last_learner() == "Noor"
    assert store.learner("Noor") is not None
    assert session and store.other_windows("Noor") == 0
    assert (data_dir / "progress.json").stat().st_mtime_ns >= before
