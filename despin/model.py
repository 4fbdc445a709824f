"""The values that flow through despin: text -> tokens -> matches -> findings -> report.

Every stage takes the previous stage's values and returns new ones; nothing here does I/O.
Offsets are always character offsets into the decoded text of the file (after a BOM is
removed), so a finding, a fix and a report all speak of the same positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class TokenKind(str, Enum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


class Token(NamedTuple):
    """One word, number or punctuation mark with its span in the text.

    `norm` is the form used for matching: lower case, curly apostrophes made straight.
    A named tuple rather than a dataclass: a megabyte of text makes 300,000 of them, and a
    tuple is several times cheaper to create.
    """

    text: str
    norm: str
    start: int
    end: int
    kind: TokenKind


class Kind(str, Enum):
    """What sort of evidence a lexicon entry is; decides its finding code."""

    PHRASE = "phrase"  # a fixed expression with a word swapped: "secure haven"
    NAME = "name"  # an institution, title or proper name mangled: "Justice Division"
    SCIENCE = "science"  # a tortured technical term: "counterfeit consciousness"
    SWAP = "swap"  # a single-word or short swap that is ordinary English alone: "mentioned"
    NEARMISS = "nearmiss"  # no entry: one thesaurus swap away from an established expression
    GRAMMAR = "grammar"  # a grammar break a spinner leaves behind: "a international"


CODES: dict[Kind, str] = {
    Kind.PHRASE: "DS101",
    Kind.NAME: "DS102",
    Kind.SCIENCE: "DS103",
    Kind.SWAP: "DS201",
    Kind.NEARMISS: "DS301",
    Kind.GRAMMAR: "DS401",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a spun form and the wording it most likely replaced.

    `originals` lists candidates, most likely first. `requires`/`excludes` come from the
    Problematic Paper Screener's AND/NOT clauses: other phrases (normalised token tuples)
    that must / must not occur in the same document. `slop` is its `~N` proximity: the
    phrase's words may stand up to N extra tokens apart.
    """

    spun: tuple[str, ...]
    originals: tuple[str, ...]
    kind: Kind
    weight: float
    ambiguous: bool
    source: str
    requires: tuple[tuple[str, ...], ...] = ()
    excludes: tuple[tuple[str, ...], ...] = ()
    slop: int = 0
    origin: str = ""  # "file:line" of the row, for tracing a finding back to its data
    rarity: float = 0.0  # Zipf(displaced words) - Zipf(spun words); set when compiled
    cycle: bool = False  # deliberately part of a cycle with another entry (military/army)
    # the regular endings ("s ed ing") the original's last word takes and stays an English
    # word: "organization" takes only "s", so "grouping" is no "group" + ing. Set when
    # compiled; None (signals' entries) leaves every ending possible.
    endings: str | None = None

    @property
    def spun_text(self) -> str:
        return " ".join(self.spun)

    @property
    def original(self) -> str:
        return self.originals[0]


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry (or signal) found at a token span.

    `inflection` is the regular inflection found on the last token to match the entry: one of
    "" (none), "s" (plural / third person), "ed" (past), "ing" (participle). It is a tag, not
    spelling: "tries" -> ("try", "s"), "stopped" -> ("stop", "ed"). `despin.morph.inflect(word,
    tag)` puts it back on the original word with English spelling rules.
    """

    entry: Entry
    first: int  # index of first token
    last: int  # index of last token (inclusive)
    start: int  # char offset
    end: int  # char offset (exclusive)
    inflection: str = ""
    address: bool = False  # found in a URL slug (despin/slugs.py): evidence, never fixed


@dataclass(frozen=True, slots=True)
class Finding:
    """A match with its confidence in context and the suggested original wording."""

    match: Match
    text: str
    suggestion: str
    confidence: float
    line: int
    col: int
    rarity: float  # Zipf frequency of the displaced word minus that of the spun word

    @property
    def code(self) -> str:
        return CODES[self.match.entry.kind]

    @property
    def start(self) -> int:
        return self.match.start

    @property
    def end(self) -> int:
        return self.match.end


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph: its span, word count, findings and spin score in [0, 1]."""

    start: int
    end: int
    words: int
    score: float
    findings: tuple[Finding, ...]
    line: int


class Verdict(str, Enum):
    CLEAN = "clean"
    SUSPICIOUS = "suspicious"
    SPUN = "spun"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `check` knows about one document."""

    path: str
    passages: tuple[Passage, ...]
    verdict: Verdict
    score: float
    words: int
    notes: tuple[str, ...] = field(default=())

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for p in self.passages for f in p.findings)
