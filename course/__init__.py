"""listen: a terminal course that teaches customer-service staff to listen well."""

__all__ = ["__version__"]

__version__ = "0.1.0"
