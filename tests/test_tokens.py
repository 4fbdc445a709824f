"""Tokens carry true offsets; possessive 's is split off so phrases still match."""

from despin.model import TokenKind
from despin.tokens import normalize, phrase_key, tokenize


def test_tokens_keep_character_offsets_into_the_text():
    text = "It’s not a gaggle, he said."
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_possessive_s_becomes_its_own_token():
    toks = tokenize("final 12 months’s vote")
    assert [t.norm for t in toks] == ["final", "12", "months", "'s", "vote"]


def test_contractions_other_than_s_stay_whole():
    assert [t.norm for t in tokenize("don’t can't")] == ["don't", "can't"]


def test_numbers_and_punctuation_are_separate_kinds():
    kinds = [t.kind for t in tokenize("2-to-1")]
    assert kinds == [TokenKind.NUMBER, TokenKind.PUNCT, TokenKind.WORD, TokenKind.PUNCT, TokenKind.NUMBER]


def test_tokenize_a_slice_reports_offsets_in_the_whole_text():
    text = "aaa bbb ccc"
    toks = tokenize(text, 4, 7)
    assert [(t.text, t.start) for t in toks] == [("bbb", 4)]


def test_normalize_lowercases_and_straightens_apostrophes():
    assert normalize("Shouldn’t") == "shouldn't"
    assert phrase_key("Shouldn’t  Be") == ("shouldn't", "be")
