"""``--fix`` and ``--diff``: move handoffs to the folder their status belongs in, give them their
canonical name, and update the responses that link to them.

Safety rules: a move never replaces an existing file (hard link then unlink, or ``git mv``,
both of which refuse an existing target); a response is rewritten through the Touch seam (a
temporary file the OS makes beside it, then an atomic rename; never through a link); nothing is
moved in, or out of, a handoff root whose own real path leads out of the repository; moves happen
before link updates, so an interruption at any point leaves every
document present and readable (at worst a response's link is stale, which the next run reports
and fixes). Nothing is written without ``--fix``.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint.data.catalogue import is_selected
from handoff_lint.data.config import Config
from handoff_lint.detect.values import Known
from handoff_lint.git import GitError, git, work_tree
from handoff_lint.model.index import FolderIndex, build
from handoff_lint.model.kinds import NO_ROOTS, classify, configured, display_path, inside
from handoff_lint.model.names import placement
from handoff_lint.reading import read_bytes
from handoff_lint.show import shown
from handoff_lint.touch import Access, TouchError, write_text

FOLDER_CODES = ("HL405", "HL412")  # fixed by moving to the folder the status belongs in
NAME_CODES = ("HL401", "HL404")  # fixed by renaming to handoff-<Date>-<slug>.md
# HL406 (a response's stale link to a handoff that exists elsewhere) is fixed by a link update


class FixError(RuntimeError):
    pass


@dataclass
class Move:
    source: Path
    target: Path


@dataclass
class Edit:
    path: Path
    replacements: list[tuple[str, str]]  # (old link target, new link target)


@dataclass
class Plan:
    moves: list[Move] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # what could not be fixed, and why
    known: Known = field(default_factory=Known)  # the secrets of the folders: every line shown is redacted by them
    roots: frozenset[Path] = NO_ROOTS  # the configured handoff roots (model/kinds.configured)
    access: Access | None = None  # the command's (touch.Access): what --fix may move and write through

    def __bool__(self) -> bool:
        return bool(self.moves or self.edits)


def plan_for(files, paths, config: Config) -> Plan:
    """The fix plan for a run over ``paths`` (``files``: what discovery found in them): every
    handoff root they touch, limited to the documents the run names or walks (as the checks
    report)."""
    named = {file.display for file in files}
    walked = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    total = Plan(roots=configured(config), access=config.access)
    for root in sorted({file.root for file in files if file.root is not None}):
        part = plan(
            build(root, access=config.access),
            config,
            lambda entry: entry.display in named or inside(entry.display, walked),
        )
        total.moves += part.moves
        total.edits += part.edits
        total.refused += part.refused
        total.known.add(part.known)
    return total


def plan(index: FolderIndex, config: Config, in_run) -> Plan:
    """The moves and link updates that fix this root's selected lifecycle findings, limited to
    the documents ``in_run(entry)`` accepts; what leads out is judged by the index's access."""

    fix_folder = any(is_selected(code, config.select, config.ignore) for code in FOLDER_CODES)
    fix_name = any(is_selected(code, config.select, config.ignore) for code in NAME_CODES)
    repair_links = is_selected("HL406", config.select, config.ignore)
    result = Plan(known=index.secrets())
    known = result.known
    taken: set[Path] = set()
    moved: dict[Path, Path] = {}
    for entry in index.handoffs():
        if not in_run(entry):
            continue
        target = placement(entry, config, fix_folder, fix_name)
        if target is None or target == entry.path:
            continue
        if target.name != entry.name and Known(entry.scanned.secrets).add(known).carried_by(target.name):
            # a secret is never a file name: every later path, commit and report would carry it
            result.refused.append(
                shown(
                    f"{entry.display}: not renamed, the name its title gives would carry a secret the document holds; change the title",
                    known=known,
                )
            )
            continue
        if index.access.leads_out(target, index.root) or index.access.leads_out(entry.path, index.root):
            result.refused.append(
                shown(
                    f"{entry.display}: not moved, {display_path(target)} leads outside the handoff folder", known=known
                )
            )
            continue
        if target.exists() or target.is_symlink() or target in taken:
            result.refused.append(
                shown(f"{entry.display}: not moved, {display_path(target)} already exists", known=known)
            )
            continue
        taken.add(target)
        moved[entry.path] = target
        result.moves.append(Move(entry.path, target))
    # where each handoff will be after the moves: by its path, and by its file name where only
    # one handoff has that name (a link to a name two handoffs share is not guessed at)
    after = {h.path: moved.get(h.path, h.path) for h in index.handoffs()}
    by_name: dict[str, Path | None] = {}
    for path, now in after.items():
        by_name[path.name] = None if path.name in by_name else now
    for response in index.responses() if (moved or repair_links) else ():
        replacements = []
        for reference in response.references:
            pointed = Path(os.path.normpath(response.path.parent / reference.target.split("#", 1)[0]))
            # a link to a handoff that stays where it is (a move refused) stays as it is
            now = after[pointed] if pointed in after else by_name.get(pointed.name)
            if reference.kind != "link" or now is None or now == pointed:
                continue  # a link that already points right, or at no known handoff
            replacements.append((reference.target, os.path.relpath(now, response.path.parent).replace(os.sep, "/")))
            if pointed.name != now.name:  # the link text names the file too
                replacements.append((f"[{pointed.name}]", f"[{now.name}]"))
        if replacements and index.access.leads_out(response.path, index.root):
            result.refused.append(
                shown(f"{response.display}: links not updated, the file leads outside the handoff folder", known=known)
            )
        elif replacements:
            result.edits.append(Edit(response.path, replacements))
    return result


def _edited(text: str, replacements) -> str:
    for old, new in replacements:
        text = text.replace(f"]({old}", f"]({new}") if not old.startswith("[") else text.replace(old, new)
    return text


def diff(plan_: Plan) -> str:
    """What ``--fix`` would do, as a git patch (renames, then link edits) that ``git apply``
    takes: each file under its own ``diff --git`` header, paths relative to the working folder.
    Every line passes the Show seam: a line holding a credential or a control character is shown
    redacted or escaped (such a patch no longer applies, by design: safety first)."""

    out = []
    for move in plan_.moves:
        a, b = _git_path("a/", move.source), _git_path("b/", move.target)
        source, target = _git_path("", move.source), _git_path("", move.target)
        header = (f"diff --git {a} {b}", "similarity index 100%", f"rename from {source}", f"rename to {target}")
        out.append("".join(shown(line, known=plan_.known) + "\n" for line in header))
    for edit in plan_.edits:
        with open(edit.path, encoding="utf-8", newline="") as handle:
            before = handle.read()
        a, b = _git_path("a/", edit.path), _git_path("b/", edit.path)
        hunks = list(difflib.unified_diff(_lines(before), _lines(_edited(before, edit.replacements)), a, b))
        if not hunks:
            continue
        out.append(shown(f"diff --git {a} {b}", known=plan_.known) + "\n")
        for line in hunks:
            body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "\n\\ No newline at end of file\n")
            out.append(shown(body, known=plan_.known) + end)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines as git counts them: ended by \\n only (str.splitlines also splits at \\r, \\x0c, U+2028)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _git_path(prefix: str, path: Path) -> str:
    """``prefix`` + ``path`` (relative to the working folder) as git writes a name in a patch:
    C-quoted when it holds a quote, a backslash, a control character or a byte beyond ASCII."""
    name = prefix + display_path(path)
    if all(" " <= char < "\x7f" and char not in '"\\' for char in name):
        return name
    escapes = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\"}
    data = os.fsencode(name)
    return (
        '"' + "".join(escapes.get(byte) or (chr(byte) if 32 <= byte < 127 else f"\\{byte:03o}") for byte in data) + '"'
    )


def apply(plan_: Plan) -> tuple[list[Path], list[Path]]:
    """Moves first, then link updates; each step atomic; FixError names the file on failure.

    In a git work tree a tracked handoff is moved with ``git mv``, which stages the move; a
    tracked response relinked to it is staged too when the work tree held nothing else unstaged
    in it, so that what ``--fix`` leaves is a state that commits (the hook reads the index). A
    response with edits of the user's own not yet staged is left for the user to add. Returns
    (the responses staged, the responses the user must still ``git add``)."""
    from handoff_lint.git import work_tree

    if plan_.access is None:
        raise TypeError("apply: the plan carries no access (touch.Access): nothing is moved or written")
    top = work_tree(Path.cwd())
    tracked = [edit.path for edit in plan_.edits if top is not None and _tracked(edit.path, top)]
    clean = [path for path in tracked if not _unstaged(path, top)]
    for move in plan_.moves:
        _move(move.source, move.target, plan_.roots, plan_.access)
    for edit in plan_.edits:
        _rewrite(edit.path, edit.replacements, plan_.roots, plan_.access)
    if clean:
        from handoff_lint.git import GitError, git

        try:
            git(["add", "--", *map(str, clean)], top)
        except GitError as error:
            raise FixError(f"links updated but not staged: {error}") from None
    return clean, [path for path in tracked if path not in clean]


def _unstaged(path: Path, top: Path) -> bool:
    """Does the work tree hold changes to ``path`` that the index does not?"""
    from handoff_lint.git import GitError, git

    try:
        return bool(git(["diff", "--name-only", "--", f":(literal){path}"], top).strip())
    except GitError:
        return True


def _move(source: Path, target: Path, roots: frozenset[Path], access: Access) -> None:
    _inside(source, roots, access)
    _inside(target, roots, access)
    target.parent.mkdir(parents=True, exist_ok=True)
    top = work_tree(Path.cwd())  # the user's repository, never one a handoff folder holds
    if top is not None and _tracked(source, top):
        try:
            git(["mv", "--", str(source), str(target)], top)  # refuses an existing target
            return
        except GitError as error:  # "git mv failed: ..." already
            raise FixError(f"{display_path(source)}: {error}") from None
    try:
        os.link(source, target)  # fails if the target exists: never overwrites
    except FileExistsError:
        raise FixError(f"{display_path(source)}: not moved, {display_path(target)} already exists") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
            raise FixError(f"{display_path(source)}: cannot move: {error.strerror}") from None
        if os.path.lexists(target):
            raise FixError(f"{display_path(source)}: not moved, {display_path(target)} already exists") from None
        os.rename(source, target)
        return
    os.unlink(source)


def _tracked(path: Path, top: Path) -> bool:
    try:
        return bool(git(["ls-files", "-z", "--", f":(literal){path}"], top).strip())
    except GitError:
        return False


def _inside(path: Path, roots: frozenset[Path], access: Access) -> None:
    """The Touch seam (touch.py) for a path a fix writes: inside its handoff root, as ``access`` allows."""

    root = classify(path, roots)[1]
    try:
        if root is None:
            raise TouchError(f"{display_path(path)}: refused: not inside a handoff folder")
        access.inside_root(path, root)
    except TouchError as error:
        raise FixError(str(error)) from None


def _rewrite(path: Path, replacements, roots: frozenset[Path], access: Access) -> None:
    _inside(path, roots, access)
    root = classify(path, roots)[1]
    data, problem = read_bytes(
        path, display_path(path), root=root, access=access
    )  # bounded, and not through a link leading out
    if problem is not None:
        raise FixError(f"{problem.path}: link not updated: {problem.message}")
    before = data.decode("utf-8", "surrogateescape")  # as it is: CRLF stays CRLF
    after = _edited(before, replacements)
    if after == before:
        return
    try:
        write_text(path, after.encode("utf-8", "surrogateescape"), root, access=access)
    except TouchError as error:
        raise FixError(f"{error}; link not updated") from None
    except OSError as error:
        raise FixError(f"{display_path(path)}: link not updated: {error.strerror or error}") from None
