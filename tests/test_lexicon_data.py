"""The bundled lexicon data, tested like codespell tests its dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from despin.lexicon import canonical, default_files, load_files, read_rows, validate
from despin.lexicon import Row


def test_bundled_lexicon_has_no_problems():
    problems = validate(default_files())
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("path", default_files(), ids=lambda p: p.name)
def test_every_row_is_canonical_sorted_and_traceable(path: Path):
    rows = [r for r in read_rows(path) if isinstance(r, Row)]
    assert rows, f"{path} has no rows"
    spuns = [r.spun for r in rows]
    assert spuns == sorted(spuns)
    for r in rows:
        assert r.spun == canonical(r.spun)
        assert r.source.startswith(("curated:", "gen:")), r.origin


def test_validator_reports_duplicates_chains_and_unflagged_cycles(datadir: Path):
    messages = [p.message for p in validate([datadir / "broken.tsv"])]
    assert any("duplicate" in m for m in messages)
    assert any(m.startswith("chain") for m in messages)
    assert any(m.startswith("cycle") for m in messages)
    assert any("not canonical" in m for m in messages)
    assert any("columns" in m for m in messages)
    assert any("weight" in m for m in messages)


def test_flagged_cycle_is_accepted(datadir: Path):
    assert validate([datadir / "cycle_ok.tsv"]) == []


def test_later_file_overrides_earlier_entry(datadir: Path, tmp_path: Path):
    entries, _ = load_files([datadir / "cycle_ok.tsv", datadir / "override.tsv"])
    army = next(e for e in entries if e.spun == ("army",))
    assert army.originals == ("troops",)
