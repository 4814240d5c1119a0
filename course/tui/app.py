"""The listen app: who is learning, then the course, remembering the exact place."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from course.clock import local_now
from course.content.model import Course

from .keeping import KeepingTyping
from .kinds import feedback_for_kind, playable_kinds, screen_for_kind
from .safe_screen import SafeScreenApp
from .screens.base import CourseScreen
from .study import Study
from .terminal import watch_terminal

if TYPE_CHECKING:
    from course.practice import ReviewSource
    from course.progress import Place, ProgressStore

    from .screens.profiles import ProfilesScreen

__all__ = ["ListenApp", "HANGUP_GRACE", "STOP_SIGNALS"]

HANGUP_GRACE = 2.0
"""Seconds a hung-up app has to tidy up before the process simply ends."""
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""Signals that end the app after saving everything first (Windows has only SIGTERM)."""


class ListenApp(KeepingTyping, SafeScreenApp[None]):
    """A learner's way through the course: dashboard, modules, lessons, exercises, feedback."""

    CSS_PATH = "app.tcss"
    TITLE = "listen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        course: Course,
        store: ProgressStore,
        learner: str | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = local_now,
        review_sources: Sequence[ReviewSource] = (),
        ask_who: bool = False,
    ) -> None:
        super().__init__()
        self.course = course
        """The course to follow."""
        self.store = store
        """The learner's ``course.progress.ProgressStore``."""
        self._learner = learner
        """The learner named on the command line, if any."""
        self._ask_who = ask_who
        """Always ask who is learning (a shared browser room): never assume the only or last learner."""
        self.clock = clock
        """Where exercise screens get the time (time spent, a customer's typing): tests pass their own."""
        self.now = now
        """The course clock: today for the review, when promises fall due and customers come back (tests move it)."""
        self.review_sources = tuple(review_sources)
        """What else adds items to the learner's review (see ``course.practice.ReviewSource``)."""
        self.study: Study | None = None
        """Set once we know who is learning."""
        self.watchdog: threading.Timer | None = None
        """Started on a hang-up: ends the process if shutting down blocks."""
        self._terminal_watch: threading.Event | None = None
        """Set to stop watching the terminal for a hang-up."""
        self._learner_stacks = 0
        self._restore_theme()
        """How many fresh stacks of screens switching learners has made (each names its mode)."""

    # --- starting --------------------------------------------------------------

    def _known_learner(self) -> str | None:
        """The learner to start as without asking: named on the command line, or the only one."""
        if self._learner:
            return self._learner
        if self._ask_who:
            return None
        names = [learner.name for learner in self.store.learners()]
        return names[0] if len(names) == 1 else None

    def _restore_theme(self) -> None:
        """The theme the learner chose last time (light or dark), then remember every change."""
        from .preferences import saved_theme

        theme = saved_theme(self.store.data_dir)
        if theme and theme in self.available_themes:
            self.theme = theme

    def _remember_theme(self, theme: Any) -> None:
        """The learner chose a theme: keep it for next time."""
        from .preferences import save_theme

        save_theme(self.store.data_dir, theme.name)

    def get_default_screen(self) -> Screen[Any]:
        """The dashboard straight away when we know who is learning (one paint fewer at start)."""
        name = self._known_learner()
        if name is None:
            return super().get_default_screen()
        return self._dashboard_for(name)

    def on_mount(self) -> None:
        """Say what the store had to say; ask who is learning if we do not know."""
        self._listen_for_hangup()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in self.store.notices:
            self.notify(notice, title="About your progress", severity="warning", timeout=20)
        if self.study is None:
            self._ask_who_is_learning()
        # The grader's word lists take a few hundred ms to compile: do it in the background
        # after the first paint, so the learner's first answer is graded at once.
        self.call_after_refresh(self._warm_up_grader)

    def _warm_up_grader(self) -> None:
        self.run_worker(_warm_up, thread=True, exclusive=True, group="warm-up", exit_on_error=False)

    def _ask_who_is_learning(self) -> None:
        """The name screen on a first run, else the picker; the chosen learner's dashboard follows."""
        names = [learner.name for learner in self.store.learners()]
        if not names:
            from .screens.learner import NameScreen

            self.push_screen(NameScreen(self.store.add_learner, first=True), self._begin)
        else:
            from .screens.learner import LearnerPicker

            last = None if self._ask_who else self.store.last_learner()  # in a room, "last" is someone else
            picker = LearnerPicker(names, last, self.store.add_learner)
            self.push_screen(picker, self._begin)

    def _begin(self, name: str | None) -> None:
        """A learner was named: open their dashboard."""
        if name:
            self.push_screen(self._dashboard_for(name))

    def _dashboard_for(self, name: str) -> Screen[Any]:
        """The dashboard of this learner, whose study every screen from here on shares."""
        from .screens.dashboard import DashboardScreen

        if self.study is not None and self.study.learner != name:
            self._end_session()  # switching learners closes the last one's session
        self.study = Study(self.course, self.store, name, playable_kinds(), report=self.report, now=self.now,
                           review_sources=self.review_sources)
        # Noting who was here and when can wait until the dashboard is on screen.
        self.call_after_refresh(self._note_learner, self.study)
        return DashboardScreen(self.study)

    def _note_learner(self, study: Study) -> None:
        """Remember this learner as the last one here, and when they came."""
        study.save("who is learning", lambda: self.store.arrive(study.learner))
        others = self.store.other_windows(study.learner)
        if others:
            self.notify(
                f"{study.learner} is also open in "
                f"{'another listen window' if others == 1 else f'{others} other listen windows'}. "
                "Each window keeps its own draft, so nothing typed is lost, but answers and places saved in one "
                "may not show in the other until you reopen it.",
                title="Open twice",
                severity="warning",
                timeout=20,
            )

    def _end_session(self) -> None:
        """The learner is leaving: close their session (its learning record is queued)."""
        study = self.study
        if study is not None:
            study.save("your session", lambda: self.store.end_session(study.learner))

    # --- switching learners ------------------------------------------------------

    def open_learners(self, study: Study) -> None:
        """The learners on this computer (switch, add, rename, delete, reset), unless already showing."""
        from .screens.profiles import ProfilesScreen

        if not isinstance(self.screen, ProfilesScreen):
            self.push_screen(ProfilesScreen(study))

    def on_profiles_screen_switch_learner(self, message: ProfilesScreen.SwitchLearner) -> None:
        """The profiles screen asks to go on as someone else (or as nobody yet)."""
        message.stop()
        learner, first = message.learner, message.first

        def switch() -> None:
            self.run_worker(self.switch_learner(learner, first=first), exclusive=True)

        self.leave(list(self.screen_stack), switch, "Switch")

    async def switch_learner(self, name: str | None, *, first: Callable[[], object] | None = None) -> None:
        """Close every screen (each keeps what it holds), do ``first``, then open ``name``'s dashboard or ask who."""
        self.save_everything()
        while len(self.screen_stack) > 1:
            await self.pop_screen()  # awaited: a closing screen saves before ``first`` changes anything
        self._end_session()
        self.study = None
        if first is not None:
            first()
        # A fresh stack of screens for the next learner: Textual cannot replace the first screen of a stack.
        self._learner_stacks += 1
        old, mode = self.current_mode, f"learner-{self._learner_stacks}"
        base = self._dashboard_for(name) if name else Screen()
        self.add_mode(mode, lambda: base)
        await self.switch_mode(mode)
        if old.startswith("learner-"):  # the stack the app started with cannot be removed; it is one screen now
            await self.remove_mode(old)
        if not name:
            self._ask_who_is_learning()

    # --- going places ------------------------------------------------------------

    def on_course_screen_go(self, message: CourseScreen.Go) -> None:
        """Open a place: on top, instead of the current screen, from the dashboard, or back."""
        from .screens.dashboard import DashboardScreen

        message.stop()
        if message.how == "back":
            if not isinstance(self.screen, DashboardScreen):
                self.leave([self.screen], lambda: (self.pop_screen(), self._remember_place()), "Leave")
            return
        screens = self._screens_for(message.place, message.answer)
        if screens is None:
            self.notify("That part of the course is not there any more.", title="Cannot open it")
            return
        if message.how == "jump":
            closing = []
            for screen in reversed(self.screen_stack):  # everything above the dashboard closes
                if isinstance(screen, DashboardScreen):
                    break
                closing.append(screen)

            def jump() -> None:
                while not isinstance(self.screen, DashboardScreen):
                    self.pop_screen()
                for screen in screens:
                    self.push_screen(screen)
                self._remember_place()

            self.leave(closing, jump, "Leave")
            return
        elif message.how == "replace":
            self.switch_screen(screens[-1])
        else:
            self.push_screen(screens[-1])
        self._remember_place()

    def _screens_for(self, place: Place | None, answer: Any = None) -> list[Screen[Any]] | None:
        """The screens from the dashboard to a place (None if the place no longer exists)."""
        from .screens.lesson import LessonScreen
        from .screens.module import ModuleScreen

        study = self.study
        if study is None or place is None:  # places open only once a learner is chosen
            return None
        course = study.course
        try:
            if place.screen == "dashboard":
                return []
            if place.screen == "module":
                return [ModuleScreen(study, course.module(place.target))]
            if place.screen == "lesson":
                lesson = course.lesson(place.target)
                page = min(place.page, len(lesson.sections) - 1)
                lesson_screen = LessonScreen(study, lesson, page=page, scroll=place.scroll)
                return [ModuleScreen(study, study.module_of(lesson)), lesson_screen]
            exercise = study.exercise(place.target)
        except KeyError:
            return None
        if exercise is None or not study.is_playable(exercise):
            return None
        # A customer's follow-up belongs to no lesson: it opens over the dashboard, not a module.
        module = [] if exercise.id not in course.exercises else [ModuleScreen(study, study.module_of(exercise))]
        note = ""
        if place.screen == "feedback" and answer is None:
            attempts = study.store.attempts(study.learner, exercise.id)
            if attempts:
                answer = attempts[-1].answer
                if attempts[-1].content_hash and attempts[-1].content_hash != exercise.content_hash:
                    note = "This exercise has changed since you answered it: the feedback is for its current version."
        if place.screen == "feedback" and answer is not None:
            return [*module, feedback_for_kind(exercise.kind)(study, exercise, answer, note=note)]
        return [*module, screen_for_kind(exercise.kind)(study, exercise, clock=self.clock)]

    def _remember_place(self) -> None:
        """Save where the learner now is, so Continue brings them back here."""
        screen = self.screen
        if self.study is not None and isinstance(screen, CourseScreen) and screen.place is not None:
            self.study.save_place(screen.place)

    # --- stopping without losing anything -------------------------------------

    def save_everything(self) -> None:
        """Drafts, reading positions and the place: everything not yet saved."""
        for screen in self.screen_stack:
            if isinstance(screen, CourseScreen):
                screen.save_state()
        self._remember_place()

    async def action_quit(self) -> None:
        """Save, then quit (asking first if typing could not be saved: ctrl+q again quits anyway)."""

        def quit_now() -> None:
            self._remember_place()
            self._end_session()
            self.exit()

        self.leave(list(self.screen_stack), quit_now, "Quit")

    async def action_help_quit(self) -> None:
        """ctrl+c quits too: everything is saved first, so a reflexive ctrl+c costs nothing."""
        await self.action_quit()

    def _listen_for_hangup(self) -> None:
        """A closed terminal (SIGHUP, or found hung up) or a polite kill (SIGTERM) saves before going."""
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:
            try:
                loop.add_signal_handler(number, self._hung_up, number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not on this platform, or not the main thread: there is nothing to hear
        if self.is_headless or sys.__stdin__ is None:
            return
        try:
            fd = sys.__stdin__.fileno()
        except (OSError, ValueError):
            return
        if os.isatty(fd):
            self._terminal_watch = watch_terminal(fd, self._terminal_gone)

    def _terminal_gone(self) -> None:
        """The watcher found the terminal hung up (from its thread): go as on SIGHUP."""
        number = getattr(signal, "SIGHUP", signal.SIGTERM)
        try:
            self.call_from_thread(self._hung_up, number)
        except RuntimeError:  # the app is already closing
            pass

    def on_unmount(self) -> None:
        """Hand the signals back: the app is gone (matters when tests run many apps)."""
        if self._terminal_watch is not None:
            self._terminal_watch.set()
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:
            try:
                loop.remove_signal_handler(number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # never added here

    def _hung_up(self, number: int) -> None:
        """The terminal went away (or we were asked to stop): save what we have, then go.

        With the terminal gone, Textual's tidy-up can block for ever writing to it,
        so a timer ends the process if the tidy-up has not finished by then.
        Everything is already saved when the timer starts.
        """
        status = 128 + number  # as shells report a death by signal
        if self.watchdog is not None:
            return  # already going
        try:
            self.save_everything()
            self._end_session()
        finally:  # even if saving fails (its data folder may be gone), the app must not run on
            self.watchdog = threading.Timer(HANGUP_GRACE, os._exit, args=(status,))
            self.watchdog.daemon = True
            self.watchdog.start()
            self.exit(return_code=status)


def _warm_up() -> None:
    """Import and compile the grader (in a worker thread, off the first paint)."""
    from course.grading import warm_up

    warm_up()
