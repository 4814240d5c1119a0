"""``python -m course`` runs the ``listen`` command."""

from .cli import main

main()
