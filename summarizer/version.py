"""The package version, kept apart so that every layer may name it in signatures."""

__version__ = "0.1.0"
