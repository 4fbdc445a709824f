"""Source 2: the single-word swaps of news spinners, as a reverse table spun -> originals.

A news spinner walks the text and replaces very common words with a fixed thesaurus synonym:
"said" -> "mentioned", "student" -> "pupil", "security" -> "safety". Each swapped-in word is
ordinary English on its own, so these rows are `ambiguous`: they count only where evidence
gathers. The generator works forwards, as the spinner does, over the most frequent English
words (wordfreq): for each content word and part of speech it takes the synonyms a spinner
would pick (first senses and first-listed terms of MyThes and WordNet, same part of speech,
not commoner than the word itself), with the irregular inflections the matcher cannot derive.
It then inverts the table: each spun form gets its candidate originals, most likely first
(the original's frequency, the synonym's rank in its thesaurus entry and the sense's rank).

Precision comes first: a spun form must be clearly rarer than its original (a commoner word
is not a spinner's output: "the", "time" are never spun forms, and a near-equal swap is as
likely the writer's own choice); hand-written and earlier generated rows win, and
no original is made the spun form of an unambiguous entry (no chains) or of its own spun form
(no cycles: the weaker direction is dropped).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os.path import commonprefix
from pathlib import Path

from despin.lexgen.common import STOPWORDS, Row, log, occurring, plausible_word, write_tsv, zipf
from despin.lexicon import default_dir
from despin.lexgen.thesaurus import POS_NAMES
from despin.morph import analyses, inflect

TOP_N = 5000  # the spinner's input: this many most frequent English words
MAX_SENSES = 2  # senses (per part of speech) a spinner draws its synonym from
PER_WORD = 3  # spinner choices kept per word and part of speech
MAX_ORIGINALS = 3  # candidate originals kept per spun form
MARGIN = 0.0  # a spun form may be at most this much commoner (Zipf) than its original
MIN_SPUN_ZIPF = 2.5  # rarer words are not what news spinners print
MIN_ORIGINAL_ZIPF = 3.8
MIN_FORM_ZIPF = 3.0  # an inflected original rarer than this is not a word news prose uses
MIN_MULTI_ZIPF = 3.5  # every word of a two-word spun form at least this common
MIN_RARITY = 0.8  # a swapped-in word at least this much rarer (Zipf) than the word it displaces
TARGET_CONFIDENCE = 0.03  # the scorer's confidence for a lone swap before context (see weight)

# Function and grammar words, numbers, modal and pronominal words: spinners leave them alone
# (the few they do rewrite, "but" -> "however", are hand-written in lexicons/news.tsv), and
# thesauri list nonsense for them.
FUNCTION_WORDS = STOPWORDS | frozenset(
    """also just very only even still yet already ever never always often here there where
    when what which who whom whose why how all any both each every few many much more most
    less least other some such own same can could will would shall should may might must
    one two three four five six seven eight nine ten hundred thousand million billion first
    second third last next well too quite rather really almost again once twice upon within
    without among around against across toward towards until till while whether though
    although because since unless however therefore else anyway also okay yeah yes lol
    mr mrs ms dr etc vs something anything nothing everything someone anyone everyone
    somebody anybody everybody nobody none cannot let lets get got gets getting make made
    makes making go goes went gone going come came comes coming""".split()
)

# Cost of a term by how the thesaurus relates it to the word, added to its sense rank.
_RELATION_COST = {"syn": 0.0, "similar": 0.5, "wordnet": 0.3}
MAX_RANK = 1.0  # spinners take a first sense's first terms: rank is sense + 0.25 * position + cost


@dataclass(frozen=True, slots=True)
class Choice:
    """A synonym a spinner could put for `lemma` read as part of speech `pos`."""

    spun: str
    lemma: str
    pos: str
    rank: float  # lower is likelier: sense rank, position in the sense, relation
    thesaurus: str  # "mythes" or "wordnet"


@dataclass(frozen=True, slots=True)
class Pair:
    """One surface pair the reverse table may hold: spun form -> original form."""

    spun: str
    original: str
    choice: Choice


# --------------------------------------------------------------------------------------------
# The spinner's side: words in, synonyms out


def frequent_words(n: int = TOP_N) -> list[str]:
    """The most frequent English words a spinner would touch: content words, letters only."""
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", n) if plausible_word(w) and w not in FUNCTION_WORDS]


def content_lemmas(wordnet, words: Iterable[str]) -> list[tuple[str, str]]:
    """(lemma, part of speech) readings of the words, in the order the words come.

    A reading is kept when it carries a fair share of the word's sense-tagged uses in
    WordNet (SemCor counts), so "weed" is a plant and not the past of "wee", and "well" is an
    adverb rather than a water well. Words never tagged keep the readings whose lemma is the
    word itself.
    """
    out: dict[tuple[str, str], None] = {}
    for word in words:
        counts: dict[tuple[str, str], int] = {}
        for pos in "nvar":
            for lemma in wordnet.base_forms(word, pos):
                if " " not in lemma and lemma not in FUNCTION_WORDS:
                    counts[(lemma, pos)] = tagged_count(wordnet, lemma, pos)
        total = sum(counts.values())
        for key, n in counts.items():
            if (n / total >= 0.1) if total else key[0] == word:
                out.setdefault(key, None)
    return list(out)


_TAGGED: dict[tuple[int, str], dict[str, int]] = {}


def tagged_count(wordnet, lemma: str, pos: str) -> int:
    """How often a lemma was sense-tagged in SemCor, from the `tagsense_cnt` field of WordNet's
    `index.<pos>` (the thesaurus reader keeps only the synset offsets of each line)."""
    key = (id(wordnet), pos)
    if key not in _TAGGED:
        table: dict[str, int] = {}
        path = wordnet.dir / f"index.{POS_NAMES[pos]}"
        if path.exists():
            with path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    f = line.split()
                    if line.startswith(" ") or len(f) < 6:
                        continue
                    at = 5 + int(f[3])  # lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
                    if at < len(f) and f[at].isdigit():
                        table[f[0].replace("_", " ")] = int(f[at])
        _TAGGED[key] = table
    return _TAGGED[key].get(lemma, 0)


def _spinnable(spun: str, lemma: str) -> bool:
    """A plausible replacement: printable words, not the lemma's own stem or inflection."""
    words = spun.split()
    if not 1 <= len(words) <= 2 or spun == lemma or not spun.islower():
        return False
    if not all(plausible_word(w) for w in words) or all(w in FUNCTION_WORDS for w in words):
        return False
    if lemma in words:
        return False  # "business office" for "office": the word itself survives
    return len(commonprefix([words[0], lemma])) < min(4, len(lemma))


def choices(mythes, wordnet, lemma: str, pos: str, limit: int = PER_WORD) -> list[Choice]:
    """The synonyms a spinner would most likely put for `lemma` as `pos`, likeliest first.

    Plain synonyms of the first sense come first, MyThes "similar" terms and WordNet synset
    mates next. Broader (generic) terms are left out: measured on spun text they mostly
    flag words the writer chose.
    """
    base = zipf(lemma)
    found: dict[str, Choice] = {}

    def offer(term: str, rank: float, source: str) -> None:
        t = term.strip()
        if not _spinnable(t, lemma):
            return
        z = _phrase_zipf(t)
        if not MIN_SPUN_ZIPF <= z <= base + MARGIN:
            return
        if " " in t and (z < MIN_MULTI_ZIPF or rank >= 1.0):
            return  # "linguistic unit" for "word": no news spinner's first choice
        if pos == "n" and " " not in t and any(b != t for b in wordnet.base_forms(t, "n")):
            return  # a plural ("authorities"): the matcher derives it from the singular
        old = found.get(t)
        if rank < MAX_RANK and (old is None or rank < old.rank):
            found[t] = Choice(t, lemma, pos, rank, source)

    senses = [s for s in mythes.senses(lemma) if s.pos == pos][:MAX_SENSES]
    for i, sense in enumerate(senses):
        for j, term in enumerate(sense.synonyms):
            offer(term, i + 0.25 * j + _RELATION_COST["syn"], "mythes")
        for j, term in enumerate(sense.similar):
            offer(term, i + 0.25 * j + _RELATION_COST["similar"], "mythes")
    for i, synset in enumerate(wordnet.synsets(lemma, pos)[:MAX_SENSES]):
        if synset.lexname in {"noun.person", "noun.location"} and i > 0:
            continue
        for j, term in enumerate(w for w in synset.words if w.lower() != lemma):
            offer(term, i + 0.25 * j + _RELATION_COST["wordnet"], "wordnet")
    return sorted(found.values(), key=lambda c: (c.rank, c.spun))[:limit]


def _phrase_zipf(phrase: str) -> float:
    """Zipf of a word, or of the rarest word of a short phrase."""
    return min(zipf(w) for w in phrase.split())


# --------------------------------------------------------------------------------------------
# Inflections: only those the matcher cannot derive need rows


def true_forms(wordnet, lemma: str, pos: str) -> dict[str, list[str]]:
    """The inflected forms of a lemma by matcher tag ("s", "ed", "ing"), irregular ones from
    WordNet's exception lists, regular ones from the rules."""
    tags = ("s",) if pos == "n" else ("s", "ed", "ing") if pos == "v" else ()
    irregular: dict[str, list[str]] = {}
    for form, bases in _inverse_exceptions(wordnet, pos).get(lemma, {}).items():
        irregular.setdefault(_tag_of(form, pos), []).append(form)
    out: dict[str, list[str]] = {}
    for tag in tags:
        forms = irregular.get(tag) or [_inflect_last(lemma, tag)]
        out[tag] = sorted(dict.fromkeys(forms), key=lambda f: -_phrase_zipf(f))
    return out


def _tag_of(form: str, pos: str) -> str:
    if pos == "n":
        return "s"
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "ed"


_INVERSE: dict[tuple[int, str], dict[str, dict[str, tuple[str, ...]]]] = {}


def _inverse_exceptions(wordnet, pos: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """lemma -> {irregular form: its bases}, from WordNet's `<pos>.exc`."""
    key = (id(wordnet), pos)
    if key not in _INVERSE:
        table: dict[str, dict[str, tuple[str, ...]]] = {}
        if pos in "nv":
            for form, bases in wordnet.exceptions(pos).items():
                if " " in form or not form.isalpha():
                    continue
                for base in bases:
                    table.setdefault(base, {})[form] = bases
        _INVERSE[key] = table
    return _INVERSE[key]


def _inflect_last(phrase: str, tag: str) -> str:
    words = phrase.split()
    return " ".join(words[:-1] + [inflect(words[-1], tag)])


def _derivable(form: str, base: str, tag: str) -> bool:
    """Whether the matcher finds `form` as `base` + `tag` on its own."""
    *head, last = form.split()
    *bhead, blast = base.split()
    return head == bhead and (blast, tag) in analyses(last)


def surface_pairs(wordnet, choice: Choice) -> list[Pair]:
    """The base pair, and a pair for each inflection the matcher would get wrong.

    The matcher reads "mentioned" as "mention" + ed and the rewriter would put "say" + ed:
    wrong, so "mentioned" -> "said" needs its own row; so does an irregular spun form
    ("took"). If such a row cannot be written (its forms are too rare to trust), the choice
    is dropped whole rather than left to be restored wrongly: the empty list.
    """
    pairs = [Pair(choice.spun, choice.lemma, choice)]
    orig_forms = true_forms(wordnet, choice.lemma, choice.pos)
    if " " in choice.spun:
        spun_forms = {tag: [_inflect_last(choice.spun, tag)] for tag in orig_forms}
    else:
        spun_forms = true_forms(wordnet, choice.spun, choice.pos)
    for tag, originals in orig_forms.items():
        regular = originals == [inflect(choice.lemma, tag)]
        for spun in spun_forms.get(tag, ()):
            if regular and _derivable(spun, choice.spun, tag):
                continue  # the matcher and the rewriter get this one right
            originals_ok = [o for o in originals if o != spun and _phrase_zipf(o) >= MIN_FORM_ZIPF]
            if not originals_ok:
                return []
            if _phrase_zipf(spun) < MIN_SPUN_ZIPF:
                if _derivable(spun, choice.spun, tag):
                    return []  # the matcher would find it and restore it wrongly
                continue  # too rare to list; the matcher cannot find it either
            pairs.extend(Pair(spun, o, choice) for o in originals_ok)
    return pairs


# --------------------------------------------------------------------------------------------
# The reverse table


@dataclass(frozen=True, slots=True)
class Candidate:
    original: str
    score: float
    choice: Choice


def score(pair: Pair) -> float:
    """How likely `pair.original` is what a spinner turned into `pair.spun`: frequent
    originals are spun most often; a spinner's first choice beats a later one."""
    return _phrase_zipf(pair.original) - 0.8 * pair.choice.rank


def reverse_table(pairs: Iterable[Pair]) -> dict[str, list[Candidate]]:
    """spun form -> candidate originals, best first, weak candidates dropped."""
    table: dict[str, dict[str, Candidate]] = {}
    for p in pairs:
        c = Candidate(p.original, score(p), p.choice)
        old = table.setdefault(p.spun, {}).get(p.original)
        if old is None or c.score > old.score:
            table[p.spun][p.original] = c
    out: dict[str, list[Candidate]] = {}
    for spun, cands in table.items():
        ranked = sorted(cands.values(), key=lambda c: (-c.score, c.original))
        best = ranked[0].score
        out[spun] = [c for c in ranked if c.score >= best - 1.5][:MAX_ORIGINALS]
    return out


def drop_cycles(table: dict[str, list[Candidate]]) -> int:
    """Remove a -> b where b -> a is also listed, keeping the stronger direction."""
    removed = 0
    for spun in sorted(table):
        for cand in list(table.get(spun, ())):
            back = next((c for c in table.get(cand.original, ()) if c.original == spun), None)
            if back is None:
                continue
            weaker = (spun, cand) if cand.score < back.score or (cand.score == back.score and spun > cand.original) else (cand.original, back)
            table[weaker[0]] = [c for c in table[weaker[0]] if c is not weaker[1]]
            removed += 1
    for spun in [s for s, cands in table.items() if not cands]:
        del table[spun]
    return removed


def weight(spun: str, cands: list[Candidate]) -> float:
    """Prior that an occurrence is spun, chosen for the confidence the scorer derives from it.

    The scorer raises a swap's confidence with its rarity (0.45 per Zipf point) and with the
    document's evidence, including the weak evidence of all its ambiguous findings together.
    A table of thousands of ordinary words must therefore start each occurrence very low
    (TARGET_CONFIDENCE: a little more for a spinner's first choice with one clear original),
    so that honest prose stays clean and only a document with real fingerprints lifts them.
    """
    best = cands[0]
    target = TARGET_CONFIDENCE
    if len(cands) == 1 or cands[1].score < best.score - 1.0:
        target += 0.01
    if best.choice.rank < 0.5:
        target += 0.01
    if " " in spun:
        target += 0.01  # a two-word replacement for one word is a spinner's mark
    rarity = max(-2.0, min(3.0, _phrase_zipf(best.original) - _phrase_zipf(spun)))
    logit = math.log(target / (1 - target)) - 0.45 * rarity
    return round(max(0.01, 1.0 / (1.0 + math.exp(-logit))), 2)


@dataclass
class SwapTable:
    """The generator's result: rows to write and the forward table other generators reuse."""

    rows: list[Row]
    forward: dict[tuple[str, str], list[str]]  # (original lemma, pos) -> spun forms, likeliest first
    words: int
    pairs: int
    dropped_cycles: int


def build(
    mythes,
    wordnet,
    words: Iterable[str],
    taken: dict[tuple[str, ...], tuple[tuple[str, ...], bool]],
    honest_texts: Iterable[str] | None = None,
) -> SwapTable:
    """The swap table for `words`, deferring to `taken` (spun key -> (original keys, ambiguous)).

    `honest_texts` (default: the filter corpus) vets two-word spun forms, which are often
    ordinary compounds ("business office").
    """
    words = list(words)
    pairs: list[Pair] = []
    forward: dict[tuple[str, str], list[str]] = {}
    for lemma, pos in content_lemmas(wordnet, words):
        if zipf(lemma) < MIN_ORIGINAL_ZIPF:
            continue
        for c in choices(mythes, wordnet, lemma, pos):
            if zipf(lemma) - _phrase_zipf(c.spun) >= MIN_RARITY:
                pairs.extend(surface_pairs(wordnet, c))
    strong_spun = {k for k, (_, amb) in taken.items() if not amb}
    strong_originals = {o[0] for k, (origs, amb) in taken.items() if not amb for o in origs[:1] if len(o) == 1}
    taken_first = {k: origs[0] for k, (origs, _) in taken.items() if origs}
    kept: list[Pair] = []
    for p in pairs:
        key, okey = tuple(p.spun.split()), tuple(p.original.split())
        if key in taken or okey in strong_spun or p.spun in strong_originals:
            continue  # hand-written rows win; no chain through an unambiguous entry
        if taken_first.get(okey) == key:
            continue  # the other direction is already listed
        kept.append(p)
    multi = {tuple(p.spun.split()) for p in kept if " " in p.spun}
    honest = occurring(multi, honest_texts) if multi else set()
    kept = [p for p in kept if tuple(p.spun.split()) not in honest]
    table = reverse_table(kept)
    dropped = drop_cycles(table)
    rows = []
    for spun, cands in table.items():
        source = f"gen:swaps:{cands[0].choice.thesaurus}"
        rows.append(Row(spun, tuple(c.original for c in cands), "swap", weight(spun, cands), True, source))
        for c in cands:
            if c.original == c.choice.lemma:
                forward.setdefault((c.original, c.choice.pos), []).append(spun)
    for (original, _), spuns in forward.items():
        spuns.sort(key=lambda s: -max(c.score for c in table[s] if c.original == original))
    return SwapTable(rows, forward, len(words), len(pairs), dropped)


def lexicon_entries(exclude: Iterable[Path] = ()) -> dict[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], bool]]:
    """Every spun form in the lexicon files but `exclude`: its originals and ambiguity."""
    from despin.lexicon import Row as LexRow, read_rows
    from despin.tokens import phrase_key

    skip = {p.resolve() for p in exclude}
    d = default_dir()
    out: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], bool]] = {}
    for path in sorted(d.glob("*.tsv")) + sorted((d / "generated").glob("*.tsv")):
        if path.resolve() in skip:
            continue
        for item in read_rows(path):
            if isinstance(item, LexRow):
                origs = tuple(phrase_key(o) for o in item.original.split("|") if o.strip())
                out[phrase_key(item.spun)] = (origs, "ambiguous" in item.flags.split(","))
    return out


def table(out_dir: Path) -> SwapTable:
    """The swap table as `generate` writes it into `out_dir`. It defers to every lexicon file
    but its own and names.tsv, which is generated after it from this very table."""
    from despin.lexgen.collocations import shared_thesaurus

    thesaurus = shared_thesaurus()
    taken = lexicon_entries(exclude=[out_dir / "swaps.tsv", out_dir / "names.tsv"])
    return build(thesaurus.mythes, thesaurus.wordnet, frequent_words(), taken)


def generate(out_dir: Path | None = None) -> SwapTable:
    """Write lexicons/generated/swaps.tsv."""
    out_dir = out_dir or default_dir() / "generated"
    target = out_dir / "swaps.tsv"
    result = table(out_dir)
    n = write_tsv(target, result.rows, "News-spinner swaps: common words and the synonyms spinners put for them.")
    log(f"swaps: {result.words} frequent words, {result.pairs} pairs, "
        f"{result.dropped_cycles} cycle directions dropped, {n} rows -> {target}")
    return result
