"""`handoff-lint history` in real repositories: what the history already published, and what a
push is about to publish (the plain pre-push hook and the pre-commit framework's)."""

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

from conftest import GIT_ENV, PINNED, VALID_HANDOFF, git, hook_runs_this_checkout, line_of, run_cli

ROOT = "models/next-local"
HANDOFF = f"{ROOT}/active/handoff-2026-11-02-extract-error-patterns.md"
FORMATS = ("text", "json", "sarif", "github", "junit")


def fake_token() -> str:
    return "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))


def commit(repo: Path, message: str, files: dict[str, str | None], date: str = "2026-11-03T10:00:00+00:00") -> str:
    """Write (or, for None, remove) ``files``, commit them all with that author date; the commit id."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            git("rm", "-q", name, cwd=repo)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", message, cwd=repo, env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    return git("rev-parse", "HEAD", cwd=repo).stdout.strip()


def with_line(text: str, after: str, line: str) -> str:
    """``text`` with ``line`` added after the line holding ``after``."""
    return text.replace(after + "\n", f"{after}\n{line}\n", 1)


def history(repo: Path, *args: str, **kwargs):
    return run_cli("history", *args, cwd=repo, **kwargs)


def as_json(repo: Path, *args: str) -> list[dict]:
    result = history(repo, "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def leaked_and_removed(repo: Path) -> tuple[str, str, int]:
    """A handoff committed clean, then with a token in it, then clean again: (token, the
    commit that added it, its line)."""
    token = fake_token()
    commit(repo, "handoff", {HANDOFF: VALID_HANDOFF}, "2026-11-02T09:00:00+00:00")
    leaky = with_line(VALID_HANDOFF, "## Task Description", f"export GITHUB_TOKEN={token}")
    added = commit(repo, "more context", {HANDOFF: leaky}, "2026-11-03T10:00:00+00:00")
    commit(repo, "oops", {HANDOFF: VALID_HANDOFF}, "2026-11-04T11:00:00+00:00")
    return token, added, line_of(leaky, token)


def test_a_token_added_then_removed_is_found_with_its_commit_and_removed_later(git_repo):
    token, added, line = leaked_and_removed(git_repo)
    checked = run_cli("check", ROOT, cwd=git_repo)
    assert checked.code == 0 and "HL301" not in checked.stdout, checked.stdout  # the tip passes
    result = history(git_repo)
    assert result.code == 1, result.stderr
    expected = (
        f"{HANDOFF}:{line}:21: HL301 commit {added[:7]} (2026-11-03): github token ghp_…(40 chars); "
        "removed in a later commit; still published: rotate it"
    )
    assert result.stdout.splitlines()[0] == expected
    assert "Found 1 error and 0 warnings in 4 commits (1 file)." in result.stdout
    assert "1 of them removed in a later commit" in result.stdout
    [finding] = as_json(git_repo)
    assert (finding["path"], finding["line"], finding["code"], finding["commit"], finding["removed_later"]) == (
        HANDOFF,
        line,
        "HL301",
        added,
        True,
    )
    assert finding["commit_date"] == "2026-11-03T10:00:00+00:00"
    assert token not in result.stdout + result.stderr


def test_a_secret_the_tip_still_holds_is_not_called_removed(git_repo):
    token = fake_token()
    commit(git_repo, "handoff", {HANDOFF: with_line(VALID_HANDOFF, "## Task Description", f"token: {token}")})
    commit(git_repo, "moved into notes", {HANDOFF: VALID_HANDOFF, f"{ROOT}/notes.txt": f"the token is {token}\n"})
    findings = as_json(git_repo)
    assert [(f["path"], f["code"], f["removed_later"]) for f in findings] == [
        (HANDOFF, "HL301", False),
        (f"{ROOT}/notes.txt", "HL301", False),
    ]
    assert all("removed in a later commit" not in f["message"] for f in findings)


def test_a_private_path_in_a_renamed_file_is_found_under_the_name_it_had_then(git_repo):
    old = f"{ROOT}/active/handoff-2026-11-02-old-name.md"
    new = f"{ROOT}/archive/handoff-2026-11-02-new-name.md"
    leaky = VALID_HANDOFF.replace("We have 40 logs", "We have 40 logs in /home/alice/nightly")
    first = commit(git_repo, "handoff", {old: leaky}, "2026-11-02T09:00:00+00:00")
    git("mv", old, new, cwd=git_repo)
    moved = leaky.replace("Ready for local model pickup", "Completed")
    commit(git_repo, "archive", {new: moved})
    line = line_of(leaky, "/home/alice")
    [finding] = as_json(git_repo)
    assert (finding["path"], finding["line"], finding["code"], finding["commit"], finding["removed_later"]) == (
        old,
        line,
        "HL201",
        first,
        False,
    )  # the archived copy still holds it
    commit(git_repo, "scrub", {new: moved.replace(" in /home/alice/nightly", "")})
    [finding] = as_json(git_repo)
    assert finding["path"] == old and finding["removed_later"]
    assert finding["message"].endswith("removed in a later commit; still published in the history")


def test_a_range_finds_only_what_the_range_added(git_repo):
    base = commit(git_repo, "first leak", {f"{ROOT}/notes.txt": "logs in /home/alice/logs\n"})
    commit(git_repo, "second leak", {f"{ROOT}/notes.txt": "logs in /home/alice/logs\nand /home/bob/more\n"})
    everything = as_json(git_repo)
    assert [(f["line"], f["message"].split(": ", 1)[1]) for f in everything] == [
        (1, "path into a home folder: '/home/alice'; use a repo-relative path or '/home/<user>/'"),
        (2, "path into a home folder: '/home/bob'; use a repo-relative path or '/home/<user>/'"),
    ]
    for given in (f"{base}..HEAD", "HEAD~1..", "HEAD^!"):
        assert [f["line"] for f in as_json(git_repo, "--range", given)] == [2], given
    assert as_json(git_repo, "--range", f"{base}~1..{base}")[0]["line"] == 1


def test_a_bad_range_is_a_usage_error_that_names_it(git_repo, tmp_path_factory):
    for bad in ("nope..HEAD", "--output=/tmp/x", ""):
        result = history(git_repo, f"--range={bad}")
        assert result.code == 2 and result.stdout == "", (bad, result.stdout)
        assert f"bad range {bad!r}" in result.stderr
    outside = history(tmp_path_factory.mktemp("no-repository"))
    assert outside.code == 2 and "not inside a git work tree" in outside.stderr
    beyond = history(git_repo, str(tmp_path_factory.mktemp("beyond")))
    assert beyond.code == 2 and "is outside repository" in beyond.stderr and beyond.stdout == ""
    both = history(git_repo, "--all", "--range", "HEAD")
    assert both.code == 2 and "give one" in both.stderr


def test_a_clean_history_passes_and_an_empty_repository_has_none(git_repo, tmp_path):
    commit(git_repo, "handoff", {HANDOFF: VALID_HANDOFF})
    clean = history(git_repo)
    assert clean.code == 0 and clean.stdout == "All checks passed (2 commits (1 file) checked).\n"
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    git("init", "-q", "-b", "main", cwd=fresh)
    empty = history(fresh)
    assert empty.code == 0 and "no commits yet" in empty.stderr


def test_no_raw_secret_in_any_format(git_repo, tmp_path):
    token, _added, _line = leaked_and_removed(git_repo)
    named = fake_token()
    password = "Zq8" + "".join(random.choices(string.ascii_letters, k=12)) + "9!"
    commit(
        git_repo,
        "names and passwords",
        {
            f"{ROOT}/responses/notes-{named}.txt": f"db password: {password}\n",
            f"{ROOT}/notes.md": f"postgres://app:{password}@db.example.com/prod\n",
        },
    )
    commit(git_repo, "scrub", {f"{ROOT}/responses/notes-{named}.txt": None, f"{ROOT}/notes.md": "nothing\n"})
    secrets = (token, named, password)
    for output_format in FORMATS:
        result = history(git_repo, "--format", output_format)
        assert result.code == 1, result.stderr
        shown = result.stdout + result.stderr
        assert "HL301" in shown and "HL306" in shown and ("HL304" in shown or "HL303" in shown), (output_format, shown)
        for secret in secrets:
            assert secret not in shown and secret.lower() not in shown.lower(), (output_format, secret)
        written = tmp_path / f"report.{output_format}"
        assert history(git_repo, "--format", output_format, "-o", str(written)).code == 1
        for secret in secrets:
            assert secret.lower() not in written.read_text().lower()


def test_every_format_carries_the_commit(git_repo):
    _token, added, line = leaked_and_removed(git_repo)
    sarif = json.loads(history(git_repo, "--format", "sarif").stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["partialFingerprints"] == {"commitSha": added}
    assert result["properties"] == {"commit": added, "commitDate": "2026-11-03T10:00:00+00:00", "removedLater": True}
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == line
    github = history(git_repo, "--format", "github").stdout
    annotation = f"::error file={HANDOFF},line={line},col=21,title=HL301::HL301 commit {added[:7]} (2026-11-03): "
    assert github.startswith(annotation)
    junit = history(git_repo, "--format", "junit").stdout
    assert f"commit {added[:7]} (2026-11-03)" in junit


def test_merges_report_what_a_merge_added_once_and_what_a_branch_added_at_its_commit(git_repo):
    notes = f"{ROOT}/responses/notes.md"
    commit(git_repo, "notes", {notes: "one\n"})
    git("checkout", "-qb", "side", cwd=git_repo)
    token = fake_token()
    side = commit(git_repo, "side leak", {notes: f"one\nkey {token}\n"})
    git("checkout", "-q", "main", cwd=git_repo)
    commit(git_repo, "main edit", {notes: "one\nmain line\n"})
    git("merge", "-q", "side", "-m", "merge", cwd=git_repo, check=False)  # a conflict
    (git_repo / notes).write_text(f"one\nmain line\nkey {token}\nresolved from /home/carol/merge\n")
    merge = commit(git_repo, "merge side", {})
    found = [(f["commit"], f["line"], f["code"]) for f in as_json(git_repo)]
    assert found == [(side, 2, "HL301"), (merge, 4, "HL201")]


def test_a_blob_diff_seen_twice_is_read_once_at_the_first_commit(git_repo):
    notes = f"{ROOT}/notes.txt"
    commit(git_repo, "notes", {notes: "one\n"})
    git("checkout", "-qb", "topic", cwd=git_repo)
    first = commit(git_repo, "leak", {notes: "one\nsee /home/dave/x\n"}, "2026-11-03T10:00:00+00:00")
    git("checkout", "-q", "main", cwd=git_repo)
    git("cherry-pick", first, cwd=git_repo, env={"GIT_COMMITTER_DATE": "2026-11-05T10:00:00+00:00"})
    picked = git("rev-parse", "HEAD", cwd=git_repo).stdout.strip()
    assert [f["commit"] for f in as_json(git_repo)] == [picked]  # HEAD's history: the pick only
    assert [f["commit"] for f in as_json(git_repo, "--all")] == [first]  # every branch: once


def test_a_gitattributes_line_cannot_hide_a_file_from_the_history(git_repo):
    token = fake_token()
    commit(git_repo, "attributes", {".gitattributes": "*.md -diff\n", HANDOFF: VALID_HANDOFF})
    leaky = with_line(VALID_HANDOFF, "## Task Description", f"token {token}")
    added = commit(git_repo, "leak", {HANDOFF: leaky})
    shown = git("log", "-p", "-1", cwd=git_repo).stdout
    assert "Binary files" in shown and token not in shown  # git itself shows no text
    [finding] = as_json(git_repo)
    assert (finding["commit"], finding["line"], finding["code"]) == (added, line_of(leaky, token), "HL301")


def test_max_commits_reads_the_newest_and_says_so(git_repo):
    for number, user in enumerate(("anna", "bert", "cleo", "dora")):
        commit(git_repo, user, {f"{ROOT}/notes-{number}.txt": f"see /home/{user}/x\n"})
    result = history(git_repo, "--max-commits", "2", "--format", "json")
    assert sorted(f["path"] for f in json.loads(result.stdout)) == [f"{ROOT}/notes-2.txt", f"{ROOT}/notes-3.txt"]
    assert "read the newest 2 commits of the range (--max-commits)" in result.stderr
    assert "--max-commits" not in history(git_repo, "--max-commits", "5").stderr


def test_outside_handoff_folders_only_with_paths_and_a_deleted_folder_is_still_read(git_repo):
    commit(git_repo, "code", {"src/settings.py": "HOME = '/home/erin/app'\n"})
    commit(
        git_repo,
        "old folder",
        {
            "old/next-local/active/handoff-2026-01-01-x.md": "see /home/fred/x\n",
            "old/next-local/responses/r.md": "ok\n",
        },
    )
    commit(
        git_repo,
        "drop it",
        {"old/next-local/active/handoff-2026-01-01-x.md": None, "old/next-local/responses/r.md": None},
    )
    assert [f["path"] for f in as_json(git_repo)] == ["old/next-local/active/handoff-2026-01-01-x.md"]
    # a handoff folder of another name, gone too: a file at its top is read all the same
    commit(
        git_repo,
        "team folder",
        {
            "team/active/handoff-2026-01-02-y.md": "fine\n",
            "team/responses/r.md": "ok\n",
            "team/notes.txt": "intro\nsee /home/gina/x\n",
        },
    )
    commit(
        git_repo,
        "drop it too",
        {"team/active/handoff-2026-01-02-y.md": None, "team/responses/r.md": None, "team/notes.txt": None},
    )
    assert [(f["path"], f["line"]) for f in as_json(git_repo)] == [
        ("old/next-local/active/handoff-2026-01-01-x.md", 1),
        ("team/notes.txt", 2),
    ]
    assert [f["path"] for f in as_json(git_repo, "src")] == ["src/settings.py"]
    typo = history(git_repo, "scr")
    assert typo.code == 0 and "no commit of the range touches the given paths" in typo.stderr
    assert [f["path"] for f in as_json(git_repo / "src", ".")] == ["settings.py"]  # relative to the working folder


def baseline_of(version: Path, path: str, folder: Path) -> Path:
    """The baseline the real detect-secrets writes for ``path`` in a copy of that version."""
    command = [sys.executable, "-m", "detect_secrets", "scan", path]
    done = subprocess.run(command, cwd=version, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["results"], "detect-secrets found nothing"
    baseline = folder / ".secrets.baseline"
    baseline.write_text(done.stdout)
    return baseline


def test_a_baseline_acknowledges_a_rotated_secret_in_the_file_it_was_in(git_repo, tmp_path_factory):
    _token, added, _line = leaked_and_removed(git_repo)
    version = tmp_path_factory.mktemp("version")  # the team audits the file as that commit had it
    (version / HANDOFF).parent.mkdir(parents=True)
    (version / HANDOFF).write_text(git("show", f"{added}:{HANDOFF}", cwd=git_repo).stdout)
    baseline = baseline_of(version, HANDOFF, tmp_path_factory.mktemp("audit"))
    result = history(git_repo, "--baseline", str(baseline))
    assert result.code == 0 and "HL301" not in result.stdout, result.stdout
    # the same kind of token in another file is not acknowledged by it (detect-secrets keeps one
    # hash for every GitHub token: the file decides)
    other = f"{ROOT}/responses/notes.md"
    commit(git_repo, "another", {other: f"token {fake_token()}\n"})
    again = history(git_repo, "--baseline", str(baseline), "--format", "json")
    assert [f["path"] for f in json.loads(again.stdout)] == [other]


def test_a_suppression_comment_of_that_version_counts_unless_the_settings_refuse_it(git_repo):
    token = fake_token()
    commit(git_repo, "pragma", {f"{ROOT}/notes.md": f"example {token}  <!-- pragma: allowlist secret -->\n"})
    result = history(git_repo)
    assert result.code == 0 and "1 finding suppressed by comments" in result.stdout
    (git_repo / ".handoff-lint.toml").write_text('inline-suppress = ["HL1"]\n')
    strict = history(git_repo)
    assert strict.code == 1 and "HL301" in strict.stdout and "HL904" not in strict.stdout


# -- pushes ----------------------------------------------------------------------------------------

PROJECT_SRC = Path(__file__).resolve().parents[2] / "src"


def with_remote(repo: Path) -> Path:
    remote = repo.parent / f"{repo.name}-remote.git"
    git("init", "-q", "--bare", str(remote), cwd=repo.parent)
    git("remote", "add", "origin", str(remote), cwd=repo)
    return remote


def pushing(repo: Path, *refs: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """git push, with this checkout's code importable by the hooks (see hook_runs_this_checkout)."""
    env = {"PYTHONPATH": str(PROJECT_SRC), **(env or {})}
    return git("push", "origin", *(refs or ("main",)), cwd=repo, env=env, check=False)


def install_plain_hook(repo: Path) -> None:
    assert run_cli("install-hook", "--pre-push", cwd=repo).code == 0
    hook_runs_this_checkout(repo / ".git" / "hooks" / "pre-push")


def leak_and_unleak(repo: Path) -> tuple[str, str]:
    token = fake_token()
    leaky = with_line(VALID_HANDOFF, "## Task Description", f"export GITHUB_TOKEN={token}")
    added = commit(repo, "more context", {HANDOFF: leaky})
    commit(repo, "oops", {HANDOFF: VALID_HANDOFF})
    return token, added


def remote_head(remote: Path) -> str:
    return git("rev-parse", "--verify", "--quiet", "refs/heads/main", cwd=remote, check=False).stdout.strip()


def test_the_plain_pre_push_hook_blocks_commits_that_hold_a_token_the_tip_does_not(git_repo):
    remote = with_remote(git_repo)
    install_plain_hook(git_repo)
    commit(git_repo, "handoff", {HANDOFF: VALID_HANDOFF})
    token, added = leak_and_unleak(git_repo)
    blocked = pushing(git_repo)  # a new branch: every commit is new to the remote
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and f"HL301 commit {added[:7]}" in shown, shown
    assert "removed in a later commit" in shown
    assert token not in shown and remote_head(remote) == ""
    git("reset", "-q", "--hard", "HEAD~2", cwd=git_repo)  # history rewritten before it was published
    passed = pushing(git_repo)
    assert passed.returncode == 0 and "All checks passed (2 commits" in passed.stderr + passed.stdout, passed.stderr
    token, added = leak_and_unleak(git_repo)  # an update: only what the remote lacks is read
    blocked = pushing(git_repo)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and f"HL301 commit {added[:7]}" in shown and "in 2 commits" in shown, shown
    git("reset", "-q", "--hard", "origin/main", cwd=git_repo)
    commit(git_repo, "clean", {f"{ROOT}/notes.txt": "nothing to see\n"})
    passed = pushing(git_repo)
    assert passed.returncode == 0 and "All checks passed (1 commit" in passed.stderr + passed.stdout
    deleted = pushing(git_repo, ":refs/heads/main")  # a deletion publishes nothing
    assert "No commits to check." in deleted.stderr + deleted.stdout


@pytest.mark.slow
def test_the_pre_commit_framework_pre_push_hook_blocks_the_same_push(git_repo, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    remote = with_remote(git_repo)
    entry = f"{sys.executable} -m handoff_lint history --pre-push"
    (git_repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: handoff-history\n    name: handoff-history\n"
        f"    entry: {entry}\n    language: system\n    stages: [pre-push]\n"
        "    pass_filenames: false\n    always_run: true\n"
    )
    env = {
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PYTHONPATH": str(PROJECT_SRC),
    }
    full = {**os.environ, **GIT_ENV, **PINNED, **env}
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install", "--hook-type", "pre-push"],
        cwd=git_repo,
        env=full,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    commit(git_repo, "handoff", {HANDOFF: VALID_HANDOFF})
    token, added = leak_and_unleak(git_repo)
    blocked = pushing(git_repo, env=env)  # the whole history is new: pre-commit names only the branch
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and f"HL301 commit {added[:7]}" in shown and "handoff-history" in shown, shown
    assert token not in shown and remote_head(remote) == ""
    git("reset", "-q", "--hard", "HEAD~2", cwd=git_repo)
    passed = pushing(git_repo, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    token, added = leak_and_unleak(git_repo)  # an update: PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF
    blocked = pushing(git_repo, env=env)
    shown = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and f"HL301 commit {added[:7]}" in shown and "in 2 commits" in shown, shown
    assert token not in shown


def test_the_published_pre_push_hook_is_a_valid_pre_commit_manifest_entry():
    import yaml  # pre-commit's own dependency

    manifest = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"
    checked = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    [hook] = [hook for hook in yaml.safe_load(manifest.read_text()) if hook["id"] == "handoff-history"]
    assert hook["entry"] == "handoff-lint history --pre-push" and hook["stages"] == ["pre-push"]
    assert hook["pass_filenames"] is False and hook["always_run"] is True
