"""Inline suppression comments, read from a file's text.

    <!-- handoff-lint: disable=HL201,HL3 -->   ... <!-- handoff-lint: enable -->
    <!-- handoff-lint: disable-next-line=HL301 -->
    <!-- handoff-lint: disable-file=HL109 -->   (no codes: every rule)
    ... pragma: allowlist secret               (detect-secrets: HL3xx on this line)
    ... pragma: allowlist nextline secret      (detect-secrets: HL3xx on the next line)

handoff-lint comments inside fenced code blocks are code, not directives; the detect-secrets
pragmas count anywhere, as they do for detect-secrets (they are usually in code).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

# No two quantifiers share a run of spaces (the codes start and end with a code character), so
# a long run of spaces in a broken comment is scanned a bounded number of times.
_COMMENT = re.compile(
    r"<!--\s*handoff-lint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=(?:\s*(?P<codes>[A-Za-z0-9,]+(?:[ ]+[A-Za-z0-9,]+)*))?)?\s*-->"
)
# Any comment addressed to handoff-lint; one _COMMENT does not match is malformed (HL903).
_ANY_COMMENT = re.compile(r"<!--\s*handoff-lint\s*:(?P<body>(?:(?!-->).){0,200})-->")
_PRAGMA = re.compile(r"pragma:\s*allowlist\s+(?P<next>nextline\s+)?secret")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


@dataclass
class Directive:
    line: int  # where the comment is (for the unused-suppression finding)
    prefixes: tuple[str, ...]  # empty: every rule
    first: int
    last: int  # inclusive; a very large number for "to the end"
    used: bool = False
    used_prefixes: set = field(default_factory=set)  # those of ``prefixes`` that suppressed a finding
    pragma: bool = False  # detect-secrets' pragma, not a handoff-lint comment

    def names(self, code: str) -> bool:
        return not self.prefixes or code.startswith(self.prefixes)

    def unused_prefixes(self) -> tuple[str, ...]:
        return tuple(prefix for prefix in self.prefixes if prefix not in self.used_prefixes)


@dataclass
class Directives:
    items: list[Directive] = field(default_factory=list)
    # (line, column, what is wrong): comments that name no rule code or no known verb
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)

    def drop_suppressed(self, findings: list) -> list:
        """The findings no directive covers; every directive that covers one is marked used.

        One sweep per rule code over the directives sorted by first line, with binary search:
        testing each finding against each directive took minutes for a file with tens of
        thousands of comments and findings.
        """
        lines_by_code: dict[str, list[int]] = {}
        for finding in findings:
            lines_by_code.setdefault(finding.code, []).append(finding.line)
        suppressed: set[tuple[str, int]] = set()
        for code, lines in lines_by_code.items():
            lines = sorted(set(lines))
            ranges = sorted((d for d in self.items if d.names(code)), key=lambda d: d.first)
            if not ranges:
                continue
            for directive in ranges:
                index = bisect_left(lines, directive.first)
                if index < len(lines) and lines[index] <= directive.last:
                    directive.used = True
                    directive.used_prefixes.update(prefix for prefix in directive.prefixes if code.startswith(prefix))
            firsts = [d.first for d in ranges]
            reach = list(accumulate((d.last for d in ranges), max))  # furthest line covered so far
            for line in lines:
                index = bisect_right(firsts, line)
                if index and reach[index - 1] >= line:
                    suppressed.add((code, line))
        return [f for f in findings if (f.code, f.line) not in suppressed]

    def unused(self) -> list[Directive]:
        """Directives that suppressed nothing, or that name a code that suppressed nothing."""
        return [d for d in self.items if not d.used or d.unused_prefixes()]


def _prefixes(codes: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (codes or "").split(",") if code.strip())


def _known(prefix: str) -> bool:
    """Is ``prefix`` a rule code or the prefix of one (``HL2``, ``HL20``, ``HL201``)?"""
    from handoff_lint.data.catalogue import catalogue

    return any(code.startswith(prefix) for code in catalogue())


def read_directives(lines: list[str]) -> Directives:
    found = Directives()
    end = len(lines) + 1
    open_blocks: dict[int, Directive] = {}  # id -> a disable block not yet closed
    open_by_prefix: dict[str, list[Directive]] = {}  # may still list closed blocks
    fence: str | None = None
    for number, text in enumerate(lines, start=1):
        if "pragma" in text:
            for match in _PRAGMA.finditer(text):
                target = number + 1 if match.group("next") else number
                found.items.append(Directive(number, ("HL3",), target, target, pragma=True))
        fence_match = _FENCE.match(text)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None or "handoff-lint" not in text:
            continue
        for any_match in _ANY_COMMENT.finditer(text):
            match = _COMMENT.fullmatch(any_match.group(0))
            if match is None:
                found.problems.append((number, any_match.start() + 1, "HL903", f"malformed suppression comment {any_match.group(0)!r}: "
                                       "write <!-- handoff-lint: disable=CODES -->, disable-next-line=, disable-file= or enable"))
                continue
            verb, prefixes = match.group("verb"), _prefixes(match.group("codes"))
            unknown = [prefix for prefix in prefixes if not _known(prefix)]
            if unknown:
                found.problems.append((number, any_match.start() + 1, "HL902", f"suppression comment names {', '.join(unknown)}, which is no rule code or prefix (see 'handoff-lint rules')"))
                prefixes = tuple(prefix for prefix in prefixes if prefix not in unknown)
                if not prefixes:  # names nothing real: suppresses nothing (never every rule)
                    continue
            if verb == "disable-next-line":
                found.items.append(Directive(number, prefixes, number + 1, number + 1))
            elif verb == "disable-file":
                found.items.append(Directive(number, prefixes, 1, end))
            elif verb == "disable":
                block = Directive(number, prefixes, number, end)
                open_blocks[id(block)] = block
                for prefix in prefixes:
                    open_by_prefix.setdefault(prefix, []).append(block)
                found.items.append(block)
            else:  # enable: closes every open block, or those that name one of its codes
                if prefixes:
                    closing = [block for prefix in set(prefixes) for block in open_by_prefix.pop(prefix, [])]
                else:
                    closing = list(open_blocks.values())
                for block in closing:  # each block is closed once: no rescan of the open ones
                    if open_blocks.pop(id(block), None) is not None:
                        block.last = number
    return found
