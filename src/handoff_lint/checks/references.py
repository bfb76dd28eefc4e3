"""HL5xx: links and backticked paths in the reference sections that point nowhere.

Only References/Links (handoffs) and Reference to Original Handoff (responses) are read: paths in
Expected Deliverables are files still to be made. Links resolve from the document's folder;
backticked paths from the repository's top folder or the document's folder.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from handoff_lint.findings import Finding, quoted
from handoff_lint.model.kinds import EXAMPLE, HANDOFF, RESPONSE

KINDS = frozenset(
    {HANDOFF, RESPONSE, EXAMPLE}
)  # its findings read other files: never cached (engine.checkset.DISK_FAMILIES)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_IN_PATHS = frozenset(" \t*?<>{}$%|\\")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def path_like(text: str) -> bool:
    """Does a backticked text read as a repository path (``src/x.py``, ``logs/``, ``a.csv``)?
    Options, variables, globs, placeholders and absolute or home paths do not."""
    if not text or text[0] in "-~/" or any(char in _NOT_IN_PATHS for char in text):
        return False
    return "/" in text or _EXTENSION.search(text) is not None


@lru_cache(maxsize=4096)
def repository_top(folder: Path, root: Path | None) -> Path:
    """The nearest folder at or above ``folder`` holding .git; outside git, the folder above
    ``models/`` (the protocol's models/next-local/), else the handoff root's parent."""
    for candidate in (folder, *folder.parents):
        if os.path.exists(candidate / ".git"):
            return candidate
    if root is None:
        return folder
    root = Path(os.path.abspath(root))
    return root.parent.parent if root.parent.name == "models" else root.parent


def check(source, config) -> list[Finding]:
    references = source.scan.references
    if not references:
        return []
    places = None  # (folder, top), worked out only for a reference that needs the disk
    found = []
    for reference in references:
        target = reference.target
        if reference.kind == "link":
            if not target or target.startswith("#") or _SCHEME.match(target):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if not path or (source.kind == RESPONSE and path.rsplit("/", 1)[-1].startswith("handoff-")):
                continue  # a response's link to its handoff is HL406's, not reported twice
            folder, top = places = places or _places(source)
            resolved = top / path.lstrip("/") if path.startswith("/") else folder / path
            if leads_out(resolved, top):  # never asked of the disk: a document must not probe the machine
                found.append(
                    _at(
                        source,
                        reference,
                        "HL503",
                        f"link target {quoted(target)} leads outside the repository; not checked",
                    )
                )
            elif not os.path.exists(resolved):
                found.append(_at(source, reference, "HL501", f"link target {quoted(target)} does not exist"))
        elif reference.kind != "code" or (source.kind == RESPONSE and target.rsplit("/", 1)[-1].startswith("handoff-")):
            continue  # a handoff named bare, or a response's backticked handoff: HL406's, not a path from here
        elif path_like(target) and not _SCHEME.match(target):
            folder, top = places = places or _places(source)
            candidates = [path for path in (top / target, folder / target) if not leads_out(path, top)]
            if not candidates:
                found.append(
                    _at(source, reference, "HL503", f"path {quoted(target)} leads outside the repository; not checked")
                )
            elif not any(os.path.exists(candidate) for candidate in candidates):
                found.append(
                    _at(
                        source,
                        reference,
                        "HL502",
                        f"path {quoted(target)} exists neither from the repository's top nor from this folder",
                    )
                )
    return found


def _places(source) -> tuple[Path, Path]:
    """The document's folder and the repository's top: a response's only link is usually its
    handoff (HL406's), and a warm run checks thousands of those without needing either."""
    folder = Path(os.path.abspath(source.file.path)).parent
    return folder, repository_top(folder, source.file.root)


def _at(source, reference, code: str, message: str) -> Finding:
    """A finding on ``reference`` of ``source``."""
    return Finding(source.display, reference.line, reference.column, code, message)


def leads_out(path: Path, top: Path) -> bool:
    """Does ``path`` lead outside the repository ``top``, by its ``..`` parts or through a
    symbolic link on the way? Decided before anything outside is asked of the disk: a link in a
    pull request's handoff must not tell, by a finding or its absence, whether a file exists
    elsewhere on the machine that runs the check."""
    here = os.path.normpath(top)
    inside = os.path.join(here, "")
    lexical = os.path.normpath(path)
    if not os.path.join(lexical, "").startswith(inside):
        return True
    # both normalised, and ``lexical`` starts with ``inside``: what follows is its path from the
    # top (os.path.relpath works that out again, at a third of this check's time)
    for part in lexical[len(inside) :].split(os.sep) if len(lexical) > len(here) else ():
        here = os.path.join(here, part)
        if os.path.islink(here):  # a link inside the repository: where does it lead?
            real = os.path.realpath(here)
            if not os.path.join(real, "").startswith(os.path.join(os.path.realpath(top), "")):
                return True
    return False
