"""The benchmark instruments: the test spinner, the corpus split and the quality metrics."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import corpus  # noqa: E402
import quality  # noqa: E402
import spinner  # noqa: E402
from despin.lexgen.thesaurus import MYTHES_PATH  # noqa: E402

needs_mythes = pytest.mark.skipif(not MYTHES_PATH.exists(), reason="the test spinner reads Debian's mythes-en-us thesaurus")


@pytest.fixture
def text(datadir) -> str:
    return (datadir / "honest.txt").read_text("utf-8")


@needs_mythes
def test_the_spinner_records_every_swap_where_it_stands_in_the_output(text):
    spun = spinner.spin(text, rate=0.5, seed=3)
    assert spun.swaps, "half the content words of a paragraph should give some swaps"
    for swap in spun.swaps:
        assert spun.text[swap.start : swap.end] == swap.spun
        assert swap.spun.lower() != swap.original.lower()
    # everything between the swaps is the original text, untouched
    rebuilt, last = [], 0
    for swap in spun.swaps:
        rebuilt += [spun.text[last : swap.start], swap.original]
        last = swap.end
    assert "".join(rebuilt) + spun.text[last:] == text


@needs_mythes
def test_the_spinner_is_deterministic_and_rate_zero_changes_nothing(text):
    assert spinner.spin(text, 0.3, seed=7) == spinner.spin(text, 0.3, seed=7)
    assert spinner.spin(text, 0.0, seed=7).text == text


@needs_mythes
def test_a_spinner_that_protects_capitals_leaves_capitalised_words(text):
    spun = spinner.spin(text, rate=1.0, seed=1, protect_caps=True)
    assert all(not s.original[:1].isupper() for s in spun.swaps)
    assert any(s.original[:1].isupper() for s in spinner.spin(text, rate=1.0, seed=1).swaps)


def test_long_texts_are_cut_at_paragraphs_into_bounded_documents():
    paragraph = " ".join(["word"] * 100)
    docs = list(corpus.chunks("x", "test", "\n\n".join([paragraph] * 70), max_words=1000))
    assert [d.words for d in docs] == [1000] * 7
    assert len({d.id for d in docs}) == 7


def test_corpus_paragraphs_keep_the_blanks_of_blanked_code_and_speed_runs_drop_them():
    from despin.markup import prose_view

    view = prose_view("Use a `dict` object\nhere, and say so.\n\nok\n", "doc.md")
    text = corpus._paragraphs(view)
    assert "a \x1a      object here" in text  # as despin reads the file: the code leaves a hole
    assert "ok" not in text  # paragraphs of fewer than three words are left out
    assert corpus.compact(text) == "Use a object here, and say so."


def test_the_report_split_is_fixed_by_the_document_id():
    docs = [corpus.Doc(f"doc{i}", "test", "text") for i in range(200)]
    halves = [d.split for d in docs]
    assert halves == [corpus.Doc(f"doc{i}", "test", "other text").split for i in range(200)]
    assert 70 < halves.count("report") < 130


@pytest.mark.parametrize(
    ("scores", "labels", "auc"),
    [
        ([0.1, 0.2, 0.8, 0.9], [False, False, True, True], 1.0),
        ([0.9, 0.8, 0.2, 0.1], [False, False, True, True], 0.0),
        ([0.5, 0.5, 0.5, 0.5], [False, True, False, True], 0.5),
        ([0.1, 0.4, 0.35, 0.8], [False, False, True, True], 0.75),
    ],
)
def test_roc_auc_is_the_chance_a_positive_outranks_a_negative(scores, labels, auc):
    assert quality.roc_auc(scores, labels) == pytest.approx(auc)


def test_precision_recall_and_f1():
    figures = quality.prf([True, True, False, False], [True, False, True, False])
    assert (figures["precision"], figures["recall"], figures["f1"]) == (0.5, 0.5, 0.5)


def test_held_out_pairs_are_measured_for_verdict_and_restoration(datadir):
    rows = quality.heldout_quality(quality.Analyzer(), datadir / "heldout")
    row = rows["bridge"]
    assert row["original_verdict"] == "clean"
    assert row["wer_before"] > 0.2 and row["error_reduction"] > 0


def test_held_out_pairs_are_measured_for_detection(datadir):
    figures = quality.heldout_detection(quality.Analyzer(), datadir / "heldout")
    assert figures["verdict"]["tp"] + figures["verdict"]["fn"] == len(list((datadir / "heldout").glob("*.spun.txt")))
    assert figures["verdict"]["fp"] == 0  # an original is never judged spun
    assert 0.5 < figures["passage_auc"] <= 1.0


def test_restoration_summed_by_paragraph_equals_the_whole_text_figures():
    spun = "The authorities mentioned it.\n\nA secure haven was found."
    reference = "The government said it.\n\nA safe haven was found."
    output = "The government said it.\n\nA secure haven was found."
    whole, parts = quality.restoration_score(spun, reference, output), quality.paragraph_score(spun, reference, output)
    assert (parts.errors_before, parts.errors_after, parts.changed, parts.harmed) == (
        whole.errors_before, whole.errors_after, whole.changed, whole.harmed)


@needs_mythes
def test_the_quality_runs_report_every_figure_on_a_tiny_corpus(text):
    analyzer = quality.Analyzer()
    docs = [corpus.Doc("a", "test", text), corpus.Doc("b", "test", text.upper())]
    honest = quality.honest_precision(analyzer, docs)
    assert honest["documents"] == 2 and honest["words"] == 2 * len(text.split())
    levels = list(honest["per_10k_words"].values())
    assert levels == sorted(levels, reverse=True), "a higher confidence level cannot count more findings"
    spun = quality.spun_quality(analyzer, docs, [0.5])
    row = spun["rates"]["0.5"]
    assert row["documents"] == 2 and row["swaps"] > 0
    assert 0 <= row["swap_recall_0.5"] <= row["swap_recall_0.0"] <= 1
    assert row["wer_before"] > 0.1, "half the content words swapped is a large word error rate"
    assert spun["verdict"]["tp"] + spun["verdict"]["fn"] == 2


def test_the_lexicon_scaling_counts_every_finding_a_run_makes(tmp_path):
    import speed

    from conftest import SPUN_SEED
    from despin.engine import Engine, Options
    from despin.document import read_document

    seed = tmp_path / "seed.txt"
    seed.write_text(SPUN_SEED.read_text("utf-8"), "utf-8")
    honest = tmp_path / "honest.txt"
    honest.write_text("A plain sentence about the weather.\n", "utf-8")
    engine = Engine(Options())
    expected = sum(len(engine.analyze(read_document(str(p))).findings) for p in (seed, honest))
    assert expected > 0
    run = speed.run_timed(speed.despin_check([str(seed), str(honest)]), keep_output=True)
    assert speed.findings_of(run.output) == expected


def test_the_stage_timer_charges_each_stage_and_leaves_the_engine_as_it_was(tmp_path):
    import stages

    from conftest import SPUN_SEED
    from despin import detect, engine

    seed = tmp_path / "seed.txt"
    seed.write_text(SPUN_SEED.read_text("utf-8"), "utf-8")
    before = (engine.analyze, detect._scan)
    total, times = stages.stage_times([seed])
    assert total > 0
    assert {"analysis", "scanning passages", "tokenizing", "matcher", "near-miss signal", "spun-term signal"} <= times.keys()
    assert times["scanning passages"] <= times["analysis"] <= total + 0.05
    assert (engine.analyze, detect._scan) == before  # the wrappers are undone
