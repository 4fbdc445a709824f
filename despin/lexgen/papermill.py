"""Source 4 by the paper-mill spinner's own table: technical terms spun word by word.

Paper mills run manuscripts through a spinner whose synonym table turns "artificial" into
"counterfeit", "deep" into "profound", "random" into "irregular", "data" into "information",
word by word and blind to terms, so "artificial intelligence" comes out as "counterfeit
consciousness" and "random forest" as "irregular woods". `data/papermill_table.tsv` is a
hand-written, word-level forward table of those substitutes over the 3,000 words that recur most
in despin's technical terms, each `sure` (a frequently seen substitute) or `likely` (a guess at
the spinner's choice: variants that take one are ambiguous, at half the weight); it holds
words, never whole phrases, and the Problematic Paper Screener's list is not an input.

The table is crossed with the technical terms: the hand-written list `data/science_terms.txt`,
WordNet's terms of scientific domains and the collected terms of `data/technical_terms.tsv`.
Each term gets its variants with one word swapped and, for terms of two or three words, two
words swapped (the commonest tortured phrases swap both). The filters and weights are the
collocation generator's (`collocations.build_rows`): no variant that is an established
expression, a common pair of published English, a phrase of the honest filter corpus or a form
another lexicon file already holds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from despin.lexgen.collocations import Expression, Generation, SCIENCE_LIST, Variant, build_rows, make_variant, weigh, list_expressions, shared_thesaurus
from despin.lexgen.common import STOPWORDS, log, taken_forms, write_tsv
from despin.lexgen.spinner import read_table as read_forward_table
from despin.lexicon import default_dir
from despin.scoring import LIKELY_SHARE

TABLE = Path(__file__).resolve().parent / "data" / "papermill_table.tsv"
PER_WORD = 4  # substitutes of one word tried in single swaps
PER_WORD_DOUBLE = 2  # substitutes of each word combined in double swaps
PER_TERM = 12  # variants kept per term, likeliest first


@dataclass(frozen=True, slots=True)
class Substitute:
    spun: str
    sure: bool


def read_table(path: Path = TABLE) -> dict[str, list[Substitute]]:
    """word -> its substitutes, sure ones first, in table order. The file has the spinner
    table's format (`spinner.read_table`); this table is word-level: words of letters only
    ("sub-atomic" is left out)."""
    out: dict[str, list[Substitute]] = {}
    for row in read_forward_table(path):
        if not row.original.isalpha() or not all(w.isalpha() for w in row.spun.split()):
            continue
        subs = out.setdefault(row.original, [])
        if all(s.spun != row.spun for s in subs):
            subs.append(Substitute(row.spun, row.certainty == "sure"))
    for subs in out.values():
        subs.sort(key=lambda s: not s.sure)  # stable: table order within a tier
    return out


def table_variants(table: dict[str, list[Substitute]], expr: Expression) -> list[Variant]:
    """Variants of a term by the table: every single swap, and double swaps of short terms."""
    slots: dict[int, list[Substitute]] = {}
    for i, word in enumerate(expr.words):
        if word in STOPWORDS:
            continue
        subs = [s for s in table.get(word, ()) if s.spun not in expr.words][:PER_WORD]
        if subs:
            slots[i] = subs
    # a likely substitute ranks after every sure one; `first_sense` (a thesaurus's notion) is
    # never claimed for a table's choice
    rank = {(i, s.spun): r + (0 if s.sure else PER_WORD) for i, subs in slots.items() for r, s in enumerate(subs)}
    out = [make_variant(expr, ((i, s.spun),), False, rank) for i, subs in slots.items() for s in subs]
    if 2 <= len(expr.words) <= 3:
        sure = {i: [s for s in subs if s.sure][:PER_WORD_DOUBLE] for i, subs in slots.items()}
        for a, b in itertools.combinations(sorted(slots), 2):
            for sa, sb in itertools.product(sure[a], sure[b]):  # both words swapped: sure substitutes only
                out.append(make_variant(expr, ((a, sa.spun), (b, sb.spun)), False, rank))
    return out


def weigh_by_table(table: dict[str, list[Substitute]], v: Variant) -> tuple[float, bool]:
    """The collocation generator's weight, where every substitute the variant took is `sure`.
    A `likely` one is a guess at the spinner's choice: the variant is then ambiguous and its
    weight halved, evidence only beside others, so an honest "lengthy period" stays quiet
    (and lends no weight to the weak findings around it) while a manuscript full of such
    phrases does not."""
    weight, ambiguous = weigh(v)
    sure = all(
        any(s.spun == spun and s.sure for s in table.get(v.expression.words[i], ())) for i, spun in v.swaps
    )
    return (weight, ambiguous) if sure else (round(weight * LIKELY_SHARE, 2), True)


def expressions() -> list[Expression]:
    """The technical terms: the hand-written list, WordNet's scientific terms, the collected ones."""
    from despin.lexgen.science import domain_expressions, term_expressions
    from despin.lexgen.terms import read_terms

    exprs = list_expressions(SCIENCE_LIST)
    seen = {e.words for e in exprs}
    exprs += domain_expressions(shared_thesaurus().wordnet, seen)
    seen |= {e.words for e in exprs}
    exprs += term_expressions(read_terms(), seen)
    return exprs


def generate(out_dir: Path | None = None) -> Generation:
    """Write lexicons/generated/papermill.tsv; it defers to every lexicon file written before
    it (hand-written rows, the thesaurus-made science and collocation rows)."""
    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "papermill.tsv"
    table = read_table()
    later = [target] + [out_dir / f"{name}.tsv" for name in ("spinner", "swaps", "names")]
    taken_spun, taken_orig = taken_forms(exclude=later)
    # a term another file holds as a spun form is no original here: fixing would chain
    exprs = [e for e in expressions() if e.words not in taken_spun]
    gen = build_rows(
        shared_thesaurus(), exprs, "science", "gen:papermill", taken_spun, taken_orig,
        cap=lambda e: PER_TERM, make=lambda e: table_variants(table, e), via="table",
        weigh_by=lambda v: weigh_by_table(table, v),
    )
    n = write_tsv(target, gen.rows, "Technical terms spun word by word by the paper-mill spinner's table (data/papermill_table.tsv).")
    log(f"papermill: {len(table)} words in the table, {len(gen.expressions)} terms, {gen.considered} variants "
        f"considered, {gen.dropped_honest} found in honest text, {n} rows -> {target}")
    return gen
