"""The subcommands of ``listen``, grouped by who uses them."""

from __future__ import annotations

import click

from . import about, conversing, learning, promising, reviewing, room, sync, trainer

__all__ = ["register"]

GROUPS = (learning, reviewing, conversing, promising, room, sync, trainer, about)


def register(group: click.Group) -> None:
    """Attach every subcommand to the ``listen`` group."""
    for module in GROUPS:
        for command in module.COMMANDS:
            group.add_command(command)
