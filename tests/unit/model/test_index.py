"""model.listing: folders it does not list become problems; the rest is still indexed."""

from __future__ import annotations

import sys

import pytest

from handoff_lint.model.index import build
from handoff_lint.touch import Access

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")


def test_a_linked_folder_leading_out_is_a_problem_and_not_listed(handoff_root, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "handoff-2026-11-02-outside.md").write_text("x")
    (outside / "passwd").write_text("x")
    (handoff_root / "archive").rmdir()
    (handoff_root / "archive").symlink_to(outside)
    (handoff_root / "active" / "handoff-2026-11-03-inside.md").write_text("x")
    index = build(handoff_root, handoff_root, access=Access.of([]))
    assert [(f.path, f.code) for f in index.problems] == [("archive", "HL005")]
    assert [path.rsplit("/", 1)[-1] for path, _place, _kind in index.documents] == ["handoff-2026-11-03-inside.md"]
    assert index.strays == []


def test_a_looping_folder_is_a_problem_and_a_link_inside_is_followed(handoff_root):
    (handoff_root / "responses").rmdir()
    (handoff_root / "responses").symlink_to("responses")
    (handoff_root / "archive" / "handoff-2026-11-01-done.md").write_text("x")
    (handoff_root / "active").rmdir()
    (handoff_root / "active").symlink_to("archive")  # inside the root: followed
    index = build(handoff_root, handoff_root, access=Access.of([]))
    assert [(f.path, f.code, "loop" in f.message) for f in index.problems] == [("responses", "HL007", True)]
    assert sorted(place for _path, place, _kind in index.documents) == ["active", "archive"]


def test_a_folder_named_like_a_handoff_at_the_top_is_a_stray_not_a_document(handoff_root):
    (handoff_root / "handoff-2026-01-01-x.md").mkdir()
    index = build(handoff_root, handoff_root, access=Access.of([]))
    assert index.documents == [] and [(s.display, s.is_dir) for s in index.strays] == [
        ("handoff-2026-01-01-x.md", True)
    ]


@pytest.mark.parametrize("opening, closing", [("````", "```"), ("```", "``` end"), ("    ", None)])
def test_the_line_scan_reads_no_field_in_code_as_the_parser_reads_code(opening, closing):
    """The scan asks the parser's one code reader: a status line in a 4-backtick fence (``` does
    not close it), in a fence 'closed' by ``` end, or in an indented block is code."""
    from handoff_lint.parse.scanner import scan_text

    if closing is None:  # an indented block
        code = "    **Handoff Status**: Completed\n    # Not the title\n"
    else:
        code = f"{opening}\n{closing}\n**Handoff Status**: Completed\n# Not the title\n{opening}\n"
    text = f"Intro.\n\n{code}\n# Local Handoff: Real\n\n**Handoff Status**: In Progress\n"
    scan = scan_text(text)
    assert scan.title == "Local Handoff: Real"
    assert scan.fields["handoff status"][0] == "In Progress"
