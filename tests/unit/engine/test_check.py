"""check.bounded: at most N findings of one rule per file, then one summary finding."""

from __future__ import annotations

from handoff_lint.engine.check import bounded
from handoff_lint.findings import Finding


def test_the_first_n_of_each_rule_are_kept_and_the_rest_counted_in_one_finding():
    findings = [Finding("a.md", line, 1, "HL201", f"path {line}") for line in range(1, 251)] + [
        Finding("a.md", 3, 1, "HL203", "host")
    ]
    kept = bounded(findings, 100, "a.md")
    hl201 = [f for f in kept if f.code == "HL201"]
    assert len(hl201) == 101 and [f.line for f in hl201[:100]] == list(range(1, 101))
    assert hl201[-1].line == 101 and hl201[-1].message.startswith("150 more HL201 findings in this file")
    assert [f for f in kept if f.code == "HL203"] == [Finding("a.md", 3, 1, "HL203", "host")]


def test_at_the_limit_nothing_is_summarised():
    findings = [Finding("a.md", line, 1, "HL201", "x") for line in range(1, 6)]
    assert bounded(findings, 5, "a.md") == findings
    assert bounded(findings, 4, "a.md")[-1].message.startswith("1 more HL201 finding in this file")


def test_expected_and_found_pass_the_show_seam_as_the_message_does():
    import random
    import string

    from handoff_lint.engine.check import shown_findings

    token = "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))
    finding = Finding(
        "a.md",
        3,
        1,
        "HL102",
        f"missing metadata field: 'Date: {token}'",
        expected=f"**Date**: {token}",
        found=f"Date: {token}\x1b[31m",
    )
    shown = shown_findings([finding])[0]
    for text in (shown.message, shown.expected, shown.found):
        assert token not in text and "ghp_" in text
    assert "\\x1b" in shown.found and "\x1b" not in shown.found
    assert shown_findings(shown_findings([finding])) == shown_findings([finding])
    plain = Finding("a.md", 1, 1, "HL105", "missing required section '## X'")
    assert shown_findings([plain])[0] is plain
