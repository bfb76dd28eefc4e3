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
from handoff_lint.parse.names import canonical_map, closest, normalise
from handoff_lint.data.schemas import effective_schema, names_in, quick_validator, validator
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


def check(source: Source, config: Config) -> list[Finding]:
    schema_name = SCHEMA_FOR_KIND[source.kind]
    if not source.text.strip():
        return [Finding(source.display, 1, 1, "HL100", f"{source.kind} document is empty")]
    if len(source.lines) > MAX_LINES:  # markdown-it's tokens for a million headings: minutes, gigabytes
        return [Finding(source.display, 1, 1, "HL006", f"{len(source.lines):,} lines, over the {MAX_LINES:,}-line limit for structure checks; structure not checked")]
    doc = source.document
    extras = (
        tuple(word for folder in ("active", "archive") for word in config.status_words.get(folder, ())),
        tuple(config.extra_sections.get(schema_name, ())),
    )
    checker = _Checker(source.display, doc, effective_schema(schema_name, *extras))
    quick = quick_validator(schema_name, *extras, TEMPLATE_FREE if source.kind == TEMPLATE else ())
    findings = checker.run(lambda: validator(schema_name, *extras), quick)
    if source.kind == TEMPLATE:
        return [f for f in findings if f.code not in TEMPLATE_SKIPS]
    findings += placeholders(source.display, doc)
    placeholder_lines = {f.line for f in findings if f.code == "HL112"}
    # A placeholder explains why the value on its line is invalid: say it once.
    return [f for f in findings if not (f.code == "HL103" and f.line in placeholder_lines)]


@lru_cache(maxsize=1)
def _placeholder_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    from handoff_lint.data.rules_data import load_table

    return tuple((entry["name"], re.compile(entry["pattern"])) for entry in load_table("placeholders")["placeholder"])


def placeholders(display: str, doc: Document) -> list[Finding]:
    found = []
    for number, text in enumerate(doc.lines, start=1):
        if number in doc.code_lines or ("[" not in text and "YYYY" not in text):
            continue
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)
        for _name, pattern in _placeholder_patterns():
            for match in pattern.finditer(text):
                found.append(
                    Finding(display, number, match.start() + 1, "HL112", f"template placeholder {match.group(0)!r} left in the document")
                )
    return found


class _Checker:
    def __init__(self, display: str, doc: Document, schema: dict):
        self.display, self.doc, self.schema = display, doc, schema
        self.props = schema["properties"]
        self.field_names = names_in(schema, "metadata")
        self.section_names = names_in(schema, "sections")
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
            instance["title"] = doc.title
            self.lines[("title",)] = doc.title_line
        status_norm = normalise(self.status_field) if self.status_field else None
        metadata, canon = {}, canonical_map(self.field_names)
        for field in doc.fields:
            if normalise(field.name) == status_norm:
                continue
            key = canon.get(normalise(field.name), field.name)
            if key in metadata:
                continue
            metadata[key] = self._value(key, field.value)
            self.lines[("metadata", key)] = field.line
            self.columns[("metadata", key)] = field.value_column
        instance["metadata"] = metadata
        sections, canon = {}, canonical_map(self.section_names)
        for section in doc.sections:
            key = canon.get(normalise(section.name), section.name)
            if key in sections:
                self.add(section.line, "HL108", f"section '{key}' appears more than once (first at line {self.lines[('sections', key)]})")
                continue
            sections[key] = section.body
            self.lines[("sections", key)] = section.line
        instance["sections"] = sections
        if status_norm:
            status = doc.field_named(status_norm, doc.trailer_fields + doc.fields)
            if status is not None:
                instance["status"] = status.value
                self.lines[("status",)] = status.line
                self.columns[("status",)] = status.value_column
        return instance

    def _value(self, key: str, raw: str):
        """Split list-valued fields (Constraints) and match their words to the schema's spelling."""
        spec = self.props["metadata"]["properties"].get(key, {})
        if spec.get("type") != "array":
            return raw
        allowed = canonical_map(spec.get("items", {}).get("enum", []))
        words = [part.strip() for part in _LIST_SPLIT.split(raw) if part.strip()]
        # "Privacy (air-gapped)" -> "Privacy"
        words = [_without_note(word) for word in words]
        return [allowed.get(normalise(word), word) for word in words]

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
                    self.explained.add(hint)
        sections = instance["sections"]
        for name in list(sections):
            if name in self.section_names:
                continue
            hint = closest(name, self.section_names)
            if hint:
                self.add(self.lines[("sections", name)], "HL107", f"unknown section '{name}'; did you mean '{hint}'?")
                self.explained.add(hint)

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
        hint = closest(name, self.field_names)
        message = f"unknown metadata field '{name}'"
        if hint:
            message += f"; did you mean '{hint}'?"
        self.add(self.lines.get(path + (name,), 1), "HL104", message)

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
        known = [name for name in instance["sections"] if name in rank]
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
