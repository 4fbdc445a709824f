"""Generating spun variants of fixed expressions (source 1), on tiny thesauri in real formats."""

from pathlib import Path

import pytest

from despin.lexgen.collocations import Expression, Thesaurus, build_rows, variants, weigh
from despin.lexgen.common import Row, occurring, write_tsv
from despin.lexgen.thesaurus import frequent_bigrams, load_mythes, load_wordnet
from despin.lexicon import default_dir, validate

SAFE_HAVEN = Expression(("safe", "haven"), 1.0, "list")


@pytest.fixture
def thesaurus(datadir: Path) -> Thesaurus:
    # no common word pairs unless a test gives them, whether or not symspellpy is installed
    return Thesaurus(load_mythes(datadir / "th_en_test.dat"), load_wordnet(datadir / "wordnet"), bigram_file=datadir / "no_bigrams.txt")


def texts(vs):
    return {v.text for v in vs}


def test_single_swaps_use_rarer_synonyms_of_the_same_part_of_speech(thesaurus):
    single = texts(v for v in variants(thesaurus, SAFE_HAVEN, double=False))
    assert {"harmless haven", "dependable haven", "secure haven", "safe oasis", "safe harbour"} <= single
    assert "good haven" not in single  # "good" is commoner than "safe": not spinner-like
    assert "safe harbor" not in single  # "harbor" is commoner than "haven"
    assert "dangerous haven" not in single  # antonyms never
    assert "safe strongbox" not in single  # generic terms never


def test_short_expressions_also_get_two_word_swaps_with_lower_weight(thesaurus):
    vs = variants(thesaurus, SAFE_HAVEN)
    doubles = [v for v in vs if len(v.swaps) == 2]
    assert doubles and all(v.words[0] != "safe" and v.words[1] != "haven" for v in doubles)
    one = next(v for v in vs if v.text == "harmless haven")
    two = next(v for v in doubles if v.words[0] == "harmless")
    assert weigh(two)[0] < weigh(one)[0]


def test_weight_grows_with_rarity_and_fixedness(thesaurus):
    vs = {v.text: v for v in variants(thesaurus, SAFE_HAVEN, double=False)}
    assert weigh(vs["dependable haven"])[0] > weigh(vs["secure haven"])[0]
    loose = Expression(("safe", "haven"), 0.6, "wordnet")
    v_loose = {v.text: v for v in variants(thesaurus, loose, double=False)}
    assert weigh(v_loose["dependable haven"])[0] < weigh(vs["dependable haven"])[0]


def test_mild_swaps_of_common_words_are_marked_ambiguous(thesaurus):
    vs = {v.text: v for v in variants(thesaurus, SAFE_HAVEN, double=False)}
    assert weigh(vs["secure haven"])[1] is True  # secure and haven are both common words
    assert weigh(vs["dependable haven"])[1] is False


def test_variants_that_are_established_or_honest_english_are_dropped(thesaurus, datadir):
    taken = {("safe", "oasis")}
    gen = build_rows(
        thesaurus, [SAFE_HAVEN], "phrase", "gen:test", taken, set(), cap=lambda e: 50,
        honest_texts=["They reached a secure haven at last."],
    )
    spun = {r.spun for r in gen.rows}
    assert "secure haven" not in spun and gen.dropped_honest == 1
    assert "safe oasis" not in spun  # another file's spun form wins
    assert "dependable haven" in spun
    assert all(r.originals == ("safe haven",) and r.source.startswith("gen:test:list") for r in gen.rows)


def test_pairs_common_in_published_english_are_never_spun_forms(datadir):
    pairs = frequent_bigrams(datadir / "bigrams.txt", skip=frozenset({"the", "for"}))
    assert pairs == {("secure", "haven"), ("dependable", "source")}  # no function words, no digits
    thesaurus = Thesaurus(
        load_mythes(datadir / "th_en_test.dat"), load_wordnet(datadir / "wordnet"), bigram_file=datadir / "bigrams.txt"
    )
    spun = {r.spun for r in build_rows(thesaurus, [SAFE_HAVEN], "phrase", "gen:test", set(), set(), cap=lambda e: 50, honest_texts=[]).rows}
    assert "secure haven" not in spun  # writers use it: no fingerprint, whatever it came from
    assert "dependable haven" in spun


def test_a_variant_whose_inflected_form_writers_use_is_never_a_spun_form(datadir, tmp_path):
    # the matcher reads "dependable havens" as "dependable haven" + s: a common plural makes
    # the singular as unsafe a fingerprint as the plural ("take precaution" -> "take care")
    bigrams = tmp_path / "bigrams.txt"
    bigrams.write_text("dependable havens 5000000\n", encoding="utf-8")
    thesaurus = Thesaurus(load_mythes(datadir / "th_en_test.dat"), load_wordnet(datadir / "wordnet"), bigram_file=bigrams)
    spun = {r.spun for r in build_rows(thesaurus, [SAFE_HAVEN], "phrase", "gen:test", set(), set(), cap=lambda e: 50, honest_texts=[]).rows}
    assert "dependable haven" not in spun
    assert "secure haven" in spun


def test_originals_of_other_entries_never_become_spun_forms(thesaurus):
    gen = build_rows(thesaurus, [SAFE_HAVEN], "phrase", "gen:test", set(), {("harmless", "haven")}, cap=lambda e: 50, honest_texts=[])
    assert "harmless haven" not in {r.spun for r in gen.rows}


def test_the_cap_keeps_the_rarest_single_swaps_first(thesaurus):
    gen = build_rows(thesaurus, [SAFE_HAVEN], "phrase", "gen:test", set(), set(), cap=lambda e: 2, honest_texts=[])
    assert len(gen.rows) == 2 and all(" " in r.spun for r in gen.rows)


def test_filter_corpus_finds_phrases_by_whole_words(datadir):
    found = occurring({("safe", "harbor"), ("safe", "harb"), ("storm", "as", "every")}, [(datadir / "honest.txt").read_text()])
    assert found == {("safe", "harbor"), ("storm", "as", "every")}


def test_rows_are_written_sorted_canonical_and_once_per_spun_form(tmp_path):
    rows = [
        Row("Secure  Haven", ("safe haven",), "phrase", 0.7, False, "gen:test"),
        Row("harmless haven", ("safe haven",), "phrase", 0.654, True, "gen:test"),
        Row("secure haven", ("safe harbor",), "phrase", 0.5, False, "gen:test"),
    ]
    path = tmp_path / "out.tsv"
    assert write_tsv(path, rows, "test") == 2
    body = [ln for ln in path.read_text().splitlines() if not ln.startswith("#")]
    assert body == [
        "harmless haven\tsafe haven\tphrase\t0.65\tambiguous\tgen:test",
        "secure haven\tsafe haven\tphrase\t0.70\t-\tgen:test",
    ]
    assert validate([path]) == []


GENERATED = [default_dir() / "generated" / n for n in ("collocations.tsv", "science.tsv")]


@pytest.mark.skipif(not all(p.exists() for p in GENERATED), reason="lexicons not generated")
def test_generated_files_are_valid_large_and_free_of_each_other():
    assert validate(GENERATED) == []
    counts = [sum(1 for ln in p.open() if not ln.startswith("#")) for p in GENERATED]
    assert sum(counts) >= 10_000
