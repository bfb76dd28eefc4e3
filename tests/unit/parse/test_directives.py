"""Inline suppression comments and the detect-secrets pragmas, through the real command."""

from __future__ import annotations

import json

from conftest import run_cli

LEAK = "Logs are in /home/alice/logs/"


def codes(root, text, *args):
    """(code, line) of the findings reported and not suppressed."""
    (root / "notes.md").write_text(text)
    result = run_cli("check", "--format", "json", *args, "notes.md", cwd=root)
    return [(f["code"], f["line"]) for f in json.loads(result.stdout) if f["suppressed"] is None]


def trusted(root):
    """inline-suppress = ["ALL"]: every comment may hide every rule (before issue 24, the default)."""
    (root / ".handoff-lint.toml").write_text('inline-suppress = ["ALL"]\n')


def test_disable_next_line(tmp_path):
    assert codes(tmp_path, f"<!-- handoff-lint: disable-next-line=HL201 -->\n{LEAK}\n{LEAK}\n") == [("HL201", 3)]


def test_disable_enable_block_with_prefix(tmp_path):
    trusted(tmp_path)
    text = f"<!-- handoff-lint: disable=HL2 -->\n{LEAK}\n<!-- handoff-lint: enable -->\n{LEAK}\n"
    assert codes(tmp_path, text) == [("HL201", 4)]


def test_disable_file_without_codes(tmp_path):
    trusted(tmp_path)
    assert codes(tmp_path, f"{LEAK}\n<!-- handoff-lint: disable-file -->\n") == []


def test_detect_secrets_pragmas_cover_credentials_only(tmp_path):
    token = "ghp_" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2"  # 36 characters
    text = (
        f"TOKEN={token}  # pragma: allowlist secret\n"
        "<!-- pragma: allowlist nextline secret -->\n"
        f"TOKEN={token}\n"
        f"TOKEN={token} {LEAK} <!-- pragma: allowlist secret -->\n"
    )
    assert codes(tmp_path, text) == [("HL201", 4)]


def test_unused_suppression_is_a_warning(tmp_path):
    text = "<!-- handoff-lint: disable-next-line=HL201 -->\nnothing private here\n"
    assert codes(tmp_path, text) == [("HL901", 1)]
    # not reported when the rule it names did not run
    assert codes(tmp_path, text, "--select", "HL3") == []


def test_comment_inside_code_fence_is_code(tmp_path):
    text = f"```\n<!-- handoff-lint: disable-file -->\n```\n{LEAK}\n"
    assert codes(tmp_path, text) == [("HL201", 4)]


def test_the_token_used_above_is_found_without_the_pragmas(tmp_path):
    token = "ghp_" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2"
    assert codes(tmp_path, f"TOKEN={token}\n") == [("HL301", 1)]


def test_tens_of_thousands_of_comments_and_findings_stay_fast(tmp_path):
    """Each finding was tested against each comment, and each `enable` rescanned every open
    block: this file took minutes. Now a sweep per rule code."""
    import time

    text = (
        f"<!-- handoff-lint: disable-next-line=HL201 -->\n{LEAK}\n" * 20_000
        + "<!-- handoff-lint: disable=HL3 -->\n" * 5_000
        + "<!-- handoff-lint: enable=HL1 -->\n" * 5_000
    )
    # every HL901, not 100 and a summary; ALL: a range may hide HL3 (by default a range naming it is HL904)
    (tmp_path / ".handoff-lint.toml").write_text('max-findings-per-rule = 100000\ninline-suppress = ["ALL"]\n')
    started = time.monotonic()
    found = codes(tmp_path, text)
    assert time.monotonic() - started < 30
    assert found == [("HL901", line) for line in range(40_001, 45_001)]  # the blocks nothing closed


def test_unused_suppression_names_the_code_that_suppressed_nothing(tmp_path):
    (tmp_path / "notes.md").write_text(f"<!-- handoff-lint: disable-next-line=HL201,HL301 -->\n{LEAK}\n")
    found = run_cli("check", "notes.md", cwd=tmp_path)
    assert found.code == 0
    assert "notes.md:1:1: HL901 suppression of HL301 suppresses nothing; remove it" in found.stdout
    assert "HL201" not in found.stdout


def test_broken_suppression_comments_are_reported_and_suppress_nothing(tmp_path):
    text = (
        "<!-- handoff-lint: disable-file=HL999 -->\n"
        "<!-- handoff-lint: disable-next-line=XYZ -->\n"
        f"{LEAK}\n"
        "<!-- handoff-lint: disabel=HL201 -->\n"
        f"{LEAK}\n"
    )
    assert codes(tmp_path, text) == [("HL902", 1), ("HL902", 2), ("HL201", 3), ("HL903", 4), ("HL201", 5)]
    shown = run_cli("check", "notes.md", cwd=tmp_path).stdout
    assert "notes.md:1:1: HL902 suppression comment names HL999, which is no rule code or prefix" in shown
    assert "notes.md:4:1: HL903 malformed suppression comment '<!-- handoff-lint: disabel=HL201 -->'" in shown
