"""Property tests: whatever the text, the structure checks finish, and every finding points at
a line that exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_HANDOFF, VALID_RESPONSE
from handoff_lint.checks import structure
from handoff_lint.data.config import Config
from handoff_lint.model.kinds import HANDOFF, RESPONSE, TEMPLATE, SourceFile
from handoff_lint.model.source import Source

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = st.sampled_from([HANDOFF, RESPONSE, TEMPLATE])


def check(text: str, kind: str):
    source = Source(SourceFile(Path("doc.md"), "doc.md", kind, None), text)
    findings = structure.check(source, Config())
    last = max(1, len(source.lines))
    for finding in findings:
        assert 1 <= finding.line <= last, (finding, last)
        assert finding.column >= 1
        assert finding.code.startswith("HL1")
    return findings


def blocks(text: str) -> list[str]:
    """The document split before each level-2 heading: title+metadata, then one block a section."""
    parts = text.split("\n## ")
    return [parts[0]] + ["## " + part for part in parts[1:]]


markdownish = st.lists(
    st.sampled_from(
        list("#*-_`>[]()!:/ \n\tabcXYZ019|~<>=") + ["## ", "**Date**: ", "```\n", "\r\n", "\u00e9", "\ufeff"]
    ),
    max_size=200,
).map("".join)


@SETTINGS
@given(text=st.text(max_size=500), kind=KINDS)
def test_arbitrary_text(text, kind):
    check(text, kind)


@SETTINGS
@given(text=markdownish, kind=KINDS)
def test_markdown_shaped_noise(text, kind):
    check(text, kind)


@SETTINGS
@given(data=st.data(), base=st.sampled_from([(VALID_HANDOFF, HANDOFF), (VALID_RESPONSE, RESPONSE)]))
def test_mutated_valid_documents(data, base):
    text, kind = base
    parts = blocks(text)
    head, sections = parts[0], parts[1:]
    sections = data.draw(st.lists(st.sampled_from(sections), max_size=len(sections) + 2), label="sections")
    wrap = data.draw(st.sampled_from(["", "```\n", "> ", "- ", "    "]), label="wrap")
    if wrap and sections:
        index = data.draw(st.integers(0, len(sections) - 1), label="wrapped")
        if wrap == "```\n":
            sections[index] = wrap + sections[index] + "```\n"
        else:
            sections[index] = "".join(wrap + line + "\n" for line in sections[index].splitlines())
    mutated = "\n".join([head, *sections])
    check(mutated, kind)


def test_valid_documents_really_are_clean():
    """The base the mutations start from must itself pass, or the property tests prove little."""
    assert check(VALID_HANDOFF, HANDOFF) == []
    assert check(VALID_RESPONSE, RESPONSE) == []


def test_deep_nesting_does_not_crash():
    check("> " * 5000 + "x\n", HANDOFF)
    check("[" * 20000 + "\n", HANDOFF)
    check("- " * 3000 + "x\n", HANDOFF)
