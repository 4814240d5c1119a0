"""Starting part of the course afresh: asked first, the old state kept as a backup, the learner told where.

Used from the module screen (an exercise or the whole module), the feedback
screen (its exercise) and the profiles screen (everything).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.screen import Screen

from course.tui.study import Study
from course.tui.work import Part, Work, clear, work_in

from .confirm import ConfirmDialog

__all__ = ["ask_to_reset", "reset_part", "kept_words"]


def kept_words(study: Study) -> str:
    """Where the copy taken before clearing anything goes, in a sentence."""
    return (
        "Before anything is cleared, listen saves a copy of all the progress on this computer in "
        f"{study.store.data_dir / 'backups'}, so nothing is gone for good."
    )


def _consequences(parts: Sequence[tuple[Part, Work]], study: Study) -> str:
    """What each reset would clear, then what is kept."""
    if len(parts) == 1:  # the title names the part already
        part, work = parts[0]
        lines = [f"This clears {work.words(one_exercise=part.one_exercise)}."]
    else:
        lines = [f"Resetting {part.name} clears {work.words(one_exercise=part.one_exercise)}." for part, work in parts]
    return "\n\n".join([*lines, kept_words(study)])


def ask_to_reset(
    screen: Screen[object],
    study: Study,
    parts: Sequence[Part],
    then: Callable[[], object],
    *,
    reset: Callable[[Part], object] | None = None,
) -> None:
    """Ask which of ``parts`` to reset (if any holds work), reset it keeping a backup, say where; then ``then()``.

    ``reset`` carries out the chosen reset instead (the profiles screen first closes
    the screens of the learner who is studying, so none of them saves over it).
    """
    worth = [(part, work) for part in parts if (work := work_in(study.store, study.learner, part, study.course))]
    if not worth:
        screen.notify(f"There is nothing to reset in {parts[-1].name} yet.", title="Nothing to reset")
        return
    title = f"Reset {worth[0][0].name}?" if len(worth) == 1 else "Reset your progress?"
    choices = [(str(number), f"Reset {part.label}") for number, (part, _) in enumerate(worth)]

    def chosen(choice: str | None) -> None:
        if choice is None:
            return
        part = worth[int(choice)][0]
        if reset is not None:
            reset(part)
        elif reset_part(screen, study, part):
            then()

    screen.app.push_screen(ConfirmDialog(title, _consequences(worth, study), choices), chosen)


def reset_part(screen: Screen[object], study: Study, part: Part) -> bool:
    """Reset ``part`` now and tell the learner where the old state is kept; False if the store refused."""
    from course.progress import StoreError

    try:
        backup = clear(study.store, study.learner, part)
    except StoreError as error:
        # The app's notify: the screen may be closed already (resetting the learner who was studying).
        screen.app.notify(f"Nothing was reset: {error}", title="Not reset", severity="error", timeout=20)
        return False
    kept = f" Your progress from before is kept in {backup}." if backup else ""
    name = part.name[0].upper() + part.name[1:]
    screen.app.notify(f"{name} starts afresh.{kept}", title="Reset done", timeout=20)
    return True
