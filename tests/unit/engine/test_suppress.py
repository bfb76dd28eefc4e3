"""What suppression comments may hide, and that hiding is never silent."""

from __future__ import annotations

import json

import pytest

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
    lines = (
        ["<!-- handoff-lint: disable -->"]
        + [f"{LEAK}{n}" for n in range(20)]
        + ["<!-- handoff-lint: enable -->"]
        + [f"{LEAK}{n}" for n in range(10)]
    )
    result = check(tmp_path, "\n".join(lines) + "\n", "--format", "json")
    found = json.loads(result.stdout)
    hl201 = [f for f in found if f["code"] == "HL201" and f["suppressed"] is None]
    assert len(hl201) == 6 and all(f["line"] > 22 for f in hl201)
    assert "5 more HL201 findings" in hl201[-1]["message"]
    hidden = [f for f in found if f["code"] == "HL201" and f["suppressed"] is not None]  # bounded apart, and shown
    assert len(hidden) == 6 and all(f["line"] < 22 for f in hidden)
    assert "15 more HL201 findings" in hidden[-1]["message"]


# -- what comments may hide, by the settings (suppress.inline over findings made here) ----------
from handoff_lint.data.config import Config  # noqa: E402
from handoff_lint.engine.suppress import inline  # noqa: E402
from handoff_lint.findings import Finding  # noqa: E402


def hide(lines: list[str], codes_at: dict[int, str], inline_suppress=None, code=frozenset):
    """(open findings as (code, line), suppressed as (code, line, justification), HL9 findings as
    (code, line)) of findings ``codes_at`` {line: code} under those comments."""
    findings = [Finding("a.md", line, 1, code, "x", "error") for line, code in codes_at.items()]
    kept, count = inline(findings, lines, "a.md", Config(inline_suppress=inline_suppress), code)
    open_ = sorted((f.code, f.line) for f in kept if not f.suppressed and not f.code.startswith("HL9"))
    hidden = sorted((f.code, f.line, f.suppressed) for f in kept if f.suppressed)
    assert count == len(hidden)
    return open_, hidden, sorted((f.code, f.line) for f in kept if f.code.startswith("HL9"))


@pytest.mark.parametrize("named", ["HL301", "HL30", "HL3", "hl3", "HL201,HL301"])
def test_by_default_a_next_line_comment_naming_the_code_or_its_family_hides_a_credential(named):
    _open, hidden, tool = hide([f"<!-- handoff-lint: disable-next-line={named} -->", "token"], {2: "HL301"})
    assert [(c, line) for c, line, _why in hidden] == [("HL301", 2)] and ("HL904", 1) not in tool
    assert hidden[0][2].endswith("--> (line 1)") and "disable-next-line=" in hidden[0][2]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- handoff-lint: disable-next-line -->",
        "<!-- handoff-lint: disable-next-line=HL -->",
        "<!-- handoff-lint: disable=HL3 -->",
        "<!-- handoff-lint: disable -->",
        "<!-- handoff-lint: disable-file -->",
        "<!-- handoff-lint: disable-file=HL2,HL3 -->",
    ],
)
def test_by_default_no_range_and_no_unnamed_comment_hides_privacy_or_credentials(comment):
    found = {2: "HL301"} if "next-line" in comment else {2: "HL301", 3: "HL201"}
    open_, hidden, tool = hide([comment, "token", "home"], found)
    assert hidden == [] and ("HL301", 2) in open_
    assert tool == [("HL904", 1)]


def test_a_range_still_hides_what_is_not_privacy_or_credentials_and_refuses_the_rest():
    comment = "<!-- handoff-lint: disable-file=HL1,HL3 -->"
    open_, hidden, tool = hide([comment, "x", "y"], {2: "HL109", 3: "HL301"})
    assert open_ == [("HL301", 3)] and [(c, line) for c, line, _ in hidden] == [("HL109", 2)] and tool == [("HL904", 1)]
    kept, _count = inline([Finding("a.md", 3, 1, "HL301", "x")], [comment, "x", "y"], "a.md", Config())
    (refusal,) = [f for f in kept if f.code == "HL904"]
    assert "does not hide HL3" in refusal.message and 'inline-suppress = ["ALL"]' in refusal.message


def test_a_bare_range_that_covers_no_privacy_finding_is_no_hl904():
    open_, hidden, tool = hide(["<!-- handoff-lint: disable-file -->", "x"], {2: "HL109"})
    assert open_ == [] and len(hidden) == 1 and tool == []


@pytest.mark.parametrize(
    "marker, line",
    [
        ("x  # pragma: allowlist secret", 1),
        ("<!-- pragma: allowlist nextline secret -->", 2),
        ("x  # gitleaks:allow", 1),
    ],
)
def test_the_peers_markers_hide_a_credential_line_by_line(marker, line):
    lines = [marker, "token"]
    open_, hidden, tool = hide(lines, {line: "HL301"})
    assert open_ == [] and [(c, n) for c, n, _ in hidden] == [("HL301", line)] and tool == []
    open_, hidden, _tool = hide(lines, {line: "HL201"})  # HL3 only
    assert open_ == [("HL201", line)] and hidden == []


def test_all_lets_every_comment_hide_every_rule():
    open_, hidden, tool = hide(["<!-- handoff-lint: disable-file -->", "token"], {2: "HL301"}, ["ALL"])
    assert open_ == [] and len(hidden) == 1 and tool == []


def test_a_list_without_the_family_keeps_even_named_line_comments_from_it():
    """inline-suppress = ["HL1", "HL4", "HL5"] is stricter than the default: no comment hides HL2/HL3."""
    lines = ["<!-- handoff-lint: disable-next-line=HL301 -->", "token # gitleaks:allow"]
    open_, hidden, tool = hide(lines, {2: "HL301"}, ["HL1", "HL4", "HL5"])
    assert open_ == [("HL301", 2)] and hidden == [] and tool == [("HL904", 1), ("HL904", 2)]


def test_a_comment_in_code_is_no_directive_but_a_peers_marker_counts_there():
    lines = ["```", "<!-- handoff-lint: disable-next-line=HL201 -->", "home  # gitleaks:allow", "```"]
    open_, hidden, tool = hide(lines, {3: "HL201"}, code=lambda: frozenset({1, 2, 3, 4}))
    assert open_ == [("HL201", 3)] and hidden == [] and tool == [("HL901", 3)]  # the marker: no HL3 on its line
    open_, hidden, _tool = hide(lines, {3: "HL301"}, code=lambda: frozenset({1, 2, 3, 4}))
    assert open_ == [] and hidden[0][2] == "gitleaks:allow (line 3)"


def test_a_file_too_long_to_tell_code_from_comments_reads_none_of_them():
    lines = ["<!-- handoff-lint: disable-next-line=HL201 -->", "home"]
    open_, hidden, tool = hide(lines, {2: "HL201"}, code=lambda: None)
    assert open_ == [("HL201", 2)] and hidden == [] and tool == [("HL904", 1)]


def test_a_very_long_quoted_document_says_its_comments_were_not_read(tmp_path):
    from handoff_lint.parse.markdown import MAX_CODE_LINES

    text = (
        "> a `quote`: the line reader declines, and a backtick may start a fence\n"
        f"<!-- handoff-lint: disable-next-line=HL201 -->\n{LEAK}\n" + "x\n" * MAX_CODE_LINES
    )
    result = check(tmp_path, text, "--format", "json")
    found = [(f["code"], f["line"], f["suppressed"]) for f in json.loads(result.stdout)]
    assert ("HL201", 3, None) in found and ("HL904", 2, None) in found and result.code == 1


def test_a_suppressed_finding_fails_nothing_and_is_no_statistic(tmp_path):
    """--warnings-as-errors and --statistics count what is reported, not what a comment hid."""
    comment = "<!-- handoff-lint: disable-next-line=HL201 -->"
    text = f"{comment}\n{LEAK}\n{comment}\nclean\n"
    strict = check(tmp_path, text, "--warnings-as-errors")
    assert strict.code == 1 and "HL901" in strict.stdout  # the unused comment is a warning: it fails here
    (tmp_path / "notes.md").write_text(text.replace("clean", LEAK))
    for args in (("--warnings-as-errors",), ("--statistics",)):
        result = run_cli("check", "--no-cache", *args, "notes.md", cwd=tmp_path)
        assert result.code == 0 and "HL201" not in result.stdout, (args, result.stdout)
