"""The pre-commit hooks and the CI snippets of docs/content-repositories.md work end to end.

The hook tests run the real `pre-commit` against a throwaway git repository holding a spun
post and an honest one; pre-commit installs despin from a committed copy of this project
into its own environment, as it would for a user.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "content-repositories.md"
PRE_COMMIT = shutil.which("pre-commit")
needs_pre_commit = pytest.mark.skipif(PRE_COMMIT is None, reason="the pre-commit executable is not installed")
yaml = pytest.importorskip("yaml", reason="PyYAML (installed with pre-commit) reads the hook and snippet YAML")

GIT_IDENTITY = ["-c", "user.name=despin tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]
COPY_IGNORE = shutil.ignore_patterns(
    ".git", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "*.egg-info", "build", "dist", "tests", "benchmarks", "seeds"
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True)


def snippets(kind: str) -> list[str]:
    """The fenced code blocks of the documentation with the given info string."""
    return re.findall(rf"^```{kind}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def pre_commit_snippet() -> dict:
    (config,) = [yaml.safe_load(s) for s in snippets("yaml") if s.startswith("repos:")]
    return config


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A committed copy of this project, as pre-commit would clone it: (path, commit)."""
    repo = tmp_path_factory.mktemp("hook-repo") / "despin"
    shutil.copytree(ROOT, repo, ignore=COPY_IGNORE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "despin under test")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()
    return repo, commit


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory) -> dict[str, str]:
    """One pre-commit cache for the session, so despin is installed once."""
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env.pop("PRE_COMMIT", None)
    return env


@pytest.fixture
def site(datadir) -> Path:
    """A content repository with a spun post and an honest one, staged."""
    site = datadir / "site"
    site.mkdir()
    for name in ("spun-post.md", "honest-post.md"):
        shutil.copy(datadir / name, site / name)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    return site


def pre_commit(site: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    return subprocess.run([PRE_COMMIT, *args], check=False, cwd=site, env=env, capture_output=True, text=True, timeout=1800)


def test_hooks_file_declares_check_and_fix_hooks_for_prose_files():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["despin"]["entry"] == "despin check"
    assert hooks["despin-fix"]["entry"] == "despin fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert set(hook["types_or"]) == {"markdown", "rst", "html", "plain-text"}
        assert hook.get("pass_filenames", True) is True


def test_documented_pre_commit_snippet_names_existing_hooks():
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    (repo,) = pre_commit_snippet()["repos"]
    assert repo["repo"].startswith("https://")
    assert {h["id"] for h in repo["hooks"]} <= hooks
    fix_fragment = [s for s in snippets("yaml") if s.lstrip().startswith("- id:")]
    assert [yaml.safe_load(s)[0]["id"] for s in fix_fragment] == ["despin-fix"]


@needs_pre_commit
def test_check_hook_fails_on_the_spun_post_and_passes_the_honest_one(site, hook_repo, pre_commit_env):
    repo, _ = hook_repo
    spun = pre_commit(site, pre_commit_env, "try-repo", str(repo), "despin", "--files", "spun-post.md")
    assert spun.returncode == 1, spun.stdout + spun.stderr
    assert 'spun-post.md:6:5: DS102 "Protection Secretary" -> "Defense Secretary"' in spun.stdout
    honest = pre_commit(site, pre_commit_env, "try-repo", str(repo), "despin", "--files", "honest-post.md")
    assert honest.returncode == 0, honest.stdout + honest.stderr


@needs_pre_commit
def test_fix_hook_restores_the_spun_post(site, datadir, hook_repo, pre_commit_env):
    repo, _ = hook_repo
    fixed = pre_commit(site, pre_commit_env, "try-repo", str(repo), "despin-fix", "--files", "spun-post.md")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # pre-commit fails when a hook changes files
    assert "files were modified by this hook" in fixed.stdout
    text = (site / "spun-post.md").read_text(encoding="utf-8")
    for spun in ("Protection Secretary", "secure haven", "final 12 months", "mentioned"):
        assert spun not in text
    assert "Defense Secretary said" in text and "safe haven" in text
    assert text.startswith("---\ntitle: Harbour deal\n---\n")  # front matter untouched
    again = pre_commit(site, pre_commit_env, "try-repo", str(repo), "despin", "--files", "spun-post.md")
    assert again.returncode == 0, again.stdout + again.stderr


@needs_pre_commit
def test_documented_pre_commit_config_blocks_the_spun_post(site, hook_repo, pre_commit_env):
    repo, commit = hook_repo
    config = pre_commit_snippet()
    config["repos"][0].update(repo=str(repo), rev=commit)  # the documented hooks, from this checkout
    (site / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(site, "add", ".pre-commit-config.yaml")
    spun = pre_commit(site, pre_commit_env, "run", "--files", "spun-post.md")
    assert spun.returncode == 1, spun.stdout + spun.stderr
    assert "secure haven" in spun.stdout
    honest = pre_commit(site, pre_commit_env, "run", "--files", "honest-post.md")
    assert honest.returncode == 0, honest.stdout + honest.stderr


def documented_check_commands() -> list[str]:
    """The `despin check` steps of the documented GitHub Actions workflows."""
    commands = []
    for snippet in snippets("yaml"):
        workflow = yaml.safe_load(snippet)
        if isinstance(workflow, dict) and "jobs" in workflow:
            for job in workflow["jobs"].values():
                commands += [s["run"] for s in job["steps"] if s.get("run", "").startswith("despin check")]
    return commands


def test_documented_workflows_install_the_revision_pre_commit_uses():
    (repo,) = pre_commit_snippet()["repos"]
    installs = re.findall(r'pip install "despin @ git\+(\S+)@(\S+)"', DOC.read_text(encoding="utf-8"))
    assert installs and all(url == repo["repo"] and rev == repo["rev"] for url, rev in installs)


@pytest.mark.parametrize("command", documented_check_commands())
def test_documented_workflow_commands_report_the_spun_post(site, command):
    args = shlex.split(command)
    output = None
    if ">" in args:
        at = args.index(">")
        args, output = args[:at], site / args[at + 1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    despin = [sys.executable, "-m", "despin", *args[1:]]
    result = subprocess.run(despin, check=False, cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    if output is not None:  # as the shell redirection would; the next steps read the file
        output.write_text(out, encoding="utf-8")
    if "--format github" in command:
        lines = out.splitlines()
        assert lines and all(line.startswith("::warning file=") for line in lines)
        assert all("honest-post.md" not in line for line in lines)
        assert any("spun-post.md,line=6,col=5," in line and "title=DS102" in line for line in lines)
    else:
        results = json.loads(out)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"spun-post.md"} or uris == {"./spun-post.md"}
