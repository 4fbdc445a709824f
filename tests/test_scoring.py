"""Passage and document scores: the shortcuts for clean passages give what the formulas give."""

from __future__ import annotations

import math

from despin.scoring import document_score, passage_score


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
