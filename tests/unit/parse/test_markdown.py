"""parse.markdown.code_lines: the tool's one reader of code blocks, as markdown-it reads them."""

from __future__ import annotations

import pytest

from handoff_lint.parse.markdown import MAX_CODE_LINES, _markdown_blocks, code_lines, parse

COMMENT = "<!-- handoff-lint: disable-file -->"

# Each shape holds the comment in code; the number is the comment's line.
SHAPES = {
    "a 4-backtick fence holding ``` lines": (f"# T\n\n````\n```\n{COMMENT}\n```\n````\nafter\n", 5),
    "an indented block": (f"# T\n\nText.\n\n    {COMMENT}\n\nafter\n", 5),
    "a fence in a list item": (f"# T\n\n- item\n\n  ```\n  {COMMENT}\n  ```\n\nafter\n", 6),
    "a fence in a block quote": (f"# T\n\n> ```\n> {COMMENT}\n> ```\n\nafter\n", 4),
    "a fence 'closed' by ``` end": (f"# T\n\n```\nx\n``` end\n{COMMENT}\n```\nafter\n", 6),
    "a tilde fence": (f"# T\n\n~~~\n{COMMENT}\n~~~\nafter\n", 4),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_code_block_shape_is_code(shape):
    text, line = SHAPES[shape]
    found = code_lines(text)
    assert line in found
    assert found == frozenset(_markdown_blocks(text)[1])
    assert text.split("\n").index("after") + 1 not in found  # the block ends where markdown-it ends it


def test_a_comment_outside_code_is_not_code():
    text = f"# T\n\n{COMMENT}\n\n```\ncode\n```\nA paragraph\n    and its lazy line, not code\n"
    assert code_lines(text) == {5, 6, 7}


def test_the_parsed_document_has_the_same_code_lines():
    for text, _line in SHAPES.values():
        assert parse(text).code_lines == code_lines(text)


def test_a_document_with_no_fence_character_and_no_indented_line_has_no_code():
    assert code_lines("# T\n\n- a\n  - b\n> quote\n") == frozenset()


def test_too_long_to_tell_is_none_but_a_plain_long_document_is_read():
    plain = "```\ncode\n```\n" + "words\n" * (MAX_CODE_LINES + 10)
    assert code_lines(plain) == {1, 2, 3}
    quoted = "> ```\n> code\n> ```\n" + "words\n" * (MAX_CODE_LINES + 10)
    assert code_lines(quoted) is None


def test_front_matter_is_no_markdown_for_the_code_reader_either():
    """Its lines are fields: an indented value there is no indented code block, for code_lines as
    for parse (one reader, one answer)."""
    text = "---\ntitle: T\nnotes: |\n\n    an indented value\n---\n# T\n\n```\ncode\n```\n"
    assert code_lines(text) == parse(text).code_lines == {9, 10, 11}
