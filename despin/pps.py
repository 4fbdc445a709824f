"""Importing the Problematic Paper Screener's tortured-phrase export as lexicon entries.

The screener (Cabanac, Labbé, Magazinov, 2021) publishes its detectors as a CSV with the
columns `tortured_phrase,expected_phrase,num_papers`. The first column is a full-text query,
not a plain phrase: a quoted phrase, optionally with a `~N` proximity suffix, `AND` clauses
(other phrases the paper must contain), `NOT` clauses (phrases that rule the match out) and,
rarely, `OR`. Expected phrases carry editors' notes ("(BI)", "(?)", "deep [neural]
networks"). Users point despin at their own copy of the export; the rows it cannot express
are skipped with a warning rather than half-understood.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from despin.model import Entry, Kind
from despin.tokens import phrase_key

_QUERY_TOKEN = re.compile(
    r'\s*(?:"(?P<phrase>[^"]*)"(?:~(?P<slop>\d+))?'
    r"|(?P<op>AND|OR|NOT)\b"
    r"|(?P<paren>[()])"
    r"|(?P<word>[^\s()\"]+))"
)


class QueryError(ValueError):
    """A screener query despin cannot express as an entry."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed screener query: the phrases to find (alternatives), clauses and proximity."""

    phrases: tuple[tuple[str, ...], ...]
    requires: tuple[tuple[str, ...], ...] = ()
    excludes: tuple[tuple[str, ...], ...] = ()
    slop: int = 0


def _terms(query: str) -> list[tuple[str, str, int]]:
    """The query as (type, text, slop) tokens: phrase, word, op or paren."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    query = query.strip()
    while pos < len(query):
        m = _QUERY_TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise QueryError(f"cannot read the query at {query[pos:]!r}")
        pos = m.end()
        if m.group("phrase") is not None:
            out.append(("phrase", m.group("phrase"), int(m.group("slop") or 0)))
        elif m.group("op"):
            out.append(("op", m.group("op"), 0))
        elif m.group("paren"):
            out.append(("paren", m.group("paren"), 0))
        elif m.group("word"):
            word, _, slop = m.group("word").partition("~")
            out.append(("word", word, int(slop) if slop.isdigit() else 0))
    return out


def _key(text: str) -> tuple[str, ...]:
    if "*" in text or "?" in text:
        raise QueryError(f"wildcard term {text!r} is not supported")
    key = phrase_key(text)
    if not key:
        raise QueryError(f"empty phrase {text!r}")
    return key


def parse_query(query: str) -> Query:
    """Parse `"a b"~N [OR "c"] [AND "x"|word]... [NOT "y"|word]...`.

    Grouped alternatives inside a clause ("AND (x OR y)") cannot be expressed as an entry's
    clauses and raise QueryError, as do wildcards.
    """
    terms = _terms(query)
    if any(t[0] == "paren" for t in terms):
        raise QueryError("grouped alternatives are not supported")
    if not terms or terms[0][0] not in ("phrase", "word"):
        raise QueryError("the query does not start with a phrase")
    phrases = [_key(terms[0][1])]
    slop = terms[0][2]
    requires: list[tuple[str, ...]] = []
    excludes: list[tuple[str, ...]] = []
    i = 1
    last_op = "AND"
    while i < len(terms):
        kind, text, _ = terms[i]
        if kind == "word" and i > 1:
            # a bare word after a clause: the search engine's implicit AND ("AND big data")
            text, i = last_op if last_op != "OR" else "AND", i - 1
        elif kind != "op" or i + 1 >= len(terms) or terms[i + 1][0] not in ("phrase", "word"):
            raise QueryError(f"expected an operator and a term at {text!r}")
        term = _key(terms[i + 1][1])
        last_op = text
        if text == "OR":
            if requires or excludes:
                raise QueryError("OR after a clause is not supported")
            phrases.append(term)
        elif text == "AND":
            requires.append(term)
        else:
            excludes.append(term)
        i += 2
    return Query(tuple(phrases), tuple(requires), tuple(excludes), slop)


_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SEE_URL = re.compile(r",?\s*\bsee\b\s*\S*(?:https?://|www\.)\S*", re.IGNORECASE)
_QUOTES = str.maketrans({'"': " ", "\\": " ", "\u201c": " ", "\u201d": " ", "\u2018": " "})


_FUNCTION = frozenset("a an the of in on for and or to by with at from as".split())


def clean_expected(text: str) -> tuple[str, ...]:
    """Usable originals from an expected phrase: notes dropped, slash alternatives split.

    "business intelligence (BI)" -> ("business intelligence",); "deep [neural] networks" ->
    ("deep networks",); "custom/hand-crafted feature engineering" -> ("custom feature
    engineering", "hand-crafted feature engineering"). Capitals are dropped unless they mark a
    name ("Declaration of Helsinki", "fast Fourier transform") or an acronym ("YOLO").
    """
    text = _SEE_URL.sub(" ", text.translate(_QUOTES))
    while _NOTE.search(text):
        text = _NOTE.sub(" ", text)  # nested notes: "(ROC AUC) (Note: ROC = ...)"
    text = " ".join(w for w in text.split() if "://" not in w)
    text = text.replace("?", " ").replace("…", " ").replace("...", " ")
    words = text.split()
    if not words:
        return ()
    def lower(w: str) -> str:  # "Hypothesis" -> "hypothesis"; "YOLO", "McNemar" stay
        return w.lower() if w[:1].isupper() and w[1:].islower() or w.islower() else w

    content = [w for w in words if w.lower() not in _FUNCTION]
    title = len(words) > 1 and all(w[:1].isupper() for w in content)
    named = title and any(w in _FUNCTION for w in words)  # "Declaration of Helsinki"
    if not named:
        words = [lower(w) for w in words] if title else [lower(words[0])] + words[1:]
    slashed = [i for i, w in enumerate(words) if "/" in w.strip("/")]
    options = [words]
    if slashed:
        i = slashed[0]
        options = [words[:i] + [alt] + words[i + 1 :] for alt in words[i].split("/") if alt]
    out = []
    for opt in options:
        phrase = " ".join(w.strip(",;:/") for w in opt).strip()
        phrase = " ".join(phrase.split())
        if phrase:
            out.append(phrase)
    return tuple(dict.fromkeys(out))


def weight_for(papers: int) -> float:
    """Prior weight from how many papers the screener found: widely seen phrases weigh more."""
    return round(min(0.95, 0.6 + 0.08 * math.log10(max(papers, 0) + 1)), 2)


def _papers(cell: str) -> int:
    digits = re.sub(r"[,\s_]", "", cell or "")
    return int(digits) if digits.isdigit() else 0


def load_pps(path: str | Path) -> tuple[list[Entry], list[str]]:
    """Entries of a screener CSV export, and a warning per row that could not be used."""
    path = Path(path)
    entries: list[Entry] = []
    warnings: list[str] = []
    source = f"pps:{path.name}"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return [], [f"{path}: empty file"]
        cols = [h.strip().lower() for h in header]
        try:
            qi, ei = cols.index("tortured_phrase"), cols.index("expected_phrase")
        except ValueError:
            return [], [f"{path}: missing tortured_phrase/expected_phrase columns"]
        ni = cols.index("num_papers") if "num_papers" in cols else None
        for row in reader:
            line = reader.line_num
            origin = f"{path}:{line}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(qi, ei):
                warnings.append(f"{origin}: too few columns")
                continue
            try:
                query = parse_query(row[qi])
            except QueryError as err:
                warnings.append(f"{origin}: skipped {row[qi]!r}: {err}")
                continue
            originals = clean_expected(row[ei])
            if not originals:
                warnings.append(f"{origin}: skipped {row[qi]!r}: no usable expected phrase")
                continue
            papers = _papers(row[ni]) if ni is not None and ni < len(row) else 0
            for spun in query.phrases:
                if any(phrase_key(o) == spun for o in originals):
                    warnings.append(f"{origin}: skipped {row[qi]!r}: expected phrase equals the tortured one")
                    continue
                entries.append(
                    Entry(
                        spun=spun,
                        originals=originals,
                        kind=Kind.SCIENCE,
                        weight=weight_for(papers),
                        ambiguous=False,
                        source=source,
                        requires=query.requires,
                        excludes=query.excludes,
                        slop=query.slop,
                        origin=origin,
                    )
                )
    return entries, warnings
