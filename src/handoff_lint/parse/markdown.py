"""Markdown text -> :class:`Document`, with markdown-it-py's block parser.

Only block structure matters here (headings, paragraphs, lists, code, rules), so the inline
parser is switched off: it is most of markdown-it's cost and tells us nothing we use. A
``## Heading`` inside a code fence is code, not a section. Documents written at the margin
only skip markdown-it: blocks.py reads the same blocks off their lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.parse.blocks import Block, simple_blocks
from handoff_lint.parse.document import Document, Field, Heading, split_lines
from handoff_lint.parse.names import normalise

# `**Date**: 2026-11-02`, `**Date:** 2026-11-02`, optionally as a list item. The value's trailing
# space is stripped in code: `(?P<value>.*?)\s*$` backtracks quadratically over a long run of spaces.
FIELD_RE = re.compile(r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<name>[^*\n]+?)\*\*[ \t]*(?::[ \t]*)?(?P<value>.*)$")
_CODE_TYPES = frozenset({"fence", "code_block"})
_DASHES = frozenset({"- ", "– ", "— ", "-\t", "–\t", "—\t"})


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    # Link reference definitions are not structure either; skipping them saves a fifth of parsing.
    return MarkdownIt("commonmark").disable(["inline", "text_join", "reference"])


def _markdown_blocks(text: str) -> tuple[list[Block], set[int]]:
    """markdown-it's level-0 blocks and the lines inside code blocks at any depth."""
    tokens = _markdown().parse(text)
    code_lines: set[int] = set()
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map[0] + 1, token.map[1]
        if token.type in _CODE_TYPES:
            code_lines.update(range(first, last + 1))
        if token.level == 0:
            content = tokens[index + 1].content if token.type == "heading_open" else ""
            blocks.append((token.type, token.tag, first, last, content))
    return blocks, code_lines


def field_at(line_text: str, line: int) -> Field | None:
    """The field on a line, or None. Callers test for '**' first: most lines have none, and the
    substring test is cheaper than this call."""
    match = FIELD_RE.match(line_text)
    if not match:
        return None
    name = match.group("name").strip()
    rest = line_text[match.end("name") + 2 :]
    if not name.endswith(":") and not rest.lstrip().startswith(":"):
        # `**Date** - 2026-11-21`: a dash for the colon (form "dash"; the structure check takes it
        # only under a name the schema knows); any other bold text is no field
        stripped = rest.lstrip(" \t")
        if stripped is rest or stripped[:2] not in _DASHES:
            return None
        value = stripped[2:].lstrip(" \t")
        return Field(name, value.rstrip(), line, len(line_text) - len(value) + 1, "dash")
    return Field(name.rstrip(":").strip(), match.group("value").rstrip(), line, match.start("value") + 1)


def parse(text: str, status_field: str = "Handoff Status") -> Document:
    lines = split_lines(text)
    front = None
    if text.startswith("---"):  # YAML front matter: its lines are fields, not markdown
        from handoff_lint.parse.fields import front_matter

        front = front_matter(lines)
    if front is not None:
        blank = [""] * front[0] + lines[front[0]:]
        text = "\n".join(blank) + ("\n" if text.endswith("\n") else "")
        lines, shown = blank, lines
    else:
        shown = lines
    simple = simple_blocks(text, lines)
    blocks, code_lines = simple if simple is not None else _markdown_blocks(text)
    status_norm = normalise(status_field)

    doc = Document(lines=shown, code_lines=frozenset(code_lines))
    doc.blocks = blocks
    heading_indexes = [i for i, block in enumerate(blocks) if block[0] == "heading_open" and block[1] == "h2"]
    first_section = heading_indexes[0] if heading_indexes else len(blocks)
    if front is not None:
        doc.front_matter_end = front[0]
        doc.all_fields.extend(front[1])

    for kind, tag, first, last, content in blocks[:first_section]:
        if kind == "heading_open" and tag == "h1" and doc.title is None:
            doc.title, doc.title_line, doc.title_level = content.strip(), first, 1
    if doc.title is None and front is not None and front[2] is not None:
        doc.title, doc.title_line = front[2]
    first_line = blocks[first_section][2] if heading_indexes else len(lines) + 1
    for index, (kind, tag, first, last, content) in enumerate(blocks):
        if kind == "heading_open":
            doc.headings.append(Heading(int(tag[1]), content.strip(), first, index))
            continue
        if kind not in ("paragraph_open", "bullet_list_open"):
            continue
        for number in range(first, min(last, len(lines)) + 1):
            text_line = lines[number - 1]
            if "**" in text_line:
                found = field_at(text_line, number)
                if found is not None:
                    if found.form == "bold":  # what strict reads
                        (doc.fields if number < first_line else doc.trailer_fields).append(found)
                    doc.all_fields.append(found)
                    continue
            if "|" in text_line and text_line.lstrip()[:1] == "|":
                from handoff_lint.parse.fields import table_row

                row = table_row(text_line, number)
                if row is not None:
                    doc.all_fields.append(row)

    doc.status_lines = {f.line for f in doc.trailer_fields if normalise(f.name) == status_norm}
    return doc
