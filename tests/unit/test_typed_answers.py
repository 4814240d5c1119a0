"""An answer of each kind typed as the numbers or labels shown, and read back: ``as_typed`` undoes ``from_typed``."""

from __future__ import annotations

from itertools import permutations

import pytest

from course.content import load_course
from course.content.answers import Arrangement, Labelling, Marks, Picks, Written
from course.paths import bundled_content_dir

COURSE = load_course(bundled_content_dir())


def first(kind: str):
    return next(exercise for exercise in COURSE.exercises.values() if exercise.kind == kind)


@pytest.mark.parametrize("kind", ["choice", "multi"])
def test_picks(kind) -> None:
    exercise = first(kind)
    for index in range(len(exercise.options)):
        picks = Picks((index,))
        assert Picks.from_typed(exercise, picks.as_typed(exercise)) == picks


def test_arrangements() -> None:
    exercise = first("order")
    for order in list(permutations(range(len(exercise.items))))[:30]:
        arranged = Arrangement(order, tuple(exercise.items[index] for index in order))
        assert Arrangement.from_typed(exercise, arranged.as_typed(exercise)) == arranged
    assert Arrangement(None).as_typed(exercise) == ()


def test_labels_and_marks() -> None:
    exercise = first("classify")
    labelled = Labelling({item.text: item.label for item in exercise.labelled})
    assert Labelling.from_typed(exercise, labelled.as_typed(exercise)) == labelled
    assert Labelling({}).as_typed(exercise) == ("",) * len(exercise.labelled)
    spot = first("spot")
    assert Marks.from_typed(spot, Marks((1, 3)).as_typed(spot)) == Marks((1, 3))


def test_words_are_not_typed_as_numbers() -> None:
    assert Written("hello").as_typed(first("reply")) == ()
