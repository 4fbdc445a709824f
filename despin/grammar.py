"""Grammar breaks a spinner leaves behind, found without any lexicon entry.

A spinner swaps a word but not the article before it: "a foreign group" becomes
"a international group", "a huge" stays "a" after "an enormous" is swapped in. Careful
writers and their editors rarely leave such slips, so they are evidence, weak alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from despin.casing import ARTICLES, NOT_YOU_SOUND, needs_an
from despin.model import Entry, Kind, Match, Token
from despin.tokens import BARRIER, Tokens, indices

@lru_cache(maxsize=65536)
def _needs_an(word: str) -> bool | None:
    """True: "an" is right; False: "a" is right; None: cannot tell (acronyms, numbers).

    The spelling rules are the rewriter's (`casing.needs_an`); as evidence of a spinner this
    is more careful: words in "u" are told only where the sound is surely a vowel ("an
    unidentified"): "a unique" and "an uninterruptible" are both right. Cached: the same
    words follow an article all through a text.
    """
    if not word.isalpha() or word[:2].isupper():
        return None  # acronyms and names that start with one ("SSLContext") are read letter by letter
    w = word.lower()
    if w[0] == "u" and not w.startswith(NOT_YOU_SOUND):
        return None
    return needs_an(word)


def _entry(article: str, word: str, right: str) -> Entry:
    return Entry(
        spun=(article.lower(), word.lower()),
        originals=(f"{right} {word}",),
        kind=Kind.GRAMMAR,
        weight=0.3,
        ambiguous=True,
        source="signal:article",
    )


_SENTENCE_START = (".", "!", "?", '"', "“", BARRIER)  # what may stand before a capital "A"


def article_breaks(tokens: Sequence[Token]) -> list[Match]:
    """"a" before a vowel sound or "an" before a consonant sound, as Matches of kind GRAMMAR."""
    toks = Tokens.of(tokens)
    norms, texts = toks.norms, toks.texts
    out: list[Match] = []
    last = len(norms) - 1
    # Articles are a few tokens in a hundred: found by C-level search, not a test per token.
    for i in sorted(i for article in ARTICLES for i in indices(norms, article)):
        if i == last or not toks.is_word(i + 1):
            continue
        art, nxt = texts[i], texts[i + 1]
        if art == "A" and i > 0 and norms[i - 1] not in _SENTENCE_START:
            continue
        if i + 2 <= last and norms[i + 2] in ("-", "."):
            continue  # "a e-mail", "a A.I." and similar compounds are left alone
        if i > 0 and norms[i - 1] in ("-", "'"):
            continue
        if i > 0 and toks.ends[i - 1] == toks.starts[i] and texts[i - 1][-1:].isalnum():
            continue  # the end of a longer word, not an article: "GIF 87a and 89a"
        if toks.starts[i + 1] - toks.ends[i] > 3:
            continue  # code was blanked between them ("a `dict` object"); "a **big**" is 3 apart
        needs_an = _needs_an(nxt)
        if needs_an is None or needs_an == (norms[i] == "an"):
            continue
        right = "an" if needs_an else "a"
        out.append(Match(_entry(art, nxt, right), i, i + 1, toks.starts[i], toks.ends[i + 1]))
    return out
