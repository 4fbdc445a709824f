"""Matching: a token-level trie over the lexicon's spun forms.

The text is tokenized once and walked once; at each token the trie is followed for as long
as the next tokens continue a spun form, so the cost does not grow with the number of
entries (no per-entry scan, no regex per entry). Leftmost-longest matches win. The last
token of a phrase may carry a regular inflection ("secure havens", "enlargements").
Entries with a `~N` proximity (from the Problematic Paper Screener) go through a small
second index because their words need not be adjacent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields

from despin.model import Entry, Kind, Match, Token, TokenKind
from despin.morph import analyses

_END = ""  # trie key under which a node keeps the index of the entry ending there (no token is "")
_FIELDS = tuple(f.name for f in fields(Entry))
_KIND = _FIELDS.index("kind")

Row = tuple  # an Entry's fields in declaration order, its kind as the enum's value


def _row(entry: Entry) -> Row:
    values = [getattr(entry, name) for name in _FIELDS]
    values[_KIND] = entry.kind.value
    return tuple(values)


class Matcher:
    """Compiled form of a lexicon: built once, then used for every document.

    The trie is nested plain dicts (token -> child; "" -> entry index) and the entries are
    plain tuples, so the pickled matcher loads with C-speed unpickling instead of one Python
    call per object; an `Entry` is made only for the rows a document actually matches.
    """

    __slots__ = ("root", "rows", "loose", "size", "_entries")

    def __init__(self, root: dict, rows: list[Row], loose: dict[str, list[int]]) -> None:
        self.root = root
        self.rows = rows
        self.loose = loose
        self.size = len(rows)
        self._entries: dict[int, Entry] = {}

    def __getstate__(self) -> tuple:
        return (self.root, self.rows, self.loose)

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> Matcher:
        root: dict = {}
        rows: list[Row] = []
        loose: dict[str, list[int]] = defaultdict(list)
        for entry in entries:
            index = len(rows)
            rows.append(_row(entry))
            if entry.slop > 0 and len(entry.spun) > 1:
                loose[entry.spun[0]].append(index)
                continue
            node = root
            for key in entry.spun:
                node = node.setdefault(key, {})
            node[_END] = index
        return cls(root, rows, dict(loose))

    def entry(self, index: int) -> Entry:
        """The entry of a row, made on first use."""
        found = self._entries.get(index)
        if found is None:
            values = list(self.rows[index])
            values[_KIND] = Kind(values[_KIND])
            found = self._entries[index] = Entry(*values)
        return found

    def entries(self) -> list[Entry]:
        """Every entry, in lexicon order."""
        return [self.entry(i) for i in range(self.size)]

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches in one passage's tokens."""
        matches: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i].kind is TokenKind.PUNCT:
                i += 1
                continue
            found = self._longest_at(tokens, i)
            if found is None and self.loose:
                found = self._loose_at(tokens, i)
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found.last + 1
        return matches

    def _longest_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        best: Match | None = None
        node = self.root
        j = i
        while j < len(tokens):
            tok = tokens[j]
            # An inflected last token: "enlargements" -> entry "enlargement" + "s".
            if tok.kind is TokenKind.WORD and tok.norm not in node:
                for base, tag in analyses(tok.norm):
                    child = node.get(base)
                    if child is not None and _END in child and _word_boundary(tokens, i, j):
                        best = Match(self.entry(child[_END]), i, j, tokens[i].start, tok.end, tag)
                        break
            nxt = node.get(tok.norm)
            if nxt is None:
                break
            node = nxt
            if _END in node and _word_boundary(tokens, i, j):
                best = Match(self.entry(node[_END]), i, j, tokens[i].start, tok.end)
            j += 1
        return best

    def _loose_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        for index in self.loose.get(tokens[i].norm, ()):
            entry = self.entry(index)
            want = entry.spun[1:]
            window_end = min(len(tokens), i + len(entry.spun) + entry.slop)
            k, j = 0, i + 1
            while j < window_end and k < len(want):
                if tokens[j].norm == want[k]:
                    k += 1
                j += 1
            if k == len(want):
                return Match(entry, i, j - 1, tokens[i].start, tokens[j - 1].end)
        return None


def _word_boundary(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A match must not end inside a hyphenated or dotted compound ("non-military" is not "military")."""
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if before is not None and before.norm == "-" and before.end == tokens[first].start:
        return False
    if after is not None and after.norm == "-" and after.start == tokens[last].end:
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
