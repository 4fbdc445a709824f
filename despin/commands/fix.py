"""`despin fix`: restore spun text in place, to stdout, or as a diff.

Exit codes: with --diff, 1 when something would change and 0 when nothing would; when
writing (files or stdin -> stdout), 0 once every file is written. 2 on any input or write
error, reported as one line on stderr; a file that cannot be written is left untouched.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from despin import diff as diffs
from despin.config import is_excluded, load_config
from despin.document import STDIN, expand_paths, read_document
from despin.engine import Engine, options_from
from despin.errors import DespinError
from despin.rewrite import DEFAULT_MIN_CONFIDENCE, apply, plan
from despin.scoring import SPUN_THRESHOLD
from despin.writer import write_atomic


@dataclass
class _Tally:
    files: int = 0
    edits: int = 0
    held: int = 0
    errors: int = 0


def fix(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to restore; '-' reads stdin and writes stdout.", metavar="PATH...")],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing; exit 1 if anything would change.")] = False,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Edit only findings at or above this confidence (lower is bolder).", show_default=str(DEFAULT_MIN_CONFIDENCE))] = None,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply edits that are not safe in their context.")] = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Document spin score from which a document counts as spun.", show_default=str(SPUN_THRESHOLD))] = None,
    lexicon: Annotated[list[Path], typer.Option("--lexicon", "-l", help="Extra lexicon file (despin TSV or screener CSV); repeatable.")] = [],  # noqa: B006
    no_default_lexicon: Annotated[bool, typer.Option("--no-default-lexicon", help="Use only the --lexicon files.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary on stderr.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file (default: nearest .despin.toml or pyproject.toml [tool.despin]).")] = None,
) -> None:
    """Restore the likely original wording of tortured phrases, keeping every other byte."""
    try:
        cfg = load_config(Path.cwd(), config)
        options = options_from(cfg, threshold, lexicon, no_default_lexicon, cfg.baseline)
        if min_confidence is None:
            min_confidence = cfg.min_confidence if cfg.min_confidence is not None else DEFAULT_MIN_CONFIDENCE
        engine = Engine(options)
    except DespinError as err:
        _error(str(err))
        raise typer.Exit(2) from None
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    tally = _Tally()
    for path in (p for p in expand_paths(paths) if p == STDIN or not is_excluded(p, cfg)):
        try:
            _fix_one(engine, path, diff, min_confidence, unsafe_fixes, colour, tally)
        except DespinError as err:
            tally.errors += 1
            _error(str(err))
    if not quiet:
        _summary(tally, diff)
    if tally.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if diff and tally.files else 0)


def _fix_one(engine: Engine, path: str, show_diff: bool, min_confidence: float, unsafe: bool, colour: bool, tally: _Tally) -> None:
    doc = read_document(path)
    report = engine.analyze(doc)
    chosen = plan(report, doc.text, min_confidence, unsafe)
    restored = apply(doc.text, chosen.edits)
    if show_diff:
        diffs.write(diffs.unified(doc.path, doc.text, chosen.edits, bom=doc.bom), colour=colour)
    elif path == STDIN:
        sys.stdout.buffer.write(doc.encode(restored))
        sys.stdout.buffer.flush()
    elif restored != doc.text:
        write_atomic(path, doc.encode(restored))
    # counted once done, so a refused write is reported neither as restored nor as held back
    tally.held += len(chosen.held)
    if restored != doc.text:
        tally.files += 1
        tally.edits += len(chosen.edits)


def _summary(tally: _Tally, show_diff: bool) -> None:
    verb = "would restore" if show_diff else "restored"
    files = "file" if tally.files == 1 else "files"
    parts = [f"despin: {verb} {tally.edits} span{'s' if tally.edits != 1 else ''} in {tally.files} {files}"]
    if tally.held:
        parts.append(f"{tally.held} unsafe fix{'es' if tally.held != 1 else ''} not applied (use --unsafe-fixes)")
    print("; ".join(parts), file=sys.stderr)


def _error(message: str) -> None:
    print(f"despin: error: {message}", file=sys.stderr)
