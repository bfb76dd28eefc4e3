"""Inline suppression comments and the peers' line markers, read from a file's text.

    <!-- handoff-lint: disable=HL201,HL1 -->   ... <!-- handoff-lint: enable -->
    <!-- handoff-lint: disable-next-line=HL301 -->
    <!-- handoff-lint: disable-file=HL109 -->   (no codes: every rule)
    ... pragma: allowlist secret               (detect-secrets: HL3xx on this line)
    ... pragma: allowlist nextline secret      (detect-secrets: HL3xx on the next line)
    ... gitleaks:allow                         (gitleaks: HL3xx on this line)

handoff-lint comments inside code blocks are code, not directives; which lines are code is the
parser's answer (parse.markdown.code_lines), given by the caller. The peers' markers count
anywhere, as they do for their tools (they are usually in code). What each directive may hide is
engine/suppress.py's decision, passed to :meth:`Directives.drop_suppressed`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# No two quantifiers share a run of spaces (the codes start and end with a code character), so
# a long run of spaces in a broken comment is scanned a bounded number of times.
_COMMENT = re.compile(
    r"<!--\s*handoff-lint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=(?:\s*(?P<codes>[A-Za-z0-9,]+(?:[ ]+[A-Za-z0-9,]+)*))?)?\s*-->"
)
# Any comment addressed to handoff-lint; one _COMMENT does not match is malformed (HL903).
_ANY_COMMENT = re.compile(r"<!--\s*handoff-lint\s*:(?P<body>(?:(?!-->).){0,200})-->")
_PRAGMA = re.compile(r"pragma:\s*allowlist\s+(?P<next>nextline\s+)?secret")
_GITLEAKS = "gitleaks:allow"  # gitleaks' own marker: a plain substring of the line, as gitleaks reads it
PEER_MARKER = re.compile(r"pragma:\s*allowlist\s+(?:nextline\s+)?secret|gitleaks:allow")  # either peer's, to remove
NEXT_LINE, RANGE, FILE, PRAGMA = "disable-next-line", "disable", "disable-file", "pragma"
LINE_KINDS = frozenset({NEXT_LINE, PRAGMA})  # what hides findings of one line only


@dataclass
class Directive:
    line: int  # where the comment is (for the unused-suppression finding)
    prefixes: tuple[str, ...]  # empty: every rule
    first: int
    last: int  # inclusive; a very large number for "to the end"
    kind: str = NEXT_LINE  # NEXT_LINE, RANGE, FILE or PRAGMA (a peer's marker)
    said: str = ""  # the directive as written back (not quoted: only its verb and codes), for reports
    used: bool = False
    used_prefixes: set = field(default_factory=set)  # those of ``prefixes`` that suppressed a finding
    refused: set = field(default_factory=set)  # codes it covered but was not allowed to hide

    @property
    def pragma(self) -> bool:
        """A peer's marker, not a handoff-lint comment."""
        return self.kind == PRAGMA

    @property
    def line_level(self) -> bool:
        return self.kind in LINE_KINDS

    def names(self, code: str) -> bool:
        return not self.prefixes or code.startswith(self.prefixes)

    def unused_prefixes(self) -> tuple[str, ...]:
        return tuple(prefix for prefix in self.prefixes if prefix not in self.used_prefixes)

    def justification(self) -> str:
        """What hid a finding, as the reports say it (SARIF's ``justification``)."""
        return f"{self.said} (line {self.line})"


@dataclass
class Directives:
    items: list[Directive] = field(default_factory=list)
    # (line, column, what is wrong): comments that name no rule code or no known verb
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)
    # the handoff-lint comments of a text too long to tell its code from its comments (1-based lines)
    unread: list[int] = field(default_factory=list)

    def drop_suppressed(self, findings: Iterable, may_hide: Callable[[Directive, str], bool]) -> tuple[list, list]:
        """``(kept, suppressed)``: the findings no directive hides, and ``(finding, directive)``
        for each one hidden (by the directive covering it furthest). A directive hides a finding
        that it covers and names when ``may_hide(directive, code)``; one that covers and names a
        finding but may not hide it keeps the code in ``refused``. Each directive that hides one
        is marked used.

        One sweep per rule code over the directives sorted by first line, with binary search:
        testing each finding against each directive took minutes for a file with tens of
        thousands of comments and findings.
        """
        lines_by_code: dict[str, list[int]] = {}
        for finding in findings:
            lines_by_code.setdefault(finding.code, []).append(finding.line)
        hidden: dict[tuple[str, int], Directive] = {}
        for code, lines in lines_by_code.items():
            lines = sorted(set(lines))
            named = [d for d in self.items if d.names(code)]
            if not named:
                continue
            allowed = sorted((d for d in named if may_hide(d, code)), key=lambda d: d.first)
            allowed_ids = {id(d) for d in allowed}
            for directive in named:
                index = bisect_left(lines, directive.first)
                if index < len(lines) and lines[index] <= directive.last:
                    if id(directive) in allowed_ids:
                        directive.used = True
                        directive.used_prefixes.update(p for p in directive.prefixes if code.startswith(p))
                    else:
                        directive.refused.add(code)
            if not allowed:
                continue
            firsts = [d.first for d in allowed]
            furthest = []  # of the directives up to each one, the one that reaches furthest
            for directive in allowed:
                furthest.append(directive if not furthest or directive.last > furthest[-1].last else furthest[-1])
            for line in lines:
                index = bisect_right(firsts, line)
                if index and furthest[index - 1].last >= line:
                    hidden[(code, line)] = furthest[index - 1]
        kept, suppressed = [], []
        for finding in findings:
            directive = hidden.get((finding.code, finding.line))
            if directive is None:
                kept.append(finding)
            else:
                suppressed.append((finding, directive))
        return kept, suppressed

    def unused(self) -> list[Directive]:
        """Directives that suppressed nothing, or that name a code that suppressed nothing."""
        return [d for d in self.items if not d.used or d.unused_prefixes()]


def _prefixes(codes: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (codes or "").split(",") if code.strip())


def _known(prefix: str) -> bool:
    """Is ``prefix`` a rule code or the prefix of one (``HL2``, ``HL20``, ``HL201``)?"""
    from handoff_lint.data.catalogue import catalogue

    return any(code.startswith(prefix) for code in catalogue())


def read_directives(lines: list[str], code: Callable[[], frozenset[int] | None] = frozenset) -> Directives:
    """The directives of a text's ``lines``. ``code()``: the lines inside code blocks, asked when
    the first handoff-lint comment is met (None: too long to tell; then its comments are listed
    in ``unread`` and hide nothing)."""
    found = Directives()
    end = len(lines) + 1
    open_blocks: dict[int, Directive] = {}  # id -> a disable block not yet closed
    open_by_prefix: dict[str, list[Directive]] = {}  # may still list closed blocks
    in_code: frozenset[int] | None = None
    asked = False
    for number, text in enumerate(lines, start=1):
        if "pragma" in text:
            for match in _PRAGMA.finditer(text):
                target = number + 1 if match.group("next") else number
                said = "pragma: allowlist nextline secret" if match.group("next") else "pragma: allowlist secret"
                found.items.append(Directive(number, ("HL3",), target, target, PRAGMA, said))
        if _GITLEAKS in text:
            found.items.append(Directive(number, ("HL3",), number, number, PRAGMA, _GITLEAKS))
        if "handoff-lint" not in text:
            continue
        if not asked:
            in_code, asked = code(), True
        if in_code is None:
            if _ANY_COMMENT.search(text):
                found.unread.append(number)
            continue
        if number in in_code:
            continue
        for any_match in _ANY_COMMENT.finditer(text):
            match = _COMMENT.fullmatch(any_match.group(0))
            if match is None:
                found.problems.append(
                    (
                        number,
                        any_match.start() + 1,
                        "HL903",
                        f"malformed suppression comment {any_match.group(0)!r}: "
                        "write <!-- handoff-lint: disable=CODES -->, disable-next-line=, disable-file= or enable",
                    )
                )
                continue
            verb, prefixes = match.group("verb"), _prefixes(match.group("codes"))
            unknown = [prefix for prefix in prefixes if not _known(prefix)]
            if unknown:
                found.problems.append(
                    (
                        number,
                        any_match.start() + 1,
                        "HL902",
                        f"suppression comment names {', '.join(unknown)}, which is no rule code or prefix (see 'handoff-lint rules')",
                    )
                )
                prefixes = tuple(prefix for prefix in prefixes if prefix not in unknown)
                if not prefixes:  # names nothing real: suppresses nothing (never every rule)
                    continue
            said = f"<!-- handoff-lint: {verb}{'=' + ','.join(prefixes) if prefixes else ''} -->"
            if verb == NEXT_LINE:
                found.items.append(Directive(number, prefixes, number + 1, number + 1, NEXT_LINE, said))
            elif verb == FILE:
                found.items.append(Directive(number, prefixes, 1, end, FILE, said))
            elif verb == RANGE:
                block = Directive(number, prefixes, number, end, RANGE, said)
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
