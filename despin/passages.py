"""Splitting a text into passages (paragraphs) and mapping offsets to line and column.

Blank lines always end a passage. Text that is not hard-wrapped (news copy pasted with one
paragraph a line) has long lines that each stand for a paragraph, so there a single line
break ends a passage too; in hard-wrapped prose a phrase may run across a line break.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator
from itertools import accumulate

import regex

_BLANK_LINES = regex.compile(r"\n[ \t\r\f\v]*\n")
_WRAP_WIDTH = 100  # median line length above this: lines are paragraphs, not wrapped lines


def passage_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank passage, in order."""
    pos = 0
    for block_end, next_start in _block_breaks(text):
        yield from _split_block(text, pos, block_end)
        pos = next_start
    yield from _split_block(text, pos, len(text))


def _block_breaks(text: str) -> Iterator[tuple[int, int]]:
    for m in _BLANK_LINES.finditer(text):
        yield m.start(), m.end()


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if text.find("\n", start, end) == -1:  # one line (most blocks): a passage unless blank
        trimmed = _trim(text, start, end)
        if trimmed[0] < trimmed[1]:
            yield trimmed
        return
    block = text[start:end]
    if not block.strip():
        return
    lines = block.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    unwrapped = len(lines) > 1 and lengths[len(lengths) // 2] > _WRAP_WIDTH
    if not unwrapped:
        yield _trim(text, start, end)
        return
    pos = start
    for line in lines:
        if line.strip():
            yield _trim(text, pos, pos + len(line))
        pos += len(line) + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class LineIndex:
    """Offsets to 1-based (line, column); columns count characters, as ruff and typos do."""

    def __init__(self, text: str) -> None:
        # Each line starts one past the end of the one before it: summed in C, not matched,
        # and kept as machine integers (a long file has a hundred thousand lines).
        self._starts = array("q", accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
