"""The learner's own skill profile: the five skills as bars, and their recent scores as a sparkline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from course.content.model import SKILLS
from course.trainer.profile import SKILL_NAMES, SkillProfile

from .bar import text_bar

if TYPE_CHECKING:
    from rich.console import Group

__all__ = ["SkillProfilePanel", "skill_lines"]

NAME_WIDTH = max(len(name) for name in SKILL_NAMES.values())


def skill_lines(profile: SkillProfile, width: int = 16) -> Text:
    """One line per skill: its name, a bar and the share of its criteria met (or "not practised yet")."""
    lines = Text()
    for number, skill in enumerate(SKILLS):
        if number:
            lines.append("\n")
        lines.append(SKILL_NAMES[skill].ljust(NAME_WIDTH + 2))
        share = profile.share(skill)
        if share is None:
            lines.append("not practised yet", style="dim")
        else:
            lines.append_text(text_bar(share, width))
    return lines


class SkillProfilePanel(Vertical):
    """Bars for the five skills and a sparkline of recent scores; give it a profile with ``show``."""

    DEFAULT_CSS = """
    SkillProfilePanel { height: auto; padding: 0 1; }
    SkillProfilePanel .skill-profile-title { text-style: bold; }
    SkillProfilePanel #skill-bars { height: 5; }
    SkillProfilePanel #score-trend { height: 2; margin-top: 1; }
    SkillProfilePanel #trend-caption { color: $text-muted; }
    """

    def __init__(self, profile: SkillProfile | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.profile = profile or SkillProfile()
        """What the panel shows."""

    def compose(self) -> ComposeResult:
        """Title, the bars, the trend and its caption."""
        yield Static("Your skills", classes="skill-profile-title")
        yield Static(skill_lines(self.profile), id="skill-bars", markup=False)
        yield Sparkline(list(self.profile.trend), id="score-trend")
        yield Static(self._caption(), id="trend-caption", markup=False)

    def _caption(self) -> str:
        trend = self.profile.trend
        if not trend:
            return "Your scores will show here once you answer an exercise."
        if len(trend) == 1:
            return f"Your first score: {trend[0]:.0%}."
        return f"Your last {len(trend)} scores, oldest first: from {trend[0]:.0%} to {trend[-1]:.0%}."

    def show(self, profile: SkillProfile) -> None:
        """Show a new profile (after an answer, say)."""
        self.profile = profile
        if not self.is_mounted:
            return
        self.query_one("#skill-bars", Static).update(skill_lines(profile))
        self.query_one("#score-trend", Sparkline).data = list(profile.trend)
        self.query_one("#trend-caption", Static).update(self._caption())


SPARKS = "▁▂▃▄▅▆▇█"


def trend_line(trend: list[float] | tuple[float, ...]) -> str:
    """Scores as a line of block characters, lowest ▁ to highest █."""
    return "".join(SPARKS[min(len(SPARKS) - 1, max(0, round(score * (len(SPARKS) - 1))))] for score in trend)


def profile_view(profile: SkillProfile) -> Group:
    """The whole profile as one Rich renderable: the bars, the trend and its caption (for a dialog)."""
    from rich.console import Group

    trend = list(profile.trend)
    caption = SkillProfilePanel(profile)._caption()
    parts: list[Text] = [skill_lines(profile), Text("")]
    if trend:
        parts.append(Text.assemble(("Score trend  ", "bold"), trend_line(trend)))
    parts.append(Text(caption, style="dim"))
    return Group(*parts)
