"""The detector: text -> passages -> tokens -> matches -> scored findings -> Report.

It never reads files or prints; the commands do that. `view` is the text with non-prose
blanked to spaces of the same length (see `markup.prose_view`), so tokens are taken from
the view while offsets, lines and columns stay those of the real text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from bisect import bisect_left
from operator import attrgetter, itemgetter
from typing import NamedTuple

from despin.casing import transfer_case, with_inflection
from despin.context import agreement_fit, cannot_stand, construction_fit, established, load_pairs, load_pos
from despin.grammar import article_breaks
from despin.matcher import Matcher, contains
from despin.model import Finding, Kind, Match, Passage, Report, Token
from despin.morph import inflected_forms
from despin.passages import LineIndex, passage_spans
from despin.settle import add_signal_match
from despin.slugs import slug_view
from despin.scoring import (
    STRONG,
    Thresholds,
    base_confidence,
    contextual_confidence,
    name_case,
    document_evidence,
    silent,
    table_evidence,
    document_score,
    gathered_fingerprints,
    passage_score,
    verdict,
)
from despin.tokens import BARRIER, Tokens, indices, is_word_text, phrase_key, tokenize, tokenize_passages

Signal = Callable[[Sequence[Token]], list[Match]]


class _Scan(NamedTuple):
    """One passage after matching, before scoring (a named tuple: one is made per passage,
    most of them without matches, and a tuple is several times cheaper to make)."""

    start: int
    end: int
    matches: list[Match]
    words: int
    fits: dict[int, int]  # id(match) -> word-pair context (see _pair_fit); tokens are not kept
    address: bool = False  # made of URL slugs: reported, but no part of the verdict


def analyze(
    text: str,
    path: str,
    matcher: Matcher,
    *,
    view: str | None = None,
    signals: Sequence[Signal] = (article_breaks,),
    thresholds: Thresholds = Thresholds(),
    keep: Callable[[Sequence[Match]], list[Match]] | None = None,
) -> Report:
    """Find, score and judge the spinning in one document.

    `keep` drops matches before scoring (suppressed, ignored, baselined: see suppress.py).
    """
    view = text if view is None else view
    if len(view) != len(text):
        raise ValueError("the prose view must have the same length as the text")
    # Passages are scanned a batch at a time and only their matches kept, so memory follows
    # the number of findings, not the length of the text.
    vocabulary: set[str] = set()
    spans = list(passage_spans(view))
    scans = [
        scan
        for k in range(0, len(spans), _BATCH)
        for scan in _scan(view, spans[k : k + _BATCH], matcher, signals, vocabulary)
    ]
    slugs = _address_scans(text, view, matcher)
    if slugs:
        scans = sorted(scans + slugs, key=lambda scan: scan.start)  # stable: a slug follows its passage
    words = sum(scan.words for scan in scans if not scan.address)
    if any(m.entry.requires or m.entry.excludes for scan in scans for m in scan.matches):
        norms = tokenize(view).norms  # AND/NOT clauses (screener entries) need the sequence
        for scan in scans:
            scan.matches[:] = [m for m in scan.matches if _clauses_hold(m, norms)]
    if keep is not None:
        kept = {id(m) for m in keep([m for scan in scans for m in scan.matches])}
        for scan in scans:
            scan.matches[:] = [m for m in scan.matches if id(m) in kept]

    # Every finding is scored, weak ones included (~550 per 10,000 words of honest prose), so
    # what depends only on the entry (its prior, whether its displaced words are in the
    # document, its suggestion for one spelling) is worked out once per entry, not per match.
    # A match's base confidence is its entry's prior, but for names (few): nothing is kept per
    # match that the Findings do not keep anyway, for a long file has hundreds of thousands.
    priors: dict[int, float] = {}  # id(entry) -> its confidence from the entry alone
    named: dict[int, float] = {}  # id(match) -> base confidence of a name
    for scan in scans:
        for m in scan.matches:
            entry = m.entry
            prior = priors.get(id(entry))
            if prior is None:
                prior = priors[id(entry)] = base_confidence(m)
            if entry.kind is Kind.NAME:
                # Names written in lower case count less; how much less depends on the
                # document's evidence, which is first weighed with the full discount.
                named[id(m)] = name_case(prior, m, text[m.start : m.end])

    def base_of(m: Match) -> float:
        return named[id(m)] if m.entry.kind is Kind.NAME else priors[id(m.entry)]

    absent_of: dict[int, bool] = {}  # id(entry) -> whether its displaced words are absent

    def absent_for(m: Match) -> bool:
        found = absent_of.get(id(m.entry))
        if found is None:
            found = absent_of[id(m.entry)] = _displaced_absent(m, vocabulary)
        return found

    displaced_forms = {  # table forms whose displaced words are absent
        m.entry.spun for scan in scans if not scan.address for m in scan.matches if silent(m.entry) and absent_for(m)
    }
    table = table_evidence(len(displaced_forms), words)
    evidence = document_evidence(((m, base_of(m)) for scan in scans for m in scan.matches), words, table)
    lines = LineIndex(text)
    passages: list[Passage] = []
    gathering: list[tuple[int, str, tuple[str, ...]]] = []  # (word position, tier, form): see gathered_fingerprints
    at = 0  # prose words before the current passage
    suggestions: dict[tuple[int, str, str], str] = {}
    confidences: dict[tuple[int, float, float, bool, int], tuple[float, float]] = {}  # see below
    for scan in scans:
        if not scan.matches:
            line, _ = lines.position(scan.start)
            score = passage_score((), scan.words)
            passages.append(Passage(scan.start, scan.end, scan.words, score, (), line))
            at += scan.words  # (slug passages always hold matches: this one is prose)
            continue
        local = sum(base_of(m) for m in scan.matches if not m.entry.ambiguous)
        findings = []
        for m in scan.matches:
            entry = m.entry
            key = id(m)
            absent = absent_for(m)
            fit = scan.fits.get(key, 0)
            spun = text[m.start : m.end]
            prior = priors[id(entry)]
            if entry.kind is Kind.NAME:
                prior = name_case(prior, m, spun, evidence.spin)
            # The confidence follows from these and the document's evidence alone, and most
            # findings share them with an earlier one (a weak swap repeats, far from evidence).
            context = (id(entry), prior, local, absent, fit)
            scored = confidences.get(context)
            if scored is None:
                conf = contextual_confidence(m, prior, evidence, local, absent, fit)
                scored = confidences[context] = (conf, round(conf, 3))
            conf, shown_conf = scored
            line, col = lines.position(m.start)
            shown = (id(entry), m.inflection, spun)
            suggestion = suggestions.get(shown)
            if suggestion is None:
                suggestion = suggestions[shown] = _suggest(m, spun)
            findings.append(Finding(m, spun, suggestion, shown_conf, line, col, entry.rarity))
            if conf >= STRONG and not scan.address:
                if not entry.ambiguous:
                    gathering.append((at, "strong", entry.spun))
                else:
                    gathering.append((at, "likely", entry.spun))
                    if conf >= 0.8:
                        gathering.append((at, "sure", entry.spun))
        score = passage_score([f.confidence for f in findings], scan.words)
        line, _ = lines.position(scan.start)
        passages.append(Passage(scan.start, scan.end, scan.words, score, tuple(findings), line))
        if not scan.address:
            at += scan.words
    # A link to a spun page does not make its document spun: slugs are shown, not counted.
    doc_score = document_score((p.score, p.words) for p, scan in zip(passages, scans) if not scan.address)
    # Ambiguous findings add up too, by distinct form: two near-certain ones, or three that
    # context made likely, count as one fingerprint (a spinner that leaves no multiword
    # damage still swaps many different words; the score gate keeps long honest texts clean).
    # Counted over the whole document for a spun verdict, and where they gather for a
    # suspicious one (see gathered_fingerprints).
    fingerprints = gathered_fingerprints(gathering, span=words)
    return Report(
        path=path,
        passages=tuple(passages),
        verdict=verdict(doc_score, fingerprints, thresholds, gathered_fingerprints(gathering)),
        score=doc_score,
        words=words,
    )


def _address_scans(text: str, view: str, matcher: Matcher) -> list[_Scan]:
    """Passages made of the URL slugs the prose view left out (see slugs.py).

    Only fingerprints count there: a slug is a headline without its grammar, too short to
    judge an ambiguous swap by. Their matches are marked, so they are reported, never fixed.
    """
    slugs = slug_view(text, view)
    if not slugs:
        return []
    scans = _scan(slugs, list(passage_spans(slugs)), matcher, (), set())
    for scan in scans:
        # (no word-pair context to keep: that is only ever found for ambiguous swaps)
        scan.matches[:] = [replace(m, address=True) for m in scan.matches if not m.entry.ambiguous]
    return [scan._replace(address=True) for scan in scans if scan.matches]


def _scan(
    view: str, spans: Sequence[tuple[int, int]], matcher: Matcher, signals: Sequence[Signal], vocabulary: set[str]
) -> list[_Scan]:
    """Match a batch of passages; their words join the document's `vocabulary`.

    The passages' tokens are laid end to end with a barrier token between them, so each
    matcher runs once per batch rather than once per (often one-line) passage, and no
    match can join the end of one passage to the start of the next.
    """
    tokens, bounds = _batch_tokens(view, spans)
    distinct = tokens.distinct()
    vocabulary |= distinct
    matches = [m for m in matcher.find(tokens, distinct) if _inflection_holds(m)]
    taken = {i: m for m in matches for i in range(m.first, m.last + 1)}
    for signal in signals:
        for m in signal(tokens):
            add_signal_match(matches, taken, m)
    # By start, the longer first: two C-level sorts (stable) instead of a key tuple per match.
    matches.sort(key=_END_OF, reverse=True)
    matches.sort(key=_START_OF)
    fits = _pair_fits(matches, tokens)
    # Which tokens are words, a byte each: a passage's words are then counted in C.
    alpha = bytes(map(str.isalpha, map(itemgetter(0), tokens.texts)))
    # A possessive 's counts as a word too; it is rare, so its places are found by C-level
    # search (`list.index`) rather than a count kept at every token.
    possessives = indices(tokens.norms, "'s")
    scans: list[_Scan] = []
    pos = 0
    held = 0  # possessives before the current passage
    for (start, end), (first, stop) in zip(spans, bounds):
        own = []
        while pos < len(matches) and matches[pos].first < stop:
            own.append(matches[pos])
            pos += 1
        count = alpha.count(1, first, stop)
        while held < len(possessives) and possessives[held] < stop:
            held += 1
            count += 1
        scans.append(_Scan(start, end, own, count, {id(m): fits[id(m)] for m in own if id(m) in fits} if own else {}))
    return scans


_BATCH = 256  # passages scanned together: few enough to keep memory small
_START_OF, _END_OF = attrgetter("start"), attrgetter("end")


def _batch_tokens(view: str, spans: Sequence[tuple[int, int]]) -> tuple[Tokens, list[tuple[int, int]]]:
    """The tokens of the passages with a barrier between each two, and each passage's
    [first, stop) token range.

    The batch is tokenized in one go: only whitespace lies between passages, and no token
    holds whitespace, so its tokens are exactly the passages' tokens one after another.
    Mostly the barriers come from that one split (`tokenize_passages`); where the text rules
    that out, the batch's tokens are cut up passage by passage here.
    """
    batch = tokenize_passages(view, spans)
    if batch is not None:
        return batch
    whole = tokenize(view, spans[0][0], spans[-1][1])
    texts: list[str] = []
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    bounds = []
    a = 0
    for start, end in spans:
        b = bisect_left(whole.starts, end, a)
        first = len(texts)
        texts += whole.texts[a:b]
        norms += whole.norms[a:b]
        starts += whole.starts[a:b]
        ends += whole.ends[a:b]
        bounds.append((first, len(texts)))
        texts.append(BARRIER)
        norms.append(BARRIER)
        starts.append(end)
        ends.append(end)
        a = b
    return Tokens(texts, norms, starts, ends), bounds


def _clauses_hold(match: Match, norms: list[str]) -> bool:
    """AND/NOT clauses of screener entries: other phrases the document must (not) contain."""
    entry = match.entry
    if not entry.requires and not entry.excludes:
        return True
    return all(contains(norms, p) for p in entry.requires) and not any(
        contains(norms, p) for p in entry.excludes
    )


def _inflection_holds(match: Match) -> bool:
    """Whether the restoration can carry the ending the matcher read on the spun word.

    The matcher finds an entry under a regular ending ("grouping" as "group" + ing); an
    ending the original cannot take ("organizationing", "serieses") means the reading is
    wrong, and the match would only hide a better one (a near miss on the same words).
    """
    endings = match.entry.endings
    return not match.inflection or endings is None or match.inflection in endings.split()


def _restored_words(matches: Sequence[Match]) -> dict[int, str]:
    """Token index -> the word it becomes once restored, where a match maps word for word."""
    out: dict[int, str] = {}
    for m in matches:
        words = phrase_key(m.entry.originals[0]) if m.entry.originals else ()
        if m.entry.kind is not Kind.GRAMMAR and len(words) == m.last - m.first + 1:
            out.update(zip(range(m.first, m.last + 1), words))
    return out


def _pair_fits(matches: Sequence[Match], tokens: Tokens) -> dict[int, int]:
    """id(match) -> the word-pair context of each match for which it is not 0: -2 its
    restoration could not stand there, -1 the word as written sits in an established pair or
    construction (or agrees with its verb) and its restoration would not, +1 the reverse, 0
    neither or both (see context.py). Only ambiguous swaps restored to one word have one.

    Every weak swap of a text comes here (most findings), so the neighbours are read inline
    and each entry's original is looked up once."""
    restored = _restored_words(matches)
    norms, texts = tokens.norms, tokens.texts
    size = len(norms)
    originals: dict[int, str | None] = {}  # id(entry) -> its one-word original, None if it has none
    out: dict[int, int] = {}
    for match in matches:
        entry = match.entry
        if entry.kind is not Kind.SWAP or not entry.ambiguous:
            continue
        original = originals.get(id(entry), "")
        if original == "":
            words = phrase_key(entry.originals[0]) if entry.originals else ()
            original = originals[id(entry)] = words[0] if len(words) == 1 else None
        if original is None:
            continue
        first, last = match.first, match.last
        right = _reading(norms, texts, size, last + 1, restored)
        if first != last:
            fit = construction_fit(load_pos(), tuple(norms[first : last + 1]), right[0] if right else None)
        else:
            left = _reading(norms, texts, size, first - 1, restored)
            fit = _context_fit(norms[first], original, match.inflection, left, right)
        if fit:
            out[id(match)] = fit
    return out


def _reading(norms: list[str], texts: list[str], size: int, i: int, restored: dict[int, str]) -> tuple[str, ...]:
    """The neighbour at token `i` as written and, if it differs, as restored; () for none."""
    if not 0 <= i < size or not is_word_text(texts[i]):
        return ()
    word = norms[i]
    other = restored.get(i, word)
    return (word,) if other == word else (word, other)


@lru_cache(maxsize=65536)
def _context_fit(word: str, original: str, inflection: str, left: tuple[str, ...], right: tuple[str, ...]) -> int:
    """`_pair_fit` for one word in its neighbours' readings; cached, for honest text repeats
    the same contexts ("the function returns") thousands of times."""
    table = load_pos()
    before = left[0] if left else None
    if cannot_stand(table, word, original, inflection, before, bool(right)):
        return -2
    agreement = agreement_fit(table, word, original, right[0] if right else None)
    if agreement:
        return agreement
    if not left and not right:
        return 0
    # `context.fits`, a pair of neighbours at a time: far fewer pairs than contexts recur.
    as_written = _established(left, (word,)) or _established((word,), right)
    as_restored = _established(left, (original,)) or _established((original,), right)
    return (as_restored > as_written) - (as_written > as_restored)


@lru_cache(maxsize=65536)
def _established(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """`context.established` over the default pairs, cached per pair of readings."""
    return established(load_pairs(), first, second)


def _displaced_absent(match: Match, vocabulary: set[str]) -> bool:
    """Whether the words the spun form displaced are missing from the whole document, in
    any regular form ("organizations" present => "organization" is not displaced)."""
    original = phrase_key(match.entry.originals[0])
    differing = [w for w in original if w not in match.entry.spun]
    return not differing or not any(
        w in vocabulary or not vocabulary.isdisjoint(inflected_forms(w)) for w in differing
    )


def _suggest(match: Match, spun: str) -> str:
    """The likely original for display, in the form `fix` would write it for the `spun` text
    it matched (inflection restored, case carried over word by word: see casing.transfer_case)."""
    return transfer_case(spun, with_inflection(match.entry.originals[0], match.inflection))
