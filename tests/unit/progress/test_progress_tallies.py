"""Each exercise's kept record always equals counting the learner's attempts themselves.

The records are kept between reads and updated in place by a new answer; whatever
happens in between (a trainer's grade, another window's answer, a reset, a rename),
they must say what counting every attempt says.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.progress import ProgressStore
from course.progress.trainer_work import TrainerNote
from course.trainer.standing import tally
from tests.unit.progress.progress_samples import an_attempt

EXERCISES = ("empathy.late-gift", "empathy.words", "attention.flat-fine")

steps = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.sampled_from(EXERCISES), st.floats(0, 1), st.booleans()),
        st.tuples(st.just("other window answers"), st.sampled_from(EXERCISES), st.floats(0, 1), st.booleans()),
        st.tuples(st.just("trainer grades"), st.integers(0, 20), st.one_of(st.none(), st.floats(0, 1)),
                  st.one_of(st.none(), st.booleans())),
        st.tuples(st.just("reset"), st.sampled_from(EXERCISES), st.just(0.0), st.just(False)),
    ),
    max_size=14,
)


def _counted(store: ProgressStore, learner: str) -> dict[str, tuple[float, bool, int, float]]:
    notes = {note.attempt_id: note for note in store.trainer_notes(learner)}
    return {exercise: (record.best, record.passed, record.attempts, record.seconds)
            for exercise, record in tally(store.attempts(learner), notes).items()}


def _kept(store: ProgressStore, learner: str) -> dict[str, tuple[float, bool, int, float]]:
    return {exercise: (record.best, record.passed, record.attempts, record.seconds)
            for exercise, record in store.exercise_tallies(learner).items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_kept_records_equal_counting_every_attempt(tmp_path_factory: object, plan: list[tuple]) -> None:
    folder = Path(tmp_path_factory.mktemp("store"))  # type: ignore[attr-defined]
    store, other = ProgressStore(folder), ProgressStore(folder)
    try:
        store.ensure_learner("Dana")
        for step, first, score, passed in plan:
            if step == "answer":
                store.record_attempt("Dana", an_attempt(first, score=score, passed=passed))
            elif step == "other window answers":
                other.record_attempt("dana", an_attempt(first, score=score, passed=passed))
            elif step == "trainer grades":
                answers = store.attempts("Dana")
                if answers:
                    answer = answers[first % len(answers)]
                    note = TrainerNote(answer.id, answer.exercise_id, "Sam", "", passed, score,
                                       f"2026-12-0{1 + first % 9}T10:00:00+00:00")
                    other.import_work("Dana", notes=[note])
            else:
                store.reset_exercise("Dana", first)
            assert _kept(store, "Dana") == _counted(store, "Dana")
        store.rename_learner("Dana", "Dana K")
        assert _kept(store, "Dana K") == _counted(store, "Dana K")
        assert _kept(other, "Dana K") == _counted(other, "Dana K")
    finally:
        store.close()
        other.close()


def test_what_a_caller_changes_is_not_kept(store: ProgressStore) -> None:
    store.record_attempt("Dana", an_attempt("empathy.words", score=0.5, passed=False))
    handed = store.exercise_tallies("Dana")
    handed["empathy.words"].best = 1.0
    assert store.exercise_tallies("Dana")["empathy.words"].best == 0.5


def test_the_latest_answer_is_the_last_saved(store: ProgressStore) -> None:
    assert store.latest_attempt("Dana", "empathy.words") is None
    store.record_attempt("Dana", an_attempt("empathy.words", score=0.2, passed=False))
    last = store.record_attempt("Dana", an_attempt("empathy.words", score=0.9))
    store.record_attempt("Dana", an_attempt("empathy.late-gift", score=0.4, passed=False))
    assert store.latest_attempt("dana", "empathy.words") == last
