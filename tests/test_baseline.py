"""A baseline accepts an archive's existing findings and still reports new spinning."""

from __future__ import annotations

import json
import re

import pytest

from despin.baseline import BaselineError, load_baseline, write_baseline
from despin.model import Entry, Finding, Kind, Match, Passage, Report, Verdict

ORIGINALS = {"secure haven": ("safe haven", Kind.PHRASE), "final 12 months": ("last year", Kind.SWAP)}


def report_of(path, text: str, shown_as: str | None = None) -> Report:
    """A report with a finding at every known spun phrase, one passage a line."""
    passages = []
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        findings = []
        for spun, (original, kind) in ORIGINALS.items():
            for m in re.finditer(re.escape(spun), line):
                entry = Entry(tuple(spun.split()), (original,), kind, 1.0, False, "test")
                match = Match(entry, 0, len(entry.spun) - 1, pos + m.start(), pos + m.end())
                findings.append(Finding(match, m.group(), original, 0.9, number, m.start() + 1, 1.0))
        passages.append(Passage(pos, pos + len(line), len(line.split()), 0.5 if findings else 0.0, tuple(findings), number))
        pos += len(line)
    return Report(shown_as or str(path), tuple(passages), Verdict.SPUN, 0.6, len(text.split()))


def read_report(path, shown_as: str | None = None) -> Report:
    return report_of(path, path.read_text(encoding="utf-8"), shown_as)


def phrases(report: Report) -> list[tuple[int, str]]:
    return [(f.line, f.text) for f in report.findings]


def test_a_baselined_file_reports_nothing_until_it_changes(datadir):
    story = datadir / "archive" / "2019" / "story.md"
    baseline_file = datadir / "despin-baseline.json"
    assert write_baseline([read_report(story)], baseline_file) == 2
    assert phrases(load_baseline(baseline_file).filter(read_report(story))) == []


def test_accepted_findings_survive_line_shifts_but_a_new_occurrence_is_reported(datadir):
    story = datadir / "archive" / "2019" / "story.md"
    baseline_file = datadir / "despin-baseline.json"
    write_baseline([read_report(story)], baseline_file)
    edited_text = (datadir / "archive" / "2019" / "story_edited.md").read_text(encoding="utf-8")
    story.write_text(edited_text, encoding="utf-8")  # the same file, edited
    remaining = load_baseline(baseline_file).filter(read_report(story))
    assert phrases(remaining) == [(9, "secure haven")]


def test_other_files_with_the_same_phrase_are_not_accepted(datadir):
    story = datadir / "archive" / "2019" / "story.md"
    baseline_file = datadir / "despin-baseline.json"
    write_baseline([read_report(story)], baseline_file)
    other = datadir / "archive" / "2019" / "story_edited.md"
    assert len(load_baseline(baseline_file).filter(read_report(other)).findings) == 3


def test_paths_are_recorded_relative_to_the_baseline_file_whatever_the_working_directory(datadir, monkeypatch):
    archive = datadir / "archive"
    baseline_file = datadir / "despin-baseline.json"
    monkeypatch.chdir(archive)
    write_baseline([read_report(archive / "2019" / "story.md", shown_as="2019/story.md")], baseline_file)
    rows = json.loads(baseline_file.read_text(encoding="utf-8"))["findings"]
    assert {r["path"] for r in rows} == {"archive/2019/story.md"}
    monkeypatch.chdir(datadir)
    again = read_report(archive / "2019" / "story.md", shown_as="archive/2019/story.md")
    assert phrases(load_baseline(baseline_file).filter(again)) == []


def test_the_baseline_file_is_stable_readable_json(datadir):
    baseline_file = datadir / "despin-baseline.json"
    reports = [read_report(datadir / "archive" / "2019" / "story.md"), read_report(datadir / "archive" / "honest.md")]
    write_baseline(reports, baseline_file)
    first = baseline_file.read_text(encoding="utf-8")
    write_baseline(list(reversed(reports)), baseline_file)
    assert baseline_file.read_text(encoding="utf-8") == first
    data = json.loads(first)
    assert data["version"] == 1
    assert data["findings"][0] == {"path": "archive/2019/story.md", "code": "DS101", "phrase": "secure haven", "occurrence": 0}


def test_filtering_keeps_passages_scores_and_verdict(datadir):
    story = datadir / "archive" / "2019" / "story.md"
    baseline_file = datadir / "despin-baseline.json"
    write_baseline([read_report(story)], baseline_file)
    before = read_report(story)
    after = load_baseline(baseline_file).filter(before)
    assert [(p.start, p.score) for p in after.passages] == [(p.start, p.score) for p in before.passages]
    assert (after.verdict, after.score) == (before.verdict, before.score)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_json.json", "not a despin baseline"),
        ("no_version.json", "version 1 expected"),
        ("broken_row.json", "findings[0]: expected path, code, phrase, occurrence"),
        ("missing.json", "cannot read baseline"),
    ],
)
def test_a_file_that_is_not_a_baseline_is_refused_in_one_line(datadir, name, message):
    with pytest.raises(BaselineError) as err:
        load_baseline(datadir / name)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
