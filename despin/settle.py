"""How a signal's match joins the lexicon's matches in a passage.

Signals (despin/grammar.py, despin/nearmiss.py, despin/tablespin.py) find what no entry lists.
Grammar breaks are evidence beside the entries; the other signals fill the gaps between them,
except that a near miss, which reads its words against a known expression, settles the
thesaurus-guessed one-word swaps inside its span, and a spun term stands for the guesses and
the agreeing shorter matches inside its span.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from despin.model import Entry, Kind, Match
from despin.scoring import weak_swap
from despin.tablespin import SOURCE as SPUN_TERM
from despin.tokens import phrase_key


def add_signal_match(matches: list[Match], taken: dict[int, Match], found: Match) -> None:
    """Add a signal's match to the entries' `matches` (`taken`: token index -> its match).

    Grammar breaks are extra evidence beside an entry. Other signals fill gaps, except that
    a near miss settles the one-word swaps inside its span (`_settle`).
    """
    span = range(found.first, found.last + 1)
    if found.entry.kind is Kind.GRAMMAR:
        matches.append(found)
        return
    held = list({id(x): x for i in span if (x := taken.get(i)) is not None}.values())
    if not held:
        matches.append(found)
        taken.update(dict.fromkeys(span, found))
        return
    settled = _absorb(found, held) if found.entry.source == SPUN_TERM else _settle(found, held)
    if settled is None:
        return
    gone = {id(x) for x in held}
    matches[:] = [x for x in matches if id(x) not in gone]
    matches.append(settled)
    taken.update(dict.fromkeys(range(settled.first, settled.last + 1), settled))


def _absorb(spun_term: Match, held: list[Match]) -> Match | None:
    """The spun term (despin/tablespin.py) in place of the matches inside its span, or None
    to keep them.

    The term reads every word of its span back, so it stands for the one-word guesses there
    (`scoring.weak_swap`) and for shorter ambiguous rows that restore their words as it does
    ("handling unit" -> "processing unit" inside "illustrations handling unit" -> "graphics
    processing unit"), taking the weight of the heaviest such row: a listed reading vouches
    for its part. A fingerprint (an unambiguous row), a row that restores a word otherwise or
    reaches outside the span is a listed reading the signal's guess does not overrule.
    """
    first = spun_term.first
    reading = phrase_key(spun_term.entry.originals[0])
    if len(reading) != spun_term.last - first + 1:
        return None
    weight = spun_term.entry.weight
    for m in held:
        if m.first < first or m.last > spun_term.last:
            return None
        if weak_swap(m.entry):
            continue
        if not m.entry.ambiguous or phrase_key(m.entry.originals[0]) != reading[m.first - first : m.last - first + 1]:
            return None
        weight = max(weight, m.entry.weight)
    if weight == spun_term.entry.weight:
        return spun_term
    return replace(spun_term, entry=_weighted(spun_term.entry, weight))


@lru_cache(maxsize=4096)
def _weighted(entry: Entry, weight: float) -> Entry:
    """The entry with another prior weight (one Entry per pair, as `_retargeted`)."""
    return replace(entry, weight=weight)


def _settle(nearmiss: Match, held: list[Match]) -> Match | None:
    """What stands for a near miss and the ambiguous one-word swaps inside its span, or None
    to keep the swaps as they are.

    Only swaps that are mere guesses (`scoring.weak_swap`) are settled: a spinner's known
    habit outweighs the expression's reading. The near miss reads the span against a known
    expression: the words it keeps as written are the writer's ("component" in "principal
    component scrutiny" -> "principal component analysis"), so swaps found on them are
    dropped and the near miss stands. Where a swap was found on the very word the near miss
    replaces, both agree that word is spun and the expression says what it replaced: the swap
    stands, retargeted to that word ("component extraction": component -> feature, not part),
    with its own weight.
    """
    if nearmiss.entry.kind is not Kind.NEARMISS:
        return None
    written, expression = nearmiss.entry.spun, phrase_key(nearmiss.entry.originals[0])
    if len(expression) != len(written):
        return None
    last = len(written) - 1
    differ = [k for k, (w, e) in enumerate(zip(written, expression)) if w != e]
    # one word is swapped; a plural last word differs from the expression's singular too
    swapped = differ[0] if len(differ) == 1 else next((k for k in differ if k != last), None)
    on_swap = None
    for m in held:
        entry = m.entry
        if not weak_swap(entry) or m.first != m.last:
            return None
        k = m.first - nearmiss.first
        if not 0 <= k <= last:
            return None
        if k == swapped:
            # the restoration must carry the same inflection the swap found on the word
            if m.inflection and (k != last or m.inflection != nearmiss.inflection):
                return None
            on_swap = (m, expression[k])
    if on_swap is None:
        return nearmiss
    m, word = on_swap
    return replace(m, entry=_retargeted(m.entry, word))


@lru_cache(maxsize=4096)
def _retargeted(entry: Entry, original: str) -> Entry:
    """The entry with `original` as its likeliest original (one Entry per pair, so what the
    scorer works out per entry is still worked out once)."""
    if entry.originals[0] == original:
        return entry
    return replace(entry, originals=(original, *(o for o in entry.originals if o != original)))
