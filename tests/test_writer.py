"""Writing files back: atomic, mode kept, byte-faithful, and read-only files refused."""

from __future__ import annotations

import os
import stat

import pytest

from despin.document import read_document
from despin.writer import WriteError, check_writable, write_atomic


def test_unchanged_text_encodes_to_the_same_bytes(datadir):
    path = datadir / "bom_crlf.txt"
    doc = read_document(str(path))
    assert doc.bom and "\r\n" in doc.text
    assert doc.encode() == path.read_bytes()


def test_write_replaces_content_keeps_mode_and_leaves_no_temporary_file(datadir):
    path = datadir / "bom_crlf.txt"
    os.chmod(path, 0o640)
    doc = read_document(str(path))
    write_atomic(str(path), doc.encode(doc.text.replace("secure haven", "safe haven")))
    assert path.read_bytes() == b"\xef\xbb\xbfThe safe haven.\r\nLine two  \r\nno final newline"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in datadir.iterdir()) == ["bom_crlf.txt", "plain.txt"]


def test_read_only_file_is_refused_and_left_unchanged(datadir):
    path = datadir / "plain.txt"
    os.chmod(path, 0o444)
    with pytest.raises(WriteError, match="plain.txt: cannot write: file is read-only"):
        write_atomic(str(path), b"changed\n")
    assert path.read_bytes() == b"Plain text.\n"
    assert sorted(p.name for p in datadir.iterdir()) == ["bom_crlf.txt", "plain.txt"]


def test_missing_file_is_a_write_error(tmp_path):
    with pytest.raises(WriteError, match="cannot write"):
        check_writable(str(tmp_path / "gone.txt"))


def test_symlink_is_followed_and_kept(datadir):
    link = datadir / "link.txt"
    link.symlink_to(datadir / "plain.txt")
    write_atomic(str(link), b"Changed.\n")
    assert link.is_symlink()
    assert (datadir / "plain.txt").read_bytes() == b"Changed.\n"
