"""Regular inflection: analysing a word and listing a base's forms are inverses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from despin.morph import analyses, inflect, inflected_forms


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeilnorsty", min_size=1, max_size=9).map(lambda w: w + "s"), st.sampled_from(["", "ed", "ing"]))
def test_every_analysed_word_is_among_its_base_forms(stem, ending):
    word = (stem[:-1] + ending) if ending else stem
    for base, _ in analyses(word):
        assert word in inflected_forms(base)


def test_listed_forms_all_analyse_back_to_the_base():
    for base in ["organization", "try", "stop", "tie", "charge", "box", "control"]:
        forms = inflected_forms(base)
        assert forms and all(any(b == base for b, _ in analyses(f)) for f in forms)
        for tag in ("s", "ed", "ing"):
            assert inflect(base, tag) in forms or not any(b == base for b, _ in analyses(inflect(base, tag)))


def test_words_too_short_to_analyse_have_no_forms():
    assert inflected_forms("go") == ()


def test_a_phrasal_verb_takes_no_ending_on_its_particle():
    """"sustained" is no "keep up" + ed: "keep uped" is no restoration, and the verb's own
    past ("kept up") is irregular, so such a restoration takes no ending at all."""
    from despin.morph import phrase_endings

    always = lambda word: True  # noqa: E731
    assert phrase_endings(["keep", "up"], always) == ""
    assert phrase_endings(["carry", "out"], always) == ""
    assert phrase_endings(["heart", "attack"], always) == "s ed ing"
    assert phrase_endings(["group"], lambda w: w in {"groups"}) == "s"


def test_an_irregular_verb_takes_no_regular_past():
    """"assumed" is no "think" + ed: wordfreq knows the slip "thinked", English does not."""
    from despin.morph import real_endings

    always = lambda word: True  # noqa: E731
    assert real_endings("think", always) == "s ing"
    assert real_endings("pay", always) == "s ing"
    assert real_endings("charge", always) == "s ed ing"


@pytest.mark.parametrize(
    ("word", "base", "reads"),
    [
        ("boxes", "box", True),
        ("watches", "watch", True),
        ("wishes", "wish", True),
        ("heroes", "hero", True),
        ("cowles", "cowl", False),  # a surname, no plural of "cowl" (that is "cowls")
        ("suites", "suit", False),  # "suite" + s, not "suit" + es
    ],
)
def test_es_is_an_ending_only_after_a_hissing_sound_or_o(word: str, base: str, reads: bool):
    assert ((base, "s") in analyses(word)) is reads
    assert (word in inflected_forms(base)) is reads
