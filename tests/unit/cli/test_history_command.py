"""cli/history.py: the progress count a long run shows on a terminal, and the options' rules."""

from __future__ import annotations

import io
import sys

from conftest import git, run_cli


def test_progress_counts_commits_in_place_and_clears_its_line(monkeypatch):
    from handoff_lint.cli import history

    clock = iter([0.0, 0.1, 0.5, 0.6, 1.0])
    monkeypatch.setattr("time.monotonic", lambda: next(clock))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    show = history._progress()  # made at 0.0
    show(1)  # 0.1: too soon, nothing shown
    assert err.getvalue() == ""
    show(250)  # 0.5
    show(251)  # 0.6: within a quarter second of the last, not rewritten
    show(600)  # 1.0
    show(None)
    shown = "\rhandoff-lint: history: 250 commits read\rhandoff-lint: history: 600 commits read\r\x1b[K"
    assert err.getvalue() == shown


def test_no_progress_when_standard_error_is_no_terminal(git_repo):
    (git_repo / "models/next-local/notes.txt").write_text("some notes\n")
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "notes", cwd=git_repo)
    result = run_cli("history", cwd=git_repo)
    assert result.code == 0 and result.stderr == ""


def test_options_that_go_together(git_repo):
    assert "--remote goes with --pre-push" in run_cli("history", "--remote", "origin", cwd=git_repo).stderr
    bad = run_cli("history", "--select", "HL77", cwd=git_repo)
    assert bad.code == 2 and "HL77" in bad.stderr
    alone = run_cli("history", "--pre-push", cwd=git_repo, input=b"")
    assert alone.code == 0 and "No commits to check." in alone.stderr
    nothing = run_cli("history", cwd=git_repo)  # the fixture's commit adds only empty files to the folder
    assert nothing.code == 0 and "these commits added no line to a file in a handoff folder" in nothing.stderr
    empty = run_cli("history", "--range", "HEAD..HEAD", cwd=git_repo)
    assert empty.code == 0 and "the range holds no commit" in empty.stderr
