"""The command line: a thin typer layer that wires commands to the library."""

from __future__ import annotations

import os
import sys

import typer

from despin import __version__
from despin.commands import check as check_cmd
from despin.commands import fix as fix_cmd
from despin.commands import lexicon as lexicon_cmd

app = typer.Typer(
    name="despin",
    help="Find and repair synonym-spun text (tortured phrases).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("check")(check_cmd.check)
app.add_typer(lexicon_cmd.app, name="lexicon")

app.command("fix")(fix_cmd.fix)


def _version(value: bool) -> None:
    if value:
        print(f"despin {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Find and repair synonym-spun text (tortured phrases)."""


def run() -> None:
    """Entry point: anything unexpected is one line on stderr and exit 2 (DESPIN_DEBUG=1 shows it)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("DESPIN_DEBUG"):
            raise
        print(f"despin: internal error: {type(err).__name__}: {err} (set DESPIN_DEBUG=1 for details)", file=sys.stderr)
        sys.exit(2)
