"""Speed figures: despin against its peers on the same text, and how despin's time grows.

Every tool runs as a fresh process over the same files, as it would in pre-commit or CI, and
its wall time is the median of `repeat` runs; peak memory is the largest resident set of the
process (from wait4). A tool's findings are not compared here, only its cost.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import peers

ROOT = Path(__file__).resolve().parent.parent
DESPIN = [sys.executable, "-m", "despin"]


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float  # median wall time
    peak_mb: float  # largest resident set among the runs
    exit_codes: tuple[int, ...]
    output: str = ""  # the last run's standard output, where `run_timed` was asked to keep it


_TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def run_timed(cmd: list[str], repeat: int = 1, cwd: Path | None = None, keep_output: bool = False) -> Timing:
    """Median wall time and peak memory of a command run `repeat` times (output discarded
    unless `keep_output`).

    Peak memory comes from GNU time's %M where it exists: a forked child's own maximum
    resident set carries the parent's over exec, so wait4's figure would be the benchmark's.
    """
    times, peaks, codes = [], [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stdout = subprocess.PIPE if keep_output else subprocess.DEVNULL
    output = ""
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            wrapped = [_TIME, "-f", "%M", "-o", rss.name, *cmd] if _TIME else cmd
            start = time.perf_counter()
            done = subprocess.run(wrapped, stdout=stdout, stderr=subprocess.DEVNULL, cwd=cwd, env=env, text=True)
            times.append(time.perf_counter() - start)
            reading = rss.read().strip().splitlines() if _TIME else []
        peaks.append(int(reading[-1]) / 1024 if reading and reading[-1].isdigit() else float("nan"))
        codes.append(done.returncode)
        output = done.stdout or ""
    return Timing(round(statistics.median(times), 3), round(max(peaks), 1), tuple(codes), output)


def write_files(texts: list[str], folder: Path, per_file: int = 1) -> list[str]:
    """Write texts into `folder`, `per_file` documents to a file; the paths written."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for i in range(0, len(texts), per_file):
        path = folder / f"doc{i // per_file:05d}.txt"
        path.write_text("\n\n".join(texts[i : i + per_file]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def size_mb(paths: list[str]) -> float:
    return sum(os.path.getsize(p) for p in paths) / 1e6


def words_in(paths: list[str]) -> int:
    return sum(len(Path(p).read_text("utf-8").split()) for p in paths)


def despin_check(paths: list[str], jobs: int | None = None, extra: list[str] | None = None) -> list[str]:
    """`despin check -q`: the whole analysis, one verdict line a file (as the peers, it reports
    and changes nothing; JSON of every passage would time the encoder as much as despin)."""
    cmd = [*DESPIN, "check", "-q"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    return [*cmd, *(extra or []), *paths]


def cold_start(path: str, repeat: int = 5) -> Timing:
    """A one-page file in a new process, the compiled lexicon already cached."""
    run_timed([*DESPIN, "check", "-q", path])  # warm the compiled-lexicon cache
    return run_timed([*DESPIN, "check", "-q", path], repeat=repeat)


def versus_peers(paths: list[str], proselint_share: float, repeat: int) -> dict:
    """despin check / fix --diff and each peer over the same files; ratios of despin's time."""
    mb, words = size_mb(paths), words_in(paths)
    rows: dict[str, dict] = {}

    def record(name: str, timing: Timing, scale: float = 1.0, note: str = "") -> None:
        seconds = timing.seconds * scale
        rows[name] = {
            "seconds": round(seconds, 3),
            "mb_per_s": round(mb / seconds, 2) if seconds else None,
            "words_per_s": round(words / seconds) if seconds else None,
            "peak_mb": timing.peak_mb,
            "note": note,
        }

    record("despin check", run_timed(despin_check(paths), repeat))
    record("despin check --jobs 1", run_timed(despin_check(paths, jobs=1), repeat))
    record("despin fix --diff", run_timed([*DESPIN, "fix", "--diff", *paths], repeat))
    single = Path(paths[0]).parent.with_name("one-file.txt")
    single.write_text("".join(Path(p).read_text("utf-8") for p in paths), encoding="utf-8")
    record("despin check, one file", run_timed(despin_check([str(single)]), repeat), note="the same text as one file: one worker")
    available = peers.ensure()
    for name in ("codespell", "typos"):
        if name in available:
            record(name, run_timed(peers.command(name, paths), repeat))
    if "proselint" in available:
        k = max(1, int(len(paths) * proselint_share))
        subset = random.Random(0).sample(paths, k)
        scale = mb / size_mb(subset)
        record("proselint", run_timed(peers.command("proselint", subset), 1), scale, f"timed on {k} of {len(paths)} files, scaled by size")
    base = rows["despin check"]["seconds"]
    for name, row in rows.items():
        if not name.startswith("despin"):
            row["despin_ratio"] = round(base / row["seconds"], 3)
    jobs1 = rows["despin check --jobs 1"]["seconds"]
    return {"mb": round(mb, 2), "words": words, "files": len(paths), "tools": rows, "speedup_2_jobs": round(jobs1 / base, 2)}


def text_scaling(docs_text: list[str], sizes_mb: list[int], folder: Path) -> dict:
    """despin check time (one worker) on 1-MB files adding up to each size: it should grow linearly.

    Files of a megabyte, as a content repository has them; one file may not exceed 50 MB.
    """
    out = {}
    for mb in sizes_mb:
        texts, total, i = [], 0, 0
        while total < mb * 1e6:
            texts.append(docs_text[i % len(docs_text)])
            total += len(texts[-1].encode())
            i += 1
        per_file = max(1, round(len(texts) / mb))
        paths = write_files(texts, folder / f"{mb}mb", per_file)
        t = run_timed(despin_check(paths, jobs=1))
        out[str(mb)] = {"files": len(paths), "seconds": t.seconds, "seconds_per_mb": round(t.seconds / mb, 3), "peak_mb": t.peak_mb}
    return out


def lexicon_scaling(paths: list[str], sizes: list[int], folder: Path) -> dict:
    """despin check time with a random sample of the bundled lexicon rows of each size."""
    from despin.lexicon import default_files

    rows = []
    for f in default_files():
        rows += [ln for ln in f.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n in sizes:
        sample = sorted(random.Random(n).sample(rows, min(n, len(rows))), key=lambda ln: ln.split("\t")[0])
        lexicon = folder / f"lexicon-{n}.tsv"
        lexicon.write_text("\n".join(sample) + "\n", encoding="utf-8")
        extra = ["--no-default-lexicon", "--lexicon", str(lexicon)]
        run_timed(despin_check(paths[:1], extra=extra))  # compile and cache it first
        t = run_timed(despin_check(paths, jobs=1, extra=extra), keep_output=True)
        out[str(len(sample))] = {"seconds": t.seconds, "peak_mb": t.peak_mb, "findings": findings_of(t.output)}
    return out


_FINDINGS = re.compile(r"; (\d+) findings, ")


def findings_of(output: str) -> int:
    """Findings of every weight in the output of a `despin check -q` run (its verdict lines say
    how many): a larger lexicon costs time through the findings it makes, not through its size,
    and the two side by side show it."""
    return sum(int(n) for n in _FINDINGS.findall(output))
