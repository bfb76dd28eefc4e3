"""What the template leaves behind: its placeholders (rules/placeholders.toml) and its own
boilerplate lines, left in a document (HL112)."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.checks.structure.schema_names import _line_key
from handoff_lint.data.rules_data import load_table
from handoff_lint.findings import Finding
from handoff_lint.parse.document import Document

# A code span: a whole backtick run, text without backticks, a run of the same length. The
# lookarounds make each run a start once; `(`+)[^`\n]*?\1` was quadratic on a long run.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)[^`\n]*?(?<!`)\1(?!`)")


@lru_cache(maxsize=1)
def _placeholder_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((entry["name"], re.compile(entry["pattern"])) for entry in load_table("placeholders")["placeholder"])


def placeholders(display: str, doc: Document, secrets=None) -> list[Finding]:
    """HL112 for the template's placeholders (rules/placeholders.toml). In YAML front matter a
    bracketed list with a comma (``tags: [search, privacy]``) is a list, not a placeholder.
    Square brackets that hold a credential (``**Password**: [Xk9#...]``) are no template text:
    HL3 reports them, and nothing quotes them. ``secrets``: a callable giving the text's
    credential scan, (0-based line, hits), asked only for a line with a bracket."""
    found = []
    held: dict[int, list] | None = None
    lines, code = doc.lines, doc.code_lines
    for number in [number for number, text in enumerate(lines, start=1) if "[" in text or "YYYY" in text]:
        if number in code:
            continue
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), lines[number - 1])
        in_front = number <= doc.front_matter_end
        for _name, pattern in _placeholder_patterns():
            for match in pattern.finditer(text):
                if in_front and "," in match.group(0):
                    continue
                if secrets is not None:
                    held = dict(secrets()) if held is None else held
                    if any(hit.start < match.end() and match.start() < hit.end for hit in held.get(number - 1, ())):
                        continue
                found.append(
                    Finding(
                        display,
                        number,
                        match.start() + 1,
                        "HL112",
                        f"template placeholder {match.group(0)!r} left in the document",
                    )
                )
    return found


def boilerplate(
    display: str, doc: Document, boilerplate_lines: dict[str, frozenset[str]], spans: dict[str, tuple[int, int]]
) -> list[Finding]:
    """HL112 for the template's own unbracketed lines (the schema's ``x-boilerplate`` of a
    section: ``- What's been done``) left as list items, unchanged, in that section. A line
    with sub-items under it is a label that was filled in, not boilerplate."""
    found: list[Finding] = []
    lines, code = doc.lines, doc.code_lines
    for name, template_lines in boilerplate_lines.items():
        span = spans.get(name)
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
                    display,
                    number,
                    column,
                    "HL112",
                    f"template text {item!r} left unchanged in '{name}'; replace it with what it asks for",
                    found=item,
                )
            )
    return found
