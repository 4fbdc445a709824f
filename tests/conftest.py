"""Shared fixtures: the bundled lexicon compiled once per test session, and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from despin.compiled import load_matcher
from despin.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPUN_SEED = SEEDS / "000_eb2f60c8d5c24a6d.txt"
REFERENCE_SEED = SEEDS / "000_eb2f60c8d5c24a6d.original.txt"
HONEST_SEEDS = sorted(p for p in SEEDS.glob("00[1-9]_*.txt"))


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return load_matcher(use_cache=False)


@pytest.fixture(scope="session")
def signals():
    """The signals the engine runs besides the lexicon: article breaks, near misses, spun terms."""
    from despin.engine import default_signals

    return default_signals()
