"""Detection: findings with exact positions, passage scores and document verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import HONEST_SEEDS, SPUN_SEED
from despin.detect import analyze
from despin.model import Verdict


def test_findings_carry_exact_spans_lines_and_columns(datadir: Path, matcher):
    text = (datadir / "spun_passage.txt").read_text()
    report = analyze(text, "p.txt", matcher)
    found = {f.text: f for f in report.findings}
    assert set(found) >= {"Justice Division", "mentioned", "final 12 months", "secure haven"}
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    assert (found["Justice Division"].line, found["Justice Division"].col) == (1, 10)
    assert (found["secure haven"].line, found["secure haven"].col) == (2, 28)
    assert found["Justice Division"].suggestion == "Justice Department"
    assert found["final 12 months"].suggestion == "last year"


def test_a_capitalised_word_restored_to_a_phrase_capitalises_only_its_first_word(matcher):
    # The suggestion shown is the text `fix` writes: "Consequently," opening a sentence
    # becomes "As a result,", not the title case of a name ("As A Result").
    report = analyze("Consequently, the officials mentioned the plan.", "p.txt", matcher)
    (f,) = [f for f in report.findings if f.text == "Consequently"]
    assert f.suggestion == "As a result"


def test_phrases_match_across_a_line_break_inside_a_paragraph(matcher):
    report = analyze("They found a secure\nhaven there.", "t", matcher)
    assert [f.text for f in report.findings] == ["secure\nhaven"]


def test_phrases_never_match_across_paragraphs(matcher):
    report = analyze("They found a secure\n\nhaven there.", "t", matcher)
    assert not any("haven" in f.text for f in report.findings)


def test_each_passage_gets_its_own_score(datadir: Path, matcher):
    report = analyze((datadir / "spun_passage.txt").read_text(), "p", matcher)
    first, second = report.passages
    assert first.score > 0.5 and second.score == 0.0 and second.findings == ()


def test_inflected_forms_match_and_keep_the_inflection(matcher):
    report = analyze("Two secure havens and several enlargements.", "t", matcher)
    sug = {f.text: f.suggestion for f in report.findings}
    assert sug["secure havens"] == "safe havens"
    assert sug["enlargements"] == "expansions"


def test_words_inside_hyphenated_compounds_do_not_match(matcher):
    report = analyze("They weighed non-military options.", "t", matcher)
    assert not any(f.text.lower() == "military" for f in report.findings)


def test_article_break_is_weak_evidence(matcher):
    report = analyze("It is a international problem.", "t", matcher)
    (f,) = [f for f in report.findings if f.code == "DS401"]
    assert f.suggestion == "an international" and f.confidence < 0.5
    assert report.verdict is Verdict.CLEAN


def test_honest_uses_of_ambiguous_words_stay_low_and_clean(datadir: Path, matcher):
    report = analyze((datadir / "honest_news.txt").read_text(), "h", matcher)
    assert report.findings, "ambiguous words are still reported as weak findings"
    assert max(f.confidence for f in report.findings) < 0.5
    assert report.verdict is Verdict.CLEAN


def test_a_single_fingerprint_never_makes_a_document_spun(matcher):
    report = analyze("Officials called the island a secure haven for smugglers. " * 1, "t", matcher)
    assert report.verdict is not Verdict.SPUN


def test_spun_seed_is_judged_spun_with_many_distinct_findings(matcher):
    report = analyze(SPUN_SEED.read_text(), str(SPUN_SEED), matcher)
    assert report.verdict is Verdict.SPUN
    distinct = {(f.start, f.end) for f in report.findings}
    assert len(distinct) >= 60


@pytest.mark.parametrize("path", HONEST_SEEDS, ids=lambda p: p.name[:3])
def test_honest_seeds_are_clean_with_no_confident_finding(path: Path, matcher):
    report = analyze(path.read_text(), str(path), matcher)
    assert report.verdict is Verdict.CLEAN
    assert all(f.confidence <= 0.5 for f in report.findings)


def test_many_distinct_swaps_make_a_document_spun_without_any_fingerprint(datadir: Path, matcher, signals):
    """A spinner that leaves no multiword damage still swaps many different words."""
    text = (datadir / "swaps_only.txt").read_text("utf-8")
    report = analyze(text, "swaps_only.txt", matcher, signals=signals)
    assert all(f.match.entry.ambiguous for f in report.findings)
    assert report.verdict.value == "spun"


@pytest.mark.parametrize(
    ("strong", "sure", "likely", "count"),
    [
        (3, 0, 0, 3),  # three distinct fingerprints
        (0, 0, 9, 3),  # nine distinct likely swaps, no fingerprint: a swap-only spinner
        (0, 0, 8, 2),
        (0, 4, 4, 2),  # near-certain swaps weigh more
        (1, 1, 2, 1),  # one swap, however sure, is no fingerprint
    ],
)
def test_distinct_swaps_add_up_to_fingerprints(strong, sure, likely, count):
    from despin.scoring import fingerprint_count

    assert fingerprint_count(strong, sure, likely) == count


def test_long_documents_score_each_passage_as_if_it_stood_alone(matcher):
    """Passages are matched in batches; a passage's words, findings and score must not
    depend on its neighbours or on where a batch ends."""
    paragraphs = [
        "A international army found a secure haven.",
        "A secure",
        "haven, the enlargements’s end; non-military talks.",
        "Nothing to see here at all.",
    ] * 160  # 640 passages: several batches
    report = analyze("\n\n".join(paragraphs), "t", matcher)
    assert len(report.passages) == len(paragraphs)
    for passage, text in zip(report.passages, paragraphs):
        (alone,) = analyze(text, "t", matcher).passages
        assert passage.words == alone.words
        assert [(f.text, f.suggestion) for f in passage.findings] == [(f.text, f.suggestion) for f in alone.findings]


def _long_text(filler: str, spun: list[str], gap_pages: int) -> str:
    """Honest filler paragraphs with the `spun` sentences `gap_pages` ~300-word pages apart."""
    page = "\n\n".join([filler] * 7)
    parts = [page] * 20
    for sentence in spun:
        parts += [sentence] + [page] * gap_pages
    return "\n\n".join(parts)


FINGERPRINTS = ["Officials said the group used the border as a secure haven.", "The Justice Division sent a letter."]


def test_two_fingerprints_in_one_section_of_a_long_file_make_it_suspicious(datadir: Path, matcher):
    filler = (datadir / "filler.txt").read_text()
    report = analyze(_long_text(filler, FINGERPRINTS, gap_pages=1), "long", matcher)
    assert report.words > 5_000
    assert report.verdict is Verdict.SUSPICIOUS


def test_two_fingerprints_far_apart_in_a_long_honest_file_are_chance(datadir: Path, matcher):
    filler = (datadir / "filler.txt").read_text()
    report = analyze(_long_text(filler, FINGERPRINTS, gap_pages=10), "long", matcher)
    assert sum(f.confidence >= 0.5 for f in report.findings) == 2
    assert report.verdict is Verdict.CLEAN


@pytest.mark.parametrize(
    ("events", "count"),
    [
        ([(0, "strong", ("a",)), (1_999, "strong", ("b",))], 2),  # within the span
        ([(0, "strong", ("a",)), (2_001, "strong", ("b",))], 1),  # too far apart
        ([(0, "strong", ("a",)), (100, "strong", ("a",))], 1),  # one form twice is one fingerprint
        ([(0, "strong", ("a",)), (1_500, "strong", ("b",)), (3_000, "strong", ("c",))], 2),  # a sliding window
        ([(k * 100, "likely", (str(k),)) for k in range(6)], 2),  # six likely swaps: two fingerprints
        ([], 0),
    ],
)
def test_fingerprints_count_together_only_where_they_gather(events, count):
    from despin.scoring import gathered_fingerprints

    assert gathered_fingerprints(events, span=2_000) == count


def test_no_article_break_before_a_name_that_starts_with_an_initialism(matcher):
    # "an SSLContext" is read "an ess-ess-el context": right as written; so is "an uninterruptible"
    report = analyze("Create an SSLContext and an XMLReader first, an uninterruptible wait.", "t", matcher)
    assert [f for f in report.findings if f.match.entry.source == "signal:article"] == []
    report = analyze("Create an big context first.", "t", matcher)
    assert [f.suggestion for f in report.findings if f.match.entry.source == "signal:article"] == ["a big"]


def test_no_article_break_across_blanked_code(matcher):
    # Markdown's inline code is blanked to spaces of the same length, so "a `dict` object"
    # reads "a        object": the article belongs to the code, not to "object"
    report = analyze("Use a `dict` object here.", "t.md", matcher, view="Use a        object here.")
    assert [f for f in report.findings if f.match.entry.source == "signal:article"] == []
    # emphasis markers are blanked too, but they leave the article next to its word
    report = analyze("It is a **enormous** rise.", "t.md", matcher, view="It is a   enormous   rise.")
    assert [f.suggestion for f in report.findings if f.match.entry.source == "signal:article"] == ["an enormous"]
