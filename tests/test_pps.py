"""Importing the Problematic Paper Screener's CSV export (written fixtures in its format)."""

from pathlib import Path

import pytest

from despin.model import Kind
from despin.pps import QueryError, clean_expected, load_pps, parse_query, weight_for

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "pps" / "pps_dev.csv"


@pytest.fixture
def loaded(datadir: Path):
    return load_pps(datadir / "screener.csv")


def by_spun(entries):
    return {" ".join(e.spun): e for e in entries}


def test_plain_phrase_becomes_an_unambiguous_science_entry(loaded, datadir):
    e = by_spun(loaded[0])["counterfeit consciousness"]
    assert e.originals == ("artificial intelligence",)
    assert e.kind is Kind.SCIENCE and not e.ambiguous
    assert e.source == "pps:screener.csv"
    assert e.origin == f"{datadir / 'screener.csv'}:2"


def test_widely_seen_phrases_weigh_more(loaded):
    entries = by_spun(loaded[0])
    assert entries["counterfeit consciousness"].weight > entries["dim learning"].weight > entries["flimsy rhythm design"].weight
    assert 0 < weight_for(0) <= weight_for(10**6) <= 1


def test_notes_in_expected_phrases_are_dropped(loaded):
    entries = by_spun(loaded[0])
    assert entries["flimsy rhythm design"].originals == ("rythm pattern",)
    assert entries["dim learning"].originals == ("deep learning",)
    assert entries["fetch hypothesis"].originals == ("null hypothesis",)


def test_titles_keep_their_capitals(loaded):
    assert by_spun(loaded[0])["statement of oslo"].originals == ("Declaration of Oslo",)


def test_and_clauses_become_requirements_and_bare_words_count(loaded):
    entries = by_spun(loaded[0])
    assert entries["dim learning"].requires == (("deep", "learning"),)
    assert entries["sparkling diary"].requires == (("journal",),)


def test_not_clauses_become_exclusions(loaded):
    assert by_spun(loaded[0])["fetch hypothesis"].excludes == (("fetch", "hypothesis", "testing"),)


def test_proximity_suffix_becomes_slop(loaded):
    assert by_spun(loaded[0])["stray woodland"].slop == 5


def test_or_alternatives_give_one_entry_each_and_slashes_give_candidates(loaded):
    entries = by_spun(loaded[0])
    for spun in ("quick fourier change", "fast fourier alter"):
        assert entries[spun].originals == ("fast Fourier transform", "quick Fourier transform")


def test_unusable_rows_are_skipped_with_a_counted_warning(loaded):
    entries, warnings = loaded
    assert len(warnings) == 3
    assert any("optimiz*" in w for w in warnings)
    assert any("???" not in w and "dirt cellular" in w for w in warnings)
    assert any("grouped" in w for w in warnings)
    assert "wobbly calculation" not in by_spun(entries)


def test_missing_columns_are_a_warning_not_an_exception(datadir):
    entries, warnings = load_pps(datadir / "bad_header.csv")
    assert entries == [] and len(warnings) == 1


@pytest.mark.parametrize(
    "query",
    ['AND "x"', '"a" AND', '"a" AND ("b" OR "c")', '"a" AND b*', '"unterminated'],
)
def test_queries_despin_cannot_express_are_refused(query):
    with pytest.raises(QueryError):
        parse_query(query)


def test_urls_and_quotes_are_cleaned_from_expected_phrases():
    assert clean_expected('social influence, see https://example.org/wiki/Theory') == ("social influence",)
    assert clean_expected('\\"No Free Lunch\\" theorem') == ("no Free Lunch theorem",)
    assert clean_expected("curve (ROC AUC) (Note: ROC = receiver (operating) characteristic)") == ("curve",)
    assert clean_expected("???") == ()


@pytest.mark.skipif(not REAL.exists(), reason="the screener's export is not beside the repository")
def test_the_real_export_parses_almost_entirely():
    entries, warnings = load_pps(REAL)
    rows = sum(1 for _ in REAL.open(encoding="utf-8")) - 1
    assert len(warnings) < 0.05 * rows
    assert len(entries) > 0.95 * rows * 0.97
    assert all(e.spun and e.originals for e in entries)
