"""Planning and applying restorations: findings -> edits -> restored text.

An edit replaces exactly the characters of one finding's span (widened, at most, over the
article just before it), so nothing outside a reported span can change: no global
search-and-replace, and URLs, code and numbers the detector never matched are never touched
(a spun URL slug is reported, but an address is never edited).

Like ruff's safe and unsafe fixes, each edit is judged safe or unsafe from its finding and
the document's verdict. In a document judged spun, the document's own evidence backs its
ambiguous swaps, so any finding at or above the chosen confidence is safe, except a
generated swap: a thesaurus-derived reverse row ("designated" -> "pointed") says a word *may*
be a spinner's, not that this spinner uses it, so it is evidence and an unsafe fix only; and
except a swap at the lowest prior (`scoring.LOW_PRIOR`), which is mostly the writer's own word.
In a clean or merely suspicious document only unambiguous fingerprints of high confidence
are: a lone "mentioned" in honest prose is left alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from despin.casing import CURLY, article_for, restore_form, uses_curly
from despin.model import Finding, Kind, Report, Verdict
from despin.scoring import LOW_PRIOR, GUESSED_SWAPS

DEFAULT_MIN_CONFIDENCE = 0.5  # findings below this are never edited by default
FINGERPRINT_SAFE = 0.9  # outside spun documents, a fingerprint must be this sure to be safe
NEARMISS_SAFE = 0.95  # a near-miss (no lexicon entry behind it) must be this sure to be safe
_FINGERPRINTS = frozenset({Kind.PHRASE, Kind.NAME, Kind.SCIENCE})

# "a"/"an" standing alone after a space, line start or opening quote (never "/a" in a URL),
# then the blank (one line break at most) before a span.
_ARTICLE_BEFORE = regex.compile(
    r"(?<![^\s\"\u201c\u2018(\[\u2014\u2013])(an|a)([ \t]+|[ \t]*\r?\n[ \t]*)\Z", regex.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` (which reads `old`) with `new`."""

    start: int
    end: int
    old: str
    new: str
    safe: bool
    confidence: float
    code: str

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Plan:
    """The edits to apply, and the unsafe ones held back (shown as a hint, never applied)."""

    edits: tuple[Edit, ...]
    held: tuple[Edit, ...] = ()


def is_safe(finding: Finding, verdict: Verdict) -> bool:
    """Whether a finding may be applied without --unsafe-fixes (its confidence already passed)."""
    entry = finding.match.entry
    if entry.kind is Kind.NEARMISS:
        return finding.confidence >= NEARMISS_SAFE
    if entry.kind is Kind.GRAMMAR:
        return False  # an article slip says a word was swapped, not which one: evidence only
    if verdict is Verdict.SPUN:
        return not is_generated_swap(finding) and not (entry.ambiguous and entry.weight <= LOW_PRIOR)
    return entry.kind in _FINGERPRINTS and not entry.ambiguous and finding.confidence >= FINGERPRINT_SAFE


def fixable(finding: Finding) -> bool:
    """Whether `fix` may ever edit a finding: it names an original and is not in an address."""
    return bool(finding.match.entry.originals) and not finding.match.address


def is_generated_swap(finding: Finding) -> bool:
    """A single-word swap that is a guess (`scoring.GUESSED_SWAPS`: the thesaurus-generated
    table, the spinner table's rows seen less often) rather than observed spinner output."""
    entry = finding.match.entry
    return entry.kind is Kind.SWAP and entry.source.startswith(GUESSED_SWAPS)


def replacement(finding: Finding, text: str, curly: bool) -> str:
    """The wording that goes back in place of a finding's span, in the span's own form."""
    old = text[finding.start : finding.end]
    match = finding.match
    if match.entry.kind is Kind.GRAMMAR:
        article, rest = _split_first_word(old)
        return article_for(article, rest.lstrip()) + rest
    span_curly = True if CURLY in old else False if "'" in old else curly
    return restore_form(old, match.entry.originals[0], match.inflection, curly=span_curly)


def plan(
    report: Report,
    text: str,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    unsafe: bool = False,
) -> Plan:
    """Choose the edits for one document: gate by confidence and safety, resolve overlaps."""
    curly = uses_curly(text)
    candidates: list[Edit] = []
    for finding in report.findings:
        if (
            finding.confidence < min_confidence
            or not fixable(finding)
            or not 0 <= finding.start < finding.end <= len(text)
        ):
            continue
        old = text[finding.start : finding.end]
        new = replacement(finding, text, curly)
        if new == old:
            continue
        candidates.append(
            Edit(finding.start, finding.end, old, new, is_safe(finding, report.verdict), finding.confidence, finding.code)
        )
    applied = _without_overlaps(e for e in candidates if e.safe or unsafe)
    taken = _Spans(applied)
    held = _without_overlaps(e for e in candidates if not e.safe and not unsafe and taken.free(e))
    return Plan(tuple(_with_articles(_with_abbreviation_dots(applied, text), text)), tuple(held))


def apply(text: str, edits: Sequence[Edit]) -> str:
    """`text` with each edit's span replaced; everything between spans is copied unchanged."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < pos or text[edit.start : edit.end] != edit.old:
            raise ValueError(f"edit at {edit.start}-{edit.end} overlaps another or does not match the text")
        parts.append(text[pos : edit.start])
        parts.append(edit.new)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def restore(report: Report, text: str, min_confidence: float = DEFAULT_MIN_CONFIDENCE, unsafe: bool = False) -> str:
    """The restored text of a document at the given settings."""
    return apply(text, plan(report, text, min_confidence, unsafe).edits)


class _Spans:
    """Disjoint spans kept sorted, to ask in log time whether a new one would overlap."""

    def __init__(self, edits: Iterable[Edit] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for edit in sorted(edits, key=lambda e: e.start):
            self.starts.append(edit.start)
            self.ends.append(edit.end)

    def free(self, edit: Edit) -> bool:
        i = bisect_left(self.starts, edit.start)
        after_ok = i == len(self.starts) or edit.end <= self.starts[i]
        before_ok = i == 0 or self.ends[i - 1] <= edit.start
        return after_ok and before_ok

    def add(self, edit: Edit) -> None:
        i = bisect_left(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.ends.insert(i, edit.end)


def _without_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Greedy choice: longer spans first, then more confident; an overlapping edit is dropped."""
    kept: list[Edit] = []
    spans = _Spans()
    for edit in sorted(edits, key=lambda e: (-e.length, -e.confidence, e.start)):
        if spans.free(edit):
            spans.add(edit)
            kept.append(edit)
    return sorted(kept, key=lambda e: e.start)


def _with_articles(edits: list[Edit], text: str) -> list[Edit]:
    """Widen an edit over the article before it when its new first word needs the other one."""
    out: list[Edit] = []
    prev_end = 0
    for edit in edits:
        m = _ARTICLE_BEFORE.search(text, max(prev_end, edit.start - 12), edit.start)
        if m:
            article = m.group(1)
            fixed = article_for(article, _split_first_word(edit.new)[0])
            if fixed != article:
                edit = Edit(
                    m.start(), edit.end, text[m.start() : edit.end], fixed + m.group(2) + edit.new,
                    edit.safe, edit.confidence, edit.code,
                )
        out.append(edit)
        prev_end = edit.end
    return out


_ABBREVIATION_END = regex.compile(r"(?:\b[A-Za-z]\.)+[A-Za-z]$")  # "p.c", "U.S" of "p.c.", "U.S."
_DOT_IN_SENTENCE = regex.compile(r"\.(?=[.,;:)\]]|[ \t]+[a-z0-9(])")


def _with_abbreviation_dots(edits: list[Edit], text: str) -> list[Edit]:
    """Widen an edit over the final dot of the abbreviation it restores: "14 p.c. of" becomes
    "14 percent of", not "14 percent. of". The dot stays where it also ends the sentence
    ("rose 6 p.c. The stock"), and where the next edit starts."""
    out: list[Edit] = []
    for n, edit in enumerate(edits):
        end = edit.end
        next_start = edits[n + 1].start if n + 1 < len(edits) else len(text)
        if (
            _ABBREVIATION_END.search(edit.old)
            and not edit.new.endswith(".")
            and end < next_start
            and _DOT_IN_SENTENCE.match(text, end)
        ):
            edit = Edit(edit.start, end + 1, edit.old + ".", edit.new, edit.safe, edit.confidence, edit.code)
        out.append(edit)
    return out


def _split_first_word(s: str) -> tuple[str, str]:
    """("a", " international") from "a international": first word and the rest."""
    head = s.split(None, 1)[0] if s.split() else ""
    return head, s[len(head) :]
