"""One run: discover -> read -> check -> suppress. Returns findings; never prints; writes only
the cache (see cache.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from handoff_lint import observed, suppress
from handoff_lint.checks import DOCUMENT_CHECKS
from handoff_lint.checkset import DISK_FAMILIES, CheckSet
from handoff_lint.config import Config
from handoff_lint.discover import SKIPPED, SourceFile, discover, from_blobs
from handoff_lint.filestamp import lstat
from handoff_lint.findings import Finding, printable
from handoff_lint.folder_run import folder_findings
from handoff_lint.reading import decode, read_text
from handoff_lint.source import Source

CREDENTIALS = "handoff_lint.checks.credentials"
PARALLEL_MIN_FILES = 200  # below this, one process is faster than starting workers
INDEXED_KINDS = frozenset({"handoff", "response", "example"})  # whose line scan is kept and cached


class Outcome:
    """What a run found. A plain class: a dataclass costs every run about 1 ms to define."""

    def __init__(self, missing_paths: list[str] | None = None) -> None:
        self.findings: list[Finding] = []
        self.files_checked = 0
        self.missing_paths: list[str] = missing_paths or []
        self.internal_errors: list[str] = []  # "path: what went wrong"


def check_file(file: SourceFile, config: Config, checks: CheckSet, blob: bytes | None = None, cache=None, seen=None) -> tuple[list[Finding], list[str]]:
    """Findings for one file. With ``cache``: a file whose ``lstat`` matches the stamp the cache
    recorded is not read (its content-only findings and scan come from the cache, the checks
    that read the disk run again); a text seen before is not checked again. ``seen`` collects,
    by absolute path, ``(digest or None, scan)`` of handoffs and responses for the folder index."""
    absolute = info = None
    if cache is not None and blob is None:
        absolute = _where(file)
        info = lstat(absolute)  # before the read: a change after it shows in the next stamp
        served = _from_stamp(file, config, checks, cache, absolute, info, seen)
        if served is not None:
            return served
    if blob is None:
        text, problem = read_text(file.path, file.display, config.max_file_size, file.root)
    else:
        text, problem = decode(blob, file.display, config.max_file_size)
    if problem is not None:
        if absolute is not None:
            cache.forget(absolute)
        return [problem], []
    source = Source(file, text)
    key = stored = None
    if cache is not None:
        from handoff_lint.cache import digest

        key = digest(file.kind, text)
        stored = cache.findings(key, file.display)
        scan = cache.scan(key) if stored is not None and file.kind in INDEXED_KINDS else None
        if scan is not None:
            source.scan = scan
    findings, errors = _checks(checks.all() if stored is None else checks.reading_disk(), source, config)
    directives = "handoff-lint" in text or "pragma" in text
    if stored is not None:
        findings.extend(stored.findings)
    if key is not None and not errors:
        content = stored.findings if stored is not None else [f for f in findings if not f.code.startswith(DISK_FAMILIES)]
        if stored is None:
            cache.put_findings(key, content, directives)
        if file.kind in INDEXED_KINDS:
            _keep_scan(cache, key, source.scan, content, checks)
        if absolute is not None:
            cache.remember(absolute, info, file.kind, key)
    if seen is not None and file.kind in INDEXED_KINDS:
        seen[absolute or _where(file)] = (key, source.scan)
    if directives:
        findings = suppress.inline(findings, source.lines, file.display, config)
    return findings, errors


def _where(file: SourceFile) -> str:
    """The file's absolute path: the cache's, the folder index's and replay's name for it."""
    return file.absolute or os.path.abspath(file.path)


def _from_stamp(file: SourceFile, config: Config, checks: CheckSet, cache, absolute: str, info, seen):
    """``(findings, errors)`` for a file the cache vouches for by its stamp, or None."""
    key = cache.known(absolute, info, file.kind)
    stored = cache.findings(key, file.display) if key is not None else None
    if stored is None or stored.directives:
        return None
    scan = None
    if file.kind in INDEXED_KINDS:
        scan = cache.scan(key)
        if scan is None:
            return None
    findings, errors = _checks(checks.reading_disk(), Source(file, scan=scan), config)
    if seen is not None and scan is not None:
        seen[absolute] = (key, scan)
    findings.extend(stored.findings)
    return findings, errors


def _checks(modules, source: Source, config: Config) -> tuple[list[Finding], list[str]]:
    """Run those of ``modules`` that read ``source``'s kind."""
    findings: list[Finding] = []
    errors: list[str] = []
    for module in modules:
        if module.KINDS is not None and source.kind not in module.KINDS:
            continue
        try:
            findings.extend(module.check(source, config))
        except Exception as error:  # a bug in one check must not stop the run or hide other files
            errors.append(printable(f"{source.display}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
    return findings, errors


def _keep_scan(cache, key: bytes, scan, content: list[Finding], checks: CheckSet) -> None:
    """Give the cache a scan, vouching for it when the credential checks ran on the whole text
    and found nothing (else the cache screens the scan itself)."""
    credentials_ran = CREDENTIALS in checks.names
    if credentials_ran and any(f.code.startswith("HL3") for f in content):
        return
    cache.put_scan(key, scan, clean=credentials_ran)


def checked(file: SourceFile, config: Config, checks: CheckSet, cache=None, blob: bytes | None = None) -> tuple[list[Finding], list[str], dict]:
    """``(findings, internal errors, what the folder index may reuse)`` for one file: the
    serial loop's and the workers' one way to check a file (see check_file's ``seen``)."""
    seen: dict = {}
    findings, errors = check_file(file, config, checks, blob, cache, seen)
    return findings, errors, seen


def run(paths: Iterable[str | Path], config: Config, blobs: dict[Path, bytes] | None = None, cache_dir: Path | None = None, jobs: int = 0) -> Outcome:
    """Check ``paths`` on disk, or, with ``blobs`` (``--staged``), those contents under those
    names; with ``cache_dir``, reuse what earlier runs learnt about unchanged files. ``jobs``:
    worker processes (0: as many as cores, for large runs only; 1: none)."""
    cache = None
    if cache_dir is not None:  # before discovery: the cache's clock must start before any stat
        from handoff_lint import cache as caching, rules_data

        cache = caching.for_run(cache_dir, config)
        if cache is not None:  # before the rules are read: the tables the last run parsed
            rules_data.know(*cache.rule_tables())
    checks = CheckSet.selected(suppress.family_wanted(config), DOCUMENT_CHECKS)
    excluded = config.paths.excluded if config.exclude else None
    if blobs is None:
        files, missing = discover(paths, excluded) if excluded else discover(paths)
    else:
        files, missing = from_blobs(blobs, excluded), []
    outcome = Outcome(missing_paths=missing)
    raw: list[Finding] = []
    seen: dict = {}  # what the run read of handoffs and responses, for the folder index
    work = [file for file in files if file.kind != SKIPPED]
    outcome.files_checked = len(work)
    workers = 1
    if blobs is None and jobs != 1 and (jobs > 1 or len(work) >= PARALLEL_MIN_FILES):
        from handoff_lint import parallel  # multiprocessing's import is not free: large runs only

        workers = parallel.workers_for(len(work), jobs, cache, PARALLEL_MIN_FILES)
    if workers > 1:
        results = parallel.check_files(work, config, checks, cache, workers)
    else:
        results = [checked(file, config, checks, cache, None if blobs is None else blobs[file.path]) for file in work]
    for findings, errors, found in results:
        raw.extend(findings)
        outcome.internal_errors.extend(errors)
        seen.update(found)
    raw.extend(folder_findings(files, paths if blobs is None else [], config, outcome, seen if blobs is None else None, cache))
    if observed.recording():  # what a replay must find unchanged (see replay.py)
        for file in work:
            observed.relied_on(_where(file))
        if cache is None:
            observed.spoil()
        else:
            observed.resolve(cache.stamp_of)
    if cache is not None:
        from handoff_lint import rules_data

        cache.put_rule_tables(rules_data.parsed())
        cache.save()
    # Messages quote file contents: escape what a terminal or an XML report must not see raw.
    outcome.findings = [finding.printable() for finding in redacted(suppress.apply(raw, config))]
    return outcome


def redacted(findings: list[Finding]) -> list[Finding]:
    """Messages of every rule quote document text (a title, a field value, a status, a name):
    what looks like a credential in them is shown redacted, as HL3 shows its own."""
    if not findings:
        return findings
    from handoff_lint.redact import redact_text as redact_message  # every detector, not only ours

    shown = []
    for finding in findings:
        message = finding.message if finding.code.startswith("HL3") else redact_message(finding.message)
        shown.append(finding.with_message(message))
    return shown
