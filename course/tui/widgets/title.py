"""The one-line title bar at the top of every screen: where the learner is."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

__all__ = ["TitleBar"]


class TitleBar(Widget):
    """The screen's title and subtitle; lighter than Textual's Header, which matters at start-up."""

    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; width: 100%; background: $panel; color: $foreground; padding: 0 1;
               text-align: center; text-style: bold; }
    """

    def on_mount(self) -> None:
        """Follow the screen's title and subtitle as they change."""
        self.watch(self.screen, "title", self.refresh, init=False)
        self.watch(self.screen, "sub_title", self.refresh, init=False)

    def render(self) -> Content:
        """``Title — subtitle``, always literal (titles come from content files)."""
        title, sub_title = self.screen.title or self.app.title, self.screen.sub_title
        return Content(f"{title} — {sub_title}" if sub_title else title)
