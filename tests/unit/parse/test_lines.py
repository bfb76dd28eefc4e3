"""The lines that hold a string or match a pattern, found over the whole text, are the lines
split_lines gives that hold it: each once, ascending, the first and a last without a newline too."""

from __future__ import annotations

import random
import re

import pytest

from handoff_lint.parse.document import split_lines
from handoff_lint.parse.lines import lines_holding, lines_matching

PIECES = ["@", "@@", "a", "::", ":", " ", "\n", "\n\n", "\r\n", "1.2", "x", "é", "📋"]


def _texts(count: int = 300):
    rng = random.Random(3)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


@pytest.mark.parametrize("needle", ["@", "::", "a", "1.2"])
def test_lines_holding_is_the_lines_that_hold_the_needle(needle):
    for text in _texts():
        expected = [number for number, line in enumerate(split_lines(text), start=1) if needle in line]
        assert list(lines_holding(text, needle)) == expected, repr(text)


@pytest.mark.parametrize("pattern", [r"::|:[^:\n]*:[^:\n]*:", r"[0-9]\.[0-9]", r"a@+"])
def test_lines_matching_is_the_lines_where_the_pattern_matches(pattern):
    compiled = re.compile(pattern)
    for text in _texts():
        expected = [number for number, line in enumerate(split_lines(text), start=1) if compiled.search(line)]
        assert list(lines_matching(text, compiled)) == expected, repr(text)
