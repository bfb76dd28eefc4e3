"""The folder checks (HL4) over every handoff root a run touched, run every time.

The index is built from the whole root on disk, but only findings on files of this run (or on
strays inside a folder the run walked) are kept: a pre-commit run that passes one staged
response is checked against the handoffs it names without reporting on the others. A run given
handoffs (or, with ``--staged``, handoffs deleted in the index: ``gone``) also reports on the
responses that name them: a commit that archives or deletes a handoff must not leave a response
pointing at the place it left, and pre-commit passes only the handoff. A document
the run did not check is read when a folder check asks for its content; its line scan comes
from the cache (engine/cached.py) by what was read, or is made from the text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from handoff_lint.checks import FOLDER_CHECKS
from handoff_lint.data.config import DEFAULT_MAX_BYTES, Config
from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.engine import suppress
from handoff_lint.engine.cached import RunCache
from handoff_lint.engine.check import shown_findings
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import absolute
from handoff_lint.findings import Finding
from handoff_lint.model.index import build
from handoff_lint.model.kinds import (
    HANDOFF,
    RESPONSE,
    SKIPPED,
    SourceFile,
    classify,
    configured,
    display_path,
    inside,
    place_of,
)
from handoff_lint.model.names import file_name, stem
from handoff_lint.parse.scanner import Scan, scan_text, unreadable_scan
from handoff_lint.reading import decode, read_document
from handoff_lint.show import shown
from handoff_lint.touch import read_plain_files


def folder_findings(
    files: list[SourceFile],
    walked: Iterable[str | Path],
    config: Config,
    outcome,
    scans: dict,
    cache: RunCache | None = None,
    gone: Iterable[str] = (),
    virtual: Iterable[SourceFile] = (),
    staged: bool = False,
) -> list[Finding]:
    """Findings of the folder checks for every handoff root the run touched. ``scans``: by
    absolute path, the line scan data and secrets of the documents the run read; the secrets of
    those it reads here join ``outcome.known``, by which the findings are shown. ``gone``: absolute paths
    of handoffs the commit deletes (``--staged``); ``virtual``: files whose text is not on disk
    (standard input), indexed from their scans."""
    checks = CheckSet.selected(suppress.family_wanted(config), FOLDER_CHECKS)
    configured_roots = configured(config)
    walked_dirs = [absolute(p) for p in walked if os.path.isdir(p)]  # as discovery resolved them
    named = _named_handoffs(files, gone, configured_roots)
    # the roots of the run's files, of the folders it walked (an empty root may hold a linked or
    # unreadable folder: reported, see FolderIndex.problems), and of the handoffs it deletes
    roots = sorted(
        {file.root for file in files if file.root is not None and file.kind != SKIPPED}
        | {root for root in (_root_of(folder, configured_roots) for folder in walked_dirs) if root is not None}
        | set(named)
    )
    if not checks or not roots:
        return []

    cwd = Path.cwd()
    in_run = {file.display for file in files}
    excluded = config.paths.excluded if config.exclude else None
    kept: list[Finding] = []
    for root in roots:
        index_text = None
        if staged:  # what the commit will contain, not the work tree
            # lazy: staged.py imports git, and so subprocess (~14 ms): --staged only
            from handoff_lint.engine.staged import index_documents

            index_text = index_documents(root, config.max_file_size)
        read = _Scans(scans, cache, root, outcome.known, config, index_text)
        index = build(root, cwd, read, read.holding, access=config.access)
        for file in virtual:  # text from standard input, checked as if it were at its path
            place = os.path.basename(os.path.dirname(file.absolute))
            if file.root == root and file.kind in (HANDOFF, RESPONSE) and file.absolute in scans:
                index.add(
                    file.absolute,
                    place if place in ("active", "archive", "responses") else "root",
                    file.kind,
                    file.display,
                )
        answering_paths: list[str] = []  # the responses that name a handoff of the run
        if named.get(root) and not inside(root, walked_dirs):  # a walked root reports on all of them anyway
            answering_paths = [path for paths in index.answering(named[root]).values() for path in paths]
        answering = {index.row(path).display for path in answering_paths}
        # the file names of the only documents keep() can accept (any, when the run walked a folder)
        names = None
        if not walked_dirs:
            names = {os.path.basename(file.path) for file in files} | {file_name(p) for p in answering_paths}

        def keep(display: str) -> bool:  # used within this root's iteration only
            if excluded is not None and excluded(display):  # `exclude` covers folder findings too
                return False
            return display in in_run or display in answering or inside(display, walked_dirs)  # noqa: B023

        # folders not indexed (a link leading out, unreadable): reported unless the run read the link itself
        unlisted = [problem for problem in index.problems if problem.path not in in_run and keep(problem.path)]
        kept.extend(shown_findings(unlisted))  # where a link leads is the author's text: escaped
        for module in checks.all():
            try:
                found = module.check(index, config, keep, names)
            except Exception as error:  # as for document checks: report, go on
                message = outcome.known.redact(
                    f"{display_path(root)}: internal error in {module.__name__}: {type(error).__name__}: {error}"
                )
                outcome.internal_errors.append(shown(message, 1000))
                continue
            kept.extend(shown_findings([finding for finding in found if keep(finding.path)], outcome.known))
    return kept


def _named_handoffs(files: list[SourceFile], gone: Iterable[str], roots: frozenset[Path]) -> dict[Path, set[str]]:
    """Root -> the stems of the handoffs of the run, and of those the commit deletes (``roots``: the
    configured ones)."""
    named: dict[Path, set[str]] = {}
    for file in files:
        if file.kind == HANDOFF and file.root is not None:
            named.setdefault(file.root, set()).add(stem(file.absolute or str(file.path)))
    for path in gone:
        kind, root = classify(Path(path), roots)
        if kind == HANDOFF and root is not None:
            named.setdefault(root, set()).add(stem(path))
    return named


def _root_of(folder: str, roots: frozenset[Path]) -> Path | None:
    """The handoff root a walked folder is, or lies in (``roots``: the configured ones)."""
    return place_of(folder, roots)[1]


class _Scans:
    """The line scan of a document of ``root``: the run's own, else by the digest of the file's
    text from the cache, else made from it (and stored). What is read here is kept for the run;
    the secrets of what is read join ``known``."""

    def __init__(
        self,
        scans: dict,
        cache: RunCache | None,
        root: Path,
        known,
        config: Config,
        index: dict[str, bytes] | None = None,
    ) -> None:
        self.scans, self.cache, self.root, self.known, self.config = scans, cache, root, known, config
        self.index = index  # real path -> the index's content (--staged), else None: the disk
        self.read: dict[str, bytes | None] = {}

    def __call__(self, path: str, kind: str):
        """The scan of ``path``, or a function that makes it when a check asks."""
        found = self.scans.get(path)
        if found is not None:
            return Scan.from_data(*found)
        return lambda: self._read(path, kind)

    def holding(self, paths: list[str], stems: list[str]) -> list[str]:
        """Of ``paths``, in order, those whose file name or bytes hold one of ``stems``, or may
        (the run's own: their scan is at hand; unreadable: scanned as such). A commit's run reads
        every other response to find the few that name its handoff: from the disk without
        following links (touch.read_plain_files; a file it does not read is read as :meth:`data`
        reads it), and only the bytes of those kept are held for the run. The stems are tried
        only against what is not at hand: a folder run has every response's scan already."""
        needles = [stem.encode("utf-8", "surrogatepass") for stem in stems]

        def holds(data: bytes) -> bool:
            return any(needle in data for needle in needles)

        kept: set[str] = set()
        unread = []
        for path in paths:
            if path in self.scans or any(stem in file_name(path) for stem in stems):
                kept.add(path)  # the run's own (its scan at hand), or named after the handoff
            elif path in self.read or self.index is not None:
                data = self.data(path)  # read already, or the index's bytes (--staged)
                if data is None or holds(data):
                    kept.add(path)
            else:
                unread.append(path)
        for path, data in zip(
            unread, read_plain_files(self.root, unread, DEFAULT_MAX_BYTES, self.config.access), strict=True
        ):
            if data is None:
                data = self.data(path)
                if data is None or holds(data):
                    kept.add(path)
            elif holds(data):
                self.read[path] = data
                kept.add(path)
        return [path for path in paths if path in kept]

    def data(self, path: str) -> bytes | None:
        """The bytes of a document the run did not read (None: unreadable, or the run's own)."""
        if path in self.scans:
            return None
        if path not in self.read:
            if self.index is not None:  # a file the index does not hold is in no commit
                self.read[path] = self.index.get(os.path.realpath(path))
            else:
                self.read[path] = read_document(path, self.root, self.config.access)
        return self.read[path]

    def _read(self, path: str, kind: str):
        data = self.data(path)
        text = None if data is None else decode(data, path)[0]
        if text is None:  # its own check reports it
            return unreadable_scan()
        key = stored = None
        if self.cache is not None:
            key, stored = self.cache.lookup(kind, self.root, path, text, path)
            found = Scan.from_stored(stored.scan) if stored is not None and stored.scan is not None else None
            if found is not None:  # kept only for a text without secrets
                return found
        lines = text.split("\n")
        spans = stored.spans if stored is not None and stored.spans is not None else spans_of(hits_by_line(lines, text))
        secrets = tuple(values_at(lines, spans))
        self.known.add(secrets)
        scan = scan_text(text, secrets)
        if key is not None:
            self.cache.store(key, None, scan.to_data(), spans)
        return scan
