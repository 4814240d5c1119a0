"""A customer who talks back: the chat, whose turn it is, the customer's mood and the learner's notes.

The customer's pieces appear as the conversation's clock says (a timer looks
every ``TICK`` seconds; tests drive the clock and call ``tick`` themselves).
Sending while the customer is still typing is an interruption: the run
records it, and the chat shows what the learner had not yet heard. Every
change is kept as the exercise's draft, so a conversation left half-way
resumes exactly where it was.
That clock runs at the learner's chosen pace (normal, slow, or off: every
piece at once) and stands still while they pause the customer (``PAUSE_KEY``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import TextArea

from course.content.answers import Talk, answer_data
from course.conversation import ConversationRun, CustomerClock, finish_turn, first_name, still_doing
from course.judging import Judgment, answer_of, draft_text, judge, replay
from course.tui.editing import EDITING_KEYS
from course.tui.preferences import PACE_RATES, ConversationPreferences, conversation_preferences
from course.tui.widgets.chat_log import ChatLog
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.hints import HintPanel
from course.tui.widgets.mood_meter import MoodMeter
from course.tui.widgets.notes_pane import NotesPane
from course.tui.widgets.title import TitleBar
from course.tui.widgets.typing_indicator import TypingIndicator

from .conversation_chat import chat_entries
from .exercise import ExerciseScreen

__all__ = ["ConversationExerciseScreen", "TICK", "PAUSE_KEY"]

TICK = 0.25
"""Seconds between looks at the clock for the customer's next piece."""
PAUSE_KEY = "ctrl+t"
"""Pauses the customer and lets them go on: printable keys type, ctrl+p is the command palette, ctrl+s sends."""


class ConversationExerciseScreen(ExerciseScreen, inherit_bindings=False):
    """The chat with the customer, the reply box, the mood meter and the notes pane."""

    # In the reply and notes boxes printable keys type: help is f1, a hint ctrl+g.
    BINDINGS: ClassVar[list[BindingType]] = [
        *Screen.BINDINGS,  # tab, shift+tab, copy
        Binding("ctrl+s", "send", "Send"),
        Binding("ctrl+s", "submit", "Feedback"),
        Binding("ctrl+n", "notes", "Notes ⇄ reply"),
        Binding("ctrl+g", "hint", "Hint"),
        Binding(PAUSE_KEY, "pause", "Pause", tooltip="Pause the customer until you go on"),
        Binding(PAUSE_KEY, "resume", "Go on", tooltip="The customer goes on from where they stopped"),
        # Kept out of the footer, which has no room for it at 80 columns; the help lists it (extra_keys).
        Binding("ctrl+o", "settings", "Settings", show=False),
        Binding("escape", "back", "Back"),
        Binding("f1,question_mark", "help", "Help"),
    ]

    def restore(self, draft: str | None) -> None:
        """The conversation left half-way, played again to where it was (or a fresh start)."""
        kept = answer_data(draft or "")
        talk = Talk.from_recorded(self.exercise, kept) if isinstance(kept, dict) and kept else None
        self.settings: ConversationPreferences = conversation_preferences(self.study.store.data_dir, self.study.learner)
        """How the learner wants the customer to behave: their pace and the "has finished" cue."""
        self.customer_clock = CustomerClock(self._clock, rate=PACE_RATES[self.settings.pace])
        """The customer's time: at the learner's pace, standing still while paused."""
        self._typed = talk.typed if talk is not None else ""
        """The reply half-typed when the conversation was left."""
        self.run: ConversationRun = (
            replay(self.exercise, talk, live=self.customer_clock) if talk is not None
            else ConversationRun(self.exercise, self.customer_clock)
        )
        """The conversation as it stands (``course.conversation``)."""
        if talk is not None:
            self.spent_earlier(talk.seconds)
        self._ended_shown = False
        self._record_tried = False
        """Recording is tried once by itself when the conversation ends; after that, on ctrl+s."""

    def answer(self) -> dict[str, Any]:
        """The conversation as an attempt's answer."""
        return answer_of(self.run)

    def judgment(self, answer: Any) -> Judgment:
        """The turns judged as they were played, not played again."""
        return judge(self.exercise, self.run)

    def answer_as_draft(self) -> str:
        """The conversation so far, the half-typed reply and the time spent ("" before anything happened)."""
        return draft_text(self.run, seconds=self.seconds, typed=self.query_one("#reply", TextArea).text)

    @property
    def customer_name(self) -> str:
        """The customer's first name, as the chat calls them."""
        return first_name(self.run.conversation.customer)

    def compose(self) -> ComposeResult:
        """The chat and the reply box on the left; the mood and the notes on the right."""
        yield TitleBar()
        with Horizontal(id="talk"):
            with Vertical(id="talk-main"):
                yield ChatLog(id="chat")
                yield HintPanel(self.exercise.hints, id="hints")
                yield TypingIndicator("", id="typing")
                yield TextArea(id="reply", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            with Vertical(id="talk-side"):
                yield MoodMeter(self.run.conversation.customer, self.run.mood, id="mood")
                yield NotesPane(self.run.notes, id="notes")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The half-typed reply, the mood; then the customer starts (or goes on) typing."""
        reply = self.query_one("#reply", TextArea)
        if self._typed:
            reply.load_text(self._typed)
            reply.move_cursor(reply.document.end)
        if self.run.replies:
            last = self.run.replies[-1]
            self.query_one("#mood", MoodMeter).show(self.run.mood, last.mood_before)
        reply.focus()
        self.tick()
        self.set_interval(TICK, self.tick)

    # --- time passing -----------------------------------------------------------------

    def tick(self) -> None:
        """Show what the customer has said by now, whose turn it is, and the end when it comes."""
        run = self.run
        if self.settings.pace == "off" and not self.customer_clock.paused:
            finish_turn(run, run.clock.skip)  # type: ignore[attr-defined]  # the customer's own clock, or a replay's
        self.query_one("#chat", ChatLog).show(chat_entries(self.exercise, run))
        indicator = self.query_one("#typing", TypingIndicator)
        reply = self.query_one("#reply", TextArea)
        if self.customer_clock.paused and not run.finished:
            indicator.show_paused(self.customer_name, PAUSE_KEY)
        elif run.typing():
            indicator.show_typing(self.customer_name, still_doing(self.exercise))
        elif run.finished:
            indicator.show_ended()
            if not self._ended_shown:  # nothing left to reply to: the chat takes the room
                self._ended_shown = True
                reply.disabled = True
                reply.display = False
                self.query_one("#chat", ChatLog).focus()
        else:
            indicator.show_your_turn(self.customer_name, cue=self.settings.finished_cue)
        reply.border_title = "Your closing summary" if run.turn.summary else "Your reply"
        if run.finished and not self._record_tried:
            self._record()

    # --- the learner's moves ------------------------------------------------------------

    def action_send(self) -> None:
        """Send the reply: graded, the customer's mood moves, and the conversation takes its branch."""
        box = self.query_one("#reply", TextArea)
        text = box.text
        if not text.strip():
            self.notify("Write your reply first, then press ctrl+s.", title="Nothing to send")
            return
        reply = self.run.send(text)
        box.load_text("")
        self.query_one("#mood", MoodMeter).show(reply.mood_after, reply.mood_before)
        self.save_state()
        self.tick()
        self.refresh_bindings()

    def action_pause(self) -> None:
        """The customer waits: nothing more is said until the learner goes on."""
        self.customer_clock.pause()
        self.tick()
        self.refresh_bindings()

    def action_resume(self) -> None:
        """The customer goes on from where they stopped."""
        self.customer_clock.resume()
        self.tick()
        self.refresh_bindings()

    def action_settings(self) -> None:
        """The customer's pace and the "has finished" cue, changed here and now."""
        from course.tui.conversation_settings import change_conversation_settings

        change_conversation_settings(self)

    def conversation_settings_changed(self, chosen: ConversationPreferences) -> None:
        """The learner chose another pace or cue: the customer takes it up at once."""
        self.settings = chosen
        self.customer_clock.set_rate(PACE_RATES[chosen.pace])
        self.tick()

    def _record(self) -> None:
        """The conversation has ended: record it (once), so nothing is lost whatever comes next."""
        self._record_tried = True
        if not self.record_answer():
            self.save_state()  # the learner has been told; the conversation stays kept as a draft
        self.refresh_bindings()

    def action_notes(self) -> None:
        """Between the reply box and the notes pane."""
        notes = self.query_one("#notes", NotesPane)
        reply = self.query_one("#reply", TextArea)
        if self.focused is notes and not reply.disabled:  # not has_focus: that follows a beat later
            reply.focus()
        else:
            notes.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Send while the conversation goes on, Feedback once it has ended; Hint while hints remain."""
        if action == "send":
            return not self.run.finished
        if action == "submit":
            return self.run.finished
        if action == "pause":
            return not self.run.finished and not self.customer_clock.paused
        if action == "resume":
            return not self.run.finished and self.customer_clock.paused
        return super().check_action(action, parameters)

    # --- keeping the conversation -------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typing a reply or a note: keep it once the learner pauses."""
        event.stop()
        if event.text_area.id == "notes":
            self.run.notes = event.text_area.text
        self.keep_soon()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving between the parts of the screen, and editing the reply and the notes."""
        return [
            ("tab / shift+tab", "Between your reply, your notes and the chat"),
            ("↑ / ↓", "Scroll the chat, once it has focus"),
            ("ctrl+o", "Settings: how fast the customer types, the finished cue"),
            *EDITING_KEYS,  # in the reply and the notes
        ]
