"""The compiled lexicon cache: reused while the files are unchanged, rebuilt when they change."""

from __future__ import annotations

import shutil

import pytest

from despin.compiled import KEEP_CACHES, cache_dir, load_matcher
from despin.tokens import tokenize


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return cache_dir()


def spun_forms(matcher, text: str) -> list[str]:
    return [" ".join(m.entry.spun) for m in matcher.find(tokenize(text, 0, len(text)))]


def test_a_compiled_lexicon_is_cached_and_matches_like_a_fresh_one(datadir, cache):
    lexicon = datadir / "small.tsv"
    first = load_matcher([lexicon], use_default=False)
    assert len(list(cache.glob("lexicon-*.pickle"))) == 1
    again = load_matcher([lexicon], use_default=False)
    text = "Two secure havens and a secure haven."
    assert spun_forms(again, text) == spun_forms(first, text) == ["secure haven", "secure haven"]
    assert again.entry(0) == first.entry(0)


def test_a_changed_lexicon_file_is_compiled_again(datadir, cache):
    lexicon = datadir / "small.tsv"
    load_matcher([lexicon], use_default=False)
    with lexicon.open("a", encoding="utf-8") as fh:
        fh.write("zzz vessel\tvessel\tscience\t0.90\t-\tcurated:test\n")
    changed = load_matcher([lexicon], use_default=False)
    assert spun_forms(changed, "the zzz vessel") == ["zzz vessel"]


def test_a_corrupt_cache_file_is_rebuilt_not_an_error(datadir, cache):
    lexicon = datadir / "small.tsv"
    load_matcher([lexicon], use_default=False)
    (target,) = cache.glob("lexicon-*.pickle")
    target.write_bytes(b"not a pickle")
    assert spun_forms(load_matcher([lexicon], use_default=False), "a secure haven") == ["secure haven"]


def test_old_compiled_lexicons_are_pruned(datadir, tmp_path, cache):
    for n in range(KEEP_CACHES + 3):
        copy = tmp_path / f"lexicon{n}.tsv"
        shutil.copy(datadir / "small.tsv", copy)
        load_matcher([copy], use_default=False)
    assert len(list(cache.glob("lexicon-*.pickle"))) == KEEP_CACHES


def test_the_near_miss_signal_is_cached_and_finds_what_a_fresh_one_finds(cache):
    from despin.compiled import load_signals
    from despin.tokens import tokenize

    tokens = tokenize("We trained a deep neural organization on the collected information.")
    fresh = load_signals(use_cache=False).nearmiss
    assert fresh(tokens)  # "neural organization": a near miss of "neural network"
    first = load_signals().nearmiss  # builds and writes the cache
    assert list(cache.glob("nearmiss-*.pickle"))
    again = load_signals().nearmiss  # reads it
    assert [m.entry.originals for m in again(tokens)] == [m.entry.originals for m in fresh(tokens)]
    assert [m.entry.originals for m in first(tokens)] == [m.entry.originals for m in fresh(tokens)]
