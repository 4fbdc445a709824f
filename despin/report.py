"""Reporting: Reports rendered as text (one line a finding, like ruff and codespell) or JSON.

Rendering only formats; it decides nothing. CI formats (SARIF, GitHub annotations) live in
`ciformats.py` and are chosen here by name.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring as _json_string  # what json.dumps uses with ensure_ascii=False

from despin.model import CODES, Entry, Finding, Passage, Report, Verdict
from despin.rewrite import DEFAULT_MIN_CONFIDENCE, fixable, is_safe

Renderer = Callable[[Sequence[Report], float], str]


def finding_line(path: str, f: Finding, verdict: Verdict | None = None) -> str:
    """`path:line:col: CODE "spun" -> "original" (confidence 0.87) [fix]`.

    Given the document's verdict, the line ends as ruff marks fixability: `[fix]` when plain
    `despin fix` would apply it, `[unsafe fix]` when only `--unsafe-fixes` would.
    """
    line = f'{path}:{f.line}:{f.col}: {f.code} "{_one_line(f.text)}" -> "{f.suggestion}" (confidence {f.confidence:.2f})'
    kind = fix_kind(f, verdict) if verdict is not None else None
    return f"{line} [{kind} fix]" if kind == "unsafe" else f"{line} [fix]" if kind == "safe" else line


def fix_kind(f: Finding, verdict: Verdict) -> str | None:
    """"safe", "unsafe", or None when `despin fix` would not propose it at its default confidence.
    The decision is the rewriter's own (`rewrite.is_safe`)."""
    if f.confidence < DEFAULT_MIN_CONFIDENCE or not fixable(f):
        return None
    return "safe" if is_safe(f, verdict) else "unsafe"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Findings shown by default: those as likely as not to be spun. Weaker ones (a common word a
# spinner might have swapped, in a document with no other evidence) still count towards the
# scores but are not listed, so honest prose gives no output beyond its verdict line.
SHOWN_MIN_CONFIDENCE = 0.5


def render_text(reports: Sequence[Report], min_confidence: float = 0.0, quiet: bool = False) -> str:
    """Findings, then per document its passage scores and verdict; `quiet`: verdict lines only."""
    out = [text_of(r, min_confidence, quiet) for r in reports]
    if len(reports) > 1:
        out.append(summary_line([r.verdict for r in reports]))
    return "\n".join(out)


def text_of(r: Report, min_confidence: float = 0.0, quiet: bool = False) -> str:
    """One document's part of the text output (so a long run can print as it goes)."""
    out: list[str] = []
    if not quiet:
        for p in r.passages:
            shown = [f for f in p.findings if f.confidence >= min_confidence]
            out.extend(finding_line(r.path, f, r.verdict) for f in shown)
            if shown:
                out.append(f"{r.path}:{p.line}: passage spin score {p.score:.2f} ({len(p.findings)} findings, {p.words} words)")
    out.append(_verdict_line(r))
    return "\n".join(out)


def summary_line(verdicts: Sequence[Verdict]) -> str:
    counts = {v: sum(1 for x in verdicts if x is v) for v in Verdict}
    return (
        f"{len(verdicts)} files: {counts[Verdict.SPUN]} spun, "
        f"{counts[Verdict.SUSPICIOUS]} suspicious, {counts[Verdict.CLEAN]} clean"
    )


def _verdict_line(r: Report) -> str:
    strong = sum(1 for f in r.findings if f.confidence >= 0.5)
    return (
        f"{r.path}: {r.verdict.value} (spin score {r.score:.2f}; "
        f"{len(r.findings)} findings, {strong} above 0.50; {r.words} words)"
    )


def report_dict(r: Report, min_confidence: float = 0.0) -> dict:
    """The JSON object for one document: passages with scores, findings with offsets."""
    return {
        "path": r.path,
        "verdict": r.verdict.value,
        "score": r.score,
        "words": r.words,
        "passages": [
            {
                "start": p.start,
                "end": p.end,
                "line": p.line,
                "words": p.words,
                "score": p.score,
                "findings": [
                    finding_dict(f, r.verdict) for f in p.findings if f.confidence >= min_confidence
                ],
            }
            for p in r.passages
        ],
    }


def finding_dict(f: Finding, verdict: Verdict | None = None) -> dict:
    e = f.match.entry
    return {
        "code": f.code,
        "line": f.line,
        "column": f.col,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "original": f.suggestion,
        "candidates": list(e.originals),
        "confidence": f.confidence,
        "kind": e.kind.value,
        "ambiguous": e.ambiguous,
        "rarity": e.rarity,
        "source": e.source,
        "entry": e.origin,
        "fix": fix_kind(f, verdict) if verdict is not None else None,
    }


def render_json(reports: Sequence[Report], min_confidence: float = 0.0) -> str:
    return json.dumps([report_dict(r, min_confidence) for r in reports], ensure_ascii=False, indent=2)


def json_item(r: Report, min_confidence: float, first: bool) -> str:
    """One document as an element of the JSON array render_json writes, with its separator.

    `"[" + items + "\n]"` is byte for byte `render_json`, so a long run need not keep every
    report in memory to print them as one array.
    """
    return json_separator(first) + json_body(r, min_confidence)


def json_body(r: Report, min_confidence: float) -> str:
    """One document's JSON, indented as an element of the array (see `json_item`)."""
    return report_json(r, min_confidence).replace("\n", "\n  ")


# `report_json` writes what json.dumps(report_dict(...), ensure_ascii=False, indent=2) writes,
# without its encoder: that walks every value of every finding in Python, and with
# --min-confidence 0 took a fifth of a run. The layout of a report is fixed, so a passage and a
# finding are each one format string, and what a finding takes from its entry is encoded once.
_IN_PASSAGE = " " * 6  # the indentation of a passage's fields (report, "passages" list, passage)
_IN_FINDING = " " * 10  # ... of a finding's fields (passage, "findings" list, finding)


def report_json(r: Report, min_confidence: float = 0.0) -> str:
    """`report_dict` as json.dumps(..., ensure_ascii=False, indent=2) writes it, byte for byte."""
    entries: dict[int, tuple[str, str, str]] = {}  # id(entry) -> its encoded parts (see _entry_json)
    passages = ",\n".join(_passage_json(p, r.verdict, min_confidence, entries) for p in r.passages)
    return (
        f'{{\n  "path": {_json_value(r.path)},\n  "verdict": {_json_value(r.verdict.value)},\n'
        f'  "score": {_json_value(r.score)},\n  "words": {_json_value(r.words)},\n'
        f'  "passages": {_json_list(passages, "  ")}\n}}'
    )


def _passage_json(p: Passage, verdict: Verdict, min_confidence: float, entries: dict[int, tuple[str, str, str]]) -> str:
    findings = ",\n".join(_finding_json(f, verdict, entries) for f in p.findings if f.confidence >= min_confidence)
    pad = _IN_PASSAGE
    return (
        f'    {{\n{pad}"start": {_json_value(p.start)},\n{pad}"end": {_json_value(p.end)},\n'
        f'{pad}"line": {_json_value(p.line)},\n{pad}"words": {_json_value(p.words)},\n'
        f'{pad}"score": {_json_value(p.score)},\n{pad}"findings": {_json_list(findings, pad)}\n    }}'
    )


def _finding_json(f: Finding, verdict: Verdict, entries: dict[int, tuple[str, str, str]]) -> str:
    """`finding_dict` as json.dumps writes it in a passage's "findings" list."""
    m = f.match
    parts = entries.get(id(m.entry))
    if parts is None:
        parts = entries[id(m.entry)] = _entry_json(m.entry)
    code, candidates, tail = parts
    pad = _IN_FINDING
    return (
        f'        {{\n{pad}"code": {code},\n{pad}"line": {_json_value(f.line)},\n'
        f'{pad}"column": {_json_value(f.col)},\n{pad}"start": {_json_value(m.start)},\n'
        f'{pad}"end": {_json_value(m.end)},\n{pad}"text": {_json_value(f.text)},\n'
        f'{pad}"original": {_json_value(f.suggestion)},\n{pad}"candidates": {candidates},\n'
        f'{pad}"confidence": {_json_value(f.confidence)},\n{tail}'
        f'{pad}"fix": {_json_value(fix_kind(f, verdict))}\n        }}'
    )


def _entry_json(e: Entry) -> tuple[str, str, str]:
    """What a finding takes from its entry, encoded: its code, its candidates, and the fields
    from "kind" to "entry", each with its line end."""
    pad = _IN_FINDING
    candidates = _json_list(",\n".join(f"{pad}  {_json_value(o)}" for o in e.originals), pad)
    fields = (("kind", e.kind.value), ("ambiguous", e.ambiguous), ("rarity", e.rarity), ("source", e.source), ("entry", e.origin))
    tail = "".join(f'{pad}"{key}": {_json_value(value)},\n' for key, value in fields)
    return _json_value(CODES[e.kind]), candidates, tail


def _json_list(items: str, pad: str) -> str:
    """A list whose encoded `items` are joined already, closed at the indentation `pad`."""
    return f"[\n{items}\n{pad}]" if items else "[]"


def _json_value(v: object) -> str:
    """A scalar as json.dumps writes it."""
    t = type(v)
    if t is str:
        return _json_string(v)
    if t is int:
        return int.__repr__(v)
    if t is float and math.isfinite(v):
        return float.__repr__(v)
    return json.dumps(v)  # true, false, null, NaN, Infinity


def json_separator(first: bool) -> str:
    """What goes before an element of the JSON array `json_item` writes."""
    return "\n  " if first else ",\n  "
