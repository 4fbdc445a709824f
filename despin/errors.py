"""Errors that end a run with exit code 2 and one line on stderr, never a traceback."""

from __future__ import annotations


class DespinError(Exception):
    """Base of every error the CLI reports as one line and exit code 2."""


class InputError(DespinError):
    """A path that cannot be read as text: missing, a device, binary, invalid UTF-8, too large."""


class LexiconError(DespinError):
    """A lexicon file that cannot be loaded at all (missing, unreadable, not a lexicon)."""
