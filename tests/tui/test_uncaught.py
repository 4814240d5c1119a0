"""An error that reaches Textual uncaught: a store error ends listen in plain words, with the typing kept.

Textual has no public hook for this, so ``course/tui/uncaught.py`` overrides its private one; these
tests fail if a Textual release moves it, before a learner meets a traceback.
"""

from __future__ import annotations

import inspect

import pytest
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from course.progress import StoreError
from course.tui.keeping import KeepingTyping
from course.tui.safe_screen import SafeScreenApp
from course.tui.uncaught import PRIVATE_HOOK


class _Typing(KeepingTyping, SafeScreenApp[None]):
    """A box to type in, and a key that meets a store error no screen handles."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        yield TextArea("Dear Mrs Okafor, I have booked the engineer for Friday")

    def key_f9(self) -> None:
        raise self.error

    def on_mount(self) -> None:
        if isinstance(self.error, StoreError):
            self.call_after_refresh(self.key_f9)  # as if a save failed after the first paint


def test_textual_still_has_the_hook_listen_overrides():
    hook = getattr(App, PRIVATE_HOOK, None)
    assert callable(hook), f"Textual's App has no {PRIVATE_HOOK}: update course/tui/uncaught.py"
    assert list(inspect.signature(hook).parameters) == ["self", "error"]


async def test_a_store_error_ends_the_app_in_its_own_words_with_the_typing_shown():
    app = _Typing(StoreError("The progress file was written by a newer listen. Update listen to open it."))
    ended: list[tuple[int | None, str]] = []
    real_exit = app.exit

    def exit_and_note(result: None = None, return_code: int = 0, message: object = None) -> None:
        ended.append((return_code, str(message)))
        real_exit(result, return_code, message)  # type: ignore[arg-type]

    app.exit = exit_and_note  # type: ignore[method-assign]
    await app.run_async(headless=True, size=(80, 24))
    [(code, shown)] = ended
    assert code == 1
    assert "written by a newer listen" in shown
    assert "booked the engineer for Friday" in shown


async def test_any_other_error_is_left_to_textual():
    app = _Typing(ZeroDivisionError("a fault of listen's own"))
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            await pilot.press("f9")
            await pilot.pause()
