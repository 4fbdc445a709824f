"""Data of the near-miss signal (despin/nearmiss.py): expressions, reverse synonyms, exceptions.

The signal needs no entry per spun form, so it can afford what the lexicon cannot. It has
two tiers, because ordinary English is full of honest neighbours of familiar expressions
("legal authority" beside "legal power") while technical terms have few:

- strict: every established expression the generators know (news and science lists, WordNet's
  familiar and scientific multiword lemmas, the collected technical terms of `terms.py`), and
  per word the near synonyms MyThes and WordNet list, only where the swapped-in word is much
  rarer (`expressions.txt`, `swaps.txt`);
- loose: the technical terms only (science list, WordNet's scientific lemmas, collected
  terms), and the synonyms a loose spinner draws from MyThes, WordNet and the Moby thesaurus
  (Moby's ranked by the overlap of the two words' synonym lists), wherever the swapped-in
  word is rarer at all, and a term's verb forms swapped on their verbs ("hidden layer" ->
  "shrouded layer", `verb_form_swaps`) (`terms.txt`, `loose.txt`).

Displaced words are written likeliest first, each with the Zipf drop of the swap.
`table.txt` is the paper-mill table (`data/papermill_table.tsv`) read backwards for the
spun-term signal (despin/tablespin.py): substitute -> the words it replaces, each with the Zipf
drop of the swap and the table's certainty.

`honest.txt` holds the near misses and spun-term readings that are ordinary English, found by
running both detectors over established expressions (the thesauri's multiword entries, the word
pairs of `lexicons/context/pairs.txt`, the lexicon's own originals) and over the honest-text
filter corpus (`common.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from despin.lexgen.collocations import (
    NEWS_LIST,
    SCIENCE_LIST,
    Expression,
    Thesaurus,
    list_expressions,
    shared_thesaurus,
    word_pos,
    wordnet_expressions,
)
from despin.lexgen.common import STOPWORDS, filter_texts, log, taken_forms, zipf
from despin.lexicon import default_dir

STRICT_DROP = 1.0  # strict tier: the swap makes the phrase at least this much rarer (Zipf)
LOOSE_DROP = 0.01  # loose tier: the swapped-in word rarer than the word it displaced
STRICT_SYNONYMS = 12  # MyThes / WordNet synonyms tried per word in the strict tier
LOOSE_SYNONYMS = 60  # ... and in the loose tier
BROAD_SYNONYMS = 200  # and Moby's beyond those, loose tier only
MAX_DISPLACED = 120  # displaced words kept per swapped-in word, likeliest first
MIN_FORM_ZIPF = 2.0  # a verb form made by a regular ending must be a word ("beated" is not)


def signal_expressions(thesaurus: Thesaurus) -> tuple[list[Expression], list[Expression]]:
    """Every established noun expression of 2-3 words the generators know, and the technical
    terms among them."""
    from despin.lexgen.science import domain_expressions, term_expressions
    from despin.lexgen.terms import read_terms

    news = list_expressions(NEWS_LIST)
    technical = list_expressions(SCIENCE_LIST)
    listed = {e.words for e in news + technical}
    familiar = wordnet_expressions(thesaurus.wordnet, exclude=listed)
    technical += domain_expressions(thesaurus.wordnet, listed | {e.words for e in familiar})
    # a term only one dictionary lists may be jargon of ordinary words ("holy war"): the loose
    # tier takes the terms two sources agree on, or that recur in package descriptions or in
    # scientific packages' docstrings
    agreed = [t for t in read_terms() if len(t.sources) > 1 or {"debian", "docstrings"} & set(t.sources)]
    technical += term_expressions(agreed, listed | {e.words for e in familiar + technical})
    nouns = thesaurus.wordnet.index("n")

    def keep(exprs: list[Expression]) -> list[Expression]:
        # phrasal verbs ("set on") and adverbs ("very well") have too many honest neighbours
        return [
            e for e in dict.fromkeys(exprs)
            if 2 <= len(e.words) <= 3 and e.head_pos == "n" and not any(w in STOPWORDS for w in e.words)
            and (e.origin != "wordnet" or " ".join(e.words) in nouns)
        ]

    return keep(news + familiar + technical), keep(technical)


def verb_form_swaps(thesaurus: Thesaurus, word: str, synonyms: int) -> list[str]:
    """Swaps of a verb form in a term, made on its verb: "learning" -> "studying", "mastering".

    Thesauri list "learning" as a noun ("erudition"), but spinners treat the participles of
    terms as verbs: they swap "learn" for "study" and keep the ending ("machine studying",
    "preparing set", "shrouded layer", "increased reality"). The forms must be words.
    """
    from despin.morph import inflect

    if word.endswith("ing"):
        tag = "ing"
    elif word.endswith(("ed", "en", "wn")):
        tag = "ed"
    else:
        return []
    out: list[str] = []
    for base in thesaurus.wordnet.base_forms(word, "v"):
        if base == word:
            continue
        for syn, _ in thesaurus.swaps(base, "v", synonyms):
            form = inflect(syn, tag)
            if " " not in syn and form != word and form not in out and zipf(form) >= MIN_FORM_ZIPF:
                out.append(form)
    return out


def reverse_map(
    thesaurus: Thesaurus, exprs: Iterable[Expression], synonyms: int, min_drop: float, verb_forms: bool = False
) -> tuple[list[Expression], dict[str, list[tuple[str, float]]]]:
    """The expressions some swap reaches, and swapped-in word -> [(displaced word, drop)].

    Displaced words are ordered by how likely the thesaurus makes the swap (its rank among the
    word's synonyms), so the detector tries the likeliest first. With `verb_forms`, a verb
    form in an expression is swapped on its verb too (`verb_form_swaps`), after its own
    synonyms.
    """
    ranked: dict[str, dict[str, tuple[int, float]]] = {}
    memo: dict[tuple[str, str], list[str]] = {}
    kept: list[Expression] = []
    for e in exprs:
        useful = False
        for i, word in enumerate(e.words):
            if not word.isalpha() or len(word) < 3:
                continue  # "em algorithm": in a term, two letters are an abbreviation, not a word
            pos = word_pos(thesaurus, e, i)
            if (word, pos) not in memo:
                own = [s for s, _ in thesaurus.swaps(word, pos, synonyms, other_pos=3)]
                extra = verb_form_swaps(thesaurus, word, synonyms) if verb_forms else []
                memo[(word, pos)] = own + [s for s in extra if s not in own]
            for rank, syn in enumerate(memo[(word, pos)]):
                drop = round(zipf(word) - zipf(syn), 2)
                if drop < min_drop:
                    continue
                old = ranked.setdefault(syn, {}).get(word)
                if old is None or rank < old[0]:
                    ranked[syn][word] = (rank, drop)
                useful = True
        if useful:
            kept.append(e)
    reverse = {
        syn: [(w, d) for w, (_, d) in sorted(words.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))][:MAX_DISPLACED]
        for syn, words in ranked.items()
    }
    return kept, reverse


def established_phrases(thesaurus: Thesaurus, pairs_file: Path | None = None) -> set[tuple[str, ...]]:
    """Multiword expressions of 2-3 words known to be ordinary English, and the common word
    pairs of published English."""
    out = {e for e in thesaurus.established if 2 <= len(e) <= 3} | thesaurus.common_pairs
    pairs_file = pairs_file or default_dir() / "context" / "pairs.txt"
    if pairs_file.is_file():
        for ln in pairs_file.read_text(encoding="utf-8").splitlines():
            if ln and not ln.startswith("#"):
                out.add(tuple(ln.split()))
    return out


def honest_exceptions(detectors, established: Iterable[tuple[str, ...]], texts: Iterable[str] | None = None) -> set[tuple[str, ...]]:
    """The phrases the `detectors` (near-miss, spun-term) would report in ordinary English:
    in the established phrases and in the honest-text filter corpus."""
    from despin.tokens import tokenize

    out: set[tuple[str, ...]] = set()
    for phrase in established:
        if any(d._judge(tuple(phrase)) is not None for d in detectors):
            out.add(phrase)
    for text in filter_texts() if texts is None else texts:
        tokens = tokenize(text.replace("\u2019", "'"))
        for detector in detectors:
            for m in detector.find(tokens):
                out.add(tuple(tokens.norms[m.first : m.last + 1]))
    return out


def table_lines() -> list[str]:
    """The paper-mill table backwards (`table.txt`): one-word substitutes of content words,
    each with the words it replaces, sure ones first, and the Zipf drop of each swap."""
    from despin.lexgen.papermill import read_table

    reverse: dict[str, list[tuple[str, float, bool]]] = {}
    for original, subs in sorted(read_table().items()):
        for s in subs:
            if " " in s.spun or s.spun in STOPWORDS or original in STOPWORDS:
                continue
            reverse.setdefault(s.spun, []).append((original, round(zipf(original) - zipf(s.spun), 2), s.sure))
    lines = []
    for spun, origs in sorted(reverse.items()):
        origs.sort(key=lambda o: not o[2])  # stable: sure ones first, then in word order
        lines.append(f"{spun}\t" + " ".join(f"{w}:{d:.2f}:{'sure' if sure else 'likely'}" for w, d, sure in origs))
    return lines


def _write(path: Path, what: str, lines: Iterable[str]) -> None:
    note = "# Generated by `python -m despin.lexgen --only signals`: do not edit.\n"
    path.write_text(note + f"# {what}\n" + "\n".join(lines) + "\n", encoding="utf-8")


def _swap_lines(reverse: dict[str, list[tuple[str, float]]]) -> list[str]:
    return [f"{syn}\t" + " ".join(f"{w}:{d:.2f}" for w, d in origs) for syn, origs in sorted(reverse.items())]


def generate(out_dir: Path | None = None) -> None:
    """Write lexicons/signals/: expressions.txt, swaps.txt, terms.txt, loose.txt, zipf.txt,
    table.txt, honest.txt."""
    from despin.lexgen.science import science_thesaurus
    from despin.nearmiss import NearMissDetector
    from despin.tablespin import TableSpinDetector, parse_table

    out_dir = out_dir or default_dir() / "signals"
    out_dir.mkdir(parents=True, exist_ok=True)
    strict = shared_thesaurus()
    loose = science_thesaurus(broad_limit=BROAD_SYNONYMS)
    everything, technical = signal_expressions(strict)
    kept, swaps = reverse_map(strict, everything, STRICT_SYNONYMS, STRICT_DROP)
    terms, loose_swaps = reverse_map(loose, technical, LOOSE_SYNONYMS, LOOSE_DROP, verb_forms=True)
    expressions = {e.words for e in kept}
    term_set = {e.words for e in terms}
    table = table_lines()
    reverse_table = parse_table(table)
    _, originals = taken_forms()
    words = {w for t in term_set for w in t} | set(loose_swaps) | set(reverse_table)
    zipfs = {w: round(zipf(w), 2) for w in sorted(words)}
    detector = NearMissDetector(expressions, {k: tuple(v) for k, v in swaps.items()}, set(), term_set,
                                {k: tuple(v) for k, v in loose_swaps.items()}, zipfs)
    spun_terms = TableSpinDetector(reverse_table, term_set, expressions, zipfs)
    exceptions = honest_exceptions((detector, spun_terms), established_phrases(strict) | {o for o in originals if 2 <= len(o) <= 3})
    _write(out_dir / "expressions.txt", "Established expressions the near-miss signal knows, one per line.",
           sorted(" ".join(w) for w in expressions))
    _write(out_dir / "swaps.txt", "swapped-in word<TAB>displaced word:Zipf drop ..., likeliest first", _swap_lines(swaps))
    _write(out_dir / "terms.txt", "Technical terms, which the loose swaps reach, one per line.",
           sorted(" ".join(w) for w in term_set))
    _write(out_dir / "loose.txt", "Loose swaps, technical terms only: swapped-in word<TAB>displaced word:Zipf drop ...",
           _swap_lines(loose_swaps))
    _write(out_dir / "zipf.txt", "word<TAB>wordfreq Zipf frequency, for the words of terms.txt, loose.txt and table.txt",
           (f"{w}\t{z:.2f}" for w, z in zipfs.items()))
    _write(out_dir / "table.txt", "The paper-mill table backwards: substitute<TAB>replaced word:Zipf drop:sure|likely ...", table)
    _write(out_dir / "honest.txt", "Near misses and spun-term readings that are ordinary English: never reported.",
           sorted(" ".join(v) for v in exceptions))
    log(f"signals: {len(expressions)} expressions, {len(swaps)} strict swapped-in words; "
        f"{len(term_set)} technical terms, {len(loose_swaps)} loose swapped-in words; "
        f"{len(exceptions)} honest exceptions -> {out_dir}")
