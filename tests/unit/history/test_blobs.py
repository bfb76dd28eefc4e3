"""history/blobs.py: a tip's files and whole blobs, read from git's object store."""

from __future__ import annotations

from conftest import git
from handoff_lint.history.blobs import read_blobs, tree_files


def test_a_tips_regular_files_and_their_blobs(git_repo):
    (git_repo / "models/next-local/notes.txt").write_text("small\n")
    (git_repo / "models/next-local/big.txt").write_text("x" * 100)
    (git_repo / "models/next-local/link").symlink_to("notes.txt")
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "files", cwd=git_repo)
    files = tree_files("HEAD", [], git_repo)
    assert "models/next-local/notes.txt" in files and "models/next-local/link" not in files
    assert set(tree_files("HEAD", ["next-local"], git_repo / "models")) == {
        "models/next-local/notes.txt",
        "models/next-local/big.txt",
        "models/next-local/active/.gitkeep",
        "models/next-local/responses/.gitkeep",
        "models/next-local/archive/.gitkeep",
    }
    small, big = files["models/next-local/notes.txt"], files["models/next-local/big.txt"]
    assert read_blobs([small, big, small, "f" * 40], git_repo, 50) == {small: b"small\n", big: None, "f" * 40: None}
    assert read_blobs([], git_repo, 50) == {}
