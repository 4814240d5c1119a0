"""The one-line title bar at the top of every screen: where the learner is."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

__all__ = ["TitleBar"]


class TitleBar(Static):
    """Shows the screen's title and subtitle; lighter than Textual's Header, which the dashboard paints at start-up."""

    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; width: 100%; background: $panel; color: $foreground; padding: 0 1;
               text-align: center; text-style: bold; }
    """

    def on_mount(self) -> None:
        """Follow the screen's title and subtitle as they change."""
        self.watch(self.screen, "title", self._show, init=False)
        self.watch(self.screen, "sub_title", self._show)

    def _show(self, _value: object = None) -> None:
        title, sub_title = self.screen.title or self.app.title, self.screen.sub_title
        self.update(Content(f"{title} — {sub_title}" if sub_title else title))
