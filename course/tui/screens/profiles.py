"""Everyone who learns on this computer: switch, add, rename, delete, or start afresh.

Deleting a learner or resetting their progress is confirmed in a window that
says what will go; the store keeps a copy of the progress file first, and the
learner is told where it is. Whatever concerns the learner who is studying
right now (switching away, deleting them, resetting them) closes their
screens first, each keeping what it holds, so no screen saves over the change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.tui.study import Study
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.row import ListRow
from course.tui.widgets.title import TitleBar
from course.tui.work import Part, everything, keeping_a_backup, work_in

from .base import CourseScreen
from .confirm import ConfirmDialog, RenameDialog
from .resets import ask_to_reset, kept_words, reset_part

__all__ = ["ProfilesScreen"]


def _progress(study: Study) -> str:
    """``lessons 2/5 · exercises 3/12``: the learner's progress over the whole course."""
    rows = study.module_rows()
    lessons = f"lessons {sum(r.lessons_done for r in rows)}/{sum(r.lessons_total for r in rows)}"
    return f"{lessons} · exercises {sum(r.exercises_passed for r in rows)}/{sum(r.exercises_total for r in rows)}"


class ProfilesScreen(CourseScreen):
    """The learners on this computer, with what each has done; the keys act on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", tooltip="Add a learner"),
        Binding("r", "rename", "Rename"),
        Binding("d,delete", "delete", "Delete", key_display="d"),
        Binding("x", "reset", "Reset", tooltip="Clear all the highlighted learner's progress (a backup is kept)"),
    ]

    class SwitchLearner(Message):
        """Asks the app to close every screen and go on as another learner (None: ask who is learning)."""

        def __init__(self, learner: str | None, first: Callable[[], object] | None = None) -> None:
            super().__init__()
            self.learner = learner
            """Who studies from now on; None to ask, as on a shared machine at start."""
            self.first = first
            """Done once the screens are closed, before anyone's dashboard opens (a delete, a reset)."""

    def compose(self) -> ComposeResult:
        """Who is here, what each has done, and where backups go."""
        yield TitleBar()
        yield Static("Learners on this computer", classes="section-title")
        yield Static("⏎ switches to the highlighted learner. Each one's progress is kept apart.",
                     id="profiles-help", markup=False)
        yield OptionList(id="profiles")
        yield MoreBelow("profiles")
        yield Static(kept_words(self.study), id="backups-note", markup=False)
        yield CourseFooter()

    def on_mount(self) -> None:
        """The list, the learner studying now highlighted."""
        self.title = "Learners"
        self.sub_title = self.study.learner
        self._refresh(self.study.learner)
        self.query_one("#profiles", OptionList).focus()

    def _study_of(self, name: str) -> Study:
        """The study of any learner here (the one studying now shares the app's)."""
        if name == self.study.learner:
            return self.study
        return self.study.with_learner(name)

    def _refresh(self, highlight: str | None = None) -> None:
        """One row per learner, from the store; the highlight stays on ``highlight`` or where it was."""
        profiles = self.query_one("#profiles", OptionList)
        keep = highlight or self._highlighted()
        names = [learner.name for learner in self.study.store.learners()]
        profiles.clear_options()
        for name in names:
            now = name == self.study.learner
            title = Text(name, style="bold" if now else "")
            if now:
                title.append("  (learning now)", style="dim")
            row = ListRow("●" if now else "○", title, [_progress(self._study_of(name))])
            profiles.add_option(Option(row, id=name))
        if names:
            profiles.highlighted = names.index(keep) if keep in names else 0

    def _highlighted(self) -> str | None:
        """The name of the highlighted learner."""
        profiles = self.query_one("#profiles", OptionList)
        if profiles.highlighted is None:
            return None
        return profiles.get_option_at_index(profiles.highlighted).id

    # --- the learner's moves -------------------------------------------------------

    @on(OptionList.OptionSelected, "#profiles")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Go on as the learner chosen (back, if it is the one studying already)."""
        event.stop()
        name = event.option.id
        if name == self.study.learner or name is None:
            self.action_back()
        else:
            self.post_message(self.SwitchLearner(name))

    def action_new(self) -> None:
        """Add a learner; they join the list, highlighted, ready to switch to."""
        from .learner import NameScreen

        def added(name: str | None) -> None:
            if name:
                self._refresh(" ".join(name.split()))
                self.notify(f"Press ⏎ to switch to {name}.", title=f"{name} is added")

        self.app.push_screen(NameScreen(self.study.store.add_learner, first=False), added)

    def action_rename(self) -> None:
        """Give the highlighted learner a new name; all their progress goes with it."""
        old = self._highlighted()
        if old is None:
            return

        def renamed(new: str | None) -> None:
            if not new:
                return
            if old == self.study.learner:
                self.study.learner = new  # every screen of this learner shares this study
                for screen in self.app.screen_stack:
                    if screen.sub_title == old:  # the screens that show whose progress it is
                        screen.sub_title = new
            self._refresh(new)
            self.notify(f"{old} is now called {new}.", title="Renamed")

        store = self.study.store
        self.app.push_screen(RenameDialog(old, lambda new: store.rename_learner(old, new)), renamed)

    def action_delete(self) -> None:
        """Delete the highlighted learner and their progress, once confirmed; a backup is kept first."""
        name = self._highlighted()
        if name is None:
            return
        work = work_in(self.study.store, name, everything(name), self.study.course)
        gone = f"{name} and all of their progress will be deleted: {work.words()}." if work else (
            f"{name} will be deleted. They have no progress yet.")
        body = f"{gone}\n\n{kept_words(self.study)}"
        now = name == self.study.learner
        if now:
            body += "\n\nThen listen asks who is learning."

        def chosen(choice: str | None) -> None:
            if choice != "delete":
                return
            if now:  # close this learner's screens first, or one of them would save them back
                self.post_message(self.SwitchLearner(None, first=lambda: self._delete(name)))
            elif self._delete(name):
                self._refresh()

        self.app.push_screen(ConfirmDialog(f"Delete {name}?", body, [("delete", f"Delete {name}")]), chosen)

    def _delete(self, name: str) -> bool:
        """Delete a learner now and say where the copy taken first is; False if the store refused."""
        from course.progress import StoreError

        store = self.study.store
        try:
            backup = keeping_a_backup(store, lambda: store.delete_learner(name))
        except (ValueError, StoreError) as error:
            self.app.notify(f"{name} was not deleted: {error}", title="Not deleted", severity="error", timeout=20)
            return False
        kept = f" Their progress from before is kept in {backup}." if backup else ""
        self.app.notify(f"{name} is deleted.{kept}", title="Deleted", timeout=20)
        return True

    def action_reset(self) -> None:
        """Clear all of the highlighted learner's progress (not the learner), once confirmed."""
        name = self._highlighted()
        if name is None:
            return
        study = self._study_of(name)

        def reset_after_closing(part: Part) -> None:
            """Close the screens of the learner studying, reset, then open a fresh dashboard."""
            self.post_message(self.SwitchLearner(name, first=lambda: reset_part(self, study, part)))

        now = name == self.study.learner
        ask_to_reset(self, study, [everything(name)], self._refresh, reset=reset_after_closing if now else None)

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving and switching."""
        return [("↑ / ↓  ⏎", "Pick a learner and switch to them")]
