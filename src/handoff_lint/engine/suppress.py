"""The one place that decides which findings are reported, and with what severity."""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter
from typing import Iterable

from handoff_lint.data.catalogue import catalogue, is_selected
from handoff_lint.data.config import Config
from handoff_lint.findings import Finding


def family_wanted(config: Config):
    """A predicate: does the run select any rule whose code starts with this family prefix?"""
    codes = list(catalogue())

    @lru_cache(maxsize=None)
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


def inline(findings: list[Finding], lines: list[str], display: str, config: Config) -> tuple[list[Finding], int]:
    """Drop the findings that a comment in the file suppresses, of the families the settings
    let comments suppress (``inline-suppress``); report comments that suppress nothing as HL901
    (only when the rules they name ran: a pragma is not unused because the run left its family
    out), and comments that name a family the settings keep from them as HL904. Returns the
    findings kept and how many were suppressed."""
    from handoff_lint.engine.directives import read_directives

    directives = read_directives(lines)
    allowed = tuple(config.inline_suppress)
    if "ALL" in allowed:
        kept = directives.drop_suppressed(findings)
    else:
        open_to = [f for f in findings if f.code.startswith(allowed)]
        kept = directives.drop_suppressed(open_to) + [f for f in findings if not f.code.startswith(allowed)]
        for directive in directives.items:  # a comment for every rule still suppresses what it may
            refused = [p for p in directive.prefixes if not p.startswith(allowed)]
            if refused:
                directive.used = True  # reported here as refused, not as unused
                directive.used_prefixes.update(refused)
                names = ", ".join(refused)
                kept.append(Finding(display, directive.line, 1, "HL904", f"suppression comment for {names} has no effect: this project lets comments suppress only {', '.join(allowed)} (inline-suppress)"))
    suppressed = len(findings) - sum(1 for f in kept if f.code != "HL904")
    wanted = family_wanted(config)
    for directive in directives.unused():
        unused = directive.unused_prefixes() if directive.used else directive.prefixes
        if not all(wanted(prefix) for prefix in unused or ("HL",)):
            continue
        if directive.pragma:
            message = "'pragma: allowlist secret' suppresses nothing (no HL3 finding on its line); remove it"
        elif unused:
            message = f"suppression of {', '.join(unused)} suppresses nothing; remove {'it' if len(unused) == 1 else 'them'}"
        else:
            message = "suppression comment (every rule) suppresses nothing; remove it"
        kept.append(Finding(display, directive.line, 1, "HL901", message))
    for line, column, code, message in directives.problems:
        kept.append(Finding(display, line, column, code, message))
    return kept, suppressed
