"""``init`` for a second handoff root extends the repository's configuration (the hooks'
patterns, a ``roots`` list) instead of printing a snippet with the same hook ids; what it cannot
edit safely it leaves alone and says what to paste. The real pre-commit then checks the second
root."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GIT_ENV, PINNED, VALID_HANDOFF, git, run_cli

SECOND = "docs/handoffs/next-local"
NAME = "handoff-2026-11-02-extract-error-patterns.md"


def first_init(repo: Path) -> str:
    """`init` in a new repository, its snippet pasted as .pre-commit-config.yaml."""
    made = run_cli("init", cwd=repo)
    assert made.code == 0, made.stderr
    snippet = made.stdout[made.stdout.index("# .pre-commit-config.yaml") :]
    (repo / ".pre-commit-config.yaml").write_text(snippet)
    return snippet


def test_a_second_root_extends_the_hooks_and_the_roots_setting(tmp_path):
    git("init", "-q", "-b", "main", cwd=tmp_path)
    before = first_init(tmp_path)
    (tmp_path / ".handoff-lint.toml").write_text('stale-days = 9\nroots = ["models/next-local"]  # ours\n')

    second = run_cli("init", SECOND, cwd=tmp_path)
    assert second.code == 0, second.stderr
    assert "repos:" not in second.stdout and "- id: handoff-lint" not in second.stdout  # no duplicate hooks
    assert (
        "extended .pre-commit-config.yaml: the handoff-lint hook's files and the handoff-privacy hook's exclude "
        f"now cover {SECOND}" in second.stdout
    )
    assert f"added {SECOND} to roots in .handoff-lint.toml" in second.stdout
    pattern = "'^(models/next\\-local|docs/handoffs/next\\-local)/'"
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == before.replace(
        "files: '^models/next\\-local/'", f"files: {pattern}"
    ).replace("exclude: '^models/next\\-local/'", f"exclude: {pattern}")
    assert (tmp_path / ".handoff-lint.toml").read_text() == (
        'stale-days = 9\nroots = ["models/next-local", "docs/handoffs/next-local"]  # ours\n'
    )

    again = run_cli("init", SECOND, cwd=tmp_path)  # nothing left to do: said, nothing written
    assert again.code == 0 and f".pre-commit-config.yaml already covers {SECOND}" in again.stdout
    assert (tmp_path / ".pre-commit-config.yaml").read_text().count("next\\-local") == 4


def test_a_pattern_of_the_teams_own_is_left_alone_and_what_to_paste_is_said(tmp_path):
    git("init", "-q", "-b", "main", cwd=tmp_path)
    first_init(tmp_path)
    config = tmp_path / ".pre-commit-config.yaml"
    own = config.read_text().replace("files: '^models/next\\-local/'", "files: ^models/.*")
    config.write_text(own)
    result = run_cli("init", SECOND, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert config.read_text() == own
    assert f".pre-commit-config.yaml left as it is; to check {SECOND} too:" in result.stdout
    assert f"the handoff-lint hook's files: ^models/.* does not cover {SECOND}" in result.stdout
    assert "e.g. files: '(?:^models/.*)|^docs/handoffs/next\\-local/'" in result.stdout


@pytest.mark.slow
def test_the_real_pre_commit_checks_the_second_root_after_init(tmp_path):
    """Before, a skeleton committed into the second root passed ("no files to check, Skipped")."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {
        **os.environ,
        **GIT_ENV,
        **PINNED,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    first_init(repo)
    assert subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env).returncode == 0
    assert run_cli("init", SECOND, cwd=repo).code == 0
    (repo / "logs").mkdir()
    (repo / "logs" / "README.md").write_text("# Nightly logs\n")
    broken = VALID_HANDOFF.replace("**Priority**: MEDIUM\n", "").replace("../../../logs", "../../../../logs")
    (repo / SECOND / "active" / NAME).write_text(broken)
    git("add", "-A", cwd=repo)
    blocked = subprocess.run(["git", "commit", "-m", "second"], cwd=repo, env=env, capture_output=True, text=True)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{SECOND}/active/{NAME}" in shown and "HL1" in shown, shown
    assert re.search(r"^handoff-lint\.+Failed$", shown, re.M), shown  # run, not "(no files to check)Skipped"
    (repo / SECOND / "active" / NAME).write_text(VALID_HANDOFF.replace("../../../logs", "../../../../logs"))
    git("add", "-A", cwd=repo)
    passed = subprocess.run(["git", "commit", "-m", "second"], cwd=repo, env=env, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_a_linked_pre_commit_config_is_neither_read_nor_written_through(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside.yaml"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    first_init(repo)
    outside.write_text((repo / ".pre-commit-config.yaml").read_text())
    (repo / ".pre-commit-config.yaml").unlink()
    (repo / ".pre-commit-config.yaml").symlink_to(outside)
    before = outside.read_text()
    result = run_cli("init", SECOND, cwd=repo)
    assert result.code == 0, result.stderr
    assert outside.read_text() == before and (repo / ".pre-commit-config.yaml").is_symlink()
    assert f".pre-commit-config.yaml is a symbolic link, neither read nor changed; make it cover {SECOND}" in (
        result.stdout
    )
