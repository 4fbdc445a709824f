"""The prose view keeps prose where it is and blanks everything else."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from despin.markup import HOLE, front_matter_end, kind_of, prose_view


def view_of(datadir, name: str) -> tuple[str, str]:
    text = (datadir / name).read_text(encoding="utf-8")
    return text, prose_view(text, name)


def kept(text: str, view: str, phrase: str) -> bool:
    """`phrase` occurs in the text and stands unchanged at the same offset in the view."""
    at = text.index(phrase)
    return view[at : at + len(phrase)] == phrase


def blanked(text: str, view: str, phrase: str) -> bool:
    """Every occurrence of `phrase` in the text is spaces in the view (or a hole: code, an
    address)."""
    assert phrase in text, phrase
    start = 0
    while (at := text.find(phrase, start)) >= 0:
        if view[at : at + len(phrase)].replace(HOLE, " ").strip():
            return False
        start = at + 1
    return True


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("posts/a.md", "markdown"),
        ("A.MARKDOWN", "markdown"),
        ("site/index.html", "html"),
        ("page.htm", "html"),
        ("docs/guide.rst", "rst"),
        ("notes.txt", "text"),
        ("README", "text"),
        ("-", "text"),
        (None, "text"),
    ],
)
def test_kind_follows_the_extension(path, kind):
    assert kind_of(path) == kind


@pytest.mark.parametrize("name", ["post.md", "page.html", "guide.rst", "notes.txt"])
def test_view_has_the_same_length_and_line_breaks(datadir, name):
    text, view = view_of(datadir, name)
    assert len(view) == len(text)
    assert [i for i, c in enumerate(view) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert all(v == t or v in (" ", HOLE) for v, t in zip(view, text))


@pytest.mark.parametrize(
    "prose",
    [
        "A secure haven for the",
        "The minister mentioned the plan.",
        "the full statement",
        "archive",
        "in scripts; visit",
        "inline html",
        "A lone ` backtick stays prose.",
        "Prose inside an HTML block.",
        "table prose",
        "A quoted line of prose.",
    ],
)
def test_markdown_prose_stays(datadir, prose):
    text, view = view_of(datadir, "post.md")
    assert kept(text, view, prose)


@pytest.mark.parametrize(
    "markup",
    [
        "The final 12 months in review",  # YAML front matter
        "slug: secure-haven",
        "heading_code",  # inline code
        "https://example.gov/secure-haven",  # link target
        "Protection Secretary",  # link title
        "[old-posts]:",  # reference definition
        "Reference title",
        "press@example.gov",
        "secure_haven()",
        "double `tick` code",
        "https://example.org/final-12-months",  # autolink
        'class="final-12-months"',  # inline HTML attribute
        "fenced code",
        "indented_code",
        "attribute words",
        "script words",
    ],
)
def test_markdown_markup_is_blanked(datadir, markup):
    text, view = view_of(datadir, "post.md")
    assert blanked(text, view, markup)


def test_toml_front_matter_is_blanked():
    text = "+++\ntitle = 'secure haven'\n+++\nBody prose.\n"
    view = prose_view(text, "post.md")
    assert view.strip() == "Body prose."
    assert front_matter_end(text) == text.index("Body")


def test_a_rule_that_opens_no_front_matter_is_not_front_matter():
    text = "Intro prose.\n\n---\n\nMore prose.\n"
    assert front_matter_end(text) == 0
    assert prose_view(text, "post.md").split() == ["Intro", "prose.", "More", "prose."]


@pytest.mark.parametrize("prose", ["Page title prose", "Body prose &amp; more prose, see", "link prose", "and"])
def test_html_text_nodes_stay(datadir, prose):
    text, view = view_of(datadir, "page.html")
    assert kept(text, view, prose)


@pytest.mark.parametrize(
    "markup",
    [
        ".secure-haven",
        "hidden words",
        "attribute words",
        "https://example.com/path",
        "preformatted words",
        "code_words",
        "https://example.com/link",
        "script words",
        "<p",
        "DOCTYPE",
    ],
)
def test_html_markup_is_blanked(datadir, markup):
    text, view = view_of(datadir, "page.html")
    assert blanked(text, view, markup)


@pytest.mark.parametrize(
    "prose",
    ["A paragraph with", "link prose", "reference prose", "today.", "Prose after the literal block.", "Admonition prose.", "Note body prose.", "Closing prose."],
)
def test_rst_prose_stays(datadir, prose):
    text, view = view_of(datadir, "guide.rst")
    assert kept(text, view, prose)


@pytest.mark.parametrize(
    "markup",
    [
        "literal_words",
        "role_words",
        "https://example.com/x",
        "some-label",
        "url-words",
        "literal_block_words",
        "directive_code_words",
        ":linenos:",
        "option_words",
        "target-words",
        "comment_words",
        "image_words",
        "alt_words",
    ],
)
def test_rst_markup_is_blanked(datadir, markup):
    text, view = view_of(datadir, "guide.rst")
    assert blanked(text, view, markup)


def test_plain_text_blanks_addresses_but_not_their_punctuation(datadir):
    text, view = view_of(datadir, "notes.txt")
    for address in ("https://example.com/url_words", "mail@example.com", "www.example.org/page_words"):
        assert blanked(text, view, address)
    assert view.replace(HOLE, " ").split() == ["Plain", "prose", "with", "and", ".", "More", "prose", "(see", ")."]


def test_crlf_and_cr_line_breaks_keep_their_lines():
    text = "Prose one.\r\n\r\n```\r\ncode words\r\n```\r\nProse two.\rProse three.\n"
    view = prose_view(text, "post.md")
    assert len(view) == len(text)
    assert "code words" not in view
    assert kept(text, view, "Prose two.") and kept(text, view, "Prose three.")
    assert view.count("\r") == text.count("\r")


def test_unclosed_constructs_do_not_swallow_the_rest():
    text = "A ``` run and <!-- no end and [text](no-end and `x` done.\n"
    view = prose_view(text, "a.md")
    assert kept(text, view, "done.")
    assert blanked(text, view, "`x`")


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_malformed_declarations_do_not_break_the_html_parser(kind):
    text = 'Prose before. <![<pre>".. ``<pre>& and <![CDATA[ never closed\n'
    view = prose_view(text, None, kind)
    assert len(view) == len(text)
    assert view.startswith("Prose before.")


def test_large_documents_take_linear_time():
    paragraph = "Prose with `code` and a [link](https://example.com) and <b>tags</b>. " * 20 + "\n\n"
    small, large = paragraph * 200, paragraph * 2000
    start = time.perf_counter()
    prose_view(small, "a.md")
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    prose_view(large, "a.md")
    t_large = time.perf_counter() - start
    assert t_large < t_small * 30  # ten times the text: about ten times the time


def test_many_unmatched_backticks_stay_prose_quickly():
    # runs of one length pair up; a run no later run of its length closes is literal
    text = "word " + " word ".join("`" * n for n in range(1, 300)) + " end\n" * 2000
    start = time.perf_counter()
    view = prose_view(text, "a.md")
    assert time.perf_counter() - start < 2.0
    assert view == text


_markup_alphabet = st.sampled_from(
    list("ab `<>[]()!#-=+|*_\\:/.@&;\"'\n\r\t")
    + ["```", "---\n", "+++\n", "    ", "<!--", "-->", "<![", "]]>", "<!x", "<?", "&#", "<p class=", "<pre>", "</pre>"]
    + ["<script>", "</script>", "http://x.y", "::", ".. ", ".. code::"]
)


@pytest.mark.parametrize("text", ["a<![@", "a<![@ www.x.com", "<![if x]>hi<![endif]>"])
def test_a_malformed_marked_section_in_html_keeps_every_offset(text):
    assert len(prose_view(text, None, "html")) == len(text)


@pytest.mark.parametrize("kind", ["markdown", "html", "rst", "text"])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_markup_alphabet, max_size=60))
def test_any_input_keeps_length_and_line_breaks(kind, pieces):
    text = "".join(pieces)
    view = prose_view(text, None, kind)
    assert len(view) == len(text)
    for t, v in zip(text, view):
        assert v == t or (v in (" ", HOLE) and t not in "\r\n")


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_unicode_keeps_length_and_line_breaks(text):
    for kind in ("markdown", "html", "rst", "text"):
        view = prose_view(text, None, kind)
        assert len(view) == len(text)
        assert all(v == t or (v in (" ", HOLE) and t not in "\r\n") for t, v in zip(text, view))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab@.:/w htpfilemo\n(),'", max_size=60))
def test_addresses_are_found_as_by_a_scan_of_the_whole_text(text):
    """Only the runs around an address marker are scanned; the result is the full scan's."""
    from despin.markup import _ADDRESS, _address_blanks, _trimmed

    full = [s for m in _ADDRESS.finditer(text) if (s := _trimmed(text, *m.span())) is not None]
    assert list(_address_blanks(text, 0, len(text))) == full
