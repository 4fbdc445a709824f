"""The coverage benchmark tells lexicon entries and the near-miss signal apart."""

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "pps_coverage.py"


@pytest.fixture(scope="module")
def coverage():
    spec = importlib.util.spec_from_file_location("pps_coverage", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["pps_coverage"] = module
    spec.loader.exec_module(module)
    return module


def finding(text: str, word: str, suggestion: str, confidence: float, source: str):
    start = text.index(word)
    entry = SimpleNamespace(source=source)
    return SimpleNamespace(start=start, end=start + len(word), suggestion=suggestion, confidence=confidence,
                           match=SimpleNamespace(entry=entry))


def test_signal_findings_count_overall_but_not_as_lexicon_coverage(coverage):
    lexical = coverage.Case("profound learning", (), ("deep learning",))
    signalled = coverage.Case("neural organization", (), ("neural network",))

    def analyze(text):
        if "profound" in text:
            found = [finding(text, "profound", "deep", 0.6, "gen:science:list+mythes")]
        else:
            found = [finding(text, "organization", "network", 0.4, "signal:nearmiss")]
        return SimpleNamespace(findings=found)

    result = coverage.evaluate([lexical, signalled], analyze)
    assert result["detected"][0.0] == 2 and result["restored"][0.0] == 2
    assert result["lexicon_detected"][0.0] == 1 and result["lexicon_restored"][0.0] == 1
    assert result["detected"][0.5] == 1 and result["lexicon_detected"][0.5] == 1
    assert result["by_source"] == {"gen:science": 1, "signal:nearmiss": 1}
    assert result["restored_cases"] == {id(lexical), id(signalled)}


def test_the_restorable_ceiling_counts_what_the_lexicon_and_signals_can_restore_to(coverage, matcher):
    signal = SimpleNamespace(known=frozenset({("fuzzy", "logic")}))
    targets = coverage.restoration_targets(matcher.entries(), [signal, object()])
    assert ("fuzzy", "logic") in targets  # a term a signal reads back into
    assert len(targets) > 10_000  # the originals of the bundled lexicon's rows


def test_phrases_laid_out_together_each_keep_their_own_span(coverage):
    """With several phrases to a document, each is found where its carrier put it, and a
    finding counts only for the phrase it covers."""
    cases = [coverage.Case(p, (), (o,)) for p, o in
             [("profound learning", "deep learning"), ("irregular woods", "random forest"), ("neural organization", "neural network")]]
    laid = list(coverage.documents(cases, per_document=2))
    assert len(laid) == 2 and [len(placed) for _, placed in laid] == [2, 1]
    for text, placed in laid:
        for case, start, end in placed:
            assert text[start:end] == case.phrase

    def analyze(text):
        return SimpleNamespace(findings=[finding(text, "irregular woods", "random forest", 0.7, "gen:papermill:list+table")]
                               if "irregular" in text else [])

    result = coverage.evaluate(cases, analyze, per_document=2)
    assert result["detected"][0.5] == 1 and result["restored"][0.5] == 1
    assert [c.phrase for c in result["missed"]] == ["profound learning", "neural organization"]
