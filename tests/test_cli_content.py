"""`despin check` honours the repository's configuration, inline suppressions and baseline."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from despin.cli import app

runner = CliRunner()


def check(*args: str):
    return runner.invoke(app, ["check", *args])


def test_quoted_spinning_silenced_in_the_document_passes(datadir, monkeypatch):
    monkeypatch.chdir(datadir)
    result = check("quoted.md")
    assert result.exit_code == 0, result.stdout
    assert "quoted.md: clean" in result.stdout


def test_config_ignore_exclude_and_threshold_apply(datadir, monkeypatch):
    monkeypatch.chdir(datadir)
    (datadir / "pyproject.toml").write_text(
        '[tool.despin]\nexclude = ["spun-*.md"]\nignore = ["secure haven"]\n', encoding="utf-8"
    )
    result = check(".")
    assert result.exit_code == 0, result.stdout
    assert "spun-post.md" not in result.stdout


def test_bad_config_is_one_line_and_exit_2(datadir, monkeypatch):
    monkeypatch.chdir(datadir)
    (datadir / ".despin.toml").write_text("treshold = 0.5\n", encoding="utf-8")
    result = check("quoted.md")
    assert result.exit_code == 2
    assert "treshold: unknown key" in result.stderr


def test_baseline_accepts_old_findings_and_reports_new_ones(datadir, monkeypatch):
    monkeypatch.chdir(datadir)
    assert check("--write-baseline", "despin-baseline.json", "spun-post.md").exit_code == 0
    assert json.loads((datadir / "despin-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert check("--baseline", "despin-baseline.json", "spun-post.md").exit_code == 0
    post = datadir / "spun-post.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nNew copy: a secure haven, the authorities mentioned.\n", encoding="utf-8")
    result = check("--baseline", "despin-baseline.json", "--fail-on", "suspicious", "spun-post.md")
    assert result.exit_code == 1, result.stdout
    assert "spun-post.md:12:" in result.stdout and ":6:" not in result.stdout


def test_github_and_sarif_formats_honour_min_confidence(datadir, monkeypatch):
    monkeypatch.chdir(datadir)
    github = check("--format", "github", "--min-confidence", "0.99", "spun-post.md").stdout.splitlines()
    everything = check("--format", "github", "spun-post.md").stdout.splitlines()
    assert 0 < len(github) < len(everything)
    sarif = json.loads(check("--format", "sarif", "spun-post.md").stdout)
    assert len(sarif["runs"][0]["results"]) == len(everything)
