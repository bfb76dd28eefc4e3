"""The folder checks (HL4) over every handoff root a run touched, run every time.

The index is built from the whole root on disk, but only findings on files of this run (or on
strays inside a folder the run walked) are kept: a pre-commit run that passes one staged
response is checked against the handoffs it names without reporting on the others. A document
the run did not check is read when a folder check asks for its content; its line scan comes
from the cache by the digest of what was read, or is made from the text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from handoff_lint.checks import FOLDER_CHECKS
from handoff_lint.data.config import Config
from handoff_lint.engine import suppress
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import SKIPPED, SourceFile, absolute, display_path, inside
from handoff_lint.findings import MAX_MESSAGE, Finding


def folder_findings(files: list[SourceFile], walked: Iterable[str | Path], config: Config, outcome, scans: dict, cache=None) -> list[Finding]:
    """Findings of the folder checks for every handoff root the run touched. ``scans``: by
    absolute path, the line scan data of the documents the run read."""
    from handoff_lint.show import shown

    checks = CheckSet.selected(suppress.family_wanted(config), FOLDER_CHECKS)
    walked_dirs = [absolute(p) for p in walked if os.path.isdir(p)]  # as discovery resolved them
    # the roots of the run's files, and of the folders it walked (an empty root may hold a linked
    # or unreadable folder: reported, see FolderIndex.problems)
    roots = sorted({file.root for file in files if file.root is not None and file.kind != SKIPPED} | {root for root in map(_root_of, walked_dirs) if root is not None})
    if not checks or not roots:
        return []
    from handoff_lint.engine.folder_index import build

    cwd = Path.cwd()
    in_run = {file.display for file in files}

    def keep(display: str) -> bool:
        return display in in_run or inside(display, walked_dirs)

    kept: list[Finding] = []
    for root in roots:
        known = _Scans(scans, cache, root)
        index = build(root, cwd, known, known.data)
        # folders not indexed (a link leading out, unreadable): reported unless the run read the link itself
        kept.extend(problem for problem in index.problems if problem.path not in in_run and keep(problem.path))
        for module in checks.all():
            try:
                found = module.check(index, config, keep)
            except Exception as error:  # as for document checks: report, go on
                outcome.internal_errors.append(shown(f"{display_path(root)}: internal error in {module.__name__}: {type(error).__name__}: {error}", 1000))
                continue
            kept.extend(finding.with_message(shown(finding.message, MAX_MESSAGE)) for finding in found if keep(finding.path))
    return kept


def _root_of(folder: str) -> Path | None:
    """The handoff root a walked folder is, or lies in."""
    from handoff_lint.engine.discover import _place

    return _place(folder)[1]


class _Scans:
    """The line scan of a document of ``root``: the run's own, else by the digest of the file's
    text from the cache, else made from it (and stored). What is read here is kept for the run."""

    def __init__(self, scans: dict, cache, root: Path) -> None:
        self.scans, self.cache, self.root = scans, cache, root
        self.read: dict[str, bytes | None] = {}

    def __call__(self, path: str, kind: str):
        """The scan of ``path``, or a function that makes it when a check asks."""
        from handoff_lint.engine.folder_index import Scan

        found = self.scans.get(path)
        if found is not None:
            return Scan.from_data(found)
        return lambda: self._read(path, kind)

    def data(self, path: str) -> bytes | None:
        """The bytes of a document the run did not read (None: unreadable, or the run's own)."""
        if path in self.scans:
            return None
        if path not in self.read:
            from handoff_lint.engine.reading import read_document

            self.read[path] = read_document(path, self.root)
        return self.read[path]

    def _read(self, path: str, kind: str):
        from handoff_lint.engine.folder_index import Scan, scan_text

        from handoff_lint.engine.reading import decode

        data = self.data(path)
        text = None if data is None else decode(data, path)[0]
        if text is None:  # its own check reports it
            from handoff_lint.engine.folder_index import unreadable_scan

            return unreadable_scan()
        if self.cache is None:
            return scan_text(text)
        from handoff_lint.cache import digest

        key = digest(kind, text)
        stored = self.cache.scan(key)
        if stored is not None:
            try:
                return Scan.from_data(stored)
            except (TypeError, ValueError):  # of another shape: made again
                pass
        scan = scan_text(text)
        self.cache.put(key, None, scan.to_data())
        return scan
