"""The spun-term signal: a technical term spun word by word by the paper-mill table.

Fixture (tests/test_tablespin/signals): a table that turns "fuzzy" into "fluffy", "logic" into
"rationale" (sure) or "reasoning" (likely), "peak" into "pinnacle"; the terms "fuzzy logic",
"greedy algorithm", "signal peak", "small delay" and "small latency".
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from despin.detect import analyze
from despin.grammar import article_breaks
from despin.lexicon import default_files, load_files
from despin.matcher import Matcher
from despin.model import Entry, Kind
from despin.tablespin import SOURCE, TableSpinDetector, parse_table
from despin.tokens import phrase_key, tokenize


@pytest.fixture
def detector(datadir: Path) -> TableSpinDetector:
    return TableSpinDetector.load(datadir / "signals")


def found(detector: TableSpinDetector, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.originals[0]) for m in detector.find(tokenize(text))]


def test_two_substitutes_that_read_back_into_a_term_are_reported(detector):
    assert found(detector, "The controller relies on fluffy rationale throughout.") == [("fluffy rationale", "fuzzy logic")]
    assert found(detector, "An insatiable calculation picks the next edge.") == [("insatiable calculation", "greedy algorithm")]


def test_the_match_is_an_ambiguous_near_miss_of_its_own_source(detector):
    (m,) = detector.find(tokenize("fluffy rationale"))
    assert m.entry.kind is Kind.NEARMISS and m.entry.ambiguous and m.entry.source == SOURCE
    assert m.entry.rarity == pytest.approx(0.35)


def test_a_likely_substitute_halves_the_weight(detector):
    (sure,) = detector.find(tokenize("fluffy rationale"))
    (likely,) = detector.find(tokenize("fluffy reasoning"))
    assert likely.entry.originals == sure.entry.originals == ("fuzzy logic",)
    assert likely.entry.weight == pytest.approx(sure.entry.weight * 0.5, abs=0.01)


def test_a_plural_last_word_is_read_on_its_singular_and_tagged(detector):
    text = "Two indicator pinnacles stand out."
    (m,) = detector.find(tokenize(text))
    assert text[m.start : m.end] == "indicator pinnacles"
    assert m.entry.originals == ("signal peak",) and m.inflection == "s"


def test_the_restoration_takes_the_plural_back(detector):
    report = analyze("Two indicator pinnacles stand out.", "t.txt", Matcher.build([]), signals=(detector,))
    assert [(f.text, f.suggestion) for f in report.findings] == [("indicator pinnacles", "signal peaks")]


def test_one_substitute_is_left_to_the_lexicon_and_the_near_miss_signal(detector):
    assert found(detector, "fluffy logic and fuzzy rationale") == []


def test_substitutes_commoner_than_the_words_they_replace_are_no_spinning(detector):
    # "little" and "delay" would read back into "small latency", but both are commoner words
    assert found(detector, "a little delay") == []


def test_a_mild_swap_among_very_common_words_is_plain_english(detector):
    assert found(detector, "a minor wait") == []


def test_honest_exceptions_and_the_terms_themselves_stay_quiet(detector):
    assert found(detector, "a slight postponement of the fuzzy logic work") == []


def test_punctuation_and_numbers_break_a_window(detector):
    assert found(detector, "It was fluffy. Rationale came later.") == []
    assert found(detector, "fluffy 2 rationale") == []


def test_table_lines_parse_with_their_certainty():
    table = parse_table(["fluffy\tfuzzy:0.30:sure hazy:0.10:likely"])
    assert table == {"fluffy": (("fuzzy", 0.30, True), ("hazy", 0.10, False))}


def test_a_damaged_table_item_is_skipped_not_fatal():
    assert parse_table(["fluffy\tfuzzy:oops:sure hazy:0.10:likely", "odd", "x\ty"]) == {"fluffy": (("hazy", 0.10, False),)}


# --- how a spun term joins the lexicon's matches (despin/settle.py) ---------------------------


def guess(spun: str, original: str) -> Entry:
    """A one-word thesaurus guess, as the generated swap table holds."""
    return Entry((spun,), (original,), Kind.SWAP, 0.02, True, "gen:swaps:test")


def row(spun: str, original: str, ambiguous: bool, weight: float = 0.6) -> Entry:
    return Entry(tuple(spun.split()), (original,), Kind.SCIENCE, weight, ambiguous, "gen:papermill:test")


def findings(text: str, entries: list[Entry], detector: TableSpinDetector) -> list[tuple[str, str, str]]:
    report = analyze(text, "t.txt", Matcher.build(entries), signals=(article_breaks, detector))
    return [(f.text, f.suggestion, f.match.entry.source) for f in report.findings]


def test_the_spun_term_stands_for_the_guesses_inside_it(detector):
    assert findings("We used fluffy rationale here.", [guess("fluffy", "soft")], detector) == [
        ("fluffy rationale", "fuzzy logic", SOURCE)
    ]


def test_a_fingerprint_inside_the_span_is_not_overruled(detector):
    entries = [row("fluffy", "fuzzy", ambiguous=False)]
    assert [f[2] for f in findings("We used fluffy rationale here.", entries, detector)] == ["gen:papermill:test"]


def test_an_agreeing_shorter_row_gives_way_and_lends_its_weight(detector, datadir):
    entries = [row("fluffy", "fuzzy", ambiguous=True, weight=0.7)]
    report = analyze("We used fluffy rationale here.", "t.txt", Matcher.build(entries), signals=(article_breaks, detector))
    (f,) = report.findings
    assert (f.text, f.suggestion) == ("fluffy rationale", "fuzzy logic")
    assert f.match.entry.weight == 0.7


def test_a_row_that_restores_a_word_otherwise_is_kept(detector):
    entries = [row("fluffy", "soft", ambiguous=True)]
    assert findings("We used fluffy rationale here.", entries, detector) == [("fluffy", "soft", "gen:papermill:test")]


# --- the bundled data ---------------------------------------------------------------------------


def test_the_bundled_signal_catches_spun_terms_no_lexicon_file_lists():
    """Every two-substitute reading of a bundled term the lexicon does not list is found: the
    signal reaches what the generated rows leave out."""
    detector = TableSpinDetector.load()
    listed = {e.spun for e in load_files(default_files())[0]}
    by_original: dict[str, list[str]] = {}
    for spun, subs in detector.table.items():
        for original, drop, _sure in subs:
            if drop >= 0.5 and detector.zipf.get(spun, 9.0) < 4.5:
                by_original.setdefault(original, []).append(spun)
    cases = []
    for term in sorted(detector.terms):
        if len(term) == 2 and all(w in by_original for w in term):
            for spun in itertools.product(by_original[term[0]], by_original[term[1]]):
                if spun not in listed and spun not in detector.known:
                    cases.append((spun, term))
    assert len(cases) >= 20
    for spun, term in cases[:200]:
        (m,) = detector.find(tokenize(" ".join(spun)))
        assert phrase_key(m.entry.originals[0]) in detector.terms, (spun, term, m.entry.originals)
