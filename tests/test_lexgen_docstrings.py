"""The `docstrings` term source (despin/lexgen/docstrings.py): field terms from the docstrings
of pinned scientific packages, read from their wheels without installing them."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from despin.lexgen import docstrings as D


class FakeWordNet:
    """What the term filters ask WordNet: base forms and how many senses each part of speech has."""

    SENSES = {
        "n": {"network": 3, "classification": 2, "descent": 3, "error": 4, "response": 5, "impulse": 2,
              "feel": 2, "guide": 3, "user": 1, "layer": 3, "gradient": 2, "make": 1, "sense": 5},
        "a": {"neural": 2, "binary": 2, "mean": 4, "absolute": 5, "finite": 2, "free": 8},
        "v": {"feel": 13, "guide": 5, "make": 49, "descend": 3},
    }

    def base_forms(self, word: str, pos: str) -> list[str]:
        return [word] if word in self.SENSES.get(pos, {}) else []

    def index(self, pos: str) -> dict[str, tuple[int, ...]]:
        return {w: tuple(range(n)) for w, n in self.SENSES.get(pos, {}).items()}


WN = FakeWordNet()


def _wheel(tmp_path: Path, datadir: Path, name: str, version: str, module: str) -> Path:
    """A wheel holding one module of the fixtures, and a test module that must be skipped."""
    path = tmp_path / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{name}/{module}", (datadir / module).read_text())
        zf.writestr(f"{name}/tests/test_{module}", '"""The binary grouping of tests in tests."""\n')
    return path


# --- what counts as prose ----------------------------------------------------------------


def test_prose_keeps_sentences_and_blanks_code_fields_citations_and_markup(datadir: Path):
    doc = list(D.module_docstrings((datadir / "estimators.py").read_text()))[1]
    text = D.prose(doc)
    assert "The mean absolute error" in text
    assert "Training data for binary classification" in text  # a parameter's description is prose
    for gone in (">>>", "Traceback", "most recent call", "X : array", "Saddle River", "Journal of",
                 ":func:", "n_jobs", "4th", "Box-Cox", "----"):
        assert gone not in text, gone
    assert "transformation of the targets" in text  # the compound is blanked, its sentence kept


def test_every_docstring_of_a_module_is_read_once_per_text(datadir: Path, tmp_path: Path):
    wheel = _wheel(tmp_path, datadir, "estimators", "1.0", "estimators.py")
    texts = list(D.wheel_docstrings(wheel))
    assert len(texts) == 4  # module, function, class, method; the wheel's tests are left out
    assert not any("grouping" in t for t in texts)
    assert list(D.module_docstrings("def broken(:\n")) == []  # unparsable source: nothing, no error


# --- which phrases become terms ----------------------------------------------------------


def test_a_term_recurs_in_two_projects_is_specific_to_the_field_and_is_no_fragment(
    datadir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from despin.lexgen import terms

    # two small modules cannot show the association a real corpus does: these filters are
    # terms.py's own (tested there); here the docstrings source's filters are under test
    monkeypatch.setattr(terms, "MIN_DOCS", 2)
    monkeypatch.setattr(terms, "MIN_PMI", -10.0)
    wheels = [
        _wheel(tmp_path, datadir, "estimators", "1.0", "estimators.py"),
        _wheel(tmp_path, datadir, "models", "2.0", "models.py"),
    ]
    pins = ["estimators==1.0", "models==2.0"]
    general = ["In general prose the mean absolute error is everywhere. " * 50, "The user guide explains it."]
    recurring, defined = D.docstring_terms(WN, pins, cache=tmp_path, general=general)
    found = {" ".join(g) for g in recurring}
    assert {"neural network", "binary classification", "gradient descent"} <= found
    # as common in general prose as in the docstrings: not the field's, though defined (MAE)
    assert "mean absolute error" not in found | {" ".join(g) for g in defined}
    assert "feel free" not in found  # everyday words, and a verb first
    assert "finite impulse" not in found  # only ever the start of "finite impulse response"
    assert len(wheels) == 2


def test_verb_phrases_and_everyday_words_are_not_field_terms():
    assert D.field_term(("neural", "network"), WN)
    assert not D.field_term(("make", "sense"), WN)  # "make" is far more a verb than a noun
    assert not D.mostly_verb("guide", WN)  # 5 verb senses against 3 noun senses


def test_a_two_word_candidate_that_only_starts_a_longer_one_is_a_fragment():
    survey = D.Survey(count=Counter({("finite", "impulse"): 10, ("neural", "network"): 10}),
                      following={("finite", "impulse"): Counter({"response": 9, "of": 1}),
                                 ("neural", "network"): Counter({"for": 7, "with": 3})})
    longer = {("finite", "impulse", "response")}
    assert survey.fragment(("finite", "impulse"), longer)
    assert not survey.fragment(("neural", "network"), longer)  # "for" starts no longer term


# --- the pinned list ---------------------------------------------------------------------


def test_the_pinned_packages_are_exact_and_none_is_installed_here():
    pins = D.read_pins()
    assert len(pins) >= 40
    assert all(p.count("==") == 1 for p in pins), "every package pinned to one version"
    assert len({p.split("==")[0].lower() for p in pins}) == len(pins), "no package twice"
    # the benchmarks' honest corpus reads the descriptions of installed packages
    assert D.installed_conflicts(pins) == []


def test_a_pinned_package_installed_here_is_refused(tmp_path: Path):
    assert D.installed_conflicts(["pytest==0.1", "no-such-package-here==1.0"]) == ["pytest"]
    with pytest.raises(RuntimeError, match="pytest"):
        D.docstring_terms(WN, ["pytest==0.1"], cache=tmp_path, general=[])
