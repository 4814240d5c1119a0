"""The whole trainer's kit, built from the course: role-play cards, observer sheets, a self-assessment."""

from __future__ import annotations

from dataclasses import dataclass

from course.content.model import Course

from .briefs import playable
from .cards import RolePlayCard, role_play_cards
from .observer import observer_sheet
from .self_assessment import self_assessment
from .sheet import Sheet

__all__ = ["TrainerKit", "build_kit"]


@dataclass(frozen=True)
class TrainerKit:
    """Everything a trainer prints for role plays of the course (or of one module)."""

    title: str
    cards: tuple[RolePlayCard, ...]
    """One per exercise answered in the learner's own words, in course order."""
    observers: tuple[Sheet, ...]
    """One per module with role plays; each sheet's ``reference`` is the module's id."""
    self_assessment: Sheet
    titles: dict[str, str]
    """Each module's title by id, for the kit's front page."""
    left_out: tuple[str, ...] = ()
    """Exercises answered in words that have no customer to play (no scenario), by id."""


def build_kit(course: Course, module_id: str | None = None) -> TrainerKit:
    """The kit for the whole course, or for one module (KeyError when the course has no such module)."""
    modules = (course.module(module_id),) if module_id else course.modules
    module_ids = tuple(module.id for module in modules)
    sheets = tuple(sheet for sheet in (observer_sheet(course, module) for module in modules) if sheet is not None)
    left_out = tuple(
        exercise.id for module in modules for exercise in course.exercises_of(module.id)
        if (exercise.is_text or exercise.kind == "conversation") and not playable(exercise)
    )
    title = f"{modules[0].title}: role plays" if module_id else "Listening: role plays for the whole course"
    return TrainerKit(
        title=title,
        cards=role_play_cards(course, module_ids),
        observers=sheets,
        self_assessment=self_assessment(course, module_ids if module_id else ()),
        titles={module.id: module.title for module in course.modules},
        left_out=left_out,
    )
