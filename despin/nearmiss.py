"""The near-miss signal: a phrase one thesaurus swap away from an established expression.

No lexicon can list every spun variant. A phrase that becomes an established expression when
one of its words is replaced by a word the thesaurus offers as its synonym, where the word in
the text is rarer than the one it displaced ("secure haven", "profound organization"), is
suspicious even if no file lists it. The data comes from `python -m despin.lexgen --only
signals` (lexicons/signals/): the expressions, a reverse synonym map (swapped-in word ->
displaced words with their Zipf drop) and one-swap variants known to be ordinary English.
Detection is a few hash lookups per token n-gram; the findings are ambiguous, so they count
only where other evidence gathers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from despin.lexicon import default_dir
from despin.model import Entry, Kind, Match, Token
from despin.tokens import Tokens, positions

SOURCE = "signal:nearmiss"
MAX_WORDS = 3


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


def _swap_map(path: Path) -> dict[str, tuple[tuple[str, float], ...]]:
    """`swapped-in<TAB>displaced:drop displaced:drop ...` lines as a dict."""
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for ln in _lines(path):
        syn, _, rest = ln.partition("\t")
        pairs = []
        for item in rest.split():
            word, _, drop = item.rpartition(":")
            pairs.append((word, float(drop)))
        out[syn] = tuple(pairs)
    return out


class NearMissDetector:
    """Finds near-misses of known expressions in a token sequence."""

    def __init__(
        self,
        expressions: set[tuple[str, ...]],
        swaps: dict[str, tuple[tuple[str, float], ...]],
        honest: set[tuple[str, ...]] = frozenset(),
    ) -> None:
        self.expressions = expressions
        self.swaps = swaps
        self.honest = honest
        self._entries: dict[tuple[tuple[str, ...], str], Entry] = {}
        # A near-miss starts with an expression's first word or a swapped-in word: every other
        # position is skipped without looking at its windows (most of the text).
        self._starts = frozenset(e[0] for e in expressions) | frozenset(swaps)
        self._swapped: dict[str, bool] = {}  # word -> is it (an inflection of) a swapped-in word
        self._found: dict[tuple[str, ...], tuple[str, float, str] | None] = {}  # window -> _judge

    @classmethod
    def load(cls, directory: str | Path | None = None) -> NearMissDetector:
        d = Path(directory) if directory is not None else default_dir() / "signals"
        expressions = {tuple(ln.split()) for ln in _lines(d / "expressions.txt")}
        honest = {tuple(ln.split()) for ln in _lines(d / "honest.txt")}
        return cls(expressions, _swap_map(d / "swaps.txt"), honest)

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
            memo[word] = any(base in self.swaps for base, _ in _bases(word))
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
        return Match(
            entry=self._entry(key, expression, drop),
            first=first,
            last=first + size - 1,
            start=toks.starts[first],
            end=toks.ends[first + size - 1],
            inflection=tag,
        )

    def _judge(self, norms: list[str]) -> tuple[str, float, str] | None:
        """The established expression these words are one swap away from, with the Zipf drop
        of the swap and the inflection of the last word; None when there is none."""
        if not all(w[0].isalpha() or w == "'s" for w in norms):
            return None  # only runs of words: numbers and punctuation break a phrase
        last = len(norms) - 1
        best: tuple[float, tuple[str, ...], str] | None = None
        for tail, tag in _bases(norms[last]):
            words = tuple(norms[:last] + [tail])
            if words in self.expressions or words in self.honest:
                return None  # the text is the expression itself, or ordinary English
            for k, word in enumerate(words):
                for original, drop in self.swaps.get(word, ()):
                    cand = words[:k] + (original,) + words[k + 1 :]
                    if cand in self.expressions and (best is None or drop > best[0]):
                        best = (drop, cand, tag)
            if best:
                break
        if best is None:
            return None
        drop, expression, tag = best
        return " ".join(expression), drop, tag

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
