"""Replay: a check over unchanged files prints the recorded output without importing click or
the checks, and any change that could alter the output sends the run through the full check.

Every test runs the real command in a new process. Files must be older than the racy window
before a run may record them, so the projects are made and aged once for the module; each test
has its own project. ``ran()`` tells a replay from a full run by whether click was imported."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PINNED, VALID_HANDOFF, VALID_RESPONSE
from handoff_lint import filestamp, replay

SOURCE = Path(__file__).resolve().parents[2] / "src" / "handoff_lint"
ARCHIVED = "handoff-2026-11-02-extract-error-patterns.md"
RESPONSE = "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"
ACTIVE = "handoff-2026-10-20-summarise-flaky-tests.md"  # stale on PINNED's today: HL410
SECRET = "ghp_" + "R4nd0mT0k3nV4lu3F0rT3st1ng0nlyAbCd12"  # a GitHub token shape, made up
PROJECTS = ("formats", "content", "new-file", "deleted", "hidden-folder", "config", "link", "today", "racy", "symlink", "secret", "damaged", "evict", "refused", "cwd", "one-file", "walked", "racy-folder", "parallel", "one-file-link", "one-handoff")
PROBE = (
    "import sys\n"
    "from handoff_lint.launch import run\n"
    "code = run()\n"
    "sys.stderr.write('\\n[replayed]' if 'click' not in sys.modules else '\\n[ran]')\n"
    "sys.exit(code)\n"
)


def make_project(top: Path) -> Path:
    """A repository-like folder: a handoff and its response archived, one handoff active, the
    logs the handoffs link to."""
    root = top / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (top / "logs").mkdir()
    (top / "logs" / "README.md").write_text("# Nightly logs\n")
    (root / "archive" / ARCHIVED).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    (root / "responses" / RESPONSE).write_text(VALID_RESPONSE)
    active = VALID_HANDOFF.replace("2026-11-02", "2026-10-20").replace("Extract error patterns from build logs", "Summarise flaky tests")
    (root / "active" / ACTIVE).write_text(active)
    return top


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> Path:
    top = tmp_path_factory.mktemp("replay")
    for name in PROJECTS:
        make_project(top / name)
    (top / "secret" / "models" / "next-local" / "active" / ACTIVE).write_text(VALID_HANDOFF.replace("Logs collected", f"Token {SECRET} collected"))
    (top / "modules").mkdir()
    for folder in ("real", "other"):
        (top / "dotdot" / folder / "sub").mkdir(parents=True)
    (top / "dotdot" / "a").mkdir()
    (top / "dotdot" / "real" / "notes.md").write_text("# Notes\n")
    (top / "dotdot" / "other" / "notes.md").write_text("# Notes\nThe build server is at 10.1.2.3\n")
    os.symlink(top / "dotdot" / "real" / "sub", top / "dotdot" / "a" / "link")
    archived = top / "one-file-link" / "models" / "next-local" / "archive" / ARCHIVED
    archived.unlink()
    (top / "targets" / "one-file-link").mkdir(parents=True)
    os.symlink(top / "targets" / "one-file-link", archived)
    for name in (".link", "venv", "linked", "linked.md"):
        make_project(top / "links" / name)
        (top / "targets" / name).mkdir(parents=True)
        place = top / "links" / name / ("." if name.endswith(".md") else "models/next-local/active")
        os.symlink(top / "targets" / name, place / name)
    for number in range(8):  # handoffs that each link to a file of their own
        (top / "parallel" / "logs" / f"input-{number}.txt").write_text("data\n")
        text = VALID_HANDOFF.replace("../../../logs/README.md", f"../../../logs/input-{number}.txt")
        (top / "parallel" / "models" / "next-local" / "active" / f"handoff-2026-11-0{number + 1}-task-{number}.md").write_text(text)
    (top / "symlink" / "shared.md").write_text(VALID_HANDOFF)
    os.symlink(top / "symlink" / "shared.md", top / "symlink" / "models" / "next-local" / "active" / "handoff-2026-11-03-shared.md")
    time.sleep(filestamp.RACY_NS / 1e9 + 0.3)  # every file is now old enough to be trusted by its stamp
    return top


def ran(cwd: Path, cache: Path | None, *args: str, env: dict | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, "replayed" or "ran") of the real command."""
    cache_args = ("--cache-dir", str(cache)) if cache is not None else ("--no-cache",)
    full_env = {name: value for name, value in {**os.environ, **PINNED, **(env or {})}.items() if value is not None}
    done = subprocess.run([sys.executable, "-c", PROBE, *cache_args, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)
    how = re.search(r"\[(replayed|ran)\]$", done.stderr)
    assert how, done.stderr
    assert done.stderr[: how.start()].strip() == "", done.stderr
    return done.returncode, done.stdout, how.group(1)


def replayed_then_changed(cwd: Path, cache: Path, change, *args: str, env: dict | None = None) -> tuple[tuple, tuple]:
    """Record, check that the record is replayed and says what a full run says; make ``change``;
    return (the run after it, an uncached run after it) as (exit code, stdout)."""
    first = ran(cwd, cache, *args, env=env)
    again = ran(cwd, cache, *args, env=env)
    truth = ran(cwd, None, *args, env=env)
    assert (first[2], again[2]) == ("ran", "replayed")
    assert first[:2] == again[:2] == truth[:2]
    change()
    after = ran(cwd, cache, *args, env=env)
    assert after[2] == "ran"
    return after[:2], ran(cwd, None, *args, env=env)[:2]


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github", "junit", "statistics"])
def test_a_replay_prints_exactly_what_a_full_run_does(projects, tmp_path, output):
    args = ("--statistics",) if output == "statistics" else ("--format", output)
    cwd = projects / "formats"
    full = ran(cwd, tmp_path, *args, ".")
    replayed = ran(cwd, tmp_path, *args, ".")
    assert (full[2], replayed[2]) == ("ran", "replayed")
    assert replayed[:2] == full[:2] == ran(cwd, None, *args, ".")[:2]
    assert "HL410" in ran(cwd, None, ".")[1], "the project has a finding: the active handoff is stale"


def test_an_edit_that_keeps_size_and_mtime_is_seen(projects, tmp_path):
    path = projects / "content" / "models" / "next-local" / "active" / ACTIVE

    def change():
        info = path.stat()
        path.write_text(path.read_text().replace("## Task Description", "## Task Descriptio_"))
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    after, truth = replayed_then_changed(projects / "content", tmp_path, change, ".")
    assert after == truth and "HL107" in after[1]


def test_a_new_document_is_seen(projects, tmp_path):
    folder = projects / "new-file" / "models" / "next-local" / "responses"
    after, truth = replayed_then_changed(projects / "new-file", tmp_path, lambda: (folder / "response-to-handoff-2026-11-09-nothing.md").write_text("# Local Response: x\n"), ".")
    assert after == truth and "response-to-handoff-2026-11-09-nothing.md" in after[1]


def test_a_new_markdown_file_in_any_folder_walked_is_seen(projects, tmp_path):
    notes = projects / "walked" / "logs" / "notes.md"
    after, truth = replayed_then_changed(projects / "walked", tmp_path, lambda: notes.write_text("See /home/alice/build.log\n"), ".")
    assert after == truth and "HL201" in after[1]


def test_a_deleted_document_is_seen(projects, tmp_path):
    path = projects / "deleted" / "models" / "next-local" / "archive" / ARCHIVED
    after, truth = replayed_then_changed(projects / "deleted", tmp_path, path.unlink, ".")
    assert after == truth and "HL406" in after[1]  # the response now names a handoff that is gone


@pytest.mark.parametrize("name, code", [(".link", "HL005"), ("venv", "HL005"), ("linked", "HL005"), ("linked.md", "HL201")])
def test_a_link_that_comes_to_point_at_a_file_is_seen(projects, tmp_path, name, code):
    # Re-pointing a link (or its target turning from folder into file) changes no folder's stamp.
    # The first three sit in active/ (the walk skips the first two, the folder checks list them);
    # linked.md sits at the top, where the walk neither follows it nor reads it while a folder.
    top, target = projects / "links" / name, projects / "targets" / name  # the target: outside what the run walks
    after, truth = replayed_then_changed(top, tmp_path, lambda: (target.rmdir(), target.write_text("See /home/alice/build.log\n")), ".")
    assert after == truth and code in after[1]


def test_a_folder_only_the_folder_checks_list_is_seen(projects, tmp_path):
    # Discovery skips hidden folders; the folder checks report them as strays in active/.
    folder = projects / "hidden-folder" / "models" / "next-local" / "active" / ".drafts"
    after, truth = replayed_then_changed(projects / "hidden-folder", tmp_path, folder.mkdir, ".")
    assert after == truth and "HL411" in after[1]


# The next tests check models/ only: the change is in a folder the run does not walk.


def test_a_new_configuration_file_is_seen(projects, tmp_path):
    config = projects / "config" / "pyproject.toml"
    after, truth = replayed_then_changed(projects / "config", tmp_path, lambda: config.write_text('[tool.handoff-lint]\nignore = ["HL410"]\n'), "models")
    assert after == truth == (0, "All checks passed (3 files checked).\n")


def test_a_link_target_that_goes_is_seen(projects, tmp_path):
    logs = projects / "link" / "logs" / "README.md"
    after, truth = replayed_then_changed(projects / "link", tmp_path, logs.unlink, "models")
    assert after == truth and "HL501" in after[1]


def test_a_link_beside_a_one_file_run_that_comes_to_point_at_a_handoff_is_seen(projects, tmp_path):
    # The folder checks list archive/, which the run does not walk: the name the response gives
    # is a link to a folder (no handoff there), then to a file (the handoff).
    top, target = projects / "one-file-link", projects / "targets" / "one-file-link"
    response = f"models/next-local/responses/{RESPONSE}"

    def change():
        target.rmdir()
        target.write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))

    after, truth = replayed_then_changed(top, tmp_path, change, response)
    assert after == truth == (0, "All checks passed (1 file checked).\n")


def test_what_worker_processes_asked_the_disk_is_part_of_the_record(projects, tmp_path):
    top = projects / "parallel"
    after, truth = replayed_then_changed(top, tmp_path, (top / "logs" / "input-5.txt").unlink, "--jobs", "2", "models")
    assert after == truth and "input-5.txt" in after[1] and "HL501" in after[1]


def test_a_handoff_that_appears_beside_a_one_file_run_is_seen(projects, tmp_path):
    # A hook passes one response; the folder checks look for the handoff it names in archive/.
    archive = projects / "one-file" / "models" / "next-local" / "archive"
    (archive / ARCHIVED).rename(projects / "one-file" / ARCHIVED)
    time.sleep(filestamp.RACY_NS / 1e9 + 0.3)
    response = f"models/next-local/responses/{RESPONSE}"
    after, truth = replayed_then_changed(projects / "one-file", tmp_path, lambda: (projects / "one-file" / ARCHIVED).rename(archive / ARCHIVED), response)
    assert after == truth == (0, "All checks passed (1 file checked).\n")


def test_a_response_beside_a_one_file_run_that_comes_to_answer_the_handoff_is_seen(projects, tmp_path):
    # A hook passes one handoff; the folder checks read which handoffs every response names
    # (from the cache's rows while the response's stamp holds), not only the responses that
    # answer it: one that comes to name it changes the findings.
    top = projects / "one-handoff"
    response = top / "models" / "next-local" / "responses" / RESPONSE

    def change():
        response.write_text(response.read_text().replace(f"[{ARCHIVED}](../archive/{ARCHIVED})", f"[{ACTIVE}](../active/{ACTIVE})"))

    target = f"models/next-local/active/{ACTIVE}"
    assert ran(top, tmp_path, "--format", "json", target)[2] == "ran"  # the cache keeps the rows
    after, truth = replayed_then_changed(top, tmp_path, change, target)  # recorded from them
    assert after == truth and "HL408" in after[1]


def test_another_day_is_another_record(projects, tmp_path):
    cwd = projects / "today"
    first = ran(cwd, tmp_path, ".", env={"HANDOFF_LINT_TODAY": "2026-12-01"})
    assert ran(cwd, tmp_path, ".", env={"HANDOFF_LINT_TODAY": "2026-12-01"})[2] == "replayed"
    later = ran(cwd, tmp_path, ".", env={"HANDOFF_LINT_TODAY": "2026-12-31"})
    assert later[2] == "ran" and later[:2] == ran(cwd, None, ".", env={"HANDOFF_LINT_TODAY": "2026-12-31"})[:2]
    assert later[1] != first[1]  # HL410 counts the days


def test_a_record_is_replayed_on_the_day_it_was_made_only(projects, tmp_path):
    # Without HANDOFF_LINT_TODAY the run takes the local date: 26 hours apart, two time zones
    # never share it. The day is checked when replaying, not hashed into the key at start-up (a
    # run that began just before midnight took the next day as today).
    cwd = projects / "today"
    east, west = {"HANDOFF_LINT_TODAY": None, "TZ": "EAST-14"}, {"HANDOFF_LINT_TODAY": None, "TZ": "WEST+12"}
    ran(cwd, tmp_path, ".", env=east)
    assert ran(cwd, tmp_path, ".", env=east)[2] == "replayed"
    later = ran(cwd, tmp_path, ".", env=west)
    assert later[2] == "ran" and later[:2] == ran(cwd, None, ".", env=west)[:2]


def test_another_output_encoding_is_another_record(projects, tmp_path):
    cwd = projects / "today"
    ran(cwd, tmp_path, "models")
    assert ran(cwd, tmp_path, "models")[2] == "replayed"
    assert ran(cwd, tmp_path, "models", env={"PYTHONIOENCODING": "latin-1"})[2] == "ran"


def test_a_path_through_a_link_and_dotdot_is_seen_when_the_link_moves(projects, tmp_path):
    top = projects / "dotdot"

    def move():
        (top / "a" / "link").unlink()
        os.symlink(top / "other" / "sub", top / "a" / "link")

    after, truth = replayed_then_changed(top, tmp_path, move, "a/link/../notes.md")
    assert after == truth and "HL204" in after[1]


def test_a_module_added_to_the_search_path_is_another_record(projects, tmp_path):
    cwd, modules = projects / "today", projects / "modules"
    env = {"PYTHONPATH": str(modules)}
    ran(cwd, tmp_path, "models", env=env)
    assert ran(cwd, tmp_path, "models", env=env)[2] == "replayed"
    (modules / "pathspec.py").write_text("raise ImportError('a stand-in that shadows the real one')\n")
    assert ran(cwd, tmp_path, "models", env=env)[2] == "ran"


def test_a_file_changed_within_the_racy_window_is_never_replayed(projects, tmp_path):
    path = projects / "racy" / "models" / "next-local" / "active" / ACTIVE
    path.write_text(path.read_text())  # new mtime and ctime: too new to trust
    assert [ran(projects / "racy", tmp_path, ".")[2] for _ in range(2)] == ["ran", "ran"]


def test_a_folder_changed_within_the_racy_window_is_never_replayed(projects, tmp_path):
    (projects / "racy-folder" / "logs" / "raw.txt").write_text("not markdown: not read\n")
    assert [ran(projects / "racy-folder", tmp_path, ".")[2] for _ in range(2)] == ["ran", "ran"]


def test_a_run_that_read_through_a_symbolic_link_is_never_replayed(projects, tmp_path):
    first, second = (ran(projects / "symlink", tmp_path, ".") for _ in range(2))
    assert (first[2], second[2]) == ("ran", "ran") and first[:2] == second[:2]


def test_a_record_never_holds_a_secret_in_full(projects, tmp_path):
    first = ran(projects / "secret", tmp_path, "--format", "json", ".")
    assert "HL3" in first[1] and SECRET not in first[1]
    assert ran(projects / "secret", tmp_path, "--format", "json", ".")[2] == "replayed"
    records = list(tmp_path.glob("run-*.marshal"))
    assert records and all(SECRET.encode() not in record.read_bytes() for record in records)


@pytest.mark.parametrize("damage", ["truncated", "a byte of the output"])
def test_a_damaged_record_means_a_full_run(projects, tmp_path, damage):
    cwd = projects / "damaged"
    first = ran(cwd, tmp_path, ".")
    for record in tmp_path.glob("run-*.marshal"):
        data = bytearray(record.read_bytes())
        if damage == "truncated":
            del data[-20:]
        else:
            at = data.rfind(b"HL410")
            data[at + 4] = ord("9")
        record.write_bytes(bytes(data))
    again = ran(cwd, tmp_path, ".")
    assert again[2] == "ran" and again[:2] == first[:2]


def test_another_module_search_path_is_another_record(projects, tmp_path):
    cwd = projects / "damaged"
    ran(cwd, tmp_path, "models")
    assert ran(cwd, tmp_path, "models")[2] == "replayed"
    assert ran(cwd, tmp_path, "models", env={"PYTHONPATH": str(tmp_path)})[2] == "ran"  # a module there could shadow one of ours


def test_a_key_is_the_same_bytes_whatever_the_process_imported():
    # launch.py computes it before click is imported; cli.main after (re, inspect, enum... share
    # strings and change reference counts, which marshal's bytes depend on).
    script = (
        "from handoff_lint import replay\n"
        "before = replay.key(['--cache-dir', '/nowhere', '.'])\n"
        "import click, handoff_lint.engine\n"
        "print(before is not None and replay.key(['--cache-dir', '/nowhere', '.']) == before)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, **PINNED}, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr


def test_records_are_kept_for_the_last_runs_only(projects, tmp_path):
    cwd = projects / "evict"
    for number in range(replay.KEEP + 4):
        assert ran(cwd, tmp_path, "." + "/." * number)[2] == "ran"  # another command line each time
    assert len(list(tmp_path.glob("run-*.marshal"))) == replay.KEEP


@pytest.mark.parametrize("args", [("--exit-zero", "--output-file", "report.txt"), ("--diff",), ("--no-cache",)])
def test_runs_that_write_files_or_change_nothing_in_the_cache_keep_no_record(projects, tmp_path, args):
    cwd = projects / "refused"
    command = ("--cache-dir", str(tmp_path), *args, ".")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=cwd, env={**os.environ, **PINNED}, capture_output=True, text=True, timeout=300)
        assert done.stderr.endswith("[ran]"), done.stderr
    assert not list(tmp_path.glob("run-*.marshal"))


def test_a_record_is_for_its_working_directory_only(projects, tmp_path):
    top = projects / "cwd"
    from_top = ran(top, tmp_path, "models")
    assert ran(top, tmp_path, "models")[2] == "replayed"
    inside = ran(top / "models", tmp_path, ".")
    assert inside[2] == "ran" and inside[:2] == ran(top / "models", None, ".")[:2] and inside[1] != from_top[1]


def test_every_environment_variable_the_tool_reads_is_part_of_the_key():
    read = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"environ(?:\.get)?[\[(]\s*\"([A-Z_]+)\"", text))
        read |= set(re.findall(r"getenv\(\s*\"([A-Z_]+)\"", text))
    where_only = {"XDG_CACHE_HOME"}  # where the cache is, not what a check finds
    assert read, "the scan found the variables"
    missing = {name for name in read if not name.startswith(replay.PREFIX) and name not in replay.ENVIRONMENT and name not in where_only}
    assert not missing
