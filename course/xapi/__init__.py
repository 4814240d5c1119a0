"""Learning records for a Learning Record Store: xAPI 1.0.3 statements, the outbox, sync.

What the app needs at start-up is here: the statement maker the progress store
queues statements with, and the config. Talking to an LRS (``client``,
``sync``, ``fetch``) pulls in the HTTP library, so those are imported by
their own module path, only by the commands that go online.
"""

from __future__ import annotations

from .config import (
    CONFIG_FILE,
    DEFAULT_HOME_PAGE,
    ConfigError,
    LrsSettings,
    XapiConfig,
    load_config,
    lrs_settings,
    save_config,
    set_home_page,
)
from .statements import Statements, build_statement, statement_maker

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_HOME_PAGE",
    "ConfigError",
    "LrsSettings",
    "XapiConfig",
    "load_config",
    "lrs_settings",
    "save_config",
    "set_home_page",
    "Statements",
    "build_statement",
    "statement_maker",
]
