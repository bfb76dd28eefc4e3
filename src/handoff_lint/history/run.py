"""One history run: read the log (log.py), keep the files in scope (scope.py), check every added
line with the privacy and credential checks, and make findings that name the commit, the path as
it was then and the line in that version; the ones the tip no longer holds say so. Never prints.

Speed: the added lines of every piece become *one* text (a map keeps each line's piece and real
line number), so each check runs once over the history, as over one file: the credential gates'
`str.find` picks the few candidate lines, the expensive detectors run only there, and the
privacy check's whole-text tests skip most lines. A blob-diff seen before (the same old and new
blobs: a cherry-pick, a rebased branch) is not read twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from handoff_lint.checks import credentials, privacy
from handoff_lint.checks.credentials import binary_runs
from handoff_lint.data.config import Config
from handoff_lint.detect.scan import spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.engine import suppress
from handoff_lint.engine.check import bounded
from handoff_lint.findings import MAX_MESSAGE, Finding, printable
from handoff_lint.git import git
from handoff_lint.history import blobs, scope
from handoff_lint.history.log import Commit, Piece, read_log
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile, is_markdown
from handoff_lint.model.source import Source
from handoff_lint.parse.document import split_lines
from handoff_lint.parse.markdown import code_lines
from handoff_lint.reading import decode
from handoff_lint.show import shown

REMOVED = {
    "HL3": "removed in a later commit; still published: rotate it",
    "": "removed in a later commit; still published in the history",
}
_HISTORY = SourceFile("<history>", "<history>", UNCLASSIFIED, None, "")


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    commits: int = 0  # read
    files: int = 0  # distinct paths in scope that some commit added lines to
    suppressed: int = 0  # hidden by suppression comments in the file's version
    limited: bool = False  # --max-commits left older commits out


def run(
    revisions: list[str],
    tips: list[str],
    pathspecs: list[str],
    cwd: Path,
    config: Config,
    max_commits: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Check what the commits of ``revisions`` added (``tips``: the commits whose trees count
    as "now"). GitError when git cannot read them."""
    top = Path(git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    outcome = Outcome()
    tip_files = {}
    for tip in tips:
        tip_files.update(blobs.tree_files(tip, pathspecs, cwd))
    extra_roots = [os.path.relpath(root, top).replace(os.sep, "/") for root in config.roots]
    extra_roots = [root if root != "." else "" for root in extra_roots if not root.startswith("..")]
    keep = None if pathspecs else scope.may_hold(scope.roots_of(tip_files, extra_roots))
    limit = None if max_commits is None else max_commits + 1  # one more: were there older ones?
    commits, pieces = read_log(revisions, pathspecs, cwd, limit, config.max_file_size, progress, keep)
    if max_commits is not None and len(commits) > max_commits:
        oldest = commits.pop(0)
        pieces = [piece for piece in pieces if piece.commit is not oldest]
        outcome.limited = True
    outcome.commits = len(commits)
    if not pieces:
        return outcome
    roots = scope.roots_of([*tip_files, *{piece.path for piece in pieces}], extra_roots)
    wanted_path = scope.under_paths_in_scope if pathspecs else scope.in_scope
    excluded = config.paths.excluded if config.exclude else None
    seen: set[bytes] = set()
    chosen: list[Piece] = []
    for piece in pieces:
        if not wanted_path(piece.path, roots) or (excluded and excluded(str(top / piece.path))):
            continue
        if piece.key:
            if piece.key in seen:
                continue
            seen.add(piece.key)
        chosen.append(piece)
    outcome.files = len({piece.path for piece in chosen})
    wanted = suppress.family_wanted(config)
    _lines_from_blobs(chosen, top, config.max_file_size)
    raw, known, needles = _check_pieces(chosen, config, wanted)
    if wanted("HL0"):
        message = f"this commit's version of the file is over the {config.max_file_size:,}-byte limit; not read"
        raw += [(piece, Finding("", 1, 1, "HL004", message)) for piece in chosen if piece.over]
    raw = _bounded(raw, config.max_findings)
    raw, outcome.suppressed = _suppressed(raw, top, config)
    still = _at_tips(needles, tip_files, roots, wanted_path, top, config, wanted) if raw else set()
    outcome.findings = _final(raw, still, commits, top, cwd, config, known)
    return outcome


def _lines_from_blobs(pieces: list[Piece], top: Path, max_bytes: int) -> None:
    """Lines for the pieces git showed as binary, and those whose lines the read dropped (a
    handoff folder known only from later paths): a blob without a NUL byte in its first 8 KB is
    text (one a ``.gitattributes`` line such as ``*.md -diff`` made git hide), whose lines not
    in the old version are its added lines. A real binary file's printable runs are read for
    credentials, as a folder run reads them."""
    binary = [piece for piece in pieces if (piece.binary or piece.dropped) and piece.new_blob]
    if not binary:
        return
    contents = blobs.read_blobs([b for piece in binary for b in (piece.new_blob, *piece.old_blobs)], top, max_bytes)
    for piece in binary:
        data = contents.get(piece.new_blob)
        if data is None:
            piece.over = True
            continue
        if b"\x00" in data[:8192]:
            piece.lines = [run.encode("latin-1") for run in binary_runs(data)]
            piece.numbers = [1] * len(piece.lines)
            continue
        old: dict[bytes, int] = {}
        for blob in piece.old_blobs:
            for line in (contents.get(blob) or b"").splitlines():
                old[line] = old.get(line, 0) + 1
        for number, line in enumerate(data.splitlines(), start=1):
            if old.get(line, 0):
                old[line] -= 1
            else:
                piece.lines.append(line)
                piece.numbers.append(number)


def _check_pieces(pieces: list[Piece], config: Config, wanted) -> tuple[list[tuple[Piece, Finding]], Known, set[str]]:
    """The privacy and credential checks over every piece's added lines as one text; each
    finding paired with its piece, at the line's real number. Both checks read a line at a
    time, so a line added many times (a heading, a metadata line, a sentence a template gives)
    is checked once and its findings given to every place it was added. ``needles``: what a
    line of the tip must contain to give one of these findings again (see :func:`_at_tips`)."""
    unique: dict[bytes, int] = {}
    places: list[list[tuple[int, int]]] = []  # per distinct line: (piece index, line number) where added
    for index, piece in enumerate(pieces):
        for raw, number in zip(piece.lines, piece.numbers, strict=False):
            at = unique.get(raw)
            if at is None:
                at = unique[raw] = len(places)
                places.append([])
            places[at].append((index, number))
    if not places:
        return [], Known(), set()
    # a BOM is no text; line ends are not part of a line
    lines = [raw.decode("utf-8", "replace").rstrip("\n").rstrip("\r").lstrip("\ufeff") for raw in unique]
    source = Source(_HISTORY, "\n".join(lines))
    source.lines = lines  # the text's own lines: no line holds a "\n"
    found: list[Finding] = []
    if wanted("HL2"):
        found += privacy.check(source, config)
    if wanted("HL3") or wanted("HL2"):  # the scan also gives the values every message is redacted by
        secrets = credentials.check(source, config)
        if wanted("HL3"):
            found += secrets
    # a privacy finding's message quotes what it matched, which starts at its column and is at
    # least 4 characters long (the shortest: a login name, HL206); a credential's is its value
    needles = {lines[f.line - 1][f.column - 1 : f.column + 3] for f in found if not f.code.startswith("HL3")}
    needles.update(value for value, _keep in source.known)
    paired = [
        (pieces[index], replace(finding, path="", line=number))
        for finding in found
        for index, number in places[finding.line - 1]
    ]
    names = _file_names(pieces, wanted)
    known = source.known
    if names:
        paired += names[0]
        known.add(names[1])
    return paired, known, needles


def _file_names(pieces: list[Piece], wanted) -> tuple[list, list] | None:
    """HL306: a credential in a file's name, at the first commit that added lines under it."""
    first: dict[str, Piece] = {}
    for piece in pieces:
        first.setdefault(piece.path, piece)
    names = list(first)
    hits = credentials.file_name_hits(names)
    if not hits:
        return None
    findings = credentials.check_file_names(names, hits) if wanted("HL3") else []
    return [(first[f.path], replace(f, path="")) for f in findings], values_at(names, spans_of(hits))


def _bounded(raw: list[tuple[Piece, Finding]], limit: int) -> list[tuple[Piece, Finding]]:
    """max-findings-per-rule, per piece (one file's version), as a folder run bounds one file."""
    by_piece: dict[int, list[Finding]] = {}
    pieces: dict[int, Piece] = {}
    for piece, finding in raw:
        by_piece.setdefault(id(piece), []).append(finding)
        pieces[id(piece)] = piece
    if all(len(found) <= limit for found in by_piece.values()):
        return raw
    return [(pieces[key], finding) for key, found in by_piece.items() for finding in bounded(found, limit, "")]


def _suppressed(raw: list[tuple[Piece, Finding]], top: Path, config: Config) -> tuple[list[tuple[Piece, Finding]], int]:
    """Mark what the suppression comments of the file's version at that commit hide, as
    ``check`` would have at that commit (within ``inline-suppress``; a markdown file's comments in
    code blocks are code): each stays, ``suppressed``, for every format to show. The comments'
    own findings (unused, malformed) are about that version, not the history: left out."""
    pieces = {id(piece): piece for piece, _finding in raw}
    with_blob = [piece for piece in pieces.values() if piece.new_blob and not piece.binary]
    if not with_blob:
        return raw, 0
    contents = blobs.read_blobs([piece.new_blob for piece in with_blob], top, config.max_file_size)
    kept: list[tuple[Piece, Finding]] = []
    hidden = 0
    by_piece: dict[int, list[Finding]] = {}
    for piece, finding in raw:
        by_piece.setdefault(id(piece), []).append(finding)
    for key, found in by_piece.items():
        piece = pieces[key]
        data = contents.get(piece.new_blob) if piece.new_blob and not piece.binary else None
        text = decode(data, piece.path, config.max_file_size)[0] if data is not None else None
        if text is not None and ("handoff-lint" in text or "pragma" in text or "gitleaks:allow" in text):
            lines = split_lines(text)
            markdown = is_markdown(piece.path.rsplit("/", 1)[-1])
            left, count = suppress.inline(
                found,
                lines,
                "",
                config,
                (lambda: code_lines(text, lines)) if markdown else frozenset,  # noqa: B023
            )
            hidden += count
            found = [finding for finding in left if not finding.code.startswith("HL9")]
        kept += [(piece, finding) for finding in found]
    return kept, hidden


def _at_tips(
    needles: set[str], tip_files: dict[str, str], roots: set[str], wanted_path, top: Path, config: Config, wanted
) -> set:
    """What the same checks find in the tips' files in scope: (code, secret hash or message).
    Both checks read a line at a time, so only the lines holding a ``needle`` are checked: the
    tip's other lines cannot give any of the history's findings again."""
    files = {path: blob for path, blob in tip_files.items() if wanted_path(path, roots)}
    contents = blobs.read_blobs(list(files.values()), top, config.max_file_size)
    lines: list[str] = []
    for blob in dict.fromkeys(files.values()):
        data = contents.get(blob)
        text = decode(data, "", config.max_file_size)[0] if data is not None else None
        if text and any(needle in text for needle in needles):
            lines += [line for line in split_lines(text) if any(needle in line for needle in needles)]
    still: set = {("HL306", path) for path in tip_files}
    if not lines:
        return still
    source = Source(_HISTORY, "\n".join(lines))
    source.lines = lines
    found = []
    if wanted("HL2"):
        found += privacy.check(source, config)
    if wanted("HL3"):
        found += credentials.check(source, config)
    return still | {_identity(finding) for finding in found}


def _identity(finding: Finding, path: str = "") -> tuple[str, str]:
    """What makes two findings the same leak wherever they are: the code, and the secret (by its
    hash) or the message (which quotes the private path, host or address)."""
    if finding.code == "HL306":
        return ("HL306", path)
    return (finding.code, finding.secret_hash or finding.message)


def _final(
    raw: list[tuple[Piece, Finding]],
    still: set,
    commits: list[Commit],
    top: Path,
    cwd: Path,
    config: Config,
    known: Known,
) -> list[Finding]:
    """Findings as reported: the path as it was then (relative to the working folder, escaped,
    redacted), the commit and its date in the message and the fields, the message shown."""
    displays: dict[str, str] = {}
    findings = []
    for piece, finding in raw:
        display = displays.get(piece.path)
        if display is None:
            display = displays[piece.path] = known.redact(printable(_relative(top / piece.path, cwd)))
        removed = finding.code.startswith(("HL2", "HL3")) and _identity(finding, piece.path) not in still
        note = REMOVED["HL3" if finding.code.startswith("HL3") else ""] if removed else ""
        prefix = f"commit {piece.commit.short} ({piece.commit.day}): "
        room = MAX_MESSAGE - len(prefix) - (len(note) + 2 if note else 0)
        message = prefix + shown(finding.message, room, known) + (f"; {note}" if note else "")
        findings.append(
            Finding(
                display,
                finding.line,
                finding.column,
                finding.code,
                message,
                secret_hash=finding.secret_hash,
                commit=piece.commit.sha,
                commit_date=piece.commit.date,
                removed_later=removed,
                suppressed=finding.suppressed,
            )
        )
    order = {commit.sha: index for index, commit in enumerate(commits)}
    return sorted(
        suppress.apply(findings, config), key=lambda f: (order.get(f.commit, 0), f.path, f.line, f.column, f.code)
    )


def _relative(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path.as_posix()
