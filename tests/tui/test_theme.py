"""The chosen theme is remembered between runs."""

from __future__ import annotations

from course.tui.app import ListenApp
from course.tui.preferences import saved_theme


async def test_a_chosen_theme_comes_back_next_time(course, store, dana, data_dir):
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
    assert saved_theme(data_dir) == "textual-light"
    again = ListenApp(course, store, dana)
    async with again.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


def test_an_unreadable_preferences_file_is_ignored(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "preferences.json").write_bytes(b"\x00not json")
    assert saved_theme(data_dir) is None
