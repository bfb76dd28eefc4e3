"""history/revisions.py: a range the user names, and the commits a push is about to publish."""

from __future__ import annotations

import pytest

from conftest import git
from handoff_lint.history.revisions import RevisionError, from_hook_input, from_pre_commit, from_range

ZERO = "0" * 40


def commit(repo, name: str) -> str:
    (repo / name).write_text(name)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", name, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo).stdout.strip()


def test_a_range_becomes_commit_ids(git_repo):
    base = git("rev-parse", "HEAD", cwd=git_repo).stdout.strip()
    tip = commit(git_repo, "a")
    assert from_range("HEAD~1..HEAD", git_repo) == ([tip, f"^{base}"], [tip])
    assert from_range("HEAD", git_repo) == ([tip], [tip])


@pytest.mark.parametrize("bad", ["nope", "HEAD..nope", "--all", "-n1", "", "HEAD\nHEAD", "logs"])
def test_a_bad_range_is_refused_by_name(git_repo, bad):
    with pytest.raises(RevisionError, match="bad range"):
        from_range(bad, git_repo)


def remote_of(repo):
    bare = repo.parent / "remote.git"
    git("init", "-q", "--bare", str(bare), cwd=repo.parent)
    git("remote", "add", "origin", str(bare), cwd=repo)
    return bare


def test_a_new_branch_publishes_what_no_ref_of_that_remote_reaches(git_repo):
    remote_of(git_repo)
    tip = commit(git_repo, "a")
    pushed = from_hook_input(f"refs/heads/main {tip} refs/heads/main {ZERO}\n", "origin", git_repo)
    assert pushed == ([tip, "--not", "--remotes=origin"], [tip])
    # pushed to a URL, not a named remote: every commit of the branch counts
    by_url = from_hook_input(f"refs/heads/main {tip} refs/heads/main {ZERO}\n", "/some/url.git", git_repo)
    assert by_url == ([tip], [tip])


def test_an_update_publishes_what_the_remotes_sha_does_not_reach(git_repo):
    remote_of(git_repo)
    old = commit(git_repo, "a")
    new = commit(git_repo, "b")
    unknown = "f" * 40  # the remote moved on: this clone has never seen its sha
    lines = f"refs/heads/main {new} refs/heads/main {old}\nrefs/heads/x {new} refs/heads/x {unknown}\n"
    assert from_hook_input(lines, "origin", git_repo) == ([new, f"^{old}", "--not", "--remotes=origin"], [new])


def test_a_deletion_publishes_nothing_and_bad_input_is_refused(git_repo):
    old = commit(git_repo, "a")
    assert from_hook_input(f"(delete) {ZERO} refs/heads/gone {old}\n\n", "origin", git_repo) == ([], [])
    with pytest.raises(RevisionError, match="line 1"):
        from_hook_input("refs/heads/main HEAD refs/heads/main HEAD\n", "origin", git_repo)


def test_the_pre_commit_frameworks_environment(git_repo):
    remote_of(git_repo)
    old = commit(git_repo, "a")
    new = commit(git_repo, "b")
    environ = {"PRE_COMMIT_FROM_REF": old, "PRE_COMMIT_TO_REF": new, "PRE_COMMIT_REMOTE_NAME": "origin"}
    assert from_pre_commit(environ, git_repo) == ([new, f"^{old}", "--not", "--remotes=origin"], [new])
    whole = {"PRE_COMMIT_LOCAL_BRANCH": "refs/heads/main", "PRE_COMMIT_REMOTE_NAME": "origin"}
    assert from_pre_commit(whole, git_repo) == ([new, "--not", "--remotes=origin"], [new])
    assert from_pre_commit({}, git_repo) is None
    with pytest.raises(RevisionError):
        from_pre_commit({"PRE_COMMIT_LOCAL_BRANCH": "--output=x", "PRE_COMMIT_REMOTE_NAME": "origin"}, git_repo)
