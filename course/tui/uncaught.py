"""The one place listen reaches into Textual's private API: an error no handler caught.

Textual has no public hook for it: ``App._handle_exception`` is where an
uncaught error ends the app with a traceback. ``EndsPlainly`` overrides it
and hands the error to ``ended_by``, a public method the app defines, so the
rest of listen never names Textual's private parts. If a Textual release
renames the method, tests/tui/test_uncaught.py fails before a learner meets
a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[None]
else:
    _AppBase = object

__all__ = ["EndsPlainly", "PRIVATE_HOOK"]

PRIVATE_HOOK = "_handle_exception"
"""The name of Textual's App method that receives an uncaught error."""


class EndsPlainly(_AppBase):
    """An app that may end in its own words when an error reaches Textual uncaught."""

    def ended_by(self, error: Exception) -> bool:
        """Handle ``error`` (return True), or leave it to Textual (False: a traceback, for a fault of listen's)."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        if not self.ended_by(error):
            super()._handle_exception(error)
