"""`despin check`: report spinning; exit 0 clean, 1 spinning found (see --fail-on), 2 on errors."""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from despin.baseline import write_baseline as save_baseline
from despin.config import is_excluded, load_config
from despin.document import Document, expand_paths
from despin.engine import Engine, check_paths, default_jobs, options_from
from despin.errors import DespinError
from despin.model import Report, Verdict
from despin.report import SHOWN_MIN_CONFIDENCE, json_body, json_separator, render_json, render_text, summary_line, text_of
from despin.scoring import SPUN_THRESHOLD


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check; '-' reads stdin.", metavar="PATH...")],
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Document spin score from which a document counts as spun.", show_default=str(SPUN_THRESHOLD))] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Show findings at or above this confidence (0 shows every weak one).", show_default=str(SHOWN_MIN_CONFIDENCE))] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only one verdict line per file.")] = False,
    lexicon: Annotated[list[Path], typer.Option("--lexicon", "-l", help="Extra lexicon file (despin TSV or screener CSV); repeatable.")] = [],  # noqa: B006
    no_default_lexicon: Annotated[bool, typer.Option("--no-default-lexicon", help="Use only the --lexicon files.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for many files (default: all cores).")] = default_jobs(),
    fail_on: Annotated[Verdict, typer.Option("--fail-on", help="Lowest verdict that makes the exit code 1.")] = Verdict.SPUN,
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file (default: nearest .despin.toml or pyproject.toml [tool.despin]).")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Do not report the findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="Record all current findings in this file and exit 0.")] = None,
) -> None:
    """Score passages for synonym spinning and list each tortured phrase with its likely original."""
    try:
        cfg = load_config(Path.cwd(), config)
        options = options_from(
            cfg, threshold, lexicon, no_default_lexicon, None if write_baseline else (baseline or cfg.baseline)
        )
        engine = Engine(options)
    except DespinError as err:
        fail(str(err))
    if min_confidence is None:
        min_confidence = cfg.min_confidence if cfg.min_confidence is not None else SHOWN_MIN_CONFIDENCE
    paths = [p for p in expand_paths(paths) if p == "-" or not is_excluded(p, cfg)]
    # Text and JSON are printed as each file is done, so memory does not grow with the run;
    # SARIF and the baseline need every report at the end.
    streaming = write_baseline is None and format in (Format.text, Format.json)
    reports: list[Report] = []
    verdicts: list[Verdict] = []
    errors = 0
    if streaming and format is Format.json:
        sys.stdout.write("[")
    outcome = partial(streamed, format is Format.json, min_confidence, quiet) if streaming else None
    for result in check_paths(engine, paths, jobs, outcome):
        if isinstance(result, DespinError):
            errors += 1
            print(f"despin: error: {result}", file=sys.stderr)
            continue
        if not streaming:
            verdicts.append(result.verdict)
            reports.append(result)
            continue
        verdict, rendered = result
        verdicts.append(verdict)
        if format is Format.json:
            sys.stdout.write(json_separator(first=len(verdicts) == 1) + rendered)
        else:
            print(rendered, flush=True)
    if write_baseline is not None:
        count = save_baseline(reports, write_baseline)
        print(f"despin: recorded {count} findings in {write_baseline}", file=sys.stderr)
        raise typer.Exit(2 if errors else 0)
    if not streaming:
        print(render(reports, format, min_confidence, quiet))
    elif format is Format.json:
        print("\n]" if verdicts else "]")
    elif len(verdicts) > 1:
        print(summary_line(verdicts))
    if errors:
        raise typer.Exit(2)
    failing = {Verdict.SPUN} if fail_on is Verdict.SPUN else {Verdict.SPUN, Verdict.SUSPICIOUS}
    raise typer.Exit(1 if any(v in failing for v in verdicts) else 0)


def streamed(as_json: bool, min_confidence: float, quiet: bool, doc: Document | None, report: Report) -> tuple[Verdict, str]:
    """A report as printed while the run goes on, with its verdict for the exit code.

    Made in the worker that checked the file, so only this text travels back.
    """
    if as_json:
        return report.verdict, json_body(report, min_confidence)
    return report.verdict, text_of(report, min_confidence, quiet)


def render(reports: list[Report], fmt: Format, min_confidence: float, quiet: bool) -> str:
    if fmt is Format.json:
        return render_json(reports, min_confidence)
    if fmt in (Format.sarif, Format.github):
        from despin import ciformats

        render_ci = ciformats.render_sarif if fmt is Format.sarif else ciformats.render_github
        return render_ci(reports, min_confidence)
    return render_text(reports, min_confidence, quiet)


def fail(message: str) -> None:
    print(f"despin: error: {message}", file=sys.stderr)
    raise typer.Exit(2)
