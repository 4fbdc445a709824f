"""Matcher semantics: what a span of text matches, as a table of cases."""

from __future__ import annotations

import pickle

import pytest

from despin.matcher import Matcher, contains
from despin.model import Entry, Kind
from despin.tokens import tokenize


def _entry(spun: str, original: str, slop: int = 0) -> Entry:
    return Entry(tuple(spun.split()), (original,), Kind.PHRASE, 1.0, False, "test", slop=slop)


ENTRIES = [
    _entry("secure haven", "safe haven"),
    _entry("secure", "safe"),
    _entry("counterfeit consciousness", "artificial intelligence"),
    _entry("enlargement", "growth"),
    _entry("military", "army"),
    _entry("huge information", "big data", slop=2),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.build(ENTRIES)


def _found(matcher: Matcher, text: str) -> list[tuple[str, str, str]]:
    """(matched text, entry's spun form, inflection tag) for each match."""
    return [(text[m.start : m.end], m.entry.spun_text, m.inflection) for m in matcher.find(tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a secure haven for all", [("secure haven", "secure haven", "")]),  # longest wins
        ("a secure home", [("secure", "secure", "")]),  # a prefix of a longer entry still matches
        ("Secure Haven", [("Secure Haven", "secure haven", "")]),  # case-insensitive
        ("two secure havens", [("secure havens", "secure haven", "s")]),  # inflected last token
        ("rapid enlargements", [("enlargements", "enlargement", "s")]),
        ("secure, haven", [("secure", "secure", "")]),  # punctuation breaks a phrase
        ("non-military aid", []),  # no match inside a hyphenated compound
        ("military-grade kit", []),
        ("the military - and more", [("military", "military", "")]),  # a spaced dash is no compound
        ("counterfeit consciousness and secure haven", [
            ("counterfeit consciousness", "counterfeit consciousness", ""),
            ("secure haven", "secure haven", ""),
        ]),
        ("huge amounts of information", [("huge amounts of information", "huge information", "")]),  # ~2
        ("huge and very many more information", []),  # beyond the ~2 window
        ("consciousness counterfeit", []),  # order matters
        ("", []),
    ],
)
def test_matches(matcher: Matcher, text: str, expected: list) -> None:
    assert _found(matcher, text) == expected


def test_entries_are_made_on_use_and_kept_in_lexicon_order(matcher: Matcher) -> None:
    assert matcher.size == len(ENTRIES)
    assert matcher.entries() == ENTRIES
    assert matcher.entry(0) is matcher.entry(0)


def test_a_pickled_matcher_matches_like_the_original(matcher: Matcher) -> None:
    copy = pickle.loads(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL))
    text = "two secure havens, huge amounts of information and non-military aid"
    assert _found(copy, text) == _found(matcher, text)


def test_a_later_entry_for_the_same_phrase_overrides_an_earlier_one() -> None:
    later = _entry("secure haven", "shelter")
    found = Matcher.build([ENTRIES[0], later]).find(tokenize("secure haven"))
    assert [m.entry.original for m in found] == ["shelter"]


@pytest.mark.parametrize(
    ("norms", "phrase", "expected"),
    [
        (["the", "big", "data", "age"], ("big", "data"), True),
        (["the", "big", "old", "data"], ("big", "data"), False),
        (["big"], ("big", "data"), False),
        (["anything"], (), True),
    ],
)
def test_contains_is_contiguous(norms: list[str], phrase: tuple[str, ...], expected: bool) -> None:
    assert contains(norms, phrase) is expected
