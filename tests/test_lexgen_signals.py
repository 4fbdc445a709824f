"""Building the near-miss signal's data (despin/lexgen/signals.py), on tiny thesauri in real formats."""

from pathlib import Path

import pytest

from despin.lexgen.collocations import Expression, Thesaurus
from despin.lexgen.common import zipf
from despin.lexgen.common import STOPWORDS
from despin.lexgen.signals import honest_exceptions, reverse_map, table_lines
from despin.lexgen.thesaurus import load_mythes, load_wordnet
from despin.nearmiss import NearMissDetector
from despin.tablespin import TableSpinDetector, parse_table
from despin.tokens import tokenize

SAFE_HAVEN = Expression(("safe", "haven"), 1.0, "list")


@pytest.fixture
def thesaurus(datadir: Path) -> Thesaurus:
    # no common word pairs unless a test gives them, whether or not symspellpy is installed
    return Thesaurus(load_mythes(datadir / "th_en_test.dat"), load_wordnet(datadir / "wordnet"), bigram_file=datadir / "no_bigrams.txt")


def test_the_reverse_map_takes_a_swapped_in_word_to_the_rarer_swaps_it_may_stand_for(thesaurus):
    kept, reverse = reverse_map(thesaurus, [SAFE_HAVEN], synonyms=12, min_drop=0.01)
    assert kept == [SAFE_HAVEN]
    assert [w for w, _ in reverse["dependable"]] == ["safe"]
    (word, drop), = reverse["dependable"]
    assert drop == round(zipf("safe") - zipf("dependable"), 2) > 0
    assert "good" not in reverse  # commoner than "safe": never a swap


def test_a_higher_minimum_drop_keeps_only_the_much_rarer_swaps(thesaurus):
    _, loose = reverse_map(thesaurus, [SAFE_HAVEN], synonyms=12, min_drop=0.01)
    _, strict = reverse_map(thesaurus, [SAFE_HAVEN], synonyms=12, min_drop=1.0)
    assert set(strict) < set(loose)
    assert all(d >= 1.0 for pairs in strict.values() for _, d in pairs)


def test_honest_exceptions_are_what_the_detector_reports_in_established_phrases_and_honest_text(thesaurus):
    _, reverse = reverse_map(thesaurus, [SAFE_HAVEN], synonyms=12, min_drop=0.01)
    detector = NearMissDetector({SAFE_HAVEN.words}, {k: tuple(v) for k, v in reverse.items()})
    spun = [syn for syn in reverse if detector._judge([syn, "haven"])]
    assert len(spun) >= 2
    established, honest = (spun[0], "haven"), (spun[1], "haven")
    found = honest_exceptions((detector,), [established], texts=[f"They reached a {honest[0]} haven at last."])
    assert found == {established, honest}
    quiet = NearMissDetector({SAFE_HAVEN.words}, {k: tuple(v) for k, v in reverse.items()}, found)
    assert quiet.find(tokenize(f"a {spun[0]} haven and a {spun[1]} haven")) == []


def test_honest_exceptions_take_the_spun_term_readings_of_ordinary_english_too():
    table = parse_table(["fluffy\tfuzzy:0.30:sure", "rationale\tlogic:0.40:sure", "soft\tfuzzy:0.50:sure"])
    spun_terms = TableSpinDetector(table, {("fuzzy", "logic")})
    found = honest_exceptions((spun_terms,), [("fluffy", "rationale"), ("plain", "words")],
                              texts=["Her soft rationale won the room."])
    assert found == {("fluffy", "rationale"), ("soft", "rationale")}


def test_the_table_backwards_lists_each_substitute_with_its_words_sure_ones_first():
    table = parse_table(table_lines())
    assert len(table) > 1000
    for spun, subs in table.items():
        assert spun.isalpha() and spun not in STOPWORDS
        certainties = [sure for _, _, sure in subs]
        assert certainties == sorted(certainties, reverse=True), spun


class VerbThesaurus:
    """Just what the verb-form rule asks: WordNet's verb base forms and a thesaurus's swaps."""

    VERBS = {"learning": ["learn"], "hidden": ["hide"], "machine": []}
    SYNONYMS = {("learn", "v"): ["study", "master", "take in"], ("hide", "v"): ["shroud", "beat"],
                ("learning", "n"): ["erudition"]}

    class wordnet:  # noqa: N801 - stands in for the WordNet attribute
        @staticmethod
        def base_forms(word: str, pos: str) -> list[str]:
            return VerbThesaurus.VERBS.get(word, []) if pos == "v" else []

    class mythes:  # noqa: N801
        @staticmethod
        def senses(word: str) -> list:
            return []

    def swaps(self, word: str, pos: str, limit: int = 12, other_pos: int = 0) -> list[tuple[str, bool]]:
        return [(s, True) for s in self.SYNONYMS.get((word, pos), [])][:limit]


def test_a_verb_form_in_a_term_is_swapped_on_its_verb_and_keeps_its_ending():
    from despin.lexgen.signals import verb_form_swaps

    t = VerbThesaurus()
    # spinners treat "learning" as the verb: "machine studying"; a phrase is never one word
    assert verb_form_swaps(t, "learning", 12) == ["studying", "mastering"]
    # a past participle takes the regular ending, and a form that is no word is left out
    assert verb_form_swaps(t, "hidden", 12) == ["shrouded"]  # not "beated"
    assert verb_form_swaps(t, "machine", 12) == []


def test_the_loose_tier_reaches_a_term_through_its_verb_form_after_its_own_synonyms():
    term = Expression(("machine", "learning"), 0.8, "list", "n")
    _, plain = reverse_map(VerbThesaurus(), [term], synonyms=12, min_drop=0.01)
    _, verbs = reverse_map(VerbThesaurus(), [term], synonyms=12, min_drop=0.01, verb_forms=True)
    assert "studying" not in plain
    assert [w for w, _ in verbs["studying"]] == ["learning"]
    assert "erudition" in plain and "erudition" in verbs  # the noun's own synonyms stay
