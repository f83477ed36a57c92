"""VORI: voice to insight and action."""

__version__ = "0.1.0"
