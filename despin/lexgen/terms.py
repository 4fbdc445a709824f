"""Established technical terms from reproducible sources, each with where it was found.

Tortured phrases are technical terms with words swapped, so the science generator needs a
large list of terms a paper would contain. The hand-written list (`data/science_terms.txt`)
is small; this module collects more from sources any Debian machine can install:

- `foldoc`: multiword headwords of the Free On-line Dictionary of Computing (`dict-foldoc`);
- `vera`: expansions of the acronyms in V.E.R.A. (`dict-vera`: "ANN" -> "artificial neural
  network");
- `debian-acronym`: the same pattern in Debian's package descriptions, a phrase followed by
  its initials in brackets ("quality of service (QoS)");
- `debian`: noun phrases that recur in many Debian package descriptions (the `Packages` and
  `Translation-en` lists of `apt-get update -o Acquire::Languages=en`), with a strong
  association between their words. Packages of Python modules are left out: the benchmarks'
  honest corpus holds Python packages' own descriptions, and no generator may read those.
- `docstrings`: noun phrases that recur, the same way, in the docstrings of pinned scientific
  Python packages, read from their wheels (`docstrings.py`), and `docstrings-acronym`: the
  phrases those docstrings define by their initials ("mean absolute error (MAE)").

`python -m despin.lexgen --only terms` writes `data/technical_terms.tsv` (term, sources,
descriptions it occurs in), which is committed: the science generator reads that file, so
rebuilding the lexicon needs none of these packages.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from despin.lexgen.common import STOPWORDS, log, zipf
from despin.lexgen.thesaurus import WordNet, load_wordnet

DATA = Path(__file__).resolve().parent / "data"
TERMS_FILE = DATA / "technical_terms.tsv"
DICTD = Path("/usr/share/dictd")
APT_LISTS = Path("/var/lib/apt/lists")

MIN_ZIPF = 3.0  # every word of a term at least this common: rarer words are not spun into text
MIN_DOCS = 6  # a recurring phrase must occur in this many package descriptions
MIN_PMI = 3.0  # ... and its words must go together far more often than chance (bits)
INNER = frozenset({"of", "and"})  # function words allowed inside a term ("quality of service")
# determiners and quantifiers WordNet lists as adjectives: "some sense" is not a term
QUANTIFIERS = frozenset("some any all each every many much more most other such own same few several".split())

_WORDS = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^A-Za-z\s]+")
_ACRONYM = re.compile(r"((?:[A-Za-z]+[ -]){1,4}[A-Za-z]+) \(([A-Z][A-Za-z]{1,5}?)s?\)")


@dataclass(frozen=True, slots=True)
class Term:
    """One technical term, the sources that list it, and how many descriptions use it."""

    words: tuple[str, ...]
    sources: tuple[str, ...]
    docs: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def line(self) -> str:
        return f"{self.text}\t{','.join(self.sources)}\t{self.docs}"


def plausible_term(words: tuple[str, ...], wordnet: WordNet) -> bool:
    """2-3 common words, content words at both ends, ending in a noun ("neural network")."""
    if not 2 <= len(words) <= 3:
        return False
    if not all(w.isascii() and w.isalpha() and len(w) > 1 for w in words):
        return False
    if words[0] in STOPWORDS or words[0] in QUANTIFIERS or words[-1] in STOPWORDS:
        return False
    if any(w in STOPWORDS and w not in INNER for w in words[1:-1]):
        return False
    if min(zipf(w) for w in words if w not in INNER) < MIN_ZIPF:
        return False
    first = words[0]
    if not (wordnet.base_forms(first, "n") or wordnet.base_forms(first, "a")):
        return False  # "absolutely nothing", "provides support": not a noun phrase
    return bool(wordnet.base_forms(words[-1], "n"))


def singular(words: tuple[str, ...], wordnet: WordNet) -> tuple[str, ...]:
    """The term with a regular plural last word made singular: the matcher inflects it back."""
    last = words[-1]
    if last.endswith("s") and not last.endswith("ss"):
        for base in wordnet.base_forms(last, "n"):
            if base != last and last.startswith(base[:-1]):
                return words[:-1] + (base,)
    return words


# --------------------------------------------------------------------------------------------
# Sources


def foldoc_headwords(directory: Path = DICTD) -> Iterator[tuple[str, ...]]:
    """FOLDOC's multiword headwords, from its dictd index (`headword<TAB>offset<TAB>length`)."""
    path = directory / "foldoc.index"
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head = line.split("\t", 1)[0].lower()
        if " " in head:
            yield tuple(head.split())


def vera_expansions(directory: Path = DICTD) -> Iterator[tuple[str, ...]]:
    """The expansions of V.E.R.A.'s acronyms: the first indented line after each headword."""
    import gzip

    path = directory / "vera.dict.dz"
    if not path.is_file():
        return
    lines = gzip.decompress(path.read_bytes()).decode("utf-8", "replace").splitlines()
    for prev, line in zip(lines, lines[1:]):
        if prev and not prev[0].isspace() and line.startswith(" ") and line.strip():
            text = re.split(r"[(\[,:;/]", line.strip(), maxsplit=1)[0]
            yield tuple(text.lower().split())


def _apt_lists(directory: Path) -> list[Path]:
    return sorted(directory.glob("*_Translation-en*")) if directory.is_dir() else []


def _cat(path: Path) -> str:
    """A (compressed) apt list as text, decompressed by apt's own helper."""
    out = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", str(path)], capture_output=True, check=True)
    return out.stdout.decode("utf-8", "replace")


def is_python_package(name: str) -> bool:
    """Python module packages: their descriptions echo the Python packages' own (see above)."""
    return name.startswith(("python-", "python3-", "pypy-", "pypy3-")) or name.endswith("-python")


def package_descriptions(texts: Iterable[str]) -> Iterator[str]:
    """Each distinct description (short and long) in Translation-en texts, Python packages left out."""
    seen: set[str] = set()
    for text in texts:
        for block in text.split("\n\n"):
            fields: dict[str, list[str]] = {}
            key = ""
            for line in block.splitlines():
                if line.startswith(" ") and key:
                    fields[key].append(line.strip().removeprefix(".").strip())
                elif ":" in line:
                    key, _, value = line.partition(":")
                    fields[key] = [value.strip()]
            name = (fields.get("Package") or [""])[0]
            md5 = (fields.get("Description-md5") or [""])[0]
            desc = fields.get("Description-en")
            if not desc or is_python_package(name) or md5 in seen:
                continue
            seen.add(md5)
            yield "\n".join(desc)


def _chunks(text: str) -> Iterator[list[str]]:
    """Runs of words between punctuation, each word as written."""
    run: list[str] = []
    for tok in _WORDS.findall(text):
        if tok[0].isalpha():
            run.append(tok)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def acronym_definitions(text: str) -> Iterator[tuple[str, ...]]:
    """Phrases defined by their initials: "quality of service (QoS)" -> (quality, of, service)."""
    for m in _ACRONYM.finditer(text):
        words = re.split(r"[ -]", m.group(1))
        initials = [c for c in m.group(2) if c.isupper()]
        n = len(initials)
        for take in (n, n + 1):  # "quality of service": the "of" has no initial
            cand = words[-take:]
            content = [w for w in cand if w.lower() not in INNER]
            if len(cand) == take and len(content) == n and all(
                w[0].upper() == c for w, c in zip(content, initials)
            ):
                yield tuple(w.lower() for w in cand)
                break


def recurring_phrases(descriptions: Iterable[str], wordnet: WordNet) -> tuple[Counter, Counter]:
    """Noun phrases in many descriptions with associated words, and acronym definitions.

    Returns (phrase -> descriptions holding it, acronym-defined phrase -> count).
    """
    ngrams: Counter = Counter()
    unigrams: Counter = Counter()
    defined: Counter = Counter()
    n_docs = 0
    for desc in descriptions:
        n_docs += 1
        grams: set[tuple[str, ...]] = set()
        words: set[str] = set()
        for run in _chunks(desc):
            low = [w.lower() for w in run]
            words.update(low)
            for size in (2, 3):
                for i in range(len(low) - size + 1):
                    grams.add(tuple(low[i : i + size]))
        ngrams.update(grams)
        unigrams.update(words)
        defined.update(set(acronym_definitions(desc)))
    kept: Counter = Counter()
    for gram, count in ngrams.items():
        if count < MIN_DOCS or not plausible_term(gram, wordnet):
            continue
        content = [w for w in gram if w not in INNER]
        expected = n_docs
        for w in content:
            expected *= unigrams[w] / n_docs
        if math.log2(count / max(expected, 1e-9)) >= MIN_PMI * (len(content) - 1):
            kept[gram] = count
    return kept, defined


# --------------------------------------------------------------------------------------------
# The list


def collect(
    wordnet: WordNet, apt_lists: Path = APT_LISTS, dictd: Path = DICTD, docstrings: bool = True
) -> list[Term]:
    """Every plausible term from every source present, with its sources and description count."""
    sources: dict[tuple[str, ...], set[str]] = {}

    def add(words: Iterable[tuple[str, ...]], name: str) -> None:
        for w in words:
            if plausible_term(w, wordnet):
                sources.setdefault(singular(w, wordnet), set()).add(name)

    add(foldoc_headwords(dictd), "foldoc")
    add(vera_expansions(dictd), "vera")
    texts = [_cat(p) for p in _apt_lists(apt_lists)]
    recurring, defined = recurring_phrases(package_descriptions(texts), wordnet)
    add(defined, "debian-acronym")
    add(recurring, "debian")
    docs: Counter = Counter()
    for words, count in recurring.items():
        docs[singular(words, wordnet)] += count
    if docstrings:
        from despin.lexgen.docstrings import docstring_terms

        in_docs, defined_in_docs = docstring_terms(wordnet)
        add(defined_in_docs, "docstrings-acronym")
        add(in_docs, "docstrings")
    return [Term(words, tuple(sorted(srcs)), docs.get(words, 0)) for words, srcs in sorted(sources.items())]


def write_terms(terms: Iterable[Term], path: Path = TERMS_FILE) -> int:
    terms = list(terms)
    head = [
        "# Technical terms and where they were found; generated by `python -m despin.lexgen --only terms`.",
        "# Do not edit: change despin/lexgen/terms.py and run it again.",
        "# term<TAB>sources<TAB>Debian package descriptions holding it",
    ]
    path.write_text("\n".join(head + [t.line() for t in terms]) + "\n", encoding="utf-8")
    return len(terms)


def read_terms(path: Path = TERMS_FILE) -> list[Term]:
    """The committed term list (empty when the file is missing)."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text, srcs, docs = line.split("\t")
        out.append(Term(tuple(text.split()), tuple(srcs.split(",")), int(docs)))
    return out


def generate(path: Path = TERMS_FILE) -> list[Term]:
    """Write data/technical_terms.tsv from the sources installed on this machine."""
    terms = collect(load_wordnet())
    n = write_terms(terms, path)
    by = Counter(s for t in terms for s in t.sources)
    log(f"terms: {n} terms ({', '.join(f'{k} {v}' for k, v in sorted(by.items()))}) -> {path}")
    return terms
