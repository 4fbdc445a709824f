"""Project configuration: `[tool.despin]` in pyproject.toml or top-level keys in .despin.toml.

A content repository states once what it accepts (a house phrase that looks spun, extra
lexicons, generated folders to skip) instead of repeating options in every hook and CI job.
Discovery works like ruff's: the nearest configuration file above the starting folder wins,
and `.despin.toml` beats `pyproject.toml` in the same folder. Paths in a configuration file
are relative to that file, so the result does not depend on the working directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from despin.errors import DespinError

DESPIN_TOML = ".despin.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(DespinError):
    """A configuration file that cannot be used; the message is one line naming file and key."""


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file; `None` means "not set: use the command's default"."""

    threshold: float | None = None
    min_confidence: float | None = None
    lexicons: list[Path] = field(default_factory=list)
    default_lexicon: bool = True
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    baseline: Path | None = None
    source: Path | None = None

    @property
    def root(self) -> Path | None:
        """The folder exclude globs and lexicon paths are relative to."""
        return self.source.parent if self.source else None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """The configuration for files at or below `start`: `explicit` if given, else the nearest.

    Raises ConfigError for an explicit file that is missing, invalid TOML, unknown keys or
    values of the wrong type.
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        table = _read(explicit)
        if explicit.name == PYPROJECT:
            table = _tool_table(table, explicit) or {}
        return _parse(table, explicit.resolve())
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    return _parse(table, path.resolve())


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above `start`, with its despin table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / DESPIN_TOML
        if own.is_file():
            return own, _read(own)
        project = candidate / PYPROJECT
        if project.is_file():
            table = _tool_table(_read(project), project)
            if table is not None:
                return project, table
    return None


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only when a configuration file exists

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror}") from None


def _tool_table(document: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = document.get("tool")
    if not isinstance(tool, dict) or "despin" not in tool:
        return None
    table = tool["despin"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.despin: expected a table")
    return table


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0.0 <= value <= 1.0


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# key -> (dataclass field, check, what the check wants)
_KEYS = {
    "threshold": ("threshold", _number, "a number from 0 to 1"),
    "min-confidence": ("min_confidence", _number, "a number from 0 to 1"),
    "lexicons": ("lexicons", _strings, "a list of paths"),
    "default-lexicon": ("default_lexicon", lambda v: isinstance(v, bool), "true or false"),
    "ignore": ("ignore", _strings, "a list of phrases"),
    "exclude": ("exclude", _strings, "a list of globs"),
    "baseline": ("baseline", lambda v: isinstance(v, str) and v != "", "a path"),
}


def _parse(table: dict[str, Any], source: Path) -> Config:
    values: dict[str, Any] = {}
    prefix = "tool.despin." if source.name == PYPROJECT else ""
    for key, value in table.items():
        spec = _KEYS.get(key.replace("_", "-"))
        if spec is None:
            known = ", ".join(_KEYS)
            raise ConfigError(f"{source}: {prefix}{key}: unknown key (known: {known})")
        name, check, wanted = spec
        if not check(value):
            raise ConfigError(f"{source}: {prefix}{key}: expected {wanted}, got {value!r}")
        values[name] = value
    if "threshold" in values:
        values["threshold"] = float(values["threshold"])
    if "min_confidence" in values:
        values["min_confidence"] = float(values["min_confidence"])
    if "lexicons" in values:
        values["lexicons"] = [(source.parent / p).resolve() for p in values["lexicons"]]
    if "baseline" in values:
        values["baseline"] = (source.parent / values["baseline"]).resolve()
    return Config(source=source, **values)


# --- exclusion ------------------------------------------------------------------------------


def is_excluded(path: Path | str, config: Config) -> bool:
    """Whether `path` matches one of the configuration's exclude globs.

    Globs follow .gitignore: relative to the configuration file's folder; one without a
    slash matches a name at any depth; `**` spans folders; a glob matching a folder
    excludes everything under it. Paths outside that folder are matched as given.
    """
    if not config.exclude:
        return False
    path = Path(path)
    parts = _relative_parts(path, config.root)
    patterns = [_compile_glob(g) for g in config.exclude]
    for i in range(1, len(parts) + 1):
        prefix = "/".join(parts[:i])
        name = parts[i - 1]
        is_dir = i < len(parts) or path.is_dir()
        for anchored, dir_only, regex in patterns:
            if dir_only and not is_dir:
                continue
            if regex.fullmatch(prefix if anchored else name):
                return True
    return False


def _relative_parts(path: Path, root: Path | None) -> tuple[str, ...]:
    if root is not None:
        absolute = Path(os.path.abspath(path))
        try:
            return PurePosixPath(absolute.relative_to(root).as_posix()).parts
        except ValueError:
            pass
    return tuple(p for p in PurePosixPath(path.as_posix()).parts if p not in ("/", "."))


def _compile_glob(glob: str) -> tuple[bool, bool, re.Pattern[str]]:
    """(anchored, directories only, regex) for one gitignore-style glob."""
    dir_only = glob.endswith("/")
    glob = glob.strip("/") if dir_only else glob
    anchored = "/" in glob
    glob = glob.lstrip("/")
    glob = glob.removeprefix("./")
    return anchored, dir_only, re.compile(_translate(glob))


def _translate(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == len(glob):
            out.append("(?:/.*)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2 :]:
            close = glob.index("]", i + 2)
            body = glob[i + 1 : close].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = close + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)
