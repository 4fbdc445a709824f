"""A document's own comments, [sic] and the configuration's ignore list silence findings."""

from __future__ import annotations

import re

import pytest

from despin.model import Entry, Finding, Kind, Match, Passage, Report, Verdict
from despin.suppress import filter_report, suppressed

ORIGINALS = {"secure haven": "safe haven", "protection secretary": "defense secretary", "final 12 months": "last year"}


def report_of(path: str, text: str) -> Report:
    """A report with a finding at every occurrence of a known spun phrase, one passage a line."""
    passages = []
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        findings = []
        for spun, original in ORIGINALS.items():
            for m in re.finditer(re.escape(spun), line, re.IGNORECASE):
                entry = Entry(tuple(spun.split()), (original,), Kind.PHRASE, 1.0, False, "test")
                match = Match(entry, 0, len(entry.spun) - 1, pos + m.start(), pos + m.end())
                findings.append(Finding(match, m.group(), original, 0.9, number, m.start() + 1, 1.0))
        passages.append(Passage(pos, pos + len(line), len(line.split()), 0.5 if findings else 0.0, tuple(findings), number))
        pos += len(line)
    return Report(path, tuple(passages), Verdict.SPUN, 0.6, len(text.split()))


def reported(report: Report) -> list[tuple[int, str]]:
    return [(f.line, f.text) for f in report.findings]


def filtered(datadir, name: str, ignore: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    text = (datadir / name).read_text(encoding="utf-8")
    return reported(filter_report(report_of(name, text), text, ignore))


def test_markdown_comments_silence_their_line_the_next_line_and_off_regions(datadir):
    assert filtered(datadir, "quoted.md") == [
        (4, "secure haven"),
        (8, "Protection Secretary"),
        (14, "final 12 months"),
    ]


def test_sic_after_a_phrase_silences_it_even_behind_a_closing_quote(datadir):
    text = (datadir / "quoted.md").read_text(encoding="utf-8")
    sic_line = next(f for f in report_of("quoted.md", text).findings if f.line == 15)
    assert suppressed(text).covers(sic_line.start, sic_line.end)


def test_sic_elsewhere_on_the_line_does_not_silence_a_phrase():
    text = "A secure haven, they wrote [sic], for all.\n"
    start = text.index("secure")
    assert not suppressed(text).covers(start, start + len("secure haven"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("comments.rst", [(5, "secure haven")]), ("comments.txt", [(7, "secure haven")])],
)
def test_ignore_next_line_works_in_every_comment_syntax(datadir, name, expected):
    assert filtered(datadir, name) == expected


def test_off_without_on_silences_to_the_end(datadir):
    assert filtered(datadir, "unclosed.md") == [(1, "secure haven")]


def test_ignored_phrases_are_matched_without_regard_to_case_or_spacing(datadir):
    remaining = filtered(datadir, "quoted.md", ignore=("PROTECTION  secretary", "final 12 months"))
    assert remaining == [(4, "secure haven")]


def test_an_ignored_word_does_not_silence_a_longer_phrase_containing_it(datadir):
    assert filtered(datadir, "unclosed.md", ignore=("haven",)) == [(1, "secure haven")]


def test_filtering_keeps_passages_and_everything_but_the_findings(datadir):
    text = (datadir / "quoted.md").read_text(encoding="utf-8")
    before = report_of("quoted.md", text)
    after = filter_report(before, text, ())
    assert [(p.start, p.end, p.score, p.words) for p in after.passages] == [(p.start, p.end, p.score, p.words) for p in before.passages]
    assert (after.path, after.verdict, after.score, after.words) == (before.path, before.verdict, before.score, before.words)


def test_a_text_without_directives_silences_nothing(datadir):
    text = "A secure haven.\n# a heading that mentions despin without a directive\n"
    assert filtered_text(text) == [(1, "secure haven")]


def test_directives_are_case_insensitive_and_tolerate_spacing():
    text = "A secure haven here. <!--DESPIN:   Ignore-->\n"
    assert filtered_text(text) == []


def test_a_multi_line_finding_is_silenced_by_an_ignore_on_any_of_its_lines():
    text = "It was a secure\nhaven. <!-- despin: ignore -->\n"
    marks = suppressed(text)
    assert marks.covers(text.index("secure"), text.index("haven") + len("haven"))


def filtered_text(text: str) -> list[tuple[int, str]]:
    return reported(filter_report(report_of("t.md", text), text, ()))


def test_match_filter_drops_silenced_ignored_and_baselined_matches_before_scoring(datadir, tmp_path):
    from despin.baseline import load_baseline, write_baseline
    from despin.suppress import match_filter

    text = (datadir / "quoted.md").read_text(encoding="utf-8")
    path = str(tmp_path / "quoted.md")
    matches = [f.match for f in report_of(path, text).findings]
    keep = match_filter(text, path)
    assert [text[m.start : m.end] for m in keep(matches)] == ["secure haven", "Protection Secretary", "final 12 months"]
    assert [text[m.start : m.end] for m in match_filter(text, path, ["secure haven"])(matches)] == [
        "Protection Secretary",
        "final 12 months",
    ]
    # a baseline written from the filtered report accepts exactly what is left
    baseline_file = tmp_path / "baseline.json"
    write_baseline([filter_report(report_of(path, text), text)], baseline_file)
    assert match_filter(text, path, baseline=load_baseline(baseline_file))(matches) == []
