"""One run: discover -> read -> check -> suppress. Returns findings; never prints, never writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from handoff_lint import suppress
from handoff_lint.checks import document_checks
from handoff_lint.config import Config
from handoff_lint.discover import SKIPPED, SourceFile, discover
from handoff_lint.findings import Finding, printable
from handoff_lint.reading import read_text
from handoff_lint.source import Source


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    missing_paths: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)  # "path: what went wrong"


def check_file(file: SourceFile, config: Config, modules) -> tuple[list[Finding], list[str]]:
    text, problem = read_text(file.path, file.display, config.max_file_size, file.root)
    if problem is not None:
        return [problem], []
    source = Source(file, text)
    findings: list[Finding] = []
    errors: list[str] = []
    for module in modules:
        if module.KINDS is not None and file.kind not in module.KINDS:
            continue
        try:
            findings.extend(module.check(source, config))
        except Exception as error:  # a bug in one check must not stop the run or hide other files
            errors.append(printable(f"{file.display}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
    if "handoff-lint" in text or "pragma" in text:
        findings = suppress.inline(findings, source.lines, file.display, config)
    return findings, errors


def run(paths: Iterable[str | Path], config: Config) -> Outcome:
    files, missing = discover(paths)
    modules = document_checks(suppress.family_wanted(config))
    outcome = Outcome(missing_paths=missing)
    raw: list[Finding] = []
    for file in files:
        if file.kind == SKIPPED:
            continue
        outcome.files_checked += 1
        findings, errors = check_file(file, config, modules)
        raw.extend(findings)
        outcome.internal_errors.extend(errors)
    # Messages quote file contents: escape what a terminal or an XML report must not see raw.
    outcome.findings = [finding.printable() for finding in suppress.apply(raw, config)]
    return outcome
