"""Every finding code has sentences it must flag and sentences it must pass, and both hold.

"flag": a finding with that code is reported; "pass": no finding with that code reaches
confidence 0.5 (ambiguous swaps are still listed as weak findings on honest words).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from despin.detect import analyze
from despin.model import CODES

EXAMPLES = Path(__file__).parent / "test_rules" / "examples.tsv"


def _examples() -> list[tuple[str, str, str]]:
    rows = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, expect, text = line.split("\t")
            rows.append((code, expect, text))
    return rows


def test_every_code_has_flag_and_pass_examples():
    seen: dict[str, set[str]] = defaultdict(set)
    for code, expect, _ in _examples():
        seen[code].add(expect)
    for code in CODES.values():
        assert seen[code] == {"flag", "pass"}, f"{code} needs both flag and pass examples"


@pytest.mark.parametrize(("code", "expect", "text"), _examples(), ids=lambda v: v[:40] if isinstance(v, str) else v)
def test_example(code: str, expect: str, text: str, matcher, signals):
    findings = analyze(text, "example", matcher, signals=signals).findings
    if expect == "flag":
        assert code in {f.code for f in findings}, f"{code} should flag: {text}"
    else:
        assert code not in {f.code for f in findings if f.confidence >= 0.5}, f"{code} should pass: {text}"
