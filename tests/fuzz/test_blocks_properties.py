"""The line reader (blocks.py) gives what markdown-it gives, or declines.

Documents are built from lines chosen to sit on every boundary the reader decides on: headings
with closing hashes, fences of both kinds (open, closed, with an info string, unclosed, with a
short closer), rules and setext underlines, list items of every marker with and without blank
lines between, lazy continuation lines, indented and quoted lines, HTML, and the nested shapes
of real writing (lists in lists, fences and code in items, quotes). Whenever the reader answers,
its blocks and code lines must equal markdown-it's; the tests also prove it answers for most
documents (a reader that always declined would be correct and useless).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_HANDOFF, VALID_RESPONSE
from handoff_lint.parse.blocks import simple_blocks
from handoff_lint.parse.document import split_lines
from handoff_lint.parse.markdown import _markdown_blocks, _markdown_lines, code_lines
from handoff_lint.parse.pyrs_blocks import _parser, pyrs_blocks

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

REPO = Path(__file__).resolve().parents[2]
LINES = [
    "",
    " ",
    "\t",
    "plain words here",
    "**Date**: 2026-11-24",
    "**Priority:** HIGH",
    "* not a field",
    "*emphasis* text",
    "# Title",
    "## Context Summary",
    "##  Spaced  ##",
    "## Closing ## x",
    "### Deep",
    "####### seven",
    "#hashtag",
    "# #",
    "#",
    "```",
    "```python",
    "``` `x`",
    "````",
    "~~~",
    "~~~ info `x`",
    "  ```",
    "    ```",
    "``inline`` code",
    "---",
    "***",
    "___",
    "- - -",
    "--",
    "-",
    "===",
    "=",
    "* * *",
    "- item",
    "-  two spaces",
    "-\titem",
    "- ",
    "* star item",
    "+ plus item",
    "- **Date**: x",
    "- ## heading in item",
    "- > quote",
    "- ```",
    "- 1. nested",
    "1. first",
    "2. second",
    "1) paren",
    "01. zero",
    "1.",
    "10. ten",
    "2026-11-24 notes",
    "  indented continuation",
    "    indented code",
    "> quote",
    "<!-- comment -->",
    "<div>",
    "| a | b |",
    "[x]: http://e.com",
    "\\# escaped",
    "text with trailing hashes ##",
    "\u00a0nbsp",
    "x\u0085y",
]


# Lines the reader reads on their own: documents of these alone exercise its state (open lists,
# paragraphs, fences) rather than its refusals.
MARGIN = [line for line in LINES if simple_blocks(line + "\n", [line]) is not None] + [
    "   ```",
    "- a",
    "- b",
    "2. y",
    "3) z",
    "",
    "",
]


def both(text: str):
    lines = split_lines(text)
    simple = simple_blocks(text, lines)
    return simple, _markdown_blocks(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=30) | st.lists(st.sampled_from(MARGIN), max_size=30), st.booleans())
def test_the_line_reader_agrees_with_markdown_it(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    simple, markdown = both(text)
    if simple is not None:
        assert simple[0] == markdown[0], text
        assert simple[1] == markdown[1], text


def test_the_line_reader_answers_for_plain_documents():
    """The shipped sample, the test fixtures and the bench generator's documents: the reader
    reads every one written at the margin, and agrees with markdown-it on each."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    import random

    rng = random.Random(3)
    texts = [VALID_HANDOFF, VALID_RESPONSE]
    texts += [generate.handoff(rng, f"task {n}", "2026-11-02", "Completed") for n in range(20)]
    texts += [generate.response(rng, f"handoff-2026-11-02-task-{n}", "2026-11-03") for n in range(20)]
    texts += [path.read_text(encoding="utf-8") for path in sorted((REPO / "examples").rglob("*.md"))]
    answered = 0
    for text in texts:
        simple, markdown = both(text)
        if simple is not None:
            answered += 1
            assert simple == markdown, text[:200]
    assert answered >= len(texts) - 5, f"only {answered} of {len(texts)} documents read without markdown-it"


def test_a_plain_handoff_is_read_without_markdown_it():
    plain = "# Title\n\n**Date**: 2026-11-02\n\n## Section\nsome words\n- a\n- b\n\n```\n## code\n```\n---\n"
    simple, markdown = both(plain)
    assert simple is not None and simple == markdown
    assert ("heading_open", "h2", 5, 5, "Section") in simple[0] and simple[1] == {10, 11, 12}


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            LINES + ["<!-- handoff-lint: disable-file -->", "> ```", ">     code", "-     code", "1.      code"]
        ),
        max_size=30,
    ),
    st.booleans(),
)
def test_the_one_code_reader_agrees_with_markdown_it(lines, final_newline):
    """parse.markdown.code_lines (its shortcut for texts with no fence character and no indented
    line, the line reader, markdown-it) gives markdown-it's code lines, at every depth."""
    text = "\n".join(lines) + ("\n" if final_newline else "")
    markdown, _lines, _front = _markdown_lines(text, split_lines(text))  # YAML front matter is no markdown
    assert code_lines(text) == frozenset(_markdown_blocks(markdown)[1]), text


# Real writing nests: list items holding lists, fences and quotes, quotes holding fences, tables.
NESTED = LINES + [
    "  - nested item",
    "    - deeper",
    "  ```",
    "  code in item",
    "   ```",
    "> - quoted item",
    "> ```",
    ">     code",
    ">",
    "> > deeper quote",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "1. step",
    "   ```bash",
    "   run it",
    "   ```",
    "     indented in item",
    "Setext",
    "======",
    "- [x]: not a definition?",
    "<details>",
    "</details>",
    "  # indented #",
    "\tcode after tab",
    "- a\tb",
    "* * x",
]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NESTED), max_size=30), st.booleans())
def test_the_line_reader_agrees_with_markdown_it_on_nested_writing(lines, final_newline):
    """Lists in lists, fences and indented code in items, quotes, tables: the line reader gives
    markdown-it-py's level-0 blocks and code lines exactly, or declines."""
    text = "\n".join(lines) + ("\n" if final_newline else "")
    simple, markdown = both(text)
    if simple is not None:
        assert simple == markdown, text


# Shapes of real writing only (no HTML, no tabs, no setext underline): the reader must answer
# for nearly all of them, not decline its way to agreement.
REAL = [
    "",
    "plain words here",
    "**Date**: 2026-11-24",
    "# Title",
    "## Context Summary",
    "### Deep",
    "```",
    "```python",
    "~~~",
    "- item",
    "* star item",
    "1. first",
    "2. second",
    "  continuation",
    "  - nested item",
    "    - deeper",
    "  ```",
    "  code in item",
    "   ```bash",
    "   run it",
    "> quote",
    "> - quoted item",
    "| a | b |",
    "|---|---|",
    "---",
]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(REAL), max_size=30))
def test_the_line_reader_reads_real_shapes(lines):
    text = "\n".join(lines) + "\n"
    simple, markdown = both(text)
    if simple is not None:
        assert simple == markdown, text


def _pyrs_agrees(text: str) -> None:
    lines = split_lines(text)
    found = pyrs_blocks(text, lines)
    if found is not None:
        markdown = _markdown_blocks(text)
        assert found[0] == markdown[0], text
        assert found[1] == markdown[1], text


@pytest.mark.skipif(_parser() is None, reason="markdown-it-pyrs has no wheel here: markdown-it-py reads every document")
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NESTED), max_size=30), st.booleans())
def test_the_rust_reader_agrees_with_markdown_it(lines, final_newline):
    """markdown-it-pyrs, read as markdown-it-py's level-0 blocks and code lines, gives exactly
    markdown-it-py's answer for the nested shapes real writing uses, or declines."""
    _pyrs_agrees("\n".join(lines) + ("\n" if final_newline else ""))


_RUST = pytest.param(
    pyrs_blocks, 0.8, marks=pytest.mark.skipif(_parser() is None, reason="markdown-it-pyrs has no wheel here")
)


@pytest.mark.parametrize(("reader", "share"), [(simple_blocks, 0.9), _RUST], ids=["line reader", "rust reader"])
def test_each_reader_agrees_on_the_fidelity_corpus_and_real_style_writing(reader, share):
    """Every document of the fidelity corpus and of the writing the bench's real-style folder is
    made of: each fast reader answers for most (the line reader for nearly all; the others are
    left to the next reader) and agrees with markdown-it-py on each."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "data" / "fidelity").rglob("*.md"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((REPO / "bench" / "real_prose").rglob("*.md"))]
    assert len(texts) > 50
    answered = 0
    for text in texts:
        text, lines, _front = _markdown_lines(text, split_lines(text))
        found = reader(text, lines)
        if found is None:
            continue
        answered += 1
        assert found == _markdown_blocks(text), text[:200]
    assert answered >= len(texts) * share, f"only {answered} of {len(texts)} documents read"
