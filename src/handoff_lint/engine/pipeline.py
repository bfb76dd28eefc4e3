"""One run: discover -> read -> check each text -> folder checks -> suppress. Returns findings;
never prints; writes nothing but the cache.

Every file the run checks is read. The cache is asked in one place (:func:`_check_all`): for a
text it has seen under the same salt, the content-only findings come from it, and the checks that
read other files (HL5) run again; any other text is checked in full (over worker processes when
there are many) and its findings stored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

from handoff_lint.checks import DOCUMENT_CHECKS
from handoff_lint.data.config import Config
from handoff_lint.engine import suppress
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import SKIPPED, UNCLASSIFIED, SourceFile, classify, discover, display_path, from_blobs
from handoff_lint.findings import printable
from handoff_lint.engine.folder import folder_findings
from handoff_lint.engine.reading import decode, read_text
from handoff_lint.engine.source import Source
from handoff_lint.findings import MAX_MESSAGE, Finding

PARALLEL_MIN_FILES = 200  # below this many texts to check in full, one process is faster
INDEXED_KINDS = frozenset({"handoff", "response", "example"})  # whose line scan the folder checks read


@dataclass(slots=True)
class Outcome:
    """What a run found."""

    missing_paths: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    internal_errors: list[str] = field(default_factory=list)  # "path: what went wrong"
    roots: set = field(default_factory=set)  # the handoff roots of the files the run found
    suppressed: int = 0  # findings hidden by suppression comments (the summary says how many)


class Checked(NamedTuple):
    """One text's result: plain data, so worker processes can send it back.

    ``content``: the content-only findings when they were computed here (for the cache), else
    None; ``scan``: the line scan as plain data, for the kinds the folder checks read."""

    findings: list[Finding]
    errors: list[str]
    content: list[Finding] | None
    scan: tuple | None
    suppressed: int = 0  # findings suppression comments hid


def check_text(file: SourceFile, text: str, config: Config, checks: CheckSet, stored=None) -> Checked:
    """Every selected document check on one text. ``stored``: the cache's entry for it, whose
    findings (if known) stand for the content-only checks.

    Findings are bounded (max-findings-per-rule) and shown (show.py) last, after suppression
    comments, which decide by code and line: a bound taken before them could let a comment hide
    the summary of what the bound left out."""
    from handoff_lint.engine.folder_index import Scan

    scan = Scan.from_data(stored.scan) if stored is not None and stored.scan is not None else None
    source = Source(file, text, scan)
    errors: list[str] = []
    computed = stored is None or stored.findings is None
    content = _run(checks.content(), source, config, errors) if computed else stored.findings
    disk = _run(checks.disk(), source, config, errors)
    suppressed = 0
    if "handoff-lint" in text or "pragma" in text:  # suppression comments
        found, suppressed = suppress.inline(content + disk, source.lines, file.display, config)
        findings = _shown(bounded(found, config.max_findings, file.display))
        # kept (shown) for the cache unless so many that keeping them all is the attack
        keep = _shown(content) if computed and len(content) <= 10 * config.max_findings else None
    else:
        if computed:
            content = _shown(bounded(content, config.max_findings, file.display))
        findings = content + _shown(bounded(disk, config.max_findings, file.display))
        keep = content if computed else None
    if errors:
        keep = None  # a check that failed is tried again next run
    return Checked(findings, errors, keep, source.scan.to_data() if file.kind in INDEXED_KINDS else None, suppressed)


def _run(modules, source: Source, config: Config, errors: list[str]) -> list[Finding]:
    """The findings of those of ``modules`` that read ``source``'s kind."""
    findings: list[Finding] = []
    for module in modules:
        if module.KINDS is not None and source.kind not in module.KINDS:
            continue
        try:
            findings.extend(module.check(source, config))
        except Exception as error:  # a bug in one check must not stop the run or hide other files
            from handoff_lint.show import shown

            errors.append(shown(f"{source.display}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
    return findings


def _shown(findings: list[Finding]) -> list[Finding]:
    """Messages as they may be shown (see show.py); showing a shown message changes nothing."""
    from handoff_lint.show import shown

    return [finding.with_message(shown(finding.message, MAX_MESSAGE)) for finding in findings]


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
        kept.append(Finding(display, dropped.line, dropped.column, code,
                            f"{more:,} more {code} finding{'s' if more != 1 else ''} in this file, not shown (max-findings-per-rule = {limit})"))
    return kept


def run(paths: Iterable[str | Path], config: Config, blobs: dict[Path, bytes] | None = None, cache_dir: str | None = None, jobs: int = 0, gone: Iterable[str] = (), stdin: tuple[str, bytes] | None = None) -> Outcome:
    """Check ``paths`` on disk, or, with ``blobs`` (``--staged``), those contents under those
    names. ``cache_dir``: where the cache lives (None: no cache). ``jobs``: worker processes
    (0: as many as cores, for large runs only; 1: none). ``gone``: absolute paths the commit
    deletes (``--staged``): the responses that still name them are reported. ``stdin``: (path,
    bytes): check those bytes as the file at that path (``--stdin-filename``), folder checks
    included."""
    wanted = suppress.family_wanted(config)
    checks = CheckSet.selected(wanted, DOCUMENT_CHECKS)
    excluded = config.paths.excluded if config.exclude else None
    virtual: list[SourceFile] = []
    if stdin is not None:  # standard input, as if it were the file at stdin[0]
        path = Path(os.path.abspath(stdin[0]))
        blobs = {path: stdin[1]}
        files = virtual = [SourceFile(path, printable(display_path(path)), *classify(path), str(path))]
        missing = []
    elif blobs is None:
        files, missing = discover(paths, excluded) if excluded else discover(paths)
    else:
        files, missing = from_blobs(blobs, excluded), []
    outcome = Outcome(missing_paths=missing)
    work = [file for file in files if file.kind != SKIPPED]
    outcome.files_checked = len(work)
    outcome.roots = {file.root for file in files if file.root is not None}
    cache = None
    if cache_dir is not None:
        from handoff_lint.cache import Cache

        cache = Cache.open(cache_dir, config)
    raw: list[Finding] = []
    texts: list[tuple[SourceFile, str]] = []
    if wanted("HL3"):  # every file's name, readable or not
        from handoff_lint.checks import credentials

        raw.extend(credentials.check_file_names([file.display for file in work]))
    named = None  # absolute paths of the files named on the command line (not found by a walk)
    for file in work:
        if blobs is None:
            text, problem = read_text(file.path, file.display, config.max_file_size, file.root)
        else:
            text, problem = decode(blobs[file.path], file.display, config.max_file_size)
        if problem is not None:
            if problem.code == "HL001" and file.kind == UNCLASSIFIED and blobs is None:
                # a binary file a walk found beside the documents (an image, an archive) is no
                # text to check: skipped quietly; named on the command line, it is reported
                if named is None:
                    named = {os.path.abspath(p) for p in paths if not os.path.isdir(p)}
                if os.path.abspath(file.path) not in named:
                    if wanted("HL3"):  # but a NUL byte must not hide a key: its printable runs are read
                        from handoff_lint.engine.reading import read_bytes

                        data = read_bytes(file.path, file.display, config.max_file_size, file.root)[0]
                        raw.extend(_shown(credentials.check_binary(file.display, data or b"")))
                    else:
                        outcome.files_checked -= 1
                    continue
            raw.append(problem)
        else:
            texts.append((file, text))
    scans = {}  # absolute path -> line scan data, of the texts the folder checks read
    for (file, _text), result in zip(texts, _check_all(texts, config, checks, cache, jobs)):
        raw.extend(result.findings)
        outcome.suppressed += result.suppressed
        outcome.internal_errors.extend(result.errors)
        if result.scan is not None:
            scans[file.absolute] = result.scan
    raw.extend(folder_findings(files, paths if blobs is None else [], config, outcome, scans if blobs is None or virtual else {}, cache, gone, virtual))
    if cache is not None:
        cache.save()
    outcome.findings = _paths_shown(suppress.apply(raw, config))
    return outcome


def _paths_shown(findings: list[Finding]) -> list[Finding]:
    """A credential in a file name is shown redacted in the path too, as in the message (paths
    are already escaped by discovery)."""
    from dataclasses import replace

    from handoff_lint.show import redacted

    shown: dict[str, str] = {}
    result = []
    for finding in findings:
        path = shown.get(finding.path)
        if path is None:
            path = shown[finding.path] = redacted(finding.path)
        result.append(finding if path == finding.path else replace(finding, path=path))
    return result


def _check_all(texts: list[tuple[SourceFile, str]], config: Config, checks: CheckSet, cache, jobs: int) -> list[Checked]:
    """:func:`check_text` of every text, in order: the one place the cache is asked and filled."""
    results: list[Checked | None] = [None] * len(texts)
    keys: list[bytes | None] = [None] * len(texts)
    pending: list[int] = []
    if cache is not None:
        from handoff_lint.cache import digest

    for position, (file, text) in enumerate(texts):
        stored = None
        if cache is not None:
            keys[position] = digest(file.kind, text)
            stored = cache.get(keys[position], file.display)
        if stored is not None and stored.findings is not None:
            result = results[position] = check_text(file, text, config, checks, stored)
            if stored.scan is None and result.scan is not None:  # a scan it could not keep before
                cache.put(keys[position], None, result.scan)
        else:
            pending.append(position)
    workers = 1
    if jobs != 1 and (jobs > 1 or len(pending) >= PARALLEL_MIN_FILES):
        from handoff_lint.engine import parallel

        workers = parallel.workers_for(len(pending), jobs)
    if workers > 1:
        from handoff_lint.engine import parallel

        computed = parallel.check_texts([texts[position] for position in pending], config, checks, workers)
    else:
        computed = [check_text(*texts[position], config, checks) for position in pending]
    for position, result in zip(pending, computed):
        results[position] = result
        if cache is not None:
            cache.put(keys[position], result.content, result.scan)
    return results
