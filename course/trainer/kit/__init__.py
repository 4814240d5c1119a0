"""A trainer's kit from the course itself: printable role-play cards, observer sheets and a self-assessment.

For every exercise answered in the learner's own words, a customer's card
and an agent's card; for every module, an observer's sheet of what the
course judges; and the learner's self-assessment on the five skills. Each
page is self-contained HTML (inline CSS, no scripts, nothing fetched) and
plain text. Nothing here draws on a terminal.
"""

from .build import TrainerKit, build_kit
from .cards import RolePlayCard
from .folder import FILE_MODE, kit_pages, write_kit

__all__ = ["TrainerKit", "RolePlayCard", "build_kit", "kit_pages", "write_kit", "FILE_MODE"]
