"""The prose view: a document with everything that is not prose blanked out.

Spinning is a property of prose. Code, URLs, tags, attributes and front matter only cause
false alarms ("final" in a YAML key, "secure" in a URL), so they are replaced by spaces
before tokenizing. The view has exactly the length of the text and keeps every line break,
so a finding's offsets, lines and columns are those of the real file (Vale's approach).

Markdown structure comes from markdown-it-py's block token maps (which lines hold
paragraphs, headings and table cells); inline constructs inside those lines are found by a
single left-to-right scan. HTML goes through the standard library's parser; reStructuredText
and plain text through small line scanners. Everything is linear in the size of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


Span = tuple[int, int]
# Marks, in the view, where something that stood for a word was blanked (code, a URL): the
# tokenizer reads it as punctuation, so no phrase, near miss or article joins the words
# on either side ("secure `x` haven", "a `dict` object"). Markup that is not a word (tags,
# emphasis, link targets) is blanked to spaces only, so "secure <b>haven</b>" still reads.
HOLE = "\x1a"


class Hole(tuple):
    """A blanked span that stood for a word: `blank` puts a HOLE at its start."""

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Hole:
        return super().__new__(cls, (start, end))

KINDS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rst": "rst",
}


def kind_of(path: str | None) -> str:
    """The markup kind a file name implies; anything unknown (and stdin) is plain text."""
    if not path or path == "-":
        return "text"
    return KINDS.get(PurePath(path).suffix.lower(), "text")


def prose_view(text: str, path: str | None, kind: str | None = None) -> str:
    """`text` with every non-prose character replaced by a space; line breaks are kept."""
    kind = kind or kind_of(path)
    if kind == "markdown":
        spans = _markdown_blanks(text)
    elif kind == "html":
        spans = _html_blanks(text, 0, len(text))
    elif kind == "rst":
        spans = _rst_blanks(text)
    else:
        spans = list(_address_blanks(text, 0, len(text)))
    return blank(text, spans)


_NOT_NEWLINE = re.compile(r"[^\r\n]+")


def blank(text: str, spans: Iterable[Span]) -> str:
    """Replace the characters in `spans` (which may overlap) by spaces, keeping CR and LF;
    a `Hole` span starts with a HOLE instead."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans):
        start, end = span
        hole = isinstance(span, Hole) and start >= pos
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        blanked = _NOT_NEWLINE.sub(lambda m: " " * len(m.group()), text[start:end])
        if hole and blanked[:1] == " ":
            blanked = HOLE + blanked[1:]
        out.append(blanked)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- addresses: URLs and e-mail addresses, in every kind -----------------------------------

# Lookbehinds make each alternative start only at the beginning of a run of characters, so a
# long run without an address is scanned once, not once per character.
_ADDRESS = re.compile(
    r"(?<![\w/.@-])(?:(?:https?|ftp|file|mailto):(?://)?|www\.)[^\s<>\"'`]+"
    r"|(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_TRAILING = ".,;:!?'\"*_"


# Every address holds one of these; finding them is a C-level substring search.
_ADDRESS_MARKERS = ("@", "www.", "http", "ftp:", "file:", "mailto:")


def addresses(text: str) -> Iterator[Span]:
    """The spans of the URLs and e-mail addresses in a whole text (see `_address_blanks`)."""
    return _address_blanks(text, 0, len(text))


def _address_blanks(text: str, start: int, end: int) -> Iterator[Span]:
    """URLs and e-mail addresses in `text[start:end]`.

    An address never spans whitespace, so only the runs of non-space characters around a
    marker are handed to the (slower, lookbehind-laden) pattern; the rest of the text is
    never looked at by it. The results are those of a scan of the whole range.
    """
    runs: set[tuple[int, int]] = set()
    for marker in _ADDRESS_MARKERS:
        at = text.find(marker, start, end)
        while at != -1:
            run = _run_around(text, at, start, end)
            runs.add(run)
            at = text.find(marker, max(run[1], at + 1), end)
    for run_start, run_end in sorted(runs):
        for m in _ADDRESS.finditer(text, run_start, run_end):
            span = _trimmed(text, *m.span())
            if span is not None:
                yield Hole(*span)


def _run_around(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The run of non-whitespace characters holding position `at`, within [start, end)."""
    left = at
    while left > start and not text[left - 1].isspace():
        left -= 1
    right = at
    while right < end and not text[right].isspace():
        right += 1
    return left, right


def _address_at(text: str, start: int, end: int) -> Span | None:
    m = _ADDRESS.match(text, start, end)
    return _trimmed(text, *m.span()) if m else None


def _trimmed(text: str, s: int, e: int) -> Span | None:
    """The address without the sentence punctuation or unbalanced bracket that follows it."""
    while e > s and (
        text[e - 1] in _TRAILING
        or (text[e - 1] in ")]" and text.count("(", s, e) + text.count("[", s, e) < text.count(")", s, e) + text.count("]", s, e))
    ):
        e -= 1
    return (s, e) if "@" in text[s:e] or e - s > 4 else None


# --- line helpers ---------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts, breaking lines as markdown-it does (CRLF, CR, LF)."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def _lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end of content, end including the line break) for each line."""
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start(), m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), len(text)


# --- Markdown -------------------------------------------------------------------------------

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}


def front_matter_end(text: str) -> int:
    """End offset of a leading YAML (`---`) or TOML (`+++`) front matter block, or 0."""
    lines = _lines(text)
    first = next(lines, None)
    if first is None:
        return 0
    fence = text[first[0] : first[1]].rstrip()
    closers = _FRONT_MATTER.get(fence)
    if closers is None:
        return 0
    for _start, content_end, end in lines:
        if text[_start:content_end].rstrip() in closers:
            return end
    return 0


@lru_cache(maxsize=1)
def _markdown_parser() -> MarkdownIt:
    """Block structure only: inline parsing (most of the cost) is done by our own scan."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.core.ruler.disable(["inline", "text_join"])
    return md


def _markdown_blanks(text: str) -> list[Span]:
    front = front_matter_end(text)
    body = blank(text, [(0, front)]) if front else text
    starts = _line_starts(text)
    starts.append(len(text))
    prose_lines: list[Span] = []  # line ranges [a, b) that hold inline prose
    html_lines: list[Span] = []
    for token in _markdown_parser().parse(body):
        if token.map is None:
            continue
        if token.type == "inline":
            prose_lines.append((token.map[0], token.map[1]))
        elif token.type == "html_block":
            html_lines.append((token.map[0], token.map[1]))

    def offset(line: int) -> int:
        return starts[min(line, len(starts) - 1)]

    spans: list[Span] = []
    covered = sorted(prose_lines + html_lines)
    pos = 0
    for a, b in covered:  # lines in no prose or HTML block: code, front matter, references
        if offset(a) > pos:
            spans.append((pos, offset(a)))
        pos = max(pos, offset(b))
    spans.append((pos, len(text)))
    for a, b in prose_lines:
        spans.extend(_markdown_inline_blanks(text, offset(a), offset(b)))
    for a, b in html_lines:
        spans.extend(_html_blanks(text, offset(a), offset(b)))
    return spans


_MD_INLINE = re.compile(
    r"(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<ticks>`+)"
    r"|(?P<auto><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>)"
    r"|(?P<html><!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>)"
    r"|(?P<dest>\]\((?:\s*<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|(?P<ref>\]\[[^\[\]]*\])"
    r"|(?P<addr>(?<![\w/.@-])(?:https?|ftp|www\.)|(?<![\w.%+-])[\w.%+-]+@)",
    re.DOTALL,
)


@lru_cache(maxsize=64)
def _tick_closer(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!`)`{{{n}}}(?!`)")


def _markdown_inline_blanks(text: str, start: int, end: int) -> Iterator[Span]:
    """Code spans, autolinks, raw HTML, link targets and addresses within one prose block."""
    no_closer_from: dict[int, int] = {}  # backtick run length -> offset after which none closes
    pos = start
    while True:
        m = _MD_INLINE.search(text, pos, end)
        if m is None:
            return
        kind = m.lastgroup
        s, e = m.span()
        pos = e
        if kind == "ticks":
            n = e - s
            if no_closer_from.get(n, end) <= e:
                continue
            close = _tick_closer(n).search(text, e, end)
            if close is None:
                no_closer_from[n] = e  # a later run of the same length cannot close either
                continue
            pos = close.end()
            yield Hole(s, pos)
        elif kind == "auto":
            yield Hole(s, e)
        elif kind == "html":
            yield s, e
        elif kind in ("dest", "ref"):
            yield s + 1, e  # the link text stays; the target goes
        elif kind == "addr":
            found = _address_at(text, s, end)
            if found is not None:
                yield Hole(*found)
                pos = max(e, found[1])


# --- HTML -----------------------------------------------------------------------------------

SKIPPED_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math", "template"})
INLINE_CODE = frozenset({"code", "kbd", "samp", "var", "math"})  # stand for a word in a sentence


class _TextNodes(HTMLParser):
    """Collects the spans of text nodes outside skipped elements.

    A text node runs from its own position to the position of the next event (tag, comment,
    declaration), so entity references stay part of it exactly as written.
    """

    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=True)
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._base = base
        self._limit = base + len(text)
        self._skip = 0
        self._open: int | None = None
        self._code_from: int | None = None  # where an inline code element outside others began
        self.kept: list[Span] = []
        self.holes: list[Hole] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        # The parser's position can run past the text after a malformed `<![`: clamp it.
        return min(self._base + self._starts[line - 1] + col, self._limit)

    def flush(self, at: int) -> None:
        if self._open is not None and at > self._open:
            self.kept.append((self._open, at))
        self._open = None

    def _event(self) -> None:
        self.flush(self._offset())

    def handle_data(self, data: str) -> None:
        self._event()
        if not self._skip:
            self._open = self._offset()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._event()
        if tag in SKIPPED_ELEMENTS:
            if not self._skip and tag in INLINE_CODE:
                self._code_from = self._offset()
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        self._event()
        if tag in SKIPPED_ELEMENTS and self._skip:
            self._skip -= 1
            if not self._skip and self._code_from is not None:
                self.holes.append(Hole(self._code_from, self._offset()))
                self._code_from = None

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._event()

    def handle_comment(self, data: str) -> None:
        self._event()

    def handle_decl(self, decl: str) -> None:
        self._event()

    def handle_pi(self, data: str) -> None:
        self._event()

    def unknown_decl(self, data: str) -> None:
        self._event()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The standard parser asserts on a malformed `<![...`; treat it as markup up to `>`.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            if end < 0:
                return -1
            self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1


def _html_blanks(text: str, start: int, end: int) -> list[Span]:
    """Everything in text[start:end] but text nodes (and addresses inside them)."""
    parser = _TextNodes(text[start:end], start)
    try:
        parser.feed(text[start:end])
        parser.close()
        parser.flush(end)
    except (AssertionError, ValueError):  # malformed beyond repair: what follows is not prose
        parser.flush(parser.kept[-1][1] if parser.kept else start)
    spans: list[Span] = list(parser.holes)
    pos = start
    for s, e in parser.kept:
        spans.append((pos, s))
        spans.extend(_address_blanks(text, s, e))
        pos = e
    spans.append((pos, end))
    return spans


# --- reStructuredText -----------------------------------------------------------------------

LITERAL_DIRECTIVES = frozenset(
    {
        "code", "code-block", "sourcecode", "literalinclude", "include", "raw", "math",
        "highlight", "doctest", "testcode", "testoutput", "ipython", "jupyter-execute",
        "csv-table", "list-table", "toctree", "automodule", "autoclass", "autofunction",
        "automethod", "autoattribute", "autodata", "graphviz", "mermaid", "plot", "image",
        "only", "ifconfig", "productionlist", "parsed-literal", "program-output", "command-output",
    }
)  # fmt: skip
# Directives whose argument is the first words of their prose body.
PROSE_ARGUMENT_DIRECTIVES = frozenset(
    {
        "note", "warning", "tip", "hint", "important", "caution", "danger", "error", "attention",
        "admonition", "seealso", "topic", "sidebar", "rubric", "deprecated", "versionadded",
        "versionchanged", "epigraph", "pull-quote", "highlights", "container",
    }
)  # fmt: skip

_RST_EXPLICIT = re.compile(r"\.\.(?:\s+|$)")
_RST_DIRECTIVE = re.compile(r"\.\.\s+(?:\|[^|]+\|\s+)?([\w:+.-]+)::")
_RST_FOOTNOTE = re.compile(r"\.\.\s+\[[^\]]+\]")
_RST_OPTION = re.compile(r":[^:\s][^:]*:(?:\s|$)")
_RST_INLINE = re.compile(
    r"``.+?``"  # inline literal
    r"|(?P<role>:[\w:+.-]+:)(?P<body>`(?:[^`\\]|\\.)+`)"  # :role:`text`
    r"|`(?P<ref>(?:[^`\\]|\\.)+)`__?"  # hyperlink reference: its text is prose
    r"|`(?:[^`\\]|\\.)+`(?:(?P<after>:[\w:+.-]+:))?"  # interpreted text (default role)
    r"|\|[^|\s][^|]*\|_{0,2}",  # substitution reference
    re.DOTALL,
)
_TARGET = re.compile(r"<[^<>]*>\s*$")
# Roles whose text is a name of something (a document, term, label) in prose clothing.
PROSE_ROLES = frozenset({":ref:", ":doc:", ":term:", ":abbr:", ":title-reference:", ":t:", ":emphasis:", ":strong:"})


def _rst_blanks(text: str) -> list[Span]:
    spans: list[Span] = []
    prose: list[Span] = []  # kept line ranges, scanned for inline markup afterwards
    skip_deeper_than: int | None = None  # inside a literal block, comment or target
    literal_after: int | None = None  # a paragraph ended with '::' at this indentation
    options_deeper_than: int | None = None  # directive options follow
    para_indent: int | None = None
    for start, content_end, end in _lines(text):
        line = text[start:content_end]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if not stripped or indent > skip_deeper_than:
                spans.append((start, end))
                continue
            skip_deeper_than = None
        if not stripped:
            para_indent = None
            continue
        if literal_after is not None:
            waiting, literal_after = literal_after, None
            if indent > waiting:
                skip_deeper_than = waiting
                spans.append((start, end))
                continue
        if options_deeper_than is not None:
            if indent > options_deeper_than and _RST_OPTION.match(stripped):
                spans.append((start, end))
                continue
            options_deeper_than = None
        body = start + indent
        if _RST_EXPLICIT.match(stripped):
            directive = _RST_DIRECTIVE.match(stripped)
            footnote = _RST_FOOTNOTE.match(stripped)
            if directive and not stripped.startswith(".. |"):
                name = directive.group(1).lower().split(":")[-1]
                marker_end = body + directive.end()
                if name in LITERAL_DIRECTIVES:
                    spans.append((start, end))
                    skip_deeper_than = indent
                elif name in PROSE_ARGUMENT_DIRECTIVES:
                    spans.append((start, marker_end))
                    prose.append((marker_end, content_end))
                    options_deeper_than = indent
                else:
                    spans.append((start, end))
                    options_deeper_than = indent
            elif footnote:
                spans.append((start, body + footnote.end()))
                prose.append((body + footnote.end(), content_end))
            else:  # comment, hyperlink target or substitution definition
                spans.append((start, end))
                skip_deeper_than = indent
            para_indent = None
            continue
        if stripped.startswith((">>>", "__ ")):
            spans.append((start, end))  # doctest block line, anonymous target
            continue
        if para_indent is None:
            para_indent = indent
        if stripped.endswith("::"):
            literal_after = para_indent
            cut = content_end - 2 if stripped == "::" or line.rstrip().endswith(" ::") else content_end
            prose.append((start, cut))
            spans.append((cut, content_end))
            continue
        prose.append((start, content_end))
    for s, e in _join(text, prose):
        spans.extend(_rst_inline_blanks(text, s, e))
    return spans


def _join(text: str, ranges: list[Span]) -> Iterator[Span]:
    """Merge line ranges separated by a single line break: the lines of one paragraph."""
    current: Span | None = None
    for s, e in ranges:
        if current is not None and text[current[1] : s] in ("", "\n", "\r\n", "\r"):
            current = (current[0], e)
            continue
        if current is not None:
            yield current
        current = (s, e)
    if current is not None:
        yield current


def _rst_inline_blanks(text: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    while True:
        m = _RST_INLINE.search(text, pos, end)
        if m is None:
            break
        s, e = m.span()
        yield from _address_blanks(text, pos, s)
        pos = e
        if m.group("role"):
            role = m.group("role")
            body_s, body_e = m.span("body")
            if role in PROSE_ROLES:
                yield s, body_s + 1
                target = _TARGET.search(text, body_s + 1, body_e - 1)
                yield (target.start() if target else body_e - 1), e
            else:
                yield Hole(s, e)
        elif m.group("ref") is not None:
            ref_s, ref_e = m.span("ref")
            target = _TARGET.search(text, ref_s, ref_e)
            if target:
                yield target.start(), ref_e
            yield from _address_blanks(text, ref_s, ref_e)
            yield ref_e, e
        else:
            yield Hole(s, e)
    yield from _address_blanks(text, pos, end)
