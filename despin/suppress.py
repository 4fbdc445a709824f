"""Inline suppression: the author's word that a phrase is meant as written.

An archive quotes spun text on purpose (a story about spinning, a quoted press release).
Comments in the document say so where it happens, the way `# noqa` and Vale's
`<!-- vale off -->` do:

- `<!-- despin: ignore -->` on a line: no findings on that line;
- `despin: ignore-next-line` in any comment syntax (`<!-- -->`, `#`, `..`, `//`): none on the
  next line that is not blank;
- `<!-- despin: off -->` ... `<!-- despin: on -->`: none in between (to the end without `on`);
- `[sic]` right after a phrase: no finding that ends just before it.

The configuration's `ignore` list drops a phrase everywhere.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from despin.baseline import Baseline
from despin.model import CODES, Finding, Match, Report
from despin.tokens import phrase_key

# A comment opener, then the directive. `[//]: # (despin: ...)` is Markdown's comment idiom.
_DIRECTIVE = re.compile(
    r"(?:<!--|/\*|//|#|^[ \t]*\.\.|\{#|%)[ \t]*\(?[ \t]*despin:[ \t]*(ignore-next-line|ignore|off|on)\b",
    re.MULTILINE | re.IGNORECASE,
)
# Closing quotes or brackets may stand between the phrase and its [sic].
_SIC = re.compile(r"[\"'\u201d\u2019)\]]*[ \t]*[\[(]sic[\])]", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Suppressions:
    """Where a document's own comments silence findings."""

    text: str
    line_starts: tuple[int, ...]
    lines: frozenset[int]  # 0-based lines on which nothing is reported
    regions: tuple[tuple[int, int], ...]  # offset ranges between `off` and `on`

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def covers(self, start: int, end: int) -> bool:
        """Whether a finding spanning text[start:end] is silenced."""
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        if any(line in self.lines for line in range(first, last + 1)):
            return True
        if any(s <= start < e or s < end <= e for s, e in self.regions):
            return True
        return _SIC.match(self.text, end) is not None


def suppressed(text: str) -> Suppressions:
    """The suppressions written into `text`."""
    starts = (0, *(m.end() for m in _LINE_BREAK.finditer(text)))
    lines: set[int] = set()
    regions: list[tuple[int, int]] = []
    off_at: int | None = None

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    for m in _DIRECTIVE.finditer(text):
        word = m.group(1).lower()
        line = line_of(m.start())
        if word == "ignore":
            lines.add(line)
        elif word == "ignore-next-line":
            lines.add(_next_non_blank(text, starts, line + 1))
        elif word == "off" and off_at is None:
            off_at = m.start()
        elif word == "on" and off_at is not None:
            regions.append((off_at, m.end()))
            off_at = None
    if off_at is not None:
        regions.append((off_at, len(text)))
    return Suppressions(text, starts, frozenset(lines), tuple(regions))


def _next_non_blank(text: str, starts: tuple[int, ...], line: int) -> int:
    """The first line from `line` on with something on it (rst wants a blank after a comment)."""
    while line < len(starts):
        end = starts[line + 1] if line + 1 < len(starts) else len(text)
        if text[starts[line] : end].strip():
            return line
        line += 1
    return line


def ignore_keys(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Matching keys of the configuration's `ignore` phrases: case and apostrophes folded."""
    return frozenset(k for k in (phrase_key(p) for p in phrases) if k)


def keep_finding(f: Finding, marks: Suppressions, ignored: frozenset[tuple[str, ...]]) -> bool:
    return not marks.covers(f.start, f.end) and phrase_key(f.text) not in ignored


def filter_report(report: Report, text: str, ignore_phrases: Iterable[str] = ()) -> Report:
    """The report without suppressed findings and findings of ignored phrases.

    Passages, scores and the verdict are kept as they are; a caller that wants the verdict to
    follow the remaining findings rescores them.
    """
    marks = suppressed(text)
    ignored = ignore_keys(ignore_phrases)
    passages = tuple(
        replace(p, findings=tuple(f for f in p.findings if keep_finding(f, marks, ignored)))
        for p in report.passages
    )
    return replace(report, passages=passages)


MatchFilter = Callable[[Sequence[Match]], list[Match]]


def match_filter(text: str, path: str, ignore_phrases: Iterable[str] = (), baseline: Baseline | None = None) -> MatchFilter:
    """What to keep of a document's matches before they are scored.

    Dropping silenced, ignored and baselined matches before scoring lets the passage scores
    and the verdict follow what is left, so a document whose only spinning is quoted on
    purpose (or already accepted) passes. The filter takes the matches in document order.
    """
    marks = suppressed(text)
    ignored = ignore_keys(ignore_phrases)

    def keep(matches: Sequence[Match]) -> list[Match]:
        spans = [text[m.start : m.end] for m in matches]
        wanted = [
            not marks.covers(m.start, m.end) and phrase_key(spun) not in ignored for m, spun in zip(matches, spans)
        ]
        if baseline is not None:
            candidates = [i for i, w in enumerate(wanted) if w]
            known = baseline.accepted(path, [(CODES[matches[i].entry.kind], spans[i]) for i in candidates])
            for i, accepted in zip(candidates, known):
                wanted[i] = not accepted
        return [m for m, w in zip(matches, wanted) if w]

    return keep
