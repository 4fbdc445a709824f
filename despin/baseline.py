"""Baselines: accept the findings an archive already has, report only new ones.

A news archive with years of spun copy cannot fix everything before adopting the hook. A
baseline file records today's findings; later runs drop the recorded ones and still fail
on new spinning. A finding is recorded by what survives editing elsewhere in the file:
its path, code, normalised phrase and how many times that phrase occurred before it in
the same file, never by line number. So inserting a paragraph above keeps it accepted,
while a second, new use of the same phrase is reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from despin.errors import DespinError
from despin.model import Finding, Report
from despin.tokens import phrase_key

VERSION = 1
STDIN = "-"

Fingerprint = tuple[str, str, str, int]  # path, code, phrase, occurrence


class BaselineError(DespinError):
    """A baseline file that cannot be read or is not a despin baseline."""


def _doc_key(path: str, root: Path) -> str:
    """The document's path relative to the baseline's folder, with forward slashes."""
    if path == STDIN:
        return path
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def fingerprints(report: Report, root: Path) -> Iterator[tuple[Fingerprint, Finding]]:
    """Each finding of `report` with its line-independent fingerprint."""
    findings = sorted(report.findings, key=lambda f: f.start)
    keys = _fingerprints(_doc_key(report.path, root), [(f.code, f.text) for f in findings])
    return zip(keys, findings)


def _fingerprints(doc: str, items: Iterable[tuple[str, str]]) -> Iterator[Fingerprint]:
    """Fingerprints of (code, spun text) pairs given in document order."""
    seen: Counter[tuple[str, str]] = Counter()
    for code, text in items:
        phrase = " ".join(phrase_key(text))
        yield doc, code, phrase, seen[code, phrase]
        seen[code, phrase] += 1


@dataclass(frozen=True)
class Baseline:
    """Recorded fingerprints and the folder their paths are relative to."""

    root: Path
    known: frozenset[Fingerprint]

    def accepted(self, path: str, items: Sequence[tuple[str, str]]) -> list[bool]:
        """For (code, spun text) pairs in document order: whether each is recorded."""
        return [fp in self.known for fp in _fingerprints(_doc_key(path, self.root), items)]

    def filter(self, report: Report) -> Report:
        """`report` without the findings the baseline accepts (passages and verdict kept)."""
        accepted = {id(f) for fp, f in fingerprints(report, self.root) if fp in self.known}
        passages = tuple(
            replace(p, findings=tuple(f for f in p.findings if id(f) not in accepted)) for p in report.passages
        )
        return replace(report, passages=passages)


def write_baseline(reports: Iterable[Report], path: Path) -> int:
    """Record every finding of `reports` in `path`; returns how many were recorded."""
    root = Path(os.path.abspath(path)).parent
    rows = sorted(fp for r in reports for fp, _ in fingerprints(r, root))
    data = {
        "version": VERSION,
        "findings": [{"path": p, "code": c, "phrase": ph, "occurrence": n} for p, c, ph, n in rows],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(rows)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline written by `write_baseline`; BaselineError if it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: not a despin baseline: {err}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a despin baseline (version {VERSION} expected)")
    known: set[Fingerprint] = set()
    for i, row in enumerate(data["findings"]):
        try:
            fp = (row["path"], row["code"], row["phrase"], row["occurrence"])
        except (KeyError, TypeError):
            raise BaselineError(f"{path}: findings[{i}]: expected path, code, phrase, occurrence") from None
        if not all(isinstance(v, str) for v in fp[:3]) or not isinstance(fp[3], int):
            raise BaselineError(f"{path}: findings[{i}]: wrong value types")
        known.add(fp)
    return Baseline(Path(os.path.abspath(path)).parent, frozenset(known))
