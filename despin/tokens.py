"""Tokenizing: words, numbers and punctuation with their character spans.

The text is tokenized once; every later stage works on these tokens and their offsets.
A possessive or contracted `'s` becomes its own token ("months’s" -> "months", "’s") so an
entry for "12 months" still matches "12 months’s" and the suffix survives a rewrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import overload

import re

import regex

from despin.model import Token, TokenKind

APOSTROPHES = "'\u2019\u02bc"
_APOS_CLASS = "['\u2019\u02bc]"

# Letters (with inner apostrophes and combining marks), numbers, or one other non-space char.
_TOKEN = regex.compile(
    rf"(?P<word>\p{{L}}[\p{{L}}\p{{M}}]*(?:{_APOS_CLASS}\p{{L}}[\p{{L}}\p{{M}}]*)*)"
    r"|(?P<number>\p{N}+(?:[.,]\p{N}+)*)"
    r"|(?P<punct>[^\s\p{L}\p{N}])",
    regex.VERSION1,
)
# Stands between two passages laid end to end: no entry, signal or word pair contains it.
BARRIER = "\n"
_APOS_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def normalize(text: str) -> str:
    """Matching form of a word: lower case with straight apostrophes."""
    return text.translate(_APOS_TABLE).lower()


# The same tokens as _TOKEN, as one capturing group for `split`: a possessive `'s` is its own
# token (the lookahead stops a word before it, the lookbehind takes it).
_SPLIT = regex.compile(
    rf"(\p{{L}}[\p{{L}}\p{{M}}]*(?:{_APOS_CLASS}(?![sS](?![\p{{L}}\p{{M}}]|{_APOS_CLASS}\p{{L}}))\p{{L}}[\p{{L}}\p{{M}}]*)*"
    rf"|(?<=\p{{L}}[\p{{M}}]*){_APOS_CLASS}[sS](?![\p{{L}}\p{{M}}]|{_APOS_CLASS}\p{{L}})"
    r"|\p{N}+(?:[.,]\p{N}+)*"
    r"|[^\s\p{L}\p{N}])",
    regex.VERSION1,
)

# The same for ASCII-only text, with the standard library's faster engine.
_SPLIT_ASCII = re.compile(
    r"([A-Za-z]+(?:'(?![sS](?![A-Za-z]|'[A-Za-z]))[A-Za-z]+)*"
    r"|(?<=[A-Za-z])'[sS](?![A-Za-z]|'[A-Za-z])"
    r"|[0-9]+(?:[.,][0-9]+)*"
    r"|[^ \t\n\v\f\rA-Za-z0-9])"
)


# Most non-ASCII prose is ASCII plus accented Latin letters, curly quotes, dashes and no-break
# spaces. For such a text the standard library's engine (several times faster than `regex`)
# gives exactly _SPLIT's tokens, once its classes spell out those characters: the letters of
# Latin-1 and Latin Extended-A/B, the Unicode white space, and everything else as punctuation.
_LATIN_RANGE = range(0x80, 0x250)
_SPACE_RANGE = range(0x80, 0x3001)  # the last white space character is U+3000


@lru_cache(maxsize=1)
def _latin_classes() -> tuple[str, str]:
    """The Latin letters and the non-ASCII white space, as _SPLIT's `regex` reads them."""
    letters = "".join(regex.findall(r"\p{L}", "".join(map(chr, _LATIN_RANGE))))
    spaces = "".join(regex.findall(r"\s", "".join(map(chr, _SPACE_RANGE)), regex.VERSION1))
    return letters, spaces


@lru_cache(maxsize=1)
def _latin_split() -> re.Pattern[str]:
    letters, spaces = _latin_classes()
    word = f"[A-Za-z{letters}]"
    return re.compile(
        rf"({word}+(?:['\u2019](?![sS](?!{word}|['\u2019]{word})){word}+)*"
        rf"|(?<={word})['\u2019][sS](?!{word}|['\u2019]{word})"
        r"|[0-9]+(?:[.,][0-9]+)*"
        rf"|[^ \t\n\v\f\r{spaces}A-Za-z0-9{letters}])"
    )


_latin_chars: dict[str, bool] = {}  # non-ASCII character -> can _latin_split tokenize text with it


def _is_latin(text: str) -> bool:
    """Whether every non-ASCII character of `text` is a Latin letter, white space, or a mark
    that is punctuation to _SPLIT (no other script, combining mark, digit or letter-apostrophe)."""
    known = _latin_chars
    for c in set(text):
        if c < "\x80":
            continue
        ok = known.get(c)
        if ok is None:
            letters, spaces = _latin_classes()
            ok = known[c] = c in letters or c in spaces or (
                c != "\u02bc" and regex.match(r"[^\s\p{L}\p{N}\p{M}]", c, regex.VERSION1) is not None
            )
        if not ok:
            return False
    return True


def is_word_text(text: str) -> bool:
    """Whether a token's text is a word: letters first, or a possessive "'s" (`Tokens.is_word`,
    for callers that hold the texts column already)."""
    return text[0].isalpha() or (len(text) == 2 and text[0] in APOSTROPHES)


class Tokens(Sequence[Token]):
    """A run of tokens stored column-wise: texts, norms, starts and ends as parallel lists.

    Tokenizing is the one step that touches every character, so it is done by C code
    (`split`, `accumulate`, `str.lower` over the joined tokens) rather than a Python loop
    per token; the matchers read the columns directly. Indexing still gives a `Token`.
    """

    __slots__ = ("texts", "norms", "starts", "ends", "_distinct")

    def __init__(self, texts: list[str], norms: list[str], starts: list[int], ends: list[int]) -> None:
        self.texts, self.norms, self.starts, self.ends = texts, norms, starts, ends
        self._distinct: set[str] | None = None

    def distinct(self) -> set[str]:
        """The distinct norms, built once: the matcher and each signal memoise per word and
        ask which words they have not seen yet. Callers must not change the set."""
        if self._distinct is None:
            self._distinct = set(self.norms)
        return self._distinct

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Tokens:
        """Column form of any token sequence (a list of `Token`s built by hand, say)."""
        if isinstance(tokens, Tokens):
            return tokens
        return cls([t.text for t in tokens], [t.norm for t in tokens], [t.start for t in tokens], [t.end for t in tokens])

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Token(self.texts[i], self.norms[i], self.starts[i], self.ends[i], self.kind(i))

    def __iter__(self) -> Iterator[Token]:
        return (self[i] for i in range(len(self)))

    def kind(self, i: int) -> TokenKind:
        first = self.texts[i][0]
        if first.isalpha() or (first in APOSTROPHES and len(self.texts[i]) > 1):
            return TokenKind.WORD
        return TokenKind.NUMBER if first.isnumeric() else TokenKind.PUNCT

    def is_word(self, i: int) -> bool:
        return is_word_text(self.texts[i])

    def word_count(self) -> int:
        """How many tokens are words: all but numbers and punctuation, counted in C."""
        return sum(map(str.isalpha, map(_first, self.texts))) + self.norms.count("'s")


_first = itemgetter(0)


def positions(norms: list[str], wanted: Callable[[str], object]) -> list[int]:
    """Indices of the norms for which `wanted` is true, without a Python loop over the text:
    `wanted` is a bound C method (a memo's `__getitem__`, a set's `__contains__`)."""
    return list(compress(count(), map(wanted, norms)))


def indices(items: list[str], value: str) -> list[int]:
    """Every index at which `value` stands in `items`, in order: for a value as rare as most
    words, C-level search (`list.index`) is many times cheaper than a test at every item."""
    out: list[int] = []
    at = -1
    try:
        while True:
            at = items.index(value, at + 1)
            out.append(at)
    except ValueError:
        return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of `text[start:end]`, with offsets into the whole `text`."""
    end = len(text) if end is None else end
    part = text[start:end] if start or end != len(text) else text
    if "\u02bc" in part:  # a letter that is also an apostrophe: only the token loop splits it right
        return Tokens.of(list(iter_tokens(text, start, end)))
    return _split(part, start)


def _split(part: str, start: int) -> Tokens:
    """Tokens of `part` (free of U+02BC), with offsets from `start`."""
    parts = (_SPLIT_ASCII if part.isascii() else _latin_split() if _is_latin(part) else _SPLIT).split(part)
    bounds = list(accumulate(map(len, parts), initial=start))
    texts = parts[1::2]
    # Tokens hold no whitespace, so a newline can join them for one C-level normalisation.
    # (U+02BC never gets here, so only the curly apostrophe needs straightening: `replace` is
    # many times faster than `translate`.)
    norms = "\n".join(texts).replace("\u2019", "'").lower().split("\n") if texts else []
    return Tokens(texts, norms, bounds[1:-1:2], bounds[2:-1:2])


# Marks a passage's end inside a batch of passages (see `tokenize_passages`): every pattern
# reads it as a one-character punctuation token, where a plain space was.
_MARK = "\x00"
_PLAIN_SPACE = frozenset(" \t\n\v\f\r")  # white space to every pattern and to `str.isspace`


def tokenize_passages(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Tokens, list[tuple[int, int]]] | None:
    """The tokens of the passages `spans` (in order, only white space between them) laid end to
    end with a BARRIER token after each, and each passage's [first, stop) token range; None
    when the text does not allow the shortcut below (the caller then cuts up `tokenize`'s
    tokens of the whole batch).

    The white space character after each passage is replaced by a mark the split reads as a
    token of its own, so one split of the whole batch yields the barriers in place, instead
    of every column being cut up and copied again passage by passage.
    """
    first, last = spans[0][0], spans[-1][1]
    ends = [end for _, end in spans[:-1]]
    part = text[first:last]
    if _MARK in part or "\u02bc" in part or not all(text[e] in _PLAIN_SPACE for e in ends):
        return None
    pieces = []
    at = first
    for end in ends:
        pieces.append(text[at:end])
        at = end + 1
    pieces.append(text[at:last])
    tokens = _split(_MARK.join(pieces), first)
    texts, norms, starts, stops = tokens.texts, tokens.norms, tokens.starts, tokens.ends
    bounds = []
    begin = 0
    try:
        for _ in ends:
            k = texts.index(_MARK, begin)
            texts[k] = norms[k] = BARRIER
            stops[k] = starts[k]  # a barrier is empty, at its passage's end
            bounds.append((begin, k))
            begin = k + 1
    except ValueError:
        return None
    bounds.append((begin, len(texts)))
    texts.append(BARRIER)
    norms.append(BARRIER)
    starts.append(last)
    stops.append(last)
    return tokens, bounds


_new = tuple.__new__  # Token(...) goes through a Python-level __new__: this is the C one


def iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    """Tokens one by one, for short strings (lexicon phrases); `tokenize` is the bulk path."""
    word_kind, number_kind, punct_kind = TokenKind.WORD, TokenKind.NUMBER, TokenKind.PUNCT
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        token = m.group()
        if kind == "word":
            if e - s > 2 and token[-2] in APOSTROPHES and token[-1] in "sS":  # possessive 's
                cut = e - 2
                yield _new(Token, (text[s:cut], normalize(text[s:cut]), s, cut, word_kind))
                yield _new(Token, (text[cut:e], normalize(text[cut:e]), cut, e, word_kind))
                continue
            norm = normalize(token) if "\u2019" in token or "\u02bc" in token else token.lower()
            yield _new(Token, (token, norm, s, e, word_kind))
        elif kind == "number":
            yield _new(Token, (token, token.lower(), s, e, number_kind))
        else:
            yield _new(Token, (token, token if token not in APOSTROPHES else "'", s, e, punct_kind))


@lru_cache(maxsize=65536)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token-norm tuple a lexicon phrase matches, e.g. "Final 12 Months" -> (final, 12, months).

    Cached: detection keys the same originals for every match of an entry.
    """
    return tuple(t.norm for t in iter_tokens(phrase, 0, len(phrase)))
