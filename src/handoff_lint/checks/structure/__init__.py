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

from handoff_lint.checks.structure.leftovers import boilerplate, placeholders
from handoff_lint.checks.structure.validation import Checker
from handoff_lint.data.config import Config
from handoff_lint.data.schemas import quick_validator, validator
from handoff_lint.findings import Finding
from handoff_lint.model.kinds import EXAMPLE, HANDOFF, RESPONSE, TEMPLATE, protocol_of
from handoff_lint.model.names import file_name
from handoff_lint.model.source import Source
from handoff_lint.model.status import tables
from handoff_lint.parse.markdown import MAX_LINES  # HL006

KINDS = frozenset({HANDOFF, RESPONSE, EXAMPLE, TEMPLATE})


# The configuration's extra-sections table, by document kind (whatever the protocol).
EXTRA_SECTIONS_FOR_KIND = {HANDOFF: "handoff", EXAMPLE: "handoff", TEMPLATE: "handoff", RESPONSE: "response"}


# The template is checked for its shape only: its values are placeholders by design. HL103 and
# HL111 are the findings on the values of TEMPLATE_FREE (see validation.Checker._invalid), so a template
# valid against the schema without those values' rules needs no jsonschema.
TEMPLATE_SKIPS = frozenset({"HL103", "HL111", "HL112"})


TEMPLATE_FREE = ("metadata", "status")


def check(source: Source, config: Config) -> list[Finding]:
    schema_name = protocol_of(source.file.root, config).schema_for(source.kind)
    if not source.text.strip():
        return [Finding(source.display, 1, 1, "HL100", f"{source.kind} document is empty")]
    if len(source.lines) > MAX_LINES:  # markdown-it's tokens for a million headings: minutes, gigabytes
        return [
            Finding(
                source.display,
                1,
                1,
                "HL006",
                f"{len(source.lines):,} lines, over the {MAX_LINES:,}-line limit for structure checks; structure not checked",
            )
        ]
    doc = source.document
    strict = bool(getattr(config, "strict", False))
    extras = (
        tuple(word for folder in ("active", "archive") for word in config.status_words.get(folder, ())),
        tuple(config.extra_sections.get(EXTRA_SECTIONS_FOR_KIND[source.kind], ())),
    )
    checker = Checker(source.display, doc, (schema_name, *extras, strict), strict, extras[0], _handoff_in_name(source))
    quick = quick_validator(schema_name, *extras, TEMPLATE_FREE if source.kind == TEMPLATE else (), strict)
    findings = checker.run(lambda: validator(schema_name, *extras, strict), quick)
    if source.kind == TEMPLATE:
        return [f for f in findings if f.code not in TEMPLATE_SKIPS]
    findings += placeholders(source.display, doc, lambda: source.hits)
    findings += boilerplate(source.display, doc, checker.names.boilerplate, checker.spans)
    placeholder_lines = {f.line for f in findings if f.code == "HL112"}
    # A placeholder explains why the value on its line is invalid: say it once.
    return [f for f in findings if not (f.code == "HL103" and f.line in placeholder_lines)]


def _handoff_in_name(source: Source) -> str | None:
    """A response's original handoff as its file name gives it (YYYY-MM-DD-response-to-<handoff>.md)."""
    if source.kind != RESPONSE:
        return None
    _table, names = tables()
    match = names["response-to"].match(file_name(str(source.file.path)))
    return match.group("target") if match else None
