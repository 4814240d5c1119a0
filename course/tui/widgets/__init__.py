"""Small widgets and renderables the screens share."""

from .bar import text_bar
from .continue_bar import ContinueBar
from .hints import HintPanel
from .row import ListRow
from .scenario import ScenarioCard
from .title import TitleBar

__all__ = ["text_bar", "ContinueBar", "HintPanel", "ListRow", "ScenarioCard", "TitleBar"]
