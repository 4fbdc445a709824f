"""The lexicon compiled for matching, cached on disk so start-up stays fast.

Parsing tens of thousands of rows and asking wordfreq for every word costs more than a
whole `despin check` of a page, so the compiled matcher (entries with their rarity
already computed) is pickled in the user's cache folder, keyed by the files' paths, sizes
and modification times; so are the near-miss and spun-term signals with their lookup tables
built. A cache that cannot be read or written is simply rebuilt.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from despin import __version__
from despin.lexicon import default_dir, default_files, load_files
from despin.matcher import Matcher
from despin.model import Entry
from despin.morph import phrase_endings
from despin.scoring import entry_rarity

if TYPE_CHECKING:
    from despin.nearmiss import NearMissDetector
    from despin.tablespin import TableSpinDetector

_FORMAT = 11  # bump when the pickled structures, or what is computed into them, change


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "despin"


def _key(paths: list[Path]) -> str:
    h = hashlib.sha256(f"{__version__}:{_FORMAT}".encode())
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def compile_entries(paths: list[Path]) -> Matcher:
    """Load the files, compute each entry's rarity with wordfreq, and build the trie."""
    from wordfreq import zipf_frequency  # slow to import: only when (re)compiling

    entries, _problems = load_files(paths)
    memo: dict[str, float] = {}

    def zipf(word: str) -> float:
        if word not in memo:
            memo[word] = zipf_frequency(word, "en")
        return memo[word]

    def is_word(word: str) -> bool:
        return zipf(word) > 0

    rated = [
        dataclasses.replace(e, rarity=entry_rarity(e, zipf), endings=_endings(e, is_word)) for e in entries
    ]
    return Matcher.build(rated)


def _endings(entry: Entry, is_word: Callable[[str], bool]) -> str | None:
    """The endings the entry's restoration takes (`morph.phrase_endings`)."""
    words = entry.originals[0].split() if entry.originals else []
    if not words or not words[-1].isalpha():
        return None
    return phrase_endings(words, is_word)


KEEP_CACHES = 4  # compiled lexicons kept: a few lexicon sets in use at once, not every old one


def _prune(folder: Path, keep: Path, prefix: str = "lexicon") -> None:
    """Delete all but the most recently used caches of one kind (a new one is written per change)."""
    caches = sorted(folder.glob(f"{prefix}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in caches if p != keep][KEEP_CACHES - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


def _cached(prefix: str, paths: list[Path], kind: type, build: Callable[[], object]):
    """What `build` makes from `paths`, from the cache when a pickle of `kind` is there."""
    target = cache_dir() / f"{prefix}-{_key(paths)}.pickle"
    try:
        with target.open("rb") as fh:
            collecting = gc.isenabled()
            gc.disable()  # the loaded tables hold no cycles: collections during the load are waste
            try:
                found = pickle.load(fh)
            finally:
                if collecting:
                    gc.enable()
        if isinstance(found, kind):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    built = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        _prune(target.parent, keep=target, prefix=prefix)
    except OSError:
        pass  # a read-only home is fine: we just build every time
    return built


def load_matcher(extra: list[Path] | None = None, use_default: bool = True, use_cache: bool = True) -> Matcher:
    """The matcher for the bundled lexicon plus `extra` files (later files override earlier)."""
    paths = (default_files() if use_default else []) + [Path(p) for p in extra or []]
    from despin.errors import LexiconError

    for p in paths:
        if not p.is_file():
            raise LexiconError(f"{p}: no such lexicon file")
    if not use_cache:
        return compile_entries(paths)
    return _cached("lexicon", paths, Matcher, lambda: compile_entries(paths))


class BundledSignals(NamedTuple):
    """The near-miss and spun-term signals over the bundled data. They are pickled together
    so that what they share (terms, known phrases, word frequencies) stays one copy when the
    cache is read back."""

    nearmiss: NearMissDetector
    tablespin: TableSpinDetector


def load_signals(use_cache: bool = True) -> BundledSignals:
    """Both signals over the bundled signal data, their lookup tables built (about a third of
    a cold start when read from the text files)."""
    from despin.nearmiss import NearMissDetector
    from despin.tablespin import TableSpinDetector

    folder = default_dir() / "signals"

    def build() -> BundledSignals:
        nearmiss = NearMissDetector.load(folder)
        return BundledSignals(nearmiss, TableSpinDetector.beside(nearmiss, folder))

    if not use_cache:
        return build()
    return _cached("nearmiss", sorted(folder.glob("*.txt")), BundledSignals, build)
