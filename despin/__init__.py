"""despin: find and repair synonym-spun text (tortured phrases)."""

__version__ = "0.1.0"
