"""Metadata written other than as ``**Name**: value`` lines: YAML front matter, rows of a field
table, and (as near misses) plain ``Name: value`` lines; and a date that carries a time.

Each reader is plain string work over lines already split, and runs only when the document can
hold what it reads: the front-matter reader when the text starts with ``---``, the table reader
on lines that start with ``|``. What they return are :class:`~handoff_lint.parse.document.Field`
tuples whose ``form`` says how the field was written (``yaml``, ``table``, ``plain``).
"""

from __future__ import annotations

import re

from handoff_lint.parse.document import Field

FRONT_MATTER_LIMIT = 200  # lines: a `---` further down closes no front matter
# The first cell of a table's header row when the table is a field table (`| Field | Value |`).
_HEADER_WORDS = frozenset({"", "field", "fields", "name", "key", "property", "attribute", "item", "metadata", "meta"})
# A date with a time and a zone after it: `2026-12-04 14:30 UTC`, `2026-11-21T10:00:00Z`,
# `2026-11-23 09:15 +01:00`. Anchored at both ends, no nested quantifier: linear.
_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:T| +)\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
    r"(?: *(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}|\(?[A-Z]{2,5}[+-]?\d{0,2}\)?))?"
)


def date_part(value: str) -> str:
    """``'2026-12-04 14:30 UTC'`` -> ``'2026-12-04'``: a date that carries a time (and a zone) is
    read as its date; any other value is returned as it is (and validated as it is)."""
    value = value.strip()
    if len(value) > 10 and value[:4].isdigit():
        match = _DATE_TIME.fullmatch(value)
        if match is not None:
            return match.group(1)
    return value


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].replace('\\"', '"') if value[0] == '"' else value[1:-1].replace("''", "'")
    if " #" in value:  # a YAML comment after a plain value
        value = value.split(" #", 1)[0].rstrip()
    return value


def _flow(value: str) -> str:
    """``[a, b]`` (a YAML flow list) -> ``'a, b'``; any other value as it is."""
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_unquoted(part) for part in value[1:-1].split(",") if part.strip())
    return value


def front_matter(lines: list[str]) -> tuple[int, list[Field], tuple[str, int] | None] | None:
    """``(last line, fields, title)`` of the YAML front matter opening ``lines`` (a first line
    ``---``, closed by ``---`` or ``...``), or None. Top-level ``key: value`` pairs are fields;
    a key whose value is a list (``[a, b]`` or ``- item`` lines under it) or a block scalar
    (``|``, ``>``) has its items or lines joined; nested mappings are not fields. ``title``:
    (value, line) of a ``title:`` key, which is the document's title when it has no ``#`` one."""
    if not lines or lines[0].rstrip() != "---":
        return None
    end = 0
    for index in range(1, min(len(lines), FRONT_MATTER_LIMIT)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    if end == 0:
        return None
    fields: list[Field] = []
    title = None
    index = 1
    while index < end:
        line = lines[index]
        number = index + 1
        index += 1
        if not line.strip() or line[0] in " \t#-":
            continue  # blank, nested, a comment, or a list item of no key
        name, colon, rest = line.partition(":")
        name = name.strip()
        if not colon or not name or len(name) > 80 or (rest and rest[0] not in " \t"):
            continue
        value = rest.strip()
        column = len(line) - len(rest.lstrip()) + 1
        if value in ("", "|", ">", "|-", ">-", "|+", ">+"):
            scalar, parts = value != "", []
            while index < end and (not lines[index].strip() or lines[index][0] in " \t-"):
                item = lines[index].strip()
                index += 1
                if scalar:
                    parts.append(item)
                elif item.startswith("- "):
                    parts.append(_unquoted(item[2:]))
            value = (" " if scalar else ", ").join(part for part in parts if part)
        else:
            value = _flow(_unquoted(value))
        fields.append(Field(name, value, number, column, "yaml"))
        if name.casefold() == "title" and value:
            title = (value, number)
    return end + 1, fields, title


def table_row(line: str, number: int) -> Field | None:
    """The field in one row of a field table (``| **Date** | 2026-11-22 |``): the first cell is
    the name (bold, code or a trailing colon dropped), the second the value. A separator row
    (``|---|---|``) and a header row (``| Field | Value |``) are no field."""
    stripped = line.strip()
    if not stripped.startswith("|"):
        return None
    cells = _cells(stripped)
    if len(cells) < 2:
        return None
    name = cells[0][1].strip().strip("*_`").strip().rstrip(":").strip().strip("*_`").strip()
    if not name or set(name) <= set("-: ") or name.casefold() in _HEADER_WORDS:
        return None
    offset = len(line) - len(line.lstrip())
    value_start, value = cells[1]
    leading = len(value) - len(value.lstrip())
    return Field(name, value.strip().replace("\\|", "|"), number, offset + value_start + leading + 1, "table")


def _cells(row: str) -> list[tuple[int, str]]:
    """(start, text) of each cell of a table row, ``\\|`` kept inside a cell."""
    if "\\" not in row:  # no escape: every `|` ends a cell (str.split, not a Python step per character)
        cells, start = [], 1
        *whole, last = row[1:].split("|")
        for cell in whole:
            cells.append((start, cell))
            start += len(cell) + 1
        if last.strip():
            cells.append((start, last))
        return cells
    cells, start, index = [], 1, 1
    while index < len(row):
        char = row[index]
        if char == "\\":
            index += 2
            continue
        if char == "|":
            cells.append((start, row[start:index]))
            start = index + 1
        index += 1
    if start < len(row) and row[start:].strip():
        cells.append((start, row[start:]))
    return cells


def plain_field(line: str, number: int) -> tuple[str, str, int] | None:
    """``(name, value, value column)`` of a line written ``Name: value`` without bold (as a list
    item too), or None: what a near miss of a field looks like. Only asked for the names a
    document is missing."""
    stripped = line.lstrip()
    if stripped[:2] in ("- ", "* ", "+ "):
        stripped = stripped[2:].lstrip()
    if not stripped or stripped[0] in "#|>`*_[":
        return None
    name, colon, value = stripped.partition(":")
    if not colon or not name.strip() or len(name) > 60 or value[:2] == "//":
        return None
    column = len(line) - len(value.lstrip()) + 1
    return name.strip(), value.strip(), column
