"""markdown-it-pyrs (markdown-it in Rust) read as markdown-it-py's level-0 blocks and code lines.

markdown-it-py stays the parser of record; this gives the same answer several times faster
(tests/fuzz/test_blocks_properties.py, tests/unit/parse/test_pyrs_blocks.py hold the two equal),
or None where it cannot be sure to: the wheel missing, or a text whose offsets or reading differ
(CR, NUL, a fence left open, a block quote's lazy line).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from handoff_lint.parse.blocks import Block, heading_text

# pyrs node name -> markdown-it-py level-0 token (type, tag)
_TOKENS = {
    "paragraph": ("paragraph_open", "p"),
    "bullet_list": ("bullet_list_open", "ul"),
    "ordered_list": ("ordered_list_open", "ol"),
    "blockquote": ("blockquote_open", "blockquote"),
    "fence": ("fence", "code"),
    "code_block": ("code_block", "code"),
    "hr": ("hr", "hr"),
    "html_block": ("html_block", ""),
    "heading": ("heading_open", ""),
    "lheading": ("heading_open", ""),
}
_CODE = frozenset({"fence", "code_block"})
_CONTAINERS = frozenset({"bullet_list", "ordered_list", "list_item", "blockquote"})
_LISTS = frozenset({"bullet_list", "ordered_list"})
_NEWLINE = re.compile(b"\n")
# markdown-it-py stops nesting at 20 token levels (maxNesting) and pyrs does not, building a tree as
# deep as the text (">" * 20_000 on a line: Rust's stack and Python's recursion). A line opening
# more than a few containers, or a tree deeper than _DEEPEST nodes, is left to markdown-it-py.
# Anchored, and each `[ \t]*` ends at a marker: one pass, no backtracking over long blank runs.
_DEEP_LINE = re.compile(r"^[ \t]*(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*){6}", re.MULTILINE)
_DEEPEST = 12  # containers (a list and its item count two): 12 token levels and their blocks stay under 20


@lru_cache(maxsize=1)
def _parser():
    try:
        from markdown_it_pyrs import MarkdownIt
    except ImportError:  # no wheel for this Python or platform: markdown-it-py reads every document
        return None
    # CommonMark's block rules only, as markdown.py runs markdown-it-py: no inline rules (a
    # heading's text is read off its line), no link reference definitions (they stay paragraphs)
    return MarkdownIt("zero").enable_many(
        ["blockquote", "code", "fence", "heading", "lheading", "hr", "list", "html_block", "paragraph"]
    )


def pyrs_blocks(text: str, lines: list[str]) -> tuple[list[Block], set[int]] | None:
    """The level-0 blocks and code lines markdown-it-py gives for ``text`` (split into ``lines``),
    or None when this reader cannot tell them."""
    if "\r" in text or "\0" in text:
        return None  # markdown-it-py reads CR LF as LF and NUL as U+FFFD: its offsets would shift
    if _DEEP_LINE.search(text):
        return None
    if lines and not text.endswith("\n") and not lines[-1].strip(" \t"):
        return None  # markdown-it-py does not count a last line of only spaces with no newline
    parser = _parser()
    if parser is None:
        return None
    data = text.encode("utf-8")
    root = parser.tree(text)
    ends = [match.start() for match in _NEWLINE.finditer(data)]  # byte offset of each newline

    def span(node) -> tuple[int, int]:
        start, end = node.srcmap
        return bisect_right(ends, start - 1) + 1, bisect_right(ends, max(start, end - 1) - 1) + 1

    code: set[int] = set()

    def code_span(node) -> tuple[int, int]:
        first, last = span(node)
        if node.name == "fence":
            # markdown-it-py runs a fence left open to its container's end, blank lines and all;
            # pyrs stops before them: such documents are left to markdown-it-py
            closer = lines[last - 1].lstrip(" \t>").rstrip(" \t")
            marker = node.meta["marker"]
            if last == first or len(closer) < node.meta["marker_len"] or closer.strip(marker):
                raise _Unsure
        code.update(range(first, last + 1))
        return first, last

    def walk(nodes, depth: int = 1) -> None:
        if depth > _DEEPEST:
            raise _Unsure
        for node in nodes:
            if node.name in _CODE:
                code_span(node)
            elif node.name in _CONTAINERS:
                walk(_inside(node), depth + 1)

    try:
        return _level0(root.children, lines, span, code_span, walk), code
    except _Unsure:
        return None


def _inside(node) -> list:
    """A container's children; an empty block quote (only ``>``) is mapped over the blank lines
    after it by markdown-it-py, not by pyrs: left to markdown-it-py."""
    children = node.children
    if not children and node.name == "blockquote":
        raise _Unsure
    return children


class _Unsure(Exception):
    """A node this reader cannot map to markdown-it-py's answer."""


def _level0(children, lines: list[str], span, code_span, walk) -> list[Block]:
    blocks: list[Block] = []
    count = len(lines)
    for node in children:
        name = node.name
        token = _TOKENS.get(name)
        if token is None:
            raise _Unsure  # a definition, or a node this reader does not know
        first, last = code_span(node) if name in _CODE else span(node)
        kind, tag = token
        content = ""
        if name == "heading":
            tag = f"h{node.meta['level']}"
            content = heading_text(lines[first - 1].lstrip(" "))
        elif name == "lheading":
            tag = f"h{node.meta['level']}"
            content = "\n".join(lines[first - 1 : last - 1]).strip()
        if name == "blockquote" and any(
            line.strip(" \t") and line.lstrip(" ")[:1] != ">" for line in lines[first - 1 : last]
        ):
            raise _Unsure  # a lazy line: pyrs and markdown-it-py differ on what interrupts one
        blocks.append((kind, tag, first, last, content))
        if name in _CONTAINERS:
            inside = _inside(node)
            if name in _LISTS and not inside[-1].children:
                raise _Unsure  # an empty last item: markdown-it-py's list ends one blank line on
            walk(inside)
    # markdown-it-py maps a list over the blank lines after it (to the next block, or the end)
    for index, block in enumerate(blocks):
        if block[0] in ("bullet_list_open", "ordered_list_open"):
            stop = blocks[index + 1][2] - 1 if index + 1 < len(blocks) else count
            last = block[3]
            while last < stop and not lines[last].strip(" \t"):
                last += 1
            blocks[index] = (*block[:3], last, "")
    return blocks
