"""Finding: compared, hashed and sorted by place, code and message (the report order and the
baseline's matching rely on it), never changed once made, and intact through a worker's pickle."""

from __future__ import annotations

import pickle

import pytest

from handoff_lint.findings import Finding


def test_findings_compare_and_sort_by_place_code_and_message_only():
    first = Finding("a.md", 3, 1, "HL201", "path into a home folder")
    graded = Finding("a.md", 3, 1, "HL201", "path into a home folder", severity="error", fixable=True, secret_hash="x")
    assert first == graded and hash(first) == hash(graded) and len({first, graded}) == 1
    later = [
        Finding("b.md", 1, 1, "HL101", "m"),
        Finding("a.md", 10, 1, "HL101", "m"),
        Finding("a.md", 3, 2, "HL101", "m"),
        first,
    ]
    assert sorted(later) == [first, later[2], later[1], later[0]]
    assert first != ("a.md", 3, 1, "HL201", "path into a home folder")


def test_a_finding_cannot_be_changed_and_survives_a_pickle():
    finding = Finding("a.md", 3, 1, "HL301", "GitHub token ghp_…", severity="error", secret_hash="0" * 40)
    with pytest.raises(AttributeError):
        finding.message = "other"
    back = pickle.loads(pickle.dumps(finding))
    assert (
        back.path,
        back.line,
        back.column,
        back.code,
        back.message,
        back.severity,
        back.fixable,
        back.secret_hash,
    ) == ("a.md", 3, 1, "HL301", "GitHub token ghp_…", "error", False, "0" * 40)
    assert finding.with_message("x").message == "x" and finding.with_message(finding.message) is finding


def test_expected_and_found_travel_with_a_finding_but_do_not_make_it_another():
    finding = Finding(
        "a.md", 3, 1, "HL102", "missing", severity="error", expected="**Date**: 2026-12-07", found="Date: 07/12/2026"
    )
    assert finding == Finding("a.md", 3, 1, "HL102", "missing")
    back = pickle.loads(pickle.dumps(finding))
    assert (back.expected, back.found, back.severity) == ("**Date**: 2026-12-07", "Date: 07/12/2026", "error")
    moved = finding.with_severity("warning").with_message("other")
    assert (moved.expected, moved.found, moved.severity, moved.message) == (
        finding.expected,
        finding.found,
        "warning",
        "other",
    )
    assert not hasattr(finding, "__dict__")  # slotted: a run can hold 100,000


def test_a_history_findings_commit_survives_a_new_severity_and_pickling():
    finding = Finding("a.md", 1, 1, "HL301", "m", commit="1" * 40, commit_date="2026-11-03", removed_later=True)
    for copy in (finding.with_severity("error"), finding.with_message("n"), pickle.loads(pickle.dumps(finding))):
        assert (copy.commit, copy.commit_date, copy.removed_later) == ("1" * 40, "2026-11-03", True)
    assert finding != Finding("a.md", 1, 1, "HL301", "m", commit="2" * 40)  # two commits, two findings
