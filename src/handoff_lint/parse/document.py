"""A parsed markdown document as the checks see it: plain data with 1-based line numbers."""

from __future__ import annotations

from typing import NamedTuple

from handoff_lint.parse.names import normalise


def split_lines(text: str) -> list[str]:
    """Lines of normalised text (no trailing empty line for a final newline)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class Field(NamedTuple):  # tuples, not frozen dataclasses: thousands per run, made 3x faster
    """A metadata field: a ``**Name**: value`` line (``form`` "bold", as a list item too), a row
    of a field table ("table"), a key of YAML front matter ("yaml"), or a ``Name: value`` line
    without bold ("plain", read only as a near miss)."""

    name: str
    value: str
    line: int
    value_column: int
    form: str = "bold"


class Section(NamedTuple):
    """A heading and what stands under it up to the next section (parse's own: each level-2
    heading; parse/outline.py's: the headings the outline keeps as sections, at any level)."""

    name: str
    line: int
    end_line: int  # last line of the body (inclusive); equals ``line`` for an empty section
    body: str  # the body's source text without rules (---) and the status line
    level: int = 2


class Heading(NamedTuple):
    """A heading of the document's outline (level 0 in markdown: not in a list or quote)."""

    level: int
    text: str
    line: int
    index: int  # its place in Document.blocks


class Document:
    """What parse.py reads from a text. A plain class: a dataclass cost every run 1.4 ms to define.

    ``fields``: the metadata, ``**Name**:`` lines before the first level-2 heading;
    ``trailer_fields``: those after it; ``all_fields``: every field in document order, the bold
    ones, the rows of field tables and the keys of YAML front matter; ``sections``: the level-2
    headings (what ``strict`` reads; parse/outline.py reads the outline); ``code_lines``: 1-based
    lines inside fenced or indented code blocks; ``front_matter_end``: the last line of YAML front
    matter (0: none); ``headings`` and ``blocks``: the outline and the level-0 blocks;
    ``line_fields``: the field (or None) parse.markdown.line_field read on each line it read
    that holds ``**`` or ``|``, so the line scanner need not read those lines again."""

    def __init__(self, lines: list[str], code_lines: frozenset[int] = frozenset()) -> None:
        self.lines = lines
        self.title: str | None = None
        self.title_line = 0
        self.title_level = 0
        self.fields: list[Field] = []
        self._sections: list[Section] | None = None
        self.trailer_fields: list[Field] = []
        self.all_fields: list[Field] = []
        self.code_lines = code_lines
        self.front_matter_end = 0
        self.headings: list[Heading] = []
        self.blocks: list = []
        self.status_lines: set[int] = set()
        self.line_fields: dict[int, Field | None] = {}  # what parse read on each line with ** or |

    @property
    def sections(self) -> list[Section]:
        """Each level-2 heading with what stands under it up to the next one (made when first
        asked: the protocol's reading asks the outline instead, parse/outline.py)."""
        if self._sections is None:
            h2 = [heading for heading in self.headings if heading.level == 2]
            self._sections = [
                self.section(
                    heading.text, heading, h2[position + 1].index if position + 1 < len(h2) else len(self.blocks)
                )
                for position, heading in enumerate(h2)
            ]
        return self._sections

    def section(self, name: str, heading: Heading, stop: int) -> Section:
        """The section under ``heading`` (named ``name``), up to block ``stop``: its body without
        rules (---) and status lines."""
        lines, blocks, status = self.lines, self.blocks, self.status_lines
        body_lines: list[str] = []
        end_line = heading.line
        for kind, _tag, first, last, _content in blocks[heading.index + 1 : stop]:
            if kind == "hr":
                continue
            last = min(last, len(lines))
            if first > last:
                continue
            if status and any(first <= number <= last for number in status):
                kept = [n for n in range(first, last + 1) if n not in status]
                if kept:
                    body_lines.extend(lines[n - 1] for n in kept)
                    end_line = max(end_line, kept[-1])
            else:  # no status line in the block (nearly every block): its lines as one slice
                body_lines.extend(lines[first - 1 : last])
                end_line = max(end_line, last)
        return Section(name.strip(), heading.line, end_line, "\n".join(body_lines).strip(), heading.level)

    def field_named(self, normalised_name: str, fields: list[Field] | None = None) -> Field | None:
        """The last field whose normalised name matches (``None`` if absent)."""
        matches = [
            f for f in (self.trailer_fields if fields is None else fields) if normalise(f.name) == normalised_name
        ]
        return matches[-1] if matches else None
