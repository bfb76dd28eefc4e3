"""One JSON array; each finding has the fields of DESIGN.md's output contract, and ``expected`` and
``found`` (strings, or null when the message says all): for a near miss, what the protocol
wants written there and what the document has; and ``suppressed``: null, or ``{"kind":
"inSource", "justification": ...}`` (SARIF's words) for a finding a suppression comment hides,
which breaks nothing (``jq 'map(select(.suppressed == null))'`` keeps the others)."""

from __future__ import annotations

import json

from handoff_lint.data.catalogue import catalogue


def as_dict(finding) -> dict:
    """The contract's fields; a finding of ``history`` also has ``commit`` (the full id),
    ``commit_date`` (its author date) and ``removed_later`` (the tip no longer holds it)."""
    rule = catalogue()[finding.code]
    fields = {
        "code": finding.code,
        "rule": rule.name,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "fixable": finding.fixable,
        "expected": finding.expected or None,
        "found": finding.found or None,
        "suppressed": {"kind": "inSource", "justification": finding.suppressed} if finding.suppressed else None,
    }
    if finding.commit:
        fields.update(commit=finding.commit, commit_date=finding.commit_date, removed_later=finding.removed_later)
    return fields


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    json.dump([as_dict(f) for f in findings], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
