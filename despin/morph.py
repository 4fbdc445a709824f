"""Regular English inflection: strip it to find an entry, put it back on the restored word.

Only the regular patterns are handled (plural and third person -s, past -ed, participle
-ing, with their spelling changes); irregular forms need rows of their own in the lexicon.
Over-analysis is the danger ("news" is not "new" + s), so words that merely look inflected
are listed, and a base must have three letters or more.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

TAGS = ("s", "ed", "ing")
_VOWELS = set("aeiou")
# Words whose ending only looks like an inflection.
_NOT_INFLECTED = frozenset(
    """news series species means this thus bus gas plus yes us is was has does goes
    always perhaps across whereas analysis basis crisis thesis lens bias alias atlas canvas
    during thing nothing something anything everything king ring sing bring spring string
    morning evening ceiling wedding building meaning feeling being
    bed red need seed feed speed hundred indeed shed sled bred breed
    """.split()
)


# Endings after which a regular plural or third person takes "-es" ("boxes", "watches",
# "heroes"); after any other, "-es" is no ending: "cowles" is no plural of "cowl".
ES_AFTER = ("s", "x", "z", "ch", "sh", "o")


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Possible (base, tag) readings of a lower-case word as a regular inflection."""
    if word in _NOT_INFLECTED or not word.isalpha():
        return ()
    out: list[tuple[str, str]] = []
    if word.endswith("s") and not word.endswith("ss"):
        if word.endswith("ies") and len(word) > 4:
            out.append((word[:-3] + "y", "s"))
        if word.endswith("es") and word[:-2].endswith(ES_AFTER):
            out.append((word[:-2], "s"))
        out.append((word[:-1], "s"))
    elif word.endswith("ed"):
        if word.endswith("ied"):
            out.append((word[:-3] + "y", "ed"))
        stem = word[:-2]
        out += [(stem, "ed"), (word[:-1], "ed")]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append((stem[:-1], "ed"))
    elif word.endswith("ing"):
        stem = word[:-3]
        out += [(stem, "ing"), (stem + "e", "ing")]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append((stem[:-1], "ing"))
        if stem.endswith("y"):
            out.append((stem[:-1] + "ie", "ing"))
    return tuple((b, t) for b, t in out if len(b) >= 3)


@lru_cache(maxsize=65536)
def inflected_forms(base: str) -> tuple[str, ...]:
    """Every word that `analyses` reads as an inflection of `base`: the inverse of
    `analyses`, so "is any form of this word in the text" is a few set look-ups."""
    if len(base) < 3:
        return ()
    out = [base + "s", *((base + "es",) if base.endswith(ES_AFTER) else ()), base + "ed", base + "d", base + "ing", base + base[-1] + "ed", base + base[-1] + "ing"]
    if base.endswith("y"):
        out += [base[:-1] + "ies", base[:-1] + "ied"]
    if base.endswith("e"):
        out.append(base[:-1] + "ing")
    if base.endswith("ie"):
        out.append(base[:-2] + "ying")
    return tuple(w for w in out if any(b == base for b, _ in analyses(w)))


def inflect(word: str, tag: str) -> str:
    """`word` with the regular inflection `tag` applied ("charge", "s" -> "charges")."""
    if not tag or not word:
        return word
    lower = word.lower()
    if tag == "s":
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
            return word[:-1] + "ies"
        return word + "s"
    if tag == "ed":
        if lower.endswith("e"):
            return word + "d"
        if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
            return word[:-1] + "ied"
        if _doubles(lower):
            return word + word[-1] + "ed"
        return word + "ed"
    if tag == "ing":
        if lower.endswith("ie"):
            return word[:-2] + "ying"
        if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
            return word[:-1] + "ing"
        if _doubles(lower):
            return word + word[-1] + "ing"
        return word + "ing"
    raise ValueError(f"unknown inflection tag {tag!r}")


# Words that end a phrasal verb ("keep up", "set off", "carry out"): its ending belongs on the
# verb, which may be irregular ("kept up"), never on the particle ("keep uped").
PHRASAL_PARTICLES = frozenset(
    "up out off down in on over away back along around apart forth ahead across behind through "
    "about by with for to of into onto upon".split()
)


def phrase_endings(words: list[str], is_word: Callable[[str], bool]) -> str:
    """The tags a restoration of these words takes: those of its last word (`real_endings`),
    none for a phrasal verb."""
    if len(words) > 1 and words[-1].lower() in PHRASAL_PARTICLES:
        return ""
    return real_endings(words[-1], is_word)


# Verbs whose past is irregular ("think" -> "thought"): their regular -ed is no word, though
# wordfreq knows many such slips ("thinked", "payed", "sayed"); a restoration "assumed" ->
# "thinked" is a misreading, not a restoration. Verbs with a regular past too ("lie" -> "lied",
# "hang" -> "hanged", "dream" -> "dreamed") are left out.
IRREGULAR_PAST = frozenset(
    """arise awake be bear beat become begin bend bet bid bind bite bleed blow break breed bring
    broadcast build buy cast catch choose cling come cost creep cut deal dig do draw drink drive
    eat fall feed feel fight find flee fling fly forbid forecast forget forgive freeze get give go
    grind grow have hear hide hit hold hurt keep kneel know lay lead leave lend let lose make mean
    meet mislead mistake overcome overtake pay put quit read rebuild rid ride ring rise run say see
    seek sell send set shake shed shine shoot shrink shut sing sink sit slay sleep slide sling slit
    speak spend spin spit split spread spring stand steal stick sting stink stride strike string
    strive swear sweep swim swing take teach tear tell think throw thrust tread undergo understand
    undertake upset wake wear weave weep win wind withdraw withhold withstand wring write""".split()
)


def real_endings(word: str, is_word: Callable[[str], bool]) -> str:
    """The tags ("s ed ing") whose inflection of `word` is a word (`is_word`, from wordfreq).

    A regular ending cannot be put on every word: "series" -> "serieses", "organization" ->
    "organizationing", "speak" -> "speaked" are no words, so a match read with such an
    ending is a misreading of the spun word, not a restoration.
    """
    low = word.lower()
    return " ".join(tag for tag in TAGS if is_word(inflect(low, tag)) and not (tag == "ed" and low in IRREGULAR_PAST))


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant endings double their last letter (stop -> stopped)."""
    return (
        len(word) >= 3
        and len(word) <= 4
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )
