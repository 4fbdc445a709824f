"""A thesaurus spinner for testing: spins honest text and records every swap it makes.

It behaves like the cheap article spinners despin is built against, not like despin's
lexicon: it reads the MyThes thesaurus directly (never `lexicons/`), walks the words of a
text and, at the given rate, replaces a content word with one of the synonyms the thesaurus
lists for it, keeping its capitalisation and its regular inflection ("havens" -> "shelters").
Two habits of real spinners are configurable: `choice` ("first": always the first-listed
synonym, so one word is always spun the same way; "random": any of the first few) and
`protect_caps` (leave capitalised words alone, as spinners that protect names do).

Every swap is recorded with its span in the output, so recall can be measured per swap.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from despin.morph import analyses, inflect  # noqa: E402

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Words a spinner leaves alone: function words, and words too short to have useful synonyms.
_KEEP = frozenset(
    """the a an and or but nor of in on at to for from by with about into over under after
    before than then this that these those there here what which who whom whose when where why
    how not no yes is are was were be been being am do does did has have had will would shall
    should can could may might must it its he she they them their his her him we our you your
    i me my us also very just only such some any all each every both more most less other own
    same so too as if while because although though since until""".split()
)
CHOICES = ("first", "random")


@dataclass(frozen=True, slots=True)
class Swap:
    """One replacement: `spun` now stands at output[start:end] where `original` stood."""

    start: int
    end: int
    original: str
    spun: str


@dataclass(frozen=True, slots=True)
class Spun:
    text: str
    swaps: tuple[Swap, ...]
    candidates: int  # content words that could have been swapped


@lru_cache(maxsize=1)
def thesaurus():
    from despin.lexgen.thesaurus import load_mythes

    return load_mythes()


def synonyms(word: str, limit: int = 5) -> list[str]:
    """Single-word synonyms the thesaurus lists for a lower-case word, first-listed first."""
    out: list[str] = []
    for s in thesaurus().synonyms(word):
        s = s.lower()
        if s != word and s.isalpha() and s not in out and len(s) > 2:
            out.append(s)
        if len(out) == limit:
            break
    return out


def _substitute(word: str, rng: random.Random, choice: str) -> str | None:
    """A spun form of one lower-case word, inflected like it; None when there is none."""
    options = [(word, "", s) for s in synonyms(word)]
    if not options:
        for base, tag in analyses(word):
            options += [(base, tag, s) for s in synonyms(base)]
            if options:
                break
    if not options:
        return None
    _, tag, syn = options[0] if choice == "first" else rng.choice(options)
    return inflect(syn, tag) if tag else syn


def _with_case(spun: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return spun.upper()
    if like[:1].isupper():
        return spun[:1].upper() + spun[1:]
    return spun


def spin(text: str, rate: float, seed: int = 0, choice: str = "random", protect_caps: bool = False) -> Spun:
    """Spin `text`: each content word is swapped with probability `rate` (if it has a synonym)."""
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}")
    rng = random.Random(seed)
    out: list[str] = []
    swaps: list[Swap] = []
    pos = 0  # in the input
    length = 0  # of the output so far
    candidates = 0
    for m in _WORD.finditer(text):
        word = m.group()
        lower = word.lower()
        if lower in _KEEP or "'" in word or len(word) < 3 or (protect_caps and word[:1].isupper()):
            continue
        candidates += 1
        if rng.random() >= rate:
            continue
        spun = _substitute(lower, rng, choice)
        if spun is None or spun == lower:
            continue
        spun = _with_case(spun, word)
        gap = text[pos : m.start()]
        out.append(gap)
        length += len(gap)
        swaps.append(Swap(length, length + len(spun), word, spun))
        out.append(spun)
        length += len(spun)
        pos = m.end()
    out.append(text[pos:])
    return Spun("".join(out), tuple(swaps), candidates)
