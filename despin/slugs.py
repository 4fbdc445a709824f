"""URL slugs as evidence: spinners rewrite the headline, and the page's address repeats it.

A scraped article links to itself or its siblings with slugs made from their headlines,
`https://example.com/2025/11/pupil-day-celebrations-held-final-12-months/`, and a spinner that
rewrote the headline rewrote the slug with it. The prose view blanks every URL (a URL is
never prose, and never edited), so the slugs are read here instead: their words, written
back at their own offsets with the separators as spaces, make a second view of the text
that the matcher reads like prose. What it finds there is shown in the report, but never
fixed (despin does not touch an address) and never part of the verdict (a link to a spun
page does not make the page that links to it spun).
"""

from __future__ import annotations

import regex

from despin.markup import HOLE, addresses

_NOT_A_BREAK = regex.compile(r"[^\r\n]")
# One path segment that reads as words: at least three, joined by hyphens or underscores.
_SLUG = regex.compile(r"(?<![^/])\p{L}[\p{L}\p{N}]*(?:[-_][\p{L}\p{N}]+){2,}(?=\.\w{2,5}$|/|$|[?#])")


def slug_spans(text: str, view: str) -> list[tuple[int, int]]:
    """Spans of `text` that are URL slugs the prose view left out (blanked).

    The addresses are those the prose view itself finds (`markup.addresses`); an e-mail
    address or a bare host has no path, so no slug."""
    spans: list[tuple[int, int]] = []
    for start, end in addresses(text):
        if not view[start:end].replace(HOLE, " ").isspace():
            continue  # the prose view kept it: not an address there
        address = text[start:end]
        path_from = address.find("/", address.find("//") + 2 if "//" in address else 0)
        if path_from < 0:
            continue
        path = address[path_from:].split("?", 1)[0].split("#", 1)[0]
        for slug in _SLUG.finditer(path):
            spans.append((start + path_from + slug.start(), start + path_from + slug.end()))
    return spans


def slug_view(text: str, view: str) -> str:
    """A view of `text`, as long as it, holding only its URL slugs: separators made spaces,
    each slug on a line of its own so that none runs into another; all else blank."""
    spans = slug_spans(text, view)
    if not spans:
        return ""
    out = list(_NOT_A_BREAK.sub(" ", text))
    for start, end in spans:
        for i in range(start, end):
            c = text[i]
            out[i] = " " if c in "-_" else c
        if end < len(out) and out[end] == " ":
            out[end] = "\n"  # a slug is a passage of its own: no phrase joins two slugs
    return "".join(out)
