"""Issue 19's promise, end to end: secrets of ten kinds planted where real authors put them (a
metadata value, the status line, the title, a link target, a connection URL, a file name) never
come out in full: not in any report format, --statistics, --diff, the status board (text and
json), standard error, nor the cache folder on disk."""

from __future__ import annotations

import json
import random
import string

from conftest import VALID_HANDOFF, VALID_RESPONSE, git, run_cli

RNG = random.Random(19)


def body(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(length))


SECRETS = {
    "github": "ghp_" + body(36),
    "openai": "sk-proj-" + body(48),
    "anthropic": "sk-ant-api03-" + body(60),
    "huggingface": "hf_" + body(34, string.ascii_letters),
    "google": "AIza" + body(35),
    "slack": "xoxb-" + body(11, string.digits) + "-" + body(12, string.digits) + "-" + body(24),
    "stripe": "sk_live_" + body(24),
    "gitlab": "glpat-" + body(20),
    "aws": "AKIA" + body(16, string.ascii_uppercase + string.digits),
    "password": body(14),  # in a postgres:// URL
}


def plant(root):
    """A handoff in active/ whose status says it is done (so --fix would move it and relink its
    response), with secrets in its title, fields, status line, links and a connection URL; a
    response naming it beside a secret; a file named after a token."""
    s = SECRETS
    name = "handoff-2026-11-02-rotate-keys.md"
    text = (
        VALID_HANDOFF.replace(
            "# Local Handoff: Extract error patterns from build logs", f"# Local Handoff: rotate {s['github']}"
        )
        .replace("**Priority**: MEDIUM", f"**Priority**: {s['openai']}")
        .replace("**From**: claude-code", f"**From**: claude-code {s['anthropic']}")
        .replace("**Constraints**: Resource/Time", f"**Constraints**: Time, {s['huggingface']}")
        .replace(
            "We have 40 logs in logs/nightly/.", f"DB is postgres://app:{s['password']}@10.0.3.12/app, key {s['aws']}."
        )
        .replace(
            "- [nightly logs](../../../logs/README.md)",
            f"- [creds](../archive/{s['google']}.md)\n- [slack](https://hooks.example/{s['slack']})",
        )
        .replace("**Handoff Status**: Ready for local model pickup", f"**Handoff Status**: Completed {s['stripe']}")
    )
    (root / "active" / name).write_text(text)
    response = VALID_RESPONSE.replace("../archive/handoff-2026-11-02-extract-error-patterns.md", f"../active/{name}")
    response = response.replace("handoff-2026-11-02-extract-error-patterns.md", name)
    response = response.replace(
        "## Reference to Original Handoff\n",
        f"## Reference to Original Handoff\nToken {s['gitlab']} beside the link.\n",
        1,
    )
    (root / "responses" / "2026-11-03-response-to-handoff-2026-11-02-rotate-keys.md").write_text(response)
    (root / "active" / f"notes-{s['github']}.md").write_text("# notes\n")
    return name


def leaks(text: str) -> list[str]:
    """The kinds whose secret, or a distinctive middle part of it, appears in ``text``."""
    return [
        kind
        for kind, secret in SECRETS.items()
        if secret in text or secret[len(secret) // 2 - 6 : len(secret) // 2 + 6] in text
    ]


def test_no_output_and_no_cache_file_holds_a_secret(git_repo, tmp_path):
    root = git_repo / "models" / "next-local"
    plant(root)
    cache = tmp_path / "cache"
    outputs = {}
    for output in ("text", "json", "sarif", "github", "junit"):
        result = run_cli("check", "--cache-dir", str(cache), "--format", output, ".", cwd=git_repo)
        assert result.code == 1, (output, result.stderr)
        outputs[output] = result.stdout + result.stderr
        report = tmp_path / f"report.{output}"
        result = run_cli("check", "--cache-dir", str(cache), "--format", output, "-o", str(report), ".", cwd=git_repo)
        outputs[f"{output} -o"] = report.read_text() + result.stdout + result.stderr
    for output in ("text", "json"):
        result = run_cli("check", "--statistics", "--format", output, ".", cwd=git_repo)
        outputs[f"statistics {output}"] = result.stdout + result.stderr
    diff = run_cli("check", "--diff", ".", cwd=git_repo)
    assert diff.code == 1 and "rename to" in diff.stdout and "+" in diff.stdout, diff.stdout  # a move and a relink
    outputs["diff"] = diff.stdout + diff.stderr
    for output in ("text", "json"):
        result = run_cli("status", "--format", output, "models/next-local", cwd=git_repo)
        assert result.code == 0, result.stderr
        outputs[f"status {output}"] = result.stdout + result.stderr
    for label, text in outputs.items():
        assert leaks(text) == [], label
    stored = b"".join(path.read_bytes() for path in cache.rglob("*") if path.is_file())
    assert stored, "the runs kept a cache"
    assert leaks(stored.decode("latin-1")) == []

    # every kind was seen and reported, not merely left out
    reported = json.loads(
        run_cli("check", "--no-cache", "--format", "json", "--select", "HL3", ".", cwd=git_repo).stdout
    )
    lines = {(f["path"].rsplit("/", 1)[-1], f["line"]) for f in reported}
    text = (root / "active" / "handoff-2026-11-02-rotate-keys.md").read_text().split("\n")
    for kind, secret in SECRETS.items():
        if kind == "gitlab":
            continue  # in the response
        number = next(i for i, line in enumerate(text, start=1) if secret in line)
        assert ("handoff-2026-11-02-rotate-keys.md", number) in lines, kind
    assert any(f["code"] == "HL306" for f in reported)


def test_fix_moves_nothing_out_and_the_committed_tree_holds_no_new_secret(git_repo):
    """--fix applies the plan the diff showed; the secrets stay where the author put them (the
    tool never copies one anywhere else)."""
    root = git_repo / "models" / "next-local"
    name = plant(root)
    git("add", "-A", cwd=git_repo)
    result = run_cli("check", "--fix", ".", cwd=git_repo)
    assert (root / "archive" / name).exists() and not (root / "active" / name).exists(), result.stderr
    assert leaks(result.stdout + result.stderr) == []
