"""action.yml, the GitHub Action: its composite ``run`` steps, inputs substituted as the runner
does, run with bash (as GitHub's ``shell: bash``) on sample repositories, with this checkout's
handoff-lint on PATH (``install: "false"``: the pip step, which installs from the action's own
checkout, is skipped)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PINNED, VALID_HANDOFF, git

yaml = pytest.importorskip("yaml")  # ships with pre-commit, a test dependency

ACTION = Path(__file__).resolve().parents[2] / "action.yml"
HANDOFF = "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md"


def condition(expression: str, inputs: dict[str, str]) -> bool:
    """The step's ``if:``, for the forms action.yml uses (``always()``, ``inputs.x == 'v'``,
    ``inputs.x != 'v'``, joined by ``&&``); any other form fails the test, so it is not skipped unread."""
    result = True
    for term in expression.split("&&"):
        term = term.strip()
        if term == "always()":
            continue
        match = re.fullmatch(r"inputs\.([\w-]+) (==|!=) '([^']*)'", term)
        assert match, f"the test cannot evaluate {term!r}"
        name, operator, value = match.groups()
        result &= (inputs[name] == value) == (operator == "==")
    return result


def substituted(value: str, inputs: dict[str, str]) -> str:
    def one(match: re.Match) -> str:
        expression = match.group(1).strip()
        if expression == "github.action_path":
            return str(ACTION.parent)
        assert expression.startswith("inputs."), f"the test cannot substitute {expression!r}"
        return inputs[expression.removeprefix("inputs.")]

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def run_action(repo: Path, bin_dir: Path, **given: str) -> tuple[int, str, list[str]]:
    """Run the action's steps in ``repo`` as the runner would; return the exit code of the first
    step that fails (else 0), everything printed, and the names of the steps run."""
    action = yaml.safe_load(ACTION.read_text())
    assert action["runs"]["using"] == "composite"
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    assert set(given) <= set(inputs), "an input the action does not declare"
    inputs.update(given)
    output, ran = [], []
    env = {**os.environ, **PINNED, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    for step in action["runs"]["steps"]:
        if "if" in step and not condition(step["if"], inputs):
            continue
        if "uses" in step:  # the SARIF upload: GitHub's own action, not runnable here
            continue
        assert step["shell"] == "bash"
        ran.append(step["name"])
        step_env = {**env, **{key: substituted(str(value), inputs) for key, value in step.get("env", {}).items()}}
        script = substituted(step["run"], inputs)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        output.append(done.stdout + done.stderr)
        if done.returncode:
            return done.returncode, "".join(output), ran
    return 0, "".join(output), ran


@pytest.fixture
def bin_dir(tmp_path_factory) -> Path:
    """A folder holding a ``handoff-lint`` that runs this checkout (PYTHONPATH is inherited)."""
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "handoff-lint"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m handoff_lint "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def test_the_install_step_installs_from_the_actions_own_checkout():
    action = yaml.safe_load(ACTION.read_text())
    install = next(step for step in action["runs"]["steps"] if step.get("name") == "Install handoff-lint")
    assert install["if"] == "inputs.install == 'true'"
    assert "pip install" in install["run"] and '"$HANDOFF_LINT_ACTION_PATH"' in install["run"]
    assert substituted(install["env"]["HANDOFF_LINT_ACTION_PATH"], {}) == str(ACTION.parent)
    assert "[project]" in (ACTION.parent / "pyproject.toml").read_text()  # what pip installs: this project


def test_a_defect_fails_with_annotations_and_sarif_is_written(git_repo: Path, bin_dir: Path):
    (git_repo / HANDOFF).write_text(VALID_HANDOFF.replace("## Task Description\n", ""))
    git("add", "-A", cwd=git_repo)
    code, output, ran = run_action(git_repo, bin_dir, install="false", **{"sarif-file": "handoff-lint.sarif"})
    assert code == 1, output
    assert ran == ["Check the handoff folders"]
    assert re.search(rf"^::error file={re.escape(HANDOFF)},line=\d+", output, re.M), output
    sarif = json.loads((git_repo / "handoff-lint.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == HANDOFF for r in results)


def test_a_clean_folder_passes_and_writes_no_sarif_unasked(git_repo: Path, bin_dir: Path):
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    code, output, _ = run_action(git_repo, bin_dir, install="false")
    assert code == 0, output
    assert "::error" not in output
    assert not list(git_repo.glob("*.sarif"))


def test_paths_are_split_and_never_run_as_code(git_repo: Path, bin_dir: Path):
    (git_repo / HANDOFF).write_text(VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: SOON"))
    code, output, _ = run_action(git_repo, bin_dir, install="false", paths="logs\n  models/next-local  $(touch pwned)")
    assert code == 2, output  # the last word is a path that does not exist, not a command
    assert not (git_repo / "pwned").exists()
    code, output, _ = run_action(git_repo, bin_dir, install="false", paths="logs\n  models/next-local ", format="text")
    assert code == 1 and f"{HANDOFF}:" in output, output
