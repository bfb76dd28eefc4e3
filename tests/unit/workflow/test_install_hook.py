"""install-hook writes hooks/pre-commit into a real repository; the hook blocks a leaky commit."""

from __future__ import annotations

from pathlib import Path

from conftest import VALID_HANDOFF, git, hook_runs_this_checkout, run_cli

HANDOFF = "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md"


def test_installed_hook_blocks_a_leaky_commit_and_passes_a_clean_one(git_repo):
    result = run_cli("install-hook", cwd=git_repo)
    assert result.code == 0, result.stderr
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    assert hook.stat().st_mode & 0o111
    (git_repo / HANDOFF).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    git("add", HANDOFF, cwd=git_repo)
    blocked = git("commit", "-m", "leak", cwd=git_repo, check=False)
    assert blocked.returncode != 0
    shown = blocked.stdout + blocked.stderr  # git shows a hook's output on stderr
    assert f"{HANDOFF}:12:75: HL201" in shown and "HL201" in shown and "/home/alice" in shown
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    git("add", HANDOFF, cwd=git_repo)
    passed = git("commit", "-m", "clean", cwd=git_repo, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_a_foreign_hook_is_kept_unless_forced(git_repo):
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho mine\n")
    refused = run_cli("install-hook", cwd=git_repo)
    assert refused.code == 2 and "--force" in refused.stderr and hook.read_text() == "#!/bin/sh\necho mine\n"
    assert run_cli("install-hook", "--force", cwd=git_repo).code == 0
    assert (hook.parent / "pre-commit.legacy").read_text() == "#!/bin/sh\necho mine\n"
    assert run_cli("install-hook", cwd=git_repo).code == 0  # ours: reinstalling is an upgrade


def test_outside_a_repository_is_an_error(tmp_path):
    result = run_cli("install-hook", cwd=tmp_path)
    assert result.code == 2 and "git" in result.stderr


def test_a_kept_legacy_hook_still_runs_first(git_repo):
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho legacy ran >&2\n[ ! -e block ]\n")
    hook.chmod(0o755)
    assert run_cli("install-hook", "--force", cwd=git_repo).code == 0
    (git_repo / HANDOFF).write_text(VALID_HANDOFF)
    (git_repo / "block").write_text("")
    git("add", HANDOFF, cwd=git_repo)
    blocked = git("commit", "-m", "x", cwd=git_repo, check=False)
    assert blocked.returncode != 0 and "legacy ran" in blocked.stderr
    (git_repo / "block").unlink()
    passed = git("commit", "-m", "x", cwd=git_repo, check=False)
    assert passed.returncode == 0 and "legacy ran" in passed.stderr, passed.stderr


def test_the_pre_push_hook_installs_beside_the_pre_commit_hook_and_keeps_a_foreign_one(git_repo):
    hooks = git_repo / ".git" / "hooks"
    assert run_cli("install-hook", cwd=git_repo).code == 0
    (hooks / "pre-push").write_text('#!/bin/sh\ncat > "$(dirname "$0")/../legacy-saw"\n')
    (hooks / "pre-push").chmod(0o755)
    refused = run_cli("install-hook", "--pre-push", cwd=git_repo)
    assert refused.code == 2 and "pre-push.legacy" in refused.stderr
    assert run_cli("install-hook", "--pre-push", "--force", cwd=git_repo).code == 0
    hook_runs_this_checkout(hooks / "pre-push")
    assert "handoff-lint: a plain git pre-push hook" in (hooks / "pre-push").read_text()
    assert "handoff-lint: a plain git pre-commit hook" in (hooks / "pre-commit").read_text()  # untouched
    assert (hooks / "pre-push.legacy").read_text().startswith("#!/bin/sh\ncat")
    # the kept hook runs first and reads git's lines too (the hook reads them once, for both)
    remote = git_repo.parent / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=git_repo.parent)
    source = str(Path(__file__).resolve().parents[3] / "src")
    pushed = git("push", str(remote), "main", cwd=git_repo, env={"PYTHONPATH": source}, check=False)
    head = git("rev-parse", "HEAD", cwd=git_repo).stdout.strip()
    saw = (git_repo / ".git" / "legacy-saw").read_text().split()
    assert saw == ["refs/heads/main", head, "refs/heads/main", "0" * 40]
    assert pushed.returncode == 0, pushed.stderr
