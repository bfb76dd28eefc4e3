"""The folder checks (HL4) over every handoff root a run touched, and their cached findings.

The index is built from the whole root on disk, but only findings on files of this run (or on
strays inside a folder the run walked) are kept: a pre-commit run that passes one staged
response is checked against the handoffs it names without reporting on the others.

With a cache, the findings for a whole root are remembered under a *fingerprint* of everything
they depend on: the root and the working directory (the paths shown), the configuration (today
included, for HL410), the checks, and each document's path and content digest and each stray's
path. A run that computes the same fingerprint takes the findings from the cache and builds no
index. Computing it costs a ``stat`` per document: digests come from this run's own reads, else
from the cache's stat layer, else from reading the file (see :mod:`filestamp`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from handoff_lint import filestamp, observed, suppress
from handoff_lint.checks import FOLDER_CHECKS
from handoff_lint.checkset import CheckSet
from handoff_lint.config import Config
from handoff_lint.discover import SKIPPED, SourceFile, absolute, display_path, inside
from handoff_lint.findings import Finding, printable

FINGERPRINT = b"handoff-lint folder 1"


def folder_findings(files: list[SourceFile], walked: Iterable[str | Path], config: Config, outcome, seen: dict | None = None, cache=None) -> list[Finding]:
    """Findings of the folder checks for every handoff root the run touched. ``seen``: by
    absolute path, ``(digest or None, scan)`` of the handoffs and responses the run read."""
    checks = CheckSet.selected(suppress.family_wanted(config), FOLDER_CHECKS)
    roots = sorted({file.root for file in files if file.root is not None and file.kind != SKIPPED})
    if not checks or not roots:
        return []
    from handoff_lint.folder_index import DISPLAY, build, listing

    cwd = Path.cwd()
    in_run = {file.display for file in files}
    walked_dirs = [absolute(p) for p in walked if os.path.isdir(p)]  # as discovery resolved them
    seen = seen or {}
    kept: list[Finding] = []

    if walked_dirs:
        def keep(display: str) -> bool:
            return display in in_run or inside(display, walked_dirs)
    else:  # a commit's run: asked of every document of the root
        keep = in_run.__contains__

    for root in roots:
        listed = listing(root, cache)
        known = _Known(listed, seen, cache)
        fingerprint = None
        if cache is not None and _whole(listed, seen, walked_dirs):
            fingerprint = known.fingerprint(config, cwd, checks.names)
        elif cache is not None:  # a few files of a large root (a commit's): their findings cannot be remembered
            known.learn([document for document in listed.documents if document[2] == "response"])  # for the rows
        if fingerprint is not None:
            found = cache.folder(str(listed.root), fingerprint, keep)
            if found is not None:
                _relied_on(known.digests)
                kept.extend(found)
                continue
        index = build(root, cwd, known.scan_of, listed, cache.rows if cache is not None else None, known.digests)
        found, failed = [], False
        for module in checks.all():
            try:
                found.extend(module.check(index, config, keep))
            except Exception as error:  # as for document checks: report, go on
                failed = True
                outcome.internal_errors.append(printable(f"{display_path(root)}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
        _relied_on([*known.digests, *(entry.where for entry in index.made() if entry.content_used)])
        if cache is not None and not failed and not known.unsure:
            if fingerprint is not None and all(keep(row[DISPLAY]) for row in index.rows.values()) and all(keep(s.display) for s in index.strays):
                cache.put_folder(str(listed.root), fingerprint, found)  # every document's findings
            cache.put_index_rows(index.changed_rows(known.digests))
        kept.extend(f for f in found if keep(f.path))
    return kept


def _relied_on(paths) -> None:
    """For a replay (see observed): the documents whose content the findings came from. Those of
    the others, known by name only, may change without changing them."""
    if observed.recording():
        for path in paths:
            observed.relied_on(path)


def _whole(listed, seen: dict, walked_dirs: list[str]) -> bool:
    """Does the run check every document of the root (it walked the root, or was given each)?
    Only then can its findings be remembered, and is the fingerprint worth a stat per document."""
    return inside(str(listed.root), walked_dirs) or all(path in seen for path, _place, _kind in listed.documents)


class _Known:
    """The content of a root's documents as far as the run and the cache know it: a digest per
    path (for the fingerprint) and how to get each scan (for the index)."""

    def __init__(self, listed, seen: dict, cache) -> None:
        self.listed, self.seen, self.cache = listed, seen, cache
        self.digests: dict[str, bytes] = {}
        self.read: dict = {}  # scans of documents read here
        self.unsure = False  # a scan did not come from the text the fingerprint says

    def fingerprint(self, config: Config, cwd: Path, check_names: list[str]) -> bytes | None:
        """None when a document cannot be read: its findings are not remembered."""
        from handoff_lint.hashing import blake2b

        listed = self.listed
        if not self.learn(listed.documents):
            return None
        setting = repr((str(listed.root), str(cwd), config, check_names))
        hashed = blake2b(FINGERPRINT, digest_size=16)
        for part in (setting, "\0".join(self.digests), "\0".join(f"{path}\0{is_dir}" for path, is_dir in listed.strays)):
            hashed.update(part.encode("utf-8", "surrogatepass") + b"\1")
        hashed.update(b"".join(self.digests.values()))  # digests are of one length: no separator needed
        return hashed.digest()

    def learn(self, documents: list[tuple[str, str, str]]) -> bool:
        """The digest of each of ``documents`` (path, place, kind), in order, into ``digests``:
        from this run's reads, else the cache's stat layer, else a read. False if one cannot be
        read (it gets none)."""
        from handoff_lint.cache import digest
        from handoff_lint.folder_index import scan_text
        from handoff_lint.reading import read_text

        cache, listed, seen, digests = self.cache, self.listed, self.seen, self.digests
        known, has_scan, lstat = cache.known, cache.has_scan, filestamp.lstat
        complete = True
        for path, place, kind in documents:  # 3,400 in a large folder: kept lean
            entry = seen.get(path)
            key = entry[0] if entry is not None else None
            if key is None:
                info = lstat(path)
                key = known(path, info, kind)
                if key is None or not has_scan(key):
                    text, problem = read_text(Path(path), path, root=listed.root)
                    if problem is not None:
                        complete = False
                        continue
                    key, scan = digest(kind, text), scan_text(text)
                    self.read[path] = scan
                    cache.put_scan(key, scan)  # unless a text of it looks like a credential
                    if place != "root":  # a run checks a stray handoff-*.md at the top as another kind
                        cache.remember(path, info, kind, key)
            digests[path] = key
        return complete

    def scan_of(self, path: str):
        """The scan of a document, or a function that returns it, or None if unknown."""
        found = self.read.get(path)
        if found is None:
            seen = self.seen.get(path)
            found = seen[1] if seen is not None else None
        if found is None and path in self.digests:
            found = self._from_cache(path, self.digests[path])
        return found

    def _from_cache(self, path: str, key: bytes):
        def load():
            scan = self.cache.scan(key)
            if scan is None:  # the cache changed under us or is damaged: read, and do not remember
                self.unsure = True
            return scan

        return load
