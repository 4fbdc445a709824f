"""Generating the news-spinner swap table (source 2), on tiny thesauri in real formats."""

from pathlib import Path

import pytest

from despin.lexgen import swaps
from despin.lexgen.common import write_tsv
from despin.lexgen.thesaurus import load_mythes, load_wordnet
from despin.lexicon import default_dir, load_file, validate
from despin.model import Match
from despin.scoring import base_confidence, entry_rarity
from despin.lexgen.common import zipf

WORDS = ["said", "student", "party", "time", "celebration", "pupil", "took", "instance"]


@pytest.fixture
def thesauri(datadir: Path):
    return load_mythes(datadir / "th_en_test.dat"), load_wordnet(datadir / "wordnet")


@pytest.fixture
def table(thesauri):
    return swaps.build(*thesauri, WORDS, {}, honest_texts=[])


def rows_by_spun(table):
    return {r.spun: r for r in table.rows}


def test_words_are_read_in_the_part_of_speech_their_uses_favour(thesauri):
    _, wordnet = thesauri
    readings = swaps.content_lemmas(wordnet, ["said", "took", "the", "student"])
    assert ("say", "v") in readings and ("take", "v") in readings and ("student", "n") in readings
    assert ("said", "a") not in readings  # a rare adjective reading of "said" (SemCor: 3 of 703)
    assert not any(lemma == "the" for lemma, _ in readings)  # function words are left alone


def test_a_spinner_takes_first_sense_synonyms_rarer_than_the_word(thesauri):
    mythes, wordnet = thesauri
    assert [c.spun for c in swaps.choices(mythes, wordnet, "student", "n")] == ["pupil"]
    assert [c.spun for c in swaps.choices(mythes, wordnet, "say", "v")][:1] == ["mention"]
    # "student" is commoner than "pupil": never what a spinner puts for "pupil"
    assert swaps.choices(mythes, wordnet, "pupil", "n") == []
    # "celebration" is a later sense of "party": not a first choice
    assert "celebration" not in [c.spun for c in swaps.choices(mythes, wordnet, "party", "n")]


def test_the_table_maps_spun_forms_back_to_their_originals(table):
    rows = rows_by_spun(table)
    assert rows["pupil"].originals == ("student",)
    assert rows["mention"].originals == ("say",)
    assert all(r.kind == "swap" and r.ambiguous and r.source.startswith("gen:swaps:") for r in table.rows)
    assert "student" not in rows  # the commoner word is never a spun form


def test_irregular_inflections_get_rows_the_matcher_cannot_derive(table):
    rows = rows_by_spun(table)
    # "mentioned" would be read as mention + ed and restored as "sayed"
    assert rows["mentioned"].originals == ("said",)
    assert rows["carried"].originals == ("took", "taken")
    # "mentions" -> "says" and "pupils" -> "students" are derived by the matcher
    assert "mentions" not in rows and "pupils" not in rows


def test_hand_written_rows_win_and_no_original_is_an_unambiguous_spun_form(thesauri):
    taken = {("pupil",): ((("student",),), True), ("say",): ((("talk",),), False)}
    table = swaps.build(*thesauri, WORDS, taken, honest_texts=[])
    rows = rows_by_spun(table)
    assert "pupil" not in rows
    assert all("say" not in r.originals for r in table.rows)  # "say" is spun elsewhere: a chain


def test_cycles_keep_only_the_stronger_direction():
    choice = swaps.Choice("x", "y", "n", 0.0, "mythes")
    table = {
        "army": [swaps.Candidate("military", 5.0, choice)],
        "military": [swaps.Candidate("army", 4.0, choice)],
    }
    assert swaps.drop_cycles(table) == 1
    assert table == {"army": [swaps.Candidate("military", 5.0, choice)]}


def test_a_lone_swap_scores_low_before_any_context(table, tmp_path):
    path = tmp_path / "swaps.tsv"
    write_tsv(path, table.rows, "test")
    entries, problems = load_file(path)
    assert not problems and entries
    for entry in entries:
        rated = entry.__class__(**{**{f: getattr(entry, f) for f in entry.__slots__}, "rarity": entry_rarity(entry, zipf)})
        confidence = base_confidence(Match(rated, 0, 0, 0, 1))
        assert confidence <= swaps.TARGET_CONFIDENCE + 0.04, entry


def test_two_word_spun_forms_found_in_honest_text_are_dropped(thesauri, datadir):
    mythes, wordnet = thesauri
    pairs = [swaps.Pair("business office", "office", swaps.Choice("business office", "office", "n", 0.0, "mythes"))]
    kept = swaps.reverse_table(pairs)
    assert "business office" in kept
    honest = (datadir / "honest.txt").read_text()
    found = swaps.occurring({("took", "place")}, [honest])
    assert found == {("took", "place")}


def test_the_shipped_table_is_valid_and_defers_to_the_hand_written_lexicon():
    path = default_dir() / "generated" / "swaps.tsv"
    assert validate([path]) == []
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(rows) > 1000
    hand = {line.split("\t")[0] for line in (default_dir() / "news.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    assert not hand & {r[0] for r in rows}
    assert all(r[2] == "swap" and r[4] == "ambiguous" and 0 < float(r[3]) <= 0.35 for r in rows)
    assert not {"the", "time", "people", "year"} & {r[0] for r in rows}
