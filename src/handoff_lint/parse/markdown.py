"""Markdown text -> :class:`Document`, with markdown-it-py's block parser.

Only block structure matters here (headings, paragraphs, lists, code, rules), so the inline
parser is switched off: it is most of markdown-it's cost and tells us nothing we use. A
``## Heading`` inside a code fence is code, not a section. Most documents skip markdown-it:
blocks.py reads the same blocks off their lines (headings, paragraphs, rules, fences, block
quotes, lists nested to any depth); the few it declines (HTML, tabs in an indent, setext
headings) are read by markdown-it-pyrs where it is installed (pyrs_blocks.py), else by
markdown-it-py.

This is the tool's one reader of code blocks (:func:`code_lines`): the structure checks, the
folder index's line scan and the suppression comments all ask it which lines are code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.parse.blocks import Block, simple_blocks
from handoff_lint.parse.document import Document, Field, Heading, split_lines
from handoff_lint.parse.fields import table_row
from handoff_lint.parse.names import normalise
from handoff_lint.parse.pyrs_blocks import pyrs_blocks

# `**Date**: 2026-11-02`, `**Date:** 2026-11-02`, optionally as a list item. The value's trailing
# space is stripped in code: `(?P<value>.*?)\s*$` backtracks quadratically over a long run of spaces.
FIELD_RE = re.compile(r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<name>[^*\n]+?)\*\*[ \t]*(?::[ \t]*)?(?P<value>.*)$")
_CODE_TYPES = frozenset({"fence", "code_block"})
_DASHES = frozenset({"- ", "– ", "— ", "-\t", "–\t", "—\t"})
# markdown-it keeps every token of a document: a million headings took minutes and gigabytes.
MAX_LINES = 20_000  # over this, a document's structure is not parsed (HL006)
MAX_CODE_LINES = 100_000  # over this, markdown-it is not asked which lines are code (about 2 s)


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


def _markdown_lines(text: str, lines: list[str]) -> tuple[str, list[str], tuple | None]:
    """``(text, lines, front matter)`` as the readers here read a document: the lines of YAML
    front matter (a first line ``---``, closed; see parse.fields.front_matter) blanked, for they
    are fields, not markdown; the text and lines as given when it has none."""
    if not text.startswith("---"):
        return text, lines, None
    from handoff_lint.parse.fields import front_matter

    front = front_matter(lines)
    if front is None:
        return text, lines, None
    blank = [""] * front[0] + lines[front[0] :]
    return "\n".join(blank) + ("\n" if text.endswith("\n") else ""), blank, front


def read_blocks(text: str, lines: list[str]) -> tuple[list[Block], set[int]]:
    """The level-0 blocks and the code lines of ``text`` (split into ``lines``): the line reader's
    when it can read the document, else markdown-it-pyrs' read as markdown-it-py's, else
    markdown-it-py's (the first two held equal to the last by tests/fuzz)."""
    found = simple_blocks(text, lines)
    if found is None:
        found = pyrs_blocks(text, lines)
    return found if found is not None else _markdown_blocks(text)


def code_lines(text: str, lines: list[str] | None = None) -> frozenset[int] | None:
    """The 1-based lines of ``text`` inside code blocks, fenced or indented, at any depth (in a
    list item, in a block quote), fence lines included, as markdown-it reads them (front matter
    is no markdown: see :func:`_markdown_lines`, as :func:`parse` reads it); None when the
    document is over :data:`MAX_CODE_LINES` lines and not plain enough for the line reader, so
    nobody can tell cheaply (callers decide what not knowing means for them)."""
    if "`" not in text and "~" not in text and "    " not in text and "\t" not in text:
        return frozenset()  # no fence, and no line indented 4 columns: a code block needs one
    lines = split_lines(text) if lines is None else lines
    text, lines, _front = _markdown_lines(text, lines)
    simple = simple_blocks(text, lines)
    if simple is None and len(lines) > MAX_CODE_LINES:
        return None
    return frozenset((simple or read_blocks(text, lines))[1])


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


def line_field(line_text: str, line: int) -> Field | None:
    """The field a line holds, as parse and the line scanner read it: a bold ``**Name**: value``
    line (:func:`field_at`), else a row of a field table, else None."""
    found = field_at(line_text, line) if "**" in line_text else None
    if found is None and "|" in line_text and line_text.lstrip()[:1] == "|":
        found = table_row(line_text, line)
    return found


def parse(text: str, status_field: str = "Handoff Status") -> Document:
    lines = split_lines(text)
    shown = lines
    text, lines, front = _markdown_lines(text, lines)
    blocks, code = read_blocks(text, lines)
    status_norm = normalise(status_field)

    doc = Document(lines=shown, code_lines=frozenset(code))
    doc.blocks = blocks
    heading_indexes = [i for i, block in enumerate(blocks) if block[0] == "heading_open" and block[1] == "h2"]
    first_section = heading_indexes[0] if heading_indexes else len(blocks)
    if front is not None:
        doc.front_matter_end = front[0]
        doc.all_fields.extend(front[1])

    for kind, tag, first, _last, content in blocks[:first_section]:
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
            if "**" in text_line or "|" in text_line:
                found = doc.line_fields[number] = line_field(text_line, number)
                if found is not None:
                    if found.form == "bold":  # what strict reads
                        (doc.fields if number < first_line else doc.trailer_fields).append(found)
                    doc.all_fields.append(found)

    doc.status_lines = {f.line for f in doc.trailer_fields if normalise(f.name) == status_norm}
    return doc
