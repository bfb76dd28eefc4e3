"""Trust III, end to end: a secret is known by its value everywhere.

Each case is one that a hostile (or careless) author of a pull request's handoff reproduced on
42e8c79: a secret that only its context makes one (``aws_secret_access_key: `...` ``) quoted in
full by another rule; a response's reference that is a password quoted by HL406 and the board; a
secret in a title that became a file name (``--fix``), a response's title (``respond``) and,
lower-cased and slugified, HL401's expected name; a JWT or Azure AD secret on the ``-`` lines of
``--diff``. Every output format, the board, ``--diff``, standard error and the cache folder are
searched for the raw value and its lower-cased and slugified forms.
"""

from __future__ import annotations

import json
import os
import random
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PINNED, VALID_HANDOFF, VALID_RESPONSE, git, package_copy, run_cli

RNG = random.Random(24)
ALNUM = string.ascii_letters + string.digits
FORMATS = ("text", "json", "sarif", "github", "junit")


def body(length: int, alphabet: str = ALNUM) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(length))


def forms(secret: str) -> list[str]:
    """The raw value and the forms the tool could derive from it: lower-cased, slugified (each
    run of letters and digits, lower-cased, joined by '-'), and a distinctive middle part."""
    slug = "-".join(re.findall(r"[a-z0-9]+", secret.lower()))
    middle = secret[len(secret) // 2 - 6 : len(secret) // 2 + 6]
    return [secret, secret.lower(), slug, middle, middle.lower()]


def leaked(secret: str, text: str) -> list[str]:
    return [form for form in forms(secret) if form in text]


def every_output(repo: Path, cache: Path, *paths: str) -> dict[str, str]:
    """Every report format (to standard output and with -o), --statistics, --diff and the board
    (text and json), each with its standard error."""
    outputs = {}
    for output in FORMATS:
        result = run_cli("check", "--cache-dir", str(cache), "--format", output, *paths, cwd=repo)
        assert result.code in (0, 1), (output, result.stderr)
        outputs[output] = result.stdout + result.stderr
        report = cache.parent / f"report.{output}"
        result = run_cli("check", "--cache-dir", str(cache), "--format", output, "-o", str(report), *paths, cwd=repo)
        outputs[f"{output} -o"] = report.read_text() + result.stdout + result.stderr
    result = run_cli("check", "--statistics", "--cache-dir", str(cache), *paths, cwd=repo)
    outputs["statistics"] = result.stdout + result.stderr
    result = run_cli("check", "--diff", "--cache-dir", str(cache), *paths, cwd=repo)
    outputs["diff"] = result.stdout + result.stderr
    for output in ("text", "json"):
        result = run_cli("status", "--format", output, "models/next-local", cwd=repo)
        assert result.code == 0, result.stderr
        outputs[f"status {output}"] = result.stdout + result.stderr
    return outputs


def cache_bytes(cache: Path) -> str:
    stored = b"".join(path.read_bytes() for path in cache.rglob("*") if path.is_file())
    assert stored, "the runs kept a cache"
    return stored.decode("latin-1")


def assert_nowhere(secret: str, outputs: dict[str, str], cache: Path) -> None:
    for label, text in outputs.items():
        assert leaked(secret, text) == [], label
    assert leaked(secret, cache_bytes(cache)) == [], "cache"


def codes(repo: Path, *paths: str) -> list[str]:
    result = run_cli("check", "--no-cache", "--format", "json", *paths, cwd=repo)
    return [finding["code"] for finding in json.loads(result.stdout)]


def test_a_secret_found_by_its_context_is_not_quoted_by_a_link_check(git_repo, tmp_path):
    """HL304 finds it by the name before it; HL502, which quotes the backticked path, used to
    print it in full in all five formats."""
    secret = body(20) + "/" + body(19)  # a slash: the link check takes it for a path
    text = VALID_HANDOFF.replace("- [nightly logs](../../../logs/README.md)", f"- aws_secret_access_key: `{secret}`")
    (git_repo / "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    found = codes(git_repo, "models/next-local")
    assert "HL304" in found and "HL502" in found
    assert_nowhere(secret, every_output(git_repo, tmp_path / "cache", "models/next-local"), tmp_path / "cache")


def test_a_password_that_names_a_handoff_is_not_quoted_by_pairing_or_the_board(git_repo, tmp_path):
    secret = "handoff-2026-12-01-" + body(20, string.ascii_lowercase + string.digits)
    response = VALID_RESPONSE.replace(
        "[handoff-2026-11-02-extract-error-patterns.md](../archive/handoff-2026-11-02-extract-error-patterns.md)",
        f"- password: `{secret}.md`",
    )
    (git_repo / "models/next-local/responses/2026-11-03-response-to-handoff-2026-11-02-extract.md").write_text(response)
    found = codes(git_repo, "models/next-local")
    assert "HL304" in found and "HL406" in found
    outputs = every_output(git_repo, tmp_path / "cache", "models/next-local")
    assert "RESPONSE TO A MISSING HANDOFF" in outputs["status text"]
    assert_nowhere(secret[len("handoff-2026-12-01-") :], outputs, tmp_path / "cache")


@pytest.mark.parametrize("secret", [body(32, "0123456789abcdef"), "ghp_" + body(36)], ids=["hex-after-token", "github"])
def test_a_secret_in_a_title_never_becomes_a_file_name(git_repo, tmp_path, secret):
    """`# Local Handoff: deploy token: <secret>` in a badly named file: HL401 shows the name it
    expects redacted; --fix refuses the rename (the file stays as it is), respond refuses to copy
    the title, and no report, diff, board or cache carries the value, lower-cased or slugified."""
    root = git_repo / "models/next-local"
    text = VALID_HANDOFF.replace(
        "# Local Handoff: Extract error patterns from build logs", f"# Local Handoff: deploy token: {secret}"
    )
    (root / "active/notes-for-model.md").write_text(text)
    git("add", "-A", cwd=git_repo)
    git("commit", "-qm", "a handoff", cwd=git_repo)
    found = codes(git_repo, "models/next-local")
    assert "HL401" in found and ("HL301" in found or "HL304" in found)
    outputs = every_output(git_repo, tmp_path / "cache", "models/next-local")
    assert_nowhere(secret, outputs, tmp_path / "cache")

    fixed = run_cli("check", "--fix", "models/next-local", cwd=git_repo)
    assert leaked(secret, fixed.stdout + fixed.stderr) == []
    assert "carry a secret" in fixed.stdout + fixed.stderr
    assert sorted(p.name for p in (root / "active").iterdir()) == [".gitkeep", "notes-for-model.md"]
    assert (root / "active/notes-for-model.md").read_text() == text
    tree = git("ls-files", "-s", cwd=git_repo).stdout + git("status", "--porcelain", cwd=git_repo).stdout
    assert leaked(secret, tree) == []

    answered = run_cli("respond", "models/next-local/active/notes-for-model.md", cwd=git_repo)
    assert answered.code == 2 and leaked(secret, answered.stdout + answered.stderr) == []
    assert sorted(p.name for p in (root / "responses").iterdir()) == [".gitkeep"]


def test_new_refuses_a_description_holding_a_secret(git_repo):
    secret = "ghp_" + body(36)
    result = run_cli("new", f"rotate {secret}", cwd=git_repo)
    assert result.code == 2 and leaked(secret, result.stdout + result.stderr) == []
    assert sorted(p.name for p in (git_repo / "models/next-local/active").iterdir()) == [".gitkeep"]


@pytest.mark.parametrize(
    "secret",
    [
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + body(43),
        "abc8Q~" + body(34, ALNUM + "~_.-"),
    ],
    ids=["jwt", "azure-ad"],
)
def test_diff_redacts_both_sides(git_repo, tmp_path, secret):
    """The `-` before a line used to defeat the patterns' look-behinds: both sides are redacted
    by the value now."""
    root = git_repo / "models/next-local"
    name = "handoff-2026-11-02-extract-error-patterns.md"
    (root / "active" / name).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = VALID_RESPONSE.replace(f"(../archive/{name})", f"(../active/{name}) token {secret}")
    (root / "responses/2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md").write_text(response)
    diff = run_cli("check", "--diff", "models/next-local", cwd=git_repo)
    assert diff.code == 1 and "rename to" in diff.stdout
    changed = [line for line in diff.stdout.splitlines() if line.startswith(("-", "+")) and "token" in line]
    assert len(changed) == 2, diff.stdout  # the link line, before and after
    assert leaked(secret, diff.stdout + diff.stderr) == []


def test_the_value_redaction_is_what_keeps_a_context_secret_out(tmp_path):
    """The same run with the value redaction made the identity (a copy of the package with
    ``Known.redact`` returning its text): the secret the link check quotes comes out in full.
    The tests above would fail without it; nothing else hides it."""
    site = package_copy(tmp_path)
    values = site / "handoff_lint" / "detect" / "values.py"
    source = values.read_text()
    patched = source.replace(
        "        if not self._keep or not text:\n            return text\n", "        return text\n", 1
    )
    assert patched != source
    values.write_text(patched)
    repo = tmp_path / "repo"
    root = repo / "models" / "next-local"
    for folder in ("active", "responses", "archive"):
        (root / folder).mkdir(parents=True)
    git("init", "-q", cwd=repo)
    secret = body(20) + "/" + body(19)  # a slash: the link check takes it for a path
    text = VALID_HANDOFF.replace("- [nightly logs](../../../logs/README.md)", f"- aws_secret_access_key: `{secret}`")
    (root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    env = {**os.environ, **PINNED, "PYTHONPATH": str(site)}
    for patched_run in (True, False):
        done = subprocess.run(
            [sys.executable, "-m", "handoff_lint", "check", "--no-cache", "models/next-local"],
            cwd=repo,
            env=env if patched_run else {**os.environ, **PINNED},
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1, done.stderr
        assert (secret in done.stdout) is patched_run, done.stdout
