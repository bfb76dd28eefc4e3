"""Formatters: each module has ``render(findings, stream, *, color: bool, notes=()) -> None`` and
sees only the final findings (and the rule catalogue), and the run's notes on a configuration
that weakens the guard (engine/guard.py: standard error says them; SARIF and GitHub carry them too)."""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "handoff_lint.report.text",
    "json": "handoff_lint.report.json_format",
    "sarif": "handoff_lint.report.sarif",
    "github": "handoff_lint.report.github",
    "junit": "handoff_lint.report.junit",
}


def render(name: str, findings, stream, *, color: bool = False, notes=()) -> None:
    importlib.import_module(FORMATS[name]).render(findings, stream, color=color, notes=notes)
