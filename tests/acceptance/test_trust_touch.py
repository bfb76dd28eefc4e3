"""Trust III (issue 24): writes that cannot be redirected, folder runs that see every text file,
and reads that stop at the size limit.

Every case runs the real command in a real git repository in a temporary folder, next to an
*outside* folder (see test_trust.py) whose whole tree is hashed before and after: nothing outside
may change, and nothing of it may be read into the output.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from test_trust import HANDOFF, POSIX, ROOT, SECRET, outside, repo, repo_holds, tree_digest  # noqa: F401 (fixtures)

from conftest import GIT_ENV, PINNED, VALID_HANDOFF, VALID_RESPONSE, git, run_cli

RESPONSE = "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"
symlinks = pytest.mark.skipif(not POSIX, reason="symbolic links")


def fake_token() -> str:
    return "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))


def cli(repo: Path, *args: str, **kwargs):
    return run_cli(*args, cwd=repo, **kwargs)


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "state", cwd=repo)


def findings(result) -> list[tuple[str, str]]:
    return sorted((f["path"], f["code"]) for f in json.loads(result.stdout))


# -- 4. writes that cannot be redirected --------------------------------------------------------
def stale_response(repo: Path) -> Path:
    """A finished handoff in archive/ and a response still linking ../active/: --fix rewrites it."""
    (repo / ROOT / "archive" / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = repo / ROOT / "responses" / RESPONSE
    response.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    return response


def next_pids(count: int) -> range:
    """The process ids the next processes will likely get (one just started, and on)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    first = int(probe.stdout) + 1
    return range(first, first + count)


@symlinks
def test_fix_writes_no_planted_link_at_a_temporary_name(repo, outside):
    """The attack of issue 24: links planted at every name the old temporary file could take
    (`.<response>.handoff-lint-<pid>`, for the next 300 process ids, to a file outside and to
    names outside that do not exist yet) and committed. --fix still rewrites the response, as a
    regular file, and nothing outside changes or appears."""
    response = stale_response(repo)
    victim = outside / "private" / "credentials"
    for number, pid in enumerate(next_pids(300)):
        planted = response.with_name(f".{RESPONSE}.handoff-lint-{pid}")
        planted.symlink_to(victim if number % 2 else outside / f"created-{pid}")
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "check", "--fix", ".")
    assert "updated links in 1 response" in result.stderr, result.stderr  # (the planted links are findings)
    assert tree_digest(outside) == before
    assert not response.is_symlink() and response.is_file()
    assert response.read_text() == VALID_RESPONSE  # the link was updated
    assert repo_holds(repo, SECRET) == []
    left = sorted(p.name for p in response.parent.iterdir() if not p.is_symlink() and p.name.startswith("."))
    assert left == [".gitkeep"]  # no temporary file left behind


@symlinks
def test_fix_moves_nothing_onto_a_planted_link_at_the_target(repo, outside):
    handoff = repo / ROOT / "active" / HANDOFF
    handoff.write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    (repo / ROOT / "archive" / HANDOFF).symlink_to(outside / HANDOFF)
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "check", "--fix", ".")
    assert "not moved" in result.stderr and handoff.is_file()
    assert tree_digest(outside) == before and SECRET not in result.stdout + result.stderr


@symlinks
def test_fix_does_not_rewrite_a_response_that_is_a_link_out(repo, outside):
    (repo / ROOT / "archive" / HANDOFF).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    target = outside / RESPONSE
    target.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    (repo / ROOT / "responses" / RESPONSE).symlink_to(target)
    commit_all(repo)
    before = tree_digest(outside)
    cli(repo, "check", "--fix", ".")
    assert tree_digest(outside) == before


@pytest.fixture
def linked_root(repo: Path, outside: Path) -> Path:
    """The handoff root itself a committed link leading out (`models/next-local ->
    ../../outside/nl`), to a real-looking root holding a secret, a finished handoff in active/
    (a move for --fix) and a response with a stale link (an edit for --fix)."""
    nl = outside / "nl"
    for name in ("active", "responses", "archive"):
        (nl / name).mkdir(parents=True)
    finished = VALID_HANDOFF.replace("Ready for local model pickup", "Completed")
    (nl / "active" / HANDOFF).write_text(f"{finished}\ntoken: {SECRET}\n")
    (nl / "responses" / RESPONSE).write_text(VALID_RESPONSE)
    (nl / ".env").write_text(f"GITHUB_TOKEN={fake_token()}\n")
    root = repo / ROOT
    for child in sorted(root.rglob("*"), reverse=True):
        child.unlink() if child.is_file() else child.rmdir()
    root.rmdir()
    root.symlink_to(os.path.relpath(nl, root.parent))
    commit_all(repo)
    assert git("ls-files", "-s", ROOT, cwd=repo).stdout.startswith("120000 ")  # committed as a link
    return root


@symlinks
def test_a_linked_root_leading_out_is_hl005_and_nothing_of_it_is_read(repo, outside, linked_root):
    before = tree_digest(outside)
    token = (outside / "nl" / ".env").read_text().split("=", 1)[1].strip()
    for args in ((".",), (ROOT,), (f"{ROOT}/active",), (f"{ROOT}/active/{HANDOFF}",)):
        result = cli(repo, "check", "--format", "json", *args)
        assert result.code == 1, result.stderr
        found = findings(result)
        assert found and {code for _path, code in found} == {"HL005"}, found
        assert (args[0] if args != (".",) else ROOT, "HL005") in found
        shown = result.stdout + result.stderr
        assert SECRET not in shown and token[:8] not in shown and RESPONSE not in shown
    text = cli(repo, "check", ".")
    assert f"{ROOT}:1:1: HL005" in text.stdout and "outside the repository" in text.stdout
    assert tree_digest(outside) == before


@symlinks
def test_a_linked_root_leading_out_is_never_written_through(repo, outside, linked_root):
    before = tree_digest(outside)
    fixed = cli(repo, "check", "--fix", ".")
    assert "Fixed" not in fixed.stderr
    assert (outside / "nl" / "active" / HANDOFF).is_file() and not (outside / "nl" / "archive" / HANDOFF).exists()
    for args in (("new", "write outside"), ("respond", f"{ROOT}/active/{HANDOFF}"), ("status",), ("init", ROOT)):
        result = cli(repo, *args)
        assert result.code == 2, (args, result.stdout, result.stderr)
        assert "refused" in result.stderr and "outside the repository" in result.stderr, result.stderr
        assert SECRET not in result.stdout + result.stderr
    assert tree_digest(outside) == before
    assert repo_holds(repo, SECRET) == []


@symlinks
def test_where_a_link_leads_is_shown_escaped(repo, outside):
    """An HL005 message quotes where the link leads, a name the author chose: a control
    character in it is shown escaped, never sent to the terminal."""
    hostile = outside / "nl\x1b[2J\x07"
    (hostile / "active").mkdir(parents=True)
    (hostile / "archive").mkdir()
    shutil.rmtree(repo / ROOT)
    (repo / ROOT).symlink_to(hostile)
    (repo / "other" / "active").mkdir(parents=True)
    (repo / "other" / "archive").mkdir()
    (repo / "other" / "active" / HANDOFF).symlink_to(outside / "x\x1b[31m")
    for args in ((".",), (ROOT,), (f"{ROOT}/active",), (f"other/active/{HANDOFF}",)):
        result = cli(repo, "check", *args)
        assert result.code == 1 and "HL005" in result.stdout, result.stdout
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
        assert "\\x1b" in result.stdout


@symlinks
def test_a_root_behind_a_linked_folder_leading_out_is_refused_too(repo, outside):
    """`models -> ../outside/models`: the root's own real path is outside, though the root
    itself is no link."""
    (outside / "models" / "next-local" / "active").mkdir(parents=True)
    (outside / "models" / "next-local" / "archive").mkdir()
    (outside / "models" / "next-local" / "active" / HANDOFF).write_text(VALID_HANDOFF + SECRET)
    git("rm", "-rq", "models", cwd=repo)
    shutil.rmtree(repo / "models", ignore_errors=True)
    (repo / "models").symlink_to(os.path.relpath(outside / "models", repo))
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "check", ROOT)
    assert result.code == 1 and f"{ROOT}:1:1: HL005" in result.stdout and SECRET not in result.stdout
    assert cli(repo, "new", "x").code == 2
    assert tree_digest(outside) == before


@symlinks
def test_a_linked_root_inside_the_repository_is_followed(repo):
    """A root linked to another folder of the same repository is no leak: checked as before."""
    real = repo / "shared" / "next-local"
    (real / "active").mkdir(parents=True)
    (real / "archive").mkdir()
    (real / "active" / HANDOFF).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    git("rm", "-rq", ROOT, cwd=repo)
    shutil.rmtree(repo / ROOT, ignore_errors=True)
    (repo / "models").mkdir(exist_ok=True)
    (repo / ROOT).symlink_to(os.path.relpath(real, repo / "models"))
    result = cli(repo, "check", ROOT)
    assert f"{ROOT}/active/{HANDOFF}:12:" in result.stdout and "HL201" in result.stdout and "HL005" not in result.stdout


@symlinks
@pytest.mark.parametrize("dangling", [False, True])
def test_o_never_writes_through_a_committed_link(repo, outside, dangling):
    """The README's CI recipe writes `-o handoff-lint.sarif`: a committed link of that name must
    not send the report (author-controlled text) anywhere else."""
    target = outside / ("not-there.sarif" if dangling else "notes.txt")
    (repo / "report.sarif").symlink_to(target)
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "check", "--format", "sarif", "-o", "report.sarif", "--exit-zero", ROOT)
    assert result.code == 2 and result.stdout == ""
    assert "report.sarif is a symbolic link" in result.stderr and "never written through" in result.stderr
    assert tree_digest(outside) == before and not (outside / "not-there.sarif").exists()
    assert (repo / "report.sarif").is_symlink()


@symlinks
def test_o_never_writes_into_a_committed_linked_folder(repo, outside):
    (repo / "reports").symlink_to(outside)
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "check", "-o", "reports/out.txt", ROOT)
    assert result.code == 2 and "reports is a symbolic link" in result.stderr
    assert tree_digest(outside) == before


@symlinks
@pytest.mark.parametrize("dangling", [False, True])
def test_history_o_never_writes_through_a_committed_link(repo, outside, dangling):
    """history's report is the history's text (author-controlled, every commit's): written as
    check's, never through a link named like it, committed or planted."""
    target = outside / ("not-there.sarif" if dangling else "notes.txt")
    (repo / "report.sarif").symlink_to(target)
    commit_all(repo)
    before = tree_digest(outside)
    result = cli(repo, "history", "--format", "sarif", "-o", "report.sarif", "--exit-zero")
    assert result.code == 2 and result.stdout == ""
    assert "report.sarif is a symbolic link" in result.stderr and "never written through" in result.stderr
    assert tree_digest(outside) == before and not (outside / "not-there.sarif").exists()
    assert (repo / "report.sarif").is_symlink()


def test_history_o_writes_the_whole_report_and_replaces_a_regular_file(repo):
    (repo / "report.json").write_text("old and much longer than the report will be " * 1000)
    os.chmod(repo / "report.json", 0o640)
    result = cli(repo, "history", "--format", "json", "-o", "report.json")
    assert result.code == 0 and result.stdout == ""
    assert json.loads((repo / "report.json").read_text()) == []
    assert (repo / "report.json").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in repo.iterdir() if ".handoff-lint-" in p.name] == []


def test_o_writes_the_whole_report_and_replaces_a_regular_file(repo):
    (repo / ROOT / "active" / HANDOFF).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    (repo / "report.json").write_text("old and much longer than the report will be " * 1000)
    os.chmod(repo / "report.json", 0o640)
    result = cli(repo, "check", "--format", "json", "-o", "report.json", ROOT)
    assert result.code == 1 and result.stdout == ""
    assert [f["code"] for f in json.loads((repo / "report.json").read_text())] == ["HL201"]
    assert (repo / "report.json").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in repo.iterdir() if ".handoff-lint-" in p.name] == []


# -- 5. folder runs see every text file at any depth --------------------------------------------
def test_text_files_at_any_depth_of_a_root_are_checked(repo):
    """gitleaks and detect-secrets find these; so must a folder run (hidden folders included,
    .git left out)."""
    tokens = {}
    for place in ("active/a/b/c/d/.env", "active/a/b/c/d/e/deeper.txt", "archive/.hidden/key.txt", "x/y/z/w/notes.txt"):
        tokens[place] = fake_token()
        path = repo / ROOT / place
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"GITHUB_TOKEN={tokens[place]}\n")
    (repo / ROOT / "x" / ".git").mkdir()
    (repo / ROOT / "x" / ".git" / "config").write_text(f"token = {fake_token()}\n")
    for args in ((".",), (ROOT,), (f"{ROOT}/active",)):
        result = cli(repo, "check", "--format", "json", "--select", "HL3", *args)
        found = findings(result)
        under = "active/" if args[0] == f"{ROOT}/active" else ""
        expected = [(f"{ROOT}/{place}", "HL301") for place in tokens if place.startswith(under)]
        assert found == sorted(expected), (args, found)
        assert not any(token in result.stdout for token in tokens.values())
    git("add", "-A", cwd=repo)
    staged = cli(repo, "check", "--staged", "--format", "json", "--select", "HL3")
    assert findings(staged) == sorted((f"{ROOT}/{place}", "HL301") for place in tokens)


@symlinks
def test_deep_linked_folders_leading_out_are_findings_and_loops_end(repo, outside):
    deep = repo / ROOT / "active" / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    (deep / "out").symlink_to(outside / "private")
    (deep / "loop").symlink_to("..")  # inside the root: not followed (its files are reached directly)
    (deep / "self").symlink_to("self")
    (deep / "notes.txt").write_text("build box: build7.corp\n")
    before = tree_digest(outside)
    result = cli(repo, "check", "--format", "json", ".")
    found = findings(result)
    assert (f"{ROOT}/active/a/b/c/d/out", "HL005") in found
    assert (f"{ROOT}/active/a/b/c/d/notes.txt", "HL203") in found
    assert (f"{ROOT}/active/a/b/c/d/self", "HL003") in found
    assert not [path for path, _code in found if "/loop/" in path]
    assert SECRET not in result.stdout and tree_digest(outside) == before


# -- 8. bounded reads ---------------------------------------------------------------------------
LIMIT = 65_536


def small_limit(repo: Path) -> None:
    (repo / ".handoff-lint.toml").write_text(f"max-file-size = {LIMIT}\n")


def test_stdin_over_the_limit_is_too_large_and_not_read_whole(repo):
    """Fed 100 times the limit through a pipe: HL004, exit 1, and the tool stops reading (the
    pipe is closed under the writer long before the end)."""
    small_limit(repo)
    total, chunk = 100 * LIMIT, b"x" * 4096
    process = subprocess.Popen(
        [sys.executable, "-m", "handoff_lint", "check", "--stdin-filename", f"{ROOT}/active/{HANDOFF}", "-"],
        cwd=repo,
        env={**os.environ, **PINNED},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    written, broken = 0, False
    try:
        while written < total:
            process.stdin.write(chunk)
            process.stdin.flush()
            written += len(chunk)
    except BrokenPipeError:
        broken = True
    try:
        process.stdin.close()
    except BrokenPipeError:
        pass
    stdout, stderr = process.stdout.read().decode(), process.stderr.read().decode()
    assert process.wait(timeout=300) == 1, stderr
    assert broken and written < total // 2, written
    assert f"{ROOT}/active/{HANDOFF}:1:1: HL004" in stdout and f"{LIMIT:,}-byte limit" in stdout


def test_stdin_at_the_limit_is_checked(repo):
    small_limit(repo)
    text = VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs")
    result = cli(repo, "check", "--stdin-filename", f"{ROOT}/active/{HANDOFF}", "-", input=text.encode())
    assert result.code == 1 and "HL201" in result.stdout and "HL004" not in result.stdout


@pytest.mark.parametrize("over", [0, 1])
def test_stdin_of_several_chunks_is_read_whole_up_to_the_limit_and_not_a_byte_more(repo, over):
    """At the limit, every byte is read (a private path in the last line is found); one byte
    over, nothing is checked but the size."""
    limit = 1_200_000  # more than one of the megabyte chunks standard input is read in
    (repo / ".handoff-lint.toml").write_text(f"max-file-size = {limit}\n")
    head, tail = VALID_HANDOFF.encode(), b"\nsee /home/alice/notes\n"
    line = b"plain words of a long appendix, nothing private in them at all\n"
    body = head + line * ((limit - len(head) - len(tail)) // len(line))
    data = body + b"y" * (limit + over - len(body) - len(tail)) + tail
    assert len(data) == limit + over
    result = cli(repo, "check", "--select", "HL0,HL2", "--stdin-filename", f"{ROOT}/active/{HANDOFF}", "-", input=data)
    codes = {line.split()[1] for line in result.stdout.splitlines() if ": HL" in line}
    assert codes == ({"HL004"} if over else {"HL201"}), result.stdout  # HL201: on the last line


@pytest.mark.skipif(not POSIX, reason="a shell wrapper around git")
def test_a_staged_blob_over_the_limit_is_too_large_and_never_read(repo, tmp_path):
    """The blob's size is asked, its content never: a wrapper around git records what
    `cat-file --batch` is asked for, and the big blob is not among it."""
    small_limit(repo)
    big, small = f"{ROOT}/active/{HANDOFF}", f"{ROOT}/active/handoff-2026-11-03-small.md"
    (repo / big).write_text(VALID_HANDOFF + ("padding line\n" * (3 * LIMIT // 13)))
    (repo / small).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    git("add", "-A", cwd=repo)
    big_blob = git("rev-parse", f":{big}", cwd=repo).stdout.strip()
    small_blob = git("rev-parse", f":{small}", cwd=repo).stdout.strip()
    real_git = subprocess.run(["sh", "-c", "command -v git"], capture_output=True, text=True, check=True).stdout.strip()
    asked = tmp_path / "asked"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(
        f'#!/bin/sh\nfor a in "$@"; do\n'
        f'  if [ "$a" = "--batch" ]; then tee -a "{asked}" | "{real_git}" "$@"; exit $?; fi\n'
        f'done\nexec "{real_git}" "$@"\n'
    )
    wrapper.chmod(0o755)
    env = {**GIT_ENV, "PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"}
    result = cli(repo, "check", "--staged", "--format", "json", env=env)
    found = json.loads(result.stdout)
    size = (repo / big).stat().st_size
    assert [(f["path"], f["code"]) for f in found if f["path"] == big] == [(big, "HL004")]
    assert f"{size:,} bytes, over the {LIMIT:,}-byte limit" in next(f["message"] for f in found if f["path"] == big)
    assert (small, "HL201") in [(f["path"], f["code"]) for f in found]
    sent = asked.read_text().split()
    assert small_blob in sent and big_blob not in sent
