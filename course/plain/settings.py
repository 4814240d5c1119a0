"""The learner's settings, chosen in plain lines: the customer's typing pace and the "has finished" cue.

They are the app's own settings (``course.tui.preferences``), kept for this
learner. Here the customer always finishes a turn before the learner is
asked, so the pace matters in the app; the cue is said in both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from course.tui.preferences import (
    PACE_WORDS,
    PACES,
    conversation_preferences,
    save_conversation_preferences,
)

from .menu import Choice, choose

if TYPE_CHECKING:
    from course.progress import Place

    from .session import PlainSession

__all__ = ["settings"]


def settings(session: PlainSession) -> Place | None:
    """Change the settings until the learner goes back; each change is kept at once."""
    study = session.study
    folder = study.store.data_dir
    while True:
        chosen = conversation_preferences(folder, study.learner)
        cue = "on" if chosen.finished_cue else "off"
        session.say("")
        picked = choose(session.terminal, "Settings (for conversations):", [
            Choice(f"The customer's typing pace, in the full-screen app: {chosen.pace}", "pace", "t"),
            Choice(f"Say when the customer has finished (“Priya has finished: your turn.”): {cue}", "cue", "f"),
            Choice("Back to the main menu", "back", "b"),
        ])
        if picked == "back":
            return None
        if picked == "cue":
            chosen = replace(chosen, finished_cue=not chosen.finished_cue)
        else:
            pace = choose(session.terminal, "The customer's typing pace:",
                          [Choice(PACE_WORDS[pace], pace) for pace in PACES])
            chosen = replace(chosen, pace=pace)
        save_conversation_preferences(folder, study.learner, chosen)
