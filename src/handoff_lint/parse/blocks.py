"""Top-level block structure (headings, paragraphs, lists, fences, rules) of plain documents.

markdown-it-py is the parser of record, and most of a cold run's time. Most handoffs, though,
are written at the left margin only: ATX headings, paragraphs, single-line list items, code
fences. For those, each line alone says what it is, and this module gives the blocks that
markdown-it would give, with the same line spans. Anything whose meaning depends on more than
its own line (indentation, block quotes, HTML, setext underlines, a rule right under a paragraph,
an irregular list marker) makes :func:`simple_blocks` answer ``None``, and markdown-it
parses the document. tests/fuzz/test_blocks_properties.py holds the two to the same answer.
"""

from __future__ import annotations

import re

# (token type, tag, first line, last line, heading text): what parse.py reads of markdown-it's
# level-0 tokens; lines 1-based, last inclusive (markdown-it's ``map`` end).
Block = tuple[str, str, int, int, str]

# Patterns are anchored (`^`): used with match() anyway, and a search from every position of a
# long line of dashes would be quadratic (tests/unit/test_regex_linear.py).
_ATX = re.compile(r"^#{1,6}(?=[ \t]|$)")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_RULE_OR_UNDERLINE = re.compile(r"^(?:[-*_](?:[ \t]*[-*_])+|=+)[ \t]*$")
_HR = re.compile(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^[-*+](?=[ \t]|$)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_ITEM_BULLET = re.compile(r"^([-*+]) (?=[^ \t])")  # marker, one space, content
_ITEM_ORDERED = re.compile(r"^(\d{1,9})([.)]) (?=[^ \t])")

_TEXT, _HEADING, _FENCE_OPEN, _RULE, _BULLET_ITEM, _ORDERED_ITEM = range(6)


def _kind(line: str):
    """What a non-blank line that starts at the margin is, or None if it takes more than the
    line to tell (or is not worth the trouble)."""
    first = line[0]
    if first in " \t><":
        return None  # indentation, block quotes, HTML
    if first == "#":
        return _HEADING if _ATX.match(line) else _TEXT
    if first in "`~":
        match = _FENCE.match(line)
        if match is None:
            return _TEXT
        return None if first == "`" and "`" in line[match.end() :] else _FENCE_OPEN
    if first in "-*_+=":
        if _RULE_OR_UNDERLINE.match(line):
            return _RULE if _HR.match(line) else None
        if first in "-*+" and _BULLET.match(line):
            return _BULLET_ITEM if _ITEM_BULLET.match(line) else None
        return _TEXT
    if first.isdigit() and _ORDERED.match(line):
        return _ORDERED_ITEM if _ITEM_ORDERED.match(line) else None
    return _TEXT


def _heading(line: str) -> tuple[int, str]:
    """Level and text of an ATX heading, closing ``#``s removed as markdown-it removes them."""
    level = len(line) - len(line.lstrip("#"))
    rest = line[level:]
    end = len(rest.rstrip(" \t"))
    start = end
    while start > 0 and rest[start - 1] == "#":
        start -= 1
    if start > 0 and rest[start - 1] in " \t":
        end = start
    return level, rest[:end].strip()


def heading_text(line: str) -> str:
    """The text of an ATX heading line that starts at its ``#``s, as markdown-it-py reads it."""
    return _heading(line)[1]


def simple_blocks(text: str, lines: list[str]) -> tuple[list[Block], set[int]] | None:
    """The level-0 blocks and the code lines of ``text`` (split into ``lines``, as
    document.split_lines splits) if it is written at the margin, or None."""
    if "\0" in text:
        return None  # markdown-it reads NUL as U+FFFD
    if lines and not text.endswith("\n") and not lines[-1].strip(" \t"):
        return None  # markdown-it does not count a last line of only spaces with no newline
    blocks: list[Block] = []
    code_lines: set[int] = set()
    count = len(lines)
    open_block: list | None = None  # [type, tag, start index, marker] of a paragraph or list
    blank_before = False  # a list has seen a blank line since its last item
    fence: tuple[str, int, int] | None = None  # (character, length, start index)

    def close(end: int) -> None:
        nonlocal open_block
        if open_block is not None:
            blocks.append((open_block[0], open_block[1], open_block[2] + 1, end, ""))
            open_block = None

    for index, line in enumerate(lines):
        if fence is not None:
            stripped = line.lstrip(" ")
            if len(line) - len(stripped) <= 3 and stripped[:1] == fence[0]:
                run = len(stripped) - len(stripped.lstrip(fence[0]))
                if run >= fence[1] and not stripped[run:].strip(" \t"):
                    blocks.append(("fence", "code", fence[2] + 1, index + 1, ""))
                    code_lines.update(range(fence[2] + 1, index + 2))
                    fence = None
            continue
        if not line.strip(" \t"):
            if open_block is not None and open_block[0] == "paragraph_open":
                close(index)
            elif open_block is not None:
                blank_before = True
            continue
        kind = _kind(line)
        if kind is None:
            return None
        in_paragraph = open_block is not None and open_block[0] == "paragraph_open"
        in_list = open_block is not None and not in_paragraph
        if kind == _TEXT:
            if in_list and blank_before:
                close(index)
            if open_block is None:
                open_block = ["paragraph_open", "p", index, None]
            continue  # a paragraph line, or a list item's lazy continuation
        if kind in (_BULLET_ITEM, _ORDERED_ITEM):
            match = (_ITEM_BULLET if kind == _BULLET_ITEM else _ITEM_ORDERED).match(line)
            marker = match.group(1) if kind == _BULLET_ITEM else match.group(2)
            if _kind(line[match.end() :]) != _TEXT:
                return None  # a heading, fence, rule or list inside the item
            if in_list:
                if open_block[3] != (kind, marker):
                    return None  # another marker starts another list: rare, left to markdown-it
                blank_before = False
                continue
            if in_paragraph and kind == _ORDERED_ITEM and int(match.group(1)) != 1:
                return None  # does not interrupt the paragraph: a lazy line
            close(index)
            tags = ("bullet_list_open", "ul") if kind == _BULLET_ITEM else ("ordered_list_open", "ol")
            open_block, blank_before = [*tags, index, (kind, marker)], False
            continue
        if kind == _RULE and in_paragraph:
            return None  # a setext underline, or a rule ending the paragraph
        # A list runs on over the blank lines after its last item, as markdown-it maps it.
        close(index)
        if kind == _HEADING:
            level, text = _heading(line)
            blocks.append(("heading_open", f"h{level}", index + 1, index + 1, text))
        elif kind == _RULE:
            blocks.append(("hr", "hr", index + 1, index + 1, ""))
        else:  # a fence opens
            marker = _FENCE.match(line).group(1)
            fence = (marker[0], len(marker), index)
    if fence is not None:  # never closed: code to the end
        blocks.append(("fence", "code", fence[2] + 1, count, ""))
        code_lines.update(range(fence[2] + 1, count + 1))
    close(count)
    return blocks, code_lines
