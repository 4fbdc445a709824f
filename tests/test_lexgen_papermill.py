"""Technical terms spun by the paper-mill spinner's word-level table (source 4)."""

from pathlib import Path

import pytest

from despin.lexgen import papermill
from despin.lexgen.collocations import Expression, build_rows


@pytest.fixture
def table(datadir: Path) -> dict[str, list[papermill.Substitute]]:
    return papermill.read_table(datadir / "table.tsv")


def term(text: str) -> Expression:
    return Expression(tuple(text.split()), 0.8, "list", "n")


class Thesauri:
    """What build_rows asks of the thesauri, with nothing established."""

    established: set = set()
    common_pairs: set = set()
    names = "test"


def test_the_table_is_word_level_sure_substitutes_first(table):
    assert [s.spun for s in table["artificial"]] == ["counterfeit", "fake"]
    assert table["artificial"][0].sure and not table["artificial"][1].sure
    assert "signal to noise" not in table and "signal" not in table  # phrases are not read
    assert "neural" not in table  # a substitute identical to its word


def test_terms_get_single_and_double_swaps(table):
    forms = {" ".join(v.words) for v in papermill.table_variants(table, term("artificial intelligence"))}
    assert forms >= {"counterfeit intelligence", "artificial consciousness", "counterfeit consciousness"}
    assert "fake intelligence" in forms
    assert "fake consciousness" not in forms  # both words swapped: sure substitutes only


def test_rows_restore_the_term_and_name_the_table_as_their_source(table):
    exprs = [term("artificial intelligence"), term("random forest"), term("neural network")]
    gen = build_rows(
        Thesauri(), exprs, "science", "gen:papermill", set(), set(), cap=lambda e: 12,
        make=lambda e: papermill.table_variants(table, e), via="table", honest_texts=[],
    )
    rows = {r.spun: r for r in gen.rows}
    assert rows["counterfeit consciousness"].originals == ("artificial intelligence",)
    assert rows["irregular woods"].originals == ("random forest",)
    assert rows["irregular woods"].source == "gen:papermill:list+table"
    assert all(r.kind == "science" for r in rows.values())


def test_a_variant_already_in_the_lexicon_or_established_is_left_out(table):
    class Known(Thesauri):
        established = {("irregular", "forest")}

    gen = build_rows(
        Known(), [term("random forest")], "science", "gen:papermill", {("random", "woods")}, set(),
        cap=lambda e: 12, make=lambda e: papermill.table_variants(table, e), via="table", honest_texts=[],
    )
    assert {r.spun for r in gen.rows} == {"irregular woods"}


def test_a_malformed_line_names_its_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("data\tinformation\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t.tsv:1"):
        papermill.read_table(path)


def test_a_substitute_of_several_words_counts_as_that_many_tokens(table):
    """"solar" -> "sunlight based": the variant is three tokens, as the matcher and the other
    lexicon files read it, so a hand-written row of the same form is found and deferred to."""
    forms = {v.words for v in papermill.table_variants(table, term("solar energy"))}
    assert ("sunlight", "based", "energy") in forms
    assert ("sunlight", "based", "vitality") in forms
    gen = build_rows(
        Thesauri(), [term("solar energy")], "science", "gen:papermill", {("sunlight", "based", "vitality")}, set(),
        cap=lambda e: 12, make=lambda e: papermill.table_variants(table, e), via="table", honest_texts=[],
    )
    assert "sunlight based vitality" not in {r.spun for r in gen.rows}


def test_a_variant_that_took_a_likely_substitute_is_ambiguous_at_half_the_weight(table):
    """A `likely` row is a guess at the spinner's choice: its variants count only beside other
    evidence, and weigh less while they wait."""
    variants = {v.text: v for v in papermill.table_variants(table, term("artificial intelligence"))}
    sure = variants["counterfeit consciousness"]
    guessed = variants["fake intelligence"]
    assert papermill.weigh_by_table(table, sure) == papermill.weigh(sure)
    weight, ambiguous = papermill.weigh_by_table(table, guessed)
    assert ambiguous
    assert weight == round(papermill.weigh(guessed)[0] * papermill.LIKELY_SHARE, 2)
