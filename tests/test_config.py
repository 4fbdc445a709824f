"""Configuration is found like ruff's, checked strictly, and read relative to its own file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from despin.config import Config, ConfigError, is_excluded, load_config


def test_nearest_pyproject_with_a_despin_table_is_used(datadir):
    site = datadir / "site"
    config = load_config(site / "content" / "posts" / "a.md")
    assert config.source == (site / "pyproject.toml").resolve()
    assert config.threshold == 0.6
    assert config.min_confidence == 0.3
    assert config.ignore == ["Protection Secretary", "mentioned"]
    assert config.default_lexicon is True


def test_baseline_path_is_relative_to_the_config_file(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / ".despin.toml").write_text('baseline = "despin-baseline.json"\n', encoding="utf-8")
    assert load_config(tmp_path / "site").baseline == (tmp_path / "site" / "despin-baseline.json").resolve()


def test_lexicon_paths_are_relative_to_the_config_file_not_the_working_directory(datadir, monkeypatch):
    site = datadir / "site"
    monkeypatch.chdir(datadir)
    config = load_config(site / "content")
    assert config.lexicons == [(site / "lexicons" / "house.tsv").resolve()]
    assert config.lexicons[0].is_file()


def test_despin_toml_beats_pyproject_in_the_same_folder(datadir):
    docs = datadir / "site" / "docs"
    config = load_config(docs / "api")
    assert config.source == (docs / ".despin.toml").resolve()
    assert config.threshold == 0.4
    assert config.default_lexicon is False
    assert config.lexicons == [(datadir / "site" / "lexicons" / "house.tsv").resolve(), (docs / "docs-terms.tsv").resolve()]


def test_pyproject_without_a_despin_table_is_passed_over(datadir):
    config = load_config(datadir / "outer" / "plain")
    assert config.source == (datadir / "outer" / ".despin.toml").resolve()
    assert config.threshold == 0.7


def test_no_config_anywhere_gives_the_defaults(tmp_path):
    assert load_config(tmp_path) == Config()


def test_an_explicit_config_wins_over_discovery(datadir):
    explicit = datadir / "site" / "docs" / "pyproject.toml"
    config = load_config(datadir / "site" / "content", explicit=explicit)
    assert config.source == explicit.resolve()
    assert config.threshold == 0.9


def test_an_explicit_despin_toml_is_read_as_top_level_keys(datadir):
    config = load_config(datadir, explicit=datadir / "site" / "docs" / ".despin.toml")
    assert config.threshold == 0.4


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_key.toml", "bad_key.toml: treshold: unknown key"),
        ("bad_type.toml", "bad_type.toml: ignore: expected a list of phrases, got 'secure haven'"),
        ("bad_range.toml", "bad_range.toml: threshold: expected a number from 0 to 1, got 1.5"),
        ("broken.toml", "broken.toml: invalid TOML"),
        ("missing.toml", "missing.toml: configuration file not found"),
    ],
)
def test_bad_configs_fail_with_one_line_naming_file_and_key(datadir, name, message):
    with pytest.raises(ConfigError) as err:
        load_config(datadir, explicit=datadir / name)
    text = str(err.value)
    assert message in text
    assert "\n" not in text


def test_a_bad_key_in_pyproject_is_named_with_its_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.despin]\nlexicon = ['x.tsv']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool\.despin\.lexicon: unknown key"):
        load_config(tmp_path)


def test_snake_case_spelling_of_a_key_is_accepted(tmp_path):
    (tmp_path / ".despin.toml").write_text("min_confidence = 0.25\n", encoding="utf-8")
    assert load_config(tmp_path).min_confidence == 0.25


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("content/drafts/wip.md", True),  # folder glob excludes what is under it
        ("content/posts/a.md", False),
        ("vendor/theme/readme.md", True),  # '**' under an anchored folder
        ("assets/app.min.html", True),  # glob without slash matches at any depth
        ("app.min.html", True),
        ("CHANGELOG.md", True),  # leading slash anchors to the config folder
        ("content/CHANGELOG.md", False),
        ("docs/generated-api.md", True),  # '**/' may match no folder at all
        ("docs/api/v2/generated-ref.md", True),
        ("docs/api/guide.md", False),
        ("content/drafts", True),
    ],
)
def test_exclude_globs_work_like_gitignore(datadir, path, excluded):
    site = datadir / "site"
    config = load_config(site)
    assert is_excluded(site / path, config) is excluded


def test_exclude_globs_are_relative_to_the_config_folder_whatever_the_working_directory(datadir, monkeypatch):
    site = datadir / "site"
    config = load_config(site)
    monkeypatch.chdir(site / "content")
    assert is_excluded("drafts/wip.md", config)
    assert not is_excluded("posts/a.md", config)


def test_a_folder_glob_with_trailing_slash_does_not_exclude_a_file_of_that_name(tmp_path):
    config = Config(exclude=["drafts/"], source=tmp_path / ".despin.toml")
    assert is_excluded(tmp_path / "drafts" / "x.md", config)
    assert not is_excluded(tmp_path / "drafts", config)  # a path given as a file


def test_nothing_is_excluded_without_globs(tmp_path):
    assert not is_excluded(tmp_path / "a.md", Config())


def test_the_documented_configuration_is_valid_and_documents_every_key(tmp_path):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "content-repositories.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"^```toml\n(.*?)^```", doc, re.MULTILINE | re.DOTALL)
    (tmp_path / "pyproject.toml").write_text(snippet, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.source == (tmp_path / "pyproject.toml").resolve()
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", doc, re.MULTILINE))
    written = {line.split("=")[0].strip() for line in snippet.splitlines() if "=" in line}
    assert documented == written == {"threshold", "min-confidence", "lexicons", "default-lexicon", "ignore", "exclude", "baseline"}
