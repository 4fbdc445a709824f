"""`despin fix`: diffs, in-place writes, stdin/stdout, and bad input, end to end."""

from __future__ import annotations

import os
import shutil

from typer.testing import CliRunner

from conftest import HONEST_SEEDS, REFERENCE_SEED, SPUN_SEED
from despin.cli import app
from despin.evaluate import score

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, ["fix", *args], input=stdin)


def lines_and_endings(data: bytes) -> list[bytes]:
    """The line endings of a file, in order ("\\r\\n", "\\n" or "" for the last line)."""
    return [b"\r\n" if line.endswith(b"\r\n") else b"\n" if line.endswith(b"\n") else b"" for line in data.splitlines(keepends=True)]


def test_diff_shows_the_restoration_and_writes_nothing(datadir):
    path = datadir / "spun.txt"
    before = path.read_bytes()
    result = run("--diff", str(path))
    assert result.exit_code == 1
    assert path.read_bytes() == before
    out = result.stdout
    assert out.startswith(f"--- a/{str(path).lstrip('/')}\n+++ b/")
    assert "@@ -1,5 +1,5 @@ safe\n" in out
    assert "+U.S. Defense Secretary Pete Hegseth said last week that nothing is off the table.\n\\ No newline at end of file\n" in out
    assert "a massive military buildup" in out  # "an enormous" became "a massive"
    assert "restore" in result.stderr


def test_fix_writes_in_place_keeping_bom_line_endings_and_trailing_space(datadir):
    path = datadir / "spun.txt"
    before = path.read_bytes()
    result = run(str(path))
    assert result.exit_code == 0, result.stderr
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.startswith(b"\xef\xbb\xbf" * 2)
    assert lines_and_endings(after) == lines_and_endings(before)  # CRLF kept, still no final newline
    assert after.splitlines()[0].endswith(b"1990s.  ")  # trailing white space kept
    text = after.decode("utf-8-sig")
    assert "Colombia’s National Liberation Army used the border as a safe haven" in text
    assert "secure haven" not in text and "Justice Division" not in text


def test_fixing_twice_changes_nothing_the_second_time(datadir, tmp_path):
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SPUN_SEED, copy)
    os.chmod(copy, 0o644)
    for path in (datadir / "spun.txt", copy):
        assert run(str(path)).exit_code == 0
        once = path.read_bytes()
        again = run("--diff", str(path))
        assert (again.exit_code, again.stdout) == (0, ""), again.stdout
        assert run(str(path)).exit_code == 0
        assert path.read_bytes() == once


def test_stdin_is_restored_to_stdout_byte_for_byte(datadir):
    data = (datadir / "spun.txt").read_bytes()
    result = run("-", stdin=data)
    assert result.exit_code == 0
    out = result.stdout_bytes
    assert out.startswith(b"\xef\xbb\xbf") and lines_and_endings(out) == lines_and_endings(data)
    assert b"safe haven" in out and b"secure haven" not in out
    assert run("-", stdin=out).stdout_bytes == out


def test_diff_of_stdin(datadir):
    result = run("--diff", "-", stdin=(datadir / "mixed.txt").read_bytes())
    assert result.exit_code == 1
    assert result.stdout.startswith("--- <stdin>\n+++ <stdout>\n")


def test_unsafe_edits_are_held_back_unless_asked_for(datadir):
    path = str(datadir / "mixed.txt")
    safe = run("--diff", path)
    # a suspicious (not spun) document: only the surest fingerprint is safe
    assert "@@ -8,4 +8,4 @@ safe\n" in safe.stdout and "final 12 months" not in safe.stdout
    assert "1 unsafe fix not applied (use --unsafe-fixes)" in safe.stderr
    bold = run("--diff", "--unsafe-fixes", path)
    assert "@@ -1,4 +1,4 @@ unsafe\n-The final 12 months went well.\n+The last year went well.\n" in bold.stdout


def test_min_confidence_chooses_how_bold(datadir):
    path = str(datadir / "spun.txt")
    def added(*options: str) -> str:
        out = run("--diff", *options, path).stdout
        return "".join(line for line in out.splitlines(keepends=True) if line.startswith("+"))

    bold, timid = added("--min-confidence", "0.5"), added("--min-confidence", "0.9")
    assert "1990s" in bold and "Justice Department" in bold
    assert "Nineties" in timid and "Justice Department" in timid
    assert run("--diff", "--min-confidence", "1.0", path).exit_code == 0


def test_code_urls_and_addresses_are_never_touched(datadir):
    result = run("--diff", str(datadir / "notes.md"))
    assert "+The rebels used the border as a safe haven, said the Defense Secretary.\n" in result.stdout
    added = [line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == 1  # the fenced code, inline code, URL and e-mail lines stay


def test_honest_seeds_get_no_edits():
    result = run("--diff", *map(str, HONEST_SEEDS))
    assert (result.exit_code, result.stdout) == (0, "")


def test_spun_seed_restoration_meets_its_targets(tmp_path):
    out = tmp_path / "restored.txt"
    shutil.copyfile(SPUN_SEED, out)
    os.chmod(out, 0o644)
    assert run(str(out)).exit_code == 0
    figures = score(SPUN_SEED.read_text("utf-8"), REFERENCE_SEED.read_text("utf-8"), out.read_text("utf-8"))
    assert figures.reduction >= 0.84  # 0.85 before the table's second pass, which gained 0.05 on the blind set
    assert figures.harmed <= 15  # see the evaluation notes: the rest are ambiguous swaps the reference kept


def test_read_only_file_is_refused_and_unchanged(datadir):
    path = datadir / "spun.txt"
    before = path.read_bytes()
    os.chmod(path, 0o444)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"despin: error: {path}: cannot write: file is read-only\ndespin: restored 0 spans in 0 files\n"
    assert path.read_bytes() == before


def test_bad_input_is_one_line_each_and_exit_2(datadir, tmp_path):
    result = run(str(tmp_path / "missing.txt"), str(datadir / "binary.bin"), str(datadir / "invalid.txt"))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("despin: error:")]
    assert [e.split(": ", 3)[-1] for e in errors] == [
        "no such file or directory",
        "binary file (contains NUL bytes)",
        "invalid UTF-8 at byte offset 15",
    ]
    assert "Traceback" not in result.output
    assert (datadir / "invalid.txt").read_bytes() == b"a secure haven \xff\xfe\n"


def test_a_directory_is_walked_for_text_files(datadir):
    result = run("--diff", str(datadir))
    assert result.exit_code == 2  # invalid.txt is among them; the others are still diffed
    assert "+++ b/" + str(datadir / "notes.md").lstrip("/") in result.stdout
    assert "+++ b/" + str(datadir / "spun.txt").lstrip("/") in result.stdout
    assert "invalid.txt: invalid UTF-8" in result.stderr
    assert "binary.bin" not in result.stdout + result.stderr  # not a text file name: skipped


def test_diff_is_coloured_only_on_a_terminal(datadir):
    import io

    from despin import diff as diffs
    from despin.rewrite import Edit

    text = "It was a secure haven.\n"
    patch = diffs.unified("x.txt", text, [Edit(9, 21, "secure haven", "safe haven", True, 0.9, "DS101")])
    assert patch == "--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@ safe\n-It was a secure haven.\n+It was a safe haven.\n"
    plain, tty = io.StringIO(), io.StringIO()
    diffs.write(patch, plain, colour=False)
    diffs.write(patch, tty, colour=True)
    assert plain.getvalue() == patch
    assert "\x1b[" in tty.getvalue() and "+It was a safe haven." in tty.getvalue()


def test_read_only_file_with_nothing_to_restore_is_fine(tmp_path):
    path = tmp_path / "honest.txt"
    shutil.copyfile(HONEST_SEEDS[0], path)
    os.chmod(path, 0o444)
    result = run(str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == HONEST_SEEDS[0].read_bytes()


def test_invalid_stdin_writes_nothing_to_stdout():
    result = run("-", stdin=b"a secure haven \xff\n")
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert "despin: error: <stdin>: invalid UTF-8 at byte offset 15" in result.stderr


def test_workers_restore_what_one_process_restores(datadir, tmp_path, monkeypatch):
    """Files are planned in worker processes and written here: the same diffs, the same bytes,
    in the order given, and a file that cannot be written among them still fails alone."""
    import despin.engine

    monkeypatch.setattr(despin.engine, "PARALLEL_MIN_BYTES", 0)
    names = ["spun.txt", "mixed.txt", "honest.txt"]
    paths = [str(datadir / n) for n in names if (datadir / n).exists()] + [str(SPUN_SEED), *map(str, HONEST_SEEDS)]
    one, two = run("--diff", "--jobs", "1", *paths), run("--diff", "--jobs", "2", *paths)
    assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout) and one.exit_code == 1
    copies = []
    for i, p in enumerate(paths):
        copy = tmp_path / f"{i}-{os.path.basename(p)}"
        shutil.copyfile(p, copy)
        copies.append(copy)
    os.chmod(copies[0], 0o444)
    before = copies[0].read_bytes()
    result = run("--jobs", "2", *map(str, copies))
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert copies[0].read_bytes() == before
    serial = tmp_path / "serial"
    serial.mkdir()
    for p, copy in zip(paths[1:], copies[1:]):
        shutil.copyfile(p, serial / copy.name)
    assert run("--jobs", "1", *map(str, sorted(serial.iterdir()))).exit_code == 0
    for copy in copies[1:]:
        assert copy.read_bytes() == (serial / copy.name).read_bytes()
