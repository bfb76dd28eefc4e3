"""File names and file contents reach every report: what is not printable is shown escaped."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from handoff_lint.engine.discover import discover
from handoff_lint.findings import MAX_MESSAGE, Finding, printable
from handoff_lint.touch import Access


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("plain name.md", "plain name.md"),
        ("ünïcødé 日本.md", "ünïcødé 日本.md"),  # letters of any script are printable
        ("a\nb.md", "a\\x0ab.md"),  # a newline would forge a second finding line
        ("\x1b]0;title\x07\x1b[31m", "\\x1b]0;title\\x07\\x1b[31m"),  # terminal escape sequences
        ("tab\there", "tab\\x09here"),
        ("bidi \u202eevil", "bidi \\u202eevil"),  # right-to-left override (Trojan Source)
        ("line\u2028sep\x85", "line\\u2028sep\\x85"),
        (os.fsdecode(b"bad\xff.md"), "bad\\xff.md"),  # a byte that is not UTF-8, as os.fsdecode shows it
        ("\U000e0001", "\\U000e0001"),
    ],
)
def test_printable_escapes_what_a_terminal_or_xml_must_not_see(raw, shown):
    assert printable(raw) == shown
    assert printable(raw).isprintable()
    printable(raw).encode("utf-8")  # no lone surrogate survives


def test_long_messages_are_cut_and_say_how_long_they_were():
    message = "title must read 'x', found '# " + "a" * 2_000_000 + "'"
    finding = Finding("doc.md", 1, 1, "HL101", message).printable()
    assert len(finding.message) <= MAX_MESSAGE
    assert finding.message.endswith(f"…({len(message):,} chars)")
    short = Finding("doc.md", 1, 1, "HL101", "fine")
    assert short.printable() is short


@pytest.mark.skipif(sys.platform != "linux", reason="file names with any bytes are a Linux thing")
def test_discovery_escapes_names_and_keeps_distinct_files_apart(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\nb.md").write_text("x\n")
    (tmp_path / "a\\x0ab.md").write_text("x\n")  # escapes to the same text as the name above
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.md"), "wb") as handle:
        handle.write(b"x\n")
    files, missing = discover(["."], access=Access.of(["."]))
    assert missing == []
    assert sorted(f.display for f in files) == ["a\\x0ab.md", "a\\x0ab.md", "bad\\xff.md"]
    assert len({f.path for f in files}) == 3


def test_no_line_starts_with_a_workflow_command():
    from handoff_lint.findings import line_start

    assert line_start("::stop-commands::x.md") == "./::stop-commands::x.md"
    assert line_start("a/::x.md") == "a/::x.md" and line_start(":x.md") == ":x.md"
