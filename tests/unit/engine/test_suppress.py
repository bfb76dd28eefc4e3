"""What suppression comments may hide, and that hiding is never silent."""

from __future__ import annotations

import json

from conftest import run_cli

TOKEN = "ghp_" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2"  # 36 characters, made up
LEAK = "Logs are in /home/alice/logs/"


def check(root, text, *args):
    (root / "notes.md").write_text(text)
    result = run_cli("check", "--no-cache", *args, "notes.md", cwd=root)
    return result


def test_the_summary_counts_what_comments_suppressed(tmp_path):
    text = f"<!-- handoff-lint: disable-next-line=HL201 -->\n{LEAK}\nTOKEN={TOKEN}  # pragma: allowlist secret\n"
    result = check(tmp_path, text)
    assert result.code == 0
    assert "All checks passed (1 file checked)." in result.stdout
    assert "2 findings suppressed by comments in the files" in result.stdout


def test_a_project_can_keep_comments_from_hiding_credentials_and_private_paths(tmp_path):
    """inline-suppress = ["HL1", "HL4", "HL5"]: an author's comment or pragma cannot hide HL2/HL3
    findings; each such comment is an HL904 warning and the finding stays."""
    (tmp_path / ".handoff-lint.toml").write_text('inline-suppress = ["HL1", "HL4", "HL5"]\n')
    text = (
        "<!-- handoff-lint: disable-file -->\n"
        "<!-- handoff-lint: disable-next-line=HL301 -->\n"
        f"TOKEN={TOKEN}  # pragma: allowlist secret\n"
        f"<!-- handoff-lint: disable=HL2 -->\n{LEAK}\n"
    )
    result = check(tmp_path, text, "--format", "json")
    found = sorted((f["code"], f["line"]) for f in json.loads(result.stdout))
    assert result.code == 1
    assert ("HL201", 5) in found and any(code.startswith("HL30") and line == 3 for code, line in found)
    assert ("HL904", 2) in found and ("HL904", 4) in found
    assert TOKEN not in result.stdout


def test_comments_decide_before_the_bound_so_a_bound_cannot_hide_what_stays(tmp_path):
    """With max-findings-per-rule = 5, a comment that hides the first 20 of 30 findings leaves 10:
    5 shown and one summary of the other 5, never nothing."""
    (tmp_path / ".handoff-lint.toml").write_text('max-findings-per-rule = 5\ninline-suppress = ["ALL"]\n')
    lines = ["<!-- handoff-lint: disable -->"] + [f"{LEAK}{n}" for n in range(20)] + ["<!-- handoff-lint: enable -->"] + [f"{LEAK}{n}" for n in range(10)]
    result = check(tmp_path, "\n".join(lines) + "\n", "--format", "json")
    found = json.loads(result.stdout)
    hl201 = [f for f in found if f["code"] == "HL201" and f["suppressed"] is None]
    assert len(hl201) == 6 and all(f["line"] > 22 for f in hl201)
    assert "5 more HL201 findings" in hl201[-1]["message"]
    hidden = [f for f in found if f["code"] == "HL201" and f["suppressed"] is not None]  # bounded apart, and shown
    assert len(hidden) == 6 and all(f["line"] < 22 for f in hidden) and "15 more HL201 findings" in hidden[-1]["message"]
