"""HL1xx: a document's structure, validated against its JSON Schema with errors mapped to lines.

The document becomes a JSON instance ``{"title", "metadata", "sections", "status"}`` whose keys
use the schema's own spelling of each name (matched case-insensitively, spacing normalised), so
the schema is the one source of the section and field names. Each jsonschema error's path is
mapped back to the line that is wrong, or for a missing part to the line where it belongs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.data.config import Config
from handoff_lint.engine.discover import EXAMPLE, HANDOFF, RESPONSE, TEMPLATE
from handoff_lint.parse.document import Document
from handoff_lint.findings import Finding
from handoff_lint.parse.names import canonical_map, closest, normalise, undecorated
from handoff_lint.data.schemas import aliases_in, effective_schema, names_in, quick_validator, validator
from handoff_lint.engine.source import Source

KINDS = frozenset({HANDOFF, RESPONSE, EXAMPLE, TEMPLATE})
SCHEMA_FOR_KIND = {HANDOFF: "handoff", EXAMPLE: "handoff", TEMPLATE: "handoff", RESPONSE: "response"}
# The template is checked for its shape only: its values are placeholders by design. HL103 and
# HL111 are the findings on the values of TEMPLATE_FREE (see _Checker._invalid), so a template
# valid against the schema without those values' rules needs no jsonschema.
TEMPLATE_SKIPS = frozenset({"HL103", "HL111", "HL112"})
TEMPLATE_FREE = ("metadata", "status")
MAX_LINES = 20_000  # HL006
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


def check(source: Source, config: Config) -> list[Finding]:
    schema_name = SCHEMA_FOR_KIND[source.kind]
    if not source.text.strip():
        return [Finding(source.display, 1, 1, "HL100", f"{source.kind} document is empty")]
    if len(source.lines) > MAX_LINES:  # markdown-it's tokens for a million headings: minutes, gigabytes
        return [Finding(source.display, 1, 1, "HL006", f"{len(source.lines):,} lines, over the {MAX_LINES:,}-line limit for structure checks; structure not checked")]
    doc = source.document
    strict = bool(getattr(config, "strict", False))
    extras = (
        tuple(word for folder in ("active", "archive") for word in config.status_words.get(folder, ())),
        tuple(config.extra_sections.get(schema_name, ())),
    )
    checker = _Checker(source.display, doc, effective_schema(schema_name, *extras, strict), strict, extras[0], _handoff_in_name(source))
    quick = quick_validator(schema_name, *extras, TEMPLATE_FREE if source.kind == TEMPLATE else (), strict)
    findings = checker.run(lambda: validator(schema_name, *extras, strict), quick)
    if source.kind == TEMPLATE:
        return [f for f in findings if f.code not in TEMPLATE_SKIPS]
    findings += placeholders(source.display, doc, lambda: source.hits)
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
    from handoff_lint.engine.folder_index import file_name, tables

    _table, names = tables()
    match = names["response-to"].match(file_name(str(source.file.path)))
    return match.group("target") if match else None


def placeholders(display: str, doc: Document, secrets=None) -> list[Finding]:
    """HL112: template text left in a document. Square brackets that hold a credential
    (`**Password**: [Xk9#...]`) are no template text: HL3 reports them, and nothing quotes them.
    ``secrets``: a callable giving the text's credential scan, (0-based line, hits), asked only
    for a line with a bracket."""
    found = []
    held: dict[int, list] | None = None
    for number, text in enumerate(doc.lines, start=1):
        if number in doc.code_lines or ("[" not in text and "YYYY" not in text):
            continue
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)
        for _name, pattern in _placeholder_patterns():
            for match in pattern.finditer(text):
                if secrets is not None:
                    held = dict(secrets()) if held is None else held
                    if any(hit.start < match.end() and match.start() < hit.end for hit in held.get(number - 1, ())):
                        continue
                found.append(
                    Finding(display, number, match.start() + 1, "HL112", f"template placeholder {match.group(0)!r} left in the document")
                )
    return found



_NAMES: dict[tuple[int, bool], tuple] = {}


def _names(schema: dict, strict: bool) -> tuple[list[str], list[str], dict[str, str]]:
    """The schema's field names, section names, and section name or alias (normalised) -> the
    schema's name: worked out once per schema, not once per document (3,400 in a large folder)."""
    key = (id(schema), strict)
    found = _NAMES.get(key)
    if found is None or found[0] is not schema:
        sections = names_in(schema, "sections")
        section_map = canonical_map(sections)
        if not strict:
            section_map = {**{normalise(alias): name for alias, name in aliases_in(schema, "sections").items()}, **section_map}
        found = _NAMES[key] = (schema, names_in(schema, "metadata"), sections, section_map)
    return found[1], found[2], found[3]


class _Checker:
    """``strict``: the template exactly (no aliases, bold-labelled sections, spelling or status
    synonyms, no reference by file name). ``own_statuses``: a team's status words.
    ``named_handoff``: the handoff a response's file name names, if any."""

    def __init__(self, display: str, doc: Document, schema: dict, strict: bool = False, own_statuses: tuple[str, ...] = (), named_handoff: str | None = None):
        self.display, self.doc, self.schema = display, doc, schema
        self.strict, self.own_statuses, self.named_handoff = strict, own_statuses, named_handoff
        self.props = schema["properties"]
        self.field_names, self.section_names, self.section_map = _names(schema, strict)
        self.status_field = self.props.get("status", {}).get("x-field")
        self.lines: dict[tuple, int] = {}  # JSON path -> line
        self.columns: dict[tuple, int] = {}
        self.findings: list[Finding] = []
        self.explained: set[str] = set()  # missing names already explained by a near-miss finding
        self.last_line = max(1, len(doc.lines))

    def add(self, line: int, code: str, message: str, column: int = 1) -> None:
        self.findings.append(Finding(self.display, min(max(1, line), self.last_line), column, code, message))

    # -- document -> instance -------------------------------------------------------------
    def instance(self) -> dict:
        doc, instance = self.doc, {}
        if doc.title is not None:
            instance["title"] = doc.title if self.strict else undecorated(doc.title)
            self.lines[("title",)] = doc.title_line
        status_norm = normalise(self.status_field) if self.status_field else None
        field_norms = {normalise(name) for name in self.field_names}
        metadata, canon = {}, canonical_map(self.field_names)
        for field in doc.fields:
            norm = normalise(field.name)
            if norm == status_norm or (not self.strict and norm not in field_norms and norm in self.section_map):
                continue  # the status, or a section written as a bold-labelled line (see _labelled)
            key = canon.get(norm, field.name)
            if key in metadata:
                continue
            self.lines[("metadata", key)] = field.line
            self.columns[("metadata", key)] = field.value_column
            metadata[key] = self._value(key, field.value)
        instance["metadata"] = metadata
        sections: dict[str, str] = {}
        headings: dict[str, str] = {}  # the schema's name -> the first heading's normalised text
        for section in doc.sections:
            key = self.section_map.get(normalise(section.name), section.name)
            if key in sections:
                if headings[key] == normalise(section.name):
                    self.add(section.line, "HL108", f"section '{key}' appears more than once (first at line {self.lines[('sections', key)]})")
                else:  # "Resource Requirements" and "Privacy Requirements": one section in two parts
                    sections[key] = f"{sections[key]}\n\n{section.body}".strip()
                continue
            sections[key] = section.body
            headings[key] = normalise(section.name)
            self.lines[("sections", key)] = section.line
        if not self.strict:
            for key, line, body in self._labelled(field_norms | ({status_norm} if status_norm else set())):
                if key in sections:
                    sections[key] = f"{sections[key]}\n\n{body}".strip()
                else:
                    sections[key] = body
                    self.lines[("sections", key)] = line
            reference = "Reference to Original Handoff"
            if self.named_handoff and reference in self.section_names and reference not in sections:
                sections[reference] = self.named_handoff  # the file name names it: the protocol asks no more
                self.lines[("sections", reference)] = self.doc.title_line or 1
        instance["sections"] = sections
        if status_norm:
            status = doc.field_named(status_norm, doc.trailer_fields + doc.fields)
            if status is not None:
                instance["status"] = status.value
                if not self.strict:
                    from handoff_lint.engine.folder_index import status_meaning

                    instance["status"] = status_meaning(status.value, self.own_statuses) or status.value
                self.lines[("status",)] = status.line
                self.columns[("status",)] = status.value_column
        return instance

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
        emoji and a trailing note dropped, and a spelling other than the template's a warning."""
        spec = self.props["metadata"]["properties"].get(key, {})
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
            self.add(self.lines[("metadata", key)], "HL114", f"{key} {word!r} is written {canonical!r} in the template", self.columns[("metadata", key)])
        return canonical

    # -- checks -------------------------------------------------------------------------
    def run(self, full, quick=None) -> list[Finding]:
        """``full()``: the jsonschema validator; ``quick``: a yes/no check asked first, so that a
        valid document never pays for (or imports) jsonschema."""
        instance = self.instance()
        self._near_misses(instance)
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
        """A name that almost matches a known one is reported once, as a probable typo; the
        missing-field or missing-section finding it explains is not repeated."""
        for name in instance["metadata"]:
            if name not in self.field_names:
                hint = closest(name, self.field_names)
                if hint:
                    self.add(self.lines[("metadata", name)], "HL104", f"unknown metadata field '{name}'; did you mean '{hint}'?")
                    self.explained.add(hint)
        sections = instance["sections"]
        candidates = self.section_names + ([] if self.strict else list(aliases_in(self.schema, "sections")))
        for name in list(sections):
            if name in self.section_names:
                continue
            hint = closest(name, candidates)
            if hint:
                self.add(self.lines[("sections", name)], "HL107", f"unknown section '{name}'; did you mean '{hint}'?")
                self.explained.add(self.section_map.get(normalise(hint), hint))

    def _missing(self, path: tuple, name: str, instance: dict) -> None:
        if name in self.explained:
            return
        expected = self.props.get(name, {}).get("x-expected")
        if path == ():
            if name == "title":
                self.add(1, "HL101", f"missing title: the document must start with '{expected or '# <title>'}'")
            elif name == "status":
                self.add(self.last_line, "HL110", f"missing closing line '**{self.status_field}**: <status>'")
            return
        part = path[0]
        order = self.field_names if part == "metadata" else self.section_names
        line = self._place(part, name, order, instance.get(part, {}))
        if part == "metadata":
            self.add(line, "HL102", f"missing metadata field '**{name}**:'")
        else:
            self.add(line, "HL105", f"missing required section '## {name}'")

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
            self.add(line, "HL101", f"title must read '{self.props['title'].get('x-expected')}', found {found}")
        elif top == "sections":
            self.add(line, "HL106", f"section '{path[1]}' is empty")
        elif top == "status":
            allowed = ", ".join(self.props["status"].get("enum", []))
            self.add(line, "HL111", f"{self.status_field} must be one of: {allowed}; found {error.instance!r}" + _hint(error), column)
        else:
            self.add(line, "HL103", _value_message(path, error), column)

    def _order(self, instance: dict) -> None:
        rank = {name: index for index, name in enumerate(self.section_names)}
        known = sorted((name for name in instance["sections"] if name in rank), key=lambda name: self.lines[("sections", name)])
        furthest = None
        for name in known:
            if furthest is not None and rank[name] < rank[furthest]:
                self.add(self.lines[("sections", name)], "HL109", f"section '{name}' should come before '{furthest}' (template order)")
            elif furthest is None or rank[name] > rank[furthest]:
                furthest = name


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
