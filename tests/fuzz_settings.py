"""How hard the fuzz tests push: a short run by default, a long one with ``pytest --full``."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

SHORT = 60
"""Inputs per fuzz test in an ordinary run."""

LONG = 2000
"""Inputs per fuzz test with ``--full``."""

settings.register_profile("fuzz-short", max_examples=SHORT, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz-long", max_examples=LONG, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FUZZ_PROFILE = "fuzz-short"
"""The profile in use; the project's conftest switches it to ``fuzz-long`` under ``--full``."""


def fuzz() -> settings:
    """The settings for one fuzz test."""
    return settings.get_profile(FUZZ_PROFILE)
