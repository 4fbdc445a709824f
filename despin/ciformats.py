"""CI output formats: SARIF 2.1.0 (code scanning) and GitHub Actions annotations.

Both place each finding exactly where the text output does: lines and columns count
characters from 1, and the end column is the column just after the phrase. SARIF says so
with `columnKind: unicodeCodePoints`, so tools that count UTF-16 units do not shift
findings that follow an emoji or a non-BMP character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from despin import __version__
from despin.model import CODES, Finding, Kind, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/despin/"
WARNING_CONFIDENCE = 0.5  # below this a finding is a SARIF "note", not a "warning"

# code -> (rule name, short description, help)
RULES: dict[str, tuple[str, str, str]] = {
    CODES[Kind.PHRASE]: (
        "tortured-phrase",
        "A fixed expression with a word swapped for a synonym",
        (
            'Established expressions do not take synonyms: "secure haven" is "safe haven" run '
            "through a thesaurus. Restore the original wording."
        ),
    ),
    CODES[Kind.NAME]: (
        "mangled-name",
        "An institution, title or proper name with a word swapped",
        (
            'Names are not translated word by word: "Protection Secretary" is the Defense '
            "Secretary. Restore the name."
        ),
    ),
    CODES[Kind.SCIENCE]: (
        "tortured-term",
        "A technical term with a word swapped",
        (
            'Terms of art have one wording: "counterfeit consciousness" is artificial '
            "intelligence. Restore the term."
        ),
    ),
    CODES[Kind.SWAP]: (
        "synonym-swap",
        "A word that is ordinary alone but a typical spinner's replacement here",
        (
            'Spinners replace common words systematically ("mentioned" for "said", "12 months" '
            'for "year"). Alone it proves little; together with other findings it shows spinning.'
        ),
    ),
    CODES[Kind.NEARMISS]: (
        "near-miss-expression",
        "One synonym away from an established expression",
        (
            "The words sit where an established expression belongs, with one word swapped, or "
            "a technical term's words are swapped by the paper-mill spinner's table."
        ),
    ),
    CODES[Kind.GRAMMAR]: (
        "spinner-grammar",
        "A grammar break a word swap leaves behind",
        (
            'Swapping a word can leave its article wrong ("a international" after '
            '"foreign" became "international").'
        ),
    ),
}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def end_position(f: Finding) -> tuple[int, int]:
    """(line, column) just after the finding, 1-based, counting characters."""
    pieces = _LINE_BREAK.split(f.text)
    if len(pieces) == 1:
        return f.line, f.col + len(f.text)
    return f.line + len(pieces) - 1, len(pieces[-1]) + 1


def message(f: Finding) -> str:
    """`"spun" -> "original" (confidence 0.87)`, on one line."""
    return f'"{" ".join(f.text.split())}" -> "{f.suggestion}" (confidence {f.confidence:.2f})'


def _shown(reports: Sequence[Report], min_confidence: float) -> list[tuple[Report, Finding]]:
    return [(r, f) for r in reports for f in r.findings if f.confidence >= min_confidence]


# --- SARIF ----------------------------------------------------------------------------------


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, with forward slashes."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def render_sarif(reports: Sequence[Report], min_confidence: float = 0.0) -> str:
    """One SARIF 2.1.0 log with one run: every rule, every finding as a result."""
    rule_ids = list(RULES)
    results = []
    for report, f in _shown(reports, min_confidence):
        end_line, end_col = end_position(f)
        text = " ".join(f.text.split())
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": rule_ids.index(f.code),
                "level": "warning" if f.confidence >= WARNING_CONFIDENCE else "note",
                "message": {"text": f'"{text}" looks spun; the original is likely "{f.suggestion}" (confidence {f.confidence:.2f})'},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(report.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.col,
                                "endLine": end_line,
                                "endColumn": end_col,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": f.text},
                            },
                        }
                    }
                ],
                "partialFingerprints": {"despinPhrase/v1": f"{f.code}:{' '.join(f.text.lower().split())}"},
                "properties": {"confidence": f.confidence, "original": f.suggestion},
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "despin",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(code) for code in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "documents": [
                        {"uri": artifact_uri(r.path), "verdict": r.verdict.value, "score": r.score, "words": r.words}
                        for r in reports
                    ]
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _rule(code: str) -> dict:
    name, short, help_text = RULES[code]
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": "warning"},
    }


# --- GitHub Actions -------------------------------------------------------------------------


def escape_data(value: str) -> str:
    """GitHub's escaping for a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub's escaping for a workflow command's property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: Sequence[Report], min_confidence: float = 0.0) -> str:
    """One `::warning` workflow command per finding; GitHub shows them on the pull request."""
    lines = []
    for report, f in _shown(reports, min_confidence):
        end_line, end_col = end_position(f)
        props = [("file", report.path), ("line", str(f.line)), ("col", str(f.col))]
        if end_line != f.line:
            props.append(("endLine", str(end_line)))
        props += [("endColumn", str(end_col)), ("title", f.code)]
        joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        lines.append(f"::warning {joined}::{escape_data(message(f))}")
    return "\n".join(lines)
