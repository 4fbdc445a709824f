"""The near-miss signal: a phrase one thesaurus swap away from an established expression.

No lexicon can list every spun variant. A phrase that becomes an established expression when
one of its words is replaced by a word the thesaurus offers as its synonym, where the word in
the text is rarer than the one it displaced ("secure haven", "profound organization"), is
suspicious even if no file lists it. The data comes from `python -m despin.lexgen --only
signals` (lexicons/signals/): the expressions, a reverse synonym map (swapped-in word ->
displaced words with their Zipf drop) and one-swap variants known to be ordinary English.
Detection is a few hash lookups per candidate token n-gram; the findings are ambiguous, so they count
only where other evidence gathers.

Two tiers: strict swaps (near synonyms, much rarer) reach every expression; loose swaps
(broad thesauri such as Moby, merely rarer) reach only technical terms, where ordinary English
has few honest neighbours, and not among very common words (`_plain`).

The reverse map is large (broad thesauri list dozens of synonyms a word), so its lines are
kept as text and parsed only for the words a document actually holds.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from functools import cached_property, lru_cache
from itertools import compress, count
from pathlib import Path

from despin.lexicon import default_dir
from despin.model import Entry, Kind, Match, Token
from despin.morph import ES_AFTER
from despin.tokens import Tokens

SOURCE = "signal:nearmiss"
MAX_WORDS = 3
MIN_DROP = 0.01  # a loose swap: the swapped-in word rarer (Zipf) than the one it displaced
PLAIN_ZIPF, PLAIN_DROP = 4.2, 1.0  # loose swaps among words this common, by less: plain English


def data_lines(path: Path) -> list[str]:
    """A signal data file's lines, comments and blank lines left out; none if it is missing."""
    if not path.is_file():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


# the signal's files and what a line of each is, for `despin lexicon stats`
SIGNAL_FILES = {
    "expressions.txt": "established expressions (strict tier)",
    "swaps.txt": "strict swapped-in words",
    "terms.txt": "technical terms (loose tier)",
    "loose.txt": "loose swapped-in words",
    "table.txt": "paper-mill substitutes (spun terms)",
    "honest.txt": "honest exceptions",
}


def signal_stats(directory: str | Path | None = None) -> dict[str, int]:
    """How much the near-miss and spun-term signals know: the lines of each of their data files."""
    d = Path(directory) if directory is not None else default_dir() / "signals"
    return {what: len(data_lines(d / name)) for name, what in SIGNAL_FILES.items()}


def weight_for(drop: float) -> float:
    """Prior weight from the rarity of the swap: a far rarer word is a likelier spin."""
    return round(min(0.6, 0.15 + 0.1 * drop), 2)


@lru_cache(maxsize=65536)
def singular_readings(word: str) -> tuple[tuple[str, str], ...]:
    """The word and its singular / base forms for a regular -s ending, with the tag (cached:
    every window judged reads its last word's). Both signals read a phrase's last word so."""
    out = [(word, "")]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        if word.endswith("ies"):
            out.append((word[:-3] + "y", "s"))
        if word.endswith("es") and word[:-2].endswith(ES_AFTER):  # "boxes", not "cowles"
            out.append((word[:-2], "s"))
        out.append((word[:-1], "s"))
    return tuple(out)


def _parse_pairs(rest: str) -> tuple[tuple[str, float], ...]:
    """`displaced:drop displaced:drop ...` as (word, drop) pairs, in file order (likeliest first)."""
    pairs = []
    for item in rest.split():
        word, _, drop = item.rpartition(":")
        pairs.append((word, float(drop)))
    return tuple(pairs)


def _raw_swap_map(path: Path) -> dict[str, str]:
    """`swapped-in<TAB>displaced:drop ...` lines as swapped-in word -> the unparsed rest."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for ln in text.splitlines():
        if ln and not ln.startswith("#"):
            syn, _, rest = ln.partition("\t")
            out[syn] = rest
    return out


# Word flags for the window pre-filter of NearMissDetector.find: a strict or loose swapped-in
# word, and its places in all phrases (A) or technical terms (T).
_STRICT, _LOOSE = 1, 2
_A2, _A3 = (8, 16), (32, 64, 128)
_T2, _T3 = (256, 512), (1024, 2048, 4096)


_LANE = 16  # bits a token takes in the packed flags: every flag fits


_WINDOW_SIZES = ((2, 3), (1, 2))  # (bit of `_windows`, words): three-word windows, then two


def _windows(flags: list[int]) -> array:
    """Per token, bit 1: the two-word window starting there can be a near miss; bit 2: the
    three-word one. A window can be one when it holds a strict (loose) swapped-in word and
    its other words stand where an expression (a technical term) has them.

    The flags are packed 16 bits a token into one integer, so each test ("word i has bit X
    and word i+1 has bit Y") is a shift and an AND over the whole run of tokens at once,
    done in C: a Python call per window would cost more than all the rest of the search.
    """
    n = len(flags)
    packed = array("H", flags)
    if sys.byteorder == "big":
        packed.byteswap()
    whole = int.from_bytes(packed.tobytes(), "little")
    ones = int.from_bytes(b"\x01\x00" * n, "little")

    def has(bit: int, offset: int) -> int:  # lane i: 1 where token i + offset has `bit`
        return (whole >> (_LANE * offset + bit.bit_length() - 1)) & ones

    s0, s1, s2 = (has(_STRICT, k) for k in range(3))
    l0, l1, l2 = (has(_LOOSE, k) for k in range(3))
    two = (s0 & has(_A2[1], 1)) | (has(_A2[0], 0) & s1) | (l0 & has(_T2[1], 1)) | (has(_T2[0], 0) & l1)
    a0, a1, a2 = has(_A3[0], 0), has(_A3[1], 1), has(_A3[2], 2)
    t0, t1, t2 = has(_T3[0], 0), has(_T3[1], 1), has(_T3[2], 2)
    three = (s0 & a1 & a2) | (a0 & s1 & a2) | (a0 & a1 & s2) | (l0 & t1 & t2) | (t0 & l1 & t2) | (t0 & t1 & l2)
    out = array("H", (two | three << 1).to_bytes(2 * n, "little"))
    if sys.byteorder == "big":
        out.byteswap()
    return out


def _slot_index(phrases: set[tuple[str, ...]]) -> dict[tuple[str, ...], frozenset[str]]:
    """Each phrase with one word blanked ("") -> the words that fill the blank."""
    table: dict[tuple[str, ...], set[str]] = {}
    for p in phrases:
        for k in range(len(p)):
            table.setdefault(p[:k] + ("",) + p[k + 1 :], set()).add(p[k])
    return {k: frozenset(v) for k, v in table.items()}


def _ranked(pairs: tuple[tuple[str, float], ...], min_drop: float) -> dict[str, tuple[int, float, str]]:
    """Displaced word -> (rank, minus drop, word) of its first listing with a drop of at least
    `min_drop`: what `_better` compares, found by lookup for the few words that fit a slot
    rather than by a walk through the dozens a broad thesaurus lists."""
    out: dict[str, tuple[int, float, str]] = {}
    for rank, (original, drop) in enumerate(pairs):
        if drop >= min_drop and original not in out:
            out[original] = (rank, -drop, original)
    return out


def _better(
    best: tuple[int, float, tuple[str, ...]] | None,
    ranks: dict[str, tuple[int, float, str]],
    fits: frozenset[str],
    words: tuple[str, ...],
    k: int,
) -> tuple[int, float, tuple[str, ...]] | None:
    """`best` or, if likelier, the expression made by putting back at `k` the displaced word
    (ranked by `_ranked`) that fits there: the lower rank wins (the thesaurus lists the
    likeliest first), then the larger drop; on a full tie the earlier position stays."""
    common = ranks.keys() & fits
    if not common:
        return best
    # displaced words have distinct ranks, so the minimum is the one the list gives first
    rank, neg_drop, original = min(map(ranks.__getitem__, common))
    if best is None or (rank, neg_drop) < best[:2]:
        return (rank, neg_drop, words[:k] + (original,) + words[k + 1 :])
    return best


def _parsed(table: dict[str, tuple[tuple[str, float], ...] | str], word: str) -> tuple[tuple[str, float], ...]:
    found = table.get(word, ())
    if isinstance(found, str):
        found = table[word] = _parse_pairs(found)
    return found


class NearMissDetector:
    """Finds near-misses of known expressions in a token sequence."""

    def __init__(
        self,
        expressions: set[tuple[str, ...]],
        swaps: dict[str, tuple[tuple[str, float], ...]] | dict[str, str],
        honest: set[tuple[str, ...]] = frozenset(),
        terms: set[tuple[str, ...]] = frozenset(),
        loose: dict[str, tuple[tuple[str, float], ...]] | dict[str, str] | None = None,
        zipf: dict[str, float] | None = None,
    ) -> None:
        self.expressions = expressions
        # swapped-in word -> displaced (word, drop) pairs, or their unparsed text (parsed on use)
        self._swaps: dict[str, tuple[tuple[str, float], ...] | str] = dict(swaps)
        self.honest = honest
        # technical terms and the looser swaps (broad thesauri) that only count inside them
        self.terms = terms
        self._loose: dict[str, tuple[tuple[str, float], ...] | str] = dict(loose or {})
        self.zipf = zipf or {}  # Zipf frequency of the words of terms and loose swaps
        self._entries: dict[tuple[tuple[str, ...], str], Entry] = {}
        self._flags: dict[str, int] = {}  # word -> _word_flags
        self._found: dict[tuple[str, ...], tuple[str, float, str] | None] = {}  # window -> _judge
        # swapped-in word -> its displaced words ranked (see _ranked), one table per tier
        self._ranked_strict: dict[str, dict[str, tuple[int, float, str]]] = {}
        self._ranked_loose: dict[str, dict[str, tuple[int, float, str]]] = {}

    @classmethod
    def load(cls, directory: str | Path | None = None) -> NearMissDetector:
        d = Path(directory) if directory is not None else default_dir() / "signals"
        expressions = {tuple(ln.split()) for ln in data_lines(d / "expressions.txt")}
        honest = {tuple(ln.split()) for ln in data_lines(d / "honest.txt")}
        terms = {tuple(ln.split()) for ln in data_lines(d / "terms.txt")}
        zipf = {w: float(z) for w, _, z in (ln.partition("\t") for ln in data_lines(d / "zipf.txt"))}
        detector = cls(expressions, _raw_swap_map(d / "swaps.txt"), honest, terms, _raw_swap_map(d / "loose.txt"), zipf)
        detector.index()
        return detector

    def index(self) -> None:
        """Build the lookup tables now rather than at the first text, so that worker processes
        forked after loading share them instead of each building its own."""
        self._places, self._slots_all, self._slots_terms, self._known  # noqa: B018

    @property
    def swaps(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """The whole reverse map, parsed: swapped-in word -> (displaced word, Zipf drop) pairs."""
        return {syn: self.displaced(syn) for syn in self._swaps}

    def displaced(self, word: str) -> tuple[tuple[str, float], ...]:
        """The words `word` may have displaced, likeliest first, with the Zipf drop of each swap."""
        return _parsed(self._swaps, word)

    def loosely_displaced(self, word: str) -> tuple[tuple[str, float], ...]:
        """The same from the loose map: swaps that count only inside a technical term."""
        return _parsed(self._loose, word)

    def __call__(self, tokens: Sequence[Token]) -> list[Match]:
        return self.find(tokens)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Non-overlapping near-misses, longest first at each position.

        A near miss holds a swapped-in word, and its other words stand where an expression has
        them, so only the windows that can pass both tests are judged. The tests are per-word
        flags (memoised per distinct word, combined column by column), so the many windows of
        ordinary text that no expression fits cost no Python call each.
        """
        toks = Tokens.of(tokens)
        norms = toks.norms
        memo = self._flags
        if len(memo) > 500_000:
            memo.clear()
        for word in toks.distinct().difference(memo):
            memo[word] = self._word_flags(word)
        flags = list(map(memo.__getitem__, norms))
        if not any(f & (_STRICT | _LOOSE) for f in flags):
            return []
        windows = _windows(flags)
        out: list[Match] = []
        free = 0
        judged = self._found  # the same windows recur all through a text: each is judged once
        for i in compress(count(), windows):
            if i < free:
                continue
            bits = windows[i]
            for bit, size in _WINDOW_SIZES:  # the longer window first
                if bits & bit:
                    key = tuple(norms[i : i + size])
                    found = judged.get(key, False)
                    if found is False:
                        found = self._judged(key)
                    if found is not None:
                        out.append(self._match(toks, i, key, found))
                        free = i + size
                        break
        return out

    def _word_flags(self, word: str) -> int:
        """Bit flags of a word (its regular inflections too): swapped-in word of either tier,
        and the places it takes in known phrases."""
        places = self._places
        out = 0
        for base, _ in singular_readings(word):
            if base in self._swaps:
                out |= _STRICT
            if base in self._loose:
                out |= _LOOSE
            out |= places.get(base, 0)
        return out

    @cached_property
    def _places(self) -> dict[str, int]:
        """word -> the places (first, middle, last of 2- or 3-word phrases) it takes in the
        expressions and terms (A) and in the terms alone (T)."""
        table: dict[str, int] = {}
        for phrases, bits in ((self.expressions | self.terms, {2: _A2, 3: _A3}), (self.terms, {2: _T2, 3: _T3})):
            for p in phrases:
                for word, bit in zip(p, bits.get(len(p), ())):
                    table[word] = table.get(word, 0) | bit
        return table

    def _judged(self, key: tuple[str, ...]) -> tuple[str, float, str] | None:
        """`_judge` of a window, remembered."""
        if len(self._found) > 50_000:  # its keys hold the tokens' strings: bound it for long files
            self._found.clear()
        found = self._found[key] = self._judge(key)
        return found

    def _match(self, toks: Tokens, first: int, key: tuple[str, ...], found: tuple[str, float, str]) -> Match:
        """The near miss `found` (see `_judge`) on the window `key` at token `first`."""
        expression, drop, tag = found
        last = first + len(key) - 1
        return Match(
            entry=self._entry(key, expression, drop),
            first=first,
            last=last,
            start=toks.starts[first],
            end=toks.ends[last],
            inflection=tag,
        )

    def _judge(self, norms: Sequence[str]) -> tuple[str, float, str] | None:
        """The established expression these words are one swap away from, with the Zipf drop
        of the swap and the inflection of the last word; None when there is none.

        Strict swaps (a near synonym, much rarer) reach every expression; loose swaps (broad
        thesauri, merely rarer) only technical terms.
        """
        for w in norms:
            if not w[0].isalpha() and w != "'s":
                return None  # only runs of words: numbers and punctuation break a phrase
        last = len(norms) - 1
        head = tuple(norms[:last])
        forms = [(head + (tail,), tag) for tail, tag in singular_readings(norms[last])]
        known = self._known
        for words, _ in forms:
            if words in known:
                return None  # the text is the expression itself, or ordinary English
        for words, tag in forms:
            found = self._nearest(words)
            if found:
                return " ".join(found[1]), found[0], tag
        return None

    @cached_property
    def _known(self) -> frozenset[tuple[str, ...]]:
        """The expressions, the terms and the honest variants: phrases that are no near miss."""
        return frozenset(self.expressions | self.terms | self.honest)

    @property
    def known(self) -> frozenset[tuple[str, ...]]:
        """The phrases that are no near miss (`_known`), which the spun-term signal shares."""
        return self._known

    @cached_property
    def _slots_all(self) -> dict[tuple[str, ...], frozenset[str]]:
        return _slot_index(self.expressions | self.terms)

    @cached_property
    def _slots_terms(self) -> dict[tuple[str, ...], frozenset[str]]:
        return _slot_index(self.terms)

    def _nearest(self, words: tuple[str, ...]) -> tuple[float, tuple[str, ...]] | None:
        """The likeliest expression one swap away, with the Zipf drop of the swap: a strict
        swap to any expression, else a loose one to a technical term that is no plain English.

        Only the words a tier lists as swapped in are tried there, and the slot index says
        which words complete the other words into an expression, so a window no expression
        fits costs a lookup or two per word, not a search. Both tiers are read in one pass
        over the words, as they ask the same slots.
        """
        strict: tuple[int, float, tuple[str, ...]] | None = None
        loose: tuple[int, float, tuple[str, ...]] | None = None
        for k, word in enumerate(words):
            in_strict, in_loose = word in self._swaps, word in self._loose
            if not in_strict and not in_loose:
                continue
            blanked = words[:k] + ("",) + words[k + 1 :]
            if in_strict:
                fits = self._slots_all.get(blanked)
                if fits:
                    ranks = self._ranked_strict.get(word)
                    if ranks is None:
                        ranks = self._ranked_strict[word] = _ranked(_parsed(self._swaps, word), 0.0)
                    strict = _better(strict, ranks, fits, words, k)
            if in_loose:
                fits = self._slots_terms.get(blanked)
                if fits:
                    ranks = self._ranked_loose.get(word)
                    if ranks is None:
                        ranks = self._ranked_loose[word] = _ranked(_parsed(self._loose, word), MIN_DROP)
                    loose = _better(loose, ranks, fits, words, k)
        if strict:
            return -strict[1], strict[2]
        if loose and not self._plain(words, -loose[1]):
            return -loose[1], loose[2]
        return None

    def _plain(self, words: tuple[str, ...], drop: float) -> bool:
        """A mild loose swap among very common words reads as plain English ("security
        cooperation" beside "security association"): the lexicon generators' own rule."""
        return drop < PLAIN_DROP and min(self.zipf.get(w, 0.0) for w in words) >= PLAIN_ZIPF

    def _entry(self, spun: tuple[str, ...], expression: str, drop: float) -> Entry:
        key = (spun, expression)
        entry = self._entries.get(key)
        if entry is None:
            entry = Entry(
                spun=spun,
                originals=(expression,),
                kind=Kind.NEARMISS,
                weight=weight_for(drop),
                ambiguous=True,
                source=SOURCE,
                rarity=drop,
            )
            self._entries[key] = entry
        return entry
