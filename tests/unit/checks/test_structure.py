"""HL1xx: each seeded defect is reported with its code at the line that is wrong."""

from __future__ import annotations

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, line_of
from handoff_lint.config import Config
from handoff_lint.discover import HANDOFF, RESPONSE, TEMPLATE, SourceFile
from handoff_lint.checks import structure
from handoff_lint.source import Source
from pathlib import Path


def findings_for(text: str, kind: str = HANDOFF, strict: bool = False, name: str = "doc.md"):
    source = Source(SourceFile(Path(name), name, kind, None), text)
    return [(f.code, f.line) for f in structure.check(source, Config(strict=strict))]


def test_valid_handoff_and_response_are_clean():
    assert findings_for(VALID_HANDOFF) == []
    assert findings_for(VALID_RESPONSE, RESPONSE) == []


@pytest.mark.parametrize(
    "old, new, code, at",
    [
        ("**Date**: 2026-11-02", "**Date**: 2025-02-30", "HL103", "**Date**"),
        ("**Date**: 2026-11-02", "**Date**: 2026/11/02", "HL103", "**Date**"),
        ("**Priority**: MEDIUM", "**Priority**: URGENT", "HL103", "**Priority**"),
        ("**Constraints**: Resource/Time", "**Constraints**:", "HL103", "**Constraints**"),
        ("**From**: claude-code", "**From**:", "HL103", "**From**"),
        ("**To**: next-local (any available local model)\n", "", "HL102", "**Priority**"),
        ("**Priority**: MEDIUM", "**Prority**: MEDIUM", "HL104", "**Prority**"),
        ("## Task Description", "## Task Descripton", "HL107", "## Task Descripton"),
        ("## Expected Deliverables\n1. outputs/error-patterns.csv with columns signature,count,first_seen\n", "", "HL105", "## Local Model Preferences"),
        ("- Any 7B code model with a 4k context.", "", "HL106", "## Local Model Preferences"),
        ("Extract the distinct error signatures from every log and count how often each appears.", "[Specific task for local model]", "HL112", "[Specific task"),
        ("**From**: claude-code", "**From**: [Your Model Name]", "HL112", "**From**"),
        ("# Local Handoff: Extract error patterns from build logs", "# Handoff for the log job", "HL101", "# Handoff for"),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: done-ish", "HL111", "**Handoff Status**"),
        ("**Handoff Status**: Ready for local model pickup", "", "HL110", "---"),
    ],
)
def test_seeded_defect_is_reported_at_its_line(old, new, code, at):
    text = VALID_HANDOFF.replace(old, new)
    assert text != VALID_HANDOFF
    found = findings_for(text)
    expected_line = line_of(text, at) if code != "HL110" else len(text.splitlines())
    assert (code, expected_line) in found, found


def test_misspelled_heading_is_one_finding_not_two():
    found = findings_for(VALID_HANDOFF.replace("## Task Description", "## Task Descripton"))
    assert [code for code, _ in found] == ["HL107"]


def test_bad_date_from_a_placeholder_is_reported_once():
    found = findings_for(VALID_HANDOFF.replace("2026-11-02", "YYYY-MM-DD"))
    assert found == [("HL112", 3)]


def test_names_match_case_insensitively_with_spacing_normalised():
    text = VALID_HANDOFF.replace("## Resource/Privacy Requirements", "##   resource / PRIVACY   requirements")
    text = text.replace("**Priority**:", "**priority:**")
    assert findings_for(text) == []


def test_constraints_accept_several_spellings_of_a_list():
    for value in ("Privacy", "Resource, Privacy", "resource / privacy / time", "Privacy (air-gapped) and Time"):
        assert findings_for(VALID_HANDOFF.replace("Resource/Time", value)) == [], value


def test_heading_inside_code_fence_is_not_a_section():
    text = VALID_HANDOFF.replace("## Task Description\n", "```\n## Task Description\n```\n")
    assert ("HL105", line_of(text, "## Resource/Privacy")) in findings_for(text)


def test_sections_out_of_order_are_a_warning_at_the_moved_heading():
    body = "## Task Description\nExtract the distinct error signatures from every log and count how often each appears.\n\n"
    text = VALID_HANDOFF.replace(body, "").replace("## Local Model Preferences", body + "## Local Model Preferences")
    found = findings_for(text)
    assert found == [("HL109", line_of(text, "## Task Description"))]


def test_duplicate_section():
    text = VALID_HANDOFF.replace("## References/Links", "## Task Description\nmore\n\n## References/Links")
    assert ("HL108", line_of(text, "more") - 1) in findings_for(text)


def test_template_may_hold_placeholders_but_not_lose_sections():
    template = VALID_HANDOFF.replace("2026-11-02", "YYYY-MM-DD").replace("MEDIUM", "HIGH/MEDIUM/LOW")
    template = template.replace("claude-code", "[Your Model Name]")
    assert findings_for(template, TEMPLATE) == []
    broken = template.replace("## Context Summary", "## Overview")
    assert [code for code, _ in findings_for(broken, TEMPLATE)] == ["HL105"]


@pytest.mark.parametrize("change", [
    ("", ""),  # placeholders only
    ("## Context Summary", "## Context"),
    ("# Local Handoff: Extract", "# Handoff: Extract"),
    ("**Priority**: HIGH/MEDIUM/LOW", "**Prority**: HIGH/MEDIUM/LOW"),
    ("Ready for local model pickup", "[Status]"),
    ("The nightly builds fail in ways nobody has catalogued. We have 40 logs in logs/nightly/.", ""),
    ("**Constraints**: Resource/Time", "**Constraints**: [Resource/Privacy/Time]"),
])
def test_the_template_quick_check_reports_what_jsonschema_does(monkeypatch, change):
    """The template's quick check ignores the values its findings drop: the same findings as
    asking jsonschema every time."""
    template = VALID_HANDOFF.replace("2026-11-02", "YYYY-MM-DD").replace("MEDIUM", "HIGH/MEDIUM/LOW")
    template = template.replace("claude-code", "[Your Model Name]").replace(*change)
    quick = findings_for(template, TEMPLATE)
    monkeypatch.setattr(structure, "quick_validator", lambda *args: None)
    assert quick == findings_for(template, TEMPLATE)


def test_response_missing_section_and_field():
    """The protocol defines no response metadata: a missing From is nothing, except under strict."""
    text = VALID_RESPONSE.replace("**From**: llama-3-8b-local\n", "").replace("## Constraints Met", "## Notes")
    assert sorted(code for code, _ in findings_for(text, RESPONSE)) == ["HL105"]
    assert sorted(code for code, _ in findings_for(text, RESPONSE, strict=True)) == ["HL102", "HL105"]


def test_crlf_and_bom_read_as_normal_text(tmp_path):
    from handoff_lint.reading import read_text

    path = tmp_path / "doc.md"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_HANDOFF.replace("\n", "\r\n").encode())
    text, problem = read_text(path, "doc.md")
    assert problem is None and text == VALID_HANDOFF


def test_empty_document_is_one_finding():
    assert findings_for("") == [("HL100", 1)]
    assert findings_for("\n  \n") == [("HL100", 1)]


def test_a_document_of_too_many_lines_is_not_parsed_but_still_read(handoff_root):
    """Two megabytes of '#' lines took minutes and gigabytes in markdown-it."""
    import json

    from conftest import run_cli

    path = handoff_root / "active" / "handoff-2026-11-02-huge.md"
    path.write_text("#\n" * 1_000_000 + "see /home/alice/x\n")
    result = run_cli("check", "--format", "json", "--no-cache", str(path))
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)]
    assert ("HL006", 1) in found and ("HL201", 1_000_001) in found
    assert not [code for code, _ in found if code.startswith("HL1")]
