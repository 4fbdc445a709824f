"""Passage and document scores: the shortcuts for clean passages give what the formulas give."""

from __future__ import annotations

import math

from despin.model import Entry, Kind, Match
from despin.scoring import (
    STRONG,
    base_confidence,
    contextual_confidence,
    document_evidence,
    document_score,
    passage_score,
    table_evidence,
)


def test_a_passage_without_findings_scores_exactly_zero():
    assert passage_score([], 120) == 0.0
    assert passage_score((), 5) == 0.0


def test_clean_passages_dilute_the_document_score_by_their_words_only():
    scored = [(0.4, 100), (0.0, 300), (0.9, 50), (0.0, 10)]
    total = sum(w for _, w in scored)
    by_formula = round(1.0 - math.exp(sum(w * math.log(max(1e-6, 1.0 - s)) for s, w in scored) / total), 3)
    assert document_score(scored) == by_formula
    assert document_score([(0.0, 100), (0.0, 20)]) == 0.0
    assert document_score([]) == 0.0


def _fingerprint(source: str, spun: tuple[str, ...] = ("close", "ally")) -> Match:
    entry = Entry(spun, ("close friend",), Kind.PHRASE, 0.7, False, source, rarity=1.3)
    return Match(entry, 0, 1, 0, 10)


def _confidence(match: Match, others: float, words: int = 600) -> float:
    """The finding's confidence in a document of `words` words whose other unambiguous
    findings add up to `others`."""
    base = base_confidence(match)
    other = _fingerprint("curated:news", ("secure", "haven"))
    evidence = document_evidence([(match, base)] + [(other, others)] * (others > 0), words)
    return contextual_confidence(match, base, evidence, local_strong=base, displaced_absent=True)


def test_a_generated_fingerprint_alone_in_its_document_stays_below_strong():
    """A thesaurus's guess ("close ally" for "close friend") is what some writers say: alone it
    is a hint, however short the document; a hand-written fingerprint alone still counts."""
    guess = _fingerprint("gen:collocations:list+mythes")
    assert _confidence(guess, 0.0) < STRONG
    assert _confidence(guess, 0.0, words=25) < STRONG
    assert _confidence(_fingerprint("gen:spinner:sure"), 0.0) < STRONG  # a table phrase, unproven rare
    assert _confidence(_fingerprint("curated:news-collocations"), 0.0) >= STRONG


def test_an_ambiguous_generated_fingerprint_needs_company_too():
    entry = Entry(("transaction", "handling"), ("transaction processing",), Kind.SCIENCE, 0.55, True, "gen:papermill:list+table")
    guess = Match(entry, 0, 1, 0, 20)
    base = base_confidence(guess)
    evidence = document_evidence([(guess, base)] * 3, 800)
    assert contextual_confidence(guess, base, evidence, local_strong=0.0, displaced_absent=True) < 0.3


def test_a_generated_fingerprint_repeated_is_still_alone():
    """"transaction handling" five times in one manual corroborates nothing: only other
    phrases count as company."""
    guess = _fingerprint("gen:papermill:list+table")
    base = base_confidence(guess)
    evidence = document_evidence([(guess, base)] * 5, 600)
    assert contextual_confidence(guess, base, evidence, local_strong=base, displaced_absent=True) < STRONG


def test_a_generated_fingerprint_counts_where_other_evidence_gathers():
    guess = _fingerprint("gen:science:list+mythes")
    assert _confidence(guess, 3.0) >= STRONG
    assert _confidence(guess, 3.0) > _confidence(guess, 0.0)


def test_the_tables_swaps_count_together_only_beyond_what_honest_prose_holds():
    """Honest prose holds a few of the table's words whose originals it never uses; a spun
    text holds them by the dozen, and only that excess is evidence."""
    assert table_evidence(0, 500) == 0.0
    assert table_evidence(20, 500) == 0.0  # 4 per 100 words: within honest prose
    assert table_evidence(30, 500) > 0.0  # 6 per 100 words
    spun = document_evidence([], 500, table_evidence(30, 500))
    assert spun.spin > 0.5 and document_evidence([], 500).spin == 0.0
