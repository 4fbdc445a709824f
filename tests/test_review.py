"""The honest-text review: which action each kind of entry gets, and how it is applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from despin.lexgen import common, review
from despin.lexgen.review import Decision, apply_to_lines, decide


@pytest.mark.parametrize(
    ("source", "ambiguous", "action"),
    [
        ("gen:collocations:wordnet+mythes", False, "removed"),  # a guess honest writers disprove
        ("gen:science:list+mythes", True, "removed"),
        ("curated:news-collocations", False, "ambiguous"),  # seen in spun text: kept, weaker
        ("curated:news-spinner", True, "reweighted"),
    ],
)
def test_policy(source, ambiguous, action):
    assert decide(source, ambiguous) == action


def _decision(spun: str, action: str) -> Decision:
    return Decision(spun, "x.tsv", action, 1, 0.8, "test")


def test_decisions_change_only_their_rows(datadir: Path):
    lines = (datadir / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
    chosen = {
        "basic step": _decision("basic step", "removed"),
        "mentioned": _decision("mentioned", "reweighted"),
        "secure haven": _decision("secure haven", "ambiguous"),
    }
    out = apply_to_lines(lines, chosen)
    assert out[:2] == lines[:2] and out[-1] == lines[-1]  # comments and other rows untouched
    assert not any(ln.startswith("basic step") for ln in out)
    assert "mentioned\tsaid\tswap\t0.15\tambiguous\tcurated:news-spinner;reviewed:honest" in out
    assert "secure haven\tsafe haven\tphrase\t0.90\tambiguous\tcurated:news-collocations;reviewed:honest" in out
    assert apply_to_lines(out, chosen) == out  # applying again changes nothing


def test_regenerating_keeps_removed_rows_out(tmp_path: Path, monkeypatch):
    review_file = tmp_path / "honest.tsv"
    review.write_decisions([Decision("basic step", "generated/out.tsv", "removed", 2, 0.8, "gen:x")], review_file)
    monkeypatch.setattr(review, "REVIEW_FILE", review_file)
    rows = [common.Row("basic step", ("first step",), "phrase", 0.7, False, "gen:x"),
            common.Row("secure haven", ("safe haven",), "phrase", 0.9, False, "gen:x")]
    target = tmp_path / "generated" / "out.tsv"
    assert common.write_tsv(target, rows, "test") == 1
    assert "basic step" not in target.read_text(encoding="utf-8")
