"""Today's review on the dashboard: the goal and the streak on one line, then an item a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from course.safe_text import safe_text

if TYPE_CHECKING:  # the review's module loads with the review itself, after the dashboard is on screen
    from course.practice import TodaysReview

__all__ = ["ReviewBox", "review_lines", "SHOWN"]

SHOWN = 3
"""Items listed on the dashboard; more are counted (``listen review-today`` lists them all)."""


def review_lines(review: TodaysReview) -> Text:
    """Each item on one line, numbered, with why it is due (cut to fit); or what to say when there is none."""
    if not review.items:
        from course.practice import nothing_due_words

        return Text(nothing_due_words(review), style="dim")
    out = Text()
    for number, item in enumerate(review.items[:SHOWN], start=1):
        if number > 1:
            out.append("\n")
        out.append(f"{number}. ", style="dim")
        out.append(safe_text(item.title), style="bold")
        if item.why:
            out.append(f" · {safe_text(item.why)}", style="dim")
    hidden = len(review.items) - SHOWN
    if hidden > 0:
        out.append(f"\n   and {hidden} more: listen review-today lists them all", style="dim")
    return out


class ReviewBox(Vertical):
    """Today's review: hidden until the learner has answered something that can come back."""

    DEFAULT_CSS = """
    ReviewBox { height: auto; margin: 0 1; display: none; }
    ReviewBox #review-items { height: auto; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        """The title line with the goal and streak, then the items."""
        yield Static("Today's review", id="review-title", classes="section-title", markup=False)
        yield Static("", id="review-items", markup=False)

    def show(self, review: TodaysReview) -> None:
        """Show this review; a learner with nothing that could come back yet sees no box at all."""
        started = bool(review.items or review.next_due or review.streak.days or review.goal_met)
        self.display = started
        if not started:
            return
        title = Text("Today's review")
        from course.practice import short_status

        title.append(f" · {short_status(review)}", style="not bold dim")
        if any(item.exercise_id for item in review.items):
            title.append(" · r to start", style="not bold dim")
        self.query_one("#review-title", Static).update(title)
        self.query_one("#review-items", Static).update(review_lines(review))
