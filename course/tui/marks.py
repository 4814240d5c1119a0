"""How a judgment's answer looks on screen: the words that earned credit, those that cost it, and the layout.

``course.judging`` says which stretch of an answer is what (``Span.role``);
this is the one place that says how each looks. Credit is underlined and cost
struck through, so both survive NO_COLOR.
"""

from __future__ import annotations

from rich.text import Text

from course.judging import Role, Shown

__all__ = ["CREDIT_STYLE", "COST_STYLE", "ROLE_STYLES", "shown_text"]

CREDIT_STYLE = "bold underline green"
"""Words that earned credit: underlined, so it survives NO_COLOR."""
COST_STYLE = "strike red"
"""Words that cost credit (blame, jargon...): struck through, so it survives NO_COLOR."""

ROLE_STYLES: dict[Role, str] = {"strong": "bold", "dim": "dim", "credit": CREDIT_STYLE, "cost": COST_STYLE}
"""The look of each role a stretch of a shown answer can have."""


def shown_text(shown: Shown) -> Text:
    """The answer exactly as written (never read as markup), each stretch styled as its role says."""
    text = Text(shown.text)
    for span in shown.spans:
        text.stylize(ROLE_STYLES[span.role], span.start, span.end)
    return text
