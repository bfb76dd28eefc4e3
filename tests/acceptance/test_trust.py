"""Trust II (issue 16): the tool never runs, reads or writes outside what the user asked for.

Every case runs the real command (or a real ``git commit``) in a real git repository in a
temporary folder, next to an *outside* folder that holds a credential-like file; the outside
tree is hashed before and after (nothing outside may change) and no outside content may appear
in the repository or in the output.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, run_cli

POSIX = sys.platform != "win32"
ROOT = "models/next-local"
HANDOFF = "handoff-2026-11-02-extract-error-patterns.md"
SECRET = "outside-secret-7f3a9c"  # what the outside file holds: must never be copied or printed


def tree_digest(folder: Path) -> str:
    """One hash of every name, type, mode and content under ``folder`` (links not followed)."""
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(current, name)
            info = path.lstat()
            digest.update(f"{path.relative_to(folder)}\0{info.st_mode}\0".encode())
            if path.is_symlink():
                digest.update(os.readlink(path).encode())
            elif path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def repo_holds(repo: Path, needle: str) -> list[Path]:
    """Files in the repository (outside .git) whose bytes hold ``needle``, links not followed."""
    found = []
    for current, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            path = Path(current, name)
            if not path.is_symlink() and needle.encode() in path.read_bytes():
                found.append(path)
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the repository: a 'private' tree the tool must leave alone."""
    folder = tmp_path / "outside"
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "credentials").write_text(f"# Local Handoff: stolen\n\ntoken = {SECRET}\n")
    (folder / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed") + f"\n{SECRET}\n")
    (folder / "notes.txt").write_text(SECRET)
    return folder


@pytest.fixture
def repo(tmp_path: Path, git_repo: Path) -> Path:
    """git_repo lives in tmp_path itself; the outside folder is tmp_path/outside (not tracked)."""
    return git_repo


# -- 1. the hook imports nothing from the repository -------------------------------------------
SHADOWED = ("click", "markdown_it", "jsonschema", "detect_secrets", "fastjsonschema", "pathspec", "zlib", "json", "re",
            "tomllib", "tomli", "sitecustomize", "usercustomize", "subprocess", "pathlib", "typing")


def plant(folder: Path, name: str, markers: Path, package: bool = False) -> None:
    """A module ``name`` that leaves a marker file in ``markers`` when imported (with os only:
    os is loaded before any repository folder could be on sys.path)."""
    code = f"import os\nos.close(os.open(os.path.join({str(markers)!r}, {name!r}), os.O_CREAT | os.O_WRONLY))\n"
    if package:
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "__init__.py").write_text(code)
        (folder / name / "__main__.py").write_text(code)
    else:
        (folder / f"{name}.py").write_text(code)


@pytest.mark.skipif(not POSIX, reason="a shell hook")
def test_the_plain_hook_imports_nothing_from_the_repository(repo, tmp_path):
    from handoff_lint.workflow.install_hook import install

    install(cwd=repo)  # in this process: a `python -m` run from the repository would import the plants
    markers = tmp_path / "markers"
    markers.mkdir()
    for name in SHADOWED:
        plant(repo, name, markers)
    plant(repo, "handoff_lint", markers, package=True)
    plant(repo, "markdown_it", markers, package=True)  # a package shadows as a module does
    (repo / ROOT / "active" / HANDOFF).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    git("add", f"{ROOT}/active/{HANDOFF}", cwd=repo)
    blocked = git("commit", "-m", "leak", cwd=repo, check=False)
    assert sorted(os.listdir(markers)) == []
    # the hook did run handoff-lint (the installed one) and it blocked the leak
    assert blocked.returncode != 0 and "HL201" in blocked.stdout + blocked.stderr, blocked.stderr


def test_the_hook_runs_python_isolated():
    from handoff_lint.workflow.install_hook import hook_text

    launches = [line for line in hook_text().splitlines() if '"$INSTALL_PYTHON"' in line and not line.lstrip().startswith("#")]
    assert launches and all('"$INSTALL_PYTHON" -I ' in line for line in launches)
