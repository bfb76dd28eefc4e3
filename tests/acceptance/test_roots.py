"""Every handoff root, everywhere (issue 27, item 4): from any folder of a repository the CLI finds
its handoff roots (configured ones included), ``status`` and ``new`` say which root they act on,
``--stdin-filename`` lands where a model means it, and a path without a handoff folder is not
green under ``--warnings-as-errors``. Real git repositories, the real CLI in a subprocess."""

from __future__ import annotations

import json

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, hook_runs_this_checkout, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"
ROOT = "models/next-local"
BROKEN = VALID_HANDOFF.replace("**Priority**: MEDIUM\n", "")  # a required field missing: an error


def larger(repo):
    """The protocol's sibling root: every repository with next-local also has next-larger."""
    for name in ("active", "responses", "archive"):
        (repo / "models" / "next-larger" / name).mkdir(parents=True)
        (repo / "models" / "next-larger" / name / ".gitkeep").write_text("")


def test_a_run_from_a_subfolder_checks_the_repositorys_roots_configured_ones_included(git_repo):
    (git_repo / ROOT / "active" / NAME).write_text(BROKEN)
    # docs/handoffs holds only active/: a handoff root because the configuration names it
    (git_repo / "docs" / "handoffs" / "active").mkdir(parents=True)
    (git_repo / "docs" / "handoffs" / "active" / NAME).write_text(BROKEN)
    (git_repo / "pyproject.toml").write_text('[tool.handoff-lint]\nroots = ["docs/handoffs"]\n')
    (git_repo / "src" / "app").mkdir(parents=True)
    (git_repo / "src" / "app" / "main.py").write_text("print('hi')\n")
    git("add", "-A", cwd=git_repo)
    here = git_repo / "src" / "app"

    checked = run_cli("--format", "json", cwd=here)  # `handoff-lint` alone, no path
    assert checked.code == 1, checked.stderr
    paths = {finding["path"] for finding in json.loads(checked.stdout)}
    assert paths == {f"../../docs/handoffs/active/{NAME}", f"../../{ROOT}/active/{NAME}"}
    assert "checking the repository's: ../../docs/handoffs, ../../models/next-local" in checked.stderr
    assert "warning" not in checked.stderr

    board = run_cli("status", "--format", "json", cwd=here)
    assert board.code == 0, board.stderr
    assert {(row["root"], row["handoff"].rsplit("/", 1)[-1]) for row in json.loads(board.stdout)} == {
        ("../../docs/handoffs", NAME),
        (f"../../{ROOT}", NAME),
    }

    made = run_cli("new", "Tag log levels", cwd=here)  # of the two, where init puts one, said with the other
    assert made.code == 0 and made.stdout == f"../../{ROOT}/active/handoff-2026-11-05-tag-log-levels.md\n", made.stderr
    assert "writing into ../../models/next-local; also here: ../../docs/handoffs (choose with --root)" in made.stderr

    # `.` named on purpose still means that folder, and the warning points at the roots
    named = run_cli("check", ".", cwd=here)
    assert named.code == 0 and "no handoff folder in . " in named.stderr
    assert "the repository's: ../../docs/handoffs, ../../models/next-local" in named.stderr


def test_status_and_new_name_the_root_and_never_pick_one_silently(git_repo):
    larger(git_repo)
    for folder in ("docs/a/next-local", "docs/b/next-local"):
        assert run_cli("init", folder, cwd=git_repo).code == 0

    board = run_cli("status", cwd=git_repo)  # every root, each under its name
    headings = [line for line in board.stdout.splitlines() if line.startswith("Handoff folder ")]
    assert headings == [
        "Handoff folder docs/a/next-local",
        "Handoff folder docs/b/next-local",
        "Handoff folder models/next-larger",
        "Handoff folder models/next-local",
    ], board.stdout
    several = run_cli("status", "docs", "models/next-larger", cwd=git_repo)
    assert several.code == 0 and several.stdout.count("Handoff folder ") == 3, several.stderr
    assert run_cli("status", "--root", "models/next-larger", cwd=git_repo).stdout.startswith(
        "Handoff folder models/next-larger\n"
    )
    (git_repo / "src").mkdir()
    nowhere = run_cli("status", "src", cwd=git_repo)
    assert nowhere.code == 2 and "no handoff folder at, above or below src" in nowhere.stderr

    # at the top: models/next-local (where init puts one), said with the others
    made = run_cli("new", "Tag log levels", cwd=git_repo)
    assert made.code == 0, made.stderr
    assert made.stdout == f"{ROOT}/active/handoff-2026-11-05-tag-log-levels.md\n"
    assert (
        "writing into models/next-local; also here: docs/a/next-local, docs/b/next-local, models/next-larger "
        "(choose with --root)"
    ) in made.stderr
    # under docs/ two roots and neither is the default: asked, not picked
    asked = run_cli("new", "Sort tickets", cwd=git_repo / "docs")
    assert asked.code == 2 and asked.stdout == ""
    assert "2 handoff folders: a/next-local, b/next-local; choose one with --root" in asked.stderr
    assert not list((git_repo / "docs").rglob("handoff-2026-11-05-sort-tickets.md"))
    chosen = run_cli("new", "Sort tickets", "--root", "b", cwd=git_repo / "docs")
    assert chosen.code == 0 and chosen.stdout == "b/next-local/active/handoff-2026-11-05-sort-tickets.md\n"


def test_stdin_from_a_subfolder_gives_the_findings_of_the_top(git_repo):
    path = f"{ROOT}/active/{NAME}"
    (git_repo / path).write_text(BROKEN)
    text = BROKEN.encode()

    def findings(cwd, name):
        done = run_cli("--format", "json", "--stdin-filename", name, "-", cwd=cwd, input=text)
        return done, sorted((f["code"], f["line"], f["path"].rsplit("/", 1)[-1]) for f in json.loads(done.stdout))

    top, expected = findings(git_repo, path)
    sub, found = findings(git_repo / "models", path)  # the repository path, written from models/
    assert (sub.code, found, sub.stderr) == (top.code, expected, top.stderr) == (1, expected, "")
    assert any(code.startswith("HL1") for code, _line, _name in expected)
    relative, found = findings(git_repo / "models", f"next-local/active/{NAME}")
    assert found == expected and relative.stderr == ""

    ordinary, found = findings(git_repo / "models", "notes/handoff.md")  # in no handoff root: said, not hidden
    assert "handoff-lint: warning: checked as an ordinary file: no handoff root contains notes/handoff.md" in (
        ordinary.stderr
    )
    assert not any(code.startswith(("HL1", "HL4")) for code, _line, _name in found)


def test_warnings_as_errors_fails_a_path_without_a_handoff_folder(git_repo):
    (git_repo / "docs").mkdir()
    (git_repo / "docs" / "notes.md").write_text("# Notes\n")
    plain = run_cli("check", "docs", cwd=git_repo)
    assert plain.code == 0 and plain.stderr.startswith("handoff-lint: warning: no handoff folder in docs ")
    strict = run_cli("check", "--warnings-as-errors", "docs", cwd=git_repo)
    assert strict.code == 1 and strict.stderr.startswith("handoff-lint: error: no handoff folder in docs ")
    assert run_cli("check", "--warnings-as-errors", ROOT, cwd=git_repo).code == 0  # a real root stays green


def test_the_plain_hook_counts_the_file_its_finding_is_in_on_a_deletion_only_commit(git_repo):
    (git_repo / ROOT / "active" / NAME).write_text(VALID_HANDOFF)
    response = f"{ROOT}/responses/2026-11-03-response-to-{NAME}"
    (git_repo / response).write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "answered", cwd=git_repo)
    assert run_cli("install-hook", cwd=git_repo).code == 0
    hook_runs_this_checkout(git_repo / ".git" / "hooks" / "pre-commit")  # this checkout's code, not another install
    git("rm", "-q", f"{ROOT}/active/{NAME}", cwd=git_repo)
    blocked = git("commit", "-m", "delete", cwd=git_repo, check=False)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and f"{response}:7:48: HL406" in shown, shown
    assert "Found 1 error and 0 warnings in 1 file." in shown, shown


def test_staged_with_no_path_from_a_subfolder_checks_the_staged_roots_too(git_repo):
    (git_repo / "src" / "app").mkdir(parents=True)
    (git_repo / ROOT / "active" / NAME).write_text(BROKEN)
    git("add", "-A", cwd=git_repo)
    result = run_cli("check", "--staged", cwd=git_repo / "src" / "app")
    assert result.code == 1 and f"../../{ROOT}/active/{NAME}:" in result.stdout, result.stdout + result.stderr
    assert "checking the repository's: ../../models/next-local" in result.stderr
