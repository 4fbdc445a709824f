"""`despin lexicon check|stats`: validate and describe the lexicon data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from despin.errors import DespinError
from despin.lexicon import default_files, load_files, stats, validate

app = typer.Typer(help="Validate and describe lexicon files.", no_args_is_help=True)

FilesArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Lexicon files (default: the bundled lexicon)."),
]


@app.command("check")
def check_command(files: FilesArg = None) -> None:
    """Report malformed rows, non-canonical or unsorted rows, duplicates, chains and cycles."""
    paths = files or default_files()
    try:
        problems = validate(paths)
    except DespinError as err:
        print(f"despin: error: {err}", file=sys.stderr)
        raise typer.Exit(2) from None
    for p in problems:
        print(p)
    errors = sum(1 for p in problems if p.severity == "error")
    print(f"{len(paths)} files, {errors} errors", file=sys.stderr)
    raise typer.Exit(1 if errors else 0)


@app.command("stats")
def stats_command(files: FilesArg = None) -> None:
    """Count entries per source, kind and ambiguity."""
    paths = files or default_files()
    try:
        entries, _ = load_files(paths)
    except DespinError as err:
        print(f"despin: error: {err}", file=sys.stderr)
        raise typer.Exit(2) from None
    print(f"{len(entries)} entries in {len(paths)} files")
    for group, counts in stats(entries).items():
        print(f"{group}:")
        for name, n in counts.most_common():
            print(f"  {name:<40} {n:>7}")
    if not files:  # the bundled lexicon comes with the signals' data
        from despin.nearmiss import signal_stats

        print("near-miss and spun-term signals (no entry per spun form):")
        for what, n in signal_stats().items():
            print(f"  {what:<40} {n:>7}")
