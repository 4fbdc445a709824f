"""Planning and applying edits: by position, gated by safety, with overlaps resolved.

Findings are built by hand here, so these specify the rewriter alone, whatever the
lexicon and scoring say.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from despin.model import Entry, Finding, Kind, Match, Passage, Report, Verdict
from despin.rewrite import Edit, apply, plan, restore
from despin.detect import analyze


def finding(text: str, spun: str, original: str, *, kind: Kind = Kind.PHRASE, ambiguous: bool = False,
            confidence: float = 0.95, inflection: str = "", nth: int = 0, weight: float = 0.5) -> Finding:
    """A finding on the nth occurrence of `spun` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(spun, start + 1)
    end = start + len(spun)
    entry = Entry(spun=tuple(spun.lower().split()), originals=(original,), kind=kind, weight=weight,
                  ambiguous=ambiguous, source="test")
    match = Match(entry, 0, 0, start, end, inflection)
    return Finding(match, text[start:end], original, confidence, 1, start + 1, 0.0)


def report(findings: list[Finding], verdict: Verdict, text: str = "") -> Report:
    passage = Passage(0, len(text), 100, 0.5, tuple(sorted(findings, key=lambda f: f.start)), 1)
    return Report("test.txt", (passage,), verdict, 0.5, 100)


def test_edits_replace_each_span_in_the_form_of_the_text():
    text = "PUPIL DAY: a Pupil Day occasion was a secure haven for pupil day fans."
    fs = [
        finding(text, "PUPIL DAY", "student day"),
        finding(text, "Pupil Day", "student day"),
        finding(text, "secure haven", "safe haven"),
        finding(text, "pupil day", "student day"),
    ]
    assert restore(report(fs, Verdict.SPUN, text), text) == (
        "STUDENT DAY: a Student Day occasion was a safe haven for student day fans."
    )


def test_inflection_and_possessive_survive():
    text = "Two enlargements. The final 12 months’s budget and the fees."
    fs = [
        finding(text, "enlargements", "expansion", kind=Kind.SWAP, ambiguous=True, inflection="s"),
        finding(text, "final 12 months", "last year"),
        finding(text, "fees", "charge", kind=Kind.SWAP, ambiguous=True, inflection="s"),
    ]
    assert restore(report(fs, Verdict.SPUN, text), text) == (
        "Two expansions. The last year’s budget and the charges."
    )


@pytest.mark.parametrize(
    ("text", "spun", "original", "expected"),
    [
        ("It was a international group.", "international group", "foreign organization",
         "It was a foreign organization."),
        ("It was an enormous buildup.", "enormous", "huge", "It was a huge buildup."),
        ("It was a huge buildup.", "huge", "enormous", "It was an enormous buildup."),
        ("An enormous buildup.", "enormous", "huge", "A huge buildup."),
        ("It was a\nenormous buildup.", "enormous", "huge", "It was a\nhuge buildup."),
        ("It was a banana enormous.", "enormous", "huge", "It was a banana huge."),  # not an article
        ("See http://x.org/a enormous.", "enormous", "huge", "See http://x.org/a huge."),  # nor a URL's
        ("“An enormous one.”", "enormous", "huge", "“A huge one.”"),
    ],
)
def test_article_before_a_restored_word_is_fixed(text, spun, original, expected):
    fs = [finding(text, spun, original, kind=Kind.SWAP, ambiguous=True)]
    assert restore(report(fs, Verdict.SPUN, text), text) == expected


def test_spun_document_backs_its_ambiguous_swaps():
    text = "He mentioned the army."
    fs = [finding(text, "mentioned", "said", kind=Kind.SWAP, ambiguous=True, confidence=0.9)]
    chosen = plan(report(fs, Verdict.SPUN, text), text)
    assert [(e.old, e.new, e.safe) for e in chosen.edits] == [("mentioned", "said", True)]


def test_a_swap_at_the_lowest_prior_is_an_unsafe_fix_even_in_a_spun_document():
    text = "They had been among the first, he mentioned."
    fs = [
        finding(text, "had been", "were", kind=Kind.SWAP, ambiguous=True, confidence=0.9, weight=0.02),
        finding(text, "mentioned", "said", kind=Kind.SWAP, ambiguous=True, confidence=0.9, weight=0.15),
    ]
    chosen = plan(report(fs, Verdict.SPUN, text), text)
    assert [e.new for e in chosen.edits] == ["said"]
    assert [e.new for e in chosen.held] == ["were"]
    assert [e.new for e in plan(report(fs, Verdict.SPUN, text), text, unsafe=True).edits] == ["were", "said"]


@pytest.mark.parametrize("verdict", [Verdict.CLEAN, Verdict.SUSPICIOUS])
def test_outside_spun_documents_only_sure_fingerprints_are_safe(verdict):
    text = "He mentioned a secure haven and a gaggle of protection forces."
    fs = [
        finding(text, "mentioned", "said", kind=Kind.SWAP, ambiguous=True, confidence=0.9),
        finding(text, "secure haven", "safe haven", confidence=0.95),
        finding(text, "protection forces", "security forces", confidence=0.6),  # fingerprint, not sure
    ]
    chosen = plan(report(fs, verdict, text), text)
    assert [e.new for e in chosen.edits] == ["safe haven"]
    assert sorted(e.new for e in chosen.held) == ["said", "security forces"]
    bold = plan(report(fs, verdict, text), text, unsafe=True)
    assert [(e.new, e.safe) for e in bold.edits] == [("said", False), ("safe haven", True), ("security forces", False)]


def test_min_confidence_leaves_weaker_findings_alone():
    text = "He mentioned a secure haven."
    fs = [
        finding(text, "mentioned", "said", kind=Kind.SWAP, ambiguous=True, confidence=0.55),
        finding(text, "secure haven", "safe haven", confidence=0.95),
    ]
    assert restore(report(fs, Verdict.SPUN, text), text, min_confidence=0.5) == "He said a safe haven."
    assert restore(report(fs, Verdict.SPUN, text), text, min_confidence=0.6) == "He mentioned a safe haven."


def test_nearmiss_and_grammar_findings_are_unsafe_unless_very_sure():
    text = "A gaggle of hackers made a enormous mess."
    fs = [
        finding(text, "gaggle of hackers", "group of hackers", kind=Kind.NEARMISS, ambiguous=True, confidence=0.9),
        finding(text, "a enormous", "an enormous", kind=Kind.GRAMMAR, ambiguous=True, confidence=0.99),
    ]
    assert plan(report(fs, Verdict.SPUN, text), text).edits == ()
    assert restore(report(fs, Verdict.SPUN, text), text, unsafe=True) == "A group of hackers made an enormous mess."


def test_overlapping_findings_keep_the_longer_one():
    text = "designated as a international terrorist group today"
    fs = [
        finding(text, "a international", "an international", kind=Kind.GRAMMAR, ambiguous=True, confidence=0.99),
        finding(text, "international terrorist group", "foreign terrorist organization", kind=Kind.NAME, confidence=0.6),
        finding(text, "group", "organization", kind=Kind.SWAP, ambiguous=True, confidence=0.99),
    ]
    out = restore(report(fs, Verdict.SPUN, text), text, unsafe=True)
    assert out == "designated as a foreign terrorist organization today"


def test_equal_length_overlap_keeps_the_more_confident():
    text = "the army motion"
    fs = [
        finding(text, "army motion", "military action", confidence=0.7),
        finding(text, "army motion", "armed motion", confidence=0.9),
    ]
    assert restore(report(fs, Verdict.SPUN, text), text) == "the armed motion"


def test_apply_refuses_edits_that_do_not_match_the_text():
    with pytest.raises(ValueError):
        apply("abc def", [Edit(0, 3, "xyz", "q", True, 1.0, "DS101")])
    with pytest.raises(ValueError):
        apply("abc def", [Edit(0, 3, "abc", "q", True, 1.0, "DS101"), Edit(2, 5, "c d", "q", True, 1.0, "DS101")])


# --- the property: nothing outside the reported spans ever changes ---------------------------

_WORDS = ["a", "an", "A", "secure", "haven", "Pupil", "day", "enormous", "huge", "the", "http://x.io/a",
          "12", "months", "’s", "don’t", "ÉTÉ", "\u00e9", "naïve"]
_GAPS = [" ", "  ", "\n", "\r\n", "\t", ", ", ". ", " — ", "\u00a0"]


@st.composite
def documents(draw):
    """A text of words and gaps, and findings on random word spans with random entries."""
    pieces = draw(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), min_size=1, max_size=40))
    text = "".join(w + g for w, g in pieces)
    bounds, pos = [], 0
    for w, g in pieces:
        bounds.append((pos, pos + len(w)))
        pos += len(w) + len(g)
    findings = []
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(bounds) - 1))
        j = draw(st.integers(i, min(i + 3, len(bounds) - 1)))
        start, end = bounds[i][0], bounds[j][1]
        entry = Entry(
            spun=tuple(text[start:end].lower().split()),
            originals=(draw(st.sampled_from(["safe haven", "student", "massive", "international", "last year", "isn't", "U.S."])),),
            kind=draw(st.sampled_from(list(Kind))),
            weight=0.5,
            ambiguous=draw(st.booleans()),
            source="test",
        )
        match = Match(entry, i, j, start, end, draw(st.sampled_from(["", "s", "ed", "ing"])))
        findings.append(Finding(match, text[start:end], "", draw(st.floats(0, 1)), 1, 1, 0.0))
    return text, findings


@settings(max_examples=300, deadline=None)
@given(documents(), st.sampled_from(list(Verdict)), st.booleans(), st.floats(0, 1))
def test_applying_edits_never_changes_a_character_outside_the_reported_spans(doc, verdict, unsafe, min_conf):
    text, fs = doc
    chosen = plan(report(fs, verdict, text), text, min_conf, unsafe)
    out = apply(text, chosen.edits)
    finding_spans = {(f.start, f.end) for f in fs}
    pos = out_pos = 0
    for edit in chosen.edits:
        assert text[edit.start : edit.end] == edit.old
        # Each edit is a finding's span, or one widened over the article just before it.
        assert (edit.start, edit.end) in finding_spans or any(
            e == edit.end and s > edit.start and text[edit.start : s].split()[0].lower() in ("a", "an")
            for s, e in finding_spans
        )
        gap = text[pos : edit.start]
        assert out[out_pos : out_pos + len(gap)] == gap
        out_pos += len(gap)
        assert out[out_pos : out_pos + len(edit.new)] == edit.new
        out_pos += len(edit.new)
        pos = edit.end
    assert out[out_pos:] == text[pos:]


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        ("Prices rose 14 p.c. of the total.", "Prices rose 14 percent of the total."),
        ("Shares fell 7 p.c.. Shops added gains.", "Shares fell 7 percent. Shops added gains."),
        ("It dropped 1.9 p.c., its worst day.", "It dropped 1.9 percent, its worst day."),
        ("Shares rose 6 p.c. The stock then fell.", "Shares rose 6 percent. The stock then fell."),
    ],
)
def test_the_dot_of_a_restored_abbreviation_goes_unless_it_ends_the_sentence(spun, restored, matcher):
    """"p.c." is the spinner's "percent": its own dot goes with it, the sentence's stays."""
    text = "The authorities mentioned the final 12 months had been laborious. " + spun
    report = analyze(text, "t.txt", matcher)
    out = restore(report, text)
    assert out.endswith(restored)
