"""The sections a document's outline makes, at whatever level they stand."""

from __future__ import annotations

from handoff_lint.parse import outline
from handoff_lint.parse.markdown import parse

KNOWN = {
    "context summary": "Context Summary",
    "task description": "Task Description",
    "deliverables": "Deliverables",
    "resource requirements": "Resources",
    "privacy requirements": "Resources",
    "resources": "Resources",
}


def key_of(text: str):
    return KNOWN.get(text.casefold())


def read(text: str):
    sections, nested, end = outline.read(parse(text), key_of)
    return (
        [(key, section.name, section.level, section.line) for key, section in sections],
        [(n.key, n.heading.line, n.parent.text) for n in nested],
        end,
    )


def test_level_two_sections_under_the_title():
    sections, nested, end = read(
        "# T\n\n**Date**: x\n\n## Context Summary\na\n\n## Notes\nb\n\n## Task Description\nc\n"
    )
    assert sections == [
        ("Context Summary", "Context Summary", 2, 5),
        (None, "Notes", 2, 8),
        ("Task Description", "Task Description", 2, 11),
    ]
    assert nested == [] and end == 5


def test_sections_one_level_down_under_a_parent_that_groups_them():
    text = (
        "# T\n\n## Metadata\n**Date**: x\n\n## Handoff Details\n\n### Context Summary\na\n\n"
        "### Task Description\nb\n\n## Extra\nc\n"
    )
    sections, nested, end = read(text)
    assert sections == [
        (None, "Metadata", 2, 3),
        ("Context Summary", "Context Summary", 3, 8),
        ("Task Description", "Task Description", 3, 11),
        (None, "Extra", 2, 14),
    ]
    assert end == 8  # the metadata runs to the first known section


def test_sections_straight_under_the_title_at_level_three():
    sections, _nested, _end = read("# T\n\n### Context Summary\na\n\n### Task Description\nb\n")
    assert [(key, level) for key, _name, level, _line in sections] == [("Context Summary", 3), ("Task Description", 3)]


def test_a_subsection_of_a_section_is_its_body_and_a_known_name_there_is_a_near_miss():
    text = (
        "# T\n\n## Resources\n\n### Resource Requirements\n- 8 GB\n\n### Privacy Requirements\n- local\n\n"
        "## Context Summary\na\n\n### Task Description\nb\n"
    )
    sections, nested, _end = read(text)
    assert [(key, line) for key, _name, _level, line in sections] == [("Resources", 3), ("Context Summary", 11)]
    body = dict((key, section.body) for key, section in outline.read(parse(text), key_of)[0])
    assert "### Privacy Requirements" in body["Resources"] and "- local" in body["Resources"]
    assert "Task Description" in body["Context Summary"]
    assert nested == [("Task Description", 14, "Context Summary")]  # Resources' own parts are no near miss


def test_a_heading_of_a_known_name_with_text_of_its_own_holds_its_subsections():
    sections, nested, _end = read(
        "# T\n\n## Context Summary\nintro\n\n### Deliverables\nx\n\n### Task Description\ny\n"
    )
    assert [key for key, *_ in sections] == ["Context Summary"]
    assert [key for key, *_ in nested] == ["Deliverables", "Task Description"]


def test_no_sections():
    assert read("# T\n\ntext\n") == ([], [], 4)


def test_a_known_section_without_text_of_its_own_still_holds_its_subsections():
    """A known name never groups: `## Task Description` over `### Context Summary` and
    `### Deliverables` is the task, described in two parts, not two sections of the document."""
    sections, nested, _end = read("# T\n\n## Task Description\n\n### Context Summary\nx\n\n### Deliverables\ny\n")
    assert [key for key, *_ in sections] == ["Task Description"]
    assert [key for key, *_ in nested] == ["Context Summary", "Deliverables"]
