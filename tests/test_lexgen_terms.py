"""Collecting technical terms (despin/lexgen/terms.py) from dictionaries and package descriptions."""

import gzip
from pathlib import Path

import pytest

from despin.lexgen import terms as T
from despin.lexgen.thesaurus import load_moby


class FakeWordNet:
    """Just what the term filter asks WordNet: base forms of nouns and adjectives."""

    NOUNS = {"tree", "war", "application", "sense", "traffic", "loss", "network", "service", "packet", "syntax",
             "quality", "monitor", "graph", "figure", "host", "hop", "route"}
    ADJECTIVES = {"abstract", "holy", "neural", "artificial", "some"}

    def base_forms(self, word: str, pos: str) -> list[str]:
        table = self.NOUNS if pos == "n" else self.ADJECTIVES if pos == "a" else set()
        if word in table:
            return [word]
        if pos == "n" and word.endswith("s") and word[:-1] in table:
            return [word[:-1]]
        return []


WN = FakeWordNet()


def test_a_term_is_two_or_three_common_words_ending_in_a_noun():
    assert T.plausible_term(("abstract", "syntax", "tree"), WN)
    assert T.plausible_term(("quality", "of", "service"), WN)  # "of" may stand inside
    assert not T.plausible_term(("tree",), WN)
    assert not T.plausible_term(("of", "service"), WN)  # a function word at an end
    assert not T.plausible_term(("some", "sense"), WN)  # a quantifier is not part of a term
    assert not T.plausible_term(("abstract", "syntaxes", "provides"), WN)  # no noun at the end
    assert not T.plausible_term(("holy", "xqzv"), WN)  # a word too rare to be spun into text


def test_plural_terms_are_kept_singular_because_the_matcher_inflects_them():
    assert T.singular(("holy", "wars"), WN) == ("holy", "war")
    assert T.singular(("quality", "of", "service"), WN) == ("quality", "of", "service")


def test_foldoc_headwords_are_its_multiword_index_entries(datadir: Path):
    heads = list(T.foldoc_headwords(datadir))
    assert ("abstract", "syntax", "tree") in heads and ("holy", "wars") in heads
    assert ("http",) not in heads


def test_vera_expansions_are_the_line_after_each_acronym(datadir: Path, tmp_path: Path):
    (tmp_path / "vera.dict.dz").write_bytes(gzip.compress((datadir / "vera.txt").read_bytes()))
    found = list(T.vera_expansions(tmp_path))
    assert ("artificial", "neural", "network") in found and ("quality", "of", "service") in found
    assert ("3d", "consortium") in found  # kept here; the term filter judges it


def test_package_descriptions_skip_python_packages_and_repeats(datadir: Path):
    descs = list(T.package_descriptions([(datadir / "Translation-en").read_text()]))
    assert len(descs) == 3  # netmon-data repeats netmon; python3-netmon echoes a Python package
    assert not any("Python" in d for d in descs)


def test_acronym_definitions_match_the_initials():
    assert list(T.acronym_definitions("reports quality of service (QoS) figures")) == [("quality", "of", "service")]
    assert list(T.acronym_definitions("an Artificial Neural Network (ANN).")) == [("artificial", "neural", "network")]
    assert list(T.acronym_definitions("the current release (RC)")) == []


def test_recurring_phrases_are_noun_phrases_in_many_descriptions(datadir: Path, monkeypatch):
    monkeypatch.setattr(T, "MIN_DOCS", 3)
    monkeypatch.setattr(T, "MIN_PMI", 0.0)
    descs = list(T.package_descriptions([(datadir / "Translation-en").read_text()]))
    recurring, defined = T.recurring_phrases(descs, WN)
    assert recurring[("packet", "loss")] == 3 and recurring[("network", "traffic")] == 3
    assert ("graphs", "network") not in recurring  # in one description only
    assert defined[("quality", "of", "service")] == 1


def test_collected_terms_name_every_source_and_round_trip(datadir: Path, tmp_path: Path):
    (tmp_path / "vera.dict.dz").write_bytes(gzip.compress((datadir / "vera.txt").read_bytes()))
    (tmp_path / "foldoc.index").write_text((datadir / "foldoc.index").read_text())
    terms = T.collect(WN, apt_lists=tmp_path / "no-lists", dictd=tmp_path, docstrings=False)
    by = {t.text: t for t in terms}
    assert by["holy war"].sources == ("foldoc",)
    assert by["quality of service"].sources == ("vera",)
    assert "some sense" not in by
    path = tmp_path / "terms.tsv"
    T.write_terms(terms, path)
    assert T.read_terms(path) == terms


# --- the Moby thesaurus reader -----------------------------------------------------------------


@pytest.fixture
def moby(datadir: Path):
    return load_moby(datadir / "moby.txt")


def test_moby_keeps_single_lower_case_words(moby):
    syns = moby.synonyms("network")
    assert {"web", "mesh", "organization", "reticulum"} <= syns
    assert "Internet" not in syns and "internet" not in syns  # a name
    assert "cat's cradle" not in syns  # a phrase


def test_moby_ranks_synonyms_by_the_overlap_of_their_lists(moby):
    shared = moby.shared_meanings("network")
    assert shared["web"] > shared["reticulum"] == 0
    assert shared["web"] >= shared["organization"] > 0


def test_moby_pairs_are_read_both_ways_unless_asked_not_to(datadir: Path):
    assert "network" in load_moby(datadir / "moby.txt").synonyms("reticulum")  # listed under "network" only
    assert load_moby(datadir / "moby.txt", symmetric=False).synonyms("reticulum") == frozenset()
