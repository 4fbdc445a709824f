"""`despin fix`: restore spun text in place, to stdout, or as a diff.

Exit codes: with --diff, 1 when something would change and 0 when nothing would; when
writing (files or stdin -> stdout), 0 once every file is written. 2 on any input or write
error, reported as one line on stderr; a file that cannot be written is left untouched.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, NamedTuple

import typer

from despin import diff as diffs
from despin.config import is_excluded, load_config
from despin.document import STDIN, Document, expand_paths
from despin.engine import Engine, check_paths, default_jobs, options_from
from despin.errors import DespinError
from despin.model import Report
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
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for many files (default: all cores).")] = default_jobs(),
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
    chosen = [p for p in expand_paths(paths) if p == STDIN or not is_excluded(p, cfg)]
    files = [p for p in chosen if p != STDIN]
    # Files are analysed and their edits planned in workers; only the diff or the restored
    # bytes come back, and every write is made here, one file at a time. stdin is read here.
    outcome = partial(_planned, min_confidence, unsafe_fixes, diff)
    planned = check_paths(engine, files, jobs, outcome)  # one result per file, in the order of `files`
    for path in chosen:
        try:
            if path == STDIN:
                result = _planned(min_confidence, unsafe_fixes, diff, *engine.check(path), whole=True)
            else:
                result = next(planned)
            if isinstance(result, DespinError):
                raise result
            _deliver(path, result, colour, tally)
        except DespinError as err:
            tally.errors += 1
            _error(str(err))
    if not quiet:
        _summary(tally, diff)
    if tally.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if diff and tally.files else 0)


class _Planned(NamedTuple):
    """What a worker sends back for one file: its diff (with --diff), or its restored bytes
    (None when nothing changes and the bytes are not wanted whole), and the edits made
    (0 when nothing changes) and held back."""

    diff: str | None
    restored: bytes | None
    edits: int
    held: int


def _planned(
    min_confidence: float, unsafe: bool, show_diff: bool, doc: Document, report: Report, *, whole: bool = False
) -> _Planned:
    """Plan and apply one file's edits; `whole` gives back its bytes even when unchanged (stdin)."""
    chosen = plan(report, doc.text, min_confidence, unsafe)
    restored = apply(doc.text, chosen.edits)
    changed = restored != doc.text
    edits = len(chosen.edits) if changed else 0
    if show_diff:
        return _Planned(diffs.unified(doc.path, doc.text, chosen.edits, bom=doc.bom), None, edits, len(chosen.held))
    return _Planned(None, doc.encode(restored) if changed or whole else None, edits, len(chosen.held))


def _deliver(path: str, result: _Planned, colour: bool, tally: _Tally) -> None:
    if result.diff is not None:
        diffs.write(result.diff, colour=colour)
    elif path == STDIN:
        sys.stdout.buffer.write(result.restored or b"")
        sys.stdout.buffer.flush()
    elif result.restored is not None:
        write_atomic(path, result.restored)
    # counted once done, so a refused write is reported neither as restored nor as held back
    tally.held += result.held
    if result.edits:
        tally.files += 1
        tally.edits += result.edits


def _summary(tally: _Tally, show_diff: bool) -> None:
    verb = "would restore" if show_diff else "restored"
    files = "file" if tally.files == 1 else "files"
    parts = [f"despin: {verb} {tally.edits} span{'s' if tally.edits != 1 else ''} in {tally.files} {files}"]
    if tally.held:
        parts.append(f"{tally.held} unsafe fix{'es' if tally.held != 1 else ''} not applied (use --unsafe-fixes)")
    print("; ".join(parts), file=sys.stderr)


def _error(message: str) -> None:
    print(f"despin: error: {message}", file=sys.stderr)
