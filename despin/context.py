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

Grammar also reads the word after a swap. A plural swapped in for a singular is judged by its
verb: "the authorities says" was "the government says" (a plural verb says less: "Maduro
and his government have"). And a swap that is itself a complete construction in its place is
the writer's: "had been" before a past participle ("had been reserved") is a pluperfect
passive, whereas "had been among" reads as a spinner's "were among".

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


# Verb forms that settle the number of the noun before them.
_SINGULAR_VERBS = frozenset("is was has does says".split())
_PLURAL_VERBS = frozenset("are were have do".split())

# Common irregular past participles (regular ones are read from their -ed ending).
_IRREGULAR_PARTICIPLES = frozenset(
    """arisen awoken been beaten become begun bent bet bid bitten blown born borne bought bound
    bred brought built burnt burst cast caught chosen come cost crept cut dealt done drawn driven
    drunk dug eaten fallen fed felt fought found fled flown forbidden forgotten forgiven frozen
    given gone grown hung heard held hidden hit hurt kept knelt known laid led left lent let
    lain lit lost made meant met overcome overseen overtaken paid put quit read rid ridden risen
    run said seen sought sold sent set shaken shed shone shot shown shrunk shut sung sunk sat
    slain slept slid spoken spent split spread stood stolen stuck struck sworn swept swung taken
    taught torn told thought thrown understood undertaken undone upheld upset withdrawn woken
    worn won written""".split()
)


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
    spun_pos, orig_pos = _pos_of(table, word), _pos_of(table, original)
    if not spun_pos or not orig_pos:
        return False
    if inflection in ("ed", "ing") and "v" not in orig_pos:
        return True  # "staffing" -> "employeesing": only a verb takes a verb's ending
    noun_slot = before in _NOUN_BEFORE or _adjective_only(table, before)
    if noun_slot and inflection != "ing" and "n" in spun_pos and "n" not in orig_pos:
        return True  # "of talks" -> "of speaks", "early talks" -> "early speaks"
    if before == "to" and inflection == "s" and "n" not in orig_pos:
        return True  # "open to talks" -> "to speaks": an infinitive has no -s
    return not after_word and before is not None and "r" in spun_pos and "r" not in orig_pos and "a" in orig_pos


def _adjective_only(table: dict[str, str], word: str | None) -> bool:
    """An adjective that is neither noun nor verb ("early", "bilateral"): what follows is a noun."""
    pos = table.get(word, "") if word else ""
    return "a" in pos and "n" not in pos and "v" not in pos


def is_participle(table: dict[str, str], word: str | None) -> bool:
    """Whether a word can be a past participle: irregular, or a verb's regular -ed form."""
    if not word:
        return False
    return word in _IRREGULAR_PARTICIPLES or any(
        tag == "ed" and "v" in table.get(base, "") for base, tag in analyses(word)
    )


def construction_fit(table: dict[str, str], spun: tuple[str, ...], after: str | None) -> int:
    """-1 when a multiword swap is a complete construction of the writer's in its place.

    "had been" before a past participle is a pluperfect passive that needs no spinner to
    explain it; before anything else ("had been among") it is left to the other evidence.
    """
    return -1 if spun[-1:] == ("been",) and is_participle(table, after) else 0


def _noun_number(table: dict[str, str], word: str) -> str:
    """"pl" for a regular plural of a noun, "sg" for a noun that is not one, "" otherwise."""
    if "n" not in _pos_of(table, word):
        return ""
    plural = any(tag == "s" and "n" in table.get(base, "") for base, tag in analyses(word))
    return "pl" if plural else "sg"


def agreement_fit(table: dict[str, str], word: str, original: str, after: str | None) -> int:
    """+1 when the verb after a swapped noun agrees with the restoration's number, not the
    word's ("the authorities says" -> "the government says"); 0 otherwise. Only a few
    closed-class verbs are read: an -s ending alone may be a plural noun ("authorities officers")."""
    if after not in _SINGULAR_VERBS and after not in _PLURAL_VERBS:
        return 0
    spun_number, orig_number = _noun_number(table, word), _noun_number(table, original)
    if not spun_number or not orig_number or spun_number == orig_number:
        return 0
    verb_number = "sg" if after in _SINGULAR_VERBS else "pl"
    # Only disagreement speaks: a plural verb after a singular may still be the writer's
    # ("Maduro and his government have", "the government are").
    return 1 if verb_number == orig_number else 0


@lru_cache(maxsize=4)
def load_pairs(path: str | None = None) -> frozenset[str]:
    """The established pairs, "first second" in base form; empty when the file is missing."""
    return frozenset(_body("pairs.txt", path).split("\n")) - {""}


@lru_cache(maxsize=65536)
def forms(word: str) -> tuple[str, ...]:
    """The word and its regular base forms ("officers" -> officers, officer).

    Cached: every context judged reads its neighbours' forms, and the same words recur."""
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
