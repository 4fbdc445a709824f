"""The `despin check` command: output lines, formats, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import HONEST_SEEDS, SPUN_SEED
from despin.cli import app
from despin.document import read_document
from despin.errors import InputError

runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_spun_seed_exits_1_with_ruff_style_lines():
    result = run("check", str(SPUN_SEED))
    assert result.exit_code == 1
    assert f'{SPUN_SEED}:29:189: DS101 "secure haven" -> "safe haven" (confidence' in result.stdout
    assert result.stdout.rstrip().endswith("words)")
    assert ": spun (spin score" in result.stdout


def test_honest_seeds_exit_0():
    result = run("check", *map(str, HONEST_SEEDS))
    assert result.exit_code == 0, result.stdout
    assert "4 files: 0 spun, 0 suspicious, 4 clean" in result.stdout


def test_honest_text_prints_only_its_verdict_unless_weak_findings_are_asked_for():
    """Weak findings (a common word that a spinner might have swapped) count toward the
    scores but are not listed by default: honest prose is not a list of false alarms."""
    quiet = run("check", str(HONEST_SEEDS[0]))
    assert quiet.exit_code == 0
    assert quiet.stdout.strip().splitlines() == [line for line in quiet.stdout.strip().splitlines() if ": clean (" in line]
    everything = run("check", "--min-confidence", "0", str(HONEST_SEEDS[0]))
    assert everything.exit_code == 0
    assert "(confidence 0." in everything.stdout


def test_json_gives_passages_scores_and_findings_with_offsets():
    result = run("check", "--format", "json", str(SPUN_SEED))
    (doc,) = json.loads(result.stdout)
    assert doc["verdict"] == "spun"
    text = SPUN_SEED.read_text()
    finding = doc["passages"][0]["findings"][0]
    assert text[finding["start"] : finding["end"]] == finding["text"]
    assert {"line", "column", "confidence", "original", "code", "source"} <= finding.keys()


def test_quiet_prints_only_verdicts():
    result = run("check", "--quiet", str(SPUN_SEED))
    assert result.stdout.count("\n") == 1 and "spun" in result.stdout


def test_stdin_is_read_with_a_dash():
    result = run("check", "-", stdin=SPUN_SEED.read_text())
    assert result.exit_code == 1 and "<stdin>:" in result.stdout


def test_directories_are_walked_for_text_files(datadir: Path):
    result = run("check", str(datadir / "site"))
    assert result.exit_code == 1
    assert "spun.md" in result.stdout and "honest.md: clean" in result.stdout


def test_bom_is_not_counted_and_crlf_lines_are_counted_right(datadir: Path):
    result = run("check", str(datadir / "bom_crlf.txt"))
    assert ':1:18: DS101 "secure haven"' in result.stdout


def test_missing_file_is_a_one_line_error_and_exit_2():
    result = run("check", "no/such/file.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == "despin: error: no/such/file.txt: no such file or directory"


def test_invalid_utf8_reports_its_byte_offset(datadir: Path):
    result = run("check", str(datadir / "invalid_utf8.txt"))
    assert result.exit_code == 2
    assert "invalid UTF-8 at byte offset 13" in result.stderr


def test_binary_file_is_refused(datadir: Path):
    result = run("check", str(datadir / "binary.bin"))
    assert result.exit_code == 2 and "binary file" in result.stderr


def test_other_files_are_still_checked_when_one_fails(datadir: Path):
    result = run("check", "missing.txt", str(SPUN_SEED))
    assert result.exit_code == 2 and ": spun" in result.stdout


def test_huge_file_is_refused_before_reading(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    try:
        read_document(str(big), max_bytes=100)
    except InputError as err:
        assert "file too large" in str(err)
    else:
        raise AssertionError("expected InputError")


def test_usage_errors_exit_2_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "despin", "check", "--format", "xml", str(SPUN_SEED)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_lexicon_check_passes_on_bundled_data():
    result = run("lexicon", "check")
    assert result.exit_code == 0, result.stdout


def test_lexicon_stats_counts_entries_and_the_signal_data():
    result = run("lexicon", "stats")
    assert result.exit_code == 0
    assert "gen:science" in result.stdout and "curated:news-spinner" in result.stdout
    counts = {line.rsplit(None, 1)[0].strip(): int(line.rsplit(None, 1)[1])
              for line in result.stdout.splitlines() if line.startswith("  ")}
    assert counts["technical terms (loose tier)"] > 1000
    assert counts["established expressions (strict tier)"] > 1000
    assert sum(v for k, v in counts.items() if k.startswith(("gen:", "curated:"))) >= 20_000


def test_lexicon_check_fails_on_broken_file(datadir: Path):
    bad = datadir / "bad.tsv"
    bad.write_text("one\ttwo\n")
    assert run("lexicon", "check", str(bad)).exit_code == 1


def test_missing_lexicon_file_is_an_input_error():
    result = run("check", "--lexicon", "nope.tsv", str(SPUN_SEED))
    assert result.exit_code == 2 and "nope.tsv: no such lexicon file" in result.stderr


def test_findings_say_whether_fix_would_apply_them(tmp_path):
    """Like ruff: `[fix]` marks what plain `despin fix` applies, `[unsafe fix]` what only
    `--unsafe-fixes` would; the counts agree with what `fix` then does."""
    result = run("check", str(SPUN_SEED))
    safe = result.stdout.count(" [fix]")
    unsafe = result.stdout.count(" [unsafe fix]")
    assert safe > 0 and unsafe > 0
    copy = tmp_path / "spun.txt"
    copy.write_bytes(SPUN_SEED.read_bytes())
    fixed = run("fix", str(copy))
    assert f"restored {safe} spans" in fixed.stderr + fixed.stdout
    (doc,) = json.loads(run("check", "--format", "json", str(SPUN_SEED)).stdout)
    kinds = [f["fix"] for p in doc["passages"] for f in p["findings"]]
    assert kinds.count("safe") == safe and kinds.count("unsafe") == unsafe


def test_honest_findings_are_never_marked_fixable():
    result = run("check", "--min-confidence", "0", str(HONEST_SEEDS[0]))
    assert "[fix]" not in result.stdout
