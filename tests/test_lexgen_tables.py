"""The two hand-written spinner tables the generators read are clean data.

Like a dictionary's own tests: every row well formed and in canonical form, no row twice, no
word mapped to itself. The generators would quietly skip or merge such rows; the tests keep
the files honest about what they hold.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from despin.lexgen import papermill, spinner
from despin.lexgen.spinner import canonical

TABLES = {"news spinner": spinner.TABLE, "paper-mill spinner": papermill.TABLE}


def rows(path: Path) -> list[tuple[int, list[str]]]:
    return [
        (n, line.split("\t"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]


@pytest.mark.parametrize("path", TABLES.values(), ids=TABLES.keys())
def test_every_row_is_original_spun_certainty_in_canonical_form(path: Path):
    for n, cols in rows(path):
        assert len(cols) == 3 and cols[2] in spinner.CERTAINTIES, f"{path.name}:{n}"
        assert cols[0] == canonical(cols[0]) and cols[1] == canonical(cols[1]), f"{path.name}:{n}: not canonical"
        assert cols[0] != cols[1], f"{path.name}:{n}: maps a word to itself"


@pytest.mark.parametrize("path", TABLES.values(), ids=TABLES.keys())
def test_no_substitution_is_listed_twice(path: Path):
    counts = Counter((cols[0], cols[1]) for _, cols in rows(path))
    assert [pair for pair, k in counts.items() if k > 1] == []


def test_the_paper_mill_table_is_word_level():
    """Terms are spun word by word: an original is one word of letters, and its substitute a
    short phrase ("sped up", "man-made", "middle of the road"), never a rewrite of a whole term."""
    for n, (original, spun, _) in rows(papermill.TABLE):
        assert original.isalpha(), f"{papermill.TABLE.name}:{n}"
        assert re.fullmatch(r"[a-z'-]+( [a-z'-]+){0,3}", spun), f"{papermill.TABLE.name}:{n}"
