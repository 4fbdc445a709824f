"""A restored wording takes the form of the text it replaces: case, inflection, apostrophes, article."""

from __future__ import annotations

import pytest

from despin.casing import article_for, needs_an, restore_form, transfer_case


@pytest.mark.parametrize(
    ("spun", "original", "expected"),
    [
        ("pupil day", "student day", "student day"),
        ("Pupil Day", "student day", "Student Day"),  # headline Title Case
        ("SECURE HAVEN", "safe haven", "SAFE HAVEN"),  # shouted
        ("Secure haven", "safe haven", "Safe haven"),  # sentence start
        ("Final 12 Months", "last year", "Last Year"),  # Title Case across a number
        ("Final 12 months", "last year", "Last year"),
        ("For the reason that", "since", "Since"),  # a phrase that shrinks keeps its capital
        ("Consequently", "as a result", "As a result"),  # one that grows adds no capitals
        ("All of the whereas", "all the while", "All the while"),
        ("justice division", "Justice Department", "justice department"),  # the writer's lower case
        ("cia director", "CIA Director", "CIA director"),  # acronyms keep the lexicon's capitals
        ("Justice Division", "Justice Department", "Justice Department"),
        ("JUSTICE DIVISION", "Justice Department", "JUSTICE DEPARTMENT"),
        ("jap Pacific", "eastern Pacific", "eastern Pacific"),  # a shared word keeps its spelling
        ("NINETIES", "1990s", "1990s"),  # numbers are not shouted into "1990S"
        ("A SECURE HAVEN", "a safe haven", "A SAFE HAVEN"),
    ],
)
def test_case_follows_the_spun_words(spun, original, expected):
    assert transfer_case(spun, original) == expected


@pytest.mark.parametrize(
    ("spun", "original", "tag", "expected"),
    [
        ("enlargements", "expansion", "s", "expansions"),
        ("Enlargements", "expansion", "s", "Expansions"),
        ("ENLARGEMENTS", "expansion", "s", "EXPANSIONS"),
        ("fees", "charge", "s", "charges"),
        ("mentions", "say", "s", "says"),
        ("makes an attempt", "try", "s", "tries"),
        ("ceased", "stop", "ed", "stopped"),
        ("ceasing", "stop", "ing", "stopping"),
        ("talked about", "mention", "ed", "mentioned"),
        ("safety forces", "security force", "s", "security forces"),  # only the last word inflects
    ],
)
def test_inflection_goes_back_on_the_last_word(spun, original, tag, expected):
    assert restore_form(spun, original, tag) == expected


def test_curly_apostrophes_stay_curly_and_straight_stay_straight():
    assert restore_form("shouldn’t be", "isn't") == "isn’t"
    assert restore_form("shouldn't be", "isn't") == "isn't"
    assert restore_form("now not", "don't", curly=True) == "don’t"  # the document's style
    assert restore_form("now not", "don't", curly=False) == "don't"


@pytest.mark.parametrize(
    ("word", "an"),
    [
        ("enormous", True),
        ("huge", False),
        ("international", True),
        ("foreign", False),
        ("university", False),
        ("one", False),
        ("European", False),
        ("U.S.", False),
        ("hour", True),
        ("honest", True),
        ("unidentified", True),
        ("umbrella", True),
        ("FBI", True),
        ("CIA", False),
        ("12", None),  # numbers are left alone
        ("NATO", None),  # read as a word or letter by letter: cannot tell
        ("SSLContext", True),  # a name that starts with an initialism reads it letter by letter
        ("XMLReader", True),
        ("PDFWriter", False),
    ],
)
def test_vowel_sound_decides_the_article(word, an):
    assert needs_an(word) is an


@pytest.mark.parametrize(
    ("article", "word", "expected"),
    [
        ("a", "enormous", "an"),
        ("an", "huge", "a"),
        ("A", "enormous", "An"),
        ("An", "huge", "A"),
        ("AN", "HUGE", "AN"),  # shouted text cannot be told from an acronym: left alone
        ("a", "foreign", "a"),
        ("an", "FBI", "an"),
    ],
)
def test_article_is_corrected_for_the_word_that_now_follows(article, word, expected):
    assert article_for(article, word) == expected


@pytest.mark.parametrize(
    ("spun", "original", "expected"),
    [
        ("secure\nhaven", "safe haven", "safe\nhaven"),  # a wrapped line stays wrapped
        ("within  the", "in the", "in  the"),
        ("For the\r\nreason that", "since the", "Since\r\nthe"),  # fewer words: the break survives
        ("secure haven", "safe haven", "safe haven"),
    ],
)
def test_white_space_inside_the_span_is_kept(spun, original, expected):
    assert restore_form(spun, original) == expected
