"""Scoring: how confident each finding is, how spun each passage is, and the verdict.

Evidence is weighed, not counted:
- an entry's prior weight says how specific it is ("secure haven" is a fingerprint,
  "mentioned" is ordinary English);
- rarity: spinners swap common words for rarer synonyms, so a spun form much rarer than the
  word it displaced (wordfreq Zipf: "gaggle" 2.7 vs "group" 5.6) is stronger evidence;
- displacement: a spinner replaces a word everywhere, so a spun form whose original never
  appears in the document is likelier spun than one sitting beside its original;
- context: ambiguous findings only gain confidence where unambiguous evidence gathers, in the
  same passage and the document. One honest "mentioned" or "army" stays low.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from despin.model import Entry, Kind, Match, Verdict

STRONG = 0.5  # a finding at or above this confidence counts as a fingerprint of spinning
SPUN_THRESHOLD = 0.5  # default document score from which a document can be judged spun
# A swap the lexicon rates at its lowest tier ("had been", "stated", "present": the writer's own
# words far more often than a spinner's) harmed about one edit in six on the seed and held-out
# texts, against one in fifty above it.
LOW_PRIOR = 0.02


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Cut-offs for the document verdict; `spun` is the CLI's --threshold."""

    spun: float = SPUN_THRESHOLD
    suspicious: float = 0.2


# Generated swaps that are guesses: the thesaurus swap table (lexgen/swaps.py) and the rows of the
# spinner's own table seen less often (lexgen/spinner.py): evidence, never safe fixes.
GUESSED_SWAPS = ("gen:swaps", "gen:spinner:likely")


def weak_swap(entry: Entry) -> bool:
    """A one-word swap that is only a guess: GUESSED_SWAPS, or at the lowest prior. Such
    a row says a word may be spun, never what a spinner is known to print."""
    return entry.kind is Kind.SWAP and entry.ambiguous and (entry.source.startswith(GUESSED_SWAPS) or entry.weight <= LOW_PRIOR)


# A generated fingerprint is a guess: a thesaurus's or a spinner table's at what a spinner would
# print from a term it never saw, or a phrase of the news spinner's table that the generator
# could not prove absent from honest English.
# Some of these are what writers say ("close ally", "natural catastrophe", "church buildings":
# honest news had about one such hit per 6,000 words). With no other evidence in its document
# it stays below STRONG, however short the document; where spinning is in evidence it counts
# as any fingerprint does.
LONE_SHIFT = 2.5
NEEDS_COMPANY = ("gen:collocations", "gen:science", "gen:papermill", "gen:spinner")


def needs_company(entry: Entry) -> bool:
    """A generated fingerprint that counts only beside other evidence (see LONE_SHIFT)."""
    return entry.source.startswith(NEEDS_COMPANY)


def _alone(entry: Entry, evidence: Evidence) -> float:
    """The logit a fingerprint that `needs_company` loses for want of other evidence: all of
    LONE_SHIFT where the rest of the document says nothing, none where it says spun."""
    return LONE_SHIFT * (1.0 - evidence.spin_without(entry.spun))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def entry_rarity(entry: Entry, zipf) -> float:
    """Mean Zipf frequency of the displaced words minus that of the words swapped in.

    Only the words that differ count: "secure haven" vs "safe haven" compares secure/safe.
    `zipf` is a word -> Zipf function (wordfreq's), passed in so callers can cache it.
    """
    original = entry.originals[0].lower().split()
    spun_only = [w for w in entry.spun if w not in original and w.isalpha()]
    orig_only = [w for w in original if w not in entry.spun and w.isalpha()]
    if not spun_only or not orig_only:
        return 0.0
    mean = lambda ws: sum(zipf(w) for w in ws) / len(ws)  # noqa: E731
    return round(mean(orig_only) - mean(spun_only), 3)


# How the generators weigh a spun variant of an established expression, and which variants
# they call plain English; the spun-term signal (tablespin.py) weighs its run-time readings
# by the same rules, so a reading and the row a generator would have written agree.
PLAIN_ZIPF, PLAIN_DROP = 4.5, 0.7  # words all this common, swapped by less (Zipf per swap)
LIKELY_SHARE = 0.5  # of the weight, for a variant that took a `likely` table substitute


def variant_weight(per_swap: float, fixed: float, swaps: int) -> float:
    """Prior weight of a variant: rare swaps (Zipf drop per swap) in very fixed expressions
    weigh most; a variant with several swaps a little less."""
    weight = 0.30 + 0.08 * min(per_swap, 4.0) + 0.30 * fixed
    if swaps > 1:
        weight *= 0.85
    return round(min(max(weight, 0.15), 0.95), 2)


def plain_swap(min_zipf: float, per_swap: float) -> bool:
    """A mild swap among very common words: ordinary prose far more often than spinning."""
    return min_zipf >= PLAIN_ZIPF and per_swap < PLAIN_DROP


def base_confidence(match: Match) -> float:
    """Confidence from the entry alone: prior weight moved by rarity of the swap."""
    entry = match.entry
    rarity = max(-2.0, min(3.0, entry.rarity))
    gain = 0.45 if entry.ambiguous else 0.6
    return _sigmoid(_logit(entry.weight) + gain * rarity)


LOWERCASE_NAME_SHIFT = -4.0


def name_case(base: float, match: Match, written: str, spin: float = 0.0) -> float:
    """A mangled name written in lower case is likelier ordinary words than a name.

    Spinners keep the case of what they swap ("Justice Division"), and a writer who means an
    institution capitalises it, so "the criminal tribunal" says less than "the Criminal
    Tribunal". Lower-case titles ("the protection secretary") still count, and count more
    in a document whose other evidence (`spin`) already says it is spun.
    """
    entry = match.entry
    if entry.kind is not Kind.NAME or any(c.isupper() for c in written):
        return base
    if not any(c.isupper() for c in entry.originals[0]):
        return base
    return _sigmoid(_logit(base) + LOWERCASE_NAME_SHIFT * (1.0 - 0.6 * spin))


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document as a whole says: used to weigh its ambiguous findings."""

    spin: float  # probability-like strength of the document's unambiguous evidence, in [0, 1]
    words: int
    strong: float = 0.0  # the unambiguous evidence behind `spin`
    weak: float = 0.0  # the ambiguous evidence behind `spin`
    forms: dict[tuple[str, ...], float] = field(default_factory=dict)  # each unambiguous form's share of `strong`

    def spin_without(self, form: tuple[str, ...]) -> float:
        """`spin` less every occurrence of one unambiguous spun form: what the rest of the
        document says, so that a phrase repeated five times is not its own corroboration."""
        return _spin(max(0.0, self.strong - self.forms.get(form, 0.0)), self.weak, self.words)


def _spin(strong: float, weak: float, words: int) -> float:
    per_page = max(words, 150) / 300.0  # evidence per ~page of text
    return 1.0 - math.exp(-(strong + 0.35 * weak) / per_page)


# The one-word swaps of the spinner's own table (lexgen/spinner.py) cover the commonest words
# of English: a page of honest prose holds dozens of their spun forms ("individuals",
# "however"), so one by one they say nothing of a document. They are what `fix` restores where
# the rest of the evidence says spun, and are left out of that evidence; only their density
# beyond what honest prose holds counts (`table_evidence`).
TABLE_SWAPS = "gen:spinner"


def silent(entry: Entry) -> bool:
    """An entry whose matches are no evidence of spinning (see TABLE_SWAPS)."""
    return entry.ambiguous and entry.source.startswith(TABLE_SWAPS)


# What the table's swaps say together: a spinner replaces a word everywhere, so in spun text
# many of the table's words stand where the words they replace never do. Honest prose of the
# benchmark's tune half holds at most 4.04 such distinct forms per 100 words (99th percentile
# 2.3-4.0 by source, with the table's fourth pass over function words and phrasal outputs);
# beyond TABLE_FLOOR, just above that, each one more counts as evidence.
TABLE_FLOOR = 4.1  # distinct table forms per 100 words whose displaced words are absent
TABLE_GAIN = 1.5  # spin (in the exponent's units) per form per 100 words beyond the floor


def table_evidence(displaced_forms: int, words: int) -> float:
    """Evidence, in `Evidence.strong` units, from the distinct table forms whose displaced
    words are absent from the document."""
    density = 100.0 * displaced_forms / max(words, 150)
    return TABLE_GAIN * max(0.0, density - TABLE_FLOOR) * max(words, 150) / 300.0


def document_evidence(base: Iterable[tuple[Match, float]], words: int, table: float = 0.0) -> Evidence:
    """Strength of the document's evidence: unambiguous findings, plus gathered ambiguous ones,
    plus `table` (`table_evidence`).

    Distinct spun forms count once each at full strength; repeats add less, so one phrase
    quoted five times is not five pieces of evidence. Silent entries do not count one by one.
    """
    seen: set[tuple[str, ...]] = set()
    strong = 0.0
    weak = 0.0
    forms: dict[tuple[str, ...], float] = {}
    for match, conf in base:
        if silent(match.entry):
            continue
        form = match.entry.spun
        share = 0.3 if form in seen else 1.0
        seen.add(form)
        if match.entry.ambiguous:
            weak += conf * share
        else:
            strong += conf * share
            forms[form] = forms.get(form, 0.0) + conf * share
    strong += table
    return Evidence(spin=_spin(strong, weak, words), words=words, strong=strong, weak=weak, forms=forms)


# Logit shift for a single-word swap whose neighbours vouch for the word as written (-1: it
# forms an established pair there and its restoration would not; -2: its restoration could
# not stand there grammatically) or for the restoration (+1).
PAIR_SHIFT = {-2: -6.0, -1: -2.5, 0: 0.0, 1: 0.8}


def contextual_confidence(
    match: Match, base: float, evidence: Evidence, local_strong: float, displaced_absent: bool, pair_fit: int = 0
) -> float:
    """Final confidence: ambiguous findings rise with the document's and passage's evidence.

    `pair_fit` is the word-pair context of a single-word swap (see despin/context.py).
    """
    if not match.entry.ambiguous:
        # Fingerprints gain a little from a spun context and lose a little in a clean one;
        # generated ones lose more there.
        x = _logit(base) + 0.8 * (evidence.spin - 0.3)
        if needs_company(match.entry):
            x -= _alone(match.entry, evidence)
        return _sigmoid(x)
    x = _logit(base) + 3.6 * evidence.spin ** 2 + 0.8 * min(local_strong, 1.5)
    if is_fingerprint(match.entry.kind) and needs_company(match.entry):
        x -= _alone(match.entry, evidence)  # a guessed phrase, ambiguous too
    if match.entry.kind is Kind.NEARMISS:
        x -= 0.5  # no entry vouches for it: it needs more context than a listed swap
    # Absence of the displaced word only means something where spinning is already in evidence.
    x += 0.6 * min(1.0, 3.0 * evidence.spin) if displaced_absent else -0.9
    return _sigmoid(x + PAIR_SHIFT[pair_fit])


def passage_score(confidences: Sequence[float], words: int) -> float:
    """Spin score of a passage in [0, 1]: density of evidence per 100 words, saturating."""
    if not confidences:
        return 0.0  # most passages: what the formula gives for no evidence, without the maths
    evidence = sum(c if c >= STRONG else 0.25 * c for c in confidences)
    density = evidence / max(words, 40) * 100.0
    return round(1.0 - math.exp(-density / 1.5), 3)


def document_score(passages: Iterable[tuple[float, int]]) -> float:
    """Word-weighted combination of passage scores: long clean passages dilute, spun ones add up.

    One pass over (score, words) pairs, so a long document's need not be kept in a list."""
    total = 0
    log_clean = 0.0
    for s, w in passages:
        total += w
        if s:  # a clean passage (score 0) adds exactly 0.0
            log_clean += w * math.log(max(1e-6, 1.0 - s))
    if total == 0:
        return 0.0
    return round(1.0 - math.exp(log_clean / total), 3)


def fingerprint_count(strong: int, sure_ambiguous: int, likely_ambiguous: int) -> int:
    """Distinct fingerprints for the verdict: unambiguous strong forms, plus distinct ambiguous
    forms, two near-certain (>= 0.8) or three likely (>= STRONG) counting as one."""
    return strong + max(sure_ambiguous // 2, likely_ambiguous // 3)


# Fingerprints this many words apart or closer count together for a suspicious verdict (about
# four pages): a spun section gathers them, while a long honest file collects a stray one every
# 100,000 words or so, and two strays in a book are chance, not a spun passage.
GATHER_WORDS = 2_000


def gathered_fingerprints(events: Sequence[tuple[int, str, tuple[str, ...]]], span: int = GATHER_WORDS) -> int:
    """The most fingerprints (counted as `fingerprint_count` counts them) within `span` words.

    `events` are (word position, tier, spun form) for each finding that counts: tier "strong"
    (an unambiguous fingerprint), "sure" (an ambiguous swap >= 0.8) or "likely" (>= STRONG;
    a sure one is listed as likely too).
    """
    ordered = sorted(events)
    forms: dict[str, Counter[tuple[str, ...]]] = {"strong": Counter(), "sure": Counter(), "likely": Counter()}
    best = left = 0
    for at, tier, form in ordered:
        forms[tier][form] += 1
        while ordered[left][0] < at - span:
            _, old_tier, old_form = ordered[left]
            counter = forms[old_tier]
            counter[old_form] -= 1
            if not counter[old_form]:
                del counter[old_form]
            left += 1
        best = max(best, fingerprint_count(len(forms["strong"]), len(forms["sure"]), len(forms["likely"])))
    return best


def verdict(score: float, strong_distinct: int, thresholds: Thresholds, gathered: int | None = None) -> Verdict:
    """Spun needs both a high score and several distinct fingerprints; never a single hit.

    `gathered` is the most fingerprints within GATHER_WORDS words (the whole count when not
    given): two are suspicious only where they gather, so a long honest file is not
    suspicious for two stray hits far apart, while one spun section in it still is.
    """
    gathered = strong_distinct if gathered is None else gathered
    if score >= thresholds.spun and strong_distinct >= 3:
        return Verdict.SPUN
    if gathered >= 2 or score >= thresholds.spun or (strong_distinct and score >= thresholds.suspicious):
        return Verdict.SUSPICIOUS
    return Verdict.CLEAN


def is_fingerprint(kind: Kind) -> bool:
    return kind in (Kind.PHRASE, Kind.NAME, Kind.SCIENCE)
