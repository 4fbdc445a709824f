"""Giving a restored wording the form of the text it replaces.

A lexicon stores originals in lower case; the document writes them in a sentence, a
headline or a shout. Restoring "Pupil Day" as "student day" would be a new error, so the
replacement borrows, word by word, the case of the spun words it replaces, the regular
inflection the matcher stripped, the document's apostrophe style, and the article before
it is corrected for the new first word ("a enormous" -> "an enormous" -> "a massive").
"""

from __future__ import annotations

from enum import Enum

import regex

from despin.morph import inflect

CURLY = "\u2019"
_GAP = regex.compile(r"\s+")
_STRAIGHT = "'"


class Shape(str, Enum):
    """The case pattern of one word."""

    LOWER = "lower"  # "haven": the lexicon's own spelling is kept ("CIA" stays "CIA")
    TITLE = "title"  # "Haven": first letter made upper case
    UPPER = "upper"  # "HAVEN": every letter upper case


def shape(word: str) -> Shape | None:
    """Case pattern of a word, or None when it has no letters ("12", "-")."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return None
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return Shape.UPPER
    if letters[0].isupper():
        return Shape.TITLE
    return Shape.LOWER


def apply_shape(word: str, form: Shape | None) -> str:
    """`word` written in the case pattern `form`; words starting with a digit are left alone."""
    if form is None or form is Shape.LOWER or not word or word[0].isdigit():
        return word
    if form is Shape.UPPER:
        return word.upper()
    return word[0].upper() + word[1:]


def transfer_case(spun: str, original: str) -> str:
    """`original` written in the case of `spun`, word by word.

    A word shared by both keeps its exact spun spelling ("Justice Division" -> "Justice
    Department"); other words take the pattern of the spun word at the same position, and
    words past the spun span's own none.
    A span shouted in capitals is shouted whole; a Title Case span is title-cased whole,
    numbers and all ("Final 12 Months" -> "Last Year"); a name the writer wrote in lower
    case stays in lower case ("the police division" -> "the police department"), acronyms
    apart.
    """
    if spun.islower() and original.islower():
        return original  # most findings: no capital on either side to carry over
    spun_words = spun.split()
    words = original.split(" ")
    if not spun_words or not original:
        return original
    shapes = [shape(w) for w in spun_words]
    cased = [(w, s) for w, s in zip(spun_words, shapes) if s is not None]
    if not cased:
        return original
    # "A" alone is not a shout, but "A SECURE HAVEN" is.
    if any(s is Shape.UPPER for _, s in cased) and all(
        s is Shape.UPPER or (s is Shape.TITLE and len(w) == 1) for w, s in cased
    ):
        return " ".join(apply_shape(w, Shape.UPPER) for w in words)
    title = len(cased) > 1 and all(s is Shape.TITLE for _, s in cased)
    lower = all(s is Shape.LOWER for _, s in cased)
    spelled = {w.lower(): w for w, _ in cased}
    out = []
    for i, word in enumerate(words):
        if word.islower() and word in spelled:
            out.append(spelled[word])  # the same word: keep it exactly as the text has it
            continue
        if lower and _capitalised(word):
            out.append(word.lower())  # "the police division" -> "the police department"
            continue
        # A word past the spun span's own takes no capital: "Consequently" -> "As a result".
        form = Shape.TITLE if title else shapes[i] if i < len(shapes) else None
        out.append(apply_shape(word, form or Shape.LOWER))
    return " ".join(out)


def _capitalised(word: str) -> bool:
    """A plain capitalised word ("Department"), not an acronym or an inner capital ("U.S.", "McCain")."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def with_inflection(original: str, tag: str) -> str:
    """Put the regular inflection found on the spun form's last word back on the original's."""
    if not tag:
        return original
    head, sep, last = original.rpartition(" ")
    return head + sep + inflect(last, tag)


def uses_curly(text: str) -> bool:
    """Whether a text writes apostrophes curly (’) rather than straight (')."""
    return text.count(CURLY) > text.count(_STRAIGHT)


def match_apostrophes(replacement: str, curly: bool) -> str:
    """The replacement written with the document's apostrophe style."""
    if curly:
        return replacement.replace(_STRAIGHT, CURLY)
    return replacement.replace(CURLY, _STRAIGHT)


def restore_form(spun: str, original: str, tag: str = "", curly: bool | None = None) -> str:
    """The lexicon's `original` in the form of the `spun` text it replaces.

    `tag` is the Match's inflection tag; `curly` the document's apostrophe style (None: take
    it from the spun text itself).
    """
    text = keep_spacing(spun, transfer_case(spun, with_inflection(original, tag)))
    if curly is None:
        curly = CURLY in spun
    return match_apostrophes(text, curly)


def keep_spacing(spun: str, replacement: str) -> str:
    """Put the spun span's own white space (a line break in a wrapped line) between the new words.

    Gaps go back by position; when the replacement has fewer gaps, a line break still lands
    in its last gap so a wrapped paragraph keeps its line count.
    """
    gaps = _GAP.findall(spun.strip())
    words = replacement.split(" ")
    if all(g == " " for g in gaps) or len(words) < 2:
        return replacement
    new = [" "] * (len(words) - 1)
    for k, gap in enumerate(gaps):
        if gap != " ":
            new[min(k, len(new) - 1)] = gap
    return "".join(w + g for w, g in zip(words, new + [""]))


# --- articles -----------------------------------------------------------------------------

# Vowel letters that start with a consonant sound, and consonant letters that do not.
_YOU_SOUND = ("uni", "use", "usu", "uti", "ura", "ure", "uro", "ubiq", "uku", "uga", "una", "eu", "ewe")
NOT_YOU_SOUND = ("unim", "unin", "unid")  # "an unidentified", "an uninformed", but "a union"
_W_SOUND = ("one", "once")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "herb")
_VOWEL_NAMED_LETTERS = frozenset("AEFHILMNORSX")  # letters whose name starts with a vowel: "an FBI"


def needs_an(word: str) -> bool | None:
    """True when "an" goes before `word`, False for "a", None when it cannot be told (numbers)."""
    bare = word.strip("\"'“”‘’([")
    if not bare or not bare[0].isalpha():
        return None
    letters = bare.replace(".", "")
    if "." in bare.rstrip(".") or (1 < len(letters) <= 3 and letters.isupper()):
        return letters[0].upper() in _VOWEL_NAMED_LETTERS  # read letter by letter: "an FBI", "a U.S."
    if len(letters) > 3 and letters.isupper():
        return None  # "a NATO ally" or a shouted "AN ENORMOUS": cannot tell
    if letters[:2].isupper():
        return letters[0].upper() in _VOWEL_NAMED_LETTERS  # an initialism first: "an SSLContext"
    w = bare.lower()
    if w.startswith(NOT_YOU_SOUND):
        return True
    if w.startswith(_YOU_SOUND + _W_SOUND):
        return False
    if w.startswith(_SILENT_H):
        return True
    return w[0] in "aeiou"


ARTICLES = ("a", "an")  # the indefinite articles, whose choice follows the next word's sound


def article_for(article: str, next_word: str) -> str:
    """`article` ("a"/"an" in any case) corrected for the word that now follows it."""
    an = needs_an(next_word)
    if an is None or article.lower() not in ARTICLES or (article.lower() == "an") == an:
        return article
    if an:
        return {"a": "an", "A": "An"}.get(article, "AN" if article.isupper() else "an")
    return "A" if article[0].isupper() else "a"
