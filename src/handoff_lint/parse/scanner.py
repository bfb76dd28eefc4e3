"""The line scanner: a document's title, fields and reference-section links, read line by line
(not by markdown-it), in one pass: what the folder index and the reference checks read.

Plain data (:class:`Scan`), so the cache can keep it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.parse.names import normalise

# Link text and target stop at the next bracket, so each `[` starts a bounded scan (linear on
# hostile lines such as `[x](<` repeated; tests/unit/test_regex_linear.py).
LINK_RE = re.compile(r"\[[^\[\]\n]*\]\(\s*<?(?P<target>[^()<>\[\]\s]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")


CODE_SPAN_RE = re.compile(r"`(?P<target>[^`\n]+)`")


# A handoff's file name written out, bare, as a response names its original in a metadata line
# (`**Original handoff**: handoff-2026-11-03-tag-log-levels.md`).
HANDOFF_NAME_RE = re.compile(r"(?<![\w/.-])handoff-\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*(?:\.md)?(?![\w/-])")


# The sections whose links and paths are references, by the schemas' names and x-aliases, in
# every shipped protocol's schemas (a team's own protocol reads its references under these too).
REFERENCE_SECTIONS = ("References/Links", "Reference to Original Handoff")


@lru_cache(maxsize=1)
def reference_names() -> tuple[frozenset[str], frozenset[str]]:
    """(sections whose links are references, fields that name the original handoff), normalised:
    References/Links and Reference to Original Handoff with their x-aliases, in each shipped
    schema; the fields are the responses' (`**Original handoff**:`, `**In response to**:`)."""
    from handoff_lint.data.schemas import SCHEMA_NAMES, load_schema

    sections, fields = set(), set()
    for schema_name in SCHEMA_NAMES:
        specs = load_schema(schema_name)["properties"]["sections"]["properties"]
        for section in REFERENCE_SECTIONS:
            if section not in specs:
                continue
            names = {normalise(name) for name in (section, *specs[section].get("x-aliases", ()))}
            sections |= names
            if "response" in schema_name:
                fields |= names
    return frozenset(sections), frozenset(fields)


class Reference(NamedTuple):  # a tuple: a warm run makes one per link of every cached scan
    target: str  # as written
    line: int
    column: int
    kind: str  # "link" or "code"


def link_stem(target: str) -> str:
    """The file name a link or path points at, without #fragment and .md: what names a handoff."""
    base = target.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return base[:-3] if base.endswith(".md") else base


class Scan:
    """What the line scanner reads from a document: plain data, so the cache can keep it.
    ``secrets``: (value, characters it may show) of the secrets the document's scan found, by
    which every string derived from the scan is shown (never kept in the cache)."""

    unreadable = False  # the document could not be read: neither done nor open (its HL0 finding says why)

    def __init__(
        self,
        title: str | None = None,
        fields: dict[str, tuple[str, int]] | None = None,
        references: list[Reference] | None = None,
        secrets: tuple = (),
    ) -> None:
        self.title = title
        self.fields = {} if fields is None else fields
        self.references = [] if references is None else references
        self.secrets = secrets

    def to_data(self) -> tuple:
        """Plain tuples, dicts and strings (what the cache stores; the secrets stay out)."""
        return (self.title, self.fields, tuple((r.target, r.line, r.column, r.kind) for r in self.references))

    @classmethod
    def from_data(cls, data, secrets: tuple = ()) -> Scan:
        title, fields, references = data
        return cls(title, dict(fields), [Reference(*r) for r in references], secrets)

    @classmethod
    def from_stored(cls, data) -> Scan | None:
        """:meth:`from_data` of what a cache kept (kept only for a text without secrets), or None
        if it is of another shape (then the scan is made again from the text)."""
        try:
            return cls.from_data(data)
        except (TypeError, ValueError):
            return None


def unreadable_scan() -> Scan:
    """The scan of a document that could not be read."""
    scan = Scan()
    scan.unreadable = True
    return scan


def scan_text(
    text: str, secrets: tuple | None = None, code: frozenset[int] | None = None, read: dict | None = None
) -> Scan:
    """Title, fields and reference-section links of a document, in one pass over its lines, and
    the document's secrets (``secrets`` if its credential scan is at hand, else scanned here).
    Fields are read as the structure check reads them: bold lines, rows of a field table, the
    keys of YAML front matter (read only when the text starts with ``---``), and a name in
    another language is also known by the protocol's name in its trailing parenthesis.
    ``code``: its code lines, if known (the parsed document's); else the parser's one reader of
    code blocks (parse.markdown.code_lines) is asked. A document too long for it to tell (over
    100,000 lines, and not plain) is read as if nothing were code: its structure is HL006 anyway.
    ``read``: the fields parse already read, by line (the parsed document's ``line_fields``):
    those lines are not read again."""
    # not at the top: a run answered by the cache scans nothing
    from handoff_lint.parse.document import split_lines
    from handoff_lint.parse.markdown import code_lines, line_field

    lines = split_lines(text)
    if secrets is None:
        secrets = tuple(values_at(lines, spans_of(hits_by_line(lines, text))))
    if code is None:
        code = code_lines(text, lines) or frozenset()
    result = Scan(secrets=secrets)
    section = ""
    reference_sections, reference_fields = reference_names()
    first, front_title = 0, None
    if text.startswith("---"):
        from handoff_lint.parse.fields import front_matter

        front = front_matter(lines)
        if front is not None:
            first = front[0]
            for found in front[1]:
                _add_field(result, found)
            front_title = front[2][0] if front[2] is not None else None
    for number, line in enumerate(lines[first:], start=first + 1):
        if number in code:
            continue
        if line.startswith("# ") and result.title is None:
            result.title = line[2:].strip()
            continue
        if line.startswith("## "):
            section = normalise(line[3:])
            continue
        names_original = False
        found = None
        if "**" in line or "|" in line:
            found = read[number] if read is not None and number in read else line_field(line, number)
        if found is not None:
            names_original = _add_field(result, found) in reference_fields  # `**Original handoff**: ...`
        if names_original or section in reference_sections:
            before = len(result.references)
            for match in LINK_RE.finditer(line):
                result.references.append(Reference(match.group("target"), number, match.start("target") + 1, "link"))
            for match in CODE_SPAN_RE.finditer(line):
                result.references.append(
                    Reference(match.group("target").strip(), number, match.start("target") + 1, "code")
                )
            if "handoff-" in line:  # a handoff named bare: pairs the response, is no path to check
                written = {link_stem(r.target) for r in result.references[before:]}
                for match in HANDOFF_NAME_RE.finditer(line):
                    if link_stem(match.group(0)) not in written:
                        result.references.append(Reference(match.group(0), number, match.start() + 1, "name"))
    if result.title is None:
        result.title = front_title
    return result


def _add_field(result: Scan, found) -> str:
    """Keep a field (the first of each name) under its normalised name, and under the name in its
    trailing parenthesis if it has one (``Übergabestatus (Handoff Status)``); returns the name."""
    name = normalise(found.name)
    result.fields.setdefault(name, (found.value, found.line))
    if found.name.endswith(")"):
        from handoff_lint.parse.names import parenthesised

        parts = parenthesised(found.name)
        if parts is not None:
            inner = normalise(parts[1])
            result.fields.setdefault(inner, (found.value, found.line))
            return inner
    return name
