"""Shared fixtures: valid documents to mutate, handoff folders on disk, and the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

VALID_HANDOFF = """\
# Local Handoff: Extract error patterns from build logs

**Date**: 2026-11-02
**From**: claude-code
**To**: next-local (any available local model)
**Priority**: MEDIUM
**Constraints**: Resource/Time

---

## Context Summary
The nightly builds fail in ways nobody has catalogued. We have 40 logs in logs/nightly/.

## Task Description
Extract the distinct error signatures from every log and count how often each appears.

## Resource/Privacy Requirements
- Memory limit: 8GB
- Time constraint: 30 minutes

## Current State/Progress
- Logs collected; no parsing done yet.

## Expected Deliverables
1. outputs/error-patterns.csv with columns signature,count,first_seen

## Local Model Preferences
- Any 7B code model with a 4k context.

## References/Links
- [nightly logs](../../../logs/README.md)

---

**Handoff Status**: Ready for local model pickup
"""

VALID_RESPONSE = """\
# Local Response: Error patterns extracted from build logs

**Date**: 2026-11-03
**From**: llama-3-8b-local

## Reference to Original Handoff
[handoff-2026-11-02-extract-error-patterns.md](../archive/handoff-2026-11-02-extract-error-patterns.md)

## Constraints Met
Ran in 6.1 GB of memory in 22 minutes, offline.

## Work Performed
Parsed all 40 logs and grouped 1,212 error lines into 37 signatures.

## Deliverables Location
outputs/error-patterns.csv

## Resource Usage
Peak 6.1 GB, 22 minutes on 4 cores.

## Recommendations
Fix the three linker signatures first: they cover 61% of failures.
"""


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of ``text`` containing ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


@pytest.fixture
def handoff_root(tmp_path: Path) -> Path:
    """An empty handoff folder (active/, responses/, archive/) under tmp_path/models/next-local,
    and logs/README.md, which VALID_HANDOFF links to."""
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "README.md").write_text("# Nightly logs\n")
    return root


# Runs must not depend on the machine: HL206 looks for its login and host name, HL410 for today.
# The cache is on, in one folder for the session: every test also exercises cached runs.
PINNED = {
    "NO_COLOR": "1",
    "HANDOFF_LINT_OWN_IDENTIFIERS": "",
    "HANDOFF_LINT_TODAY": "2026-11-05",
    "HANDOFF_LINT_CACHE_DIR": tempfile.mkdtemp(prefix="handoff-lint-cache-"),
}


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None) -> Result:
    """Run the real command in a new process, as a user or a hook would."""
    # PINNED keeps results independent of the machine; a test that needs the real lookup passes None.
    full_env = {**os.environ, **PINNED, **(env or {})}
    full_env = {key: value for key, value in full_env.items() if value is not None}
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        timeout=300,
    )
    return Result(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


@pytest.fixture
def cli():
    return run_cli


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": tempfile.mkdtemp(prefix="handoff-lint-home-"),  # no user git config; caches stay out of test repos
}


def git(*args: str, cwd: Path, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real git with a fixed identity and no user or system configuration."""
    full_env = {**os.environ, **GIT_ENV, **PINNED, **(env or {})}
    return subprocess.run(
        ["git", *args], cwd=cwd, env=full_env, capture_output=True, text=True, check=check, timeout=600
    )


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """A new git repository holding an empty handoff folder at models/next-local (and logs/README.md)."""
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "README.md").write_text("# Nightly logs\n")
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
        (root / name / ".gitkeep").write_text("")
    git("add", "-A", cwd=tmp_path)
    git("commit", "-qm", "empty handoff folder", cwd=tmp_path)
    return tmp_path


def package_copy(tmp_path: Path) -> Path:
    """A copy of the package (with its rules and schemas) that a test may edit; its site folder."""
    import shutil

    from handoff_lint.data.resources import data_dir

    site = tmp_path / "site"
    package = Path(__import__("handoff_lint").__file__).parent
    shutil.copytree(package, site / "handoff_lint", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("schemas", "rules"):
        if not (site / "handoff_lint" / name).exists():
            shutil.copytree(data_dir(name), site / "handoff_lint" / name)
    return site


def hook_runs_this_checkout(hook: Path) -> None:
    """Make an installed plain hook run this checkout's code. The hook runs its interpreter
    isolated (-I: no PYTHONPATH), which imports whatever handoff_lint that interpreter has
    installed; in a development worktree beside another editable install that is not the code
    under test, so the hook is pointed at a shim that drops -I (the run's PYTHONPATH then
    decides). With the checkout installed (CI), nothing changes."""
    source = Path(__file__).resolve().parents[1] / "src"
    done = subprocess.run(
        [sys.executable, "-I", "-c", "import handoff_lint; print(handoff_lint.__file__)"],
        capture_output=True,
        text=True,
    )
    if done.returncode == 0 and Path(done.stdout.strip()).resolve().is_relative_to(source):
        return
    shim = hook.parent / "python-without-I"
    shim.write_text(f'#!/bin/sh\n[ "$1" = "-I" ] && shift\nexec "{sys.executable}" "$@"\n')
    shim.chmod(0o755)
    lines = [
        f"INSTALL_PYTHON={shim}" if line.startswith("INSTALL_PYTHON=") else line
        for line in hook.read_text().splitlines()
    ]
    hook.write_text("\n".join(lines) + "\n")


def linked_root(base: Path) -> Path:
    """``base/x/nl``: a handoff root that is a symbolic link to ``base/elsewhere/nl``, outside any
    repository (``base`` is a temporary folder). Bounded by the folder holding it (``x``), or by
    ``x/nl`` named itself, it is refused, resp. allowed; a handoff waits in its ``active/``."""
    real = base / "elsewhere" / "nl"
    for folder in ("active", "responses", "archive"):
        (real / folder).mkdir(parents=True)
    (real / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(VALID_HANDOFF)
    (base / "x").mkdir()
    (base / "x" / "nl").symlink_to(real, target_is_directory=True)
    return base / "x" / "nl"
