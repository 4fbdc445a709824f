"""URL slugs: a spun headline's address is spun too; it is reported, never edited, never judged."""

from __future__ import annotations

import pytest

from despin.detect import analyze
from despin.markup import prose_view
from despin.report import fix_kind
from despin.rewrite import restore
from despin.slugs import slug_spans, slug_view


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        ("see https://ex.com/2025/11/pupil-day-celebrations-held/ now", ["pupil-day-celebrations-held"]),
        ("see https://ex.com/world/secure_haven_for_cartels.html?x=1#top", ["secure_haven_for_cartels"]),
        ("see www.ex.com/news/final-12-months-review", ["final-12-months-review"]),
        ("see https://ex.com/a-b", []),  # two words are a name, not a headline
        ("see https://ex.com/?q=secure-haven-for-all", []),  # a query is not a path
        ("see https://secure-haven-for-all.com/", []),  # nor is a host
        ("a well-to-do family", []),  # hyphenated prose is prose
    ],
)
def test_slugs_are_the_wordy_segments_of_a_url_path(text, slugs):
    view = prose_view(text, "x.txt")
    assert [text[s:e] for s, e in slug_spans(text, view)] == slugs


def test_the_slug_view_keeps_every_offset():
    text = "Read https://ex.com/pupil-day-celebrations-held/\nnext line"
    view = slug_view(text, prose_view(text, "x.txt"))
    assert len(view) == len(text)
    start = text.index("pupil")
    assert view[start : start + 27] == "pupil day celebrations held"
    assert view.count("\n") >= text.count("\n")


def test_spun_slugs_are_reported_but_never_fixed(datadir, matcher, signals):
    text = (datadir / "spun_page.md").read_text("utf-8")
    report = analyze(text, "spun_page.md", matcher, view=prose_view(text, "spun_page.md"), signals=signals)
    in_urls = [f for f in report.findings if f.match.address]
    assert {f.text for f in in_urls} >= {"pupil-day", "final-12-months", "secure_haven"}
    assert report.verdict.value == "spun"
    assert all(fix_kind(f, report.verdict) is None for f in in_urls)  # no [fix] mark, no JSON "fix"
    fixed = restore(report, text, unsafe=True)
    assert "Student Day" in fixed.splitlines()[0]  # the headline itself is restored...
    assert "/pupil-day-celebrations-held-final-12-months/" in fixed  # ...its address is not
    assert "secure_haven_for_cartels.html" in fixed


def test_a_link_to_a_spun_page_does_not_make_a_document_spun(datadir, matcher, signals):
    text = (datadir / "honest_with_link.txt").read_text("utf-8")
    report = analyze(text, "honest_with_link.txt", matcher, view=prose_view(text, "x.txt"), signals=signals)
    assert report.findings and all(f.match.address for f in report.findings)
    assert report.verdict.value == "clean" and report.score == 0.0
