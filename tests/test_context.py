"""Word-pair and grammar context: a single-word swap is judged by its neighbours."""

from __future__ import annotations

import pytest

from despin.context import cannot_stand, fits, load_pairs, load_pos
from despin.detect import analyze


@pytest.fixture(scope="module")
def pairs() -> frozenset[str]:
    return load_pairs()


@pytest.fixture(scope="module")
def pos() -> dict[str, str]:
    return load_pos()


@pytest.mark.parametrize(
    ("word", "left", "right", "expected"),
    [
        ("officers", ("army", "military"), (), True),  # "army officer": WordNet lists it
        ("officials", ("army", "military"), (), False),
        ("talks", ("peace",), (), True),
        ("haven", ("safe",), (), True),
        ("haven", ("secure",), (), False),
        ("officers", ("the",), (), False),  # function words never vouch for a word
    ],
)
def test_a_word_fits_where_it_forms_an_established_pair(pairs, word, left, right, expected):
    assert fits(pairs, word, left, right) is expected


@pytest.mark.parametrize(
    ("word", "original", "inflection", "before", "after_word", "expected"),
    [
        ("talks", "speak", "s", "of", True, True),  # "of talks" never was "of speaks"
        ("talks", "speak", "s", "he", True, False),  # "he talks" may be "he speaks"
        ("talking", "speak", "ing", "of", True, False),  # "of speaking" stands
        ("nationwide", "national", "", "expanded", False, True),  # adverb at a clause end
        ("nationwide", "national", "", "a", True, False),  # "a nationwide strike"
        ("zzyzx", "speak", "", "of", True, False),  # unknown words never block
    ],
)
def test_a_restoration_must_be_able_to_stand_where_the_word_stands(pos, word, original, inflection, before, after_word, expected):
    assert cannot_stand(pos, word, original, inflection, before, after_word) is expected


def _confidences(report) -> dict[str, float]:
    return {f.text.lower(): f.confidence for p in report.passages for f in p.findings}


def test_context_keeps_honest_words_inside_a_spun_document(datadir, matcher, signals):
    text = (datadir / "spun_news.txt").read_text("utf-8")
    report = analyze(text, "spun_news.txt", matcher, signals=signals)
    conf = _confidences(report)
    assert report.verdict.value == "spun"
    # swaps the document's evidence backs are sure...
    assert conf["mentioned"] >= 0.9 and conf["army"] >= 0.9
    # ...but not where the neighbours vouch for the word as written
    assert conf["officers"] < 0.5  # "army officers": an established pair
    assert conf["talks"] < 0.5  # "of talks": "speaks" cannot stand after "of"
    assert conf["nationwide"] < 0.5  # "expanded nationwide,": an adverb, "national" is not one


def test_a_name_written_in_lower_case_is_read_as_ordinary_words(datadir, matcher, signals):
    text = (datadir / "honest_lowercase_names.txt").read_text("utf-8")
    report = analyze(text, "honest.txt", matcher, signals=signals)
    assert report.verdict.value == "clean"
    assert all(c < 0.5 for c in _confidences(report).values())
    shouted = analyze(text.replace("criminal tribunal", "Criminal Tribunal"), "x.txt", matcher, signals=signals)
    assert _confidences(shouted)["criminal tribunal"] >= 0.5


def test_a_lower_case_title_still_counts_in_a_spun_document(datadir, matcher, signals):
    text = (datadir / "spun_news.txt").read_text("utf-8").replace("Protection Secretary", "protection secretary")
    assert _confidences(analyze(text, "x.txt", matcher, signals=signals))["protection secretary"] >= 0.5
