"""The check stage for one text: every selected document check, the cache's findings standing
for the content-only ones when it has them, then suppression comments, the bound
(max-findings-per-rule) and the Show seam. What the serial loop and the worker processes both
run; its result is plain data."""

from __future__ import annotations

from typing import NamedTuple

from handoff_lint.data.config import Config
from handoff_lint.detect.values import Known
from handoff_lint.engine import suppress
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.findings import MAX_MESSAGE, Finding, with_utf16_columns
from handoff_lint.model.kinds import SourceFile
from handoff_lint.model.source import Source
from handoff_lint.parse.scanner import Scan
from handoff_lint.show import shown

INDEXED_KINDS = frozenset({"handoff", "response", "example"})  # whose line scan the folder checks read


class Checked(NamedTuple):
    """One text's result: plain data, so worker processes can send it back.

    ``content``: the content-only findings when they were computed here (for the cache), else
    None; ``scan``: the line scan as plain data, for the kinds the folder checks read; ``spans``:
    where the text's secrets are (for the cache); ``secrets``: their values, with the characters
    each may show (for the run's other strings: never stored)."""

    findings: list[Finding]
    errors: list[str]
    content: list[Finding] | None
    scan: tuple | None
    spans: tuple
    secrets: tuple
    suppressed: int = 0  # findings suppression comments hid


def check_text(
    file: SourceFile, text: str, config: Config, checks: CheckSet, stored=None, name_secrets: tuple | None = None
) -> Checked:
    """Every selected document check on one text. ``stored``: the cache's entry for it, whose
    findings (if known) stand for the content-only checks. ``name_secrets``: the secret values
    of the file's name, as the run's scan of every name found them (else it is scanned here).

    Findings are bounded (max-findings-per-rule) and shown (show.py) last, after suppression
    comments, which decide by code and line: a bound taken before them could let a comment hide
    the summary of what the bound left out."""
    scan = Scan.from_stored(stored.scan) if stored is not None and stored.scan is not None else None
    source = Source(file, text, scan, stored.spans if stored is not None else None, name_secrets)
    known = source.known  # the text's one credential scan (or its spans from the cache)
    errors: list[str] = []
    computed = stored is None or stored.findings is None
    content = _run(checks.content(), source, config, errors) if computed else stored.findings
    disk = _run(checks.disk(), source, config, errors)
    suppressed = 0
    if "handoff-lint" in text or "pragma" in text or "gitleaks:allow" in text:  # suppression comments
        found, suppressed = suppress.inline(
            content + disk, source.lines, file.display, config, lambda: source.code_lines
        )
        # bounded apart: the suppressed ones neither take the open ones' places nor go unsummarised
        open_ = bounded([f for f in found if not f.suppressed], config.max_findings, file.display)
        findings = shown_findings(open_, known)
        if suppressed:
            hidden = bounded([f for f in found if f.suppressed], config.max_findings, file.display)
            findings += shown_findings(hidden, known)
        # kept (shown) for the cache unless so many that keeping them all is the attack
        keep = shown_findings(content, known) if computed and len(content) <= 10 * config.max_findings else None
    else:
        if computed:
            content = shown_findings(bounded(content, config.max_findings, file.display), known)
        findings = content + shown_findings(bounded(disk, config.max_findings, file.display), known)
        keep = content if computed else None
    if errors:
        keep = None  # a check that failed is tried again next run
    if not text.isascii():
        findings = with_utf16_columns(findings, source.lines)
    scan_data = source.scan.to_data() if file.kind in INDEXED_KINDS else None
    return Checked(findings, errors, keep, scan_data, source.spans, tuple(known), suppressed)


def _run(modules, source: Source, config: Config, errors: list[str]) -> list[Finding]:
    """The findings of those of ``modules`` that read ``source``'s kind."""
    findings: list[Finding] = []
    for module in modules:
        if module.KINDS is not None and source.kind not in module.KINDS:
            continue
        applies = getattr(module, "applies", None)  # a family that reads only some files (privacy-outside)
        if applies is not None and not applies(source, config):
            continue
        try:
            findings.extend(module.check(source, config))
        except Exception as error:  # a bug in one check must not stop the run or hide other files
            # an exception's text is no scanned string: redacted by value, then by the detectors
            message = source.known.redact(
                f"{source.display}: internal error in {module.__name__}: {type(error).__name__}: {error}"
            )
            errors.append(shown(message, 1000))
    return findings


def shown_findings(findings: list[Finding], known: Known | None = None) -> list[Finding]:
    """Messages, and the expected and found texts of near misses, as they may be shown (see
    show.py), redacted by the secret values of the texts they derive from (``known``; None: no
    scan stands behind them, so the detectors run); showing a shown text changes nothing."""
    return [
        finding.with_texts(
            shown(finding.message, MAX_MESSAGE, known),
            shown(finding.expected, MAX_MESSAGE, known) if finding.expected else "",
            shown(finding.found, MAX_MESSAGE, known) if finding.found else "",
        )
        for finding in findings
    ]


def bounded(findings: list[Finding], limit: int, display: str) -> list[Finding]:
    """At most ``limit`` findings of each rule (the first, in the checks' order), then one
    finding of that rule saying how many more there are: one 4.5 MB line of paths made 750,000
    findings and 110 MB of output. Counted before any message is shown (that costs most)."""
    if len(findings) <= limit:
        return findings
    counts: dict[str, int] = {}
    kept: list[Finding] = []
    first_dropped: dict[str, Finding] = {}
    for finding in findings:
        count = counts[finding.code] = counts.get(finding.code, 0) + 1
        if count <= limit:
            kept.append(finding)
        elif count == limit + 1:
            first_dropped[finding.code] = finding
    for code, dropped in first_dropped.items():
        more = counts[code] - limit
        kept.append(
            Finding(
                display,
                dropped.line,
                dropped.column,
                code,
                f"{more:,} more {code} finding{'s' if more != 1 else ''} in this file, not shown "
                f"(max-findings-per-rule = {limit})",
                suppressed=dropped.suppressed,
            )
        )
    return kept
