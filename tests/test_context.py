"""Word-pair and grammar context: a single-word swap is judged by its neighbours."""

from __future__ import annotations

import pytest

from despin.context import agreement_fit, cannot_stand, construction_fit, fits, is_participle, load_pairs, load_pos
from despin.detect import analyze
from despin.rewrite import restore


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
        ("talks", "speak", "s", "early", True, True),  # after an adjective only a noun stands
        ("talks", "speak", "s", "to", True, True),  # "open to talks": an infinitive has no -s
        ("talks", "speak", "s", "still", True, False),  # "still" may be an adverb: "still speaks"
        ("staffing", "employees", "ing", "the", True, True),  # only a verb takes -ing
        ("talked", "speak", "ed", "he", True, False),
    ],
)
def test_a_restoration_must_be_able_to_stand_where_the_word_stands(pos, word, original, inflection, before, after_word, expected):
    assert cannot_stand(pos, word, original, inflection, before, after_word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("reserved", True), ("taken", True), ("cut", True), ("among", False), ("reviewing", False), (None, False)],
)
def test_past_participles_are_known_regular_or_irregular(pos, word, expected):
    assert is_participle(pos, word) is expected


@pytest.mark.parametrize(
    ("spun", "after", "expected"),
    [
        (("had", "been"), "reserved", -1),  # a pluperfect passive is the writer's own grammar
        (("had", "been"), "among", 0),  # "had been among" may be a spinner's "were among"
        (("had", "been"), None, 0),
        (("together", "with"), "reserved", 0),
    ],
)
def test_a_multiword_swap_that_is_a_whole_construction_is_the_writers(pos, spun, after, expected):
    assert construction_fit(pos, spun, after) == expected


@pytest.mark.parametrize(
    ("word", "original", "after", "expected"),
    [
        ("authorities", "government", "alleges", 0),  # not a closed-class verb: no say
        ("authorities", "government", "says", 1),  # a singular verb: the restoration agrees
        ("authorities", "government", "has", 1),
        ("authorities", "government", "have", 0),  # a plural verb may follow "X and his government"
        ("authorities", "government", None, 0),
        ("officers", "officials", "is", 0),  # same number: the verb cannot tell them apart
    ],
)
def test_a_verb_that_disagrees_with_a_swapped_noun_backs_the_restoration(pos, word, original, after, expected):
    assert agreement_fit(pos, word, original, after) == expected


def test_grammar_after_a_swap_decides_what_fix_restores(datadir, matcher, signals):
    text = (datadir / "spun_grammar.txt").read_text("utf-8")
    report = analyze(text, "spun_grammar.txt", matcher, signals=signals)
    assert report.verdict.value == "spun"
    fixed = restore(report, text, unsafe=True)  # "had been" is a lowest-prior swap: an unsafe fix
    assert "who were among the most wanted" in fixed  # "had been among": the spinner's
    assert "had been charged" in fixed and "had been held" in fixed  # pluperfect passives stay
    assert "The government says" in fixed  # "The authorities says": the verb is singular
    assert "open to talks" in fixed and "early talks" in fixed  # nouns where a noun must stand


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
