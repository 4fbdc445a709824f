"""The spinner's own table (source 2): a forward table written by hand, inverted into rows."""

from pathlib import Path

import dataclasses

import pytest

from despin.lexgen import spinner
from despin.lexgen.common import write_tsv
from despin.lexicon import load_file, validate
from despin.model import Match
from despin.lexgen.common import zipf
from despin.scoring import base_confidence, entry_rarity


@pytest.fixture
def subs(datadir: Path) -> list[spinner.Substitution]:
    return spinner.read_table(datadir / "table.tsv")


def rows_by_spun(table: spinner.SpinnerTable) -> dict[str, object]:
    return {r.spun: r for r in table.rows}


def test_the_table_is_read_in_canonical_form_and_rows_that_change_nothing_are_dropped(subs):
    assert ("year", "12 months", "sure") in [(s.original, s.spun, s.certainty) for s in subs]
    assert not any(s.original == s.spun for s in subs)  # "came -> came"


def test_a_malformed_line_names_its_file_and_line(datadir):
    with pytest.raises(ValueError, match=r"malformed.tsv:1"):
        spinner.read_table(datadir / "malformed.tsv")


def test_spun_forms_map_back_to_their_originals_sure_ones_first(subs):
    rows = rows_by_spun(spinner.build(subs, {}))
    assert rows["12 months"].originals == ("year",)
    assert rows["most cancers"].originals == ("cancer",)
    # two writers' words come back as "gaggle": the sure one is what fix writes
    assert rows["gaggle"].originals == ("group", "crowd")
    assert all(r.kind == "swap" and r.ambiguous and r.source.startswith("gen:spinner:") for r in rows.values())
    assert rows["gaggle"].source == "gen:spinner:sure" and rows["apprehensive"].source == "gen:spinner:likely"


def test_hand_written_rows_win_and_no_row_chains_through_an_unambiguous_entry(subs):
    taken = {("mentioned",): ((("said",),), True), ("pupil",): ((("student",),), False)}
    table = spinner.build(subs, taken)
    rows = rows_by_spun(table)
    assert "mentioned" not in rows and "pupil" not in rows  # spelled by hand already
    assert table.skipped_taken == 2
    # a hand-written "gaggle -> flock" wins over the table's other direction
    reverse = rows_by_spun(spinner.build(subs + [spinner.Substitution("gaggle", "flock", "sure", 99)], {("gaggle",): ((("flock",),), True)}))
    assert "flock" not in reverse
    taken_strong = {("worried",): ((("anxious",),), False)}  # "worried" is a fingerprint elsewhere
    assert "apprehensive" not in rows_by_spun(spinner.build(subs, taken_strong))


def test_words_swapped_both_ways_are_flagged_as_a_cycle_and_validate(subs, tmp_path):
    """Where neither word is commoner, the spinner's swapping them both ways is kept, flagged."""
    both = subs + [spinner.Substitution("apprehensive", "worried", "likely", 99)]
    table = spinner.build(both, {}, commoner=lambda spun, original: False)
    rows = rows_by_spun(table)
    assert rows["apprehensive"].cycle and rows["worried"].cycle and not rows["12 months"].cycle
    path = tmp_path / "spinner.tsv"
    write_tsv(path, table.rows, "test")
    assert validate([path]) == []


def test_a_spun_form_commoner_than_its_original_is_not_a_row(subs):
    """"kids" -> "children": most "children" in any text are the writer's own word; and
    "mentioned" -> "said" would restore every "said"."""
    table = spinner.build(subs, {})
    assert "children" not in rows_by_spun(table) and "said" not in rows_by_spun(table)
    assert table.skipped_commoner == 2
    # a multiword side is judged by counts in a corpus: one where "got here" is commoner drops it
    counts = spinner.build(subs, {}, commoner=lambda spun, original: (spun, original) == ("got here", "came"))
    assert "got here" not in rows_by_spun(counts)


def test_rows_start_from_their_tier_prior_and_rarity_does_the_rest(subs, tmp_path):
    path = tmp_path / "spinner.tsv"
    write_tsv(path, spinner.build(subs, {}).rows, "test")
    entries = {e.spun: e for e in load_file(path)[0]}

    def prior(spun: str) -> float:
        e = entries[tuple(spun.split())]
        e = dataclasses.replace(e, rarity=entry_rarity(e, zipf))  # as the compiled lexicon has it
        return base_confidence(Match(e, 0, 0, 0, len(spun)))

    assert entries[("pupil",)].weight == spinner.WEIGHT["sure"]
    assert entries[("stated",)].weight == spinner.WEIGHT["likely"]
    # "gaggle" is far rarer than "group": likelier spun than "pupil" for "student"
    assert prior("gaggle") > prior("pupil")


def test_a_row_that_only_carries_its_article_is_the_words_own_row():
    """"a huge" -> "an enormous" is "huge" -> "enormous": the rewriter makes the article agree,
    and a hand-written row for "enormous" then wins as it does for the bare word."""
    subs = [spinner.Substitution("a huge", "an enormous", "sure", 1), spinner.Substitution("a lot", "loads", "sure", 2)]
    rows = rows_by_spun(spinner.build(subs, {}))
    assert rows["enormous"].originals == ("huge",) and "an enormous" not in rows
    assert rows["loads"].originals == ("a lot",)  # a phrase that is more than its article stays
    assert "enormous" not in rows_by_spun(spinner.build(subs, {("enormous",): ((("massive",),), True)}))


def test_a_contracted_ending_neither_vouches_for_a_form_nor_condemns_it():
    """The bigram list has no apostrophes: "it's going to" is ordinary by its other pairs,
    "it's a must to" is not, and a form of contractions alone is never vouched for."""
    pairs = {("going", "to"), ("a", "must")}
    assert spinner._vouched(("it", "'s", "going", "to"), pairs)
    assert not spinner._vouched(("it", "'s", "a", "must", "to"), pairs)
    assert not spinner._vouched(("girls", "'s"), pairs)
