"""The spun-term signal: a technical term spun word by word through the paper-mill table.

The paper-mill spinner swaps every word of a term it holds a substitute for ("fuzzy logic" ->
"fluffy reasoning", "greedy algorithm" -> "insatiable calculation"). The lexicon lists each
term's likeliest variants (lexicons/generated/papermill.tsv), but with four or five substitutes
a word, a term of two or three words has dozens of combinations: too many to list for tens of
thousands of terms. This signal reads the table backwards instead. A run of two or three words,
at least two of them substitutes the table lists, that reads back into a known technical term
is reported with that term as its restoration.

Two swapped words are the spinner's mark: a writer who picks a near synonym picks one. The
rules are the generators' (shared in scoring.py): the substitutes must be rarer than the words
they replaced (per swap, in Zipf), a mild swap among very common words is plain English ("small
delay" is no spun "low latency"; `scoring.plain_swap`), and the phrases where honest choices happen to read
back into a term are listed as exceptions by the generator (signals/honest.txt, with the
expressions and terms themselves). A single swap is left to the lexicon's rows and the near-miss
signal, whose generators check it against ordinary English one variant at a time.

Data (`python -m despin.lexgen --only signals`): `signals/table.txt` (substitute -> the words it
replaces, with the Zipf drop of each swap and the table's certainty); `terms.txt` (the technical
terms of the near-miss signal's loose tier), `expressions.txt`, `honest.txt` and `zipf.txt`
(word frequencies) are shared with the near-miss signal. The loose tier's terms are the ones
sources agree on: adding every term the paper-mill generator spins doubled the readings on
honest documentation for almost no more restored phrases.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, count
from pathlib import Path

from despin.lexicon import default_dir
from despin.model import Entry, Kind, Match, Token
from despin.nearmiss import NearMissDetector, data_lines, singular_readings
from despin.scoring import LIKELY_SHARE, plain_swap, variant_weight
from despin.tokens import Tokens

SOURCE = "signal:papermill"
TABLE_FILE = "table.txt"
MIN_SWAPS = 2  # one swap is the near-miss signal's and the lexicon's business
MAX_WORDS = 3
MIN_DROP = 0.01  # the substitutes rarer (Zipf, per swap) than the words they replaced

# Word flags for the window filter of TableSpinDetector.find: a substitute as written (_SUB) or,
# as a last word, on its singular (_SUB_LAST); a reading of the word stands first or second in a
# 2-word term (_A2, _B2), first, second or third in a 3-word one (_A3, _B3, _C3). A reading's
# swaps must be rarer on average than the words they replaced, so one of them must be (_RARER).
_SUB, _SUB_LAST = 1, 2
_A2, _B2, _A3, _B3, _C3 = 4, 8, 16, 32, 64
_RARER = 128  # a substitute rarer than some word it may replace: a reading needs one (MIN_DROP)
_PLACES = {2: (_A2, _B2), 3: (_A3, _B3, _C3)}


def _windows(flags: bytes) -> bytes:
    """Per token, bit 1: the two-word window starting there can read back into a term with
    two swaps; bit 2: the three-word one. A byte of flags a token, tested for every window at
    once by shifting and ANDing the bytes as one integer, in C: a Python test per window would
    cost more than the rest of the signal."""
    n = len(flags)
    whole = int.from_bytes(flags, "little")
    ones = int.from_bytes(b"\x01" * n, "little")

    def has(bit: int, offset: int) -> int:  # lane i: 1 where token i + offset has `bit`
        return (whole >> (8 * offset + bit.bit_length() - 1)) & ones

    sub0, sub1 = has(_SUB, 0), has(_SUB, 1)
    last1, last2 = sub1 | has(_SUB_LAST, 1), has(_SUB, 2) | has(_SUB_LAST, 2)
    rarer0, rarer1 = has(_RARER, 0), has(_RARER, 1)
    two = has(_A2, 0) & sub0 & has(_B2, 1) & last1 & (rarer0 | rarer1)
    three = has(_A3, 0) & has(_B3, 1) & has(_C3, 2) & ((sub0 & sub1) | (sub0 & last2) | (sub1 & last2))
    three &= rarer0 | rarer1 | has(_RARER, 2)
    return (two | three << 1).to_bytes(n, "little")


# A substitute as the table gives it: the word it replaces, the Zipf drop of the swap, and
# whether the table calls it `sure` (a substitute the spinner is seen to print).
Substitute = tuple[str, float, bool]
# One word's reading in a window: the word it stands for, the Zipf drop, sure, and whether swapped.
Reading = tuple[str, float, bool, bool]


def parse_table(lines: Sequence[str]) -> dict[str, tuple[Substitute, ...]]:
    """`spun<TAB>original:drop:sure|likely ...` lines as spun word -> its substitutes. The file
    is generated; an item damaged by hand is skipped rather than stopping every run."""
    out: dict[str, tuple[Substitute, ...]] = {}
    for ln in lines:
        spun, _, rest = ln.partition("\t")
        subs = []
        for item in rest.split():
            word, _, tail = item.partition(":")
            drop, _, certainty = tail.partition(":")
            try:
                subs.append((word, float(drop), certainty == "sure"))
            except ValueError:
                continue
        if subs:
            out[spun] = tuple(subs)
    return out


def weight_for(drop: float, sure: bool, swaps: int) -> float:
    """Prior weight of a reading: the paper-mill generator's for its variant (per-swap Zipf
    drop; halved where a `likely` substitute was taken)."""
    weight = variant_weight(drop, 0.0, swaps)
    return weight if sure else round(weight * LIKELY_SHARE, 2)


class TableSpinDetector:
    """Finds technical terms spun word by word by the paper-mill table in a token sequence."""

    def __init__(
        self,
        table: dict[str, tuple[Substitute, ...]],
        terms: set[tuple[str, ...]],
        known: set[tuple[str, ...]] = frozenset(),
        zipf: dict[str, float] | None = None,
    ) -> None:
        self.table = table
        self.zipf = zipf or {}  # Zipf frequency of the substitutes and the terms' words
        self.terms = terms
        # phrases that are no spun term: the expressions, the terms and the honest exceptions
        # (the near-miss signal's own set where it holds them all: shared, not copied)
        self.known = known if terms <= known else frozenset(known) | frozenset(terms)
        # first word -> second words of 2-word terms; (first, second) -> third words of 3-word ones
        self._second: dict[str, set[str]] = {}
        self._third: dict[tuple[str, str], set[str]] = {}
        for t in terms:
            if len(t) == 2:
                self._second.setdefault(t[0], set()).add(t[1])
            elif len(t) == 3:
                self._third.setdefault((t[0], t[1]), set()).add(t[2])
        self._flags: dict[str, int] = {}  # word -> _word_flags
        self._read_memo: dict[str, tuple[str, ...]] = {}  # word -> _readings_of
        self._last_memo: dict[str, frozenset[str]] = {}  # word -> _last_readings
        self._follow_memo: dict[str, frozenset[str]] = {}  # word -> _followers
        # word -> the places it takes in the terms (_A2, _B2: first, second of two words, ...)
        self._places: dict[str, int] = {}
        for t in terms:
            for word, bit in zip(t, _PLACES.get(len(t), ())):
                self._places[word] = self._places.get(word, 0) | bit
        self._found: dict[tuple[str, ...], tuple[Entry, str] | None] = {}
        self._entries: dict[tuple[tuple[str, ...], str], Entry] = {}

    @classmethod
    def load(cls, directory: str | Path | None = None) -> TableSpinDetector:
        """The signal over a signals folder: its terms, known phrases and frequencies are the
        near-miss signal's files, read the near-miss signal's way (see `beside`)."""
        d = Path(directory) if directory is not None else default_dir() / "signals"
        return cls.beside(NearMissDetector.load(d), d)

    @classmethod
    def beside(cls, nearmiss: NearMissDetector, directory: str | Path | None = None) -> TableSpinDetector:
        """The signal over the same folder as `nearmiss`, sharing its terms, known phrases and
        word frequencies instead of loading second copies (only the table is read)."""
        d = Path(directory) if directory is not None else default_dir() / "signals"
        return cls(parse_table(data_lines(d / TABLE_FILE)), nearmiss.terms, nearmiss.known, nearmiss.zipf)

    def __call__(self, tokens: Sequence[Token]) -> list[Match]:
        return self.find(tokens)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Non-overlapping spun terms, left to right, the longer window first at each start.

        A window is judged only where it holds two substitutes and every word can stand where
        a term has a word (`_word_flags`, once per distinct word, tested for all windows at once
        by `_windows`); a judgement is kept for the windows that recur. Ordinary text costs a
        dictionary look-up a token.
        """
        toks = Tokens.of(tokens)
        norms = toks.norms
        memo = self._flags
        if len(memo) > 500_000:
            memo.clear()
            self._read_memo.clear()
            self._last_memo.clear()
            self._follow_memo.clear()
        for word in toks.distinct().difference(memo):
            memo[word] = self._word_flags(word)
        windows = _windows(bytes(map(memo.__getitem__, norms)))
        out: list[Match] = []
        free = 0
        found = self._found
        if len(found) > 50_000:
            found.clear()
        for i in compress(count(), windows):
            if i < free:
                continue
            for bit, size in ((2, 3), (1, 2)):  # the longer window first
                if not windows[i] & bit:
                    continue
                key = tuple(norms[i : i + size])
                judged = found.get(key, False)
                if judged is False:
                    judged = found[key] = self._judge(key)
                if judged is not None:
                    entry, tag = judged
                    last = i + size - 1
                    out.append(Match(entry=entry, first=i, last=last, start=toks.starts[i], end=toks.ends[last], inflection=tag))
                    free = i + size
                    break
        return out

    def _word_flags(self, word: str) -> int:
        """What a word can be in a window: a substitute (as written, or as a last word on its
        singular), and which places of 2- and 3-word terms one of its readings takes."""
        places, table = self._places, self.table
        out = 0
        for base, _ in singular_readings(word):
            bits = places.get(base, 0)
            subs = table.get(base)
            if subs:
                for original, drop, _ in subs:
                    bits |= places.get(original, 0)
                    if drop >= MIN_DROP:
                        out |= _RARER
                out |= _SUB | _SUB_LAST if base == word else _SUB_LAST
            out |= bits if base == word else bits & (_B2 | _C3)  # a singular reads only as a last word
        return out

    def _may_read(self, words: tuple[str, ...]) -> bool:
        """Whether some reading of the words is a term at all: set tests on each word's
        readings (memoised per word), before `_judge` weighs every reading. Most windows the
        flags let through (a few in a hundred) read into none."""
        last = self._last_readings(words[-1])
        if len(words) == 2:
            return not self._followers(words[0]).isdisjoint(last)
        firsts = self._readings_of(words[0])
        third, mids = self._third, self._readings_of(words[1])
        return any(not third[(a, b)].isdisjoint(last) for a in firsts for b in mids if (a, b) in third)

    def _followers(self, word: str) -> frozenset[str]:
        """The second words of the 2-word terms one of the word's readings begins."""
        found = self._follow_memo.get(word)
        if found is None:
            second = self._second
            found = self._follow_memo[word] = frozenset().union(*(second[r] for r in self._readings_of(word) if r in second))
        return found

    def _readings_of(self, word: str) -> tuple[str, ...]:
        """The word as written and the words it may have replaced."""
        found = self._read_memo.get(word)
        if found is None:
            found = self._read_memo[word] = (word, *(original for original, _, _ in self.table.get(word, ())))
        return found

    def _last_readings(self, word: str) -> frozenset[str]:
        """The readings of a last word, on its singular too."""
        found = self._last_memo.get(word)
        if found is None:
            found = self._last_memo[word] = frozenset(r for base, _ in singular_readings(word) for r in self._readings_of(base))
        return found

    def _options(self, word: str) -> list[Reading]:
        """The readings of one written word: (word, drop, sure, swapped), as written first."""
        out = [(word, 0.0, True, False)]
        out.extend((original, drop, sure, True) for original, drop, sure in self.table.get(word, ()))
        return out

    def _judge(self, words: tuple[str, ...]) -> tuple[Entry, str] | None:
        """The term these words read back into with two or more substitutes undone, and the
        inflection of the last word; None when there is none or the words are known English."""
        if not all(w.isalpha() for w in words) or not self._may_read(words):
            return None
        best: tuple[tuple[int, int], tuple[str, ...], float, bool, int, str] | None = None
        head = [self._options(w) for w in words[:-1]]
        for base, tag in singular_readings(words[-1]):
            written = words[:-1] + (base,)
            if written in self.known:
                return None  # the words are an expression, a term or an honest phrase as written
            least = min(self.zipf.get(w, 0.0) for w in written)
            for reading in self._readings(head, self._options(base)):
                swaps = [r for r in reading if r[3]]
                if len(swaps) < MIN_SWAPS:
                    continue
                drop = sum(r[1] for r in swaps) / len(swaps)
                if drop < MIN_DROP or plain_swap(least, drop):
                    continue
                likely = sum(not r[2] for r in reading)
                rank = (likely, -len(swaps))
                if best is None or rank < best[0]:
                    best = (rank, tuple(r[0] for r in reading), drop, likely == 0, len(swaps), tag)
        if best is None:
            return None
        _, term, drop, sure, swaps, tag = best
        return self._entry(words, " ".join(term), weight_for(drop, sure, swaps), drop), tag

    def _readings(self, head: list[list[Reading]], last: list[Reading]) -> Iterator[tuple[Reading, ...]]:
        """Every way of reading the words back that makes a known term (by index, not by
        trying every combination: the terms are indexed by their leading words)."""
        if len(head) == 1:
            for a in head[0]:
                seconds = self._second.get(a[0])
                if seconds:
                    yield from ((a, b) for b in last if b[0] in seconds)
        elif len(head) == 2:
            for a in head[0]:
                for b in head[1]:
                    thirds = self._third.get((a[0], b[0]))
                    if thirds:
                        yield from ((a, b, c) for c in last if c[0] in thirds)

    def _entry(self, spun: tuple[str, ...], term: str, weight: float, drop: float) -> Entry:
        key = (spun, term)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = Entry(
                spun=spun,
                originals=(term,),
                kind=Kind.NEARMISS,
                weight=weight,
                ambiguous=True,
                source=SOURCE,
                rarity=round(drop, 2),
            )
        return entry
