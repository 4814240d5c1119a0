"""``python -m course`` runs the ``listen`` command."""

from .start import main

main()
