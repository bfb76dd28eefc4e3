"""One run: discover -> read -> check each text -> folder checks -> suppress. Returns findings;
never prints; writes nothing but the cache.

Every file the run checks is read. The cache is asked in one place (:func:`_check_all`): for a
text it has seen under the same salt, the content-only findings come from it, and the checks that
read other files (HL5) run again; any other text is checked in full (over worker processes when
there are many) and its findings stored.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint.checks import DOCUMENT_CHECKS, credentials
from handoff_lint.data.config import Config
from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.engine import suppress
from handoff_lint.engine.check import Checked, check_text, shown_findings
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import cache_kind, discover, from_blobs
from handoff_lint.engine.folder import folder_findings
from handoff_lint.engine.guard import Guard
from handoff_lint.findings import Finding, printable
from handoff_lint.model.kinds import SKIPPED, UNCLASSIFIED, SourceFile, classify, display_path
from handoff_lint.reading import decode, read_text

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
    included."""
    wanted = suppress.family_wanted(config)
    checks = CheckSet.selected(wanted, DOCUMENT_CHECKS)
    guard = Guard(config)
    excluded = guard.watch_exclusion(config.paths.excluded if config.exclude else None)
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
    guard.watch_files(work)
    outcome.files_checked = len(work)
    outcome.roots = {file.root for file in files if file.root is not None}
    cache = None
    if cache_dir is not None:
        from handoff_lint.cache import Cache

        cache = Cache.open(cache_dir, config)
    raw: list[Finding] = []
    texts: list[tuple[SourceFile, str]] = []
    known = outcome.known
    displays = [file.display for file in work]  # every file's name, readable or not
    name_hits = credentials.file_name_hits(displays)
    known.add(values_at(displays, spans_of(name_hits)))
    # each name's secret values, for its text's checks (which redact by them): the one scan of names
    names = {displays[index]: tuple(values_at(displays, spans_of([(index, hits)]))) for index, hits in name_hits}
    if wanted("HL3"):
        raw.extend(credentials.check_file_names(displays, name_hits))
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
                        from handoff_lint.reading import read_bytes

                        runs = credentials.binary_runs(
                            read_bytes(file.path, file.display, config.max_file_size, file.root)[0] or b""
                        )
                        found = hits_by_line(runs)
                        raw.extend(
                            shown_findings(
                                credentials.check_binary(file.display, found), Known(values_at(runs, spans_of(found)))
                            )
                        )
                    else:
                        outcome.files_checked -= 1
                    continue
            raw.extend(shown_findings([problem]))  # a link's target, a root's real path: escaped like the rest
        else:
            texts.append((file, text))
    scans = {}  # absolute path -> (line scan data, secrets), of the texts the folder checks read
    for (file, _text), result in zip(texts, _check_all(texts, config, checks, cache, jobs, names), strict=False):
        raw.extend(result.findings)
        known.add(result.secrets)
        outcome.internal_errors.extend(result.errors)
        if result.scan is not None:
            scans[file.absolute] = (result.scan, result.secrets)
    staged = blobs is not None and not virtual  # --staged: the folder is read as the index holds it
    raw.extend(
        folder_findings(
            files,
            paths if blobs is None else [],
            config,
            outcome,
            scans if blobs is None or virtual else {},
            cache,
            gone,
            virtual,
            staged,
        )
    )
    if cache is not None:
        cache.save()
    outcome.findings = _shown_by_run(suppress.apply(raw, config), known)
    outcome.suppressed = sum(1 for finding in outcome.findings if finding.suppressed)
    outcome.notes = guard.notes()
    return outcome


def _shown_by_run(findings: list[Finding], known: Known) -> list[Finding]:
    """Every finding's message and path redacted by the secrets of the whole run: a message may
    quote another document (a response's link names a handoff), and a path may carry a secret
    found in a file name or, slugified, in a title (paths are already escaped by discovery)."""
    if not known:
        return findings
    from dataclasses import replace

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
    texts: list[tuple[SourceFile, str]], config: Config, checks: CheckSet, cache, jobs: int, names: dict
) -> list[Checked]:
    """:func:`check_text` of every text, in order: the one place the cache is asked and filled.
    ``names``: display -> the secret values of that file name (none: no entry)."""
    results: list[Checked | None] = [None] * len(texts)
    keys: list[bytes | None] = [None] * len(texts)
    pending: list[int] = []
    if cache is not None:
        from handoff_lint.cache import digest

    for position, (file, text) in enumerate(texts):
        stored = None
        if cache is not None:
            keys[position] = digest(cache_kind(file.kind, file.root, config), os.path.basename(file.path), text)
            stored = cache.get(keys[position], file.display)
        if stored is not None and stored.findings is not None and stored.spans is not None:
            result = results[position] = check_text(file, text, config, checks, stored, names.get(file.display, ()))
            if stored.scan is None and result.scan is not None and not result.spans:  # a scan it could not keep before
                cache.put(keys[position], None, result.scan, result.spans)
        else:
            pending.append(position)
    computed = None
    if jobs != 1 and (jobs > 1 or len(pending) >= PARALLEL_MIN_FILES):
        from handoff_lint.engine import parallel  # multiprocessing's import is not free: large runs only

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
    for position, result in zip(pending, computed, strict=False):
        results[position] = result
        if cache is not None:
            cache.put(keys[position], result.content, result.scan, result.spans)
    return results
