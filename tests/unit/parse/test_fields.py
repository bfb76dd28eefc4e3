"""Metadata written otherwise than as bold lines: YAML front matter, field tables, plain lines
(near misses), and dates that carry a time."""

from __future__ import annotations

import pytest

from handoff_lint.parse.fields import date_part, front_matter, plain_field, table_row
from handoff_lint.parse.markdown import parse


def test_front_matter_fields_lists_and_title():
    lines = [
        "---",
        'title: "Local Handoff: Re-rank: results"',
        "date: 2026-11-21",
        "tags: [search, ranking]",
        "reviewers:",
        "  - docs-team",
        "  - 'search team'",
        "notes: |",
        "  two",
        "  lines",
        "nested:",
        "  key: value",
        "# a comment",
        "---",
        "",
        "## Context Summary",
    ]
    end, fields, title = front_matter(lines)
    assert end == 14
    assert title == ("Local Handoff: Re-rank: results", 2)
    by_name = {f.name: (f.value, f.line, f.form) for f in fields}
    assert by_name["date"] == ("2026-11-21", 3, "yaml")
    assert by_name["tags"] == ("search, ranking", 4, "yaml")
    assert by_name["reviewers"] == ("docs-team, search team", 5, "yaml")
    assert by_name["notes"] == ("two lines", 8, "yaml")
    assert by_name["nested"][0] == ""  # a mapping is no value of ours
    assert fields[1].value_column == 7  # `date: ` + 1


@pytest.mark.parametrize(
    "lines", [["---", "date: 2026-11-21"], ["# Title", "---", "x: y", "---"], ["----", "a: b", "----"], []]
)
def test_no_front_matter_without_a_closing_line_at_the_top(lines):
    assert front_matter(lines) is None


def test_a_parsed_document_reads_front_matter_as_fields_not_as_a_setext_heading():
    text = "---\ndate: 2026-11-21\nfrom: qwen\n---\n\n# Local Handoff: X\n\n## Context Summary\nText.\n"
    doc = parse(text)
    assert doc.front_matter_end == 4 and doc.title == "Local Handoff: X" and doc.title_line == 6
    assert [(f.name, f.form) for f in doc.all_fields] == [("date", "yaml"), ("from", "yaml")]
    assert [h.text for h in doc.headings] == ["Local Handoff: X", "Context Summary"]
    assert doc.lines[1] == "date: 2026-11-21"  # lines as written: placeholders and privacy read them


@pytest.mark.parametrize(
    "row, expected",
    [
        ("| **Date** | 2026-11-22 |", ("Date", "2026-11-22", 14)),
        ("| Priority: | HIGH |", ("Priority", "HIGH", 15)),
        ("|`To`|next-local|", ("To", "next-local", 7)),
        ("   | Constraints | Privacy \\| Time |", ("Constraints", "Privacy | Time", 20)),
        ("| Field | Value |", None),
        ("|-------|-------|", None),
        ("| :--- | ---: |", None),
        ("| only one cell |", None),
        ("not a row", None),
    ],
)
def test_table_rows(row, expected):
    found = table_row(row, 7)
    assert (found and (found.name, found.value, found.value_column)) == (expected or None)
    if found:
        assert found.form == "table" and found.line == 7


def test_a_table_under_the_title_is_read_as_fields():
    doc = parse(
        "# Local Handoff: X\n\n| Field | Value |\n|---|---|\n| **Date** | 2026-11-22 |\n| From | gpt |\n\n"
        "## Context Summary\nx\n"
    )
    assert [(f.name, f.value, f.line) for f in doc.all_fields] == [("Date", "2026-11-22", 5), ("From", "gpt", 6)]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Date: 07/12/2026", ("Date", "07/12/2026", 7)),
        ("- Handoff Status: Ready", ("Handoff Status", "Ready", 19)),
        ("See https://example.com/x", None),
        ("## Task: x", None),
        ("| a: b |", None),
        ("no colon here", None),
    ],
)
def test_plain_fields(line, expected):
    assert plain_field(line, 3) == expected


@pytest.mark.parametrize(
    "value, date",
    [
        ("2026-12-04 14:30 UTC", "2026-12-04"),
        ("2026-11-21T10:00:00Z", "2026-11-21"),
        ("2026-11-23 09:15 +01:00", "2026-11-23"),
        ("2026-11-23 9:15", "2026-11-23"),
        ("2026-11-23", "2026-11-23"),
        ("2026-11-23 sometime", "2026-11-23 sometime"),  # not a time: validated as written (HL103)
        ("07/12/2026", "07/12/2026"),
    ],
)
def test_a_date_that_carries_a_time_is_read_as_its_date(value, date):
    assert date_part(value) == date
