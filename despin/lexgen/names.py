"""Source 3: institutions, titles and set names mangled by a spinner's word swaps.

A spinner does not know that "Justice Department" or "Supreme Court" is a name: it swaps
their words like any other and prints "Justice Division", "Supreme Court docket",
"Protection Secretary". No writer mangles a name that way, so such a variant is strong
evidence (kind `name`, not ambiguous, high weight). The names come from the hand-written
lists in `data/names_*.txt`; their words are swapped with the single-word swaps a news spinner
makes: the hand-written ones in `lexicons/news.tsv` (its swap rows, and the word-by-word
differences of its name and phrase rows), the generated table of `swaps.py`, and the
first-sense synonyms `swaps.choices` finds for a name's words. A variant is dropped when it is
itself a listed name, an established expression of the thesauri, or occurs in the honest-text
filter corpus (see `common.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from despin.lexgen import swaps
from despin.lexgen.common import STOPWORDS, Row, log, occurring, write_tsv
from despin.lexicon import default_dir
from despin.tokens import phrase_key

DATA = Path(__file__).resolve().parent / "data"
LISTS = tuple(sorted(DATA.glob("names_*.txt")))
PER_WORD = 3  # substitutes tried per word of a name
MAX_SWAPPED = 3  # words swapped at once in one variant
PER_NAME = 16  # variants kept per name, likeliest first
NAME_MARGIN = 0.5  # a name's word may be swapped for a word up to this much commoner (Zipf)


@dataclass(frozen=True, slots=True)
class Name:
    """A listed name in its proper case and the list it comes from."""

    text: str
    origin: str  # the list's name: "government" for data/names_government.txt

    @property
    def words(self) -> tuple[str, ...]:
        return phrase_key(self.text)


def read_names(path: Path) -> list[Name]:
    """A names list: literal names, or `@pattern` lines whose X the following items fill."""
    origin = path.stem.removeprefix("names_")
    pattern: str | None = None
    out: list[Name] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@pattern"):
            pattern = line.removeprefix("@pattern").strip() or None
            continue
        text = pattern.replace("X", line) if pattern else line
        out.append(Name(" ".join(text.split()), origin))
    return out


@dataclass(frozen=True, slots=True)
class Substitute:
    """What a spinner may print for one word of a name, and how sure we are it would."""

    spun: tuple[str, ...]  # one word or more ("court docket")
    cost: float  # 0 for the hand-written swaps, higher for thesaurus guesses
    curated: bool


def curated_substitutes(rows: Iterable[tuple[tuple[str, ...], tuple[str, ...], str, bool]]) -> dict[str, list[tuple[str, ...]]]:
    """word -> spun forms, from hand-written rows (spun key, first original key, kind, cycle).

    Swap rows of one original word give their spun form ("national" -> "nationwide",
    "court" -> "court docket"); name and phrase rows of equal length give their word-by-word
    differences ("justice division" / "justice department": "department" -> "division").
    Swaps flagged `cycle` (army <-> military) are left out: both words are everyday news
    words, so "Lebanese military" is what writers say, not a mangled "Lebanese Army".
    """
    out: dict[str, list[tuple[str, ...]]] = {}

    def add(word: str, spun: tuple[str, ...]) -> None:
        if word.isalpha() and word not in STOPWORDS and spun != (word,):
            out.setdefault(word, [])
            if spun not in out[word]:
                out[word].append(spun)

    for spun, original, kind, cycle in rows:
        if cycle:
            continue
        if kind == "swap" and len(original) == 1:
            add(original[0], spun)
        elif kind in ("name", "phrase") and len(spun) == len(original):
            diffs = [(o, s) for o, s in zip(original, spun) if o != s]
            if len(diffs) == 1:
                add(diffs[0][0], (diffs[0][1],))
    return out


class Substitutions:
    """Every source of word swaps behind one question: what would a spinner put for `word`?

    Words of names are nouns and adjectives ("Justice", "National"), so only those readings
    are asked. The hand-written swaps come first, then the generated swap table, then the
    thesauri's first-listed synonyms; thesaurus phrases ("male parent" for "father") are left
    out, since no news spinner prints them.
    """

    POS = ("n", "a")
    MAX_RANK = 0.5  # thesaurus guesses: first sense, first terms only

    def __init__(
        self,
        curated: dict[str, list[tuple[str, ...]]],
        generated: dict[tuple[str, str], list[str]],
        mythes=None,
        wordnet=None,
    ) -> None:
        self.curated = curated
        self.generated = generated
        self.mythes = mythes
        self.wordnet = wordnet
        self._cache: dict[str, list[Substitute]] = {}

    def of(self, word: str) -> list[Substitute]:
        if word in self._cache:
            return self._cache[word]
        found: dict[tuple[str, ...], Substitute] = {}
        for spun in self.curated.get(word, ()):
            found.setdefault(spun, Substitute(spun, 0.0, True))
        for pos in self.POS:
            for n, spun in enumerate(self.generated.get((word, pos), ())):
                if " " not in spun:
                    found.setdefault((spun,), Substitute((spun,), 0.5 + 0.25 * n, False))
        if self.mythes is not None and self.wordnet is not None and word not in STOPWORDS:
            saved = swaps.MARGIN
            swaps.MARGIN = NAME_MARGIN  # names tolerate commoner swaps: "house" -> "home"
            try:
                for pos in self.POS:
                    for c in swaps.choices(self.mythes, self.wordnet, word, pos):
                        if " " not in c.spun and c.rank < self.MAX_RANK:
                            found.setdefault((c.spun,), Substitute((c.spun,), 1.0 + c.rank, False))
            finally:
                swaps.MARGIN = saved
        out = sorted(found.values(), key=lambda s: (s.cost, s.spun))[:PER_WORD]
        self._cache[word] = out
        return out


@dataclass(frozen=True, slots=True)
class Variant:
    spun: tuple[str, ...]
    name: Name
    cost: float
    swapped: int
    curated: bool  # every swap is a hand-written one


def variants(name: Name, subs: Substitutions) -> list[Variant]:
    """Spun variants of a name, likeliest first: up to MAX_SWAPPED words swapped at once."""
    words = name.words
    options = [(i, s) for i, w in enumerate(words) if w.isalpha() and w not in STOPWORDS for s in subs.of(w)]
    if len(words) == 2:
        options = [(i, s) for i, s in options if short_name_swap(words[i], s)]
    by_pos: dict[int, list[Substitute]] = {}
    for i, s in options:
        by_pos.setdefault(i, []).append(s)
    out: dict[tuple[str, ...], Variant] = {}
    positions = sorted(by_pos)
    for k in range(1, min(MAX_SWAPPED, len(positions)) + 1):
        for chosen in itertools.combinations(positions, k):
            for picks in itertools.product(*(by_pos[i] for i in chosen)):
                spun: list[str] = []
                swap_at = dict(zip(chosen, picks))
                for i, w in enumerate(words):
                    spun.extend(swap_at[i].spun if i in swap_at else (w,))
                key = tuple(spun)
                cost = sum(p.cost for p in picks) + 0.1 * k
                v = Variant(key, name, cost, k, all(p.curated for p in picks))
                if key not in out or cost < out[key].cost:
                    out[key] = v
    return sorted(out.values(), key=lambda v: (v.cost, v.spun))[:PER_NAME]


def short_name_swap(word: str, sub: Substitute) -> bool:
    """Whether a swap may mangle a two-word name. Two common words side by side are often
    ordinary English ("transportation section"), so only the spinners' known swaps (hand-written
    or from the swap table, not bare thesaurus guesses) count, and only for a word at least as
    rare as the one it displaced: a writer may well have chosen a commoner word."""
    if sub.cost >= 1.0:
        return False
    return swaps.zipf(sub.spun[-1]) <= swaps.zipf(word) + 0.05 or sub.curated and len(sub.spun) > 1


def weight(v: Variant) -> float:
    """High: no writer prints "Justice Division". A little higher for longer names and for
    the hand-written swaps, a little lower for a two-word name where one thesaurus guess could
    still make an ordinary phrase."""
    w = 0.85
    if len(v.name.words) >= 3:
        w += 0.05
    if v.curated:
        w += 0.05
    elif len(v.spun) == 2 and v.swapped == 1:
        w -= 0.05
    return round(min(0.95, max(0.8, w)), 2)


@dataclass
class NameTable:
    rows: list[Row]
    names: int
    considered: int
    dropped_honest: int


def build(
    names: list[Name],
    subs: Substitutions,
    taken: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], bool]],
    established: set[tuple[str, ...]] = frozenset(),
    honest_texts: Iterable[str] | None = None,
) -> NameTable:
    """Rows for every name's variants, deferring to `taken` (spun key -> (originals, ambiguous))."""
    listed = {n.words for n in names}
    inside = {w[i:j] for w in listed for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
    strong_spun = {k for k, (_, amb) in taken.items() if not amb}
    chosen: dict[tuple[str, ...], list[Variant]] = {}
    considered = 0
    for name in names:
        if name.words in strong_spun:
            continue  # a listed name that is itself a spun form elsewhere would chain
        for v in variants(name, subs):
            considered += 1
            if v.spun in taken or v.spun in inside or v.spun in established:
                continue  # a real name, part of one ("Border Patrol chief"), or plain English
            chosen.setdefault(v.spun, []).append(v)
    honest = occurring(set(chosen), honest_texts)
    rows = []
    for key, vs in chosen.items():
        if key in honest:
            continue
        vs.sort(key=lambda v: (v.cost, v.name.text))
        originals = tuple(dict.fromkeys(v.name.text for v in vs))
        best = vs[0]
        rows.append(Row(" ".join(key), originals, "name", weight(best), False, f"gen:names:{best.name.origin}"))
    return NameTable(rows, len(names), considered, len(set(chosen) & honest))


def hand_written_rows() -> list[tuple[tuple[str, ...], tuple[str, ...], str, bool]]:
    """(spun key, first original key, kind, cycle flag) of the hand-written lexicon files and
    of the spinner's own table (`spinner.py`), whose pairs that swap two words both ways count
    as cycles."""
    from despin.lexgen.spinner import read_table
    from despin.lexicon import Row as LexRow, read_rows

    out = []
    for path in sorted(default_dir().glob("*.tsv")):
        for item in read_rows(path):
            if isinstance(item, LexRow):
                cycle = "cycle" in item.flags.split(",")
                out.append((phrase_key(item.spun), phrase_key(item.original.split("|")[0]), item.kind, cycle))
    table = read_table()
    both_ways = {(s.original, s.spun) for s in table}
    for s in table:
        out.append((phrase_key(s.spun), phrase_key(s.original), "swap", (s.spun, s.original) in both_ways))
    return out


def generate(out_dir: Path | None = None, swap_table: swaps.SwapTable | None = None) -> NameTable:
    """Write lexicons/generated/names.tsv; it defers to every other lexicon file, swaps.tsv too."""
    from despin.lexgen.collocations import shared_thesaurus

    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "names.tsv"
    thesaurus = shared_thesaurus()
    swap_table = swap_table or swaps.table(out_dir)
    subs = Substitutions(curated_substitutes(hand_written_rows()), swap_table.forward, thesaurus.mythes, thesaurus.wordnet)
    names = [n for path in LISTS for n in read_names(path)]
    taken = swaps.lexicon_entries(exclude=[target])
    result = build(names, subs, taken, thesaurus.established)
    n = write_tsv(target, result.rows, "Institutions, titles and set names with words swapped by a spinner.")
    log(f"names: {result.names} names, {result.considered} variants considered, "
        f"{result.dropped_honest} found in honest text, {n} rows -> {target}")
    return result
