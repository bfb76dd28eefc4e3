"""Formatters: each module has ``render(findings, stream, *, color: bool) -> None`` and sees only
the final findings (and the rule catalogue)."""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "handoff_lint.report.text",
    "json": "handoff_lint.report.json_format",
    "sarif": "handoff_lint.report.sarif",
    "github": "handoff_lint.report.github",
    "junit": "handoff_lint.report.junit",
}


def render(name: str, findings, stream, *, color: bool = False) -> None:
    importlib.import_module(FORMATS[name]).render(findings, stream, color=color)
