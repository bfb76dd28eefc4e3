"""The protocol's whole lifecycle, as a new team walks it, once per hook kind (the real
pre-commit with `init`'s snippet, and the plain hook): init, new, commit, pickup, respond,
commit, archive (status Completed, `check --fix`), commit. Every step's exit code and the board
after it are asserted."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GIT_ENV, PINNED, git, hook_runs_this_checkout

pytestmark = pytest.mark.slow  # installs hooks and runs the real pre-commit

TODAY = "2026-12-07"
ROOT = "models/next-local"
HANDOFF = f"handoff-{TODAY}-triage-nightly-test-timeouts.md"
RESPONSE = f"{TODAY}-response-to-{HANDOFF}"

BODY = """\
## Context Summary
The nightly suite times out on two of five runs; nobody has looked at which tests are slow.

## Task Description
Find the ten slowest tests in the last 30 nightly logs and say whether each is slow every night.

## Resource/Privacy Requirements
- Memory limit: 8GB
- Privacy requirement: the logs stay on this machine

## Current State/Progress
- The logs are in logs/nightly/; nothing has been parsed.

## Expected Deliverables
1. outputs/slow-tests.csv with columns test,median_seconds,nights_slow

## Local Model Preferences
- Any 7B code model.

## References/Links
- The nightly logs, in logs/nightly/ of this repository.

---
"""

RESPONSE_BODY = """\
## Reference to Original Handoff
{link}

## Constraints Met
Ran offline in 3 GB of memory.

## Work Performed
Parsed 30 logs and ranked 1,412 tests by their median time.

## Deliverables Location
outputs/slow-tests.csv

## Resource Usage
12 minutes on 4 cores.

## Recommendations
Split the three integration tests that take over a minute every night.
"""


def env_for(home: Path) -> dict:
    return {
        **os.environ,
        **GIT_ENV,
        **PINNED,
        "HANDOFF_LINT_TODAY": TODAY,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def tool(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handoff_lint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    return subprocess.run(
        ["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )


def board(repo: Path, env: dict) -> dict[str, str]:
    done = tool("status", "--format", "json", cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    return {row["handoff"].rsplit("/", 1)[-1]: row["state"] for row in json.loads(done.stdout)}


def set_status(path: Path, status: str) -> None:
    text = path.read_text()
    path.write_text(re.sub(r"^\*\*Handoff Status\*\*:.*$", f"**Handoff Status**: {status}", text, flags=re.M))


@pytest.mark.parametrize("hooks", ["pre-commit", "plain"])
def test_the_whole_lifecycle(tmp_path, hooks):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = env_for(tmp_path / "pre-commit-home")
    git("init", "-q", "-b", "main", cwd=repo)

    # init: the folder, and the hooks of the kind under test
    made = tool("init", cwd=repo, env=env)
    assert made.returncode == 0, made.stderr
    if hooks == "pre-commit":
        (repo / ".pre-commit-config.yaml").write_text(made.stdout[made.stdout.index("# .pre-commit-config.yaml") :])
        installed = subprocess.run(
            [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, text=True
        )
        assert installed.returncode == 0, installed.stdout + installed.stderr
    else:
        assert tool("install-hook", cwd=repo, env=env).returncode == 0
        hook_runs_this_checkout(repo / ".git" / "hooks" / "pre-commit")
    done = commit(repo, env, "handoff folder")
    assert done.returncode == 0, done.stdout + done.stderr
    assert board(repo, env) == {}

    # new: a skeleton from the template; committed as is, its placeholders block the commit
    created = tool(
        "new", "Triage nightly test timeouts", "--priority", "HIGH", "--constraints", "Privacy", cwd=repo, env=env
    )
    assert created.returncode == 0, created.stderr
    handoff = repo / ROOT / "active" / HANDOFF
    assert handoff.is_file()
    blocked = commit(repo, env, "skeleton")
    assert blocked.returncode != 0 and "HL112" in blocked.stdout + blocked.stderr
    text = handoff.read_text()
    handoff.write_text(text[: text.index("## Context Summary")] + BODY + text[text.index("\n**Handoff Status**") :])
    done = commit(repo, env, "handoff written")
    assert done.returncode == 0, done.stdout + done.stderr
    assert board(repo, env) == {HANDOFF: "awaiting pickup"}

    # pickup: a local model takes it
    set_status(handoff, "In Progress")
    done = commit(repo, env, "picked up")
    assert done.returncode == 0, done.stdout + done.stderr
    assert board(repo, env) == {HANDOFF: "in progress"}

    # respond: the skeleton names and links the handoff; the model fills it in
    answered = tool("respond", f"{ROOT}/active/{HANDOFF}", cwd=repo, env=env)
    assert answered.returncode == 0, answered.stderr
    response = repo / ROOT / "responses" / RESPONSE
    text = response.read_text()
    link = re.search(r"^\[.*\]\(\.\./active/.*\)$", text, re.M).group(0)
    response.write_text(text[: text.index("## ")] + RESPONSE_BODY.format(link=link))
    done = commit(repo, env, "response")
    assert done.returncode == 0, done.stdout + done.stderr
    assert board(repo, env) == {HANDOFF: "awaiting archive"}

    # archive: status Completed; --fix moves it (git mv) and relinks the response
    set_status(handoff, "Completed")
    fixed = tool("check", "--fix", ROOT, cwd=repo, env=env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (repo / ROOT / "archive" / HANDOFF).is_file() and not handoff.exists()
    assert f"(../archive/{HANDOFF})" in response.read_text()
    done = commit(repo, env, "archived")
    assert done.returncode == 0, done.stdout + done.stderr
    assert board(repo, env) == {HANDOFF: "archived"}
    assert tool("check", ROOT, cwd=repo, env=env).returncode == 0
    tree = subprocess.run(["git", "ls-files"], cwd=repo, env=env, capture_output=True, text=True).stdout
    assert f"{ROOT}/archive/{HANDOFF}" in tree and f"{ROOT}/responses/{RESPONSE}" in tree
