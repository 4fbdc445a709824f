"""The engine: one loaded lexicon, applied to documents, serially or on several cores.

Commands build an Engine from their options and hand it documents; the engine knows how
to turn a Document into a Report (prose view, matching, scoring). Loading the lexicon is
the costly step, so each worker process loads it once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from despin.baseline import load_baseline
from despin.compiled import load_matcher, load_signals
from despin.config import Config
from despin.detect import Signal, analyze
from despin.document import Document, read_document
from despin.errors import DespinError
from despin.grammar import article_breaks
from despin.matcher import Matcher
from despin.model import Report
from despin.scoring import SPUN_THRESHOLD, Thresholds
from despin.suppress import match_filter

PARALLEL_MIN_BYTES = 256 * 1024  # below this much text, starting workers costs more than it saves
CHUNK_FILES = 8  # files handed to a worker at a time, at most
GC_YOUNG = 70_000  # allocations between young-generation collections during a run


@dataclass(frozen=True, slots=True)
class Options:
    """What a run needs to know to analyze documents the same way in every worker."""

    thresholds: Thresholds = Thresholds()
    lexicons: tuple[Path, ...] = ()
    use_default: bool = True
    markup: bool = True
    ignore: frozenset[str] = field(default_factory=frozenset)
    baseline: Path | None = None


def options_from(
    cfg: Config, threshold: float | None, lexicons: Sequence[Path], no_default: bool, baseline: Path | None
) -> Options:
    """Options from the command line over the configuration file over built-in defaults."""
    spun = threshold if threshold is not None else cfg.threshold if cfg.threshold is not None else SPUN_THRESHOLD
    return Options(
        thresholds=Thresholds(spun=spun),
        lexicons=(*cfg.lexicons, *lexicons),
        use_default=cfg.default_lexicon and not no_default,
        ignore=frozenset(cfg.ignore),
        baseline=baseline,
    )


def default_signals() -> tuple[Signal, ...]:
    """Signals that need no entry: article breaks, near misses of established expressions,
    and technical terms spun word by word (the last two read the bundled signal data)."""
    bundled = load_signals()
    return (article_breaks, bundled.nearmiss, bundled.tablespin)


class Engine:
    """A lexicon loaded once and the options to apply it with."""

    def __init__(self, options: Options, matcher: Matcher | None = None) -> None:
        self.options = options
        self.matcher = matcher or load_matcher(list(options.lexicons), options.use_default)
        self.baseline = load_baseline(options.baseline) if options.baseline else None
        self.signals = default_signals() if options.use_default else (article_breaks,)
        # The lexicon is a few hundred thousand long-lived dicts and tuples; left in the
        # collected generations, every full collection during a run would walk them all
        # again (a third of the time on a 10 MB text). They live as long as the process.
        gc.freeze()
        # A run makes millions of short-lived tokens, matches and findings, none in a cycle,
        # so refcounting frees them; a young-generation collection every 700 of them only
        # walks survivors that will die anyway (5% of a run). Collect 100 times less often.
        young, *older = gc.get_threshold()
        gc.set_threshold(max(young, GC_YOUNG), *older)

    def analyze(self, doc: Document) -> Report:
        view = None
        if self.options.markup:
            from despin.markup import prose_view

            view = prose_view(doc.text, doc.path)
        keep = None
        if self.options.ignore or self.baseline is not None or may_suppress(doc.text):
            keep = match_filter(doc.text, doc.path, self.options.ignore, self.baseline)
        return analyze(
            doc.text,
            doc.path,
            self.matcher,
            view=view,
            signals=self.signals,
            thresholds=self.options.thresholds,
            keep=keep,
        )

    def check(self, path: str) -> tuple[Document, Report]:
        doc = read_document(path)
        return doc, self.analyze(doc)


def may_suppress(text: str) -> bool:
    """Whether the text may hold an inline suppression (see suppress.py): every directive
    names `despin:` and every `[sic]` opens with a bracket, so a text with neither keeps
    all its matches and need not have its lines indexed and each match tested."""
    if any(c in text for c in _FOLDED_AWAY):
        # Read those letters as the patterns do, rather than sending every match of a text
        # that merely holds one (a Turkish name, say) through the filter.
        text = text.translate(_FOLDS)
    lowered = text.lower()
    return "despin:" in lowered or "[sic" in lowered or "(sic" in lowered


# The letters suppress.py's case-insensitive patterns also read as an ASCII one: long s as
# "s", dotted capital I and dotless i as "i" (no other character matches a letter of them).
_FOLDS = str.maketrans({"\u017f": "s", "\u0130": "i", "\u0131": "i"})
_FOLDED_AWAY = "".join(map(chr, _FOLDS))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_worker: Engine | None = None


def _init_worker(options: Options) -> None:
    global _worker
    if _worker is None or _worker.options != options:  # a forked worker has the parent's already
        _worker = Engine(options)


Outcome = Callable[[Document, Report], Any]  # what a run keeps of a file, made where its Report is made


def _outcome_of(engine: Engine, outcome: Outcome | None, path: str) -> Any:
    try:
        doc, report = engine.check(path)
    except DespinError as err:
        return err
    return report if outcome is None else outcome(doc, report)


def _check_in_worker(outcome: Outcome | None, path: str) -> Any:
    assert _worker is not None
    return _outcome_of(_worker, outcome, path)


def check_paths(engine: Engine, paths: Sequence[str], jobs: int, outcome: Outcome | None = None) -> Iterator[Any]:
    """For each path in the order given, its Report (or `outcome(document, report)`) or the
    input error.

    `outcome` runs in the worker that made the report: a command that prints a line per
    file passes its renderer, so only the rendered text crosses back to this process.
    Unpickling every finding of every report in the parent would otherwise cost it more
    than a worker spends analysing a file.
    """
    size = sum(_size(p) for p in paths)
    if jobs <= 1 or len(paths) < 2 or size < PARALLEL_MIN_BYTES:
        for p in paths:
            yield _outcome_of(engine, outcome, p)
        return
    # Small chunks: a worker left with the last big chunk keeps the others waiting, while a
    # chunk's round trip (a few paths out, their rendered text back) costs well under a file.
    chunk = max(1, min(CHUNK_FILES, len(paths) // (jobs * 8)))
    from concurrent.futures import ProcessPoolExecutor  # only when a run has many files

    global _worker
    _worker = engine  # where workers are forked they inherit the loaded lexicon instead of loading it again
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(engine.options,)) as pool:
        yield from pool.map(partial(_check_in_worker, outcome), paths, chunksize=chunk)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
