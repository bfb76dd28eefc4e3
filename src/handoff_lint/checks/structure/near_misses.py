"""Near misses: a field or section written otherwise (a typo, another level, a bold label) is named
with where it was found, and its value is checked even so."""

from __future__ import annotations

from handoff_lint.checks.structure.instance import DocumentReader, _ambiguity, _iso_date
from handoff_lint.parse.fields import plain_field
from handoff_lint.parse.names import closest, normalise, parenthesised


class NearMisses(DocumentReader):
    """The reader, with the near-miss findings of the instance it read."""

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
        candidates = self.names.hints
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
