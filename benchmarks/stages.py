"""Where `despin check`'s time goes: CPU time per stage of the analysis, in one process.

cProfile charges every Python call and so inflates the stages made of many small calls (the
signals, word-pair context) against those done in C (tokenizing); this wraps only the stages
themselves with a CPU timer, so the shares are what a normal run spends.

    python benchmarks/stages.py [FILE ...]     # default: the speed corpus the benchmark built

Stages nest: "scanning passages" holds tokenizing, the matcher, the signals and word-pair
context; "analysis" holds scanning and the scoring of findings.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_FILES = ROOT / "benchmarks" / ".cache" / "speed" / "files"


def timed(totals: dict[str, float], label: str, func: Callable) -> Callable:
    """`func`, adding its CPU time to `totals[label]` at every call."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - started

    return wrapper


def stage_times(paths: list[Path]) -> tuple[float, dict[str, float]]:
    """Total CPU time of analysing `paths` with the bundled lexicon, and each stage's share of it."""
    from despin import detect, engine
    from despin.document import read_document
    from despin.engine import Engine, Options
    from despin.matcher import Matcher

    totals: dict[str, float] = {}
    checker = Engine(Options())
    patched: list[tuple[object, str, object]] = []

    def patch(owner: object, name: str, label: str) -> None:
        patched.append((owner, name, getattr(owner, name)))
        setattr(owner, name, timed(totals, label, getattr(owner, name)))

    patch(Matcher, "find", "matcher")
    for signal, label in zip(checker.signals[1:], ("near-miss signal", "spun-term signal")):
        patch(type(signal), "find", label)
    for name, label in (("_scan", "scanning passages"), ("_batch_tokens", "tokenizing"), ("_pair_fits", "word-pair context")):
        patch(detect, name, label)
    patch(engine, "analyze", "analysis")  # the engine's own reference to detect.analyze
    try:
        started = time.process_time()
        for path in paths:
            checker.analyze(read_document(str(path)))
        total = time.process_time() - started
    finally:
        for owner, name, original in reversed(patched):
            setattr(owner, name, original)
    return total, totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.files or sorted(DEFAULT_FILES.glob("*.txt"))
    if not paths:
        print(f"no files given and none in {DEFAULT_FILES} (run benchmarks/run.py once)", file=sys.stderr)
        return 2
    total, stages = stage_times(paths)
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} files, {size:.1f} MB: {total:.2f} s CPU")
    for label, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {label:20} {seconds:6.2f} s {seconds / total:6.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
