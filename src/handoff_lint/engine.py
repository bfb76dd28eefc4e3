"""One run: discover -> read -> check -> suppress. Returns findings; never prints, never writes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from handoff_lint import suppress
from handoff_lint.checks import FOLDER_CHECKS, document_checks
from handoff_lint.config import Config
from handoff_lint.discover import SKIPPED, SourceFile, discover, display_path, from_blobs, inside
from handoff_lint.findings import Finding, printable
from handoff_lint.reading import decode, read_text
from handoff_lint.source import Source

DISK_FAMILIES = ("HL5",)  # findings that depend on other files than the one checked
PARALLEL_MIN_FILES = 200  # below this, one process is faster than starting workers
INDEXED_KINDS = frozenset({"handoff", "response", "example"})  # whose line scan is kept and cached


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    missing_paths: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)  # "path: what went wrong"


def check_file(file: SourceFile, config: Config, modules, blob: bytes | None = None, cache=None, scans=None) -> tuple[list[Finding], list[str]]:
    """Findings for one file; with ``cache``, content-only findings and the line scan are reused
    for a text seen before. ``scans`` collects the line scans of handoffs and responses."""
    if blob is None:
        text, problem = read_text(file.path, file.display, config.max_file_size, file.root)
    else:
        text, problem = decode(blob, file.display, config.max_file_size)
    if problem is not None:
        return [problem], []
    source = Source(file, text)
    key = cached = None
    if cache is not None:
        from handoff_lint.cache import digest

        key = digest(file.kind, text)
        cached = cache.get(key, file.display)
    if cached is not None:
        cached_findings, scan = cached
        if scan is not None:
            source.scan = scan  # the cached_property, filled from the cache
    findings: list[Finding] = []
    errors: list[str] = []
    for module in modules:
        if module.KINDS is not None and file.kind not in module.KINDS:
            continue
        if cached is not None and not getattr(module, "READS_DISK", False):
            continue
        try:
            findings.extend(module.check(source, config))
        except Exception as error:  # a bug in one check must not stop the run or hide other files
            errors.append(printable(f"{file.display}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
    if scans is not None and file.kind in INDEXED_KINDS:
        scans[file.path] = source.scan
    if cached is not None:
        findings.extend(cached_findings)
    elif key is not None and not errors:
        scan = source.scan if file.kind in INDEXED_KINDS else None
        cache.put(key, [f for f in findings if not f.code.startswith(DISK_FAMILIES)], scan)
    if "handoff-lint" in text or "pragma" in text:
        findings = suppress.inline(findings, source.lines, file.display, config)
    return findings, errors


def checked(file: SourceFile, config: Config, modules, cache=None, blob: bytes | None = None) -> tuple[list[Finding], list[str], object]:
    """``(findings, internal errors, line scan or None)`` for one file."""
    scans: dict = {}
    findings, errors = check_file(file, config, modules, blob, cache, scans)
    return findings, errors, scans.get(file.path)


def run(paths: Iterable[str | Path], config: Config, blobs: dict[Path, bytes] | None = None, cache_dir: Path | None = None, jobs: int = 0) -> Outcome:
    """Check ``paths`` on disk, or, with ``blobs`` (``--staged``), those contents under those
    names; with ``cache_dir``, reuse the content-only findings of files seen before. ``jobs``:
    worker processes (0: as many as cores, for large runs only; 1: none)."""
    excluded = config.paths.excluded if config.exclude else None
    if blobs is None:
        files, missing = discover(paths, excluded) if excluded else discover(paths)
    else:
        files, missing = from_blobs(blobs, excluded), []
    modules = document_checks(suppress.family_wanted(config))
    cache = None
    if cache_dir is not None:
        from handoff_lint.cache import Cache, key

        cache = Cache(cache_dir, key(config, modules))
    outcome = Outcome(missing_paths=missing)
    raw: list[Finding] = []
    scans: dict = {}  # line scans of what was read, for the folder index
    work = [file for file in files if file.kind != SKIPPED]
    outcome.files_checked = len(work)
    workers = 1
    if blobs is None and jobs != 1 and (jobs > 1 or len(work) >= PARALLEL_MIN_FILES):
        from handoff_lint import parallel  # multiprocessing's import is not free: large runs only

        workers = parallel.workers_for(len(work), jobs, cache, PARALLEL_MIN_FILES)
    if workers > 1:
        results = parallel.check_files(work, config, modules, cache, workers)
    else:
        results = [checked(file, config, modules, cache, None if blobs is None else blobs[file.path]) for file in work]
    for file, (findings, errors, scan) in zip(work, results):
        raw.extend(findings)
        outcome.internal_errors.extend(errors)
        if scan is not None:
            scans[file.path] = scan
    if cache is not None:
        cache.save()
    scan_cache = None
    if cache_dir is not None:
        from handoff_lint.cache import ScanCache, project

        scan_cache = ScanCache(cache_dir, project(config))
    raw.extend(folder_findings(files, paths if blobs is None else [], config, outcome, scans if blobs is None else None, scan_cache))
    if scan_cache is not None:
        scan_cache.save()
    # Messages quote file contents: escape what a terminal or an XML report must not see raw.
    outcome.findings = [finding.printable() for finding in suppress.apply(raw, config)]
    return outcome


def folder_findings(files: list[SourceFile], walked: Iterable[str | Path], config: Config, outcome: Outcome, scans=None, scan_cache=None) -> list[Finding]:
    """Findings of the folder checks for every handoff root the run touched.

    The index is built from the whole root on disk, but only findings on files of this run (or
    on strays inside a folder the run walked) are kept: a pre-commit run that passes one staged
    response is checked against the handoffs it names without reporting on the others.
    """
    modules = document_checks(suppress.family_wanted(config), FOLDER_CHECKS)
    roots = sorted({file.root for file in files if file.root is not None and file.kind != SKIPPED})
    if not modules or not roots:
        return []
    from handoff_lint.folder_index import build

    in_run = {file.display for file in files}
    walked_dirs = [os.path.abspath(p) for p in walked if os.path.isdir(p)]
    kept: list[Finding] = []

    def keep(display: str) -> bool:
        return display in in_run or inside(display, walked_dirs)

    for root in roots:
        index = build(root, scans=scans, scan_cache=scan_cache)
        for module in modules:
            try:
                found = module.check(index, config, keep)
            except Exception as error:  # as for document checks: report, go on
                outcome.internal_errors.append(printable(f"{display_path(root)}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
                continue
            kept.extend(f for f in found if keep(f.path))
    return kept
