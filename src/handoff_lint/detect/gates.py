"""The gates: which lines of a text may hold a credential (rules/credentials.toml `[gates]`).

C-speed `str.find` of the literals every match of a detector contains, and a few short regular
expressions (`shape`) for the token formats without such a literal. A gate marked `run` also
needs a run of at least RUN token characters on the line (every match of its detector holds
one): its literals are looked for only on the few lines that have such a run, found by one
`bytes.translate` of the text, so a token format costs the common text nothing. The tests prove
from the parsed regular expressions that a line no gate picks holds no match of any detector."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.rules_data import load_table

RUN = 16  # a `run` gate's detector matches only where this many token characters follow each other
# token characters, base64's, and markdown's emphasis markers (a token broken by `**` is still
# a run: detect/decode.py renders those lines only)
RUN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=*~"
RUN_PATTERN = re.compile(f"[{re.escape(RUN_CHARS)}]{{{RUN}}}")  # a run, on one line
# each byte of the text (UTF-8) -> `a` for a token character, else a line break: a run of RUN
# token characters is then RUN `a`s, which `bytes.find` finds at C speed
_RUN_TABLE = bytes(0x61 if chr(byte) in RUN_CHARS else 0x0A for byte in range(256))


class _Gates(NamedTuple):
    # needle -> what else its gates need on the needle's line: (`also` strings or None, `near`
    # pattern or None, whether `also` is compared case-blind, the gate's own longer needle when
    # it was folded into this shorter one, or None) per gate
    sensitive: dict[str, tuple]
    nocase: dict[str, tuple]  # the same, needles lower-cased, searched in the lower-cased text
    shapes: tuple[re.Pattern, ...]
    # (in the lower-cased text?, one search for the needles sharing their first character,
    # those needles): `g(?:lpat-|ldt-|hp_|...)` costs one scan of the text, not one per needle
    searches: tuple[tuple[bool, re.Pattern, tuple[str, ...]], ...]
    # the same for the `run` gates, whose needles are looked for on lines with a run only
    run_sensitive: dict[str, tuple]
    run_nocase: dict[str, tuple]
    run_searches: tuple[tuple[bool, re.Pattern, tuple[str, ...]], ...]
    run_shapes: tuple[re.Pattern, ...]
    # one search for all the run gates' literals (as written; lower-cased), longest first, and
    # for each literal the literals it holds: a line's few searches find every literal on it
    run_any: tuple[re.Pattern | None, re.Pattern | None]
    run_held: dict[str, tuple[str, ...]]


def all_gates() -> dict[str, dict]:
    """Every detector's gate: `[gates]`, and the gate a `[keyed]` entry implies (its names,
    case-blind, on lines with a run: the value it names is a token)."""
    table = load_table("credentials")
    gates = dict(table["gates"])
    for name, entry in table.get("keyed", {}).items():
        gates.setdefault(name, {"any": entry["names"].split("|"), "nocase": True, "run": True})
    return gates


def _fold_hosts(sensitive: dict[str, set], nocase: dict[str, set]) -> None:
    """Each needle costs a pass over the text. A needle that holds a shorter one (`password` holds
    `pass`; `AKIA`, lower-cased, holds `akia`) occurs only where the shorter one does: its
    needs move to the shorter one, whose lines are a superset, and it is not searched."""
    for needle, folded in sorted(
        [(n, False) for n in sensitive] + [(n, True) for n in nocase], key=lambda x: -len(x[0])
    ):
        table = nocase if folded else sensitive
        if needle not in table:
            continue
        host = next((o for o in sorted(nocase, key=len) if o in needle.lower() and (o, True) != (needle, folded)), None)
        host_table = nocase
        if host is None and not folded:
            host, host_table = (
                next((o for o in sorted(sensitive, key=len) if o in needle and o != needle), None),
                sensitive,
            )
        if host is not None:  # the needs keep their own needle: `pass` alone meets no need of `password`
            host_table[host] |= {need if need[3] is not None else (*need[:3], needle) for need in table.pop(needle)}


def _searches(sensitive: dict, nocase: dict) -> tuple:
    searches = []
    for folded, needles in ((False, sensitive), (True, nocase)):
        groups: dict[str, list[str]] = {}
        for needle in needles:
            groups.setdefault(needle[:1], []).append(needle)
        for prefix, members in sorted(groups.items()):
            members.sort(key=len, reverse=True)
            rests = "|".join(re.escape(member[len(prefix) :]) for member in members)
            searches.append((folded, re.compile(re.escape(prefix) + (f"(?:{rests})" if rests else "")), tuple(members)))
    return tuple(searches)


def _trie(needles) -> str:
    """One search for ``needles``, longest first, grouped by first character (`g(?:lpat-|hp_)`):
    three times faster than a flat alternation on a line."""
    groups: dict[str, list[str]] = {}
    for needle in needles:
        groups.setdefault(needle[:1], []).append(needle[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(rests, key=len, reverse=True))) + ")"
        for first, rests in sorted(groups.items())
    )


@lru_cache(maxsize=1)
def gate_table() -> _Gates:
    plain: tuple[dict[str, set], dict[str, set]] = ({}, {})
    run: tuple[dict[str, set], dict[str, set]] = ({}, {})
    shapes: tuple[list, list] = ([], [])
    for gate in all_gates().values():
        if "shape" in gate:
            shapes[bool(gate.get("run"))].append(gate["shape"])
            continue
        folded = bool(gate.get("nocase"))
        # `also`: one search for any of its strings (lower-cased when the gate is case-blind)
        also = None
        if "also" in gate:
            also = re.compile("|".join(re.escape(part.lower() if folded else part) for part in gate["also"]))
        need = (also, re.compile(gate["near"]) if "near" in gate else None, folded, None)
        sensitive, nocase = run if gate.get("run") else plain
        into = nocase if folded else sensitive
        for needle in gate["any"]:
            into.setdefault(needle.lower() if folded else needle, set()).add(need)
    for sensitive, nocase in (plain, run):
        _fold_hosts(sensitive, nocase)
    # a run gate whose needle a plain gate also looks for gains nothing from the run: it is
    # looked for everywhere anyway, so its needs join the plain needle's
    for run_table, plain_table in ((run[0], plain[0]), (run[1], plain[1])):
        for needle in [n for n in run_table if n in plain_table]:
            plain_table[needle] |= run_table.pop(needle)
    unique = lambda found: tuple(re.compile(s) for s in dict.fromkeys(found))  # noqa: E731
    order = lambda needs: tuple(sorted(needs, key=lambda n: (n[0] is not None, n[1] is not None, repr(n))))  # noqa: E731
    frozen = [{k: order(v) for k, v in table.items()} for table in (*plain, *run)]
    alternation = lambda needles: re.compile(_trie(needles)) if needles else None  # noqa: E731
    held = {needle: tuple(other for other in table if other in needle) for table in run for needle in table}
    return _Gates(
        frozen[0],
        frozen[1],
        unique(shapes[0]),
        _searches(*plain),
        frozen[2],
        frozen[3],
        _searches(*run),
        unique(shapes[1]),
        (alternation(run[0]), alternation(run[1])),
        held,
    )


def gate_test(gate: dict) -> Callable[[str], bool]:
    """One gate of the table (``[gates]``) as a test of one line: what :func:`gated_lines` asks of
    a line for that gate alone (detect/peer.py runs each detect-secrets plugin where its own passes)."""
    run = bool(gate.get("run"))
    if "shape" in gate:
        shape = re.compile(gate["shape"])
        return lambda line: shape.search(line) is not None and (not run or RUN_PATTERN.search(line) is not None)
    folded = bool(gate.get("nocase"))
    needles = tuple(needle.lower() if folded else needle for needle in gate["any"])
    also = tuple(part.lower() if folded else part for part in gate.get("also", ()))
    near = re.compile(gate["near"]) if "near" in gate else None

    def test(line: str) -> bool:
        haystack = line.lower() if folded else line
        return (
            any(needle in haystack for needle in needles)
            and (not also or any(part in haystack for part in also))
            and (near is None or near.search(line) is not None)
            and (not run or RUN_PATTERN.search(line) is not None)
        )

    return test


def _needs_met(needs: tuple, line: str) -> bool:
    lowered = None
    nears = None  # several gates share one `near` run (detect-secrets' Cloudant, IBM, Softlayer): one search
    for also, near, folded, needle in needs:
        if folded and lowered is None:
            lowered = line.lower()
        if needle is not None and needle not in (lowered if folded else line):
            continue  # a longer needle folded into a shorter one: it must be there itself
        if also is not None and also.search(lowered if folded else line) is None:
            continue
        if near is None:
            return True
        nears = {} if nears is None else nears
        found = nears.get(near)
        if found is None:
            found = nears[near] = near.search(line) is not None
        if found:
            return True
    return False


def _picked(text: str, lowered: str, searches, sensitive: dict, nocase: dict) -> dict[int, list]:
    """Position -> the needs to test on its line, for every needle of ``searches`` in ``text``."""
    picked: dict[int, list] = {}
    for folded, search, members in searches:
        haystack, needs_of = (lowered, nocase) if folded else (text, sensitive)
        for match in search.finditer(haystack):
            start = match.start()
            # a shorter member may start here too (the longest was tried first); and one may
            # start inside this match, which finditer skips: look for each from here on
            for member in members:
                at = haystack.find(member, start, match.end() + len(member)) if len(members) > 1 else start
                if at != -1:
                    picked.setdefault(at, []).extend(needs_of[member])
    return picked


def _lines_of(text: str, picked: dict[int, list]) -> set[int]:
    """The 0-based lines of ``text`` whose picked positions' needs are met."""
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
        if any(also is None and near is None and needle is None for also, near, _folded, needle in needs):
            lines.add(line)
            continue
        begin = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        if _needs_met(tuple(needs), text[begin:] if end == -1 else text[begin:end]):
            lines.add(line)
    return lines


def run_lines(text: str) -> list[int]:
    """0-based indices (ascending) of the lines of ``text`` that hold a run of RUN token characters."""
    data = text.encode("utf-8", "surrogatepass")
    mapped = data.translate(_RUN_TABLE)
    needle = b"a" * RUN
    found: list[int] = []
    line = last = 0
    at = mapped.find(needle)
    while at != -1:
        line += data.count(b"\n", last, at)
        last = at
        found.append(line)
        end = data.find(b"\n", at)
        if end == -1:
            break
        at = mapped.find(needle, end)
    return found


def candidate_lines(text: str) -> set[int]:
    """0-based indices of the lines (split at "\\n") some gate picks; every other line holds
    no match of any credential detector."""
    return gated_lines(text)[0]


def gated_lines(text: str, all_lines: list[str] | None = None) -> tuple[set[int], list[int]]:
    """:func:`candidate_lines`, and the lines with a run of RUN token characters (where a
    base64 blob may be: detect/decode.py). ``all_lines``: ``text`` split at "\\n" (a final empty
    line may be left out), if at hand."""
    gates = gate_table()
    lowered = text.lower()
    with_run = run_lines(text)
    if len(lowered) != len(text):  # lower() changed a length ('İ'): positions do not carry over
        return {index for index, line in enumerate(text.split("\n")) if line_passes(line)}, with_run
    picked = _picked(text, lowered, gates.searches, gates.sensitive, gates.nocase)
    for shape in gates.shapes:
        for match in shape.finditer(text):
            picked.setdefault(match.start(), []).append((None, None, False, None))
    lines = _lines_of(text, picked) if picked else set()
    if with_run:
        # few lines: the run gates' literals looked for line by line beat a scan per group
        all_lines = text.split("\n") if all_lines is None else all_lines
        lines.update(
            index
            for index in with_run
            if index not in lines and index < len(all_lines) and _run_gates_pass(all_lines[index], gates)
        )
    return lines, with_run


def _run_gates_pass(line: str, gates: _Gates) -> bool:
    """The `run` gates applied to a line that holds a run: one search per start of a literal
    (the longest there, and every literal it holds), so that no literal on the line is missed."""
    searches = ((gates.run_any[0], line, gates.run_sensitive), (gates.run_any[1], line.lower(), gates.run_nocase))
    for search, haystack, table in searches:
        if search is None:
            continue
        match = search.search(haystack)
        while match is not None:
            if any(_needs_met(table[needle], line) for needle in gates.run_held[match.group(0)] if needle in table):
                return True
            match = search.search(haystack, match.start() + 1)
    return any(shape.search(line) for shape in gates.run_shapes)


def line_passes(line: str) -> bool:
    """The gates applied to one line (the slow, obvious form of :func:`candidate_lines`)."""
    gates = gate_table()
    lowered = line.lower()
    tables = [(line, gates.sensitive), (lowered, gates.nocase)]
    for haystack, needles in tables:
        for needle, needs in needles.items():
            if needle in haystack and _needs_met(needs, line):
                return True
    if any(shape.search(line) for shape in gates.shapes):
        return True
    return bool(RUN_PATTERN.search(line)) and _run_gates_pass(line, gates)
