#!/usr/bin/env python3
"""Apply swaps.tsv to each NAME.original.txt and compare with NAME.spun.txt.

Rule: swaps for a file are applied in log order; each `original` is replaced at
its next whole-word occurrence (case-sensitive) at or after the end of the
previous replacement. Text not covered by a swap is left unchanged.
Exit status 0 if every file reproduces its spun version exactly.
"""
import csv, os, re, sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))

def load_swaps(path):
    swaps = OrderedDict()
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows[0] != ["file", "original", "spun"]:
        sys.exit(f"bad header: {rows[0]}")
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != 3 or not row[1] or not row[2]:
            sys.exit(f"swaps.tsv line {n}: malformed row {row}")
        swaps.setdefault(row[0], []).append((n, row[1], row[2]))
    return swaps

def apply(text, swaps):
    pos = 0
    for line_no, orig, spun in swaps:
        pat = re.compile(r"(?<!\w)" + re.escape(orig) + r"(?!\w)")
        m = pat.search(text, pos)
        if not m:
            raise ValueError(f"swaps.tsv line {line_no}: '{orig}' not found after offset {pos}")
        text = text[:m.start()] + spun + text[m.end():]
        pos = m.start() + len(spun)
    return text

def main():
    swaps = load_swaps(os.path.join(HERE, "swaps.tsv"))
    originals = sorted(f for f in os.listdir(HERE) if f.endswith(".original.txt"))
    ok = True
    for fname in originals:
        name = fname[: -len(".original.txt")]
        orig = open(os.path.join(HERE, fname), encoding="utf-8").read()
        spun = open(os.path.join(HERE, name + ".spun.txt"), encoding="utf-8").read()
        try:
            got = apply(orig, swaps.get(name, []))
        except ValueError as e:
            print(f"{name}: FAIL {e}"); ok = False; continue
        if got == spun:
            print(f"{name}: OK ({len(swaps.get(name, []))} swaps)")
        else:
            ok = False
            a, b = got.splitlines(), spun.splitlines()
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    j = next(k for k in range(min(len(x), len(y)) + 1) if k == min(len(x), len(y)) or x[k] != y[k])
                    print(f"{name}: MISMATCH line {i+1} col {j}: got ...{x[max(0,j-30):j+40]!r} want ...{y[max(0,j-30):j+40]!r}")
                    break
            else:
                print(f"{name}: MISMATCH (line count {len(a)} vs {len(b)})")
        if orig.count("\n") != spun.count("\n"):
            print(f"{name}: line structure differs"); ok = False
    extra = set(swaps) - {f[: -len(".original.txt")] for f in originals}
    if extra:
        print("swaps for unknown files:", extra); ok = False
    print("ALL OK" if ok else "CHECK FAILED")
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
