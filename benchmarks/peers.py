"""The peer tools, installed from the package registry into the benchmark's own environment.

codespell and typos are the lexicon fixers content repositories already run in pre-commit;
proselint is the Python prose linter. They are benchmark dependencies only: pinned in
requirements.txt and installed into .cache/peers-venv on first use, never beside despin.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".cache" / "peers-venv"
REQUIREMENTS = HERE / "requirements.txt"

# How each peer checks a list of files (it reads them, reports, and changes nothing).
COMMANDS = {
    "codespell": ["codespell"],
    "typos": ["typos", "--isolated", "--format", "brief"],
    "proselint": ["proselint", "check"],
}


def bin_dir() -> Path:
    return VENV / ("Scripts" if sys.platform == "win32" else "bin")


def ensure() -> dict[str, Path]:
    """Install the pinned peers if needed; the executables that are available, by name."""
    if not all((bin_dir() / name).exists() for name in COMMANDS):
        if not VENV.exists():
            venv.create(VENV, with_pip=True)
        result = subprocess.run(
            [str(bin_dir() / "python"), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            print(f"[peers] could not install the peers: {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
    return {name: bin_dir() / name for name in COMMANDS if (bin_dir() / name).exists()}


def command(name: str, files: list[str]) -> list[str]:
    """The command line that runs peer `name` over `files`."""
    exe, *options = COMMANDS[name]
    return [str(bin_dir() / exe), *options, *files]
