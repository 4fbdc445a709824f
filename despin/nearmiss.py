"""The near-miss signal: a phrase one thesaurus swap away from an established expression.

No lexicon can list every spun variant. A phrase that becomes an established expression when
one of its words is replaced by a word the thesaurus offers as its synonym, where the word in
the text is rarer than the one it displaced ("secure haven", "profound organization"), is
suspicious even if no file lists it. The data comes from `python -m despin.lexgen --only
signals` (lexicons/signals/): the expressions, a reverse synonym map (swapped-in word ->
displaced words with their Zipf drop) and one-swap variants known to be ordinary English.
Detection is a few hash lookups per token n-gram; the findings are ambiguous, so they count
only where other evidence gathers.

Paper-mill spinners often swap two words of a short term ("picture acknowledgment"), so a
window whose words are *both* swapped-in words is also tried with two swaps, each from the
few likeliest displaced words (`DOUBLE_CANDIDATES`), and weighs a little less.

The reverse map is large (broad thesauri list dozens of synonyms a word), so its lines are
kept as text and parsed only for the words a document actually holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from despin.lexicon import default_dir
from despin.model import Entry, Kind, Match, Token
from despin.tokens import Tokens, positions

SOURCE = "signal:nearmiss"
MAX_WORDS = 3
MIN_DROP = 0.01  # a loose swap: the swapped-in word rarer (Zipf) than the one it displaced
PLAIN_ZIPF, PLAIN_DROP = 4.2, 1.0  # loose swaps among words this common, by less: plain English
MIN_DROP_DOUBLE = 1.0  # each word of a two-swap near miss: two loose swaps are easier to fake
DOUBLE_CANDIDATES = 3  # displaced words tried per position in a two-swap window
DOUBLE_FACTOR = 0.85  # a two-swap near miss is weaker evidence than a one-swap one


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def weight_for(drop: float) -> float:
    """Prior weight from the rarity of the swap: a far rarer word is a likelier spin."""
    return round(min(0.6, 0.15 + 0.1 * drop), 2)


def _bases(word: str) -> list[tuple[str, str]]:
    """The word and its singular / base forms for a regular -s ending, with the tag."""
    out = [(word, "")]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        if word.endswith("ies"):
            out.append((word[:-3] + "y", "s"))
        if word.endswith("es"):
            out.append((word[:-2], "s"))
        out.append((word[:-1], "s"))
    return out


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


def _parsed(table: dict[str, tuple[tuple[str, float], ...] | str], word: str) -> tuple[tuple[str, float], ...]:
    found = table.get(word, ())
    if isinstance(found, str):
        found = table[word] = _parse_pairs(found)
    return found


def _swap_map(path: Path) -> dict[str, tuple[tuple[str, float], ...]]:
    """The whole reverse map parsed (tests and tools; the detector parses lazily)."""
    return {syn: _parse_pairs(rest) for syn, rest in _raw_swap_map(path).items()}


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
        # A near-miss starts with an expression's first word or a swapped-in word: every other
        # position is skipped without looking at its windows (most of the text).
        self._starts = (
            frozenset(e[0] for e in expressions) | frozenset(e[0] for e in terms)
            | frozenset(self._swaps) | frozenset(self._loose)
        )
        self._swapped: dict[str, bool] = {}  # word -> is it (an inflection of) a swapped-in word
        self._found: dict[tuple[str, ...], tuple[str, float, str] | None] = {}  # window -> _judge

    @classmethod
    def load(cls, directory: str | Path | None = None) -> NearMissDetector:
        d = Path(directory) if directory is not None else default_dir() / "signals"
        expressions = {tuple(ln.split()) for ln in _lines(d / "expressions.txt")}
        honest = {tuple(ln.split()) for ln in _lines(d / "honest.txt")}
        terms = {tuple(ln.split()) for ln in _lines(d / "terms.txt")}
        zipf = {w: float(z) for w, _, z in (ln.partition("\t") for ln in _lines(d / "zipf.txt"))}
        return cls(expressions, _raw_swap_map(d / "swaps.txt"), honest, terms, _raw_swap_map(d / "loose.txt"), zipf)

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

        A near miss holds a swapped-in word, so only windows around those words are looked
        at: they are picked out by one pass over the norms against a per-word memo.
        """
        toks = Tokens.of(tokens)
        norms = toks.norms
        memo = self._swapped
        if len(memo) > 500_000:
            memo.clear()
        for word in set(norms).difference(memo):
            memo[word] = any(base in self._swaps or base in self._loose for base, _ in _bases(word))
        hits = positions(norms, memo.__getitem__)
        if not hits:
            return []
        starts = self._starts
        # A window starts at most MAX_WORDS - 1 tokens before its swapped-in word.
        firsts = sorted({i for k in hits for i in range(max(0, k - MAX_WORDS + 1), k + 1)})
        out: list[Match] = []
        n = len(norms)
        free = 0
        for i in firsts:
            if i < free or norms[i] not in starts:
                continue
            found = None
            for size in range(MAX_WORDS, 1, -1):
                if i + size > n:
                    continue
                found = self._match(toks, i, size)
                if found:
                    break
            if found:
                out.append(found)
                free = found.last + 1
        return out

    def _match(self, toks: Tokens, first: int, size: int) -> Match | None:
        norms = toks.norms[first : first + size]
        key = tuple(norms)
        found = self._found.get(key, False)
        if found is False:  # the same windows recur all through a text: judge each once
            if len(self._found) > 200_000:
                self._found.clear()
            found = self._found[key] = self._judge(norms)
        if found is None:
            return None
        expression, drop, tag = found
        inflection, _, double = tag.partition(" ")
        return Match(
            entry=self._entry(key, expression, drop, double=bool(double)),
            first=first,
            last=first + size - 1,
            start=toks.starts[first],
            end=toks.ends[first + size - 1],
            inflection=inflection,
        )

    def _judge(self, norms: list[str]) -> tuple[str, float, str] | None:
        """The established expression these words are one swap (else two) away from, with the
        Zipf drop of the swap and the inflection of the last word (followed by " 2" for two
        swaps); None when there is none.

        Strict swaps (a near synonym, much rarer) reach every expression; loose swaps (broad
        thesauri, merely rarer) and two swaps reach only technical terms, where ordinary
        English has few honest neighbours.
        """
        if not all(w[0].isalpha() or w == "'s" for w in norms):
            return None  # only runs of words: numbers and punctuation break a phrase
        last = len(norms) - 1
        forms = [(tuple(norms[:last] + [tail]), tag) for tail, tag in _bases(norms[last])]
        for words, _ in forms:
            if words in self.expressions or words in self.terms or words in self.honest:
                return None  # the text is the expression itself, or ordinary English
        for words, tag in forms:
            found = self._single(words, self.displaced, 0.0, self.expressions, self.terms)
            if not found:
                found = self._single(words, self.loosely_displaced, MIN_DROP, self.terms)
                if found and self._plain(words, found[0]):
                    found = None
            if found:
                return " ".join(found[1]), found[0], tag
        for words, tag in forms:
            found = self._double(words)
            if found:
                return " ".join(found[1]), found[0], f"{tag} 2"
        return None

    @staticmethod
    def _single(words: tuple[str, ...], displaced, min_drop: float, *targets: set[tuple[str, ...]]) -> tuple[float, tuple[str, ...]] | None:
        """The likeliest expression of `targets` one swap away (displaced words are listed
        likeliest first; on a tie, the rarer swap)."""
        best: tuple[int, float, tuple[str, ...]] | None = None
        for k, word in enumerate(words):
            for rank, (original, drop) in enumerate(displaced(word)):
                if drop < min_drop:
                    continue
                cand = words[:k] + (original,) + words[k + 1 :]
                if any(cand in t for t in targets) and (best is None or (rank, -drop) < best[:2]):
                    best = (rank, -drop, cand)
        return (-best[1], best[2]) if best else None

    def _plain(self, words: tuple[str, ...], drop: float) -> bool:
        """A mild loose swap among very common words reads as plain English ("security
        cooperation" beside "security association"): the lexicon generators' own rule."""
        return drop < PLAIN_DROP and min(self.zipf.get(w, 0.0) for w in words) >= PLAIN_ZIPF

    def _double(self, words: tuple[str, ...]) -> tuple[float, tuple[str, ...]] | None:
        """The likeliest technical term two swaps away: both words swapped in, neither kept."""
        options = [
            [p for p in self.displaced(w) + self.loosely_displaced(w) if p[1] >= MIN_DROP_DOUBLE][:DOUBLE_CANDIDATES]
            for w in words
        ]
        best: tuple[float, tuple[str, ...]] | None = None
        for a in range(len(words)):
            for b in range(a + 1, len(words)):
                for orig_a, drop_a in options[a]:
                    for orig_b, drop_b in options[b]:
                        cand = list(words)
                        cand[a], cand[b] = orig_a, orig_b
                        key = tuple(cand)
                        drop = min(drop_a, drop_b)
                        if key in self.terms and (best is None or drop > best[0]):
                            best = (drop, key)
        return best

    def _entry(self, spun: tuple[str, ...], expression: str, drop: float, double: bool = False) -> Entry:
        key = (spun, expression)
        entry = self._entries.get(key)
        if entry is None:
            weight = weight_for(drop)
            entry = Entry(
                spun=spun,
                originals=(expression,),
                kind=Kind.NEARMISS,
                weight=round(weight * DOUBLE_FACTOR, 2) if double else weight,
                ambiguous=True,
                source=SOURCE,
                rarity=drop,
            )
            self._entries[key] = entry
        return entry
