"""HL1xx: a document's structure, validated against its JSON Schema with errors mapped to lines.

The document becomes a JSON instance ``{"title", "metadata", "sections", "status"}`` whose keys
use the schema's own spelling of each name, so the schema (of the protocol the document's folder
follows: next-local, next-larger or a team's own) is the one source of the section and field
names. The document is read by what it means: its metadata is whatever carries the fields (bold
lines, list items, a field table, YAML front matter); a heading names a section by its words, an
alias, or the protocol's name in parentheses after words in another language, at whatever level
the outline keeps it a section (parse/outline.py); a trailing parenthetical qualifier does not
change a name; a date may carry a time. ``strict = true`` reads the template's exact form only.
Each jsonschema error's path is mapped back to the line that is wrong, or for a missing part to
the line where it belongs; a near miss (the part written otherwise, where strict or the protocol
does not read it) names what it found and where, and its value is checked even so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.config import Config
from handoff_lint.model.kinds import EXAMPLE, HANDOFF, RESPONSE, TEMPLATE, protocol_of
from handoff_lint.parse.document import Document, Field
from handoff_lint.parse.markdown import MAX_LINES  # HL006
from handoff_lint.findings import Finding
from handoff_lint.parse.names import canonical_map, closest, normalise, parenthesised, undecorated
from handoff_lint.data.schemas import aliases_in, effective_schema, names_in, quick_validator, validator
from handoff_lint.model.source import Source

KINDS = frozenset({HANDOFF, RESPONSE, EXAMPLE, TEMPLATE})
# The configuration's extra-sections table, by document kind (whatever the protocol).
EXTRA_SECTIONS_FOR_KIND = {HANDOFF: "handoff", EXAMPLE: "handoff", TEMPLATE: "handoff", RESPONSE: "response"}
# The template is checked for its shape only: its values are placeholders by design. HL103 and
# HL111 are the findings on the values of TEMPLATE_FREE (see _Checker._invalid), so a template
# valid against the schema without those values' rules needs no jsonschema.
TEMPLATE_SKIPS = frozenset({"HL103", "HL111", "HL112"})
TEMPLATE_FREE = ("metadata", "status")
# Separators only: the parts are stripped, and a leading `\s*` made every space of a long run a
# new start that scanned the whole run again (quadratic).
_LIST_SPLIT = re.compile(r"[,/;+&|]|\band\b", re.IGNORECASE)
# A code span: a whole backtick run, text without backticks, a run of the same length. The
# lookarounds make each run a start once; `(`+)[^`\n]*?\1` was quadratic on a long run.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)[^`\n]*?(?<!`)\1(?!`)")
# A bold label opening a line or a list item: `**Work performed**: ...`, `**Constraints met.** ...`,
# `**Deliverables location:**`. The label is bounded and stops at the first `*`: linear.
_LABEL = re.compile(r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<name>[^*\n]{1,80})\*\*(?P<rest>.*)$")
_LABEL_PUNCTUATION = ":.-—– \t"
# An enumerated value's word and what follows it: `Medium`, `HIGH (blocks the release)`, `🔴 high - today`.
_ENUM_WORD = re.compile(r"[A-Za-z]+")
_DATE_PARTS = re.compile(r"[/.\-]")  # the separators of a date written otherwise (07/12/2026, 7.12.2026)


def check(source: Source, config: Config) -> list[Finding]:
    schema_name = protocol_of(source.file.root, config).schema_for(source.kind)
    if not source.text.strip():
        return [Finding(source.display, 1, 1, "HL100", f"{source.kind} document is empty")]
    if len(source.lines) > MAX_LINES:  # markdown-it's tokens for a million headings: minutes, gigabytes
        return [Finding(source.display, 1, 1, "HL006", f"{len(source.lines):,} lines, over the {MAX_LINES:,}-line limit for structure checks; structure not checked")]
    doc = source.document
    strict = bool(getattr(config, "strict", False))
    extras = (
        tuple(word for folder in ("active", "archive") for word in config.status_words.get(folder, ())),
        tuple(config.extra_sections.get(EXTRA_SECTIONS_FOR_KIND[source.kind], ())),
    )
    checker = _Checker(source.display, doc, effective_schema(schema_name, *extras, strict), strict, extras[0], _handoff_in_name(source))
    quick = quick_validator(schema_name, *extras, TEMPLATE_FREE if source.kind == TEMPLATE else (), strict)
    findings = checker.run(lambda: validator(schema_name, *extras, strict), quick)
    if source.kind == TEMPLATE:
        return [f for f in findings if f.code not in TEMPLATE_SKIPS]
    findings += placeholders(source.display, doc)
    findings += checker.boilerplate()
    placeholder_lines = {f.line for f in findings if f.code == "HL112"}
    # A placeholder explains why the value on its line is invalid: say it once.
    return [f for f in findings if not (f.code == "HL103" and f.line in placeholder_lines)]


@lru_cache(maxsize=1)
def _placeholder_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    from handoff_lint.data.rules_data import load_table

    return tuple((entry["name"], re.compile(entry["pattern"])) for entry in load_table("placeholders")["placeholder"])


def _handoff_in_name(source: Source) -> str | None:
    """A response's original handoff as its file name gives it (YYYY-MM-DD-response-to-<handoff>.md)."""
    if source.kind != RESPONSE:
        return None
    from handoff_lint.model.names import file_name
    from handoff_lint.model.status import tables

    _table, names = tables()
    match = names["response-to"].match(file_name(str(source.file.path)))
    return match.group("target") if match else None


def placeholders(display: str, doc: Document) -> list[Finding]:
    """HL112 for the template's placeholders (rules/placeholders.toml). In YAML front matter a
    bracketed list with a comma (``tags: [search, privacy]``) is a list, not a placeholder."""
    found = []
    for number, text in enumerate(doc.lines, start=1):
        if number in doc.code_lines or ("[" not in text and "YYYY" not in text):
            continue
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)
        in_front = number <= doc.front_matter_end
        for _name, pattern in _placeholder_patterns():
            for match in pattern.finditer(text):
                if in_front and "," in match.group(0):
                    continue
                found.append(
                    Finding(display, number, match.start() + 1, "HL112", f"template placeholder {match.group(0)!r} left in the document")
                )
    return found



class _Names(NamedTuple):
    """What a schema names, worked out once per schema (not once per document)."""

    fields: list[str]  # metadata field names, in template order
    sections: list[str]  # section names, in template order
    section_map: dict[str, str]  # normalised name or alias -> the schema's section name
    field_map: dict[str, str]  # normalised name or alias -> the schema's field name
    boilerplate: dict[str, frozenset[str]]  # section -> the template's own lines (normalised)
    status_words: dict[str, str]  # the status a word means (model.status.status_meaning) -> the schema's word


_NAMES: dict[tuple[int, bool], tuple[dict, _Names]] = {}


def _names(schema: dict, strict: bool) -> _Names:
    """The schema's names (see :class:`_Names`), keyed by the schema object."""
    key = (id(schema), strict)
    found = _NAMES.get(key)
    if found is None or found[0] is not schema:
        sections = names_in(schema, "sections")
        section_map = canonical_map(sections)
        fields = names_in(schema, "metadata")
        field_map = canonical_map(fields)
        if not strict:
            section_map = {**{normalise(alias): name for alias, name in aliases_in(schema, "sections").items()}, **section_map}
            field_map = {
                **{normalise(alias): name for alias, name in aliases_in(schema, "metadata").items()},
                **field_map,
            }
        specs = schema["properties"].get("sections", {}).get("properties", {})
        boilerplate = {name: frozenset(_line_key(line) for line in spec.get("x-boilerplate", ()))
                       for name, spec in specs.items() if isinstance(spec, dict) and spec.get("x-boilerplate")}
        status_words: dict[str, str] = {}
        if "status" in schema["properties"]:
            from handoff_lint.model.status import status_meaning

            for word in schema["properties"]["status"].get("enum", ()):
                status_words.setdefault(status_meaning(word) or word, word)
        found = _NAMES[key] = (schema, _Names(fields, sections, section_map, field_map, boilerplate, status_words))
    return found[1]


def _line_key(text: str) -> str:
    """A list item's text as the template's boilerplate is compared: case, spacing, a trailing
    colon or full stop and the protocol's "(if any)" asides dropped."""
    return normalise(text.strip().rstrip(".:").strip())


class _Checker:
    """``strict``: the template exactly (no aliases, bold-labelled sections, spelling or status
    synonyms, no reference by file name; metadata as bold lines, sections as ``##`` headings).
    ``own_statuses``: a team's status words. ``named_handoff``: the handoff a response's file
    name names, if any."""

    def __init__(self, display: str, doc: Document, schema: dict, strict: bool = False, own_statuses: tuple[str, ...] = (), named_handoff: str | None = None):
        self.display, self.doc, self.schema = display, doc, schema
        self.strict, self.own_statuses, self.named_handoff = strict, own_statuses, named_handoff
        self.props = schema["properties"]
        self.names = _names(schema, strict)
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
        return self._key(text, self.section_map if not (strict is False and self.strict) else self._loose().section_map,
                         self.strict if strict is None else strict)

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
        return _names(self.schema, False)

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
            from handoff_lint.parse import outline

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
                    self.add(section.line, "HL108", f"section '{key}' appears more than once (first at line {self.lines[('sections', key)]})")
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
        from handoff_lint.model.status import status_meaning

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
        number = 0
        while number < len(lines):
            number += 1
            text = lines[number - 1]
            if "**" not in text or number in code:
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
            number = follow
        return found

    def _opens_block(self, number: int) -> bool:
        """Does line ``number`` start a heading or another bold label?"""
        text = self.doc.lines[number - 1].lstrip()
        return text.startswith("#") or (text.startswith("**") and _LABEL.match(self.doc.lines[number - 1]) is not None) or (
            text[:2] in ("- ", "* ", "+ ") and text[2:].lstrip().startswith("**") and _LABEL.match(self.doc.lines[number - 1]) is not None)

    def _value(self, key: str, raw: str):
        """Split list-valued fields (Constraints under strict) and match their words to the
        schema's spelling; an enumerated field's word (Priority) matched case-insensitively,
        emoji and a trailing note dropped, and a spelling other than the template's a warning;
        a date that carries a time read as its date (not strict)."""
        spec = self.props["metadata"]["properties"].get(key, {})
        if spec.get("format") == "date" and not self.strict:
            from handoff_lint.parse.fields import date_part

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
        word, rest = match.group(0), value[match.end():]
        canonical = canonical_map(allowed).get(normalise(word))
        note = rest.lstrip()
        if canonical is None or (note and note[0] not in "(:,;-—–/") or (rest and note == rest and rest[0] not in "(:,;"):
            return raw  # `HIGH (blocks the release)`, `High - today`, `Low, no rush`: a note; `HIGH foo`: not a priority
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

    # -- near misses: a part the reading does not take, written nearby ------------------------
    def _found_elsewhere(self, instance: dict) -> None:
        """Required fields, the status and required sections the document has but not in a form
        the reading takes: each is one finding that names what was found and where and what to
        write, and (fields and status) its value is checked even so."""
        metadata = instance["metadata"]
        for name in self.props.get("metadata", {}).get("required", []):
            if name in metadata or name in self.explained:
                continue
            hit = self._field_near_miss(name, before=self.metadata_end)
            if hit is None:
                continue
            value, line, column, how, written = hit
            metadata[name] = self._value(name, value)
            self.lines[("metadata", name)], self.columns[("metadata", name)] = line, column
            suggestion, note = self._suggestion(name, value)
            expected = f"**{name}**: {suggestion}"
            self.add(
                line,
                "HL102",
                f"missing metadata field '**{name}**:': {how}; write '{expected}'{note}",
                expected=expected,
                found=written,
            )
            self.explained.add(name)
        if (
            self.status_field
            and "status" not in instance
            and "status" in self.props
            and "status" in self.schema.get("required", ())
        ):
            hit = self._field_near_miss(self.status_field, before=len(self.doc.lines) + 1, last=True)
            if hit is not None:
                value, line, column, how, written = hit
                instance["status"] = self._status_value(value)
                self.lines[("status",)], self.columns[("status",)] = line, column
                expected = f"**{self.status_field}**: {value.strip() or '<status>'}"
                self.add(
                    line,
                    "HL110",
                    f"missing closing line '**{self.status_field}**: <status>': {how}; write '{expected}'",
                    expected=expected,
                    found=written,
                )
                self.explained.add("status")
        sections = instance["sections"]
        required = self.props.get("sections", {}).get("required", [])
        for name in required:
            if name in sections or name in self.explained:
                continue
            hit = self._section_near_miss(name)
            if hit is not None:
                line, message, expected, written = hit
                self.add(
                    line, "HL105", f"missing required section '## {name}': {message}", expected=expected, found=written
                )
                self.explained.add(name)

    def _field_near_miss(self, name: str, before: int, last: bool = False) -> tuple[str, int, int, str, str] | None:
        """(value, line, value column, how it was written, the line as written) of field ``name``
        written where the reading does not take it: without bold (``Date: ...``), or under
        strict in front matter, a table or another language's name."""
        doc = self.doc
        hits = []
        if self.strict:
            for field in doc.all_fields:
                if (
                    field.line < before
                    and self.field_key(field.name, strict=False) == name
                    and (field.form != "bold" or self.field_key(field.name) != name)
                ):
                    where = {
                        "yaml": "in the front matter",
                        "table": "in a table",
                        "dash": "with a dash for the colon",
                    }.get(field.form, "under another name")
                    hits.append(
                        (
                            field.value,
                            field.line,
                            field.value_column,
                            f"'{field.name}' found at {field.line}:{self._name_column(field.line, field.name)} {where}",
                            doc.lines[field.line - 1].strip(),
                        )
                    )
        if not hits:
            from handoff_lint.parse.fields import plain_field

            code, front = doc.code_lines, doc.front_matter_end
            for number in range(front + 1, min(before, len(doc.lines) + 1)):
                text = doc.lines[number - 1]
                if ":" not in text or "**" in text or number in code:
                    continue
                found = plain_field(text, number)
                if found is None or self.field_key(found[0], strict=False) != name:
                    continue
                hits.append(
                    (
                        found[1],
                        number,
                        found[2],
                        f"'{found[0]}:' found at {number}:{self._name_column(number, found[0])} without bold",
                        text.strip(),
                    )
                )
        if not hits:
            return None
        return hits[-1] if last else hits[0]

    def _name_column(self, line: int, name: str) -> int:
        return self.doc.lines[line - 1].find(name) + 1 or 1

    def _section_near_miss(self, name: str) -> tuple[int, str, str, str] | None:
        """(line, what was found, expected, found) for a required section the document has one
        level deeper than its siblings, or (under strict) in a form strict does not read."""
        for nested in self.nested:
            if nested.key == name:
                heading = nested.heading
                written = f"{'#' * heading.level} {heading.text}"
                siblings = {level for level, _text in self.headings.values()} or {heading.level - 1}
                depth = "one level" if heading.level - min(siblings) == 1 else f"{heading.level - min(siblings)} levels"
                parent = f"{'#' * nested.parent.level} {nested.parent.text}"
                return (
                    heading.line,
                    f"'{written}' found at {heading.line}:1, {depth} deeper than its siblings, inside '{parent}'; "
                    f"write '{'#' * min(siblings)} {name}'",
                    f"{'#' * min(siblings)} {name}",
                    written,
                )
        if self.strict:
            for heading in self.doc.headings:
                if heading.line != self.doc.title_line and self.section_key(heading.text, strict=False) == name:
                    written = f"{'#' * heading.level} {heading.text}"
                    return (
                        heading.line,
                        f"'{written}' found at {heading.line}:1; strict = true reads only '## {name}'",
                        f"## {name}",
                        written,
                    )
        return None

    def _suggestion(self, name: str, value: str) -> tuple[str, str]:
        """The value to write for a field found as a near miss (a date as YYYY-MM-DD when it can
        be read as one; otherwise the value as found), and a note when that reading was a guess."""
        spec = self.props["metadata"]["properties"].get(name, {})
        value = value.strip()
        if spec.get("format") == "date":
            date = _iso_date(value)
            if date is None:
                return "YYYY-MM-DD", ""
            return date, _ambiguity(value)
        return value or f"<{name.lower()}>", ""

    # -- template boilerplate ----------------------------------------------------------------
    def boilerplate(self) -> list[Finding]:
        """HL112 for the template's own unbracketed lines (the schema's ``x-boilerplate`` of a
        section: ``- What's been done``) left as list items, unchanged, in that section. A line
        with sub-items under it is a label that was filled in, not boilerplate."""
        found: list[Finding] = []
        lines, code = self.doc.lines, self.doc.code_lines
        for name, template_lines in self.names.boilerplate.items():
            span = self.spans.get(name)
            if span is None:
                continue
            for number in range(span[0] + 1, span[1] + 1):
                text = lines[number - 1]
                stripped = text.lstrip()
                if number in code or stripped[:2] not in ("- ", "* ", "+ "):
                    continue
                item = stripped[2:].strip()
                if _line_key(item) not in template_lines:
                    continue
                following = lines[number] if number < len(lines) else ""
                if following.strip() and len(following) - len(following.lstrip()) > len(text) - len(stripped):
                    continue  # a label with its own items under it
                column = len(text) - len(stripped) + 3
                found.append(
                    Finding(
                        self.display,
                        number,
                        column,
                        "HL112",
                        f"template text {item!r} left unchanged in '{name}'; replace it with what it asks for",
                        found=item,
                    )
                )
        return found

    # -- checks -------------------------------------------------------------------------
    def run(self, full, quick=None) -> list[Finding]:
        """``full()``: the jsonschema validator; ``quick``: a yes/no check asked first, so that a
        valid document never pays for (or imports) jsonschema."""
        instance = self.instance()
        self._near_misses(instance)
        self._found_elsewhere(instance)
        seen_required: set[tuple] = set()
        errors = [] if quick is not None and quick(instance) else full().iter_errors(instance)
        for error in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
            path = tuple(error.absolute_path)
            if error.validator == "required":
                if path not in seen_required:
                    seen_required.add(path)
                    for name in error.validator_value:
                        if name not in error.instance:
                            self._missing(path, name, instance)
            elif error.validator == "additionalProperties":
                for name in error.instance:
                    if name not in error.schema.get("properties", {}):
                        self._unknown_field(path, name)
            else:
                self._invalid(path, error)
        self._order(instance)
        return self.findings

    def _near_misses(self, instance: dict) -> None:
        """A name that almost matches a known one is reported once, as a probable typo, with the
        protocol's own name as the hint (not an alias); the missing-field or missing-section
        finding it explains is not repeated."""
        for name in instance["metadata"]:
            if name not in self.field_names:
                hint = closest(name, self.field_names)
                if hint:
                    line = self.lines[("metadata", name)]
                    written = self.doc.lines[line - 1].strip()
                    self.add(
                        line,
                        "HL104",
                        f"unknown metadata field '{name}'; did you mean '{hint}'?",
                        expected=f"**{hint}**: {instance['metadata'][name]}"
                        if isinstance(instance["metadata"][name], str)
                        else f"**{hint}**:",
                        found=written,
                    )
                    self.explained.add(hint)
        sections = instance["sections"]
        candidates = self.section_names + ([] if self.strict else list(aliases_in(self.schema, "sections")))
        for name in list(sections):
            if name in self.section_names:
                continue
            words = [name]
            parts = None if self.strict else parenthesised(name)
            if parts is not None:
                words = [parts[1], parts[0]]
            hint = next((found for found in (closest(word, candidates) for word in words) if found), None)
            if hint:
                canonical = self.section_map.get(normalise(hint), hint)
                level = self.headings.get(name, (2, name))[0]
                self.add(
                    self.lines[("sections", name)],
                    "HL107",
                    f"unknown section '{name}'; did you mean '{canonical}'?",
                    expected=f"{'#' * level} {canonical}",
                    found=f"{'#' * level} {name}",
                )
                self.explained.add(canonical)

    def _missing(self, path: tuple, name: str, instance: dict) -> None:
        if name in self.explained:
            return
        expected = self.props.get(name, {}).get("x-expected")
        if path == ():
            if name == "title":
                self.add(
                    1,
                    "HL101",
                    f"missing title: the document must start with '{expected or '# <title>'}'",
                    expected=expected or "# <title>",
                )
            elif name == "status":
                self.add(self.last_line, "HL110", f"missing closing line '**{self.status_field}**: <status>'",
                         expected=f"**{self.status_field}**: <status>")
            return
        part = path[0]
        order = self.field_names if part == "metadata" else self.section_names
        line = self._place(part, name, order, instance.get(part, {}))
        if part == "metadata":
            self.add(line, "HL102", f"missing metadata field '**{name}**:'", expected=f"**{name}**: <{name.lower()}>")
        else:
            self.add(line, "HL105", f"missing required section '## {name}'", expected=f"## {name}")

    def _place(self, part: str, name: str, order: list[str], present: dict) -> int:
        """Where a missing field or section belongs: before the next one present in schema order."""
        later = order[order.index(name) + 1 :] if name in order else []
        for other in later:
            if other in present:
                return self.lines[(part, other)]
        if part == "sections":
            if ("status",) in self.lines:
                return self.lines[("status",)]
            return self.last_line
        earlier = [self.lines[(part, other)] for other in present]
        if earlier:
            return max(earlier) + 1
        return self.doc.title_line + 1 if self.doc.title_line else 1

    def _unknown_field(self, path: tuple, name: str) -> None:
        """A field the schema does not define: a near miss of a known one was reported as a typo
        (HL104, see _near_misses); any other is a field of the writer's own (HL113)."""
        if closest(name, self.field_names):
            return
        known = ", ".join(self.field_names)
        self.add(self.lines.get(path + (name,), 1), "HL113", f"metadata field '{name}' is not one the template defines ({known})")

    def _invalid(self, path: tuple, error) -> None:
        top = path[0] if path else None
        key = path[:2]
        line = self.lines.get(key, self.lines.get(path[:1], 1))
        column = self.columns.get(key, 1)
        if top == "title":
            found = f"'# {error.instance}'"
            expected = self.props['title'].get('x-expected')
            self.add(
                line,
                "HL101",
                f"title must read '{expected}', found {found}",
                expected=expected or "",
                found=f"# {error.instance}",
            )
        elif top == "sections":
            self.add(line, "HL106", f"section '{path[1]}' is empty")
        elif top == "status":
            allowed = ", ".join(self.props["status"].get("enum", []))
            self.add(
                line,
                "HL111",
                f"{self.status_field} must be one of: {allowed}; found {error.instance!r}" + _hint(error),
                column,
                expected=f"one of: {allowed}",
                found=str(error.instance),
            )
        else:
            expected, found = "", ""
            if len(path) >= 2 and path[0] == "metadata" and isinstance(error.instance, str):
                found = self.doc.lines[line - 1].strip() if 0 < line <= len(self.doc.lines) else error.instance
                schema = error.schema
                if error.validator == "format" and schema.get("format") == "date":
                    expected = f"**{path[1]}**: {_iso_date(error.instance) or 'YYYY-MM-DD'}"
                elif error.validator == "enum":  # one value (HIGH | MEDIUM | LOW) or a list's items (A/B/C)
                    expected = f"**{path[1]}**: " + (" | " if len(path) == 2 else "/").join(schema["enum"])
            self.add(line, "HL103", _value_message(path, error), column, expected=expected, found=found)

    def _order(self, instance: dict) -> None:
        rank = {name: index for index, name in enumerate(self.section_names)}
        known = sorted((name for name in instance["sections"] if name in rank), key=lambda name: self.lines[("sections", name)])
        furthest = None
        for name in known:
            if furthest is not None and rank[name] < rank[furthest]:
                self.add(self.lines[("sections", name)], "HL109", f"section '{name}' should come before '{furthest}' (template order)")
            elif furthest is None or rank[name] > rank[furthest]:
                furthest = name


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

    from handoff_lint.parse.fields import date_part

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


def _hint(error) -> str:
    enum = error.schema.get("enum") if error.validator == "enum" else None
    if enum and isinstance(error.instance, str):
        hint = closest(error.instance, enum, cutoff=0.6)
        if hint:
            return f"; did you mean '{hint}'?"
    return ""


def _value_message(path: tuple, error) -> str:
    name = path[1] if len(path) > 1 else "value"
    value, schema = error.instance, error.schema
    if error.validator == "format":
        return f"{name} must be {schema.get('x-expected', 'a ' + schema['format'])}, found {value!r}"
    if error.validator == "enum":
        choices = ", ".join(schema["enum"])
        if len(path) > 2:
            return f"{name} must name one or more of {choices}; found {value!r}" + _hint(error)
        return f"{name} must be one of {choices}; found {value!r}" + _hint(error)
    if error.validator in ("pattern", "minLength") and isinstance(value, str) and not value.strip():
        return f"{name} must not be empty"
    if error.validator == "minItems":
        return f"{name} must name at least one of " + ", ".join(schema.get("items", {}).get("enum", []))
    if error.validator == "uniqueItems":
        return f"{name} names the same value twice"
    return f"{name}: {error.message}"
