"""Measuring restoration: word error rate against a reference, before and after fixing.

    python -m despin.evaluate SPUN REFERENCE OUTPUT
    python -m despin.evaluate --fix SPUN REFERENCE [OUTPUT]

WER before compares the spun text with the reference original, WER after the restored
output with it; the error reduction is 1 - after / before. A restorer can also break what
was right, so the words it changed that already matched the reference are counted as
harmed. Words are compared case-sensitively (a wrong capital is a wrong word) with
apostrophes made straight; punctuation is not a word.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['\u2019.\-][\p{L}\p{N}]+)*")
_KEEP, _SUB, _DEL, _INS = 0, 1, 2, 3


def words(text: str) -> list[str]:
    """Word tokens of a text: letters and digits, inner apostrophes, dots and hyphens kept."""
    return [w.replace("\u2019", "'") for w in _WORD.findall(text)]


def align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int | None, int | None]]:
    """A minimum edit-distance alignment of word lists `a` and `b`.

    Returns (op, i, j) steps: keep and substitute pair a[i] with b[j]; delete has j None;
    insert has i None. Common prefix and suffix are kept without filling the table.
    """
    pre = 0
    while pre < min(len(a), len(b)) and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < min(len(a), len(b)) - pre and a[len(a) - 1 - suf] == b[len(b) - 1 - suf]:
        suf += 1
    ma, mb = a[pre : len(a) - suf], b[pre : len(b) - suf]
    n, m = len(ma), len(mb)
    # Distance table row by row, with the step taken into each cell for the backtrace.
    steps = [bytearray(m + 1) for _ in range(n + 1)]
    prev = list(range(m + 1))
    for j in range(1, m + 1):
        steps[0][j] = _INS
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        row = steps[i]
        row[0] = _DEL
        x = ma[i - 1]
        for j in range(1, m + 1):
            if x == mb[j - 1]:
                best, op = prev[j - 1], _KEEP
            else:
                best, op = prev[j - 1] + 1, _SUB
            if prev[j] + 1 < best:
                best, op = prev[j] + 1, _DEL
            if cur[j - 1] + 1 < best:
                best, op = cur[j - 1] + 1, _INS
            cur[j] = best
            row[j] = op
        prev = cur
    middle: list[tuple[int, int | None, int | None]] = []
    i, j = n, m
    while i or j:
        op = steps[i][j]
        if op in (_KEEP, _SUB) and i and j:
            middle.append((op, pre + i - 1, pre + j - 1))
            i, j = i - 1, j - 1
        elif op == _DEL or not j:
            middle.append((_DEL, pre + i - 1, None))
            i -= 1
        else:
            middle.append((_INS, None, pre + j - 1))
            j -= 1
    head = [(_KEEP, k, k) for k in range(pre)]
    tail = [(_KEEP, len(a) - suf + k, len(b) - suf + k) for k in range(suf)]
    return head + middle[::-1] + tail


def errors(hyp: Sequence[str], ref: Sequence[str]) -> int:
    """Word-level edit distance: substitutions + deletions + insertions."""
    return sum(1 for op, _, _ in align(hyp, ref) if op != _KEEP)


def _kept(hyp: Sequence[str], other: Sequence[str]) -> set[int]:
    """Indices of `hyp` words aligned unchanged to a word of `other`."""
    return {i for op, i, _ in align(hyp, other) if op == _KEEP and i is not None}


@dataclass(frozen=True, slots=True)
class Score:
    reference_words: int
    errors_before: int
    errors_after: int
    wer_before: float
    wer_after: float
    reduction: float
    changed: int  # spun words the tool replaced or removed
    harmed: int  # of those, words that already matched the reference


def score(spun: str, reference: str, output: str) -> Score:
    """Compare a spun text and its restoration with the reference original."""
    s, r, o = words(spun), words(reference), words(output)
    before, after = errors(s, r), errors(o, r)
    right = _kept(s, r)
    kept_by_tool = _kept(s, o)
    changed = set(range(len(s))) - kept_by_tool
    n = max(len(r), 1)
    reduction = 1.0 - after / before if before else 0.0
    return Score(
        reference_words=len(r),
        errors_before=before,
        errors_after=after,
        wer_before=round(before / n, 4),
        wer_after=round(after / n, 4),
        reduction=round(reduction, 4),
        changed=len(changed),
        harmed=len(changed & right),
    )


def harmed_words(spun: str, reference: str, output: str) -> list[str]:
    """The spun words that matched the reference but the tool changed, for inspection."""
    s, r, o = words(spun), words(reference), words(output)
    bad = _kept(s, r) - _kept(s, o)
    return [s[i] for i in sorted(bad)]


def residual(output: str, reference: str) -> list[str]:
    """Remaining differences, "out -> ref" per aligned run, for inspection."""
    o, r = words(output), words(reference)
    out: list[str] = []
    run_o: list[str] = []
    run_r: list[str] = []
    for op, i, j in align(o, r) + [(_KEEP, None, None)]:
        if op == _KEEP:
            if run_o or run_r:
                out.append(f"{' '.join(run_o) or '-'} -> {' '.join(run_r) or '-'}")
                run_o, run_r = [], []
            continue
        if i is not None:
            run_o.append(o[i])
        if j is not None:
            run_r.append(r[j])
    return out


def _fixed(spun_path: str, min_confidence: float, unsafe: bool) -> str:
    from despin.document import read_document
    from despin.engine import Engine, Options
    from despin.rewrite import plan, apply

    doc = read_document(spun_path)
    report = Engine(Options()).analyze(doc)
    return apply(doc.text, plan(report, doc.text, min_confidence, unsafe).edits)


def main(argv: Sequence[str] | None = None) -> int:
    from despin.document import read_document
    from despin.errors import DespinError
    from despin.rewrite import DEFAULT_MIN_CONFIDENCE

    ap = argparse.ArgumentParser(prog="python -m despin.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("spun", help="the spun text")
    ap.add_argument("reference", help="the original the spun text was made from")
    ap.add_argument("output", nargs="?", help="the restored text (with --fix: where to write it, optional)")
    ap.add_argument("--fix", action="store_true", help="restore SPUN with despin itself instead of reading OUTPUT")
    ap.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, help="with --fix: as `despin fix`")
    ap.add_argument("--unsafe-fixes", action="store_true", help="with --fix: apply unsafe edits too")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list harmed words and remaining differences")
    args = ap.parse_args(argv)
    if not args.fix and not args.output:
        ap.error("OUTPUT is required unless --fix is given")
    try:
        spun = read_document(args.spun).text
        reference = read_document(args.reference).text
        if args.fix:
            output = _fixed(args.spun, args.min_confidence, args.unsafe_fixes)
            if args.output:
                with open(args.output, "w", encoding="utf-8", newline="") as fh:
                    fh.write(output)
        else:
            output = read_document(args.output).text
    except (DespinError, OSError) as err:
        print(f"despin.evaluate: error: {err}", file=sys.stderr)
        return 2
    result = score(spun, reference, output)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
    else:
        print(f"reference words  {result.reference_words}")
        print(f"WER before       {result.wer_before:.4f}  ({result.errors_before} errors)")
        print(f"WER after        {result.wer_after:.4f}  ({result.errors_after} errors)")
        print(f"error reduction  {result.reduction:.4f}")
        print(f"words changed    {result.changed}")
        print(f"harmed           {result.harmed}")
    if args.verbose:
        print("harmed words:", ", ".join(harmed_words(spun, reference, output)) or "none")
        print("remaining differences (output -> reference):")
        for line in residual(output, reference):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
