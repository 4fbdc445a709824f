"""A near miss and the one-word swaps inside its span: the expression it reads settles them.

A generated swap table guesses "component" for "part"; the near-miss signal knows
the technical terms "principal component analysis" and "feature extraction". Where the term
keeps "component" as written, the word is the writer's and the near miss stands; where the
term replaces "component" itself, the swap stands, restored to the term's word.
"""

from __future__ import annotations

import pytest

from despin.detect import analyze
from despin.grammar import article_breaks
from despin.matcher import Matcher
from despin.model import Entry, Kind
from despin.nearmiss import NearMissDetector


def swap(spun: str, original: str, ambiguous: bool = True) -> Entry:
    """A thesaurus guess, as the generated swap table holds."""
    return Entry((spun,), (original,), Kind.SWAP, 0.02, ambiguous, "gen:swaps:test")


def habit(spun: str, original: str) -> Entry:
    """A swap a spinner is known to make, as the curated tables hold."""
    return Entry((spun,), (original,), Kind.SWAP, 0.08, True, "curated:test")


@pytest.fixture
def nearmiss() -> NearMissDetector:
    terms = {("principal", "component", "analysis"), ("feature", "extraction")}
    loose = {"scrutiny": (("analysis", 1.2),), "component": (("feature", 0.6),)}
    return NearMissDetector(set(), {}, terms=terms, loose=loose, zipf={})


def found(text: str, entries: list[Entry], nearmiss: NearMissDetector) -> list[tuple[str, str, Kind]]:
    report = analyze(text, "t.txt", Matcher.build(entries), signals=(article_breaks, nearmiss))
    return [(f.text, f.suggestion, f.match.entry.kind) for f in report.findings]


def test_a_swap_on_a_word_the_term_keeps_gives_way_to_the_near_miss(nearmiss):
    assert found("We ran a principal component scrutiny today.", [swap("component", "part")], nearmiss) == [
        ("principal component scrutiny", "principal component analysis", Kind.NEARMISS)
    ]


def test_a_swap_on_the_word_the_term_replaces_is_restored_to_the_terms_word(nearmiss):
    assert found("We report the component extraction step.", [swap("component", "part")], nearmiss) == [
        ("component", "feature", Kind.SWAP)
    ]


def test_the_swap_keeps_its_other_candidates_after_the_terms_word(nearmiss):
    report = analyze(
        "We report the component extraction step.", "t.txt",
        Matcher.build([swap("component", "part")]), signals=(article_breaks, nearmiss),
    )
    (finding,) = report.findings
    assert finding.match.entry.originals == ("feature", "part")


def test_without_a_term_around_it_the_swap_is_left_as_the_table_has_it(nearmiss):
    assert found("Each component works alone.", [swap("component", "part")], nearmiss) == [
        ("component", "part", Kind.SWAP)
    ]


def test_an_unambiguous_entry_is_never_displaced(nearmiss):
    assert found("We ran a principal component scrutiny today.", [swap("component", "part", ambiguous=False)], nearmiss) == [
        ("component", "part", Kind.SWAP)
    ]


def test_a_known_spinner_habit_is_never_settled(nearmiss):
    assert found("We ran a principal component scrutiny today.", [habit("component", "part")], nearmiss) == [
        ("component", "part", Kind.SWAP)
    ]


def test_a_plural_last_word_is_kept_as_written_not_taken_for_the_swap():
    nearmiss = NearMissDetector({("healthy", "individual")}, {"wholesome": (("healthy", 1.5),)})
    assert found("They were wholesome individuals.", [swap("wholesome", "healthy")], nearmiss) == [
        ("wholesome", "healthy", Kind.SWAP)
    ]
    both = [swap("wholesome", "healthy"), habit("individuals", "people")]
    assert found("They were wholesome individuals.", both, nearmiss) == [
        ("wholesome", "healthy", Kind.SWAP), ("individuals", "people", Kind.SWAP)
    ]


def _as_compiled(entry: Entry) -> Entry:
    """The entry as the compiled lexicon holds it: with the endings its original takes."""
    from dataclasses import replace

    from wordfreq import zipf_frequency

    from despin.compiled import _endings

    return replace(entry, endings=_endings(entry, lambda w: zipf_frequency(w, "en") > 0))


def test_an_ending_the_original_cannot_take_is_no_match_and_hides_no_near_miss():
    # "grouping" is not "group" + ing when the swap restores "organization": no word reads
    # "organizationing", so the reading is dropped and the near miss on the same words stands
    terms = {("binary", "classification")}
    nearmiss = NearMissDetector(set(), {}, terms=terms, loose={"grouping": (("classification", 0.7),)}, zipf={})
    entries = [_as_compiled(habit("group", "organization"))]
    assert entries[0].endings == "s"
    assert found("We describe the binary grouping in practice.", entries, nearmiss) == [
        ("binary grouping", "binary classification", Kind.NEARMISS)
    ]
    assert found("They are grouping the results.", entries, nearmiss) == []
    assert found("Two groups met.", entries, nearmiss)[0][1] == "organizations"
    # "sequences" is no "series" + s, "talked" no "speak" + ed
    assert found("Two sequences.", [_as_compiled(habit("sequence", "series"))], nearmiss) == []
    assert found("He talked.", [_as_compiled(habit("talk", "speak"))], nearmiss) == []
    # a verb restoration carries its endings: "prepping" -> "preparing"
    assert found("They are prepping it.", [_as_compiled(habit("prep", "prepare"))], nearmiss)[0][1] == "preparing"
