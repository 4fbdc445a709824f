"""Tokenizing: words, numbers and punctuation with their character spans.

The text is tokenized once; every later stage works on these tokens and their offsets.
A possessive or contracted `'s` becomes its own token ("months’s" -> "months", "’s") so an
entry for "12 months" still matches "12 months’s" and the suffix survives a rewrite.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

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
_APOS_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def normalize(text: str) -> str:
    """Matching form of a word: lower case with straight apostrophes."""
    return text.translate(_APOS_TABLE).lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into the whole `text`."""
    return list(iter_tokens(text, start, len(text) if end is None else end))


_new = tuple.__new__  # Token(...) goes through a Python-level __new__: this is the C one


def iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
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
            yield _new(Token, (token, token, s, e, number_kind))
        else:
            yield _new(Token, (token, token if token not in APOSTROPHES else "'", s, e, punct_kind))


@lru_cache(maxsize=65536)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token-norm tuple a lexicon phrase matches, e.g. "Final 12 Months" -> (final, 12, months).

    Cached: detection keys the same originals for every match of an entry.
    """
    return tuple(t.norm for t in iter_tokens(phrase, 0, len(phrase)))
