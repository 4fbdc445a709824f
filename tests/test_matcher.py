"""Matcher semantics: what a span of text matches, as a table of cases."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from despin.matcher import Matcher, contains
from despin.model import Entry, Kind, TokenKind
from despin.morph import analyses
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


def _reference(entries: list[Entry], text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest matching done the slow, obvious way: try every entry at every token
    (inflected last word included). The matcher's candidate shortcuts must agree with it."""
    toks = list(tokenize(text))
    out, i = [], 0
    while i < len(toks):
        best = None
        if toks[i].kind is not TokenKind.PUNCT:
            for e in entries:
                if e.slop:
                    continue
                n = len(e.spun)
                window = [t.norm for t in toks[i : i + n]]
                if len(window) < n or window[:-1] != list(e.spun[:-1]):
                    continue
                last_ok = window[-1] == e.spun[-1] or (
                    toks[i + n - 1].kind is TokenKind.WORD and any(b == e.spun[-1] for b, _ in analyses(window[-1]))
                )
                inside = (i > 0 and toks[i - 1].norm == "-" and toks[i - 1].end == toks[i].start) or (
                    i + n < len(toks) and toks[i + n].norm == "-" and toks[i + n].start == toks[i + n - 1].end
                )
                if last_ok and not inside and (best is None or n > best[1]):
                    best = (i, n, e.spun_text)
        if best:
            out.append((toks[best[0]].start, toks[best[0] + best[1] - 1].end, best[2]))
            i += best[1]
        else:
            i += 1
    return out


_WORDS = ["secure", "haven", "havens", "securely", "counterfeit", "consciousness", "consciousnesses", "enlargements",
          "military", "-", ",", "the", "non", "12"]


@settings(max_examples=300, deadline=None)
@example([("counterfeit", " "), ("consciousnesses", ", ")])
@example([("the", " "), ("secure", " "), ("havens", "-"), ("military", " ")])
@example([("non", "-"), ("military", " "), ("enlargements", "")])
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "-", ", "])), max_size=14))
def test_matcher_agrees_with_trying_every_entry_everywhere(pieces):
    text = "".join(word + sep for word, sep in pieces)
    entries = [e for e in ENTRIES if not e.slop]
    found = [(m.start, m.end, m.entry.spun_text) for m in Matcher.build(entries).find(tokenize(text))]
    assert found == _reference(entries, text)


def test_the_caller_may_hand_over_the_set_of_words_it_already_has():
    """detect.py has each batch's distinct words for the vocabulary: the matcher reuses them."""
    tokens = tokenize("A secure haven, secure havens and enlargements for the military.")
    fresh = Matcher.build(ENTRIES)
    told = Matcher.build(ENTRIES)
    assert told.find(tokens, set(tokens.norms)) == fresh.find(tokens)


def test_a_pickled_matcher_unpickles_a_row_only_when_its_entry_is_needed():
    built = Matcher.build(ENTRIES)
    copy = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    assert all(isinstance(row, bytes) for row in copy.rows)
    tokens = tokenize("a secure haven")
    assert copy.find(tokens) == built.find(tokens)
    assert copy.entries() == built.entries()
    again = pickle.loads(pickle.dumps(copy, protocol=pickle.HIGHEST_PROTOCOL))  # rows already pickled stay so
    assert again.entries() == built.entries()


def test_sources_and_origins_come_back_whole_from_the_shared_strings():
    """Rows keep repeated strings (sources, file paths) as indexes into one table; the entries
    made from them, pickled or not, are the entries that went in."""
    entries = [
        Entry(("secure", "haven"), ("safe haven",), Kind.PHRASE, 0.9, False, "gen:one", origin="/x/a.tsv:3"),
        Entry(("secure",), ("safe",), Kind.SWAP, 0.2, True, "gen:one", origin="/x/a.tsv:4"),
        Entry(("profound", "learning"), ("deep learning",), Kind.SCIENCE, 0.8, False, "curated:two", origin="C:\\x\\b.tsv:10"),
        Entry(("huge",), ("big",), Kind.SWAP, 0.2, True, "gen:one", origin="made in memory"),
    ]
    built = Matcher.build(entries)
    copy = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    assert built.entries() == entries
    assert copy.entries() == entries
    assert len(copy.shared) == 4  # two sources, two paths: each stored once
