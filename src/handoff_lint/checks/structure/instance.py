"""A document read into the JSON instance its schema validates: title, metadata, sections and
status, under the schema's own names, with the line of each part (for the findings)."""

from __future__ import annotations

import re

from handoff_lint.checks.structure.schema_names import _Names, _names
from handoff_lint.data.schemas import effective_schema
from handoff_lint.findings import Finding
from handoff_lint.model.status import status_meaning
from handoff_lint.parse import outline
from handoff_lint.parse.document import Document
from handoff_lint.parse.fields import date_part
from handoff_lint.parse.names import canonical_map, closest, normalise, parenthesised, undecorated

# Separators only: the parts are stripped, and a leading `\s*` made every space of a long run a
# new start that scanned the whole run again (quadratic).
_LIST_SPLIT = re.compile(r"[,/;+&|]|\band\b", re.IGNORECASE)


# A bold label opening a line or a list item: `**Work performed**: ...`, `**Constraints met.** ...`,
# `**Deliverables location:**`. The label is bounded and stops at the first `*`: linear.
_LABEL = re.compile(r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<name>[^*\n]{1,80})\*\*(?P<rest>.*)$")


_LABEL_PUNCTUATION = ":.-—– \t"


# An enumerated value's word and what follows it: `Medium`, `HIGH (blocks the release)`, `🔴 high - today`.
_ENUM_WORD = re.compile(r"[A-Za-z]+")


_DATE_PARTS = re.compile(r"[/.\-]")  # the separators of a date written otherwise (07/12/2026, 7.12.2026)


class DocumentReader:
    """Reads one document into its instance (:meth:`instance`). ``strict``: the template exactly
    (no aliases, bold-labelled sections, spelling or status synonyms, no reference by file name;
    metadata as bold lines, sections as ``##`` headings). ``own_statuses``: a team's status
    words. ``named_handoff``: the handoff a response's file name names, if any. ``schema_key``:
    the schema, as the arguments of ``data.schemas.effective_schema``."""

    def __init__(
        self,
        display: str,
        doc: Document,
        schema_key: tuple,
        strict: bool = False,
        own_statuses: tuple[str, ...] = (),
        named_handoff: str | None = None,
    ):
        self.display, self.doc, self.schema_key = display, doc, schema_key
        self.schema = effective_schema(*schema_key)
        self.strict, self.own_statuses, self.named_handoff = strict, own_statuses, named_handoff
        self.props = self.schema["properties"]
        self.names = _names(schema_key, strict)
        self.field_names, self.section_names, self.section_map = (
            self.names.fields,
            self.names.sections,
            self.names.section_map,
        )
        self.status_field = self.props.get("status", {}).get("x-field")
        self.lines: dict[tuple, int] = {}  # JSON path -> line
        self.columns: dict[tuple, int] = {}
        self.findings: list[Finding] = []
        self.explained: set[str] = set()  # missing names already explained by a near-miss finding
        self.last_line = max(1, len(doc.lines))
        self.nested: list = []  # known section names inside other sections (parse/outline.Nested)
        self.metadata_end = len(doc.lines) + 1  # the line where the metadata ends
        self.spans: dict[str, tuple[int, int]] = {}  # section -> (heading line, last body line)
        self.headings: dict[str, tuple[int, str]] = {}  # section -> (level, heading text) of its first heading

    def add(self, line: int, code: str, message: str, column: int = 1, expected: str = "", found: str = "") -> None:
        self.findings.append(
            Finding(
                self.display, min(max(1, line), self.last_line), column, code, message, expected=expected, found=found
            )
        )

    # -- names ----------------------------------------------------------------------------
    def section_key(self, text: str, strict: bool | None = None) -> str | None:
        """The schema's section a heading's words name: its words, an alias, or (not strict) the
        name in a trailing parenthesis (``Contexto (Context Summary)``) or before it (``Constraints
        Met (partially)``)."""
        return self._key(
            text,
            self.section_map if not (strict is False and self.strict) else self._loose().section_map,
            self.strict if strict is None else strict,
        )

    def field_key(self, name: str, strict: bool | None = None) -> str | None:
        """The schema's field (or the status field) a field's name names, read as section_key reads."""
        status = self.status_field
        mapping = self.names.field_map if not (strict is False and self.strict) else self._loose().field_map
        strict = self.strict if strict is None else strict
        if status and normalise(name) == normalise(status):
            return status
        key = self._key(name, mapping, strict)
        if key is None and status and not strict:
            parts = parenthesised(name)
            if parts and normalise(parts[1]) == normalise(status):
                return status
        return key

    @staticmethod
    def _key(text: str, mapping: dict[str, str], strict: bool) -> str | None:
        key = mapping.get(normalise(text))
        if key is None and not strict:
            parts = parenthesised(text)
            if parts is not None:
                key = mapping.get(normalise(parts[1])) or mapping.get(normalise(parts[0]))
        return key

    def _loose(self) -> _Names:
        """The names as the protocol's reading (not strict) has them: what strict's near misses
        are recognised by."""
        return _names(self.schema_key, False)

    # -- document -> instance -------------------------------------------------------------
    def instance(self) -> dict:
        doc, instance = self.doc, {}
        title_in_front = bool(doc.front_matter_end) and 0 < doc.title_line <= doc.front_matter_end
        if doc.title is not None and not (self.strict and title_in_front):
            instance["title"] = doc.title if self.strict else undecorated(doc.title)
            self.lines[("title",)] = doc.title_line
        status_norm = normalise(self.status_field) if self.status_field else None
        field_norms = {normalise(name) for name in self.field_names}
        if self.strict:
            sections = [(self.section_map.get(normalise(section.name)), section) for section in doc.sections]
            metadata_fields = doc.fields
            self.metadata_end = doc.sections[0].line if doc.sections else len(doc.lines) + 1
        else:
            sections, self.nested, self.metadata_end = outline.read(doc, self.section_key)
            metadata_fields = [field for field in doc.all_fields if field.line < self.metadata_end]
        metadata = {}
        for field in metadata_fields:
            key = self.field_key(field.name)
            norm = normalise(field.name)
            if key is not None and key == self.status_field:
                continue  # the status
            if key is None:
                if not self.strict and norm not in field_norms and norm in self.section_map:
                    continue  # a section written as a bold-labelled line (see _labelled)
                if field.form != "bold" and not closest(field.name, self.field_names):
                    continue  # a front-matter key or table row of the writer's own (tags, title): not metadata
            key = key or field.name
            if key in metadata:
                continue
            self.lines[("metadata", key)] = field.line
            self.columns[("metadata", key)] = field.value_column
            metadata[key] = self._value(key, field.value)
        instance["metadata"] = metadata
        found_sections: dict[str, str] = {}
        headings: dict[str, str] = {}  # the schema's name -> the first heading's normalised text
        for key, section in sections:
            key = key or section.name
            if key in found_sections:
                if headings[key] == normalise(section.name):
                    self.add(
                        section.line,
                        "HL108",
                        f"section '{key}' appears more than once (first at line {self.lines[('sections', key)]})",
                    )
                else:  # "Resource Requirements" and "Privacy Requirements": one section in two parts
                    found_sections[key] = f"{found_sections[key]}\n\n{section.body}".strip()
                    self.spans[key] = (self.spans[key][0], max(self.spans[key][1], section.end_line))
                continue
            found_sections[key] = section.body
            headings[key] = normalise(section.name)
            self.headings[key] = (section.level, section.name)
            self.lines[("sections", key)] = section.line
            self.spans[key] = (section.line, section.end_line)
        if not self.strict:
            for key, line, body in self._labelled(field_norms | ({status_norm} if status_norm else set())):
                if key in found_sections:
                    found_sections[key] = f"{found_sections[key]}\n\n{body}".strip()
                else:
                    found_sections[key] = body
                    self.lines[("sections", key)] = line
            reference = "Reference to Original Handoff"
            if self.named_handoff and reference in self.section_names and reference not in found_sections:
                found_sections[reference] = self.named_handoff  # the file name names it: the protocol asks no more
                self.lines[("sections", reference)] = self.doc.title_line or 1
        instance["sections"] = found_sections
        if self.status_field:
            if self.strict:
                status = doc.field_named(status_norm, doc.trailer_fields + doc.fields)
            else:
                candidates = [field for field in doc.all_fields if self.field_key(field.name) == self.status_field]
                status = candidates[-1] if candidates else None
            if status is not None:
                instance["status"] = self._status_value(status.value)
                self.lines[("status",)] = status.line
                self.columns[("status",)] = status.value_column
        return instance

    def _status_value(self, value: str) -> str:
        """The status as the schema spells it: the word of its enum that means what the written
        status means (by rules/lifecycle.toml's vocabulary: ``Ready`` is next-local's ``Ready for
        local model pickup`` and next-larger's ``Ready for pickup``); under strict, as written."""
        if self.strict:
            return value

        meaning = status_meaning(value, self.own_statuses)
        if meaning is None:
            return value
        return self.names.status_words.get(meaning, meaning)

    def _labelled(self, not_sections: set[str]) -> list[tuple[str, int, str]]:
        """Sections written as bold-labelled lines or paragraphs (``**Work performed**: ...``,
        ``**Constraints met.** ...``, ``**Deliverables location:**`` over a list): (the schema's
        name, line, body). The body is the rest of the line and the lines up to the next blank
        line, label or heading; a label alone on its line takes the block after it."""
        lines, code = self.doc.lines, self.doc.code_lines
        found = []
        resume = 0  # the lines before this index are a label's body
        for index in [index for index, text in enumerate(lines) if "**" in text]:
            number, text = index + 1, lines[index]
            if index < resume or number in code:
                continue
            match = _LABEL.match(text)
            if match is None:
                continue
            norm = normalise(match.group("name").strip().rstrip(_LABEL_PUNCTUATION))
            key = self.section_map.get(norm)
            if key is None or norm in not_sections:
                continue
            body = [match.group("rest").lstrip(_LABEL_PUNCTUATION + "*")]
            follow = number
            while follow < len(lines) and lines[follow].strip() and not self._opens_block(follow + 1):
                body.append(lines[follow])
                follow += 1
            if not "".join(body).strip():  # a label alone: the block after the blank lines
                while follow < len(lines) and not lines[follow].strip():
                    follow += 1
                while follow < len(lines) and lines[follow].strip() and not self._opens_block(follow + 1):
                    body.append(lines[follow])
                    follow += 1
            found.append((key, number, "\n".join(body).strip()))
            resume = follow
        return found

    def _opens_block(self, number: int) -> bool:
        """Does line ``number`` start a heading or another bold label?"""
        text = self.doc.lines[number - 1].lstrip()
        return (
            text.startswith("#")
            or (text.startswith("**") and _LABEL.match(self.doc.lines[number - 1]) is not None)
            or (
                text[:2] in ("- ", "* ", "+ ")
                and text[2:].lstrip().startswith("**")
                and _LABEL.match(self.doc.lines[number - 1]) is not None
            )
        )

    def _value(self, key: str, raw: str):
        """Split list-valued fields (Constraints under strict) and match their words to the
        schema's spelling; an enumerated field's word (Priority) matched case-insensitively,
        emoji and a trailing note dropped, and a spelling other than the template's a warning;
        a date that carries a time read as its date (not strict)."""
        spec = self.props["metadata"]["properties"].get(key, {})
        if spec.get("format") == "date" and not self.strict:
            return date_part(raw)
        if "enum" in spec and not self.strict:
            return self._enum_value(key, raw, spec["enum"])
        if spec.get("type") != "array":
            return raw
        allowed = canonical_map(spec.get("items", {}).get("enum", []))
        words = [part.strip() for part in _LIST_SPLIT.split(raw) if part.strip()]
        # "Privacy (air-gapped)" -> "Privacy"
        words = [_without_note(word) for word in words]
        return [allowed.get(normalise(word), word) for word in words]

    def _enum_value(self, key: str, raw: str, allowed: list) -> str:
        value = undecorated(raw)
        match = _ENUM_WORD.match(value)
        if match is None:
            return raw
        word, rest = match.group(0), value[match.end() :]
        canonical = canonical_map(allowed).get(normalise(word))
        note = rest.lstrip()
        if (
            canonical is None
            or (note and note[0] not in "(:,;-—–/")
            or (rest and note == rest and rest[0] not in "(:,;")
        ):
            return (
                raw  # `HIGH (blocks the release)`, `High - today`, `Low, no rush`: a note; `HIGH foo`: not a priority
            )
        if word != canonical:
            self.add(
                self.lines[("metadata", key)],
                "HL114",
                f"{key} {word!r} is written {canonical!r} in the template",
                self.columns[("metadata", key)],
                expected=f"**{key}**: {canonical}",
                found=f"**{key}**: {raw.strip()}",
            )
        return canonical


def _ambiguity(value: str) -> str:
    """`` (07 read as the day)`` for a date whose day and month could be either way round."""
    parts = [part for part in _DATE_PARTS.split(value.strip()) if part]
    if len(parts) == 3 and len(parts[2]) == 4 and all(part.isdigit() for part in parts[:2]):
        if int(parts[0]) <= 12 and int(parts[1]) <= 12 and parts[0] != parts[1]:
            return f" ({parts[0]} read as the day)"
    return ""


def _iso_date(value: str) -> str | None:
    """``value`` as a real date written YYYY-MM-DD, when it can be read as one: already so (a
    time after it dropped), ``2026/11/02``, ``22 November 2026``, or day, month and year
    (``07/12/2026``, ``7.12.2026``;
    a first number of 12 or less is read as the day, as most of the world writes it, unless the
    second is over 12). None if it cannot."""
    import datetime

    value = date_part(value)
    parts = [part for part in _DATE_PARTS.split(value) if part]
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        for form in ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y"):  # 22 November 2026
            try:
                return datetime.datetime.strptime(" ".join(value.split()), form).date().isoformat()
            except ValueError:
                continue
        return None
    numbers = [int(part) for part in parts]
    if len(parts[0]) == 4:
        year, month, day = numbers
    elif len(parts[2]) == 4:
        first, second, year = numbers
        day, month = (second, first) if second > 12 >= first else (first, second)
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _without_note(word: str) -> str:
    """``'Privacy (air-gapped)'`` -> ``'Privacy'``: a trailing parenthesised note is not the value.

    Plain string operations: the regex it replaces (``\\s*\\(.*\\)\\s*$``) was quadratic on a long
    run of spaces or of ``(``."""
    head, bracket, _rest = word.partition("(")
    if bracket and word.rstrip().endswith(")"):
        return head.rstrip() or word
    return word
