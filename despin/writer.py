"""Writing a restored file: atomically, keeping its mode, never half-written.

The new bytes go to a temporary file in the same folder, are flushed to disk, and then
`os.replace` swaps it in: a reader (or a crash) sees the old file or the new one, never a
mix. A read-only file is refused rather than replaced, since replacing a file only needs
the folder to be writable and would silently defeat the owner's protection.
"""

from __future__ import annotations

import os
import stat
import tempfile

from despin.errors import DespinError


class WriteError(DespinError):
    """A file that cannot be written back: read-only, vanished, or a full or read-only disk."""


def check_writable(path: str) -> None:
    """Raise WriteError unless `path` is a regular file its owner allows writing to.

    The mode bits are read rather than asking os.access, which says yes to root for any file.
    """
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path}: cannot write: not a regular file")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise WriteError(f"{path}: cannot write: file is read-only")


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at `path` (through a symlink, the file it points to) with `data`."""
    check_writable(path)
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    st = os.stat(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".despin-", suffix=".tmp", dir=folder)
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        _keep_owner(tmp, st)
        os.replace(tmp, target)
    except OSError as err:
        _remove_quietly(tmp)
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
    except BaseException:
        _remove_quietly(tmp)
        raise


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the new file the old one's owner and group where allowed (root fixing a user's file)."""
    if hasattr(os, "chown") and (os.stat(tmp).st_uid, os.stat(tmp).st_gid) != (st.st_uid, st.st_gid):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass  # not allowed: the file keeps the writer's ownership, as any editor would leave it


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
