"""The gates: which lines of a text may hold a credential (rules/credentials.toml `[gates]`).

C-speed `str.find` of the literals every match of a detector contains, and a few short regular
expressions (`shape`) for the token formats without such a literal. The tests prove from the parsed
regular expressions that a line no gate picks holds no match of any detector."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.rules_data import load_table


class _Gates(NamedTuple):
    # needle -> what else its gates need on the needle's line: (`also` characters or None,
    # `near` pattern or None) per gate
    sensitive: dict[str, tuple]
    nocase: dict[str, tuple]  # the same, needles lower-cased, searched in the lower-cased text
    shapes: tuple[re.Pattern, ...]
    # (in the lower-cased text?, one search for the needles sharing their first character,
    # those needles): `g(?:lpat-|ldt-|hp_|...)` costs one scan of the text, not one per needle
    searches: tuple[tuple[bool, re.Pattern, tuple[str, ...]], ...] = ()


@lru_cache(maxsize=1)
def gate_table() -> _Gates:
    sensitive: dict[str, set] = {}
    nocase: dict[str, set] = {}
    shapes = []
    for gate in load_table("credentials")["gates"].values():
        if "shape" in gate:
            shapes.append(gate["shape"])
            continue
        need = (tuple(gate["also"]) if "also" in gate else None, re.compile(gate["near"]) if "near" in gate else None)
        into = nocase if gate.get("nocase") else sensitive
        for needle in gate["any"]:
            into.setdefault(needle.lower() if gate.get("nocase") else needle, set()).add(need)
    # Each needle costs a pass over the text. A needle that holds a shorter one (`password` holds
    # `pass`; `AKIA`, lower-cased, holds `akia`) occurs only where the shorter one does: its
    # needs move to the shorter one, whose lines are a superset, and it is not searched.
    for needle, folded in sorted([(n, False) for n in sensitive] + [(n, True) for n in nocase], key=lambda x: -len(x[0])):
        table = nocase if folded else sensitive
        if needle not in table:
            continue
        host = next((o for o in sorted(nocase, key=len) if o in needle.lower() and (o, True) != (needle, folded)), None)
        host_table = nocase
        if host is None and not folded:
            host, host_table = next((o for o in sorted(sensitive, key=len) if o in needle and o != needle), None), sensitive
        if host is not None:
            host_table[host] |= table.pop(needle)
    unique_shapes = tuple(re.compile(s) for s in dict.fromkeys(shapes))
    order = lambda needs: tuple(sorted(needs, key=lambda n: (n[0] is not None, n[1] is not None, repr(n))))  # noqa: E731
    searches = []
    for folded, needles in ((False, sensitive), (True, nocase)):
        groups: dict[str, list[str]] = {}
        for needle in needles:
            groups.setdefault(needle[:1], []).append(needle)
        for prefix, members in sorted(groups.items()):
            members.sort(key=len, reverse=True)
            rests = "|".join(re.escape(member[len(prefix):]) for member in members)
            searches.append((folded, re.compile(re.escape(prefix) + (f"(?:{rests})" if rests else "")), tuple(members)))
    return _Gates({k: order(v) for k, v in sensitive.items()}, {k: order(v) for k, v in nocase.items()}, unique_shapes, tuple(searches))


def _needs_met(needs: tuple, line: str) -> bool:
    return any((also is None or any(char in line for char in also)) and (near is None or near.search(line) is not None) for also, near in needs)


def candidate_lines(text: str) -> set[int]:
    """0-based indices of the lines (split at "\\n") some gate picks; every other line holds
    no match of any credential detector."""
    gates = gate_table()
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed a length ('İ'): positions do not carry over
        return {index for index, line in enumerate(text.split("\n")) if line_passes(line)}
    picked: dict[int, list] = {}  # position -> the needs to test on its line
    for folded, search, members in gates.searches:
        haystack, needs_of = (lowered, gates.nocase) if folded else (text, gates.sensitive)
        for match in search.finditer(haystack):
            start = match.start()
            # a shorter member may start here too (the longest was tried first); and one may
            # start inside this match, which finditer skips: look for each from here on
            for member in members:
                at = haystack.find(member, start, match.end() + len(member)) if len(members) > 1 else start
                if at != -1:
                    picked.setdefault(at, []).extend(needs_of[member])
    for shape in gates.shapes:
        for match in shape.finditer(text):
            picked.setdefault(match.start(), []).append((None, None))
    if not picked:
        return set()
    by_line: dict[int, tuple[int, set]] = {}  # line -> (a position on it, the needs to test)
    line = last = 0
    for position in sorted(picked):
        line += text.count("\n", last, position)
        last = position
        if line in by_line:
            by_line[line][1].update(picked[position])
        else:
            by_line[line] = (position, set(picked[position]))
    lines: set[int] = set()
    for line, (position, needs) in by_line.items():
        if (None, None) in needs:
            lines.add(line)
            continue
        begin = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        if _needs_met(tuple(needs), text[begin:] if end == -1 else text[begin:end]):
            lines.add(line)
    return lines


def line_passes(line: str) -> bool:
    """The gates applied to one line (the slow, obvious form of :func:`candidate_lines`)."""
    gates = gate_table()
    lowered = line.lower()
    for haystack, needles in ((line, gates.sensitive), (lowered, gates.nocase)):
        for needle, needs in needles.items():
            if needle in haystack and _needs_met(needs, line):
                return True
    return any(shape.search(line) for shape in gates.shapes)

