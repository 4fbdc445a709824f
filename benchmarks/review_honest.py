"""Review the lexicon against honest text: every entry that fires at confidence 0.5 or more on
the TUNE half of the honest corpus is removed, marked ambiguous or reweighted (policy in
despin/lexgen/review.py), and the decision is recorded in lexicons/review/honest.tsv.

    python benchmarks/review_honest.py           # review and apply
    python benchmarks/review_honest.py --dry-run # only list what fires

The report half is never looked at here: the benchmark's false-alarm figures come from it.
Run it again until it finds nothing new: removing one entry can let another fire.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import ROOT, honest_corpus  # noqa: E402

from despin.engine import Engine, Options  # noqa: E402
from despin.lexgen.review import Decision, apply_to_lines, decide, read_decisions, write_decisions  # noqa: E402
from despin.document import Document  # noqa: E402

LEXICONS = ROOT / "lexicons"
FIRES = 0.5


def firing(docs: list) -> dict[tuple[str, str], Decision]:
    """(file, spun) -> Decision for each lexicon entry firing at FIRES or more in `docs`."""
    engine = Engine(Options())
    hits: dict[tuple[str, str], list[float]] = defaultdict(list)
    entries = {}
    for doc in docs:
        for f in engine.analyze(Document(path="doc.txt", text=doc.text)).findings:
            entry = f.match.entry
            if f.confidence < FIRES or not entry.origin:
                continue  # signals (near misses, article breaks) have no row to review
            file = str(Path(entry.origin.rsplit(":", 1)[0]).resolve().relative_to(LEXICONS.resolve()))
            key = (file, entry.spun_text)
            hits[key].append(f.confidence)
            entries[key] = entry
    return {
        key: Decision(key[1], key[0], decide(e.source, e.ambiguous), len(hits[key]), max(hits[key]), e.source)
        for key, e in entries.items()
    }


def apply(decisions: dict[tuple[str, str], Decision]) -> None:
    by_file: dict[str, dict[str, Decision]] = defaultdict(dict)
    for (file, spun), d in decisions.items():
        by_file[file][spun] = d
    for file, chosen in by_file.items():
        path = LEXICONS / file
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(apply_to_lines(lines, chosen)) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="list what fires, change nothing")
    args = parser.parse_args(argv)
    tune = [d for d in honest_corpus() if d.split == "tune"]
    found = firing(tune)
    print(f"tune half: {len(tune)} documents, {sum(len(d.text.split()) for d in tune):,} words; "
          f"{len(found)} entries fire at confidence >= {FIRES}")
    for d in sorted(found.values(), key=lambda d: -d.hits):
        print(f"  {d.hits:4d}  {d.max_confidence:.2f}  {d.action:10s} {d.spun}  ({d.file}, {d.source})")
    if args.dry_run or not found:
        return 0
    earlier = read_decisions()
    new = {k: d for k, d in found.items() if k not in earlier}
    apply(new)
    write_decisions({**earlier, **new}.values())
    print(f"applied {len(new)} new decisions; {len(earlier) + len(new)} recorded in lexicons/review/honest.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
