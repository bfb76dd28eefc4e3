"""cli/summary.py: the counts, the summary line and the exit code that check and history share."""

from __future__ import annotations

from handoff_lint.cli.summary import Tally, exit_code, summary
from handoff_lint.findings import Finding


def finding(code: str, severity: str, suppressed: str = "") -> Finding:
    return Finding("active/handoff-2026-12-07-x.md", 3, 1, code, "a message", severity=severity, suppressed=suppressed)


def test_warnings_alone_pass_unless_warnings_are_errors():
    tally = Tally.of([finding("HL403", "warning")], 0)
    assert tally == (0, 1, 0)
    assert exit_code(tally, exit_zero=False, warnings_as_errors=False) == 0
    assert exit_code(tally, exit_zero=False, warnings_as_errors=True) == 1


def test_an_error_fails_unless_exit_zero():
    tally = Tally.of([finding("HL301", "error"), finding("HL403", "warning")], 0)
    assert exit_code(tally, exit_zero=False, warnings_as_errors=False) == 1
    assert exit_code(tally, exit_zero=True, warnings_as_errors=True) == 0
    assert summary(tally, "2 files", "[*] 1 fixable with the `--fix` option.\n") == (
        "Found 1 error and 1 warning in 2 files.\n[*] 1 fixable with the `--fix` option.\n"
    )


def test_a_suppressed_finding_fails_nothing_and_is_never_silent():
    tally = Tally.of(
        [finding("HL301", "error", suppressed="<!-- handoff-lint: disable-next-line=HL301 --> (line 2)")], 1
    )
    assert exit_code(tally, exit_zero=False, warnings_as_errors=True) == 0
    text = summary(tally, "1 file", "never shown: nothing was found")
    assert text.startswith("All checks passed (1 file checked).\n")
    assert "1 finding suppressed by comments" in text and "never shown" not in text


def test_fix_notes_count_safe_and_hidden_fixes_in_ruffs_words():
    from handoff_lint.cli.summary import fix_notes

    moved = Finding("a.md", 1, 1, "HL405", "in the wrong folder", "error", fixable=True)
    token = Finding("a.md", 2, 1, "HL301", "github token ghp_…(40 chars)", "error")
    path = Finding("a.md", 3, 1, "HL201", "path into a home folder", "error")
    hidden = Finding("a.md", 4, 1, "HL201", "path into a home folder", "error", suppressed="comment")
    assert fix_notes([moved]) == "[*] 1 fixable with the `--fix` option.\n"
    assert fix_notes([moved, token, path, hidden]) == (
        "[*] 1 fixable with the `--fix` option (2 hidden fixes can be enabled with the `--unsafe-fixes` option).\n"
    )
    assert fix_notes([token]) == "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).\n"
    assert fix_notes([token, path], hidden=False) == ""  # --staged, standard input, or --unsafe-fixes given
