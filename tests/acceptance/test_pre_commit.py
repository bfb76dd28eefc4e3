"""The real pre-commit runs the hooks this repository publishes, as users install them.

A copy of this checkout (its working tree, committed into a new repository) is the hook
repository; pre-commit builds its environment with pip as it would from GitHub.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GIT_ENV, PINNED, VALID_HANDOFF, VALID_RESPONSE, git

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

PROJECT = Path(__file__).resolve().parents[2]
HANDOFF = "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md"
LEAK = VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This checkout's files (committed or not) as a git repository, and its commit id."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    if (PROJECT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=PROJECT, capture_output=True, check=True
        )
        names = [n for n in listed.stdout.decode().split("\0") if n]
    else:  # an sdist: take what is there
        names = [str(p.relative_to(PROJECT)) for p in PROJECT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    for name in names:
        source = PROJECT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "handoff-lint under test", cwd=repo)
    return repo, git("rev-parse", "HEAD", cwd=repo).stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    return git_env_run(
        [sys.executable, "-m", "pre_commit", *args], cwd, {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    )


def git_env_run(command: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    full = {**os.environ, **GIT_ENV, **PINNED, **env}
    return subprocess.run(command, cwd=cwd, env=full, capture_output=True, text=True, timeout=900)


def test_try_repo_blocks_a_leaky_handoff_and_passes_a_clean_one(git_repo, hook_repo, pre_commit_home):
    repo, _ = hook_repo
    (git_repo / HANDOFF).write_text(LEAK)
    git("add", HANDOFF, cwd=git_repo)
    blocked = pre_commit("try-repo", str(repo), "handoff-lint", cwd=git_repo, home=pre_commit_home)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert re.search(r"^handoff-lint\.+Failed$", blocked.stdout, re.M)
    assert f"{HANDOFF}:12:75: HL201 path into a home folder: '/home/alice'" in blocked.stdout
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    git("add", HANDOFF, cwd=git_repo)
    passed = pre_commit("try-repo", str(repo), "handoff-lint", cwd=git_repo, home=pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^handoff-lint\.+Passed$", passed.stdout, re.M)


def test_installed_hooks_block_the_commit(git_repo, hook_repo, pre_commit_home):
    repo, rev = hook_repo
    (git_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: handoff-structure\n  - id: handoff-privacy\n  - id: handoff-lifecycle\n"
    )
    git("add", ".pre-commit-config.yaml", cwd=git_repo)
    installed = pre_commit("install", cwd=git_repo, home=pre_commit_home)
    assert installed.returncode == 0, installed.stderr
    # a malformed handoff in the folder, and a leaky note elsewhere in the repository
    (git_repo / HANDOFF).write_text(VALID_HANDOFF.replace("**Priority**: MEDIUM\n", ""))
    (git_repo / "notes.md").write_text("staging box: build7.corp\n")
    orphan = git_repo / "models/next-local/responses/2026-11-03-response-to-handoff-2026-11-01-gone.md"
    orphan.write_text(VALID_RESPONSE.replace("handoff-2026-11-02-extract-error-patterns", "handoff-2026-11-01-gone"))
    git("add", "-A", cwd=git_repo)
    blocked = git_env_run(
        ["git", "commit", "-m", "bad"], git_repo, {"PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    )
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{HANDOFF}:" in shown and "HL102 missing metadata field '**Priority**:'" in shown
    assert "notes.md:1:14: HL203" in shown
    assert "HL406 response names handoff handoff-2026-11-01-gone.md" in shown
    for hook in ("handoff-structure", "handoff-privacy", "handoff-lifecycle"):
        assert re.search(rf"^{hook}\.+Failed$", shown, re.M), (hook, shown)
    orphan.unlink()
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    (git_repo / "notes.md").write_text("staging box: build7.example.com\n")
    git("add", "-A", cwd=git_repo)
    passed = git_env_run(
        ["git", "commit", "-m", "good"],
        git_repo,
        {"PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"},
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_archiving_an_answered_handoff_is_blocked_until_fixed(git_repo, hook_repo, pre_commit_home):
    """Protocol step 10 (status Completed, git mv to archive/): pre-commit passes only the
    handoff, yet the response still linking ../active/ is named; after --fix the commit passes."""
    repo, rev = hook_repo
    name = HANDOFF.rsplit("/", 1)[1]
    response = f"models/next-local/responses/2026-11-03-response-to-{name}"
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    (git_repo / response).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    (git_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: handoff-lint\n  - id: handoff-lifecycle\n"
    )
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "answered", cwd=git_repo)
    assert pre_commit("install", cwd=git_repo, home=pre_commit_home).returncode == 0
    env = {"PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    (git_repo / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    git("add", "-A", cwd=git_repo)
    git("mv", HANDOFF, HANDOFF.replace("/active/", "/archive/"), cwd=git_repo)
    blocked = git_env_run(["git", "commit", "-m", "archive"], git_repo, env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{response}:7:48: HL406 [*] link '../active/{name}' is stale" in shown
    for hook in ("handoff-lint", "handoff-lifecycle"):
        assert re.search(rf"^{hook}\.+Failed$", shown, re.M), (hook, shown)
    fixed = git_env_run([sys.executable, "-m", "handoff_lint", "check", "--fix", "models/next-local"], git_repo, {})
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    git("add", "-A", cwd=git_repo)
    passed = git_env_run(["git", "commit", "-m", "archive"], git_repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_init_snippet_works_as_printed(tmp_path, pre_commit_home):
    """`init other/place` in a fresh repository: its snippet, pasted, installs and runs; its
    files: pattern matches the folder, and the privacy hook reports nothing twice."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git("init", "-q", "-b", "main", cwd=tmp_path)
    env = {
        "PRE_COMMIT_HOME": str(pre_commit_home),
        "PRE_COMMIT_COLOR": "never",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    made = git_env_run([sys.executable, "-m", "handoff_lint", "init", "other/place"], tmp_path, env)
    assert made.returncode == 0, made.stderr
    snippet = made.stdout[made.stdout.index("# .pre-commit-config.yaml") :]
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet)
    git("add", "-A", cwd=tmp_path)
    installed = git_env_run([sys.executable, "-m", "pre_commit", "install"], tmp_path, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    handoff = "other/place/active/handoff-2026-11-02-extract-error-patterns.md"
    (tmp_path / handoff).write_text(LEAK)
    (tmp_path / "notes.md").write_text(
        "staging box: build7.corp\n"
    )  # markdown: HL2 looks there outside handoff folders too
    git("add", "-A", cwd=tmp_path)
    blocked = git_env_run(["git", "commit", "-m", "leak"], tmp_path, env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert shown.count(f"{handoff}:12:75: HL201") == 1, shown  # once, by the handoff-lint hook
    assert shown.count("notes.md:1:14: HL203") == 1, shown  # by the privacy hook
    assert re.search(r"^handoff-lint\.+Failed$", shown, re.M) and re.search(r"^handoff-privacy\.+Failed$", shown, re.M)
    (tmp_path / handoff).write_text(VALID_HANDOFF)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "README.md").write_text("# Nightly logs\n")  # which VALID_HANDOFF links to
    (tmp_path / "notes.md").write_text("staging box: build7.example.com\n")
    git("add", "-A", cwd=tmp_path)
    passed = git_env_run(["git", "commit", "-m", "clean"], tmp_path, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_init_snippet_lets_a_code_commit_through_and_blocks_a_token(tmp_path, pre_commit_home):
    """A team's first code commit under `init`'s snippet: a Dockerfile working in /root, a
    licence and a pyproject naming their author's e-mail pass the privacy hook (HL2 reads
    markdown only outside handoff folders); a token in settings.py is blocked (HL3 reads every
    text file)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git("init", "-q", "-b", "main", cwd=tmp_path)
    env = {
        "PRE_COMMIT_HOME": str(pre_commit_home),
        "PRE_COMMIT_COLOR": "never",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    made = git_env_run([sys.executable, "-m", "handoff_lint", "init"], tmp_path, env)
    assert made.returncode == 0, made.stderr
    (tmp_path / ".pre-commit-config.yaml").write_text(made.stdout[made.stdout.index("# .pre-commit-config.yaml") :])
    assert git_env_run([sys.executable, "-m", "pre_commit", "install"], tmp_path, env).returncode == 0
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nWORKDIR /root/app\nCOPY . /root/app\n")
    (tmp_path / "LICENSE").write_text("MIT License\n\nCopyright (c) 2026 Jane Doe <jane.doe@gmail.com>\n")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\nauthors = [{name = "Jane Doe", email = "jane.doe@gmail.com"}]\n'
    )
    (tmp_path / "deploy.sh").write_text("#!/bin/sh\nscp build.tar /home/jane/releases/\n")
    git("add", "-A", cwd=tmp_path)
    passed = git_env_run(["git", "commit", "-m", "the app"], tmp_path, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    token = "ghp_" + "Zq3aB7cD9eF1gH2iJ4kL6mN8oP0qR5sT7uV9"
    (tmp_path / "settings.py").write_text(f'GITHUB_TOKEN = "{token}"\n')
    git("add", "-A", cwd=tmp_path)
    blocked = git_env_run(["git", "commit", "-m", "settings"], tmp_path, env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and "settings.py:1:17: HL301" in shown and token not in shown, shown


def test_renaming_an_answered_handoff_is_blocked(git_repo, hook_repo, pre_commit_home):
    """pre-commit passes only a renamed file's new path: the response naming the old one is read
    all the same (the run asks the index for its renames and deletions), as the plain hook does."""
    repo, rev = hook_repo
    name = HANDOFF.rsplit("/", 1)[1]
    response = f"models/next-local/responses/2026-11-03-response-to-{name}"
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    (git_repo / response).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    (git_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: handoff-lint\n"
    )
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "answered", cwd=git_repo)
    assert pre_commit("install", cwd=git_repo, home=pre_commit_home).returncode == 0
    env = {"PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    git("mv", HANDOFF, HANDOFF.replace("extract-error-patterns", "extract-error-signatures"), cwd=git_repo)
    blocked = git_env_run(["git", "commit", "-m", "rename"], git_repo, env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{response}:7:48: HL406 response names handoff {name}, which is in neither active/ nor archive/" in shown
