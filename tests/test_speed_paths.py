"""The fast paths give exactly what the plain ones would: batch tokenizing with barriers,
C-level index search, and the near-miss judgement by ranked lookups."""

from __future__ import annotations

import random
from bisect import bisect_left

from despin.nearmiss import MIN_DROP, NearMissDetector
from despin.passages import passage_spans
from despin.tokens import BARRIER, indices, tokenize, tokenize_passages

_PIECES = ["a", "Z", "s", "'", "\u2019", "S", " ", "\n", "\n\n", "9", ".", ",", "\t", "-", "\x1c", "\x85",
           "\u00e9", "\u00a0", "\u3000", "\u0301", "\u0436", "\x00", " \n", "dog's", "It is"]


def _cut_up(text: str, spans: list[tuple[int, int]]) -> tuple[list, list, list, list, list]:
    """The batch the plain way: the whole range tokenized, then cut at each passage's end."""
    whole = tokenize(text, spans[0][0], spans[-1][1])
    texts, norms, starts, ends, bounds = [], [], [], [], []
    a = 0
    for _, end in spans:
        b = bisect_left(whole.starts, end, a)
        first = len(texts)
        texts += whole.texts[a:b] + [BARRIER]
        norms += whole.norms[a:b] + [BARRIER]
        starts += whole.starts[a:b] + [end]
        ends += whole.ends[a:b] + [end]
        bounds.append((first, len(texts) - 1))
        a = b
    return texts, norms, starts, ends, bounds


def test_batch_tokens_with_barriers_are_the_passages_tokens_cut_up():
    rng = random.Random(11)
    tried = 0
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        spans = list(passage_spans(text))
        if not spans:
            continue
        batch = tokenize_passages(text, spans)
        if batch is None:
            continue
        tried += 1
        tokens, bounds = batch
        assert (tokens.texts, tokens.norms, tokens.starts, tokens.ends, bounds) == _cut_up(text, spans), repr(text)
    assert tried > 5_000


def test_a_text_holding_the_mark_is_left_to_the_plain_path():
    text = "One passage.\n\nAnother \x00 one."
    assert tokenize_passages(text, list(passage_spans(text))) is None


def test_indices_finds_every_place_in_order():
    items = ["a", "the", "a", "an", "a"]
    assert indices(items, "a") == [0, 2, 4]
    assert indices(items, "an") == [3]
    assert indices(items, "of") == []


def _nearest_by_walk(detector: NearMissDetector, words: tuple[str, ...]) -> tuple[float, tuple[str, ...]] | None:
    """The judgement as first written: every displaced word walked in list order."""

    def single(table, min_drop, slots):
        best = None
        for k, word in enumerate(words):
            if word not in table:
                continue
            fits = slots.get(words[:k] + ("",) + words[k + 1 :])
            if not fits:
                continue
            pairs = table[word]
            for rank, (original, drop) in enumerate(pairs):
                if drop >= min_drop and original in fits and (best is None or (rank, -drop) < best[:2]):
                    best = (rank, -drop, words[:k] + (original,) + words[k + 1 :])
        return (-best[1], best[2]) if best else None

    found = single(detector.swaps, 0.0, detector._slots_all)
    if not found:
        loose = {w: detector.loosely_displaced(w) for w in detector._loose}
        found = single(loose, MIN_DROP, detector._slots_terms)
        if found and detector._plain(words, found[0]):
            found = None
    return found


def test_ranked_lookups_judge_as_the_walk_through_the_lists_does():
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(12)]
    for _ in range(200):
        phrases = {tuple(rng.sample(vocab, rng.choice((2, 3)))) for _ in range(8)}
        terms = {tuple(rng.sample(vocab, 2)) for _ in range(4)}

        def table():  # repeats and drops on either side of the cut-offs on purpose
            drops = (-0.5, 0.0, 0.005, 0.5, 1.5, 1.5)
            return {
                w: tuple((rng.choice(vocab), rng.choice(drops)) for _ in range(rng.randint(1, 6)))
                for w in rng.sample(vocab, 6)
            }

        zipf = {w: rng.choice((3.0, 5.0)) for w in vocab}
        detector = NearMissDetector(phrases, table(), terms=terms, loose=table(), zipf=zipf)
        for _ in range(30):
            words = tuple(rng.sample(vocab, rng.choice((2, 3))))
            assert detector._nearest(words) == _nearest_by_walk(detector, words), words
