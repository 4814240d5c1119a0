"""The command palette's course entries: jump to any module, lesson or exercise, the learners, the settings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from course.progress import Place
from course.tui.conversation_settings import SETTINGS, change_conversation_settings

__all__ = ["CourseCommands"]

LEARNERS = ("Learners", "Switch, add, rename or delete learners; reset progress")
"""The palette entry for the profiles screen, and its help."""
GRADER = ("How far to trust the grader", "How often its verdicts agree with trainers and with people's labels")
"""The palette entry for the grader's report card, and its help."""


class CourseCommands(Provider):
    """Lists the course's modules, lessons and exercises as places to jump to."""

    def _destinations(self) -> Iterator[tuple[str, str, Place]]:
        """(name, help, place) for everything the learner can open."""
        study = getattr(self.screen, "study", None)
        if study is None:
            return
        for module in study.course.modules:
            yield f"Module {module.number}: {module.title}", module.summary, Place("module", module.id)
            for lesson in module.lessons:
                yield f"Lesson: {lesson.title}", f"{module.title} · {lesson.minutes} min", Place("lesson", lesson.id)
            for exercise in study.exercises_of_module(module):
                yield f"Exercise: {exercise.title}", f"{module.title} · {exercise.kind}", Place("exercise", exercise.id)

    def _open_learners(self) -> None:
        """The learners on this computer: switch, add, rename, delete, reset."""
        # The app opens the screen: the profiles screen is a course screen, which offers these commands.
        study = getattr(self.screen, "study", None)
        open_learners = getattr(self.app, "open_learners", None)
        if study is not None and open_learners is not None:
            open_learners(study)

    def _open(self, place: Place) -> None:
        """Open a place from the dashboard up, as if the learner had walked there."""
        go = getattr(self.screen, "go", None)
        if go is not None:
            go(place, "jump")

    def _open_settings(self) -> None:
        """How a conversation's customer behaves: their pace and the "has finished" cue."""
        if getattr(self.screen, "study", None) is not None:
            change_conversation_settings(self.screen)  # type: ignore[arg-type]  # a course screen: it has a study

    def _open_report_card(self) -> None:
        """The grader's report card, in plain words."""
        from course.tui.screens.dialogs import ReportCardDialog

        self.app.push_screen(ReportCardDialog())

    async def discover(self) -> Hits:
        """Modules and lessons, shown before anything is typed."""
        if getattr(self.screen, "study", None) is not None:
            yield DiscoveryHit(Content(LEARNERS[0]), self._open_learners, text=LEARNERS[0], help=LEARNERS[1])
            yield DiscoveryHit(Content(SETTINGS[0]), self._open_settings, text=SETTINGS[0], help=SETTINGS[1])
        yield DiscoveryHit(Content(GRADER[0]), self._open_report_card, text=GRADER[0], help=GRADER[1])
        for name, help_text, place in self._destinations():
            if place.screen != "exercise":
                yield DiscoveryHit(Content(name), partial(self._open, place), text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Everything whose name matches what was typed."""
        matcher = self.matcher(query)
        score = matcher.match(LEARNERS[0])
        if score > 0 and getattr(self.screen, "study", None) is not None:
            yield Hit(score, matcher.highlight(LEARNERS[0]), self._open_learners, text=LEARNERS[0], help=LEARNERS[1])
        score = matcher.match(SETTINGS[0])
        if score > 0 and getattr(self.screen, "study", None) is not None:
            yield Hit(score, matcher.highlight(SETTINGS[0]), self._open_settings, text=SETTINGS[0], help=SETTINGS[1])
        score = matcher.match(GRADER[0])
        if score > 0:
            yield Hit(score, matcher.highlight(GRADER[0]), self._open_report_card, text=GRADER[0], help=GRADER[1])
        for name, help_text, place in self._destinations():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._open, place), text=name, help=help_text)
