"""Matching: a token-level trie over the lexicon's spun forms.

The text is tokenized once and walked once; at each token the trie is followed for as long
as the next tokens continue a spun form, so the cost does not grow with the number of
entries (no per-entry scan, no regex per entry). Leftmost-longest matches win. The last
token of a phrase may carry a regular inflection ("secure havens", "enlargements").
Entries with a `~N` proximity (from the Problematic Paper Screener) go through a small
second index because their words need not be adjacent.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields

from despin.model import Entry, Kind, Match, Token
from despin.morph import analyses
from despin.tokens import APOSTROPHES, BARRIER, Tokens, positions

_END = ""  # trie key under which a node keeps the index of the entry ending there (no token is "")
_FIELDS = tuple(f.name for f in fields(Entry))
_KIND = _FIELDS.index("kind")
_SOURCE = _FIELDS.index("source")
_ORIGIN = _FIELDS.index("origin")
_MEMO_LIMIT = 500_000  # distinct words remembered before the memo starts again

# An Entry's fields in declaration order: its kind as the enum's value, its source as an index
# into the matcher's shared strings, and an origin "path:line" as (index of the path, line).
Row = tuple


def _row(entry: Entry, shared: dict[str, int]) -> Row:
    """The entry as a row; `shared` numbers the strings many rows repeat (sources, file
    paths), which would otherwise be stored in every row's pickle."""
    values = [getattr(entry, name) for name in _FIELDS]
    values[_KIND] = entry.kind.value
    values[_SOURCE] = shared.setdefault(entry.source, len(shared))
    path, sep, line = entry.origin.rpartition(":")
    if sep and line.isdigit():
        values[_ORIGIN] = (shared.setdefault(path, len(shared)), int(line))
    return tuple(values)


class Matcher:
    """Compiled form of a lexicon: built once, then used for every document.

    The trie is nested plain dicts (token -> child; "" -> entry index; a child that only ends
    an entry is that entry's index) and the entries are plain tuples, so the pickled matcher
    loads with C-speed unpickling instead of one Python call per object; an `Entry` is made
    only for the rows a document actually matches.
    Pickled, each row is kept as its own small pickle, unpickled when its entry is first
    needed: a run matches a few hundred of the lexicon's tens of thousands of rows, and
    unpickling them all took more than a tenth of a one-page check's start-up.
    """

    __slots__ = ("root", "rows", "loose", "shared", "size", "_entries", "_starts", "_stems", "_second_ends")

    def __init__(self, root: dict, rows: list[Row | bytes], loose: dict[str, list[int]], shared: list[str]) -> None:
        self.root = root
        self.rows = rows
        self.loose = loose
        self.shared = shared  # the strings rows refer to by index (see `_row`)
        self.size = len(rows)
        self._entries: dict[int, Entry] = {}
        self._starts: dict[str, int] = {}  # word -> can a match start there (memo, see _can_start)
        self._stems: dict[str, tuple[str, ...]] = {}  # word -> its bases that may end an entry second
        self._second_ends: set[str] | None = None  # words that end an entry as its second word

    def __getstate__(self) -> tuple:
        rows = [r if isinstance(r, bytes) else pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in self.rows]
        return (self.root, rows, self.loose, self.shared)

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> Matcher:
        root: dict = {}
        rows: list[Row] = []
        loose: dict[str, list[int]] = defaultdict(list)
        words: dict[str, str] = {}  # one string object per word, so the pickle stores it once
        shared: dict[str, int] = {}
        for entry in entries:
            index = len(rows)
            rows.append(_row(entry, shared))
            if entry.slop > 0 and len(entry.spun) > 1:
                loose[entry.spun[0]].append(index)
                continue
            node = root
            for key in entry.spun:
                node = node.setdefault(words.setdefault(key, key), {})
            node[_END] = index
        return cls(_with_leaves(root), rows, dict(loose), list(shared))

    def entry(self, index: int) -> Entry:
        """The entry of a row, made on first use."""
        found = self._entries.get(index)
        if found is None:
            row = self.rows[index]
            values = list(pickle.loads(row) if isinstance(row, bytes) else row)
            values[_KIND] = Kind(values[_KIND])
            values[_SOURCE] = self.shared[values[_SOURCE]]
            origin = values[_ORIGIN]
            if type(origin) is tuple:
                values[_ORIGIN] = f"{self.shared[origin[0]]}:{origin[1]}"
            found = self._entries[index] = Entry(*values)
        return found

    def entries(self) -> list[Entry]:
        """Every entry, in lexicon order."""
        return [self.entry(i) for i in range(self.size)]

    def find(self, tokens: Sequence[Token], words: set[str] | None = None) -> list[Match]:
        """Leftmost-longest, non-overlapping matches in one passage's tokens.

        Only positions whose word can start an entry are walked: they are picked out by one
        comprehension over the token norms against a per-word memo, so the Python-level
        work is proportional to the candidates, not to the text. `words` is the set of the
        tokens' norms, if the caller has it already.
        """
        toks = Tokens.of(tokens)
        norms = toks.norms
        memo = self._starts
        distinct = set(norms) if words is None else words
        unseen = distinct.difference(memo)
        if unseen:
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
                self._stems.clear()
                unseen = distinct
            stems = self._stems
            for word in unseen:
                memo[word] = self._can_start(word)
                stems[word] = self._second_stems(word)
        matches: list[Match] = []
        free = 0  # the first token not inside a match already taken
        texts = toks.texts
        for i in self._candidates(norms, positions(norms, memo.__getitem__)):
            if i < free:
                continue
            text = texts[i]
            first = text[0]
            if not (first.isalpha() or first.isnumeric() or (first in APOSTROPHES and len(text) > 1)):
                continue  # punctuation (`Tokens.kind`, inline: this runs at every candidate)
            found = self._longest_at(toks, i)
            if found is None and self.loose:
                found = self._loose_at(toks, i)
            if found is not None:
                matches.append(found)
                free = found.last + 1
        return matches

    def _can_start(self, word: str) -> int:
        """Whether a match may begin at this word: 0 no; 1 yes (a one-word entry, an
        inflection of one ("enlargements"), a proximity entry's first word); 2 only if the
        next word continues a longer entry."""
        root = self.root
        node = root.get(word)
        if word in self.loose or _end_of(node) is not None:
            return 1
        if any(_end_of(root.get(base)) is not None for base, _ in analyses(word)):
            return 1
        return 0 if node is None else 2

    def _second_stems(self, word: str) -> tuple[str, ...]:
        """The bases of a word's inflected readings ("havens" -> haven) that end some entry as
        its second word: the only ones `_candidates` need try after a first word (for most
        words, none, so the common case costs no analysis at all)."""
        ends = self._second_ends
        if ends is None:
            ends = self._second_ends = {
                second
                for first, node in self.root.items()
                if first != _END and type(node) is dict
                for second, child in node.items()
                if second != _END and _end_of(child) is not None
            }
        return tuple(base for base, _ in analyses(word) if base in ends)

    def _candidates(self, norms: list[str], starts: list[int]) -> list[int]:
        """The start positions worth a trie walk: most common first words ("the", "of")
        begin some entry, but rarely with the word that follows them here."""
        memo, stems, root, last = self._starts, self._stems, self.root, len(norms) - 1
        out = []
        for k in starts:
            word = norms[k]
            if memo[word] == 1:
                out.append(k)
            elif k < last:
                node, nxt = root[word], norms[k + 1]  # a node with children: memo 2
                if nxt in node:
                    out.append(k)
                    continue
                for base in stems[nxt]:  # "secure havens"
                    if _end_of(node.get(base)) is not None:
                        out.append(k)
                        break
        return out

    def _longest_at(self, toks: Tokens, i: int) -> Match | None:
        norms = toks.norms
        best: Match | None = None
        node = self.root
        for j in range(i, len(norms)):
            nxt = node.get(norms[j])
            if nxt is None:
                # An inflected last token: "enlargements" -> entry "enlargement" + "s".
                if toks.is_word(j):
                    for base, tag in analyses(norms[j]):
                        end = _end_of(node.get(base))
                        if end is not None and _word_boundary(toks, i, j):
                            best = Match(self.entry(end), i, j, toks.starts[i], toks.ends[j], tag)
                            break
                break
            if type(nxt) is int:  # a leaf: an entry ends here and none goes on
                if _word_boundary(toks, i, j):
                    best = Match(self.entry(nxt), i, j, toks.starts[i], toks.ends[j])
                break
            node = nxt
            end = node.get(_END)
            if end is not None and _word_boundary(toks, i, j):
                best = Match(self.entry(end), i, j, toks.starts[i], toks.ends[j])
        return best

    def _loose_at(self, toks: Tokens, i: int) -> Match | None:
        norms = toks.norms
        for index in self.loose.get(norms[i], ()):
            entry = self.entry(index)
            want = entry.spun[1:]
            window_end = min(len(norms), i + len(entry.spun) + entry.slop)
            k, j = 0, i + 1
            while j < window_end and k < len(want) and norms[j] != BARRIER:
                if norms[j] == want[k]:
                    k += 1
                j += 1
            if k == len(want):
                return Match(entry, i, j - 1, toks.starts[i], toks.ends[j - 1])
        return None


def _with_leaves(root: dict) -> dict:
    """The trie with every node that only ends an entry (`{"": index}`, most of them) made
    the bare index: a dict per leaf was a third of the compiled lexicon's memory."""
    stack = [root]
    while stack:
        node = stack.pop()
        for key, child in node.items():
            if key == _END:
                continue
            if len(child) == 1 and _END in child:
                node[key] = child[_END]
            else:
                stack.append(child)
    return root


def _end_of(node: dict | int | None) -> int | None:
    """The index of the entry ending at a trie node (a leaf is its own index), if any."""
    if node is None or type(node) is int:
        return node
    return node.get(_END)


def _word_boundary(toks: Tokens, first: int, last: int) -> bool:
    """A match must not end inside a hyphenated or dotted compound ("non-military" is not "military")."""
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    if first > 0 and norms[first - 1] == "-" and ends[first - 1] == starts[first]:
        return False
    if last + 1 < len(norms) and norms[last + 1] == "-" and starts[last + 1] == ends[last]:
        return False
    return True


def contains(norms: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Whether the token norms contain `phrase` contiguously (for AND/NOT clauses)."""
    if not phrase:
        return True
    first, size = phrase[0], len(phrase)
    return any(
        norms[k] == first and tuple(norms[k : k + size]) == phrase for k in range(len(norms) - size + 1)
    )
