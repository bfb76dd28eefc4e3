"""--staged checks what the commit will contain, in a real git repository."""

from __future__ import annotations

import json

from conftest import VALID_HANDOFF, git, run_cli

LEAK = VALID_HANDOFF.replace("We have 40 logs", "Logs are in /home/alice/work; we have 40 logs")
HANDOFF = "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md"


def findings(repo, *args):
    result = run_cli("check", "--staged", "--format", "json", *args, cwd=repo)
    assert result.code in (0, 1), result.stderr
    return [(f["path"], f["code"]) for f in json.loads(result.stdout)]


def test_the_staged_version_is_checked_not_the_work_tree(git_repo):
    path = git_repo / HANDOFF
    path.write_text(LEAK)
    git("add", HANDOFF, cwd=git_repo)
    path.write_text(VALID_HANDOFF)  # fixed on disk but not re-added: the commit would still leak
    assert findings(git_repo) == [(HANDOFF, "HL201")]
    assert run_cli("check", HANDOFF, cwd=git_repo).code == 0
    git("add", HANDOFF, cwd=git_repo)
    assert findings(git_repo) == []


def test_only_staged_files_within_the_given_paths(git_repo):
    (git_repo / HANDOFF).write_text(LEAK)
    (git_repo / "notes.md").write_text("see /home/bob/x\n")
    (git_repo / "unstaged.md").write_text("see /home/carol/x\n")
    git("add", HANDOFF, "notes.md", cwd=git_repo)
    assert sorted(findings(git_repo)) == [(HANDOFF, "HL201"), ("notes.md", "HL201")]
    assert findings(git_repo, "models") == [(HANDOFF, "HL201")]
    # no PATHS means the working directory, as for files on disk; paths are shown relative to it
    assert findings(git_repo / "models") == [(HANDOFF.removeprefix("models/"), "HL201")]


def test_deleted_symlinked_and_odd_names(git_repo):
    odd = "models/next-local/active/handoff 2026 ü*?.md"
    (git_repo / odd).write_text("# x\nsee /home/dave/x\n")
    (git_repo / "link.md").symlink_to("/etc/hostname")
    (git_repo / "gone.md").write_text("x\n")
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "x", cwd=git_repo)
    git("rm", "-q", "gone.md", cwd=git_repo)
    (git_repo / odd).write_text("# x\nsee /home/erin/x\n")
    git("add", odd, cwd=git_repo)
    result = run_cli("check", "--staged", "--select", "HL2", cwd=git_repo)
    assert result.code == 1 and "/home/erin" in result.stdout and "gone.md" not in result.stdout + result.stderr


def test_nothing_staged_is_clean_and_outside_git_is_a_usage_error(git_repo, tmp_path_factory):
    assert run_cli("check", "--staged", cwd=git_repo).code == 0
    outside = tmp_path_factory.mktemp("not-a-repo")
    result = run_cli("check", "--staged", cwd=outside)
    assert result.code == 2 and "git" in result.stderr and "Traceback" not in result.stderr
