"""The one place that decides which findings are reported, and with what severity."""

from __future__ import annotations

from typing import Iterable

from handoff_lint.catalogue import catalogue, is_selected
from handoff_lint.config import Config
from handoff_lint.findings import Finding


def family_wanted(config: Config):
    """A predicate: does the run select any rule whose code starts with this family prefix?"""
    codes = list(catalogue())

    def wanted(family: str) -> bool:
        return any(code.startswith(family) and is_selected(code, config.select, config.ignore) for code in codes)

    return wanted


def apply(findings: Iterable[Finding], config: Config) -> list[Finding]:
    rules = catalogue()
    kept = []
    for finding in findings:
        if not is_selected(finding.code, config.select, config.ignore):
            continue
        severity = config.severity.get(finding.code) or rules[finding.code].severity
        kept.append(finding.with_severity(severity))
    return sorted(set(kept))
