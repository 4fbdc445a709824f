"""Source 2, the spinner's own table: what the news-spinner family prints for frequent words.

`data/spinner_table.tsv` is a forward table written by hand, word by word over wordfreq's
6,000 most frequent English words: for each word (or inflected form, or short set phrase
beginning with it), the substitutes this family of spinners is seen to print in spun news
("year" -> "12 months", "cancer" -> "most cancers", "came" -> "got here", "health" ->
"well being"), each marked `sure` (a frequently seen output) or `likely`. Unlike the thesaurus
guesses of `swaps.py`, these rows say what the spinner does, so `fix` restores them in a
document judged spun.

This module inverts the table into lexicon rows, spun form -> candidate originals (`sure`
ones first, then the commoner original). A spun form that is ordinary English ("individuals",
"got here", "state of affairs": a word, an established expression of the thesauri, a common
pair of published English, or a phrase of the honest filter corpus) is an ambiguous swap that
counts only where evidence gathers, with a low prior by tier that the scorer moves with the
rarity of the swap. A row whose spun form is commoner than its original is dropped: most uses
of such a word are the writer's own, and restoring them does more harm than good. `likely`
rows are evidence and unsafe fixes only, like the thesaurus swaps.
A multiword spun form that is not ordinary English ("secrets and techniques", "places of
work", "fiscal 12 months") is a fingerprint: kind `phrase`, not ambiguous.

Hand-written lexicon rows win (their spun forms are skipped); no row may make a chain through
an unambiguous entry; a pair of rows that swap two words both ways ("house" <-> "home") is
flagged `cycle`, which the validator accepts because fixes are applied once, by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from despin.casing import ARTICLES
from despin.lexgen.common import Row, log, write_tsv, zipf
from despin.lexgen.swaps import MIN_RARITY
from despin.lexicon import canonical, default_dir
from despin.tokens import phrase_key

TABLE = Path(__file__).resolve().parent / "data" / "spinner_table.tsv"
CERTAINTIES = ("sure", "likely")
# The prior of an ambiguous row, by tier, before the scorer moves it with the rarity of the
# swap: as low as the hand-written rows of everyday words ("mentioned" 0.15, "individuals"
# 0.1 in lexicons/news.tsv) or lower, since a page of honest prose holds a dozen of them.
WEIGHT = {"sure": 0.08, "likely": 0.04}
# A spun word that is not clearly rarer than the word it replaced is not worth restoring: most
# of its uses are the writer's own ("started" is no spun "birthed", nor "administration" a
# spun "management", in most texts that hold them). The bar is the thesaurus swaps' own
# (swaps.MIN_RARITY). Single words only: Zipf is trustworthy there; a multiword side is
# counted in the honest filter corpus (`corpus_commoner`).
MIN_DROP = MIN_RARITY
MAX_ORIGINALS = 3
FINGERPRINT_WEIGHT = {"sure": 0.85, "likely": 0.7}


@dataclass(frozen=True, slots=True)
class Substitution:
    """One row of the forward table: the spinner prints `spun` where a writer wrote `original`."""

    original: str
    spun: str
    certainty: str
    line: int


def read_table(path: Path = TABLE) -> list[Substitution]:
    """The forward table; comments (#) and blank lines skipped, malformed lines rejected."""
    out: list[Substitution] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 3 or cols[2] not in CERTAINTIES:
            raise ValueError(f"{path.name}:{n}: expected original<TAB>spun<TAB>sure|likely, got {raw!r}")
        original, spun = canonical(cols[0]), canonical(cols[1])
        if original and spun and original != spun:
            out.append(Substitution(original, spun, cols[2], n))
    return out


def zipf_commoner(spun: str, original: str) -> bool:
    """Whether the spun word is commoner than its original, or not MIN_DROP rarer on
    wordfreq's Zipf scale, which is trustworthy for single words; a multiword form is never
    called commoner here."""
    if " " in spun or " " in original:
        return False
    return zipf(spun) > zipf(original) - MIN_DROP


def corpus_commoner(pairs: Iterable[tuple[str, str]]) -> Callable[[str, str], bool]:
    """`zipf_commoner`, and for pairs with a multiword side a count of both sides in the
    honest filter corpus (common.occurrences): "set up" is commoner there than "establish",
    "got here" is not commoner than "came"."""
    from despin.lexgen.common import occurrences

    multi = [(s, o) for s, o in pairs if " " in s or " " in o]
    counts, _ = occurrences({phrase_key(x) for pair in multi for x in pair})

    def commoner(spun: str, original: str) -> bool:
        if " " not in spun and " " not in original:
            return zipf_commoner(spun, original)
        return counts[phrase_key(spun)] > counts[phrase_key(original)]

    return commoner


@dataclass(frozen=True, slots=True)
class SpinnerTable:
    rows: list[Row]
    substitutions: int
    skipped_taken: int
    skipped_chain: int
    skipped_commoner: int
    cycles: int


def build(
    subs: Iterable[Substitution],
    taken: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], bool]],
    ordinary: Callable[[tuple[str, ...]], bool] = lambda key: True,
    commoner: Callable[[str, str], bool] = zipf_commoner,
) -> SpinnerTable:
    """Invert the forward table into lexicon rows, deferring to `taken` (spun key ->
    (original keys, ambiguous)) of the other lexicon files. `ordinary` says whether a
    multiword spun form is ordinary English, `commoner` whether a spun form is commoner than
    its original (see the module docstring)."""
    subs = [_without_article(s) for s in subs]
    strong_spun = {k for k, (_, amb) in taken.items() if not amb}
    taken_first = {k: origs[0] for k, (origs, _) in taken.items() if origs}
    by_spun: dict[str, list[Substitution]] = {}
    skipped_taken = skipped_chain = skipped_commoner = 0
    for s in subs:
        if commoner(s.spun, s.original):
            skipped_commoner += 1
            continue
        key, okey = phrase_key(s.spun), phrase_key(s.original)
        if key in taken or taken_first.get(okey) == key:
            skipped_taken += 1  # spelled already, or the other direction is (hand-written wins)
            continue
        if okey in strong_spun:
            skipped_chain += 1  # restoring it would make text that an unambiguous entry flags
            continue
        by_spun.setdefault(s.spun, []).append(s)
    pairs = {(s.spun, s.original) for group in by_spun.values() for s in group}
    rows: list[Row] = []
    cycles = 0
    for spun, group in sorted(by_spun.items()):
        # sure before likely, then the commoner original; one candidate per original
        group.sort(key=lambda s: (CERTAINTIES.index(s.certainty), -zipf(s.original.split()[0]), s.line))
        originals: list[str] = []
        for s in group:
            if s.original not in originals:
                originals.append(s.original)
        originals = originals[:MAX_ORIGINALS]
        first = group[0]
        cycle = any((o, spun) in pairs for o in originals)
        cycles += cycle
        source = f"gen:spinner:{first.certainty}"
        if len(phrase_key(spun)) > 1 and not cycle and not ordinary(phrase_key(spun)):
            rows.append(Row(spun, tuple(originals), "phrase", FINGERPRINT_WEIGHT[first.certainty], False, source))
        else:
            rows.append(Row(spun, tuple(originals), "swap", WEIGHT[first.certainty], True, source, cycle))
    return SpinnerTable(rows, len(subs), skipped_taken, skipped_chain, skipped_commoner, cycles)


def _without_article(s: Substitution) -> Substitution:
    """A row that only carries its article along ("a huge" -> "an enormous") as the word's own
    row ("huge" -> "enormous"): the rewriter makes the article agree by itself, and the word's
    row then defers to a hand-written one as any other does."""
    original, spun = s.original.split(" "), s.spun.split(" ")
    if len(original) == len(spun) == 2 and original[0] in ARTICLES and spun[0] in ARTICLES:
        return Substitution(original[1], spun[1], s.certainty, s.line)
    return s


def ordinary_forms(forms: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The multiword forms that are ordinary English: established expressions of the
    thesauri, forms whose every two neighbouring words are a pair of the bigram list of
    published English (function words included: "got here", "quite the" + "the opposite"),
    or phrases of the honest filter corpus."""
    from despin.lexgen.collocations import shared_thesaurus
    from despin.lexgen.common import occurring
    from despin.lexgen.thesaurus import bigram_path, frequent_bigrams

    thesaurus = shared_thesaurus()
    path = bigram_path()
    pairs = frequent_bigrams(path) if path is not None else set()
    known = {f for f in forms if f in thesaurus.established or _vouched(f, pairs)}
    return known | occurring(forms - known)


# Contracted endings, tokens of their own ("it's" is "it" + "'s"). The bigram list holds no
# apostrophes, so a pair with one is taken on trust and the rest of the form decides:
# "it's going to" is ordinary ("going to"), "it's a must to" is not ("must to").
CLITICS = frozenset({"'s", "'ll", "'re", "'ve", "'d", "'m", "n't"})


def _vouched(form: tuple[str, ...], pairs: set[tuple[str, str]]) -> bool:
    """Whether every two neighbouring words of a form are a common pair, pairs with a
    contracted ending aside (at least one pair must be left to vouch)."""
    left = [p for p in zip(form, form[1:]) if p[0] not in CLITICS and p[1] not in CLITICS]
    return bool(left) and all(p in pairs for p in left)


def generate(out_dir: Path | None = None) -> SpinnerTable:
    """Write lexicons/generated/spinner.tsv; it defers to every lexicon file but the thesaurus
    swap table and the names generated after it (both of which defer to this one)."""
    from despin.lexgen.swaps import lexicon_entries

    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "spinner.tsv"
    taken = lexicon_entries(exclude=[target, out_dir / "swaps.tsv", out_dir / "names.tsv"])
    subs = read_table()
    ordinary = ordinary_forms({k for s in subs if len(k := phrase_key(s.spun)) > 1})
    result = build(subs, taken, ordinary.__contains__, corpus_commoner((s.spun, s.original) for s in subs))
    n = write_tsv(target, result.rows, "The news spinner's own table (data/spinner_table.tsv), inverted: spun form -> originals.")
    log(f"spinner: {result.substitutions} substitutions, {result.skipped_taken} already in hand-written rows, "
        f"{result.skipped_chain} chains and {result.skipped_commoner} commoner spun forms dropped, {result.cycles} cycles flagged, {n} rows -> {target}")
    return result
