"""Unified diffs of planned edits, like `git diff`, with each hunk marked safe or unsafe.

The marker sits after the hunk header where git puts a section heading (`@@ -3 +3 @@ safe`),
so `patch` and `git apply` still accept the output. Colour only goes to a terminal, through
rich; piped output is plain text with the file's own line endings.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from despin.rewrite import Edit, apply

CONTEXT = 3
_NO_NEWLINE = "\\ No newline at end of file\n"


@dataclass(frozen=True, slots=True)
class _Block:
    """Lines a1..a2 of the old text become `new` lines, through `edits`."""

    a1: int
    a2: int
    new: list[str]
    edits: list[Edit]


def unified(path: str, before: str, edits: Sequence[Edit], context: int = CONTEXT, bom: bool = False) -> str:
    """A unified diff of one file with `edits` applied; empty when nothing changes.

    The edits say exactly which lines change, so hunks are built from them directly rather
    than by searching for differences (which is quadratic on a long, much-edited file).
    With `bom`, the first line shows the file's byte order mark, so `patch` finds it.
    """
    if bom:
        before = "\ufeff" + before
        edits = [Edit(e.start + 1, e.end + 1, e.old, e.new, e.safe, e.confidence, e.code) for e in edits]
    old = lines(before)
    blocks = _blocks(before, old, sorted(edits, key=lambda e: e.start))
    if not blocks:
        return ""
    name = path.lstrip("/")
    out = [f"--- a/{name}\n", f"+++ b/{name}\n"] if path != "<stdin>" else ["--- <stdin>\n", "+++ <stdout>\n"]
    shift = 0  # new line number minus old line number, before the current block
    group: list[_Block] = []
    for block in blocks + [None]:
        if group and (block is None or block.a1 - group[-1].a2 > 2 * context):
            shift = _hunk(out, old, group, shift, context)
            group = []
        if block is not None:
            group.append(block)
    return "".join(out)


def _blocks(before: str, old: list[str], edits: list[Edit]) -> list[_Block]:
    """Edits gathered by the lines they touch; edits sharing a line share a block."""
    starts = [0]
    for line in old:
        starts.append(starts[-1] + len(line))
    blocks: list[_Block] = []
    for edit in edits:
        if edit.old == edit.new:
            continue
        a1 = bisect_right(starts, edit.start) - 1
        a2 = max(a1 + 1, bisect_right(starts, max(edit.end - 1, edit.start)))
        if blocks and a1 <= blocks[-1].a2:  # touching lines too: all - lines, then all + lines
            prev = blocks.pop()
            a1, group = prev.a1, prev.edits + [edit]
            a2 = max(a2, prev.a2)
        else:
            group = [edit]
        lo = starts[a1]
        chunk = before[lo : starts[min(a2, len(old))]]
        moved = [Edit(e.start - lo, e.end - lo, e.old, e.new, e.safe, e.confidence, e.code) for e in group]
        blocks.append(_Block(a1, a2, lines(apply(chunk, moved)), group))
    return blocks


def _hunk(out: list[str], old: list[str], group: list[_Block], shift: int, context: int) -> int:
    """Append one hunk for blocks close enough to share context; return the new line shift."""
    i1 = max(0, group[0].a1 - context)
    i2 = min(len(old), group[-1].a2 + context)
    body: list[str] = []
    pos, new_count = i1, 0
    for block in group:
        body += [_line(" ", line) for line in old[pos : block.a1]]
        body += [_line("-", line) for line in old[block.a1 : block.a2]]
        body += [_line("+", line) for line in block.new]
        new_count += (block.a1 - pos) + len(block.new)
        pos = block.a2
    body += [_line(" ", line) for line in old[pos:i2]]
    new_count += i2 - pos
    j1 = i1 + shift
    kinds = {e.safe for block in group for e in block.edits}
    marker = "safe" if kinds == {True} else "unsafe" if kinds == {False} else "safe+unsafe"
    out.append(f"@@ -{_range(i1, i2 - i1)} +{_range(j1, new_count)} @@ {marker}\n")
    out += body
    return shift + sum(len(b.new) - (b.a2 - b.a1) for b in group)


def lines(text: str) -> list[str]:
    """Lines split at "\n" only, ends kept: CRLF stays on its line, form feeds do not split."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    return out + [parts[-1]] if parts[-1] else out


def _line(prefix: str, line: str) -> str:
    if line.endswith("\n"):
        return prefix + line
    return prefix + line + "\n" + _NO_NEWLINE


def _range(start: int, count: int) -> str:
    """Hunk range in unified-diff notation: 1-based start, and the count when it is not 1."""
    first = start + 1 if count else start
    return f"{first}" if count == 1 else f"{first},{count}"


def write(diff: str, stream: TextIO | None = None, colour: bool | None = None) -> None:
    """Print a diff: coloured on a terminal (rich), byte for byte otherwise."""
    stream = stream or sys.stdout
    if colour is None:
        colour = stream.isatty()
    if not colour:
        stream.write(diff)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    styles = {"+++": "bold", "---": "bold", "@@": "cyan", "+": "green", "-": "red"}
    for line in diff.splitlines():
        style = next((s for p, s in styles.items() if line.startswith(p)), "")
        console.print(Text(line, style=style))
