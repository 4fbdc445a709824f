"""Run every benchmark and print one table: `python benchmarks/run.py [--quick] [--json PATH]`.

Sections: detection and restoration on the seeds and on hand-spun held-out texts; false alarms
on the honest corpus; recall of a thesaurus spinner's swaps and restoration of its output at
several rates (on the corpus's `report` half only); speed against codespell, typos and proselint
on the same files; how despin's time grows with text and lexicon size; coverage of the
tortured-phrase screener's list when `../shared` is beside the repository. `--quick` runs
everything on less text, in a few minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402
import quality  # noqa: E402
import speed  # noqa: E402

FULL = {
    "precision_bytes": None,
    "spun_docs": 80,
    "rates": [0.05, 0.1, 0.2, 0.3],
    "speed_bytes": 10_000_000,
    "speed_files": 500,
    "repeat": 3,
    "text_sizes": [1, 10, 100],
    "lexicon_sizes": [1000, 10000, 10**9],
}
QUICK = {
    "precision_bytes": 1_000_000,
    "spun_docs": 16,
    "rates": [0.1, 0.3],
    "speed_bytes": 2_000_000,
    "speed_files": 100,
    "repeat": 1,
    "text_sizes": [1, 4],
    "lexicon_sizes": [1000, 10**9],
}


# Hand-spun sets, each NAME.spun.txt beside NAME.original.txt with a swap log: folder -> title.
HELD_OUT = {
    "heldout": "hand-spun held-out texts (benchmarks/heldout/)",
    "blind": "blind hand-spun texts, written without sight of the lexicon (benchmarks/blind/)",
}


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def show_quality(results: dict) -> None:
    seeds = results["seeds"]
    section("seeds (000 spun with its reference; 001-004 honest)")
    v, r = seeds["verdict"], seeds["restoration"]
    print(f"verdict precision {v['precision']:.2f} recall {v['recall']:.2f}; honest findings > 0.5: {seeds['honest_findings_above_0.5']}")
    print(f"restoration: WER {r['wer_before']:.4f} -> {r['wer_after']:.4f}, error reduction {r['error_reduction']:.3f}, "
          f"{r['words_changed']} words changed, {r['words_harmed']} harmed")
    for name, title in HELD_OUT.items():
        if not results.get(name):
            continue
        section(title)
        print(f"{'text':12} {'verdict':>10} {'original':>10} {'>0.5':>5} {'recall':>7} {'WER before':>11} {'after':>7} {'reduction':>10} {'harmed':>7}")
        for text, row in results[name].items():
            recall = f"{row['swap_recall_0.5']:.1%}" if "swap_recall_0.5" in row else "-"
            print(f"{text:12} {row['verdict']:>10} {row['original_verdict']:>10} {row['findings_above_0.5']:>5} {recall:>7} "
                  f"{row['wer_before']:>11.4f} {row['wer_after']:>7.4f} {row['error_reduction']:>10.3f} {row['words_harmed']:>7}")
        rows = results[name].values()
        print(f"mean error reduction {sum(r['error_reduction'] for r in rows) / len(rows):.3f}, "
              f"{sum(r['words_harmed'] for r in rows)} words harmed in all")
        d = results.get(f"{name}_detection")
        if d:
            v = d["verdict"]
            print(f"spun verdict over the spun texts and their originals: precision {v['precision']:.3f} recall {v['recall']:.3f} "
                  f"F1 {v['f1']:.3f}; passage ROC AUC {d['passage_auc']:.3f}")
    h = results["honest"]
    section(f"false alarms on honest prose ({h['documents']} documents, {h['words']:,} words)")
    print("verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(h["verdicts"].items())))
    print("findings per 10,000 words at confidence >= " + ", ".join(f"{k}: {v}" for k, v in h["per_10k_words"].items()))
    for source, c in h.get("by_corpus_source", {}).items():
        print(f"  {source:10} {c['documents']:4} documents {c['words']:9,} words: {c.get('spun', 0)} spun, "
              f"{c.get('suspicious', 0)} suspicious; {c['per_10k_above_0.5']} findings above 0.5 per 10,000 words")
    for size, verdicts in h.get("long_files", {}).items():
        print(f"the same laid end to end, {int(size):,} words a file: "
              + ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items())))
    for phrase, n in h["top_above_0.5"]:
        print(f"  {n:4}  {phrase}")
    r = h.get("review", {})
    print("entries that fired on the tune half (lexicons/review/honest.tsv): "
          + (", ".join(f"{n} {action}" for action, n in sorted(r.items())) or "none"))
    s = results["spun"]
    section("thesaurus-spun versions of the honest corpus (report half)")
    print(f"{'rate':>5} {'docs':>5} {'judged spun':>12} {'swaps':>6} {'recall>=0.5':>12} {'recall>=0':>10} {'WER before':>11} {'reduction':>10} {'harmed':>7}")
    for rate, row in s["rates"].items():
        print(f"{rate:>5} {row['documents']:>5} {row['judged_spun']:>12.1%} {row['swaps']:>6} {row['swap_recall_0.5']:>12.1%} "
              f"{row['swap_recall_0.0']:>10.1%} {row['wer_before']:>11.4f} {row['error_reduction']:>10.3f} {row['words_harmed']:>7}")
    v = s["verdict"]
    print(f"spun verdict over honest + spun documents: precision {v['precision']:.3f} recall {v['recall']:.3f} F1 {v['f1']:.3f}; "
          f"passage ROC AUC {s['passage_auc']:.3f}")


def show_speed(results: dict) -> None:
    sp = results["speed"]
    section(f"speed on the same {sp['mb']} MB ({sp['files']} files, {sp['words']:,} words)")
    print(f"{'tool':24} {'seconds':>8} {'MB/s':>7} {'words/s':>10} {'peak MB':>8} {'despin / tool':>14}")
    for name, row in sp["tools"].items():
        ratio = f"{row['despin_ratio']:.2f}" if "despin_ratio" in row else ""
        print(f"{name:24} {row['seconds']:>8.2f} {row['mb_per_s']:>7.2f} {row['words_per_s']:>10,} {row['peak_mb']:>8.0f} {ratio:>14}  {row['note']}")
    print(f"despin check speed-up from 1 to 2 workers: {sp['speedup_2_jobs']:.2f}x")
    cs = results["cold_start"]
    print(f"cold start, one small file (median of 5): {cs['seconds']:.2f} s, peak {cs['peak_mb']:.0f} MB")
    section("scaling of despin check (one worker)")
    print("text size: " + ", ".join(f"{mb} MB {r['seconds']:.2f} s ({r['seconds_per_mb']:.3f} s/MB, peak {r['peak_mb']:.0f} MB)" for mb, r in results["text_scaling"].items()))
    print("lexicon size: " + ", ".join(
        f"{n} entries {r['seconds']:.2f} s ({r['findings']:,} findings)" for n, r in results["lexicon_scaling"].items()
    ))


PPS_GROUP = 8  # screener phrases to a document in the second coverage run (a manuscript's share)


def pps_coverage(per_document: int = 1) -> str | None:
    csv = ROOT.parent / "shared" / "data" / "pps" / "pps_dev.csv"
    if not csv.exists():
        return None
    command = [sys.executable, str(HERE / "pps_coverage.py"), str(csv), "--per-document", str(per_document)]
    out = subprocess.run(command, capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="less text: a few minutes")
    parser.add_argument("--json", type=Path, default=HERE / ".cache" / "results.json", help="where to write the figures")
    parser.add_argument("--skip-speed", action="store_true", help="quality figures only")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    docs = corpus.honest_corpus()
    print(f"honest corpus: {len(docs)} documents, {sum(d.words for d in docs):,} words, "
          f"{sum(len(d.text.encode()) for d in docs) / 1e6:.1f} MB "
          f"({', '.join(sorted({d.source for d in docs}))})")
    analyzer = quality.Analyzer()
    results: dict = {"mode": "quick" if args.quick else "full"}
    results["seeds"] = quality.seed_quality(analyzer)
    for name in HELD_OUT:
        results[name] = quality.heldout_quality(analyzer, HERE / name)
        results[f"{name}_detection"] = quality.heldout_detection(analyzer, HERE / name)
    # False alarms are counted on the report half only: the tune half is what the lexicon
    # review (review_honest.py) looks at.
    precision_docs = [
        d for d in (corpus.honest_corpus(plan["precision_bytes"]) if plan["precision_bytes"] else docs) if d.split == "report"
    ]
    results["honest"] = quality.honest_precision(analyzer, precision_docs)
    results["honest"]["review"] = quality.review_counts()
    results["honest"]["long_files"] = quality.long_file_verdicts(analyzer, precision_docs)
    report_docs = [d for d in docs if d.split == "report"][: plan["spun_docs"]]
    results["spun"] = quality.spun_quality(analyzer, report_docs, plan["rates"])
    show_quality(results)
    if not args.skip_speed:
        work = HERE / ".cache" / "speed"
        texts = corpus.text_of_size(docs, plan["speed_bytes"])
        per_file = max(1, len(texts) // plan["speed_files"])
        paths = speed.write_files(texts, work / "files", per_file)
        results["speed"] = speed.versus_peers(paths, proselint_share=0.1, repeat=plan["repeat"])
        t = speed.cold_start(str(ROOT / "seeds" / "004_0eeed46843e92817.txt"))
        results["cold_start"] = {"seconds": t.seconds, "peak_mb": t.peak_mb}
        results["text_scaling"] = speed.text_scaling([corpus.compact(d.text) for d in docs], plan["text_sizes"], work / "scaling")
        results["lexicon_scaling"] = speed.lexicon_scaling(paths, plan["lexicon_sizes"], work / "lexicons")
        show_speed(results)
    coverage = pps_coverage()
    if coverage:
        section("tortured-phrase screener list (pps_dev.csv), despin's own lexicon and signals")
        print(coverage)
        results["pps_coverage"] = coverage
        grouped = pps_coverage(PPS_GROUP)
        print(grouped)
        results["pps_coverage_grouped"] = grouped
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
