"""The Rust reader gives markdown-it-py's blocks for nested writing, declines where it cannot be
sure, and the parse is the same without it (a Python with no markdown-it-pyrs wheel)."""

from __future__ import annotations

import pytest

from handoff_lint.parse import markdown, pyrs_blocks
from handoff_lint.parse.document import split_lines

pytestmark = pytest.mark.skipif(pyrs_blocks._parser() is None, reason="markdown-it-pyrs is not installed here")

NESTED = """# Handoff: nested writing ##

**Date**: 2026-11-02

## Context Summary
- first point
  - nested point with a fence:
    ```bash
    ## not a heading
    ```
- second point

> a quote holding code:
> ```
> ## nor this
> ```

| field | value |
|---|---|
| a | b |

Setext heading
--------------

    indented code

[ref]: http://example.com
"""


def test_nested_writing_reads_as_markdown_it_py_reads_it():
    lines = split_lines(NESTED)
    found = pyrs_blocks.pyrs_blocks(NESTED, lines)
    assert found is not None
    assert found == markdown._markdown_blocks(NESTED)
    headings = [block[4] for block in found[0] if block[0] == "heading_open"]
    assert headings == ["Handoff: nested writing", "Context Summary", "Setext heading"]
    assert {8, 9, 10, 14, 15, 16} <= found[1]  # the fences in the list item and in the quote are code


@pytest.mark.parametrize(
    "text",
    [
        "# T\r\n\r\n- a\r\n",  # CR LF: markdown-it-py's offsets are of the text with LF
        "- a\n  ```\n  code\n\n",  # a fence left open runs to its container's end in markdown-it-py
        "> quoted\nlazy line\n",  # pyrs and markdown-it-py differ on what interrupts a lazy line
        "- a\n-\n\n\n",  # an empty last item: markdown-it-py ends the list one blank line after it
        ">\n\n",  # an empty block quote: markdown-it-py maps it over the blank line after it
        ">" * 20_000 + " deep\n",  # markdown-it-py stops nesting at 20 levels; pyrs does not
        "- " * 20_000 + "x\n",
        "".join("  " * depth + "- item\n" for depth in range(30)),  # nested by indentation, line by line
    ],
)
def test_it_declines_where_it_cannot_be_sure(text):
    assert pyrs_blocks.pyrs_blocks(text, split_lines(text)) is None


def test_without_the_wheel_the_document_is_the_same(monkeypatch):
    with_rust = markdown.parse(NESTED)
    monkeypatch.setattr(pyrs_blocks, "_parser", lambda: None)  # as on a Python with no wheel
    assert pyrs_blocks.pyrs_blocks(NESTED, split_lines(NESTED)) is None
    without = markdown.parse(NESTED)
    assert vars(with_rust) == vars(without)
    assert with_rust.title == "Handoff: nested writing"
