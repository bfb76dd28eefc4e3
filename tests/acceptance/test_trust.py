"""Trust II (issue 16): the tool never runs, reads or writes outside what the user asked for.

Every case runs the real command (or a real ``git commit``) in a real git repository in a
temporary folder, next to an *outside* folder that holds a credential-like file; the outside
tree is hashed before and after (nothing outside may change) and no outside content may appear
in the repository or in the output.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, run_cli

POSIX = sys.platform != "win32"
ROOT = "models/next-local"
HANDOFF = "handoff-2026-11-02-extract-error-patterns.md"
SECRET = "outside-secret-7f3a9c"  # what the outside file holds: must never be copied or printed


def tree_digest(folder: Path) -> str:
    """One hash of every name, type, mode and content under ``folder`` (links not followed)."""
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(current, name)
            info = path.lstat()
            digest.update(f"{path.relative_to(folder)}\0{info.st_mode}\0".encode())
            if path.is_symlink():
                digest.update(os.readlink(path).encode())
            elif path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def repo_holds(repo: Path, needle: str) -> list[Path]:
    """Files in the repository (outside .git) whose bytes hold ``needle``, links not followed."""
    found = []
    for current, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            path = Path(current, name)
            if not path.is_symlink() and needle.encode() in path.read_bytes():
                found.append(path)
    return found


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    """A folder outside the repository (git_repo is tmp_path itself): a 'private' tree the tool
    must leave alone."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "credentials").write_text(f"# Local Handoff: stolen\n\ntoken = {SECRET}\n")
    (folder / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed") + f"\n{SECRET}\n")
    (folder / "notes.txt").write_text(SECRET)
    return folder


@pytest.fixture
def repo(git_repo: Path) -> Path:
    return git_repo


# -- 1. the hook imports nothing from the repository -------------------------------------------
SHADOWED = (
    "click",
    "markdown_it",
    "jsonschema",
    "detect_secrets",
    "fastjsonschema",
    "pathspec",
    "zlib",
    "json",
    "re",
    "tomllib",
    "tomli",
    "sitecustomize",
    "usercustomize",
    "subprocess",
    "pathlib",
    "typing",
)


def plant(folder: Path, name: str, markers: Path, package: bool = False) -> None:
    """A module ``name`` that leaves a marker file in ``markers`` when imported (with os only:
    os is loaded before any repository folder could be on sys.path)."""
    code = f"import os\nos.close(os.open(os.path.join({str(markers)!r}, {name!r}), os.O_CREAT | os.O_WRONLY))\n"
    if package:
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "__init__.py").write_text(code)
        (folder / name / "__main__.py").write_text(code)
    else:
        (folder / f"{name}.py").write_text(code)


@pytest.mark.skipif(not POSIX, reason="a shell hook")
def test_the_plain_hook_imports_nothing_from_the_repository(repo, tmp_path):
    from handoff_lint.workflow.install_hook import install

    install(cwd=repo)  # in this process: a `python -m` run from the repository would import the plants
    markers = tmp_path / "markers"
    markers.mkdir()
    for name in SHADOWED:
        plant(repo, name, markers)
    plant(repo, "handoff_lint", markers, package=True)
    plant(repo, "markdown_it", markers, package=True)  # a package shadows as a module does
    (repo / ROOT / "active" / HANDOFF).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    git("add", f"{ROOT}/active/{HANDOFF}", cwd=repo)
    blocked = git("commit", "-m", "leak", cwd=repo, check=False)
    assert sorted(os.listdir(markers)) == []
    # the hook did run handoff-lint (the installed one) and it blocked the leak
    assert blocked.returncode != 0 and "HL201" in blocked.stdout + blocked.stderr, blocked.stderr


@pytest.mark.parametrize("name", ["pre-commit", "pre-push"])
def test_the_hook_runs_python_isolated(name):
    from handoff_lint.workflow.install_hook import hook_text

    launches = [
        line
        for line in hook_text(name).splitlines()
        if '"$INSTALL_PYTHON"' in line and not line.lstrip().startswith("#")
    ]
    assert launches and all('"$INSTALL_PYTHON" -I ' in line for line in launches)


# -- 2. containment: linked folders leading out are findings, never followed ------------------
def cli(repo: Path, *args: str):
    return run_cli(*args, cwd=repo)


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "state", cwd=repo)


def completed_in_active(repo: Path) -> Path:
    """A handoff whose status belongs in archive/: --fix wants to move it there."""
    path = repo / ROOT / "active" / HANDOFF
    path.write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    return path


def link(at: Path, to: Path) -> None:
    if at.is_dir() and not at.is_symlink():
        for child in at.iterdir():
            child.unlink()
        at.rmdir()
    at.symlink_to(to)


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_archive_linked_out_is_reported_not_listed_and_fix_does_not_move_into_it(repo, outside):
    handoff = completed_in_active(repo)
    commit_all(repo)  # tracked: --fix would use git mv
    link(repo / ROOT / "archive", outside)
    before = tree_digest(outside)
    result = cli(repo, "check", "--format", "json", ".")
    findings = __import__("json").loads(result.stdout)
    assert {(f["path"], f["code"]) for f in findings if f["path"].endswith("archive")} == {(f"{ROOT}/archive", "HL005")}
    assert not [f for f in findings if "/archive/" in f["path"]]  # nothing of the outside folder listed
    assert SECRET not in result.stdout + result.stderr
    fixed = cli(repo, "check", "--fix", ".")
    assert "leads outside the handoff folder" in fixed.stderr and handoff.is_file()
    assert tree_digest(outside) == before


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_check_given_the_linked_folder_itself_reads_nothing_through_it(repo, outside):
    link(repo / ROOT / "archive", outside)
    result = cli(repo, "check", f"{ROOT}/archive", f"{ROOT}/archive/{HANDOFF}")
    assert f"{ROOT}/archive:1:1: HL005" in result.stdout and result.code == 1
    assert f"{ROOT}/archive/{HANDOFF}:1:1: HL005" in result.stdout
    assert SECRET not in result.stdout and "HL1" not in result.stdout  # not parsed, not quoted


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_fix_does_not_rewrite_a_response_in_a_linked_responses_folder(repo, outside):
    (outside / "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md").write_text(
        VALID_RESPONSE.replace("../archive/", "../active/")
    )
    (repo / ROOT / "archive" / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    link(repo / ROOT / "responses", outside)
    before = tree_digest(outside)
    result = cli(repo, "check", "--fix", ".")
    assert f"{ROOT}/responses:1:1: HL005" in result.stdout
    assert tree_digest(outside) == before


@pytest.mark.skipif(not POSIX, reason="symbolic links")
@pytest.mark.parametrize("folder", ["active", "responses"])
def test_new_and_respond_do_not_write_through_a_linked_folder(repo, outside, folder):
    handoff = repo / ROOT / "archive" / HANDOFF
    handoff.write_text(VALID_HANDOFF)
    link(repo / ROOT / folder, outside)
    before = tree_digest(outside)
    result = cli(repo, "new", "write through the link") if folder == "active" else cli(repo, "respond", str(handoff))
    assert result.code == 2 and "outside the handoff folder" in result.stderr
    assert tree_digest(outside) == before


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_new_does_not_copy_a_template_linked_out_of_the_repository(repo, outside):
    (repo / ROOT / "handoff-template.md").symlink_to(os.path.relpath(outside / "private" / "credentials", repo / ROOT))
    result = cli(repo, "new", "copy the credentials")
    assert result.code == 2 and "HL005" not in result.stdout and "outside the handoff folder" in result.stderr
    assert repo_holds(repo, SECRET) == [] and SECRET not in result.stdout + result.stderr
    assert list((repo / ROOT / "active").glob("handoff-*.md")) == []


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_init_does_not_write_through_a_linked_folder(tmp_path, repo, outside):
    folder = repo / "docs" / "next-local"
    folder.mkdir(parents=True)
    (folder / "archive").symlink_to(outside)
    before = tree_digest(outside)
    result = cli(repo, "init", "docs/next-local")
    assert result.code == 2 and "outside the handoff folder" in result.stderr
    assert tree_digest(outside) == before and not (outside / ".gitkeep").exists()


def test_a_folder_named_like_a_handoff_is_a_stray_not_moved(repo):
    stray = repo / ROOT / "handoff-2026-01-01-x.md"
    stray.mkdir()
    (stray / "inner.txt").write_text("x")
    result = cli(repo, "check", "--fix", ".")
    assert f"{ROOT}/handoff-2026-01-01-x.md:1:1: HL411" in result.stdout and "HL412" not in result.stdout
    assert stray.is_dir() and not (repo / ROOT / "active" / "handoff-2026-01-01-x.md").exists()


@pytest.mark.skipif(not POSIX, reason="a shell fsmonitor")
def test_fix_runs_no_fsmonitor_of_the_repository_or_of_one_inside_the_handoff_folder(repo, tmp_path):
    handoff = completed_in_active(repo)
    commit_all(repo)
    marker = tmp_path / "fsmonitor-ran"
    monitor = tmp_path / "monitor.sh"
    monitor.write_text(f"#!/bin/sh\ntouch {marker}\n")
    monitor.chmod(0o755)
    git("config", "core.fsmonitor", str(monitor), cwd=repo)
    git("init", "-q", cwd=repo / ROOT / "active")  # a .git inside the handoff folder
    git("config", "core.fsmonitor", str(monitor), cwd=repo / ROOT / "active")
    result = cli(repo, "check", "--fix", ".")
    assert not marker.exists()
    assert (repo / ROOT / "archive" / HANDOFF).is_file() and not handoff.exists(), result.stderr
    assert "git mv failed: git mv failed" not in result.stderr


# -- 5. bounds ---------------------------------------------------------------------------------
def test_one_huge_line_gives_at_most_n_findings_of_a_rule_then_one_summary(repo):
    paths = " ".join(f"`/home/alice/file{i}.txt`" for i in range(30_000))  # ~0.9 MB on one line
    (repo / ROOT / "active" / HANDOFF).write_text(
        VALID_HANDOFF.replace("## Task Description\n", f"## Task Description\n{paths}\n")
    )
    started = time.monotonic()
    result = cli(repo, "check", f"{ROOT}/active/{HANDOFF}")
    hl201 = [line for line in result.stdout.splitlines() if " HL201 " in line]
    assert len(hl201) == 101 and "29,900 more HL201 findings in this file" in hl201[-1]
    assert len(result.stdout) < 100_000 and time.monotonic() - started < 60
    (repo / ".handoff-lint.toml").write_text("max-findings-per-rule = 3\n")
    fewer = cli(repo, "check", f"{ROOT}/active/{HANDOFF}")
    assert sum(" HL201 " in line for line in fewer.stdout.splitlines()) == 4 and "29,997 more" in fewer.stdout


def test_suppressed_findings_do_not_count_towards_the_bound(repo):
    leak = "Logs are in /home/alice/logs/\n"
    text = "<!-- handoff-lint: disable-next-line=HL201 -->\n" + leak
    (repo / "notes.md").write_text(text * 120 + leak * 30)
    result = cli(repo, "check", "notes.md")
    assert sum(" HL201 " in line for line in result.stdout.splitlines()) == 30 and "more HL201" not in result.stdout
    (repo / "notes.md").write_text(text * 120 + leak * 130)
    assert "30 more HL201 findings" in cli(repo, "check", "notes.md").stdout


@pytest.mark.parametrize(
    "setting", ["max-file-size = 1e3", "max-file-size = 1000.0", "max-findings-per-rule = 2.5", "stale-days = true"]
)
def test_integer_settings_must_be_integers(repo, setting):
    (repo / ".handoff-lint.toml").write_text(setting + "\n")
    result = cli(repo, "check", ".")
    assert result.code == 2 and "is not an integer" in result.stderr


# -- 3. every printed string is escaped; no line starts with '::' ------------------------------
OSC = "\x1b]0;pwned\x07"


def test_status_prints_titles_priority_status_and_dates_escaped(repo):
    text = (
        VALID_HANDOFF.replace("Extract error patterns", f"Extract {OSC} patterns")
        .replace("**Priority**: MEDIUM", f"**Priority**: HI{OSC}")
        .replace("Ready for local model pickup", f"In progress {OSC}")
        .replace("**Date**: 2026-11-02", f"**Date**: 2026-11-0{OSC}")
    )
    (repo / ROOT / "active" / HANDOFF).write_text(text)
    for fmt in ("text", "json"):
        result = cli(repo, "status", "--format", fmt, ROOT)
        assert result.code == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.count("\\\\x1b]0;pwned\\\\x07") == 4  # json: each cell shows the escape as text


@pytest.mark.skipif(not POSIX, reason="control characters in file names")
def test_diff_prints_names_and_context_lines_escaped(repo):
    (repo / ROOT / "archive" / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = repo / ROOT / "responses" / f"2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns{OSC}.md"
    response.write_text(
        VALID_RESPONSE.replace("../archive/", "../active/").replace("Ran in 6.1 GB", f"Ran {OSC} in 6.1 GB")
    )
    result = cli(repo, "check", "--diff", ".")  # the response's stale link would be updated
    assert "@@" in result.stdout and "+[handoff-2026-11-02" in result.stdout, result.stdout + result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\\x1b]0;pwned\\x07" in result.stdout


@pytest.mark.skipif(not POSIX, reason="control characters in file names")
def test_stderr_messages_and_gits_own_messages_are_escaped(repo, tmp_path):
    named = repo / ROOT / "active" / f"handoff-2026-11-02-x{OSC}.md"
    result = cli(repo, "respond", str(named))  # click's own error quotes the name
    assert result.code == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    missing = cli(repo, "check", f"gone{OSC}.md")
    assert missing.code == 2 and "\x1b" not in missing.stderr and "gone\\x1b]0;pwned\\x07.md" in missing.stderr
    from handoff_lint.git import GitError
    from handoff_lint.git import git as our_git

    with pytest.raises(GitError) as raised:
        # git quotes the name back (it turns most control characters into '?' itself; not a tab)
        our_git(["checkout", "no\tsuch"], repo)
    assert "\t" not in str(raised.value) and "no\\x09such" in str(raised.value)


@pytest.mark.skipif(not POSIX, reason="':' in file names")
def test_no_text_report_line_starts_with_a_workflow_command(repo):
    hostile = repo / ROOT / "active" / "::stop-commands::x.md"
    hostile.write_text("# Local Handoff: x\n\nhome at /home/alice/x\n")
    result = cli(repo, "check", f"{ROOT}/active/::stop-commands::x.md")
    direct = run_cli("check", "::stop-commands::x.md", cwd=repo / ROOT / "active")
    assert result.code == 1 and direct.code == 1
    for output in (result, direct):
        lines = (output.stdout + output.stderr).splitlines()
        assert lines and not [line for line in lines if line.startswith("::")]
    assert "./::stop-commands::x.md:" in direct.stdout


# -- 4. failure is local -----------------------------------------------------------------------
def leaky_handoff(repo: Path) -> str:
    path = f"{ROOT}/active/{HANDOFF}"
    (repo / path).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    return path


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_an_archive_link_loop_is_a_finding_for_that_folder_and_the_rest_is_reported(repo):
    leaky = leaky_handoff(repo)
    link(repo / ROOT / "archive", Path("archive"))
    for args in ((".",), (ROOT,), (leaky, f"{ROOT}/archive")):
        result = cli(repo, "check", *args)
        assert result.code == 1, result.stderr
        assert f"{leaky}:12:" in result.stdout and " HL201 " in result.stdout
        assert f"{ROOT}/archive:1:1: HL00" in result.stdout and "loop" in result.stdout


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="permissions (root reads every folder)")
def test_an_unreadable_archive_is_a_finding_and_the_rest_is_reported(repo):
    leaky = leaky_handoff(repo)
    (repo / ROOT / "archive").chmod(0)
    try:
        result = cli(repo, "check", ".")
    finally:
        (repo / ROOT / "archive").chmod(0o755)
    assert result.code == 1 and f"{leaky}:12:" in result.stdout
    assert f"{ROOT}/archive:1:1: HL007" in result.stdout


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_an_unreadable_response_is_not_done_but_a_finding(repo):
    handoff = repo / ROOT / "active" / HANDOFF
    handoff.write_text(VALID_HANDOFF)
    response = repo / ROOT / "responses" / "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"
    response.symlink_to("gone.md")  # cannot be read
    for args in ((".",), (f"{ROOT}/active/{HANDOFF}",)):
        result = cli(repo, "check", *args)
        assert "HL408" not in result.stdout, result.stdout
    assert f"{ROOT}/responses/{response.name}:1:1: HL003" in cli(repo, "check", ".").stdout
    board = cli(repo, "status", ROOT)
    assert "AWAITING PICKUP" in board.stdout and "AWAITING ARCHIVE" not in board.stdout
