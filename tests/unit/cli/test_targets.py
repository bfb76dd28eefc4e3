"""cli/targets.py: what ``check`` runs on beyond the paths as given, in real git repositories."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from conftest import git
from handoff_lint.cli.targets import Targets, stdin_name
from handoff_lint.model.kinds import NO_ROOTS


def _subfolder(repo: Path) -> Path:
    here = repo / "src" / "app"
    here.mkdir(parents=True)
    (here / "main.py").write_text("print('hi')\n")
    git("add", "-A", cwd=repo)
    return here


def test_no_path_from_a_subfolder_adds_the_repositorys_roots_and_says_so(git_repo, monkeypatch, capsys):
    monkeypatch.chdir(_subfolder(git_repo))
    targets = Targets.of([], False, NO_ROOTS)
    assert targets.paths == [".", os.path.join("..", "..", "models", "next-local")]
    assert targets.asked == []  # the folder was not named: no "no handoff folder" for it
    assert "checking the repository's: ../../models/next-local" in capsys.readouterr().err


def test_a_folder_named_on_purpose_is_checked_alone_and_named_lonely_with_the_repositorys_roots(
    git_repo, monkeypatch, capsys
):
    monkeypatch.chdir(_subfolder(git_repo))
    targets = Targets.of(["."], False, NO_ROOTS)
    assert targets.paths == ["."] and capsys.readouterr().err == ""
    lonely = targets.lonely(SimpleNamespace(roots=set()))
    assert lonely == ["."]
    targets.say_lonely(lonely, as_error=True)
    err = capsys.readouterr().err
    assert err.startswith("handoff-lint: error: no handoff folder in . (a folder holding handoff-template.md")
    assert err.rstrip().endswith("; the repository's: ../../models/next-local")


def test_a_configured_root_counts_only_for_the_configuration_that_names_it(git_repo, monkeypatch):
    docs = git_repo / "docs" / "handoffs"
    (docs / "active").mkdir(parents=True)
    monkeypatch.chdir(git_repo)
    nothing = SimpleNamespace(roots=set())
    configured = frozenset({docs})
    assert Targets.of(["docs/handoffs"], False, configured).lonely(nothing) == []
    # the same process, another configuration: no root left over from the first one
    assert Targets.of(["docs/handoffs"], False, NO_ROOTS).lonely(nothing) == ["docs/handoffs"]


def test_stdin_name_lands_against_the_top_from_a_subfolder_and_warns_outside_any_root(git_repo, monkeypatch, capsys):
    monkeypatch.chdir(git_repo / "models")
    landed = stdin_name("models/next-local/active/x.md", NO_ROOTS)
    assert Path(landed) == git_repo / "models" / "next-local" / "active" / "x.md"
    assert capsys.readouterr().err == ""
    stdin_name("nowhere/x.md", NO_ROOTS)
    assert "checked as an ordinary file: no handoff root contains nowhere/x.md" in capsys.readouterr().err
    assert stdin_name("-", NO_ROOTS) == "-"
