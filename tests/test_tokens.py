"""Tokens carry true offsets; possessive 's is split off so phrases still match."""

from hypothesis import given, settings
from hypothesis import strategies as st

from despin.model import TokenKind
from despin.tokens import _SPLIT, _is_latin, _latin_split, iter_tokens, normalize, phrase_key, tokenize


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


# The bulk tokenizer (one `split`, columns) must give exactly the tokens of the one-by-one
# tokenizer that lexicon phrases go through, on ASCII and non-ASCII text and any slice.
_TRICKY = "ab's'’ʼ \t\n\r\x0b\x0c\x1c.,-09é\u0301Ⅻ\x85\xa0\u2028S"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=40), st.data())
def test_bulk_tokens_equal_token_by_token(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(tokenize(text, start, end)) == list(iter_tokens(text, start, end))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab's 's.\n-09AZ\x1c", max_size=40))
def test_ascii_fast_path_agrees(text):
    assert list(tokenize(text)) == list(iter_tokens(text, 0, len(text)))


def test_word_count_counts_words_and_possessives_only():
    assert tokenize("The army’s 3 tanks, (new).").word_count() == 5  # The army ’s tanks new


# Latin text (accented letters, curly quotes, dashes, no-break spaces) takes the standard
# library's engine; it must split exactly as the `regex` pattern does.
_LATIN = "ab's'’ \t\n\x0b\x1c.,-09éÉöŁſıİ\u0178\u024f\xa0\x85\u2028\u3000—“”…©"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LATIN, max_size=40))
def test_latin_fast_path_splits_as_the_unicode_pattern(text):
    assert _is_latin(text)
    assert _latin_split().split(text) == _SPLIT.split(text)
    assert list(tokenize(text)) == list(iter_tokens(text, 0, len(text)))


def test_other_scripts_marks_and_digits_keep_the_unicode_pattern():
    for text in ("a τ b", "e\u0301t\u00e9", "chapter Ⅻ", "x² y", "Kelvin \u212a", "don\u02bct"):
        assert not _is_latin(text), text
    assert _is_latin("Łódź café — “quoted” it’s\xa0fine")
