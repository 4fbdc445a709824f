"""How much of the Problematic Paper Screener's list despin's own lexicon and signals catch.

Each tortured phrase of the screener's export is embedded in a neutral carrier sentence (with
its AND phrases, which the screener's query requires, in a second sentence) and analysed with
the bundled lexicon and the near-miss signal. A phrase is *detected* at a confidence level when
a finding of at least that confidence covers one of its words, and *restored* when applying
those findings' suggestions to the phrase yields the expected phrase. Each level is also
counted from lexicon entries alone, so the report shows what the near-miss signal adds. The
screener's list is never loaded as a lexicon here: this measures despin's own generated and
curated data.

    python benchmarks/pps_coverage.py [../shared/data/pps/pps_dev.csv] [--show-missed N] [--per-document N]

With `--per-document N`, N phrases share one document, as the tortured phrases of a paper-mill
manuscript do, and each finding is scored with the evidence of the others around it.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from despin.pps import QueryError, clean_expected, parse_query  # noqa: E402
from despin.tokens import phrase_key  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "pps" / "pps_dev.csv"
LEVELS = (0.0, 0.3, 0.5, 0.7)
PREFIX = "In the second part of this report we describe the "
SUFFIX = " and its use in practice."


@dataclass(frozen=True, slots=True)
class Case:
    """One screener row made into a test document."""

    phrase: str  # the tortured phrase as the screener wrote it
    requires: tuple[str, ...]
    originals: tuple[str, ...]

    def document(self) -> tuple[str, int, int]:
        """The carrier text and the span of the phrase in it."""
        start = len(PREFIX)
        text = PREFIX + self.phrase + SUFFIX
        if self.requires:
            text += " The same report also mentions " + ", ".join(self.requires) + "."
        return text, start, start + len(self.phrase)


def read_cases(path: Path) -> tuple[list[Case], int]:
    """Cases from a screener CSV and the number of rows that could not be used."""
    cases: list[Case] = []
    skipped = 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                query = parse_query(row["tortured_phrase"])
            except QueryError:
                skipped += 1
                continue
            originals = clean_expected(row["expected_phrase"])
            if not originals:
                skipped += 1
                continue
            first = row["tortured_phrase"].split('"')
            phrase = first[1] if len(first) > 2 else " ".join(query.phrases[0])
            requires = tuple(" ".join(r) for r in query.requires)
            cases.append(Case(phrase, requires, originals))
    return cases, skipped


def restored(text: str, start: int, end: int, findings, originals: tuple[str, ...]) -> bool:
    """Whether the findings' suggestions turn the phrase into one of the expected originals."""
    pieces, at = [], start
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < at:
            continue
        pieces.append(text[at : f.start])
        pieces.append(f.suggestion)
        at = f.end
    pieces.append(text[at:end])
    fixed = phrase_key("".join(pieces))
    return any(phrase_key(o) == fixed for o in originals)


def from_lexicon(finding) -> bool:
    """Whether a finding comes from a lexicon entry (not from a signal such as the near-miss)."""
    return not finding.match.entry.source.startswith("signal:")


def documents(cases: list[Case], per_document: int = 1) -> Iterator[tuple[str, list[tuple[Case, int, int]]]]:
    """The cases' carrier texts, `per_document` to a document, and where each phrase stands.

    One phrase to a document is the hardest test: a generated fingerprint alone stays weak.
    A paper-mill manuscript holds many, and its findings rise with the evidence around them;
    several phrases to a document show that."""
    for k in range(0, len(cases), per_document):
        parts: list[str] = []
        placed: list[tuple[Case, int, int]] = []
        at = 0
        for case in cases[k : k + per_document]:
            text, start, end = case.document()
            parts.append(text)
            placed.append((case, at + start, at + end))
            at += len(text) + 1  # the space that joins them
        yield " ".join(parts), placed


def evaluate(cases: list[Case], analyze_text, per_document: int = 1) -> dict:
    """Detected and restored counts per confidence level, overall and from lexicon entries alone.

    The lexicon-only counts ignore signal findings, so the difference is what the signals add.
    """
    detected = Counter()
    fixed = Counter()
    lex_detected = Counter()
    lex_fixed = Counter()
    by_kind = Counter()
    missed: list[Case] = []
    restored_cases: set[int] = set()
    for text, placed in documents(cases, per_document):
        findings = analyze_text(text).findings
        for case, start, end in placed:
            inside = [f for f in findings if f.start < end and f.end > start]
            for level in LEVELS:
                hits = [f for f in inside if f.confidence >= level]
                if hits:
                    detected[level] += 1
                    if restored(text, start, end, hits, case.originals):
                        fixed[level] += 1
                        restored_cases.add(id(case))
                lexical = [f for f in hits if from_lexicon(f)]
                if lexical:
                    lex_detected[level] += 1
                    if restored(text, start, end, lexical, case.originals):
                        lex_fixed[level] += 1
            if inside:
                by_kind[":".join(max(inside, key=lambda f: f.confidence).match.entry.source.split(":")[:2])] += 1
            else:
                missed.append(case)
    return {
        "detected": detected, "restored": fixed, "lexicon_detected": lex_detected,
        "lexicon_restored": lex_fixed, "by_source": by_kind, "missed": missed,
        "restored_cases": restored_cases,
    }


def restoration_targets(entries, signals) -> set[tuple[str, ...]]:
    """Every phrase despin can restore to: the originals of the lexicon `entries` and the
    expressions and terms its signals read back into. A screener phrase whose expected phrase
    is none of these cannot be restored, whatever the substitutes; the share that is shows
    the ceiling the data sets."""
    out = {phrase_key(o) for e in entries for o in e.originals}
    for signal in signals:
        out |= set(getattr(signal, "known", ()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--show-missed", type=int, default=0, metavar="N")
    parser.add_argument("--per-document", type=int, default=1, metavar="N",
                        help="phrases laid out in one document (1: each alone, the hardest test)")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv}: no such file", file=sys.stderr)
        return 2

    from despin.compiled import load_matcher
    from despin.detect import analyze
    from despin.engine import default_signals

    started = time.perf_counter()
    matcher = load_matcher()
    signals = default_signals()
    loaded = time.perf_counter() - started
    cases, skipped = read_cases(args.csv)
    t0 = time.perf_counter()
    per_document = max(1, args.per_document)
    result = evaluate(cases, lambda text: analyze(text, "pps.txt", matcher, signals=signals), per_document)
    elapsed = time.perf_counter() - t0

    n = len(cases)
    alone = "each alone in a document" if per_document == 1 else f"{per_document} to a document"
    print(f"PPS coverage: {n} phrases from {args.csv.name} ({skipped} rows unusable), {alone}; "
          f"lexicon loaded in {loaded:.1f} s, analysed in {elapsed:.1f} s")
    print(f"{'confidence >=':>14} {'detected':>10} {'share':>7} {'restored':>10} {'share':>7}"
          f" {'lexicon det':>12} {'lexicon res':>12} {'signals add det/res':>20}")
    for level in LEVELS:
        d, r = result["detected"][level], result["restored"][level]
        ld, lr = result["lexicon_detected"][level], result["lexicon_restored"][level]
        print(f"{level:>14.1f} {d:>10} {d / n:>7.1%} {r:>10} {r / n:>7.1%}"
              f" {ld / n:>12.1%} {lr / n:>12.1%} {f'{(d - ld) / n:.1%} / {(r - lr) / n:.1%}':>20}")
    print("detected by source (strongest finding): " + ", ".join(f"{k} {v}" for k, v in result["by_source"].most_common()))
    targets = restoration_targets(matcher.entries(), signals)  # the lexicon already loaded
    reachable = [c for c in cases if any(phrase_key(o) in targets for o in c.originals)]
    within = sum(1 for c in reachable if id(c) in result["restored_cases"])
    print(f"restorable: {len(reachable)} phrases ({len(reachable) / n:.1%}) expect a phrase despin can restore to "
          f"(an original of its lexicon, a term or expression of its signals); {within} of them "
          f"({within / max(len(reachable), 1):.1%}) restored at any confidence")
    print("targets: 40% detected, 25% restored (at confidence >= 0.0)")
    if args.show_missed:
        random.seed(0)
        for case in random.sample(result["missed"], min(args.show_missed, len(result["missed"]))):
            print(f"  missed: {case.phrase!r} -> {case.originals[0]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
