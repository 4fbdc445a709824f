"""`python -m despin.lexgen [--only NAME]`: regenerate the generated lexicon files.

Generators run in the order listed: a later one defers to (skips the spun forms of) the files
written before it, so the most specific sources come first.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from importlib import import_module

from despin.lexgen.common import log

# name -> "module:function"; each function writes its own file(s) under lexicons/. Order
# matters: a generator defers to the files written before it (see module docstring).
GENERATORS: dict[str, str] = {
    "terms": "despin.lexgen.terms:generate",
    "science": "despin.lexgen.science:generate",
    "collocations": "despin.lexgen.collocations:generate",
    "papermill": "despin.lexgen.papermill:generate",
    "signals": "despin.lexgen.signals:generate",
    "spinner": "despin.lexgen.spinner:generate",
    "swaps": "despin.lexgen.swaps:generate",
    "names": "despin.lexgen.names:generate",
    "pairs": "despin.lexgen.pairs:generate",
}


def _load(spec: str) -> Callable[[], object]:
    module, _, func = spec.partition(":")
    return getattr(import_module(module), func)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m despin.lexgen", description=__doc__)
    parser.add_argument("--only", action="append", choices=sorted(GENERATORS), help="run only this generator (repeatable)")
    args = parser.parse_args(argv)
    for name, spec in GENERATORS.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        _load(spec)()
        log(f"{name}: done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
