"""check.bounded: at most N findings of one rule per file, then one summary finding."""

from __future__ import annotations

from handoff_lint.engine.check import bounded
from handoff_lint.findings import Finding


def test_the_first_n_of_each_rule_are_kept_and_the_rest_counted_in_one_finding():
    findings = [Finding("a.md", line, 1, "HL201", f"path {line}") for line in range(1, 251)] + [Finding("a.md", 3, 1, "HL203", "host")]
    kept = bounded(findings, 100, "a.md")
    hl201 = [f for f in kept if f.code == "HL201"]
    assert len(hl201) == 101 and [f.line for f in hl201[:100]] == list(range(1, 101))
    assert hl201[-1].line == 101 and hl201[-1].message.startswith("150 more HL201 findings in this file")
    assert [f for f in kept if f.code == "HL203"] == [Finding("a.md", 3, 1, "HL203", "host")]


def test_at_the_limit_nothing_is_summarised():
    findings = [Finding("a.md", line, 1, "HL201", "x") for line in range(1, 6)]
    assert bounded(findings, 5, "a.md") == findings
    assert bounded(findings, 4, "a.md")[-1].message.startswith("1 more HL201 finding in this file")
