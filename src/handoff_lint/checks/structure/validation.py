"""The schema validation of a document's instance, each error mapped back to the line that is wrong
(or, for a missing part, the line where it belongs)."""

from __future__ import annotations

from handoff_lint.checks.structure.instance import _iso_date
from handoff_lint.checks.structure.near_misses import NearMisses
from handoff_lint.findings import Finding
from handoff_lint.parse.names import closest


class Checker(NearMisses):
    """Reads the document, reports its near misses, then validates the instance (:meth:`run`)."""

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
                self.add(
                    self.last_line,
                    "HL110",
                    f"missing closing line '**{self.status_field}**: <status>'",
                    expected=f"**{self.status_field}**: <status>",
                )
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
        self.add(
            self.lines.get(path + (name,), 1),
            "HL113",
            f"metadata field '{name}' is not one the template defines ({known})",
        )

    def _invalid(self, path: tuple, error) -> None:
        top = path[0] if path else None
        key = path[:2]
        line = self.lines.get(key, self.lines.get(path[:1], 1))
        column = self.columns.get(key, 1)
        if top == "title":
            found = f"'# {error.instance}'"
            expected = self.props["title"].get("x-expected")
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
        known = sorted(
            (name for name in instance["sections"] if name in rank), key=lambda name: self.lines[("sections", name)]
        )
        furthest = None
        for name in known:
            if furthest is not None and rank[name] < rank[furthest]:
                self.add(
                    self.lines[("sections", name)],
                    "HL109",
                    f"section '{name}' should come before '{furthest}' (template order)",
                )
            elif furthest is None or rank[name] > rank[furthest]:
                furthest = name


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
