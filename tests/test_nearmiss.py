"""The near-miss signal: one thesaurus swap away from an established expression."""

import time
from pathlib import Path

import pytest

from despin.lexicon import default_dir, default_files, load_files
from despin.model import Kind
from despin.nearmiss import NearMissDetector
from despin.tokens import tokenize


@pytest.fixture
def detector(datadir: Path) -> NearMissDetector:
    return NearMissDetector.load(datadir / "signals")


def found(detector, text):
    return [(text[m.start : m.end], m.entry.original) for m in detector.find(tokenize(text))]


def test_a_rarer_synonym_in_a_known_expression_is_reported(detector):
    assert found(detector, "Gold remained a dependable haven for investors.") == [("dependable haven", "safe haven")]
    assert found(detector, "The bank raised the interest pace.") == [("interest pace", "interest rate")]


def test_matches_carry_a_synthetic_ambiguous_entry(detector):
    (m,) = detector.find(tokenize("A profound learning model."))
    assert m.entry.kind is Kind.NEARMISS and m.entry.ambiguous
    assert m.entry.source == "signal:nearmiss" and m.entry.originals == ("deep learning",)
    assert 0 < m.entry.weight <= 1


def test_a_rarer_swap_weighs_more(detector):
    (strong,) = detector.find(tokenize("a dependable haven"))
    (weak,) = detector.find(tokenize("a safe harbour"))
    assert strong.entry.weight > weak.entry.weight


def test_regular_plural_on_the_last_word_is_matched_and_tagged(detector):
    text = "Two neural organizations were compared."
    (m,) = detector.find(tokenize(text))
    assert text[m.start : m.end] == "neural organizations"
    assert m.inflection == "s" and m.entry.original == "neural network"


def test_es_is_read_as_an_ending_only_where_a_plural_takes_it(detector):
    # "rats" is "rat" + s, but "rates" is no plural of "rat" (that would need "-es" after s,
    # x, z, ch, sh or o, as in "boxes"): the same rule as the matcher's (despin.morph).
    assert found(detector, "Two computer rats.") == [("computer rats", "computer mouse")]
    assert found(detector, "Two computer rates.") == []


def test_known_honest_variants_and_the_expression_itself_stay_quiet(detector):
    assert found(detector, "It is a secure haven. It is a safe haven.") == []


def test_punctuation_breaks_a_window(detector):
    assert found(detector, "It was profound. Learning came later.") == []


def test_honest_sentences_raise_nothing(detector, datadir):
    assert found(detector, (datadir / "honest.txt").read_text()) == []


def test_missing_signal_files_give_a_silent_detector(tmp_path):
    assert NearMissDetector.load(tmp_path).find(tokenize("profound learning")) == []


# --- the shipped signal data ---------------------------------------------------------------

SHIPPED = default_dir() / "signals" / "expressions.txt"
shipped = pytest.mark.skipif(not SHIPPED.exists(), reason="signals not generated")


@shipped
def test_shipped_signals_load_fast():
    started = time.perf_counter()
    NearMissDetector.load()
    assert time.perf_counter() - started < 0.3  # about 30 ms on a developer machine


@shipped
def test_shipped_signals_catch_spun_phrases_that_no_lexicon_file_lists():
    detector = NearMissDetector.load()
    entries, _ = load_files(default_files())
    listed = {e.spun for e in entries}
    # every one-swap variant the signal data implies, minus those any lexicon file lists
    reverse = [(syn, word) for syn, pairs in detector.swaps.items() for word, _ in pairs]
    unlisted = []
    for syn, word in sorted(reverse):
        for expr in ({"interest rate", "deep learning", "stock market", "neural network", "climate change"}):
            words = tuple(expr.split())
            if word in words:
                spun = tuple(syn if w == word else w for w in words)
                if spun not in listed and spun not in detector.honest:
                    unlisted.append((" ".join(spun), expr))
    assert len(unlisted) >= 5
    for spun, expr in unlisted:
        (m,) = detector.find(tokenize(f"The {spun} is discussed."))
        # a form one swap from two expressions ("X market": stock / money) may restore either
        words = spun.split()
        reachable = {
            " ".join(words[:k] + [orig] + words[k + 1 :])
            for k, w in enumerate(words) for orig, _ in detector.displaced(w)
        }
        assert m.entry.original == expr or m.entry.original in reachable & {" ".join(e) for e in detector.expressions}


@shipped
def test_shipped_signals_stay_quiet_on_honest_seed_articles():
    detector = NearMissDetector.load()
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for name in ("001_c32ffcae029ce467.txt", "002_e0d2b7e29866ed03.txt", "003_426fa4c79f14f402.txt", "004_0eeed46843e92817.txt"):
        path = seeds / name
        if path.exists():
            assert found(detector, path.read_text(encoding="utf-8")) == [], name


# --- the two tiers: loose swaps reach technical terms only -----------------------------------


@pytest.fixture
def tiers(datadir: Path) -> NearMissDetector:
    return NearMissDetector.load(datadir / "tiers")


def test_a_loose_swap_counts_inside_a_technical_term_even_when_barely_rarer(tiers):
    assert found(tiers, "We trained a neural organization.") == [("neural organization", "neural network")]


def test_a_loose_swap_never_reaches_an_expression_that_is_not_a_technical_term(tiers):
    assert found(tiers, "Gold is a safe harbour.") == []  # "harbour" is only a loose swap for "haven"
    assert found(tiers, "Gold is a dependable haven.") == [("dependable haven", "safe haven")]


def test_a_mild_loose_swap_among_very_common_words_is_plain_english(tiers):
    assert found(tiers, "They agreed on security cooperation.") == []


def test_two_swaps_are_not_a_near_miss(tiers):
    assert found(tiers, "A picture acknowledgment system.") == []
    assert found(tiers, "A picture recognition system.") == [("picture recognition", "image recognition")]


def test_displaced_words_are_parsed_only_when_a_text_holds_the_word(tiers):
    assert isinstance(tiers._loose["picture"], str)
    tiers.find(tokenize("A picture recognition system."))
    assert tiers.loosely_displaced("picture") == (("image", 1.2),)


def _fits_by_definition(flags: list[int], i: int, size: int) -> bool:
    """The window rule written out: one swapped-in word of a tier, the other words in the
    places an expression (strict) or a technical term (loose) has them."""
    from despin.nearmiss import _A2, _A3, _LOOSE, _STRICT, _T2, _T3

    window = flags[i : i + size]
    if len(window) < size:
        return False
    for swap, places in ((_STRICT, {2: _A2, 3: _A3}[size]), (_LOOSE, {2: _T2, 3: _T3}[size])):
        for k in range(size):
            others = all(window[j] & places[j] for j in range(size) if j != k)
            if window[k] & swap and others:
                return True
    return False


def test_the_packed_window_filter_keeps_exactly_the_windows_the_rule_admits():
    import random

    from despin.nearmiss import _windows

    rng = random.Random(7)
    for _ in range(200):
        flags = [rng.getrandbits(13) & rng.getrandbits(13) for _ in range(rng.randint(1, 12))]
        windows = _windows(flags)
        assert len(windows) == len(flags)
        for i in range(len(flags)):
            assert bool(windows[i] & 1) == _fits_by_definition(flags, i, 2), (flags, i)
            assert bool(windows[i] & 2) == _fits_by_definition(flags, i, 3), (flags, i)
