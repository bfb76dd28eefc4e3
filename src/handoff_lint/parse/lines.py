"""The lines of a text that hold a string or match a pattern, found over the whole text by
``str.find``, ``str.count`` and ``re`` (a Python step per line found, none per line passed over):
what lets a check visit only the few lines that can hold what it looks for.

Line numbers are 1-based and count the text's ``"\\n"`` as parse.document.split_lines splits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def lines_holding(text: str, needle: str) -> Iterator[int]:
    """The numbers of the lines of ``text`` that hold ``needle`` (no ``"\\n"`` in it), ascending, each once."""
    number, counted = 1, 0
    at = text.find(needle)
    while at != -1:
        number += text.count("\n", counted, at)
        yield number
        counted = text.find("\n", at)  # this line's end: the next search starts on the next line
        if counted == -1:
            return
        at = text.find(needle, counted)


def lines_matching(text: str, pattern: re.Pattern) -> Iterator[int]:
    """The numbers of the lines of ``text`` where ``pattern`` (a pattern that matches within one
    line: no ``"\\n"`` in any match, no anchors or lookarounds that see past the line) matches,
    ascending, each once."""
    number, counted = 1, 0
    match = pattern.search(text)
    while match is not None:
        at = match.start()
        number += text.count("\n", counted, at)
        yield number
        counted = text.find("\n", at)
        if counted == -1:
            return
        match = pattern.search(text, counted)
