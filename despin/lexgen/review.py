"""Review of lexicon entries that fire on honest text: the decisions, and applying them.

The benchmarks' honest corpus is split into a `tune` and a `report` half. `python
benchmarks/review_honest.py` runs despin over the tune half and records, in
`lexicons/review/honest.tsv`, every entry that fired there at confidence 0.5 or more, with
the action taken. The policy (`decide`):

- a generated row is a guess (a thesaurus variant that *might* be spinner output); honest
  writers using it, and strongly enough to reach 0.5, shows it is ordinary English: it is
  **removed**, and `write_tsv` keeps it out when the generators run again;
- a hand-written unambiguous row is kept but **marked ambiguous**: someone saw it in spun
  text, honest text uses it too, so it now counts only where other evidence gathers;
- a hand-written row already ambiguous is **reweighted**: its prior weight is halved.

The report half is never reviewed, so the false-alarm figures measured on it stay honest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REVIEW_FILE = Path(__file__).resolve().parent.parent.parent / "lexicons" / "review" / "honest.tsv"
HEADER = "# spun\tfile\taction\thits\tmax_confidence\tsource"
ACTIONS = ("removed", "ambiguous", "reweighted")


@dataclass(frozen=True, slots=True)
class Decision:
    """What the review did to one entry, and the evidence for it."""

    spun: str
    file: str  # the lexicon file, relative to lexicons/
    action: str
    hits: int
    max_confidence: float
    source: str

    def line(self) -> str:
        return f"{self.spun}\t{self.file}\t{self.action}\t{self.hits}\t{self.max_confidence:.2f}\t{self.source}"


def decide(source: str, ambiguous: bool) -> str:
    """The action for an entry that fired on honest text (see the module docstring)."""
    if source.startswith("gen:"):
        return "removed"
    return "reweighted" if ambiguous else "ambiguous"


def read_decisions(path: Path = REVIEW_FILE) -> dict[tuple[str, str], Decision]:
    """(file, spun) -> Decision; empty when there is no review file."""
    if not path.is_file():
        return {}
    out = {}
    for ln in path.read_text(encoding="utf-8").splitlines():
        if not ln or ln.startswith("#"):
            continue
        spun, file, action, hits, conf, source = ln.split("\t")
        out[(file, spun)] = Decision(spun, file, action, int(hits), float(conf), source)
    return out


def write_decisions(decisions: Iterable[Decision], path: Path = REVIEW_FILE) -> None:
    rows = sorted(decisions, key=lambda d: (d.file, d.spun))
    title = "# Lexicon entries that fired on honest text (benchmark corpus, tune half), and what was done."
    how = "# Written by `python benchmarks/review_honest.py`; policy in despin/lexgen/review.py."
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([title, how, HEADER, *(d.line() for d in rows)]) + "\n", encoding="utf-8")


def removed_forms(file: str, path: Path | None = None) -> set[str]:
    """Spun forms the review removed from one generated file (`generated/swaps.tsv`, ...)."""
    decisions = read_decisions(path or REVIEW_FILE)
    return {d.spun for (f, _), d in decisions.items() if f == file and d.action == "removed"}


def apply_to_lines(lines: list[str], decisions: dict[str, Decision]) -> list[str]:
    """A lexicon file's lines with the decisions (spun -> Decision) applied; comments, order
    and every other row are left as they were."""
    out = []
    for ln in lines:
        cols = ln.split("\t")
        decision = decisions.get(cols[0]) if len(cols) == 6 and not ln.startswith("#") else None
        if decision is None:
            out.append(ln)
        elif decision.action == "ambiguous":
            flags = {f for f in cols[4].split(",") if f and f != "-"} | {"ambiguous"}
            source = cols[5] if "reviewed" in cols[5] else f"{cols[5]};reviewed:honest"
            out.append("\t".join([*cols[:4], ",".join(sorted(flags)), source]))
        elif decision.action == "reweighted" and "reviewed" not in cols[5]:
            weight = max(0.01, round(float(cols[3]) / 2, 2))
            out.append("\t".join([*cols[:3], f"{weight:.2f}", cols[4], f"{cols[5]};reviewed:honest"]))
        elif decision.action != "removed":
            out.append(ln)
    return out
