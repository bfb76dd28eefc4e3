"""The run gates: the lines with a run of token characters are found at C speed and exactly, and
a run gate's literal counts only on such a line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.detect import gates

PIECES = [
    "a" * 15,
    "a",
    "B",
    "7",
    "-",
    "_",
    "+",
    "/",
    "=",
    "*",
    "~",
    " ",
    ".",
    ":",
    "\n",
    "é",
    "İ",
    "\ud800",
    "ß" * 3,
    "ghp_",
    "hvs.",
    "x" * 16,
    "|",
    '"',
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_run_lines_are_the_lines_with_a_run(parts):
    text = "".join(parts)
    expected = [index for index, line in enumerate(text.split("\n")) if gates.RUN_PATTERN.search(line)]
    assert gates.run_lines(text) == expected


def test_a_run_gate_literal_counts_only_beside_a_run():
    token = "hvs." + "Ab3dE" * 20
    assert gates.candidate_lines(f"intro\nvault {token}\n") == {1}
    assert gates.candidate_lines("intro\nthe hvs. prefix names a Vault token\n") == set()
    assert gates.line_passes(f"vault {token}") and not gates.line_passes("the hvs. prefix")


def test_a_folded_needle_keeps_its_own_need():
    """`password` folded into `pass` (one scan finds both): `pass` alone does not meet the
    sentence gate of `password`."""
    assert gates.candidate_lines("A first pass is enough.\n") == set()
    assert gates.candidate_lines("The password is Xk9mP2vQzLr.\n") == {0}
