"""Tokenizing: words, numbers and punctuation with their character spans.

The text is tokenized once; every later stage works on these tokens and their offsets.
A possessive or contracted `'s` becomes its own token ("months’s" -> "months", "’s") so an
entry for "12 months" still matches "12 months’s" and the suffix survives a rewrite.
"""

from __future__ import annotations

from collections.abc import Iterator

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
_POSSESSIVE = regex.compile(rf"{_APOS_CLASS}[sS]$")
_APOS_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def normalize(text: str) -> str:
    """Matching form of a word: lower case with straight apostrophes."""
    return text.translate(_APOS_TABLE).lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into the whole `text`."""
    return list(iter_tokens(text, start, len(text) if end is None else end))


def iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "word":
            word = m.group()
            poss = _POSSESSIVE.search(word)
            if poss and poss.start() > 0:
                cut = s + poss.start()
                yield Token(text[s:cut], normalize(text[s:cut]), s, cut, TokenKind.WORD)
                yield Token(text[cut:e], normalize(text[cut:e]), cut, e, TokenKind.WORD)
                continue
            yield Token(word, normalize(word), s, e, TokenKind.WORD)
        elif kind == "number":
            yield Token(m.group(), m.group(), s, e, TokenKind.NUMBER)
        else:
            yield Token(m.group(), normalize(m.group()), s, e, TokenKind.PUNCT)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token-norm tuple a lexicon phrase matches, e.g. "Final 12 Months" -> (final, 12, months)."""
    return tuple(t.norm for t in iter_tokens(phrase, 0, len(phrase)))
