"""Restoration figures: WER before and after, error reduction, words harmed.

Each triple in tests/test_evaluate/ (NAME.spun.txt, NAME.reference.txt, NAME.output.txt)
has its figures worked out by hand in the comments below.
"""

from __future__ import annotations

import json

import pytest

from despin.evaluate import align, errors, main, score, words


def triple(datadir, name: str) -> tuple[str, str, str]:
    return tuple((datadir / f"{name}.{part}.txt").read_text(encoding="utf-8") for part in ("spun", "reference", "output"))


def test_words_ignore_punctuation_and_straighten_apostrophes():
    assert words("U.S. officials—“it isn’t over,” 2-to-1.") == ["U.S", "officials", "it", "isn't", "over", "2-to-1"]


def test_alignment_is_a_minimum_edit_script():
    ops = [op for op, _, _ in align(["a", "b", "c"], ["a", "x", "c", "d"])]
    assert ops == [0, 1, 0, 3]  # keep, substitute, keep, insert
    assert errors(["a", "b", "c"], ["a", "x", "c", "d"]) == 2
    assert errors("x a b c".split(), "a b c".split()) == 1  # one deletion, not three substitutions
    assert errors([], ["a", "b"]) == 2
    assert errors(["a"], []) == 1


def test_perfect_restoration(datadir):
    # reference: The cat sat on the mat (6 words); spun: feline, upon -> 2 errors; output exact.
    result = score(*triple(datadir, "cat"))
    assert (result.reference_words, result.errors_before, result.errors_after) == (6, 2, 0)
    assert result.wer_before == pytest.approx(2 / 6, abs=1e-4)
    assert (result.wer_after, result.reduction, result.changed, result.harmed) == (0.0, 1.0, 2, 0)


def test_partial_restoration_with_one_word_harmed(datadir):
    # reference: He said that it rained in the north (8 words).
    # spun:   mentioned/said, "was raining"/"rained" (1 sub + 1 del), within/in -> 4 errors.
    # output: said and in fixed; "was raining" kept (2); north -> south breaks a right word (1) -> 3.
    result = score(*triple(datadir, "rain"))
    assert (result.reference_words, result.errors_before, result.errors_after) == (8, 4, 3)
    assert (result.wer_before, result.wer_after, result.reduction) == (0.5, 0.375, 0.25)
    assert (result.changed, result.harmed) == (3, 1)


def test_case_counts_and_apostrophe_style_does_not(datadir):
    # reference: Student Day isn't over (4); spun Pupil -> 1 error (isn’t equals isn't);
    # output "student" is still wrong -> 1 error, no reduction, one word changed, none harmed.
    result = score(*triple(datadir, "day"))
    assert (result.errors_before, result.errors_after, result.reduction) == (1, 1, 0.0)
    assert (result.changed, result.harmed) == (1, 0)


def test_command_prints_the_figures(datadir, capsys):
    spun, ref, out = (str(datadir / f"rain.{p}.txt") for p in ("spun", "reference", "output"))
    assert main([spun, ref, out]) == 0
    text = capsys.readouterr().out
    assert "WER before       0.5000  (4 errors)" in text
    assert "WER after        0.3750  (3 errors)" in text
    assert "error reduction  0.2500" in text
    assert "harmed           1" in text
    assert main([spun, ref, out, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["harmed"] == 1


def test_command_with_fix_restores_the_spun_file_itself(datadir, capsys):
    spun = datadir / "fixable.spun.txt"
    spun.write_text("He found a secure haven in the Justice Division.\n", encoding="utf-8")
    ref = datadir / "fixable.reference.txt"
    ref.write_text("He found a safe haven in the Justice Department.\n", encoding="utf-8")
    written = datadir / "fixable.output.txt"
    assert main(["--fix", str(spun), str(ref), str(written), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["errors_before"], figures["errors_after"], figures["harmed"]) == (2, 0, 0)
    assert written.read_text(encoding="utf-8") == ref.read_text(encoding="utf-8")


def test_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err
