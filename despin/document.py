"""Reading text files: decoding that remembers what it must give back byte for byte.

`fix` must not change a byte it did not mean to change, so a Document keeps what decoding
took away (the BOM) and nothing else is normalised: CRLF stays CRLF in `text`, trailing
white space and the final newline stay. `encode()` gives the original bytes back exactly
when the text is unchanged.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from despin.errors import InputError

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 50 * 1024 * 1024  # larger files are refused rather than read into memory
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded text and what is needed to encode it back unchanged."""

    path: str
    text: str
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        body = (self.text if text is None else text).encode("utf-8")
        return BOM + body if self.bom else body


def decode(data: bytes, path: str) -> Document:
    """Decode UTF-8 (with or without BOM); refuse binary data and invalid UTF-8 with a position."""
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes)")
    bom = data.startswith(BOM)
    body = data[len(BOM):] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (len(BOM) if bom else 0)
        raise InputError(f"{path}: invalid UTF-8 at byte offset {offset}") from None
    return Document(path=path, text=text, bom=bom)


def read_document(path: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file (or stdin for "-") as a Document, or raise InputError with one clear line."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as err:
        raise InputError(f"{path}: {err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")
    if st.st_size > max_bytes:
        raise InputError(f"{path}: file too large ({st.st_size} bytes; limit {max_bytes})")
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    return decode(data, path)


TEXT_SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".mdx", ".rst", ".html", ".htm", ".text", ".adoc", ".org", ".tex"}
)


def expand_paths(paths: list[str]) -> list[str]:
    """Files named, and text files found by walking named directories (sorted, hidden skipped).

    Missing paths are passed through so that reading them reports the error in order.
    """
    out: list[str] = []
    for p in paths:
        if p != STDIN and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                        out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out
