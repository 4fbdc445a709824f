"""Quality figures: detection, false alarms on honest prose, recall of swaps, restoration.

All of it runs despin through its Python API (the same Engine the CLI uses), with default
options, on the honest corpus (corpus.py) and on spun versions of its `report` half made by
the test spinner (spinner.py) at several rates. Nothing here feeds back into the lexicon.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from despin.document import Document  # noqa: E402
from despin.engine import Engine, Options  # noqa: E402
from despin.evaluate import Score, score as restoration_score  # noqa: E402
from despin.model import Report, Verdict  # noqa: E402
from despin.rewrite import restore  # noqa: E402

LEVELS = (0.0, 0.3, 0.5, 0.7, 0.9)


# --- metrics ---------------------------------------------------------------------------------


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve: the chance a random positive outscores a random negative (ties half)."""
    pairs = sorted(zip(scores, labels))
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid_rank = (i + 1 + j) / 2  # average 1-based rank of the tie group
        rank_sum += mid_rank * sum(1 for _, y in pairs[i:j] if y)
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def prf(predicted: Sequence[bool], actual: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of positive predictions."""
    tp = sum(p and a for p, a in zip(predicted, actual))
    fp = sum(p and not a for p, a in zip(predicted, actual))
    fn = sum(a and not p for p, a in zip(predicted, actual))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def paragraph_score(spun: str, reference: str, output: str):
    """Restoration figures summed over paragraphs (the spinner and `fix` keep paragraph breaks).

    Word alignment costs the product of the lengths compared: paragraph by paragraph it stays
    quick on long documents. Falls back to the whole text when the paragraphs do not line up.
    """
    parts = [t.split("\n\n") for t in (spun, reference, output)]
    if len({len(p) for p in parts}) != 1:
        return restoration_score(spun, reference, output)
    scores = [restoration_score(s, r, o) for s, r, o in zip(*parts)]
    return Score(
        reference_words=sum(x.reference_words for x in scores),
        errors_before=sum(x.errors_before for x in scores),
        errors_after=sum(x.errors_after for x in scores),
        wer_before=0.0,
        wer_after=0.0,
        reduction=0.0,
        changed=sum(x.changed for x in scores),
        harmed=sum(x.harmed for x in scores),
    )


def swap_recall(report: Report, swaps: Iterable, level: float) -> tuple[int, int]:
    """(swaps covered by a finding of at least `level`, all swaps)."""
    spans = [(f.start, f.end) for f in report.findings if f.confidence >= level]
    swaps = list(swaps)
    hit = sum(1 for s in swaps if any(a < s.end and s.start < b for a, b in spans))
    return hit, len(swaps)


# --- runs ------------------------------------------------------------------------------------


@dataclass
class Analyzer:
    """One engine, loaded once, for all the documents of a run."""

    engine: Engine = field(default_factory=lambda: Engine(Options()))

    def report(self, text: str, name: str = "doc.txt") -> Report:
        return self.engine.analyze(Document(path=name, text=text))


def honest_precision(analyzer: Analyzer, docs: Sequence) -> dict:
    """False alarms on honest prose: findings per 10,000 words at each level, verdicts, top phrases."""
    words = 0
    per_level = Counter()
    verdicts = Counter()
    top: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    per_corpus: dict[str, Counter[str]] = {}  # corpus source -> documents, words, verdicts, findings >= 0.5
    for doc in docs:
        report = analyzer.report(doc.text)
        words += report.words
        verdicts[report.verdict.value] += 1
        part = per_corpus.setdefault(getattr(doc, "source", "?"), Counter())
        part.update({"documents": 1, "words": report.words, report.verdict.value: 1})
        part["above_0.5"] += sum(1 for f in report.findings if f.confidence >= 0.5)
        for f in report.findings:
            for level in LEVELS:
                if f.confidence >= level:
                    per_level[level] += 1
            if f.confidence >= 0.5:
                top[f"{f.text.lower()} -> {f.suggestion} ({f.match.entry.source})"] += 1
                by_source[":".join(f.match.entry.source.split(":")[:2])] += 1
    return {
        "documents": len(docs),
        "words": words,
        "verdicts": dict(verdicts),
        "per_10k_words": {str(level): round(per_level[level] / max(words, 1) * 10_000, 3) for level in LEVELS},
        "top_above_0.5": top.most_common(15),
        "sources_above_0.5": dict(by_source),
        "by_corpus_source": {
            s: {**c, "per_10k_above_0.5": round(c["above_0.5"] / max(c["words"], 1) * 10_000, 3)} for s, c in sorted(per_corpus.items())
        },
    }


def long_file_verdicts(analyzer: Analyzer, docs: Sequence, sizes: Sequence[int] = (30_000, 100_000)) -> dict:
    """Verdicts on honest files of many pages: the documents laid end to end, `size` words a
    file, as a long page of a content repository or a book is. Evidence must gather to count,
    so a long honest file should be as clean as a short one."""
    out = {}
    for size in sizes:
        verdicts: Counter[str] = Counter()
        part: list[str] = []
        words = 0
        for doc in docs:
            part.append(doc.text)
            words += doc.words
            if words >= size:
                verdicts[analyzer.report("\n\n".join(part)).verdict.value] += 1
                part, words = [], 0
        out[str(size)] = dict(verdicts)
    return out


def review_counts() -> dict[str, int]:
    """How many entries the honest review (benchmarks/review_honest.py, tune half) removed,
    marked ambiguous or reweighted."""
    from despin.lexgen.review import read_decisions

    return dict(Counter(d.action for d in read_decisions().values()))


def spun_versions(docs: Sequence, rates: Sequence[float], choice: str = "random", protect_caps: bool = False):
    """(doc, rate, Spun) for each document and rate; the seed is fixed per document and rate."""
    from spinner import spin

    for i, doc in enumerate(docs):
        for rate in rates:
            yield doc, rate, spin(doc.text, rate, seed=i * 1000 + int(rate * 100), choice=choice, protect_caps=protect_caps)


def spun_quality(analyzer: Analyzer, docs: Sequence, rates: Sequence[float], **spinner) -> dict:
    """Verdicts, passage AUC, swap recall and restoration on spun versions of honest documents."""
    honest_reports = [analyzer.report(d.text) for d in docs]
    out: dict = {"rates": {}}
    passage_scores = [p.score for r in honest_reports for p in r.passages]
    passage_labels = [False] * len(passage_scores)
    for rate in rates:
        verdicts, hits, total, hits0 = [], 0, 0, 0
        before = after = harmed = changed = 0
        for doc, _, spun in spun_versions(docs, [rate], **spinner):
            report = analyzer.report(spun.text)
            verdicts.append(report.verdict is Verdict.SPUN)
            h, t = swap_recall(report, spun.swaps, 0.5)
            h0, _ = swap_recall(report, spun.swaps, 0.0)
            hits, hits0, total = hits + h, hits0 + h0, total + t
            spun_starts = {s.start for s in spun.swaps}
            for p in report.passages:
                passage_scores.append(p.score)
                passage_labels.append(any(p.start <= s < p.end for s in spun_starts))
            fixed = restore(report, spun.text)
            sc = paragraph_score(spun.text, doc.text, fixed)
            before, after = before + sc.errors_before, after + sc.errors_after
            harmed, changed = harmed + sc.harmed, changed + sc.changed
        out["rates"][str(rate)] = {
            "documents": len(verdicts),
            "judged_spun": round(sum(verdicts) / max(len(verdicts), 1), 4),
            "swaps": total,
            "swap_recall_0.5": round(hits / max(total, 1), 4),
            "swap_recall_0.0": round(hits0 / max(total, 1), 4),
            "wer_before": round(before / max(sum(d.words for d in docs), 1), 4),
            "error_reduction": round(1 - after / before, 4) if before else 0.0,
            "words_changed": changed,
            "words_harmed": harmed,
        }
    predicted = [r.verdict is Verdict.SPUN for r in honest_reports]
    actual = [False] * len(honest_reports)
    for rate in rates:
        n = out["rates"][str(rate)]["documents"]
        spun_share = out["rates"][str(rate)]["judged_spun"]
        predicted += [True] * round(spun_share * n) + [False] * (n - round(spun_share * n))
        actual += [True] * n
    out["verdict"] = prf(predicted, actual)
    out["passage_auc"] = round(roc_auc(passage_scores, passage_labels), 4)
    return out


def seed_quality(analyzer: Analyzer) -> dict:
    """The project's seeds: 000 is spun (with its reference), 001-004 are honest."""
    seeds = ROOT / "seeds"
    spun_path = seeds / "000_eb2f60c8d5c24a6d.txt"
    reference = (seeds / "000_eb2f60c8d5c24a6d.original.txt").read_text("utf-8")
    honest = sorted(p for p in seeds.glob("00[1-9]_*.txt") if ".original" not in p.name)
    spun_text = spun_path.read_text("utf-8")
    spun_report = analyzer.report(spun_text, spun_path.name)
    honest_reports = [analyzer.report(p.read_text("utf-8"), p.name) for p in honest]
    sc = restoration_score(spun_text, reference, restore(spun_report, spun_text))
    predicted = [spun_report.verdict is Verdict.SPUN] + [r.verdict is Verdict.SPUN for r in honest_reports]
    return {
        "verdict": prf(predicted, [True] + [False] * len(honest_reports)),
        "honest_findings_above_0.5": sum(1 for r in honest_reports for f in r.findings if f.confidence >= 0.5),
        "restoration": {
            "wer_before": sc.wer_before,
            "wer_after": sc.wer_after,
            "error_reduction": sc.reduction,
            "words_changed": sc.changed,
            "words_harmed": sc.harmed,
        },
    }


def heldout_quality(analyzer: Analyzer, folder: Path) -> dict | None:
    """Hand-spun held-out pairs (NAME.spun.txt beside NAME.original.txt), if the folder has any."""
    pairs = sorted(folder.glob("*.spun.txt")) if folder.is_dir() else []
    if not pairs:
        return None
    logged = _swap_log(folder / "swaps.tsv")
    rows = {}
    for spun_path in pairs:
        name = spun_path.name.removesuffix(".spun.txt")
        original = (folder / f"{name}.original.txt").read_text("utf-8")
        spun_text = spun_path.read_text("utf-8")
        report = analyzer.report(spun_text, spun_path.name)
        sc = restoration_score(spun_text, original, restore(report, spun_text))
        honest = analyzer.report(original, f"{name}.original.txt")
        rows[name] = {
            "verdict": report.verdict.value,
            "original_verdict": honest.verdict.value,
            "findings_above_0.5": sum(1 for f in report.findings if f.confidence >= 0.5),
            "wer_before": sc.wer_before,
            "wer_after": sc.wer_after,
            "error_reduction": sc.reduction,
            "words_harmed": sc.harmed,
        }
        if name in logged:
            swaps = _located(spun_text, logged[name])
            rows[name]["swaps"] = len(swaps)
            rows[name]["swap_recall_0.5"] = round(swap_recall(report, swaps, 0.5)[0] / max(len(swaps), 1), 4)
    return rows


def heldout_detection(analyzer: Analyzer, folder: Path) -> dict | None:
    """Document verdicts (spun vs its original) and passage-level ROC AUC over the held-out
    pairs: every paragraph of a hand-spun text is spun, every paragraph of an original is not."""
    pairs = sorted(folder.glob("*.spun.txt")) if folder.is_dir() else []
    if not pairs:
        return None
    predicted: list[bool] = []
    actual: list[bool] = []
    scores: list[float] = []
    labels: list[bool] = []
    for spun_path in pairs:
        original_path = folder / spun_path.name.replace(".spun.txt", ".original.txt")
        for path, spun in ((spun_path, True), (original_path, False)):
            report = analyzer.report(path.read_text("utf-8"), path.name)
            predicted.append(report.verdict is Verdict.SPUN)
            actual.append(spun)
            for passage in report.passages:
                if passage.words:
                    scores.append(passage.score)
                    labels.append(spun)
    return {"verdict": prf(predicted, actual), "passage_auc": round(roc_auc(scores, labels), 4)}


def _swap_log(path: Path) -> dict[str, list[tuple[str, str]]]:
    """`file<TAB>original<TAB>spun` rows (header first) grouped by file, in text order."""
    out: dict[str, list[tuple[str, str]]] = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines()[1:]:
            name, original, spun = line.split("\t")
            out.setdefault(name, []).append((original, spun))
    return out


def _located(text: str, swaps: list[tuple[str, str]]):
    """The logged swaps as spans of the spun text: each at its next occurrence after the last."""
    from spinner import Swap

    out, pos = [], 0
    for original, spun in swaps:
        at = text.find(spun, pos)
        if at >= 0:
            out.append(Swap(at, at + len(spun), original, spun))
            pos = at + len(spun)
    return out
