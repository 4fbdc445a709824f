"""Source 1: fixed expressions with a word swapped for a thesaurus synonym.

A spinner replaces words one by one with a thesaurus synonym, blind to the fact that the words
form a fixed expression: "safe haven" becomes "secure haven", "big data" "huge information".
This generator does the same on purpose. It takes established English multiword expressions
(familiar WordNet multiword lemmas and the hand-written list in `data/`), asks MyThes and
WordNet for each word's synonyms, and keeps the variants a spinner would plausibly print and
an honest writer would not: every word common enough to be spinner output, the swapped-in word
rarer than the word it displaced, the variant not itself an established expression nor a pair
of words common in published English (the Google Books bigram list `symspellpy` ships, in the
`lexgen` extra), and absent from the honest-text filter corpus (see `common.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from os.path import commonprefix
from pathlib import Path

from despin.lexgen.common import (
    PARTICLES,
    STOPWORDS,
    Row,
    log,
    occurring,
    plausible_word,
    read_expression_list,
    taken_forms,
    zipf,
)
from despin.lexgen.thesaurus import (
    AIKSAURUS_DIR,
    Aiksaurus,
    Moby,
    MyThes,
    WordNet,
    bigram_path,
    frequent_bigrams,
    load_aiksaurus,
    load_mythes,
    load_wordnet,
)
from despin.lexicon import default_dir
from despin.scoring import plain_swap, variant_weight

Broad = Aiksaurus | Moby  # a broad word-cluster thesaurus: anything with `shared_meanings`

DATA = Path(__file__).resolve().parent / "data"
NEWS_LIST = DATA / "news_collocations.txt"
SCIENCE_LIST = DATA / "science_terms.txt"

MIN_WORD_ZIPF = 3.5  # every word of a sense-tagged WordNet expression at least this common
MIN_UNTAGGED_ZIPF = 4.5  # ... and of one never seen in WordNet's sense-tagged corpus
MIN_SPUN_ZIPF = 2.5  # a swapped-in word rarer than this is not what spinners print
MAX_SYNONYMS = 6  # synonyms tried per word, in thesaurus order
DOUBLE_SYNONYMS = 2  # synonyms per word combined in two-word swaps


@dataclass(frozen=True, slots=True)
class Expression:
    """An established expression and how sure we are it is fixed (1.0: curated list)."""

    words: tuple[str, ...]
    fixed: float
    origin: str  # "list" or "wordnet"
    head_pos: str = "n"  # part of speech of its head word: n (last word) or v (first word)

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class Variant:
    """One spun form of an expression: which positions were swapped and for what."""

    words: tuple[str, ...]
    expression: Expression
    swaps: tuple[tuple[int, str], ...]  # (position, synonym)
    rarity: float  # summed Zipf drop of the swapped words
    first_sense: bool  # every swap is a plain synonym of the word's most common sense
    rank: int = 0  # summed thesaurus rank of the swapped-in words: lower is a likelier choice

    @property
    def text(self) -> str:
        return " ".join(self.words)


_VERB_HEADS = frozenset("take make play pay come bear raise carry set give keep get put".split())


def guess_head_pos(words: tuple[str, ...]) -> str:
    return "v" if words[0] in _VERB_HEADS and len(words) > 1 else "n"


class Thesaurus:
    """Both thesauri behind one question: what would a spinner put for this word here?"""

    def __init__(
        self,
        mythes: MyThes | None = None,
        wordnet: WordNet | None = None,
        margin: float = 0.0,
        related: bool = False,
        broad: Broad | None = None,
        broad_limit: int = 0,
        bigram_file: Path | None = None,
    ) -> None:
        self.mythes = mythes if mythes is not None else load_mythes()
        self.wordnet = wordnet if wordnet is not None else load_wordnet()
        self.margin = margin  # how much commoner than the displaced word a swap may be
        self.related = related  # also MyThes "(related term)"s, as loose spinners use them
        self.broad = broad  # a broad word-cluster thesaurus (Aiksaurus) for loose spinning
        self.broad_limit = broad_limit  # synonyms per word taken from it
        self.bigram_file = bigram_file  # symspellpy's list when None (see `common_pairs`)

    def loosened(self, margin: float, related: bool, broad_limit: int = 0, broad: Broad | None = None) -> Thesaurus:
        """The same thesauri with looser swap rules (tortured technical prose).

        With `broad_limit`, that many more synonyms per word come from a broad thesaurus:
        `broad` (the Moby thesaurus), or else Aiksaurus when it is installed (Debian
        `libaiksaurus-1.2-data`); without either the rows are simply fewer.
        """
        if broad is None and broad_limit and (AIKSAURUS_DIR / "words.dat").exists():
            broad = load_aiksaurus()
        out = Thesaurus(self.mythes, self.wordnet, margin, related, broad, broad_limit, self.bigram_file)
        out.__dict__["established"] = self.established
        out.__dict__["common_pairs"] = self.common_pairs
        return out

    def is_plural(self, word: str) -> bool:
        """A regular plural whose singular is a noun lemma too ("authorities", "data" no)."""
        return word.endswith("s") and any(b != word for b in self.wordnet.base_forms(word, "n"))

    @property
    def names(self) -> str:
        """The thesauri in use, for the source column: "mythes", "mythes+moby", ..."""
        if self.broad is None:
            return "mythes"
        return "mythes+" + ("moby" if isinstance(self.broad, Moby) else "aiksaurus")

    @cached_property
    def established(self) -> set[tuple[str, ...]]:
        """Every multiword expression either thesaurus lists: variants must not be one."""
        out = {tuple(w.split()) for w in self.mythes.words() if " " in w}
        out.update(tuple(w.split()) for w in self.wordnet.multiword_lemmas())
        return out

    @cached_property
    def common_pairs(self) -> set[tuple[str, ...]]:
        """Pairs of content words common in published English (`frequent_bigrams`): a variant
        must not be one either ("empirical study", "household name"). Unlike `established`,
        they say nothing about a longer variant holding one: "element analysis" is common, and
        "principal element analysis" still a spin."""
        path = self.bigram_file or bigram_path()
        if path is None:
            log("the bigram list is not installed (pip install 'despin[lexgen]'): more honest pairs kept")
            return set()
        return frequent_bigrams(path, skip=STOPWORDS | PARTICLES)

    def candidates(self, word: str, pos: str | None) -> list[tuple[str, bool]]:
        """Single-word synonyms of `word` in part of speech `pos` (None: any), in thesaurus
        order, each with whether it is a plain synonym of the word's first sense."""
        out: dict[str, bool] = {}
        senses = [s for s in self.mythes.senses(word) if pos is None or s.pos == pos]
        for n, sense in enumerate(senses):
            banned = {a.lower() for a in sense.antonyms}
            for term in sense.synonyms + sense.similar + (sense.related if self.related else ()):
                t = term.lower()
                if t not in banned and t != word:
                    out.setdefault(t, n == 0 and term in sense.synonyms)
        for term in self.wordnet.synonyms(word, pos):
            out.setdefault(term.lower(), False)
        return [(t, first) for t, first in out.items() if plausible_word(t)]

    def swaps(self, word: str, pos: str, limit: int = MAX_SYNONYMS, other_pos: int = 0) -> list[tuple[str, bool]]:
        """Synonyms a spinner could swap in: common enough, rarer than `word`, not its stem.

        `other_pos` more may come from senses of other parts of speech: tortured technical
        terms show spinners ignore grammar ("network" -> "arrange").
        """
        picked = self._swaps(word, self.candidates(word, pos), limit)
        if other_pos:
            seen = {s for s, _ in picked}
            rest = [(s, False) for s, _ in self.candidates(word, None) if s not in seen]
            picked += self._swaps(word, rest, other_pos)
        if self.broad is not None and self.broad_limit:
            seen = {s for s, _ in picked} | {s for s, _ in self.candidates(word, None)}
            shared = self.broad.shared_meanings(word)
            # Moby gives no part of speech: a word WordNet knows only in another one ("time" ->
            # "simultaneously") is a different word class, not a synonym a spinner would pick
            ranked = sorted((w for w in shared if plausible_word(w) and w not in seen and self._can_be(w, pos)),
                            key=lambda w: (-shared[w], -zipf(w), w))
            picked += self._swaps(word, [(w, False) for w in ranked], self.broad_limit)
        return picked

    def _can_be(self, word: str, pos: str) -> bool:
        """Whether `word` can be of part of speech `pos`, or WordNet does not know it at all."""
        if self.wordnet.base_forms(word, pos):
            return True
        return not any(self.wordnet.base_forms(word, p) for p in ("n", "v", "a", "r") if p != pos)

    def _swaps(self, word: str, candidates: list[tuple[str, bool]], limit: int) -> list[tuple[str, bool]]:
        base = zipf(word)
        picked: list[tuple[str, bool]] = []
        for syn, first in candidates:
            if len(commonprefix([syn, word])) >= min(4, len(word)):
                continue  # "network" -> "networking": an inflection, not a synonym
            if self.is_plural(syn):
                continue  # "authorities": the matcher's inflection of "authority" already
            z = zipf(syn)
            if MIN_SPUN_ZIPF <= z < base + self.margin:
                picked.append((syn, first))
            if len(picked) >= limit:
                break
        return picked


def word_pos(thesaurus: Thesaurus, expr: Expression, i: int) -> str:
    """The part of speech a word plays in its expression, for choosing synonyms."""
    word, last = expr.words[i], len(expr.words) - 1
    if expr.head_pos == "v":
        return "v" if i == 0 else "n"
    if i == last:
        return "n"
    has = {s.pos for s in thesaurus.mythes.senses(word)}
    return "a" if "a" in has or "n" not in has else "n"


def variants(
    thesaurus: Thesaurus, expr: Expression, double: bool = True, other_pos: int = 0, pairs: int = DOUBLE_SYNONYMS
) -> list[Variant]:
    """Spun forms of an expression: every single swap, and pairs of swaps in short ones."""
    slots: dict[int, list[tuple[str, bool]]] = {}
    for i, word in enumerate(expr.words):
        if word in STOPWORDS or not word.isalpha() or len(word) < 2:
            continue
        found = [
            (syn, first)
            for syn, first in thesaurus.swaps(word, word_pos(thesaurus, expr, i), other_pos=other_pos)
            if syn not in expr.words  # "epic poem" -> "poem poem"
        ]
        if found:
            slots[i] = found
    out = []
    rank = {(i, syn): r for i, syns in slots.items() for r, (syn, _) in enumerate(syns)}
    for i, syns in slots.items():
        for syn, first in syns:
            out.append(make_variant(expr, ((i, syn),), first, rank))
    if double and 2 <= len(expr.words) <= 3 and len(slots) >= 2:
        for size in range(2, len(slots) + 1):
            for positions in itertools.combinations(sorted(slots), size):
                for choice in itertools.product(*(slots[i][:pairs] for i in positions)):
                    swaps = tuple((i, syn) for i, (syn, _) in zip(positions, choice))
                    out.append(make_variant(expr, swaps, all(first for _, first in choice), rank))
    return out


def make_variant(
    expr: Expression, swaps: tuple[tuple[int, str], ...], first: bool, rank: dict[tuple[int, str], int] | None = None
) -> Variant:
    """The expression with `swaps` made, its rarity (summed Zipf drop) and thesaurus rank:
    the one way every generator builds a variant, whatever chose its swaps."""
    words = list(expr.words)
    rarity = 0.0
    for i, syn in swaps:
        rarity += zipf(words[i]) - zipf(syn)
        words[i] = syn
    order = sum((rank or {}).get(s, 0) for s in swaps)
    # a substitute of several words ("sunlight based") is as many tokens, as the matcher and
    # every other lexicon file count them
    return Variant(tuple(" ".join(words).split()), expr, swaps, round(rarity, 3), first, order)


def plain_english(v: Variant) -> bool:
    """Whether a variant is too ordinary to report at all.

    A spun form needs two content words ("engage in" is just a verb and a particle), and a
    mild swap between very common words ("significant role" for "key role") is ordinary
    prose far more often than it is spinning.
    """
    content = [w for w in v.words if w not in STOPWORDS and w not in PARTICLES]
    if len(content) < 2:
        return True
    return plain_swap(min(zipf(w) for w in content), v.rarity / len(v.swaps))


def as_matched(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase and every form the matcher also reads as it: its last word inflected.

    A spun form "take precaution" matches "take precautions" too, which writers use all the
    time: a variant is only as safe as its most ordinary inflection.
    """
    from despin.morph import inflected_forms

    return [words] + [words[:-1] + (form,) for form in inflected_forms(words[-1])]


def _holds_established(v: Variant, established: set[tuple[str, ...]]) -> bool:
    """Whether a swapped word sits in an established expression inside the variant.

    "spiking neural net" holds "neural net", so it is honest shorthand, not a spin.
    """
    n = len(v.words)
    for i, _ in v.swaps:
        for a in range(0, i + 1):
            for b in range(i + 1, n + 1):
                if 2 <= b - a < n and v.words[a:b] in established:
                    return True
    return False


def weigh(v: Variant) -> tuple[float, bool]:
    """Prior weight and ambiguity of a variant.

    Rare swaps in very fixed expressions weigh most. A variant made only of common words by a
    mild swap from the word's main sense reads as plain English ("large amount"), so it is
    marked ambiguous and counts only beside other evidence.
    """
    per_swap = v.rarity / len(v.swaps)
    common = min(zipf(w) for w in v.words if w not in STOPWORDS) >= 4.0
    ambiguous = (common and per_swap < 1.0) or (v.first_sense and per_swap < 0.5)
    return variant_weight(per_swap, v.expression.fixed, len(v.swaps)), ambiguous


# --------------------------------------------------------------------------------------------
# Expressions


def list_expressions(path: Path, fixed: float = 1.0) -> list[Expression]:
    out = []
    for text in read_expression_list(path):
        words = tuple(text.split())
        if len(words) >= 2:
            out.append(Expression(words, fixed, "list", guess_head_pos(words)))
    return out


def wordnet_expressions(wordnet: WordNet, exclude: set[tuple[str, ...]] = frozenset()) -> list[Expression]:
    """Familiar WordNet multiword lemmas: 2-3 common words, not a proper name.

    A lemma seen in the sense-tagged corpus (tag count > 0) counts as more fixed.
    """
    out = []
    for pos in ("n", "v", "a", "r"):
        tagged = _tagged_lemmas(wordnet, pos)
        for lemma, offsets in wordnet.index(pos).items():
            words = tuple(lemma.split())
            if not 2 <= len(words) <= 3 or words in exclude:
                continue
            if not all(w.isalpha() and w.isascii() for w in words):
                continue
            if all(w in STOPWORDS for w in words):
                continue
            fixed = 0.8 if lemma in tagged else 0.6
            if min(zipf(w) for w in words) < (MIN_WORD_ZIPF if fixed > 0.7 else MIN_UNTAGGED_ZIPF):
                continue
            synset = wordnet.synset(pos, offsets[0])
            if any(w[:1].isupper() and w.lower() == lemma for w in synset.words):
                continue  # a proper name ("New York"): the names generator's ground
            if pos == "n" and synset.lexname in {"noun.person", "noun.animal", "noun.plant", "noun.location"}:
                continue  # species and kinds of people: rarely written, odd when spun
            head = "v" if pos == "v" else "n"
            out.append(Expression(words, fixed, "wordnet", head))
    return out


def _tagged_lemmas(wordnet: WordNet, pos: str) -> set[str]:
    """Lemmas with a non-zero tagged-sense count in WordNet's index (seen in SemCor)."""
    from despin.lexgen.thesaurus import POS_NAMES

    out = set()
    path = wordnet.dir / f"index.{POS_NAMES[pos]}"
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            if "_" in f[0] and len(f) > 5 and int(f[5 + int(f[3])]) > 0:
                out.add(f[0].replace("_", " "))
    return out


# --------------------------------------------------------------------------------------------
# Building rows


@dataclass
class Generation:
    """What a generator run produced, for the report and for the near-miss signal."""

    rows: list[Row]
    expressions: list[Expression]
    considered: int
    dropped_honest: int


def build_rows(
    thesaurus: Thesaurus,
    expressions: Iterable[Expression],
    kind: str,
    source_prefix: str,
    taken_spun: set[tuple[str, ...]],
    taken_originals: set[tuple[str, ...]],
    cap: Callable[[Expression], int],
    other_pos: int = 0,
    pairs: int = DOUBLE_SYNONYMS,
    also_established: set[tuple[str, ...]] = frozenset(),
    honest_texts: Iterable[str] | None = None,
    make: Callable[[Expression], list[Variant]] | None = None,
    via: str | None = None,
    weigh_by: Callable[[Variant], tuple[float, bool]] | None = None,
) -> Generation:
    """Variants of every expression, filtered and weighed, merged per spun form.

    `make` replaces the default variant maker (`variants` with `other_pos` and `pairs`), and
    `via` then names what it swaps words by in the source column (the thesauri's names when None);
    `weigh_by` replaces `weigh`.
    """
    exprs = list(dict.fromkeys(expressions))
    expr_keys = {e.words for e in exprs}
    forbidden = thesaurus.established | thesaurus.common_pairs | expr_keys | taken_spun | taken_originals | also_established
    chosen: list[Variant] = []
    considered = 0
    if make is None:
        make = lambda e: variants(thesaurus, e, other_pos=other_pos, pairs=pairs)  # noqa: E731
    for e in exprs:
        cands = [
            v for v in make(e)
            if not any(form in forbidden for form in as_matched(v.words))
            and not plain_english(v) and not _holds_established(v, thesaurus.established)
        ]
        considered += len(cands)
        # the thesauri's first choices first, whether one word or several were swapped
        cands.sort(key=lambda v: (v.rank, len(v.swaps), -v.rarity))
        chosen.extend(cands[: cap(e)])
    honest = occurring({v.words for v in chosen}, honest_texts)
    merged: dict[tuple[str, ...], list[tuple[float, bool, Variant]]] = {}
    for v in chosen:
        if v.words in honest:
            continue
        weight, ambiguous = (weigh_by or weigh)(v)
        merged.setdefault(v.words, []).append((weight, ambiguous, v))
    rows = []
    for words, options in merged.items():
        options.sort(key=lambda o: (-o[0], o[2].expression.text))
        originals = tuple(dict.fromkeys(o[2].expression.text for o in options))
        weight, ambiguous, best = options[0]
        if len(originals) > 1:
            ambiguous = ambiguous or any(o[1] for o in options)
        source = f"{source_prefix}:{best.expression.origin}+{via or thesaurus.names}"
        rows.append(Row(" ".join(words), originals, kind, weight, ambiguous, source))
    return Generation(rows, exprs, considered, len({v.words for v in chosen} & honest))


def generate(out_dir: Path | None = None) -> Generation:
    """Write lexicons/generated/collocations.tsv; science terms are left to `science.py`."""
    from despin.lexgen.common import write_tsv

    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "collocations.tsv"
    thesaurus = shared_thesaurus()
    science = {tuple(t.split()) for t in read_expression_list(SCIENCE_LIST)}
    exprs = [e for e in list_expressions(NEWS_LIST) if e.words not in science]
    exprs += wordnet_expressions(thesaurus.wordnet, exclude=science | {e.words for e in exprs})
    taken_spun, taken_orig = taken_forms(exclude=[target])
    gen = build_rows(
        thesaurus, exprs, "phrase", "gen:collocations", taken_spun, taken_orig,
        cap=lambda e: 14 if e.origin == "list" else 3 if e.fixed > 0.7 else 1,
    )
    n = write_tsv(target, gen.rows, "Fixed expressions with a word swapped for a thesaurus synonym.")
    log(f"collocations: {len(gen.expressions)} expressions, {gen.considered} variants considered, "
        f"{gen.dropped_honest} found in honest text, {n} rows -> {target}")
    return gen


_THESAURUS: Thesaurus | None = None


def shared_thesaurus() -> Thesaurus:
    """One Thesaurus for all generators of a run (loading MyThes takes a couple of seconds)."""
    global _THESAURUS
    if _THESAURUS is None:
        _THESAURUS = Thesaurus()
    return _THESAURUS
