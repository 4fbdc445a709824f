"""Source 4: tortured technical terms, by the same machinery as the collocations.

Paper mills run scientific prose through spinners, which turn "deep learning" into "profound
learning" and "neural network" into "neural organization". The expressions here are technical
terms: the hand-written list in `data/science_terms.txt` (machine learning, statistics,
computing and networks, engineering, chemistry, medicine) and WordNet's multiword lemmas whose
synsets belong to a scientific topic domain. Spinners ignore grammar in such text, so a few
synonyms from other parts of speech are tried too. The Problematic Paper Screener's list is
used only to measure the result (benchmarks/pps_coverage.py), never as an input.
"""

from __future__ import annotations

from pathlib import Path

from despin.lexgen.collocations import (
    NEWS_LIST,
    SCIENCE_LIST,
    Expression,
    Generation,
    Thesaurus,
    build_rows,
    list_expressions,
    shared_thesaurus,
)
from despin.lexgen.common import STOPWORDS, log, read_expression_list, taken_forms, write_tsv, zipf
from despin.lexgen.terms import Term, read_terms
from despin.lexgen.thesaurus import Moby, WordNet, load_moby, moby_path
from despin.lexicon import default_dir

BROAD_SYNONYMS = 24  # synonyms per word taken from Moby beyond MyThes and WordNet's

# WordNet topic domains (";c" pointers) whose member terms count as scientific vocabulary.
SCIENCE_DOMAINS = frozenset({
    "computer science", "computing", "medicine", "medical specialty", "pathology", "surgery",
    "pharmacology", "psychiatry", "psychology", "chemistry", "biochemistry", "organic chemistry",
    "physics", "nuclear physics", "electronics", "engineering", "electrical engineering",
    "mathematics", "statistics", "biology", "genetics", "molecular biology", "cytology",
    "microbiology", "immunology", "neurology", "cardiology", "oncology", "radiology", "ecology",
    "geology", "meteorology", "astronomy", "telecommunication", "electricity", "optics",
    "mechanics", "thermodynamics", "physiology", "anatomy", "virology", "epidemiology",
})


def domain_expressions(wordnet: WordNet, exclude: set[tuple[str, ...]]) -> list[Expression]:
    """WordNet multiword lemmas of 2-3 common words in a scientific topic domain."""
    members = wordnet.topic_domain_members
    out: dict[tuple[str, ...], Expression] = {}
    for domain in SCIENCE_DOMAINS:
        for pos, offset in members.get(domain, ()):
            if pos not in ("n", "a"):
                continue
            for word in wordnet.synset(pos, offset).words:
                words = tuple(word.lower().split())
                if not 2 <= len(words) <= 3 or words in exclude or word[:1].isupper():
                    continue
                if not all(w.isalpha() and w.isascii() for w in words):
                    continue
                if all(w in STOPWORDS for w in words) or min(zipf(w) for w in words) < 3.0:
                    continue
                out.setdefault(words, Expression(words, 0.8, "wordnet", "n"))
    return list(out.values())


def term_expressions(terms: list[Term], exclude: set[tuple[str, ...]]) -> list[Expression]:
    """The collected technical terms (`terms.py`), named by their sources in the source column.

    A term several sources agree on, or one recurring in many package descriptions, is surely
    established, so it counts as more fixed.
    """
    out = []
    for t in terms:
        if t.words in exclude:
            continue
        fixed = 0.8 if len(t.sources) > 1 or t.docs >= 20 else 0.7
        out.append(Expression(t.words, fixed, f"terms({'/'.join(t.sources)})", "n"))
    return out


def science_thesaurus(broad_limit: int = BROAD_SYNONYMS) -> Thesaurus:
    """The thesauri for technical prose: MyThes and WordNet, looser, and Moby when installed.

    Spinners of technical prose use looser synonyms than news spinners do, from broad
    thesauri ("network" -> "organization"); Moby's are ranked by how much the two words'
    synonym lists overlap (`Moby.shared_meanings`).
    """
    global _MOBY
    if _MOBY is None:
        path = moby_path()
        _MOBY = load_moby(path) if path is not None else False
        if not _MOBY:
            log("science: the Moby thesaurus is not installed (pip install 'despin[lexgen]'): fewer rows")
    broad = (_MOBY or None) if broad_limit else None
    return shared_thesaurus().loosened(margin=0.5, related=True, broad_limit=broad_limit if broad else 0, broad=broad)


_MOBY: Moby | None | bool = None  # loaded once per run (about 3 s); False: not installed


def cap_for(e: Expression) -> int:
    """Variants kept per expression: many for the hand-written list, a few for WordNet's."""
    return 24 if e.origin == "list" else 4


def generate(out_dir: Path | None = None) -> Generation:
    """Write lexicons/generated/science.tsv from the listed and WordNet-domain terms.

    Only MyThes and WordNet make its rows: Moby's loose synonyms make too many variants to
    list, so the near-miss signal (`signals.py`) covers them and the collected terms instead.
    """
    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "science.tsv"
    thesaurus = science_thesaurus(broad_limit=0)
    exprs = list_expressions(SCIENCE_LIST)
    listed = {e.words for e in exprs}
    exprs += domain_expressions(thesaurus.wordnet, listed)
    news = {tuple(t.split()) for t in read_expression_list(NEWS_LIST)}
    # collocations.tsv is generated after this file and defers to it, so it is not "taken" here
    taken_spun, taken_orig = taken_forms(exclude=[target, out_dir / "collocations.tsv"])
    gen = build_rows(
        thesaurus, exprs, "science", "gen:science", taken_spun, taken_orig,
        cap=cap_for, other_pos=3, pairs=3, also_established=news,
    )
    n = write_tsv(target, gen.rows, "Tortured technical terms: scientific terms with words swapped for synonyms.")
    log(f"science: {len(gen.expressions)} terms, {gen.considered} variants considered, "
        f"{gen.dropped_honest} found in honest text, {n} rows -> {target}")
    return gen
