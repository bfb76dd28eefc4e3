"""--fix and --diff on real folders: files moved, links updated, nothing lost or overwritten."""

from __future__ import annotations

import hashlib
import os
import subprocess

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"
RESPONSE = "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"
DONE = VALID_HANDOFF.replace("Ready for local model pickup", "Completed")


def tree(root):
    """Every file under root -> sha256 of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


def finished_in_active(root):
    (root / "active" / NAME).write_text(DONE)
    (root / "responses" / RESPONSE).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))


def applies(patch: str, cwd) -> None:
    """``git apply --check`` accepts the patch in ``cwd`` (outside a repository: as patch does)."""
    done = subprocess.run(["git", "apply", "--check", "-"], cwd=cwd, input=patch.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode() + patch


def test_diff_shows_the_move_and_the_link_update_and_changes_nothing(handoff_root):
    finished_in_active(handoff_root)
    before = tree(handoff_root.parent.parent)
    result = run_cli("check", "--diff", ".", cwd=handoff_root)
    assert result.code == 1
    applies(result.stdout, handoff_root)
    assert f"diff --git a/responses/{RESPONSE} b/responses/{RESPONSE}\n--- a/responses/{RESPONSE}\n" in result.stdout
    assert f"rename from active/{NAME}\nrename to archive/{NAME}" in result.stdout
    assert f"-[{NAME}](../active/{NAME})\n+[{NAME}](../archive/{NAME})" in result.stdout
    assert tree(handoff_root.parent.parent) == before
    assert run_cli("check", ".", cwd=handoff_root).code == 1 and tree(handoff_root.parent.parent) == before


def test_fix_moves_and_updates_links_and_loses_nothing(handoff_root):
    finished_in_active(handoff_root)
    result = run_cli("check", "--fix", ".", cwd=handoff_root)
    assert result.code == 0, result.stdout + result.stderr
    assert "moved 1 file, updated links in 1 response" in result.stderr
    assert not (handoff_root / "active" / NAME).exists()
    assert (handoff_root / "archive" / NAME).read_text() == DONE  # byte for byte
    assert (handoff_root / "responses" / RESPONSE).read_text() == VALID_RESPONSE
    assert run_cli("check", "--diff", ".", cwd=handoff_root).stdout == ""


def test_rename_to_the_date_field_updates_link_text_and_target(handoff_root):
    wrong = "handoff-2026-11-01-extract-error-patterns.md"
    (handoff_root / "archive" / wrong).write_text(DONE)
    (handoff_root / "responses" / RESPONSE).write_text(VALID_RESPONSE.replace(NAME, wrong))
    assert run_cli("check", "--fix", "--select", "HL4", ".", cwd=handoff_root).code == 0
    assert (handoff_root / "archive" / NAME).read_text() == DONE
    assert f"[{NAME}](../archive/{NAME})" in (handoff_root / "responses" / RESPONSE).read_text()


def test_diff_of_a_rename_and_a_relink_applies_with_git(handoff_root):
    wrong = "handoff-2026-11-01-extract-error-patterns.md"
    (handoff_root / "active" / wrong).write_text(DONE)
    response = handoff_root / "responses" / RESPONSE
    head, reference, rest = VALID_RESPONSE.partition(f"## Reference to Original Handoff\n[{NAME}](../archive/{NAME})\n")
    # the link on the last line, with no newline after it: the patch must say so
    response.write_text(head + rest + reference.replace(NAME, wrong).replace("../archive/", "../active/").rstrip("\n"))
    patch = run_cli("check", "--diff", "--select", "HL4", ".", cwd=handoff_root).stdout
    assert (
        f"rename from active/{wrong}\nrename to archive/{NAME}\n" in patch and "\\ No newline at end of file" in patch
    )
    applies(patch, handoff_root)
    subprocess.run(["git", "apply", "-"], cwd=handoff_root, input=patch.encode(), check=True)
    assert run_cli("check", "--diff", "--select", "HL4", ".", cwd=handoff_root).stdout == ""
    assert run_cli("check", "--select", "HL4", ".", cwd=handoff_root).code == 0


def test_diff_of_a_relink_alone_applies_with_git(handoff_root):
    (handoff_root / "archive" / NAME).write_text(DONE)
    (handoff_root / "responses" / RESPONSE).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    patch = run_cli("check", "--diff", ".", cwd=handoff_root).stdout
    assert "rename" not in patch and f"+[{NAME}](../archive/{NAME})" in patch
    applies(patch, handoff_root)


def test_a_fix_never_overwrites(handoff_root):
    finished_in_active(handoff_root)
    (handoff_root / "archive" / NAME).write_text("# an older document with the same name\n")
    result = run_cli("check", "--fix", ".", cwd=handoff_root)
    assert "not moved" in result.stderr and f"archive/{NAME} already exists" in result.stderr
    assert (handoff_root / "active" / NAME).read_text() == DONE
    assert (handoff_root / "archive" / NAME).read_text() == "# an older document with the same name\n"
    # the response still links the handoff that stayed, not the unrelated document in archive/
    assert (handoff_root / "responses" / RESPONSE).read_text() == VALID_RESPONSE.replace("../archive/", "../active/")


def test_diff_relinks_nothing_when_the_move_is_refused(handoff_root):
    finished_in_active(handoff_root)
    (handoff_root / "archive" / NAME).write_text("# an older document with the same name\n")
    result = run_cli("check", "--diff", ".", cwd=handoff_root)
    assert result.stdout == "" and "not moved" in result.stderr


def test_git_mv_in_a_work_tree(git_repo):
    root = git_repo / "models" / "next-local"
    finished_in_active(root)
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "finished but not archived", cwd=git_repo)
    assert run_cli("check", "--fix", "models", cwd=git_repo).code == 0
    status = git("status", "--porcelain", cwd=git_repo).stdout
    assert f"R  models/next-local/active/{NAME} -> models/next-local/archive/{NAME}" in status
    # the relink is staged beside the move (the response held nothing else unstaged): a state that commits
    assert f"M  models/next-local/responses/{RESPONSE}" in status


def test_crlf_and_permissions_survive_a_link_update(handoff_root):
    (handoff_root / "active" / NAME).write_text(DONE)
    response = handoff_root / "responses" / RESPONSE
    response.write_bytes(VALID_RESPONSE.replace("../archive/", "../active/").replace("\n", "\r\n").encode())
    os.chmod(response, 0o640)
    assert run_cli("check", "--fix", ".", cwd=handoff_root).code == 0
    assert response.read_bytes() == VALID_RESPONSE.replace("\n", "\r\n").encode()
    assert response.stat().st_mode & 0o777 == 0o640


def test_an_interrupted_fix_leaves_every_document_and_the_next_run_finishes_it(handoff_root):
    finished_in_active(handoff_root)
    # the move happened, then the process died before the link update
    os.link(handoff_root / "active" / NAME, handoff_root / "archive" / NAME)
    os.unlink(handoff_root / "active" / NAME)
    assert (handoff_root / "archive" / NAME).read_text() == DONE
    stale = run_cli("check", "--select", "HL4", ".", cwd=handoff_root)
    assert stale.code == 1 and "HL406 [*] link '../active/" in stale.stdout and "is stale" in stale.stdout
    assert run_cli("check", "--fix", ".", cwd=handoff_root).code == 0
    assert (handoff_root / "responses" / RESPONSE).read_text() == VALID_RESPONSE


def test_fix_and_staged_do_not_mix(git_repo):
    result = run_cli("check", "--fix", "--staged", cwd=git_repo)
    assert result.code == 2 and "--staged" in result.stderr
