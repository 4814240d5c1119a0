"""The learner's progress, kept in one TinyDB file that survives crashes and other windows.

This is the only package that imports TinyDB. Everything else speaks to
``ProgressStore`` and the frozen records it returns.
"""

from __future__ import annotations

from .errors import StoreError, StoreFromNewerVersion, StoreLocked, StoreNotWritable, TextNotSavable
from .events import EVENT_VERBS, LearningEvent, QueuedStatement, StatementMaker
from .migrations import SCHEMA_VERSION
from .progressfile import STORE_FILE
from .promises import PROMISE_STATES, STATE_WORDS, Promise, Settlement
from .records import Attempt, CriterionOutcome, Learner, LessonState, Place
from .store import ProgressStore

__all__ = [
    "STORE_FILE",
    "SCHEMA_VERSION",
    "StoreError",
    "StoreLocked",
    "StoreFromNewerVersion",
    "StoreNotWritable",
    "TextNotSavable",
    "Learner",
    "LessonState",
    "Place",
    "CriterionOutcome",
    "Attempt",
    "Promise",
    "Settlement",
    "PROMISE_STATES",
    "STATE_WORDS",
    "ProgressStore",
    "EVENT_VERBS",
    "LearningEvent",
    "QueuedStatement",
    "StatementMaker",
]
