"""Level-0 blocks and code lines of a markdown document, read off its lines the way markdown-it-py
reads them, for the documents real writing produces: headings, paragraphs, rules, fences and
indented code, and lists nested to any depth with fences, code and lists inside their items.

markdown-it-py is the parser of record, and parsing was most of a cold run's time. This module
is a port of its block rules for that subset (``rules_block``: code, fence, hr, list, heading,
paragraph; its ``tokenize`` loop; the same state: each line's indent, the block indent, the list
indent, the parent type), keeping only what parse.py reads: the level-0 blocks' spans and the
lines inside code blocks at any depth. Whatever the subset does not cover makes
:func:`simple_blocks` answer ``None`` (block quotes, HTML, setext headings, tabs in an indent,
empty list items, NUL or CR, nesting past markdown-it's limit), and markdown-it-pyrs or
markdown-it-py parses the document. tests/fuzz/test_blocks_properties.py holds the two to the
same answer.
"""

from __future__ import annotations

import re

# (token type, tag, first line, last line, heading text): what parse.py reads of markdown-it's
# level-0 tokens; lines 1-based, last inclusive (markdown-it's ``map`` end).
Block = tuple[str, str, int, int, str]

# Anchored and matched at a position: no search from every position of a long line.
_ORDERED = re.compile(r"\d{1,9}[.)](?=[ \t]|$)")
_BULLET = re.compile(r"[-*+](?=[ \t]|$)")
_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
# The first characters of a line that may start a block other than a paragraph (or be a setext
# underline, or a block quote or HTML, which this reader declines): every other line is text.
_SPECIAL = frozenset("`~>*-_+#<=0123456789")
_DEEPEST = 6  # lists inside lists: markdown-it-py stops nesting at 20 token levels (2 per list)


class _Decline(Exception):
    """A construct this reader leaves to markdown-it."""


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
    document.split_lines splits) as markdown-it-py gives them, or None when this reader
    declines the document."""
    if "\0" in text or "\r" in text:
        return None  # markdown-it reads NUL as U+FFFD and CR as a line end
    if lines and not text.endswith("\n") and not lines[-1].strip(" \t"):
        return None  # markdown-it does not count a last line of only spaces with no newline
    try:
        reader = _Reader(lines, "\t" in text)
        reader.tokenize(0)
    except _Decline:
        return None
    return reader.blocks, reader.code


class _Reader:
    """markdown-it-py's block state for one document (``StateBlock``), over lines with no tab in
    their indent, so that a line's column and its string index are one number (``cols``)."""

    def __init__(self, lines: list[str], tabs: bool) -> None:
        self.lines = lines
        self.count = len(lines)
        stripped = [line.lstrip(" ") for line in lines]
        # markdown-it's sCount and tShift in one: where each line's text starts
        self.cols = [len(line) - len(rest) for line, rest in zip(lines, stripped, strict=True)]
        self.empty = [not rest.strip(" \t") for rest in stripped]
        if tabs and any(rest[:1] == "\t" and not blank for rest, blank in zip(stripped, self.empty, strict=True)):
            raise _Decline  # a tab in an indent: columns and string indexes part ways
        self.blk = 0  # blkIndent
        self.list_indent = -1  # listIndent
        self.parent = "root"  # parentType
        self.depth = 0  # lists open around the current line
        self.line = 0
        self.blocks: list[Block] = []
        self.code: set[int] = set()

    def tokenize(self, line: int) -> None:
        """markdown-it's ``tokenize`` from ``line`` to the end, at the current block indent."""
        empty, cols, count = self.empty, self.cols, self.count
        while line < count:
            while line < count and empty[line]:
                line += 1
            self.line = line
            if line >= count or cols[line] < self.blk:
                break
            self._block(line)
            line = self.line
            if line < count and empty[line]:
                line += 1
                self.line = line

    def _emit(self, kind: str, tag: str, first: int, last: int, content: str = "") -> None:
        if self.depth == 0:
            self.blocks.append((kind, tag, first + 1, last, content))

    def _block(self, line: int) -> None:
        """The first rule that takes ``line`` (markdown-it's order), which moves ``self.line``."""
        text, at = self.lines[line], self.cols[line]
        if at - self.blk >= 4:
            return self._code(line)
        first = text[at]
        if first in _SPECIAL:
            if first in "`~" and self._fence(line, silent=False):
                return None
            if first == ">":
                return self._quote(line)
            if first == "<":
                raise _Decline  # perhaps an HTML block
            if first in "*-_" and self._hr(line):
                self.line = line + 1
                return self._emit("hr", "hr", line, line + 1)
            if first in "*-+0123456789" and self._list(line, silent=False):
                return None
            if first == "#" and _HEADING.match(text, at):
                self.line = line + 1
                level, content = _heading(text[at:])
                return self._emit("heading_open", f"h{level}", line, line + 1, content)
        return self._paragraph(line)

    def _code(self, line: int) -> None:
        last = following = line + 1
        while following < self.count:
            if self.empty[following]:
                following += 1
            elif self.cols[following] - self.blk >= 4:
                following += 1
                last = following
            else:
                break
        self.line = last
        self.code.update(range(line + 1, last + 1))
        self._emit("code_block", "code", line, last)

    def _fence(self, line: int, silent: bool) -> bool:
        text, at = self.lines[line], self.cols[line]
        if at - self.blk >= 4 or at + 3 > len(text):
            return False
        marker = text[at]
        end = at
        while end < len(text) and text[end] == marker:
            end += 1
        length = end - at
        if length < 3 or (marker == "`" and "`" in text[end:]):
            return False
        if silent:
            return True
        closed = False
        following = line
        while True:
            following += 1
            if following >= self.count:
                break
            other, start = self.lines[following], self.cols[following]
            if self.empty[following]:
                continue
            if self.cols[following] < self.blk:
                break  # a line indented less than the block ends a fence in a list item
            if other[start] != marker or start - self.blk >= 4:
                continue
            run = start
            while run < len(other) and other[run] == marker:
                run += 1
            if run - start >= length and not other[run:].strip(" \t"):
                closed = True
                break
        self.line = following + closed
        self.code.update(range(line + 1, self.line + 1))
        self._emit("fence", "code", line, self.line)
        return True

    def _quote(self, line: int) -> None:
        """A block quote at the top level whose lines all start with ``>`` and that holds no code:
        its span, as markdown-it maps it (to the blank line after it, or a line after a ``>``
        with nothing on it). Lazy lines, code and quotes in list items are left to markdown-it."""
        if self.depth or self.blk:
            raise _Decline
        following, last_empty = line, False
        while following < self.count and not self.empty[following]:
            text = self.lines[following]
            at = self.cols[following]
            if text[at] != ">":
                if last_empty:
                    break
                raise _Decline  # a lazy line, or a block that ends the quote
            content = text[at:]
            while content[:1] == ">":
                content = content[2:] if content[1:2] == " " else content[1:]
            if "\t" in text or content.startswith("    ") or content.lstrip(" ")[:3] in ("```", "~~~"):
                raise _Decline  # code, perhaps, inside the quote
            empty = not content.strip(" ")
            if empty and (last_empty or following == line):
                raise _Decline  # markdown-it maps the quote over the blank lines after such a run
            last_empty = empty
            following += 1
        self.line = following
        self._emit("blockquote_open", "blockquote", line, following)

    def _hr(self, line: int) -> bool:
        text, at = self.lines[line], self.cols[line]
        if at - self.blk >= 4:
            return False
        marker = text[at]
        rest = text[at:]
        if rest[1:].lstrip(" \t")[:1] != marker:
            return False  # a list item's text, mostly: no second marker
        return rest.count(marker) >= 3 and not rest.replace(marker, "").strip(" \t")

    def _underline(self, line: int) -> bool:
        """Would markdown-it's lheading take ``line`` as a setext underline?"""
        text, at = self.lines[line], self.cols[line]
        marker = text[at]
        return marker in "-=" and not text[at:].lstrip(marker).strip(" \t")

    def _terminates_paragraph(self, line: int) -> bool:
        """markdown-it's paragraph terminators (fence, block quote, hr, list, HTML, heading) in
        their silent mode on ``line``."""
        text, at = self.lines[line], self.cols[line]
        first = text[at]
        if first not in _SPECIAL:
            return False
        if first == "<":
            raise _Decline  # perhaps an HTML block
        if first == ">":
            return True
        if first in "`~":
            return self._fence(line, silent=True)
        if first in "*-_" and self._hr(line):
            return True
        if first in "*-+0123456789" and self._list(line, silent=True):
            return True
        return first == "#" and _HEADING.match(text, at) is not None and at - self.blk < 4

    def _paragraph(self, line: int) -> None:
        following = line + 1
        empty, cols, blk = self.empty, self.cols, self.blk
        old_parent, self.parent = self.parent, "paragraph"
        while following < self.count and not empty[following]:
            indent = cols[following] - blk
            if indent > 3:
                following += 1
                continue
            if indent >= 0 and self._underline(following):
                raise _Decline  # a setext heading (markdown-it's lheading runs before the paragraph)
            if self._terminates_paragraph(following):
                break
            following += 1
        self.parent = old_parent
        self.line = following
        self._emit("paragraph_open", "p", line, following)

    def _list(self, line: int, silent: bool) -> bool:
        """markdown-it's ``list_block``: in silent mode, whether a list starts at ``line``;
        else the whole list, each item's content read by :meth:`tokenize` at its indent."""
        text, at, blk = self.lines[line], self.cols[line], self.blk
        if at - blk >= 4:
            return False
        if self.list_indent >= 0 and at - self.list_indent >= 4 and at < blk:
            return False
        terminating = silent and self.parent == "paragraph" and at >= blk
        match = _ORDERED.match(text, at)
        ordered = match is not None
        if ordered:
            if terminating and int(match.group()[:-1]) != 1:
                return False
        else:
            match = _BULLET.match(text, at)
            if match is None:
                return False
        after = match.end()
        if terminating and not text[after:].strip(" \t"):
            return False
        if silent:
            return True
        if self.depth >= _DEEPEST:
            raise _Decline
        marker = text[after - 1]
        first = line
        old_parent, self.parent = self.parent, "list"
        self.depth += 1
        while True:
            text = self.lines[line]
            content = after
            while content < len(text) and text[content] == " ":
                content += 1
            if content >= len(text) or text[content] == "\t" or content - after > 4:
                raise _Decline  # an empty item, a tab, or code right after the marker
            old_list_indent, self.list_indent = self.list_indent, self.blk
            old_col, self.cols[line] = self.cols[line], content
            self.blk = content
            self.tokenize(line)
            self.blk, self.list_indent = self.list_indent, old_list_indent
            self.cols[line] = old_col
            line = self.line
            if line >= self.count or self.cols[line] < self.blk or self.cols[line] - self.blk >= 4:
                break
            if self._ends_list(line):
                break
            match = (_ORDERED if ordered else _BULLET).match(self.lines[line], self.cols[line])
            if match is None or self.lines[line][match.end() - 1] != marker:
                break
            after = match.end()
        self.depth -= 1
        self.parent = old_parent
        self.line = line
        tags = ("ordered_list_open", "ol") if ordered else ("bullet_list_open", "ul")
        self._emit(*tags, first, line)
        return True

    def _ends_list(self, line: int) -> bool:
        """markdown-it's list terminators (fence, block quote, hr) on ``line``, silent."""
        first = self.lines[line][self.cols[line]]
        return first == ">" or (first in "`~" and self._fence(line, silent=True)) or (first in "*-_" and self._hr(line))
