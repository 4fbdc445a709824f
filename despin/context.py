"""Word-pair context for single-word swaps: is the word in its idiomatic place?

A spinner that turns "officials" into "officers" also leaves honest "army officers" alone,
and nothing in the word itself tells the two apart. Its neighbours do: when the word forms an
established pair with a neighbour ("army officer", "peace talks") and the restoration would
not ("army official"), the word is most likely the writer's; when only the restoration
would ("Defense Secretary" from "Protection Secretary"), the swap is likelier. Neighbours are
read as they will be after their own restoration, so "army officers" (itself spun from
"military officers") still vouches for "officers".

Grammar gives a second, independent check: a restoration must be able to stand where the
word stands. After "of" or "the" only a noun (or an -ing form) fits, so "of talks" never
was "of speaks"; a word used as an adverb at the end of a clause ("expanded nationwide,")
cannot be an adjective that needs a noun after it ("expanded national,").

The pairs and parts of speech come from lexicons/context/ (generated: see
despin/lexgen/pairs.py), loaded once per process on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from despin.lexicon import default_dir
from despin.morph import analyses

# Words that carry no collocational meaning of their own: never a neighbour that vouches.
_FUNCTION = frozenset(
    """a an the of in on at to for from by with into onto over under and or nor but as than
    then so if is are was were be been being am do does did has have had not no this that
    these those it its their his her our your my we you they he she i me us them who which
    what there here up out off about after before""".split()
)


# Words after which only a noun phrase follows: a verb-only restoration cannot stand there.
_NOUN_BEFORE = frozenset("a an the of his her its their our my your this these those".split())


def _body(name: str, path: str | None) -> str:
    """A generated data file under lexicons/context/ without its leading '#' header ('' if missing)."""
    p = Path(path) if path else default_dir() / "context" / name
    try:
        text = p.read_text(encoding="utf-8")
    except OSError:
        return ""
    while text.startswith("#"):
        text = text.partition("\n")[2]
    return text


@lru_cache(maxsize=4)
def load_pos(path: str | None = None) -> dict[str, str]:
    """Word -> its parts of speech as letters (n, v, a, r); empty when the file is missing."""
    words = _body("pos.txt", path).split()
    return dict(zip(words[::2], words[1::2]))


def _pos_of(table: dict[str, str], word: str) -> str:
    return "".join(table.get(f, "") for f in forms(word))


def cannot_stand(table: dict[str, str], word: str, original: str, inflection: str, before: str | None, after_word: bool) -> bool:
    """Whether the original could not grammatically take the place of `word` here.

    `before` is the previous word (None at a clause edge), `after_word` whether a word follows.
    Unknown words never block: the check only speaks when both words are in the table.
    """
    spun_pos, orig_pos = _pos_of(table, word), table.get(original, "")
    if not spun_pos or not orig_pos:
        return False
    if before in _NOUN_BEFORE and inflection != "ing" and "n" in spun_pos and "n" not in orig_pos:
        return True  # "of talks" -> "of speaks"
    return not after_word and before is not None and "r" in spun_pos and "r" not in orig_pos and "a" in orig_pos


@lru_cache(maxsize=4)
def load_pairs(path: str | None = None) -> frozenset[str]:
    """The established pairs, "first second" in base form; empty when the file is missing."""
    return frozenset(_body("pairs.txt", path).split("\n")) - {""}


def forms(word: str) -> tuple[str, ...]:
    """The word and its regular base forms ("officers" -> officers, officer)."""
    return (word, *(base for base, _ in analyses(word)))


def established(pairs: frozenset[str], first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether any reading of `first` followed by any reading of `second` is a known pair."""
    seconds = [f for w in second if w not in _FUNCTION for f in forms(w)]
    if not seconds:
        return False
    return any(f"{a} {b}" in pairs for w in first if w not in _FUNCTION for a in forms(w) for b in seconds)


def fits(pairs: frozenset[str], word: str, left: Iterable[str], right: Iterable[str]) -> bool:
    """Whether `word` forms an established pair with a reading of its left or right neighbour."""
    return established(pairs, left, (word,)) or established(pairs, (word,), right)
