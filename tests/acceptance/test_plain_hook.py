"""The plain git hook (``install-hook``, ``check --staged``) in real repositories, following the
protocol's lifecycle: archiving or deleting an answered handoff cannot leave its response broken."""

from __future__ import annotations

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"
ROOT = "models/next-local"
RESPONSE = f"{ROOT}/responses/2026-11-03-response-to-{NAME}"


def answered(repo):
    """An active handoff and the response that links it, committed; the plain hook installed."""
    (repo / ROOT / "active" / NAME).write_text(VALID_HANDOFF)
    (repo / RESPONSE).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "answered", cwd=repo)
    assert run_cli("install-hook", cwd=repo).code == 0


def archive(repo):
    """Protocol step 10: status Completed, then git mv to archive/."""
    handoff = repo / ROOT / "active" / NAME
    handoff.write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    git("add", "-A", cwd=repo)
    git("mv", f"{ROOT}/active/{NAME}", f"{ROOT}/archive/{NAME}", cwd=repo)


def test_archiving_is_blocked_with_the_response_named_until_fixed(git_repo):
    answered(git_repo)
    archive(git_repo)
    blocked = git("commit", "-m", "archive", cwd=git_repo, check=False)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{RESPONSE}:7:48: HL406 [*] link '../active/{NAME}' is stale" in shown
    fixed = run_cli("check", "--fix", ROOT, cwd=git_repo)
    assert fixed.code == 0, fixed.stdout + fixed.stderr
    git("add", "-A", cwd=git_repo)
    passed = git("commit", "-m", "archive", cwd=git_repo, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_deleting_an_answered_handoff_is_blocked(git_repo):
    answered(git_repo)
    git("rm", "-q", f"{ROOT}/active/{NAME}", cwd=git_repo)
    blocked = git("commit", "-m", "delete", cwd=git_repo, check=False)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, shown
    assert f"{RESPONSE}:7:48: HL406 response names handoff {NAME}, which is in neither active/ nor archive/" in shown


def test_a_commit_of_one_handoff_reports_no_unrelated_response(git_repo):
    answered(git_repo)
    other = VALID_HANDOFF.replace("Extract error patterns", "Tag log levels")
    (git_repo / ROOT / "active" / "handoff-2026-11-04-tag-log-levels.md").write_text(other)
    (git_repo / ROOT / "responses" / "2026-11-03-response-to-handoff-2026-11-01-gone.md").write_text(
        VALID_RESPONSE.replace(NAME, "handoff-2026-11-01-gone.md")
    )
    git("add", f"{ROOT}/active/handoff-2026-11-04-tag-log-levels.md", cwd=git_repo)
    passed = git("commit", "-m", "new handoff", cwd=git_repo, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_fix_after_adding_leaves_a_state_that_commits(git_repo):
    """Status Completed, `git add -A`, `check --fix`, `git commit` with no second add: --fix
    moved the handoff with git mv and staged the relinked response beside it, so what the
    commit contains is consistent, and the hook (which reads the index) passes it."""
    answered(git_repo)
    handoff = git_repo / ROOT / "active" / NAME
    handoff.write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    git("add", "-A", cwd=git_repo)
    fixed = run_cli("check", "--fix", ROOT, cwd=git_repo)
    assert fixed.code == 0 and "staged the relinked" in fixed.stderr, fixed.stdout + fixed.stderr
    committed = git("commit", "-m", "archive", cwd=git_repo, check=False)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    shown = git("show", f"HEAD:{RESPONSE}", cwd=git_repo).stdout
    assert f"(../archive/{NAME})" in shown


def test_fix_leaves_a_response_with_unstaged_edits_for_the_user_to_add(git_repo):
    answered(git_repo)
    (git_repo / ROOT / "active" / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    git("add", "-A", cwd=git_repo)
    response = git_repo / RESPONSE
    response.write_text(response.read_text() + "\nA note of mine, not staged yet.\n")
    fixed = run_cli("check", "--fix", ROOT, cwd=git_repo)
    assert fixed.code == 0 and f"git add {RESPONSE}" in fixed.stderr, fixed.stderr
    blocked = git("commit", "-m", "archive", cwd=git_repo, check=False)  # the index still links ../active/
    assert blocked.returncode != 0 and "HL406" in blocked.stdout + blocked.stderr
