"""Lesson rendering: open → painted for the longest bundled lesson, next to a plain Rich renderable.

Everything is timed the same way in the same run, in a headless app at 100×34:
a screen is pushed (or a page turned) and the clock stops at the first
compositor refresh that draws the page text ("text on screen": the learner can
read) and at the last one before the app is idle ("settled": footer and all).
The reference is what the lesson screen is built on: a
``Static`` holding a Rich ``Markdown`` of the same text, alone on a screen.

    python bench/lesson_render.py [--runs 7] [--content DIR]

Target: opening a lesson ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/startup.py's history

TARGET_MS = 150.0
SIZE = (100, 34)
ROWS = (
    "reference: page 1, text on screen",
    "reference: page 1, settled",
    "reference: whole lesson, text on screen",
    "reference: whole lesson, settled",
    "lesson screen: constructor alone",
    "lesson screen: open, text on screen",
    "lesson screen: open, settled",
    "lesson screen: slowest page turn, text on screen",
    "lesson screen: every page, text on screen, total",
)
"""The rows of the table: the reference renderable first, then the lesson screen."""


class Paints:
    """When a screen's compositor refreshed, and when the page text was first among what it drew."""

    def __init__(self, screen: Any) -> None:
        self.times: list[float] = []
        """Every compositor refresh (each one paints what changed)."""
        self.text_at: float | None = None
        """The first refresh that drew the page text: when the learner can start reading."""
        self._drew_text = False
        refresh = screen._compositor_refresh

        def timed() -> None:
            self._drew_text = False
            refresh()
            now = time.perf_counter()
            self.times.append(now)
            if self._drew_text and self.text_at is None:
                self.text_at = now

        screen._compositor_refresh = timed

    def drew_text(self) -> None:
        """Called when the page body renders its lines."""
        self._drew_text = True

    def clear(self) -> None:
        """Start timing a new event on the same screen."""
        self.times.clear()
        self.text_at = None


def _watch_page_body(current: list[Any]) -> None:
    """Tell the current ``Paints`` whenever a widget with id ``page-body`` renders."""
    from textual.widgets import Static

    render_lines = Static.render_lines

    def rendering(self: Any, crop: Any) -> Any:
        if self.id == "page-body" and current:
            current[0].drew_text()
        return render_lines(self, crop)

    Static.render_lines = rendering  # type: ignore[method-assign]


async def _painted(pilot: Any, paints: Paints, started: float) -> tuple[float, float]:
    """Milliseconds from ``started`` to the text on screen, and to the last paint before idle."""
    await pilot.pause()
    await pilot.pause()
    text = ((paints.text_at or float("nan")) - started) * 1000
    settled = (paints.times[-1] - started) * 1000 if paints.times else float("nan")
    return text, settled


async def measure(course: Any, lesson: Any, runs: int, history: int = 0) -> dict[str, list[float]]:
    """Times in ms for each way of showing the lesson, ``runs`` times each, alternating."""
    from rich.markdown import Markdown
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Static

    from course.progress import ProgressStore
    from course.tui.app import ListenApp
    from course.tui.screens.lesson import LessonScreen, page_markdown

    class Reference(Screen[None]):
        """A Rich Markdown renderable in a Static, alone on a screen."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def compose(self) -> Any:
            with VerticalScroll():
                yield Static(Markdown(self.text), id="page-body")

    whole = "\n\n".join(f"## {section.title}\n\n{section.markdown}" for section in lesson.sections)
    first = page_markdown(lesson, 0)
    times: dict[str, list[float]] = {name: [] for name in ROWS}
    current: list[Paints] = []
    _watch_page_body(current)
    home = Path(tempfile.mkdtemp(prefix="listen-bench-"))
    if history:
        from startup import _prepare_home  # the same year of answers start-up is measured with

        _prepare_home(home, history)
        store = ProgressStore(home)
    else:
        store = ProgressStore(home)
        store.add_learner("Bench")
    app = ListenApp(course, store, "Bench")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        study = app.study
        for _ in range(runs):
            for name, text in (("reference: page 1", first), ("reference: whole lesson", whole)):
                screen: Any = Reference(text)
                current[:] = [Paints(screen)]
                started = time.perf_counter()
                app.push_screen(screen)
                shown, settled = await _painted(pilot, current[0], started)
                times[f"{name}, text on screen"].append(shown)
                times[f"{name}, settled"].append(settled)
                app.pop_screen()
                await pilot.pause()

            started = time.perf_counter()
            screen = LessonScreen(study, lesson)
            times["lesson screen: constructor alone"].append((time.perf_counter() - started) * 1000)
            paints = Paints(screen)
            current[:] = [paints]
            started = time.perf_counter()
            app.push_screen(screen)
            shown, settled = await _painted(pilot, paints, started)
            times["lesson screen: open, text on screen"].append(shown)
            times["lesson screen: open, settled"].append(settled)
            turns = []
            for _page in range(len(lesson.sections) - 1):
                paints.clear()
                started = time.perf_counter()
                await pilot.press("n")
                turns.append(await _painted(pilot, paints, started))
            times["lesson screen: slowest page turn, text on screen"].append(max((t for t, _ in turns), default=0.0))
            times["lesson screen: every page, text on screen, total"].append(shown + sum(t for t, _ in turns))
            app.pop_screen()
            await pilot.pause()
    store.close()
    return times


def main() -> int:
    from course.content.loader import load_course
    from course.paths import bundled_content_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path, default=None, help="a course folder (default: the bundled course)")
    parser.add_argument("--history", type=int, default=0, help="earlier answers in the learner's progress (0: none)")
    args = parser.parse_args()
    course = load_course(args.content or bundled_content_dir())
    lesson = max(course.lessons(), key=lambda item: item.words)
    times = asyncio.run(measure(course, lesson, args.runs, args.history))

    print(f"longest lesson: {lesson.id} ({lesson.words:,} words, {len(lesson.sections)} pages)")
    print(f"headless {SIZE[0]}×{SIZE[1]}, {args.runs} runs each (alternating), {args.history:,} earlier answers, "
          "milliseconds\n")
    print(f"{'what':<50} {'median':>8} {'min':>8} {'max':>8}")
    for name, values in times.items():
        print(f"{name:<50} {statistics.median(values):>8.1f} {min(values):>8.1f} {max(values):>8.1f}")
    opened = statistics.median(times["lesson screen: open, text on screen"])
    settled = statistics.median(times["lesson screen: open, settled"])
    reference = statistics.median(times["reference: page 1, text on screen"])
    whole = statistics.median(times["reference: whole lesson, text on screen"])
    verdict = "✓" if opened <= TARGET_MS else "✗"
    print(
        f"\nopen → text painted {opened:.0f} ms, screen settled {settled:.0f} ms (target ≤ {TARGET_MS:.0f}) {verdict}"
    )
    print(f"ratio to the same page as a bare Static(Markdown): {opened / reference:.2f}×; "
          f"to the whole lesson in one Static: {opened / whole:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
