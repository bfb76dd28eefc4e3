"""HL1xx: each seeded defect is reported with its code at the line that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, line_of
from handoff_lint.checks import structure
from handoff_lint.data.config import Config
from handoff_lint.model.kinds import HANDOFF, RESPONSE, TEMPLATE, SourceFile
from handoff_lint.model.source import Source


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
        (
            "## Expected Deliverables\n1. outputs/error-patterns.csv with columns signature,count,first_seen\n",
            "",
            "HL105",
            "## Local Model Preferences",
        ),
        ("- Any 7B code model with a 4k context.", "", "HL106", "## Local Model Preferences"),
        (
            "Extract the distinct error signatures from every log and count how often each appears.",
            "[Specific task for local model]",
            "HL112",
            "[Specific task",
        ),
        ("**From**: claude-code", "**From**: [Your Model Name]", "HL112", "**From**"),
        (
            "# Local Handoff: Extract error patterns from build logs",
            "# Handoff for the log job",
            "HL101",
            "# Handoff for",
        ),
        (
            "**Handoff Status**: Ready for local model pickup",
            "**Handoff Status**: done-ish",
            "HL111",
            "**Handoff Status**",
        ),
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


@pytest.mark.parametrize(
    "change",
    [
        ("", ""),  # placeholders only
        ("## Context Summary", "## Context"),
        ("# Local Handoff: Extract", "# Handoff: Extract"),
        ("**Priority**: HIGH/MEDIUM/LOW", "**Prority**: HIGH/MEDIUM/LOW"),
        ("Ready for local model pickup", "[Status]"),
        ("The nightly builds fail in ways nobody has catalogued. We have 40 logs in logs/nightly/.", ""),
        ("**Constraints**: Resource/Time", "**Constraints**: [Resource/Privacy/Time]"),
    ],
)
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


# -- the protocol's reading (issue 17): variation it allows is nothing, style is a warning --------


def severities_for(text: str, kind: str = HANDOFF, strict: bool = False, name: str = "doc.md"):
    """(code, line, severity) as a run reports them: the catalogue's severity, strict's when set."""
    from handoff_lint.data.catalogue import catalogue, strict_severities

    overrides = strict_severities() if strict else {}
    return [
        (code, line, overrides.get(code) or catalogue()[code].severity)
        for code, line in findings_for(text, kind, strict, name)
    ]


@pytest.mark.parametrize(
    "old, new",
    [
        ("# Local Handoff: Extract", "# Local handoff: Extract"),
        ("# Local Handoff: Extract", "# 🚀 Local Handoff: Extract"),
        ("## Context Summary", "## 📋 Context Summary"),
        ("## Task Description", "## 2. Task Description"),
        ("## Current State/Progress", "## Current State / Progress:"),
        ("## Local Model Preferences", "## Local Model Preferences (if any)"),
        ("## Expected Deliverables", "## Deliverables"),
        ("**Constraints**: Resource/Time", "**Constraints**: Budget-conscious, accuracy > speed"),
        ("**Constraints**: Resource/Time", "**Constraints**: Cost"),
        ("**Constraints**: Resource/Time", "**Constraints**: Memory"),
        ("**Priority**: MEDIUM", "**Priority**: MEDIUM (after the release)"),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: 🟢 Ready"),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: In progress (picked up by phi-3)"),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: Blocked - waiting on the export"),
    ],
)
def test_variation_the_protocol_allows_is_no_finding(old, new):
    text = VALID_HANDOFF.replace(old, new)
    assert text != VALID_HANDOFF
    assert findings_for(text) == []


def test_local_model_preferences_is_optional():
    text = VALID_HANDOFF.replace("## Local Model Preferences\n- Any 7B code model with a 4k context.\n", "")
    assert findings_for(text) == []
    assert [code for code, _ in findings_for(text, strict=True)] == ["HL105"]


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("**Priority**: MEDIUM", "**Priority**: Medium", "HL114"),
        ("**Priority**: MEDIUM", "**Priority**: 🔴 high", "HL114"),
        (
            "**To**: next-local (any available local model)",
            "**To**: next-local\n**Estimated effort**: 2 hours",
            "HL113",
        ),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: done-ish", "HL111"),
    ],
)
def test_style_a_reader_still_understands_is_a_warning_and_an_error_under_strict(old, new, code):
    text = VALID_HANDOFF.replace(old, new)
    found = severities_for(text)
    assert [(c, severity) for c, _line, severity in found] == [(code, "warning")]
    assert found[0][1] == line_of(text, new.split("\n")[-1])
    assert any(severity == "error" for _c, _line, severity in severities_for(text, strict=True))


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("**Priority**: MEDIUM", "**Prority**: MEDIUM", "HL104"),  # a typo of a known field
        ("**Priority**: MEDIUM", "**Priority**: ASAP", "HL103"),
        ("**Priority**: MEDIUM", "**Priority**: MEDIUM ghp_x", "HL103"),  # a note is set off: '(', '-', ','
        ("**Constraints**: Resource/Time", "**Constraints**:", "HL103"),
        ("# Local Handoff: Extract error patterns from build logs", "# Handoff for the log job", "HL101"),
        ("## Task Description", "## Task Descripton", "HL107"),
        ("## Context Summary", "## 📋 Contex Summary", "HL107"),
    ],
)
def test_what_breaks_the_protocol_stays_an_error(old, new, code):
    text = VALID_HANDOFF.replace(old, new)
    assert (code, line_of(text, new.split("\n")[0] or "**Constraints**"), "error") in severities_for(text)


def test_strict_holds_the_template_exactly():
    for old, new, code in [
        ("**Constraints**: Resource/Time", "**Constraints**: Cost", "HL103"),
        ("**Priority**: MEDIUM", "**Priority**: Medium", "HL103"),
        ("# Local Handoff: Extract", "# Local handoff: Extract", "HL101"),
        ("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: Ready", "HL111"),
        ("## Expected Deliverables", "## Deliverables", "HL105"),
    ]:
        text = VALID_HANDOFF.replace(old, new)
        assert [severity for _c, _line, severity in severities_for(text)] in ([], ["warning"]), new
        assert (code, "error") in [(c, severity) for c, _line, severity in severities_for(text, strict=True)], new


def test_resource_and_privacy_requirements_in_two_sections_are_one():
    text = VALID_HANDOFF.replace("## Resource/Privacy Requirements\n", "## Resource Requirements\n").replace(
        "## Current State/Progress", "## Privacy Requirements\n- Local-only\n\n## Current State/Progress"
    )
    assert findings_for(text) == []


# -- responses: free metadata, the six items as sections or bold labels ---------------------------

RESPONSE_NAME = "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"

BOLD_RESPONSE = """\
# Done: log patterns

**Model**: phi-3-mini (local)
**Status**: Complete
**Original handoff**: handoff-2026-11-02-extract-error-patterns.md

**Constraints met.** Peak memory 6.1 GB, under the limit; offline.

**Work performed:** grouped 1,212 error lines
into 37 signatures.

**Deliverables location:**

- outputs/error-patterns.csv

**Recommendations** - fix the three linker signatures first.
"""


def test_a_response_of_bold_labelled_paragraphs_is_clean():
    assert findings_for(BOLD_RESPONSE, RESPONSE) == []


@pytest.mark.parametrize(
    "label, code",
    [
        ("**Work performed:** grouped 1,212 error lines\ninto 37 signatures.\n", "HL105"),
        ("**Recommendations** - fix the three linker signatures first.\n", "HL105"),
    ],
)
def test_a_bold_labelled_response_missing_an_item_is_reported(label, code):
    assert [c for c, _ in findings_for(BOLD_RESPONSE.replace(label, ""), RESPONSE)] == [code]


def test_a_bold_label_with_nothing_after_it_is_an_empty_section():
    text = BOLD_RESPONSE.replace(
        "**Deliverables location:**\n\n- outputs/error-patterns.csv\n", "**Deliverables location:**\n"
    )
    assert [c for c, _ in findings_for(text, RESPONSE)] == ["HL106"]


def test_response_sections_under_the_protocols_wording_and_variants():
    text = (
        VALID_RESPONSE.replace("## Constraints Met", "## ✅ Constraints Met Confirmation")
        .replace("## Work Performed", "## 2. Work Performed Summary")
        .replace("## Resource Usage", "## Resource usage (if relevant)")
        .replace("## Deliverables Location", "## Deliverables")
        .replace(
            "**From**: llama-3-8b-local",
            "**In response to**: [the handoff](../archive/handoff-2026-11-02-extract-error-patterns.md)\n**Model**: llama-3-8b",
        )
    )
    assert findings_for(text, RESPONSE) == []
    assert "HL105" in [c for c, _ in findings_for(text, RESPONSE, strict=True)]


def test_resource_usage_is_optional_and_the_file_name_names_the_handoff():
    text = VALID_RESPONSE.replace("## Resource Usage\nPeak 6.1 GB, 22 minutes on 4 cores.\n\n", "")
    text = text.replace(
        "## Reference to Original Handoff\n[handoff-2026-11-02-extract-error-patterns.md](../archive/handoff-2026-11-02-extract-error-patterns.md)\n\n",
        "",
    )
    assert "Reference to" not in text and "Resource Usage" not in text
    assert findings_for(text, RESPONSE, name=RESPONSE_NAME) == []
    assert [c for c, _ in findings_for(text, RESPONSE, name="response-2026-11-03-patterns.md")] == ["HL105"]


def test_a_response_field_that_is_a_typo_is_still_caught():
    text = VALID_RESPONSE.replace("**Date**: 2026-11-03", "**Dat**: 2026-11-03")
    assert findings_for(text, RESPONSE) == [("HL104", 3)]
    text = VALID_RESPONSE.replace("**Date**: 2026-11-03", "**Date**: 2026-11-31")
    assert findings_for(text, RESPONSE) == [("HL103", 3)]


# -- reading by meaning (issue 28): one reading for every style ----------------------------------


def found_for(text: str, kind: str = HANDOFF, strict: bool = False, name: str = "doc.md", root=None):
    source = Source(SourceFile(Path(name), name, kind, root), text)
    return structure.check(source, Config(strict=strict))


METADATA = (
    "**Date**: 2026-11-02\n**From**: claude-code\n**To**: next-local (any available local model)\n"
    "**Priority**: MEDIUM\n**Constraints**: Resource/Time\n"
)


@pytest.mark.parametrize(
    "metadata",
    [
        # a field table, bold or not, with a header row
        "| Field | Value |\n|---|---|\n| **Date** | 2026-11-02 |\n| **From** | claude-code |\n| **To** | next-local |\n"
        "| **Priority** | MEDIUM |\n| **Constraints** | Resource/Time |\n",
        "| Date | 2026-11-02 |\n|---|---|\n| From | claude-code |\n| To | next-local |\n| Priority | MEDIUM |\n"
        "| Constraints | Time |\n",
        # list items under a heading of their own
        "## Metadata\n\n- **Date**: 2026-11-02\n- **From**: claude-code\n- **To**: next-local\n- **Priority**: MEDIUM\n"
        "- **Constraints**: Time\n",
        # a date that carries a time and a zone
        METADATA.replace("2026-11-02", "2026-11-02 14:30 UTC"),
        # field names in another language, the protocol's in parentheses
        "**Datum (Date)**: 2026-11-02\n**Von (From)**: claude-code\n**An (To)**: next-local\n"
        "**Priorität (Priority)**: MEDIUM\n"
        "**Einschränkungen (Constraints)**: Zeit\n",
    ],
)
def test_metadata_is_whatever_carries_the_fields(metadata):
    text = VALID_HANDOFF.replace(METADATA, metadata)
    assert text != VALID_HANDOFF
    assert findings_for(text) == []


def test_yaml_front_matter_carries_the_metadata_and_the_title_and_its_lists_are_no_placeholders():
    body = VALID_HANDOFF.split("---\n", 1)[1]
    front = (
        '---\ntitle: "Local Handoff: Extract error patterns"\ndate: 2026-11-02\nfrom: claude-code\nto: next-local\n'
        "priority: MEDIUM\nconstraints: Resource, Time\ntags: [logs, nightly]\n---\n"
    )
    assert findings_for(front + body) == []
    assert findings_for(front + "\n# Local Handoff: Extract error patterns\n" + body) == []
    # the template's own placeholder in front matter is still one
    placeholder = front.replace("from: claude-code", "from: [Your Model Name]")
    assert findings_for(placeholder + body) == [("HL112", 4)]
    # strict: the template's form only, and each field found elsewhere is named
    strict = [
        (f.code, f.line, f.found)
        for f in found_for(front + "\n# Local Handoff: Extract error patterns\n" + body, strict=True)
    ]
    assert ("HL102", 3, "date: 2026-11-02") in strict and len([c for c, *_ in strict if c == "HL102"]) == 5


@pytest.mark.parametrize(
    "old, new",
    [
        ("## Context Summary", "## Contexto (Context Summary)"),
        ("## Task Description", "## 任务 (Task Description)"),
        ("## Expected Deliverables", "## Expected Deliverables (draft)"),
        ("## Current State/Progress", "## Aktueller Stand (Current State/Progress):"),
        ("**Handoff Status**: Ready", "**Übergabestatus (Handoff Status)**: Ready"),
    ],
)
def test_a_heading_names_its_section_in_parentheses_and_a_trailing_qualifier_changes_nothing(old, new):
    text = VALID_HANDOFF.replace(old, new)
    assert text != VALID_HANDOFF
    assert findings_for(text) == []
    if "(" in new:
        assert findings_for(text, strict=True) != []


def test_a_response_item_with_a_trailing_qualifier():
    assert findings_for(VALID_RESPONSE.replace("## Constraints Met", "## Constraints Met (partially)"), RESPONSE) == []


def test_sections_one_level_down_under_a_parent_heading_or_under_the_title():
    grouped = VALID_HANDOFF.replace("---\n\n## Context Summary", "---\n\n## Handoff Details\n\n## Context Summary", 1)
    grouped = grouped.replace("\n## ", "\n### ").replace("### Handoff Details", "## Handoff Details")
    assert "### Task Description" in grouped and findings_for(grouped) == []
    under_title = VALID_HANDOFF.replace("\n## ", "\n### ")
    assert findings_for(under_title) == []
    strict = [(f.code, f.message) for f in found_for(under_title, strict=True) if f.code == "HL105"]
    assert strict and all("strict = true reads only '## " in message for _code, message in strict)


def test_a_section_one_level_deeper_than_its_siblings_is_one_finding_that_says_where():
    text = VALID_HANDOFF.replace("## Task Description", "### Task Description")
    found = found_for(text)
    assert [(f.code, f.line) for f in found] == [("HL105", line_of(text, "### Task Description"))]
    finding = found[0]
    at = line_of(text, "### Task Description")
    assert (
        f"'### Task Description' found at {at}:1, one level deeper than its siblings, inside '## Context Summary'"
        in finding.message
    )
    assert (finding.expected, finding.found) == ("## Task Description", "### Task Description")


def test_an_unbolded_field_is_named_where_it_was_found_and_its_value_is_still_checked():
    text = VALID_HANDOFF.replace("**Date**: 2026-11-02", "Date: 07/12/2026")
    found = found_for(text)
    assert [(f.code, f.line) for f in found] == [("HL102", 3), ("HL103", 3)]
    near = found[0]
    assert "'Date:' found at 3:1 without bold; write '**Date**: 2026-12-07' (07 read as the day)" in near.message
    assert (near.expected, near.found) == ("**Date**: 2026-12-07", "Date: 07/12/2026")
    assert "07/12/2026" in found[1].message and found[1].column == 7
    plain_ok = VALID_HANDOFF.replace("**Date**: 2026-11-02", "- Date: 2026-11-02")
    assert [f.message.split(": '")[-1] for f in found_for(plain_ok)] == [
        "Date:' found at 3:3 without bold; write '**Date**: 2026-11-02'"
    ]


def test_an_unbolded_status_is_named_and_still_read():
    text = VALID_HANDOFF.replace("**Handoff Status**: Ready for local model pickup", "Handoff Status: Ready")
    found = found_for(text)
    assert [(f.code, f.line) for f in found] == [("HL110", len(text.splitlines()))]
    assert "'Handoff Status:' found at" in found[0].message and found[0].expected == "**Handoff Status**: Ready"
    unknown = found_for(text.replace("Handoff Status: Ready", "Handoff Status: done-ish"))
    assert [f.code for f in unknown] == ["HL110", "HL111"]


def test_a_misspelt_heading_is_hinted_by_the_templates_name_not_an_alias():
    text = VALID_HANDOFF.replace("## Resource/Privacy Requirements", "## Resources and Privacy")
    found = found_for(text)
    assert [(f.code, f.message) for f in found] == [
        ("HL107", "unknown section 'Resources and Privacy'; did you mean 'Resource/Privacy Requirements'?")
    ]
    assert (found[0].expected, found[0].found) == ("## Resource/Privacy Requirements", "## Resources and Privacy")


def test_the_protocols_own_unbracketed_boilerplate_left_verbatim_is_a_placeholder():
    text = VALID_HANDOFF.replace(
        "- Logs collected; no parsing done yet.",
        "- What's been done\n- Why handoff to local model\n- Available resources",
    )
    assert findings_for(text) == [
        ("HL112", line_of(text, "- What's been done")),
        ("HL112", line_of(text, "- Why handoff")),
        ("HL112", line_of(text, "- Available resources")),
    ]
    # used as labels with their own items, they are filled in; elsewhere they are ordinary words
    labelled = VALID_HANDOFF.replace("- Logs collected; no parsing done yet.", "- What's been done\n  - logs collected")
    assert findings_for(labelled) == []
    assert findings_for(VALID_HANDOFF.replace("- Memory limit: 8GB", "- Available resources")) == []


def test_near_misses_carry_expected_and_found():
    cases = {
        VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Prority**: MEDIUM"): (
            "HL104",
            "**Priority**: MEDIUM",
            "**Prority**: MEDIUM",
        ),
        VALID_HANDOFF.replace("**Date**: 2026-11-02", "**Date**: 2026/11/02"): (
            "HL103",
            "**Date**: 2026-11-02",
            "**Date**: 2026/11/02",
        ),
        VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: Medium"): (
            "HL114",
            "**Priority**: MEDIUM",
            "**Priority**: Medium",
        ),
        VALID_HANDOFF.replace("# Local Handoff: Extract", "# Handoff for"): (
            "HL101",
            "# Local Handoff: <brief description>",
            "# Handoff for error patterns from build logs",
        ),
    }
    for text, (code, expected, found) in cases.items():
        finding = next(f for f in found_for(text) if f.code == code)
        assert (finding.expected, finding.found) == (expected, found), code


def test_a_dash_for_the_colon_in_a_known_field_or_the_title_reads_the_same():
    text = VALID_HANDOFF.replace("# Local Handoff: Extract", "# Local Handoff – Extract")
    for name in ("Date", "From", "To", "Priority", "Constraints"):
        text = text.replace(f"**{name}**: ", f"- **{name}** - ", 1)
    assert findings_for(text) == []
    strict = found_for(text, strict=True)
    assert ("HL101", 1) in [(f.code, f.line) for f in strict]
    assert any(f.code == "HL102" and "'Date' found at 3:5 with a dash for the colon" in f.message for f in strict)
    # bold text that is no known field is no field at all: no warning of the writer's own field
    noted = VALID_HANDOFF.replace(
        "---\n\n## Context Summary", "**Important** - read the logs README first.\n\n---\n\n## Context Summary", 1
    )
    assert findings_for(noted) == []


@pytest.mark.parametrize(
    "written, expected",
    [
        ("22 November 2026", "2026-11-22"),
        ("Nov 22, 2026", "2026-11-22"),
        ("2026/11/22", "2026-11-22"),
        ("22.11.2026", "2026-11-22"),
        ("11/22/2026", "2026-11-22"),
        ("someday", "YYYY-MM-DD"),
    ],
)
def test_a_date_written_otherwise_gets_the_date_to_write(written, expected):
    finding = next(f for f in found_for(VALID_HANDOFF.replace("2026-11-02", written, 1)) if f.code == "HL103")
    assert finding.expected == f"**Date**: {expected}"


def test_a_strict_list_value_says_what_it_may_name():
    text = VALID_HANDOFF.replace("**Constraints**: Resource/Time", "**Constraints**: Memory 4GB, Time flexible")
    found = [(f.code, f.expected, f.found) for f in found_for(text, strict=True) if f.code == "HL103"]
    line = "**Constraints**: Memory 4GB, Time flexible"
    assert found == [("HL103", "**Constraints**: Resource/Privacy/Time", line)] * 2


def test_a_line_taken_into_a_labels_body_is_not_read_again_as_a_label():
    """A bold-labelled section's body runs to the next line that opens a block; a line it took
    (here a tab after the list marker, which does not open one) is not read again as a label of
    its own, so the section it names is still missing."""
    text = BOLD_RESPONSE.replace("**Recommendations** - fix the three linker signatures first.\n", "").replace(
        "into 37 signatures.\n", "into 37 signatures.\n-\t**Recommendations** - fix the linker first.\n"
    )
    assert [c for c, _ in findings_for(text, RESPONSE)] == ["HL105"]
