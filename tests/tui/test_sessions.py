"""A study session opens when a learner starts and closes when they quit, as learning records."""

from __future__ import annotations

from course.progress import ProgressStore
from course.tui.app import ListenApp
from course.xapi import statement_maker


def verbs(store: ProgressStore) -> list[str]:
    return [item.statement["verb"]["id"].rsplit("/", 1)[-1] for item in store.outbox()]


async def test_a_session_is_initialized_and_terminated(course, data_dir, dana):
    store = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "initialized" in verbs(store)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert verbs(store)[-1] == "terminated"
    assert verbs(store).count("initialized") == 1


async def _titles_on_opening(course, store: ProgressStore, learner: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The titles of every notification the app raises as it opens on ``learner``."""
    app = ListenApp(course, store, learner)
    titles: list[str] = []
    notify = app.notify

    def noting(message, *, title="", **options):  # type: ignore[no-untyped-def]
        titles.append(title)
        return notify(message, title=title, **options)

    app.notify = noting  # type: ignore[method-assign]
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.pause()
    return titles


async def test_a_second_window_on_the_same_learner_warns(course, data_dir, dana):
    first = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    first.start_session(dana)  # another listen window already has Dana open
    second = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    assert "Open twice" in await _titles_on_opening(course, second, dana)


async def test_one_window_alone_gives_no_warning(course, data_dir, dana):
    store = ProgressStore(data_dir, statements=statement_maker(data_dir, course))
    assert "Open twice" not in await _titles_on_opening(course, store, dana)
