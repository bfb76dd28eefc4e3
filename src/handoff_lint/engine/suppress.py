"""The one place that decides which findings are reported, and with what severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING

from handoff_lint.data.catalogue import catalogue, is_selected
from handoff_lint.data.config import Config
from handoff_lint.findings import Finding

if TYPE_CHECKING:
    from handoff_lint.parse.directives import Directive


def family_wanted(config: Config):
    """A predicate: does the run select any rule whose code starts with this family prefix?"""
    codes = list(catalogue())

    @cache
    def wanted(family: str) -> bool:
        return any(code.startswith(family) and is_selected(code, config.select, config.ignore) for code in codes)

    return wanted


def apply(findings: Iterable[Finding], config: Config) -> list[Finding]:
    rules = catalogue()
    extra_ignores: dict = {}  # display path -> codes its per-file-ignores switch off
    decided: dict = {}  # (code, extra ignores) -> severity, or None when not selected
    kept = []
    for finding in findings:
        extra = ()
        if config.per_file_ignores:
            extra = extra_ignores.get(finding.path)
            if extra is None:
                extra = extra_ignores[finding.path] = tuple(config.paths.ignored_codes(finding.path))
        verdict = (finding.code, extra)
        if verdict not in decided:  # once per rule (and per-file-ignores), not per finding
            selected = is_selected(finding.code, config.select, [*config.ignore, *extra])
            decided[verdict] = (config.severity.get(finding.code) or rules[finding.code].severity) if selected else None
        severity = decided[verdict]
        if severity is not None:
            kept.append(finding.with_severity(severity))
    # the dataclass order, as one key per finding: comparing Findings field by field cost
    # seconds once a file had a hundred thousand of them
    return sorted(set(kept), key=attrgetter("path", "line", "column", "code", "message"))


PROTECTED = ("HL2", "HL3")  # privacy and credentials: comments hide them line by line only


def comments_may_hide(inline_suppress: list[str]) -> Callable[[Directive, str], bool]:
    """What ``inline-suppress`` lets a directive hide: a code under one of its prefixes; a
    privacy or credential code (HL2, HL3) only by a line-level directive that names it (a
    ``disable-next-line`` naming the code, its family or a prefix between, or a peer's marker),
    unless the list holds ALL (every comment hides every rule: for trusted repositories)."""
    allowed = tuple(inline_suppress)
    if "ALL" in allowed:
        return lambda directive, code: True

    def may_hide(directive: Directive, code: str) -> bool:
        if not code.startswith(allowed):
            return False
        if not code.startswith(PROTECTED):
            return True
        return directive.line_level and any(code.startswith(p) and p.startswith(PROTECTED) for p in directive.prefixes)

    return may_hide


def inline(
    findings: list[Finding],
    lines: list[str],
    display: str,
    config: Config,
    code: Callable[[], frozenset[int] | None] = frozenset,
) -> tuple[list[Finding], int]:
    """Mark the findings that a comment in the file hides, as ``inline-suppress`` lets comments
    hide them (:func:`comments_may_hide`): each stays in the list, ``suppressed`` by that comment.
    Report comments that suppress nothing as HL901 (only when the rules they name ran: a pragma
    is not unused because the run left its family out), and comments that name or cover a code
    the settings keep from them as HL904. ``code()``: the lines inside code blocks, whose comments
    are code. Returns the findings and how many are suppressed."""
    # lazy: parse.directives (~7 ms, its patterns) only for a text that holds a suppression comment
    from handoff_lint.parse.directives import read_directives

    directives = read_directives(lines, code)
    allowed = tuple(config.inline_suppress)
    everything = "ALL" in allowed
    kept, hidden = directives.drop_suppressed(findings, comments_may_hide(config.inline_suppress))
    kept.extend(finding.suppressed_by(directive.justification()) for finding, directive in hidden)
    if directives.unread:
        kept.append(
            Finding(
                display,
                directives.unread[0],
                1,
                "HL904",
                f"{len(directives.unread):,} suppression comment(s) have no effect: the file is too "
                "long (over 100,000 lines, not written at the margin) to tell its code blocks from its "
                "comments",
            )
        )
    for directive in [] if everything else directives.items:
        named = []  # its prefixes the settings keep from it, each with why
        for prefix in directive.prefixes:
            if not prefix.startswith(allowed):
                named.append(prefix)
            elif prefix.startswith(PROTECTED) and not directive.line_level:
                named.append(prefix)
        covered = sorted(c for c in directive.refused if not c.startswith(tuple(named)))
        if not named and not covered:
            continue
        directive.used = True  # reported here as refused, not as unused
        directive.used_prefixes.update(named)
        directive.used_prefixes.update(p for p in directive.prefixes if any(c.startswith(p) for c in covered))
        kept.append(Finding(display, directive.line, 1, "HL904", _refusal(directive, named, covered, allowed)))
    wanted = family_wanted(config)
    for directive in directives.unused():
        unused = directive.unused_prefixes() if directive.used else directive.prefixes
        if not all(wanted(prefix) for prefix in unused or ("HL",)):
            continue
        if directive.pragma:
            message = f"'{directive.said}' suppresses nothing (no HL3 finding on its line); remove it"
        elif unused:
            message = (
                f"suppression of {', '.join(unused)} suppresses nothing; remove {'it' if len(unused) == 1 else 'them'}"
            )
        else:
            message = "suppression comment (every rule) suppresses nothing; remove it"
        kept.append(Finding(display, directive.line, 1, "HL901", message))
    for line, column, rule, message in directives.problems:
        kept.append(Finding(display, line, column, rule, message))
    return kept, len(hidden)


def _refusal(directive: Directive, named: list[str], covered: list[str], allowed: tuple[str, ...]) -> str:
    """The HL904 message: which codes the comment does not hide, and why (from the directive's
    verb and codes only: nothing else of the document is quoted)."""
    what = directive.said if directive.pragma else f"suppression comment {directive.said}"
    codes = [*named, *covered]
    outside = [c for c in codes if not c.startswith(allowed)]
    reasons = []
    if outside:
        reasons.append(f"this project lets comments hide only {', '.join(allowed)} (inline-suppress)")
    if len(outside) < len(codes):
        if directive.line_level:  # covers a privacy or credential code without naming it
            example = next((c for c in covered if c.startswith(PROTECTED)), "HL301")
            reasons.append(
                f"a comment hides a privacy or credential finding only by naming its code (disable-next-line={example})"
            )
        else:
            reasons.append(
                "privacy and credential findings are hidden only line by line (disable-next-line=CODE), "
                'unless inline-suppress = ["ALL"]'
            )
    return f"{what} does not hide {', '.join(codes)}: {'; '.join(reasons)}"
