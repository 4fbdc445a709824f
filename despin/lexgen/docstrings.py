"""Technical terms from the docstrings of scientific Python packages (the `docstrings` source).

The dictionaries and Debian's package descriptions (`terms.py`) know computing well and
statistics, machine learning, medicine, signal processing or materials science poorly, and
those are the fields paper mills spin. The reference documentation of the scientific Python
stack is written by the people of those fields, so a noun phrase that recurs across many of
its docstrings, with strongly associated words, and in more than one project, is a term of
the field ("mean absolute error", "binary classification", "gradient descent"), provided it
is far commoner there than in general prose (the generators' filter corpus), does not start
with a verb, is not made only of everyday words and is not merely the start of a longer term.

The packages are pinned in `data/docstring_packages.txt`. Their wheels are downloaded with
`pip download --no-deps` into a cache outside the repository and read as zip archives: no
package is installed or imported, and only the docstrings of `.py` files are parsed (`ast`).
No package listed may be installed in the environment that runs the generator: the
benchmarks' honest corpus holds the descriptions of the packages installed beside it, and no
generator may read those.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from despin.lexgen.common import log

DATA = Path(__file__).resolve().parent / "data"
PACKAGES_FILE = DATA / "docstring_packages.txt"
CACHE = Path(os.environ.get("DESPIN_LEXGEN_CACHE", Path.home() / ".cache" / "despin-lexgen")) / "wheels"
MIN_PROJECTS = 2  # a term of the field, not one project's jargon ("estimator instance")
SPECIFICITY = 4.0  # times more frequent (per word) in the docstrings than in general prose
CITATION = frozenset({"et", "al"})  # "Wu et al."
EVERYDAY = 5.0  # a term with every content word this common (Zipf) is everyday English
FRAGMENT = 0.6  # share of a 2-word term's occurrences followed by one word: a longer term's start

# Wheels are the same files on every machine when the target is named, not guessed.
_TARGET = [
    "--only-binary=:all:", "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311",
    "--platform", "manylinux2014_x86_64", "--platform", "manylinux_2_17_x86_64",
    "--platform", "manylinux_2_28_x86_64",
]

# Lines of a docstring that are not prose: doctest sessions, numpydoc rules and field lists.
_CODE_LINE = re.compile(r"^\s*(>>>|\.\.\.|\.\. |Traceback |[-=~^*]{3,}\s*$|:[\w ]+:|[\w*, ]+ : )")
_HYPHENATED = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
# numpydoc and Google-style section headers; the sections whose text is not prose
SECTIONS = frozenset({
    "parameters", "other parameters", "returns", "yields", "raises", "warns", "warnings", "notes",
    "attributes", "methods", "args", "arguments", "keyword arguments", "todo",
})
SKIPPED_SECTIONS = frozenset({"references", "reference", "bibliography", "citation", "citations",
                              "examples", "example", "see also"})
# Inline markup blanked so its words never join a phrase: roles, literals, links, math.
_INLINE = re.compile(r":\w+:`[^`]*`|``[^`]*``|`[^`]*`_?|https?://\S+|\$[^$]*\$|\w+\([^)]*\)|\b\w+_\w*\b|\b\w*\d\w*\b")


def read_pins(path: Path = PACKAGES_FILE) -> list[str]:
    """The pinned requirements (`name==version`), one per line; `#` starts a comment."""
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins.append(line)
    return pins


def _name(pin: str) -> str:
    return re.split(r"[=<>!~ ]", pin, maxsplit=1)[0]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_conflicts(pins: Iterable[str]) -> list[str]:
    """Pinned packages installed in this environment (whose descriptions the benchmarks read)."""
    here = {_normal(d.metadata["Name"] or "") for d in metadata.distributions()}
    return sorted(_name(p) for p in pins if _normal(_name(p)) in here)


def download(pins: list[str], cache: Path = CACHE) -> list[Path]:
    """The pinned wheels, fetched once into `cache`; one wheel per pin."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = [p for p in pins if _wheel_for(p, cache) is None]
    if missing:
        log(f"docstrings: downloading {len(missing)} wheels into {cache}")
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", *_TARGET, "-d", str(cache), *missing]
        subprocess.run(cmd, check=True)
    wheels = []
    for pin in pins:
        wheel = _wheel_for(pin, cache)
        if wheel is None:
            raise RuntimeError(f"docstrings: no wheel for {pin} in {cache}")
        wheels.append(wheel)
    return wheels


def _wheel_for(pin: str, cache: Path) -> Path | None:
    name, _, version = pin.partition("==")
    stem = re.sub(r"[-.]+", "_", name).lower()
    for path in sorted(cache.glob("*.whl")):
        parts = path.name.split("-")
        if parts[0].lower() == stem and parts[1] == version:
            return path
    return None


def module_docstrings(source: str) -> Iterator[str]:
    """The docstrings of a module and of its classes and functions, in source order."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield doc


def prose(doc: str) -> str:
    """A docstring with its code, citations, field lists and inline markup blanked.

    Each removed line becomes a paragraph break, so no phrase spans the gap. The References
    and Examples sections are left out whole: their words are journal names, publishers'
    addresses and code. Hyphenated compounds are blanked too, so "Box-Cox transformation"
    does not leave the fragment "cox transformation".
    """
    lines = []
    skipping = False
    for line in doc.splitlines():
        header = line.strip().rstrip(":").lower()
        if header in SKIPPED_SECTIONS or header in SECTIONS:
            skipping = header in SKIPPED_SECTIONS
            lines.append("")
        elif skipping or _CODE_LINE.match(line):
            lines.append("")
        else:
            lines.append(_HYPHENATED.sub(" ; ", _INLINE.sub(" ; ", line)))
    return "\n".join(lines)


def mostly_verb(word: str, wordnet) -> bool:
    """A word WordNet knows far more as a verb than as a noun or adjective ("make", "keeps").

    A phrase that starts with one is a verb phrase ("make sense", "keeps track"), not a term.
    """
    def senses(pos: str) -> int:
        return sum(len(wordnet.index(pos).get(b, ())) for b in wordnet.base_forms(word, pos))

    return senses("v") > 2 * (senses("n") + senses("a"))


def field_term(words: tuple[str, ...], wordnet) -> bool:
    """Not a verb phrase, and not made only of everyday words ("huge impact", "good idea")."""
    from despin.lexgen.common import zipf
    from despin.lexgen.terms import INNER

    if mostly_verb(words[0], wordnet) or CITATION & set(words):
        return False
    return min(zipf(w) for w in words if w not in INNER) < EVERYDAY


def wheel_docstrings(wheel: Path) -> Iterator[str]:
    """The prose of every docstring in a wheel's Python files (tests and vendored code left out)."""
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            if not name.endswith(".py") or re.search(r"(^|/)(tests?|_vendor|externals?|vendored)/", name):
                continue
            source = zf.read(name).decode("utf-8", "replace")
            for doc in module_docstrings(source):
                yield prose(doc)


def project_texts(wheels: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(project, docstring prose) for each distinct docstring: inherited copies count once."""
    seen: set[bytes] = set()
    for wheel in wheels:
        project = wheel.name.split("-")[0].lower()
        for text in wheel_docstrings(wheel):
            digest = hashlib.blake2b(text.encode(), digest_size=12).digest()
            if digest not in seen:
                seen.add(digest)
                yield project, text


@dataclass
class Survey:
    """Where and how often the candidate terms occur in the docstrings."""

    projects: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    count: Counter = field(default_factory=Counter)
    # the word after each 2-word candidate: "finite impulse" is nearly always "... response"
    following: dict[tuple[str, ...], Counter] = field(default_factory=dict)
    words: int = 0

    def fragment(self, gram: tuple[str, ...], longer: set[tuple[str, ...]]) -> bool:
        """A 2-word candidate mostly seen as the start of one longer candidate."""
        nxt = self.following.get(gram)
        if not nxt:
            return False
        return max((n for w, n in nxt.items() if gram + (w,) in longer), default=0) >= FRAGMENT * self.count[gram]


def survey(grams: Iterable[tuple[str, ...]], texts: Iterable[tuple[str, str]]) -> Survey:
    """A second pass over the docstrings for the candidate terms only."""
    from despin.lexgen.terms import _chunks

    wanted = set(grams)
    sizes = sorted({len(g) for g in wanted})
    out = Survey({g: set() for g in wanted})
    for project, text in texts:
        for run in _chunks(text):
            low = [w.lower() for w in run]
            out.words += len(low)
            for size in sizes:
                for i in range(len(low) - size + 1):
                    gram = tuple(low[i : i + size])
                    if gram in wanted:
                        out.projects[gram].add(project)
                        out.count[gram] += 1
                        if size == 2 and i + 2 < len(low):
                            out.following.setdefault(gram, Counter())[low[i + 2]] += 1
    return out


def specific(found: Survey, general: Counter, general_words: int) -> set[tuple[str, ...]]:
    """The candidates far more frequent in scientific docstrings than in general prose.

    "neural network" or "success rate" are the field's; "feel free", "good idea" and "raise
    exception" are as common in the generators' filter corpus (licences, READMEs, the standard
    library, man pages), so they say nothing about the field and are left out.
    """
    keep = set()
    for gram, n in found.count.items():
        here = n / max(found.words, 1)
        there = (general[gram] + 1) / max(general_words, 1)
        if here >= SPECIFICITY * there:
            keep.add(gram)
    return keep


def docstring_terms(
    wordnet, pins: list[str] | None = None, cache: Path = CACHE, general: Iterable[str] | None = None
) -> tuple[Counter, Counter]:
    """(recurring term -> docstrings holding it, acronym-defined term -> count).

    A recurring term must occur in docstrings of `MIN_PROJECTS` projects; every term must be
    specific to the field (`specific`) and not just the start of a longer one. Empty when
    the pinned packages cannot be fetched: the other sources still make the list. `general`
    is the general prose to compare with (default: the generators' filter corpus).
    """
    from despin.lexgen.common import occurrences
    from despin.lexgen.terms import recurring_phrases

    pins = read_pins() if pins is None else pins
    clash = installed_conflicts(pins)
    if clash:
        raise RuntimeError(
            "docstrings: installed here, so the benchmarks' honest corpus may read them: " + ", ".join(clash)
        )
    try:
        wheels = download(pins, cache)
    except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
        log(f"docstrings: skipped ({exc})")
        return Counter(), Counter()
    texts = list(project_texts(wheels))
    recurring, defined = recurring_phrases((t for _, t in texts), wordnet)
    found = survey(list(recurring) + list(defined), texts)
    counts, general_words = occurrences(found.count, general)
    longer = {g for g in found.count if len(g) == 3}
    keep = {
        g for g in specific(found, counts, general_words)
        if not found.fragment(g, longer) and field_term(g, wordnet)
    }
    defined = Counter({g: n for g, n in defined.items() if g in keep})
    # a phrase several projects define by its initials recurs as surely as one PMI finds
    recurring = Counter({
        g: n for g, n in (recurring + Counter({g: n for g, n in defined.items() if n >= 2})).items()
        if g in keep and len(found.projects[g]) >= MIN_PROJECTS
    })
    log(f"docstrings: {len(texts)} docstrings from {len(wheels)} packages, {found.words} words; "
        f"{len(recurring)} recurring terms, {len(defined)} defined by their initials")
    return recurring, defined
