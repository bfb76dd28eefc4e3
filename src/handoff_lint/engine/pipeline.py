"""One run: discover -> read -> check each text -> folder checks -> suppress. Returns findings;
never prints; writes nothing but the cache.

Every file the run checks is read. The cache is asked through one interface
(:class:`~handoff_lint.engine.cached.RunCache`), by two callers for two reasons: here
(:func:`_check_all`), for every text the run checks, the content-only findings of a text it
has seen under the same salt come from it, the checks that read other files (HL5) run again,
and any other text is checked in full (over worker processes when there are many) and stored;
and in the folder checks (engine/folder.py), for the line scan of a document the run did not
check, asked only when a folder check reads that document. The rule tables the cache also keeps
are loaded by the command before any rule is parsed (cache/tables.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from handoff_lint.checks import DOCUMENT_CHECKS, FILE_CHECKS
from handoff_lint.data.config import Config
from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.engine import suppress
from handoff_lint.engine.cached import RunCache
from handoff_lint.engine.check import Checked, check_text, shown_findings
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import discover, from_blobs
from handoff_lint.engine.folder import folder_findings
from handoff_lint.engine.guard import Guard
from handoff_lint.findings import Finding, printable
from handoff_lint.model.kinds import SKIPPED, UNCLASSIFIED, SourceFile, classify, configured, display_path
from handoff_lint.reading import decode, read_bytes

PARALLEL_MIN_FILES = 200  # below this many texts to check in full, one process is faster


@dataclass(slots=True)
class Outcome:
    """What a run found."""

    missing_paths: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    internal_errors: list[str] = field(default_factory=list)  # "path: what went wrong"
    roots: set = field(default_factory=set)  # the handoff roots of the files the run found
    suppressed: int = 0  # of ``findings``, those suppression comments hide (each says which comment)
    notes: list[str] = field(default_factory=list)  # what in the configuration weakens the guard (engine/guard.py)
    # the secret values every text and file name of the run was found to hold: whatever else the
    # run shows (a fix's names, a diff) is redacted by them
    known: Known = field(default_factory=Known)


def run(
    paths: Iterable[str | Path],
    config: Config,
    blobs: dict[Path, bytes] | None = None,
    cache_dir: str | None = None,
    jobs: int = 0,
    gone: Iterable[str] = (),
    stdin: tuple[str, bytes] | None = None,
) -> Outcome:
    """Check ``paths`` on disk, or, with ``blobs`` (``--staged``), those contents under those
    names. ``cache_dir``: where the cache lives (None: no cache). ``jobs``: worker processes
    (0: as many as cores, for large runs only; 1: none). ``gone``: absolute paths the commit
    deletes (``--staged``): the responses that still name them are reported. ``stdin``: (path,
    bytes): check those bytes as the file at that path (``--stdin-filename``), folder checks
    included. What it may read through (a handoff root outside the repository): as the command's
    ``config.access`` (touch.Access) says."""
    if config.access is None:
        raise TypeError("run: the command's access (config.access, touch.Access) was not given")
    paths = list(paths)
    wanted, guard = suppress.family_wanted(config), Guard(config)
    excluded = guard.watch_exclusion(config.paths.excluded if config.exclude else None)
    virtual: list[SourceFile] = []
    roots = configured(config)  # the configured handoff roots, passed down as a value
    if stdin is not None:  # standard input, as if it were the file at stdin[0]
        path = Path(os.path.abspath(stdin[0]))
        virtual = [SourceFile(path, printable(display_path(path)), *classify(path, roots), str(path))]
        blobs = {path: stdin[1]}
    files, missing = (virtual, []) if stdin is not None else _found(paths, blobs, excluded, roots, config.access)
    work = [file for file in files if file.kind != SKIPPED]
    guard.watch_files(work)
    outcome = Outcome(missing, files_checked=len(work), roots={f.root for f in files if f.root is not None})
    cache = RunCache.open(cache_dir, config)
    file_checks = CheckSet.selected(wanted, FILE_CHECKS)
    raw, names = _file_name_findings([file.display for file in work], file_checks, outcome.known)
    texts = _read_all(work, _given(paths), blobs, config, file_checks, raw, outcome)
    checks = CheckSet.selected(wanted, DOCUMENT_CHECKS)
    scans = _gather(texts, _check_all(texts, config, checks, cache, jobs, names), raw, outcome)
    on_disk = blobs is None  # else --staged (the folder is read as the index holds it) or standard input
    found_in_folders = folder_findings(
        files,
        walked=paths if on_disk else [],
        config=config,
        outcome=outcome,
        scans=scans if on_disk or virtual else {},
        cache=cache,
        gone=gone,
        virtual=virtual,
        staged=not on_disk and not virtual,
    )
    raw += found_in_folders
    # the files the folder checks report on beyond those the run read (the response of a handoff
    # a commit deletes) are files the summary counts: "1 error in 0 files" reads as a bug
    outcome.files_checked += len({finding.path for finding in found_in_folders} - {file.display for file in work})
    if cache is not None:
        cache.save()
    outcome.findings = _shown_by_run(suppress.apply(raw, config), outcome.known)
    outcome.suppressed = sum(1 for finding in outcome.findings if finding.suppressed)
    outcome.notes = guard.notes()
    return outcome


def _found(
    paths: list, blobs: dict[Path, bytes] | None, excluded, roots: frozenset[Path], access
) -> tuple[list[SourceFile], list[str]]:
    """The files of the run and the paths given that are missing: from a walk of ``paths``, or
    the index's (``--staged``: ``blobs``). ``roots``: the configured handoff roots; ``access``:
    the command's (touch.Access)."""
    if blobs is not None:
        return from_blobs(blobs, excluded, roots), []
    return discover(paths, excluded or (lambda path: False), roots, access=access)


def _gather(texts: list, results: list[Checked], raw: list[Finding], outcome: Outcome) -> dict:
    """Each text's findings into ``raw``, its secrets and errors into ``outcome``; returns the
    line scans (absolute path -> (scan data, secrets)) the folder checks read."""
    scans = {}
    for (file, _text), result in zip(texts, results, strict=True):
        raw.extend(result.findings)
        outcome.known.add(result.secrets)
        outcome.internal_errors.extend(result.errors)
        if result.scan is not None:
            scans[file.absolute] = (result.scan, result.secrets)
    return scans


def _file_name_findings(
    displays: list[str], file_checks: CheckSet, known: Known
) -> tuple[list[Finding], dict[str, tuple]]:
    """The file checks' findings on the run's file names (every file's, readable or not), and
    each name's secret values (display -> values), for its text's checks, which redact by them:
    the one scan of names. The names are scanned whatever is selected: their values join
    ``known``, by which everything the run shows is redacted."""
    name_hits = hits_by_line(displays)
    known.add(values_at(displays, spans_of(name_hits)))
    names = {displays[index]: tuple(values_at(displays, spans_of([(index, hits)]))) for index, hits in name_hits}
    findings = [finding for module in file_checks.all() for finding in module.check_file_names(displays, name_hits)]
    return findings, names


def _given(paths: list) -> Callable[[Path], bool]:
    """Whether a file was named on the command line (not found by a walk); the paths are looked
    at only when asked (a binary file found by a walk is rare)."""
    named: set[str] | None = None

    def given(path: Path) -> bool:
        nonlocal named
        if named is None:
            named = {os.path.abspath(p) for p in paths if not os.path.isdir(p)}
        return os.path.abspath(path) in named

    return given


def _read_all(work, given, blobs, config: Config, file_checks: CheckSet, raw: list, outcome) -> list:
    """The (file, text) of every file of ``work`` that is a text; the findings of those that are
    not join ``raw``."""
    texts: list[tuple[SourceFile, str]] = []
    for file in work:
        if blobs is None:
            data, problem = read_bytes(file.path, file.display, config.max_file_size, file.root, config.access)
        else:
            data, problem = blobs[file.path], None
        text = None
        if problem is None:
            text, problem = decode(data, file.display, config.max_file_size)
        if problem is None:
            texts.append((file, text))
        elif problem.code == "HL001" and file.kind == UNCLASSIFIED and blobs is None and not given(file.path):
            # a binary file a walk found beside the documents (an image, an archive) is no text to
            # check: skipped quietly unless a file check reads it; named on the command line, it is reported
            found = _binary_findings(file, data, file_checks)
            if found is None:
                outcome.files_checked -= 1
            else:
                raw.extend(found)
        else:
            raw.extend(shown_findings([problem]))  # a link's target, a root's real path: escaped like the rest
    return texts


def _binary_findings(file: SourceFile, data: bytes, file_checks: CheckSet) -> list[Finding] | None:
    """The file checks' findings on a binary file's ``data`` (a NUL byte must not hide a key: its
    printable runs are read), shown by the secrets found in it; None when no file check is selected."""
    if not file_checks:
        return None
    found: list[Finding] = []
    for module in file_checks.all():
        findings, secrets = module.check_binary(file.display, data)
        found.extend(shown_findings(findings, Known(secrets)))
    return found


def _shown_by_run(findings: list[Finding], known: Known) -> list[Finding]:
    """Every finding's message and path redacted by the secrets of the whole run: a message may
    quote another document (a response's link names a handoff), and a path may carry a secret
    found in a file name or, slugified, in a title (paths are already escaped by discovery)."""
    if not known:
        return findings
    paths: dict[str, str] = {}
    result = []
    for finding in findings:
        path = paths.get(finding.path)
        if path is None:
            path = paths[finding.path] = known.redact(finding.path)
        message = known.redact(finding.message)
        if path != finding.path or message != finding.message:
            finding = replace(finding, path=path, message=message)
        result.append(finding)
    return result


def _check_all(
    texts: list[tuple[SourceFile, str]],
    config: Config,
    checks: CheckSet,
    cache: RunCache | None,
    jobs: int,
    names: dict[str, tuple],
) -> list[Checked]:
    """:func:`check_text` of every text, in order, the cache's entry standing for what it knows.
    ``names``: display -> the secret values of that file name (the run's one scan of names)."""
    results: list[Checked | None] = [None] * len(texts)
    keys: list[bytes | None] = [None] * len(texts)
    pending: list[int] = []
    for position, (file, text) in enumerate(texts):
        stored = None
        if cache is not None:
            keys[position], stored = cache.lookup(file.kind, file.root, file.path, text, file.display)
        if stored is not None and stored.findings is not None and stored.spans is not None:
            result = results[position] = check_text(file, text, config, checks, stored, names.get(file.display, ()))
            if stored.scan is None and result.scan is not None and not result.spans:  # a scan it could not keep before
                cache.store(keys[position], None, result.scan, result.spans)
        else:
            pending.append(position)
    computed = None
    if jobs != 1 and (jobs > 1 or len(pending) >= PARALLEL_MIN_FILES):
        # lazy: multiprocessing and concurrent.futures cost 20-35 ms; large runs only
        from handoff_lint.engine import parallel

        workers = parallel.workers_for(len(pending), jobs)
        if workers > 1:
            computed = parallel.check_texts(
                [(*texts[position], names.get(texts[position][0].display, ())) for position in pending],
                config,
                checks,
                workers,
            )
    if computed is None:
        computed = [
            check_text(*texts[position], config, checks, None, names.get(texts[position][0].display, ()))
            for position in pending
        ]
    for position, result in zip(pending, computed, strict=True):
        results[position] = result
        if cache is not None:
            cache.store(keys[position], result.content, result.scan, result.spans)
    return results
