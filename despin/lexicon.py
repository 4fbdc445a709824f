"""The lexicon: reading, validating and describing the TSV files under `lexicons/`.

The lexicon is data, not code. This module turns rows into `Entry` values and checks the
data the way codespell checks its dictionary: malformed rows, non-canonical spellings,
duplicates, conflicting originals, chains and cycles. Matching lives in `matcher.py`.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from despin.errors import LexiconError
from despin.model import Entry, Kind
from despin.tokens import normalize, phrase_key

COLUMNS = ("spun", "original", "kind", "weight", "flags", "source")
FLAGS = frozenset({"ambiguous", "cycle"})
ROW_KINDS = {k.value: k for k in (Kind.PHRASE, Kind.NAME, Kind.SCIENCE, Kind.SWAP)}
_REPO_LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


def default_dir() -> Path:
    """Where the bundled lexicon lives: $DESPIN_LEXICONS, the source tree, or the installed copy."""
    env = os.environ.get("DESPIN_LEXICONS")
    if env:
        return Path(env)
    if _REPO_LEXICONS.is_dir():
        return _REPO_LEXICONS
    return Path(__file__).resolve().parent / "lexicons"


def default_files(directory: Path | None = None) -> list[Path]:
    """The bundled TSV files: `lexicons/*.tsv` and `lexicons/generated/*.tsv`, sorted."""
    d = directory or default_dir()
    return sorted(d.glob("*.tsv")) + sorted((d / "generated").glob("*.tsv"))


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the lexicon data, located at `file:line`."""

    origin: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Row:
    """A raw row as written, before it becomes an Entry: what the validator inspects."""

    spun: str
    original: str
    kind: str
    weight: str
    flags: str
    source: str
    origin: str


def read_rows(path: Path) -> Iterator[Row | Problem]:
    """Rows of one TSV lexicon file; malformed lines come back as Problems, not exceptions."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{path}: cannot read lexicon: {err.strerror or err}") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                line = line.rstrip("\n").rstrip("\r")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                origin = f"{path}:{number}"
                cells = line.split("\t")
                if len(cells) != len(COLUMNS):
                    yield Problem(origin, f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}")
                    continue
                yield Row(*cells, origin=origin)
        except UnicodeDecodeError:
            raise LexiconError(f"{path}: lexicon is not valid UTF-8") from None


def parse_row(row: Row) -> Entry | Problem:
    """Turn a row into an Entry, or say why it cannot be one."""
    kind = ROW_KINDS.get(row.kind)
    if kind is None:
        return Problem(row.origin, f"unknown kind {row.kind!r} (one of {', '.join(ROW_KINDS)})")
    try:
        weight = float(row.weight)
    except ValueError:
        return Problem(row.origin, f"weight {row.weight!r} is not a number")
    if not 0.0 < weight <= 1.0:
        return Problem(row.origin, f"weight {weight} is outside (0, 1]")
    flags = set() if row.flags == "-" else set(row.flags.split(","))
    if flags - FLAGS:
        return Problem(row.origin, f"unknown flags {sorted(flags - FLAGS)}")
    spun = phrase_key(row.spun)
    originals = tuple(o.strip() for o in row.original.split("|") if o.strip())
    if not spun or not originals:
        return Problem(row.origin, "empty spun or original column")
    if not row.source.strip():
        return Problem(row.origin, "empty source column")
    return Entry(
        spun=spun,
        originals=originals,
        kind=kind,
        weight=weight,
        ambiguous="ambiguous" in flags,
        cycle="cycle" in flags,
        source=row.source,
        origin=row.origin,
    )


def load_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of one lexicon file: despin TSV, or a Problematic Paper Screener CSV export."""
    if path.suffix.lower() == ".csv":
        from despin.pps import load_pps  # imported only when a CSV is given

        entries, warnings = load_pps(path)
        return list(entries), [Problem(str(path), w, "warning") for w in warnings]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for item in read_rows(path):
        parsed = parse_row(item) if isinstance(item, Row) else item
        (problems if isinstance(parsed, Problem) else entries).append(parsed)
    return entries, problems


def load_files(paths: Iterable[Path]) -> tuple[list[Entry], list[Problem]]:
    """Entries of many files; a later file's entry for the same spun form replaces an earlier one."""
    by_key: dict[tuple[str, ...], Entry] = {}
    problems: list[Problem] = []
    for path in paths:
        if not Path(path).is_file():
            raise LexiconError(f"{path}: no such lexicon file")
        entries, probs = load_file(Path(path))
        problems.extend(probs)
        for e in entries:
            by_key[e.spun] = e
    return list(by_key.values()), problems


# --- validation -------------------------------------------------------------------------


def canonical(spun: str) -> str:
    """The canonical spelling of a spun column: lower case, straight apostrophes, single spaces."""
    return " ".join(normalize(spun).split())


def validate(paths: Iterable[Path]) -> list[Problem]:
    """Every problem in the given lexicon files (empty list: the data is clean)."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    first_seen: dict[tuple[str, ...], str] = {}
    for path in paths:
        previous = ""
        for item in read_rows(Path(path)):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            if item.spun != canonical(item.spun):
                problems.append(Problem(item.origin, f"spun form {item.spun!r} is not canonical ({canonical(item.spun)!r})"))
            if item.spun < previous:
                problems.append(Problem(item.origin, f"rows not sorted: {item.spun!r} after {previous!r}"))
            previous = max(previous, item.spun)
            parsed = parse_row(item)
            if isinstance(parsed, Problem):
                problems.append(parsed)
                continue
            if parsed.spun in first_seen:
                problems.append(Problem(item.origin, f"duplicate spun form {item.spun!r} (first at {first_seen[parsed.spun]}); merge the candidates into one row"))
                continue
            first_seen[parsed.spun] = item.origin
            if any(phrase_key(o) == parsed.spun for o in parsed.originals):
                problems.append(Problem(item.origin, f"original equals the spun form {item.spun!r}"))
            entries.append(parsed)
    problems.extend(_graph_problems(entries))
    return problems


def _graph_problems(entries: list[Entry]) -> list[Problem]:
    """Chains and cycles: an original that is itself a spun form of another entry."""
    by_spun = {e.spun: e for e in entries}
    problems: list[Problem] = []
    for e in entries:
        for original in e.originals[:1]:
            other = by_spun.get(phrase_key(original))
            if other is None:
                continue
            back = any(phrase_key(o) == e.spun for o in other.originals[:1])
            flagged = e.cycle and other.cycle
            if back and not flagged:
                problems.append(Problem(e.origin, f"cycle {e.spun_text!r} -> {original!r} -> {e.spun_text!r} (with {other.origin}); flag both rows 'cycle' if deliberate"))
            elif not back and not other.ambiguous:
                problems.append(Problem(e.origin, f"chain {e.spun_text!r} -> {original!r} -> {other.original!r} ({other.origin}): fixing would not be idempotent"))
    return problems


def stats(entries: Iterable[Entry]) -> dict[str, Counter[str]]:
    """Counts of entries per source family, per kind and per ambiguity, for `lexicon stats`."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entries:
        family = ":".join(e.source.split(":")[:2])
        out["source"][family] += 1
        out["kind"][e.kind.value] += 1
        out["ambiguous"]["ambiguous" if e.ambiguous else "unambiguous"] += 1
        out["words"][f"{len(e.spun)}-token" if len(e.spun) < 4 else "4+-token"] += 1
    return out
