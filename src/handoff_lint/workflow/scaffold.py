"""``new``, ``respond`` and ``init``: documents and folders that are right from the start.

Every file is written through the Touch seam (:func:`handoff_lint.touch.write_text`): complete or
not at all, never through a link, and never over an existing file. A handoff root that leads out
of the repository is refused before anything is read or made. What ``new`` copies from a
folder's template and ``respond`` from a handoff's title never carries a suppression comment or a
peer's marker into the document written (:func:`without_suppressions`): a template or a handoff a
pull request edits must not make every new document hide findings.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.git import work_tree
from handoff_lint.model.index import Entry, scan
from handoff_lint.model.kinds import LIFECYCLE_FOLDERS, NO_ROOTS, TEMPLATE_NAME, classify, display_path
from handoff_lint.parse.directives import PEER_MARKER
from handoff_lint.parse.names import slugify
from handoff_lint.reading import read_text
from handoff_lint.show import shown
from handoff_lint.touch import Access, TouchError, write_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
READY = "Ready for local model pickup"


class ScaffoldError(RuntimeError):
    pass


def _inside(path: Path, root: Path, access: Access) -> Path:
    """The Touch seam (touch.py): ``path`` may be made only if it resolves inside ``root``, as
    the command's ``access`` allows."""

    try:
        access.inside_root(path, root)
    except TouchError as error:
        raise ScaffoldError(str(error)) from None
    return path


def _usable(root: Path, access: Access) -> Path:
    """``root``, unless its own real path leads out of the repository, or of the folder the
    command named (``access``): then nothing is read, made or written through it."""

    try:
        access.check_root(root)
    except TouchError as error:
        raise ScaffoldError(str(error)) from None
    return root


def _create(path: Path, text: str, root: Path, access: Access) -> None:
    try:
        write_text(path, text, root, access=access, replace=False)
    except FileExistsError:
        raise ScaffoldError(shown(f"{display_path(path)} already exists; not replaced")) from None
    except TouchError as error:
        raise ScaffoldError(str(error)) from None
    except OSError as error:
        raise ScaffoldError(shown(f"cannot write {display_path(path)}: {error.strerror or error}")) from None


def without_suppressions(text: str) -> str:
    """``text`` without HTML comments that name handoff-lint, a pragma or gitleaks:allow, and
    without the peers' bare markers (``pragma: allowlist secret``, ``gitleaks:allow``); a line
    left blank by a removal is dropped. One pass with ``find``: no pattern backtracks over an
    unclosed ``<!--``."""

    mark = "\0" if "\0" not in text else ""  # where something was removed (a text with NUL keeps its lines)
    kept, position = [], 0
    while True:
        start = text.find("<!--", position)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if end < 0:
            kept.append(text[position:])
            break
        body = text[start + 4 : end].lower()
        if "handoff-lint" in body or "pragma" in body or "gitleaks:allow" in body:
            kept.append(text[position:start] + mark)
        else:
            kept.append(text[position : end + 3])
        position = end + 3
    cleaned = PEER_MARKER.sub(mark, "".join(kept))
    if not mark or mark not in cleaned:
        return cleaned
    lines = [(line, line.replace(mark, "")) for line in cleaned.split("\n")]
    return "\n".join(bare for line, bare in lines if mark not in line or bare.strip())


def _set_field(text: str, name: str, value: str) -> str:
    return re.sub(rf"^\*\*{re.escape(name)}\*\*:.*$", lambda _m: f"**{name}**: {value}", text, count=1, flags=re.M)


def find_root(start: Path, roots: frozenset[Path] = NO_ROOTS) -> Path:
    """:func:`choose_root`'s choice."""
    return choose_root(start, roots)[0]


def choose_root(start: Path | None, roots: frozenset[Path] = NO_ROOTS) -> tuple[Path, list[Path]]:
    """The handoff root a command acts on, and the other candidates it was chosen over: the root
    ``start`` is or lies in, else the one below it; of several below, ``models/next-local`` or
    ``next-local`` just below ``start`` (where ``init`` makes one). ``start`` None: from the working
    folder, which may be any folder of a repository. ScaffoldError when there is none, or several
    and none of those (naming them: one is never picked silently). ``roots``: the configured ones
    (model/kinds.configured)."""
    from handoff_lint.model.roots import candidates, repository_top

    found, _empty = candidates([] if start is None else [start], roots)
    where = display_path(Path(os.path.abspath(start or ".")))
    if not found:
        raise ScaffoldError(f"no handoff folder at, above or below {where} (run 'handoff-lint init')")
    if len(found) == 1:
        return found[0], []
    bases = [Path(os.path.abspath(start or "."))]
    if start is None:  # found from any folder of the repository: its top's
        bases.append(repository_top(".") or bases[0])
    for base in bases:
        for preferred in (base / "models" / "next-local", base / "next-local"):
            if preferred in found:
                return preferred, [root for root in found if root != preferred]
    raise ScaffoldError(several(found))


def several(found: list[Path]) -> str:
    """The message for a command that acts on one handoff root and was given, or found, several."""
    names = ", ".join(shown(display_path(root)) for root in found)
    return f"{len(found)} handoff folders: {names}; choose one with --root"


def new_handoff(
    root: Path, description: str, today, author: str, priority: str, constraints: list[str], access: Access
) -> Path:
    _usable(root, access)
    template = root / TEMPLATE_NAME
    if template.is_file() or template.is_symlink():  # read as the checks read it: a link out of the folder is not
        text, problem = read_text(template, display_path(template), root=root, access=access)
        if problem is not None:
            raise ScaffoldError(f"{problem.path}: {problem.message}")
    else:
        text = (TEMPLATES / "handoff.md").read_text(encoding="utf-8")
    if hits_by_line([description]):  # a secret is never a file name, nor a title to copy around
        raise ScaffoldError(
            "the description holds what looks like a secret; it would become the file name: leave it out"
        )
    text = re.sub(r"^# .*$", lambda _m: f"# Local Handoff: {description.strip()}", text, count=1, flags=re.M)
    for name, value in (
        ("Date", today.isoformat()),
        ("From", author),
        ("Priority", priority),
        ("Constraints", "/".join(constraints)),
        ("Handoff Status", READY),
    ):
        text = _set_field(text, name, value)
    path = root / "active" / f"handoff-{today.isoformat()}-{slugify(description)}.md"
    _inside(path, root, access).parent.mkdir(exist_ok=True)
    _create(path, without_suppressions(text), root, access)
    return path


def respond(handoff: Path, today, author: str, roots: frozenset[Path], access: Access) -> Path:
    kind, root = classify(handoff, roots)
    if kind != "handoff" or root is None:
        raise ScaffoldError(f"{display_path(handoff)} is not a handoff in active/ or archive/")

    _usable(root, access)
    text, problem = read_text(handoff, display_path(handoff), root=root, access=access)
    if problem is not None:
        raise ScaffoldError(f"{problem.path}: {problem.message}")
    entry = Entry(Path(os.path.abspath(handoff)), display_path(handoff), handoff.parent.name, kind, text)
    scan(entry)
    title = " ".join(without_suppressions(entry.title or "").split())
    title = re.sub(r"^\s*local handoff\s*:\s*", "", title, flags=re.I) or "[What was done]"
    responses = root / "responses"
    link = os.path.relpath(entry.path, responses).replace(os.sep, "/")
    text = (TEMPLATES / "response.md").read_text(encoding="utf-8")
    text = re.sub(r"^# .*$", lambda _m: f"# Local Response: {title}", text, count=1, flags=re.M)
    text = text.replace("[handoff file](../archive/handoff-file.md)", f"[{entry.name}]({link})")
    text = _set_field(_set_field(text, "Date", today.isoformat()), "From", author)
    path = responses / f"{today.isoformat()}-response-to-{entry.stem}.md"
    known = Known(entry.scanned.secrets).add(values_at([entry.name], spans_of(hits_by_line([entry.name]))))
    if known.carried_by(path.name) or known.carried_by(title):  # a secret is never a file name, nor copied
        raise ScaffoldError(
            shown(
                f"{entry.display}: no response made: its file name or title carries a secret; take it out of the handoff first",
                known=known,
            )
        )
    _inside(responses, root, access).mkdir(exist_ok=True)
    _create(path, without_suppressions(text), root, access)
    return path


def init(folder: Path, access: Access) -> list[Path]:
    """Create the folders and files of a handoff root that are missing, as the command's
    ``access`` allows; return what was made."""
    made = []
    _usable(folder, access)
    for name in (*LIFECYCLE_FOLDERS, "examples"):
        _inside(folder / name, folder, access).mkdir(parents=True, exist_ok=True)
        keep = folder / name / ".gitkeep"
        if not any((folder / name).iterdir()):
            _create(keep, "", folder, access)
            made.append(keep)
    for name, source in (("README.md", "README.md"), (TEMPLATE_NAME, "handoff.md")):
        if not (folder / name).exists() and not (folder / name).is_symlink():
            _create(folder / name, (TEMPLATES / source).read_text(encoding="utf-8"), folder, access)
            made.append(folder / name)
    return made


def from_top(folder: Path) -> str:
    """``folder`` as pre-commit names it: relative to the repository's top, ``/`` separators
    (outside a repository: as given)."""
    absolute = Path(os.path.abspath(folder))
    top = work_tree(absolute if absolute.is_dir() else Path.cwd()) or Path.cwd()
    try:
        return absolute.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:  # outside the repository: as given
        return folder.as_posix()


def pre_commit_snippet(folder: Path, others: tuple[Path, ...] = ()) -> str:
    """The pre-commit configuration that checks ``folder`` (and the repository's ``others``
    handoff roots), as it works when pasted: a local hook running the handoff-lint this machine
    has (no release to name a ``rev:`` of), ``files:`` matching the folders as pre-commit names
    them (relative to the repository's top), and the privacy hook kept off them so no finding is
    reported twice."""
    from handoff_lint.workflow.hook_config import pattern_for

    pattern = pattern_for(list(dict.fromkeys(sorted([from_top(folder), *map(from_top, others)]))))
    return f"""\
# .pre-commit-config.yaml (handoff-lint must be installed where git runs: pip install handoff-lint)
# pre-commit runs no hook for a commit that only deletes files: `handoff-lint install-hook`
# (the plain hook, which pre-commit keeps as pre-commit.legacy) blocks deleting an answered handoff.
repos:
- repo: local
  hooks:
  - id: handoff-lint
    name: handoff-lint
    entry: handoff-lint check
    language: system
    files: {pattern}
    types: [file]
    require_serial: true
  - id: handoff-privacy
    name: handoff-privacy
    entry: handoff-lint check --select HL0,HL2,HL3
    language: system
    types: [text]
    exclude: {pattern}
"""
