"""The WordNet and MyThes readers, on tiny databases written in the original file formats."""

from pathlib import Path

import pytest

from despin.lexgen.thesaurus import MYTHES_PATH, WORDNET_DIR, load_aiksaurus, load_mythes, load_wordnet


@pytest.fixture
def mythes(datadir: Path):
    return load_mythes(datadir / "th_en_test.dat")


@pytest.fixture
def wordnet(datadir: Path):
    return load_wordnet(datadir / "wordnet")


def test_mythes_synonyms_follow_sense_then_listing_order(mythes):
    assert mythes.synonyms("safe") == ["harmless", "risk-free", "dependable", "good", "secure", "sound"]


def test_mythes_never_returns_antonyms_as_synonyms(mythes):
    assert "dangerous" not in mythes.synonyms("safe")
    assert "small" not in mythes.synonyms("big")


def test_mythes_keeps_generic_and_related_terms_apart(mythes):
    assert "strongbox" not in mythes.synonyms("safe")
    assert "port" not in mythes.synonyms("haven")
    first = mythes.senses("safe")[0]
    assert first.related == ("secure",) and first.antonyms == ("dangerous",)
    assert mythes.senses("safe")[2].generic == ("strongbox", "deedbox")


def test_mythes_filters_by_part_of_speech_in_either_spelling(mythes):
    assert mythes.synonyms("big", pos="adv") == ["boastfully", "vauntingly"]
    assert mythes.synonyms("big", pos="a") == ["large", "huge"]
    assert mythes.synonyms("safe", pos="noun") == []


def test_mythes_can_leave_out_similar_terms(mythes):
    assert mythes.synonyms("safe", similar=False) == ["dependable", "good", "secure"]


def test_mythes_lookup_ignores_case_and_unknown_words_give_nothing(mythes):
    assert mythes.synonyms("Haven") == ["oasis", "seaport", "harbor", "harbour"]
    assert mythes.synonyms("zyzzyva") == []
    assert "haven" in mythes and len(mythes) == 3


def test_wordnet_synonyms_come_from_the_synsets_by_sense_order(wordnet):
    assert wordnet.synonyms("haven", "n") == ["oasis", "seaport", "harbor", "harbour"]
    assert wordnet.synonyms("safe", "a") == ["dependable", "good", "secure"]


def test_wordnet_similar_adjectives_are_opt_in_and_antonyms_never_appear(wordnet):
    assert "risk-free" in wordnet.synonyms("safe", "a", similar=True)
    assert "risk-free" not in wordnet.synonyms("safe", "a")
    assert "dangerous" not in wordnet.synonyms("safe", "a", similar=True)


def test_wordnet_drops_adjective_position_markers(wordnet):
    assert wordnet.synonyms("big", "a") == ["large"]


def test_wordnet_lists_multiword_lemmas_with_spaces(wordnet):
    assert sorted(wordnet.multiword_lemmas("n")) == [
        "artificial intelligence", "computer science", "safe haven"
    ]
    assert wordnet.multiword_lemmas("v") == ["look up"]
    assert "goose" in wordnet.lemmas("noun")


def test_wordnet_base_forms_use_exception_lists_and_detachment_rules(wordnet):
    assert wordnet.base_forms("geese", "n") == ["goose"]
    assert wordnet.base_forms("havens", "n") == ["haven"]
    assert wordnet.base_forms("safe havens", "n") == ["safe haven"]
    assert wordnet.base_forms("looked up", "v") == ["look up"]
    assert wordnet.base_forms("better", "a") == ["good"]
    assert wordnet.base_forms("bigger", "adj") == ["big"]
    assert wordnet.base_forms("walks", "n") == []


def test_wordnet_reads_topic_domains_from_pointers(wordnet):
    (ai,) = wordnet.synsets("artificial intelligence", "n")
    assert ai.lexname == "noun.cognition"
    assert wordnet.topic_domains(ai) == ["computer science"]
    assert ("n", ai.offset) in wordnet.topic_domain_members["computer science"]


def test_wordnet_iterates_every_synset_of_a_part_of_speech(wordnet):
    words = [s.words for s in wordnet.all_synsets("a")]
    assert ("risk-free", "riskless") in words and len(words) == 6


@pytest.mark.skipif(not MYTHES_PATH.exists(), reason="mythes-en-us not installed")
def test_installed_mythes_reads_and_knows_common_words():
    th = load_mythes()
    assert "secure" in th.synonyms("safe", "adj")
    assert "dangerous" not in th.synonyms("safe")


@pytest.mark.skipif(not (WORDNET_DIR / "index.noun").exists(), reason="wordnet-base not installed")
def test_installed_wordnet_reads_and_knows_common_words():
    wn = load_wordnet()
    assert "information" in wn.synonyms("data", "n")
    assert "artificial intelligence" in wn.multiword_lemmas("n")


def test_aiksaurus_reads_its_binary_word_and_meaning_files(datadir: Path):
    th = load_aiksaurus(datadir / "aiksaurus")
    assert th.meanings("acid") == [["acid", "corrosive", "mordant"]]
    assert "safe" in th and "zyzzyva" not in th


def test_aiksaurus_ranks_words_sharing_more_meanings_first(datadir: Path):
    th = load_aiksaurus(datadir / "aiksaurus")
    assert th.shared_meanings("regression") == {"relapse": 2, "return": 2}
    assert th.synonyms("relapse") == ["regression", "return"]
    assert th.synonyms("zyzzyva") == []
