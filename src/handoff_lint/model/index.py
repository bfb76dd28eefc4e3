"""The folder index: every document of one handoff root, read lightly, for the lifecycle checks.

Lifecycle rules (HL4xx) compare files with each other (a response with the handoff it names, two
handoffs with one slug), so they need the whole root on disk even when a pre-commit run passes
only one file. Building the index reads each document with the line scanner (parse/scanner.py),
not markdown-it: the index of a 2,000-handoff folder must cost little more than reading it.
Nothing here is cached by path or by stat: names are listed every run, and a document's content
is read when a check asks for it (its scan may come from the cache, by the digest of what was
read; see engine/folder.py).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.findings import Finding, printable
from handoff_lint.model.kinds import display_path
from handoff_lint.model.listing import listing
from handoff_lint.model.names import file_name, name_parts, parse_date, stem
from handoff_lint.model.status import status_meaning, tables
from handoff_lint.parse.names import normalise
from handoff_lint.parse.scanner import Reference, Scan, link_stem, scan_text, unreadable_scan
from handoff_lint.reading import read_text

if TYPE_CHECKING:
    from handoff_lint.touch import Access


class Entry:
    """One document of the index. A plain class with slots, not a dataclass: a one-file run in a
    large folder makes one per document (3,400), and a dataclass costs twice as much to make and
    about 1 ms to define at import.

    ``where``: absolute, symlinks kept (a string from a listing; see path). ``place``: active,
    archive, responses or root. ``kind``: handoff or response. ``name_date``: the date in the
    file name, as written. ``slug``: handoffs, the slug; responses, the slug or the handoff
    named. ``target``: responses, the handoff file name (without .md) the name points at.

    The content is read (or taken from a cache) only when a check asks for it: a one-file run in
    a large folder needs the names of every document but the content of few. ``known``: the scan,
    or a function that returns it (or None); else the file is read under ``root`` as ``access``
    (touch.Access, the command's) allows, or, without a root, ``text`` is scanned. ``named``: the handoffs a response names, if known (see
    handoffs_named)."""

    __slots__ = (
        "where",
        "display",
        "place",
        "kind",
        "text",
        "name_date",
        "slug",
        "target",
        "known",
        "root",
        "access",
        "_named",
        "_scan",
        "_path",
    )

    def __init__(
        self,
        where: str | Path,
        display: str,
        place: str,
        kind: str,
        text: str = "",
        name_date: str | None = None,
        slug: str | None = None,
        target: str | None = None,
        known: Scan | Callable[[], Scan | None] | None = None,
        root: Path | None = None,
        named: tuple | None = None,
        access: Access | None = None,
    ) -> None:
        self.where, self.display, self.place, self.kind, self.text = where, display, place, kind, text
        self.name_date, self.slug, self.target, self.known, self.root, self._named = (
            name_date,
            slug,
            target,
            known,
            root,
            named,
        )
        self.access = access
        self._scan: Scan | None = None
        self._path: Path | None = None

    def __repr__(self) -> str:
        return f"Entry({self.display!r}, {self.place!r}, {self.kind!r})"

    @property
    def path(self) -> Path:
        """``where`` as a Path, made when first asked: a one-file run indexes thousands of
        documents and asks few for their path (a Path each cost more than the rest of the index)."""
        if self._path is None:
            self._path = Path(self.where)
        return self._path

    @property
    def scanned(self) -> Scan:
        if self._scan is None:
            found = self.known() if callable(self.known) else self.known
            if found is None and self.root is not None:  # an unreadable file scans as empty (its own check reports it)
                text, problem = read_text(self.where, self.display, root=self.root, access=self.access)
                found = scan_text(text) if problem is None else unreadable_scan()
            self._scan = found if found is not None else scan_text(self.text)
        return self._scan

    @property
    def title(self) -> str | None:
        return self.scanned.title

    @property
    def fields(self) -> dict[str, tuple[str, int]]:  # normalised name -> (value, line)
        return self.scanned.fields

    @property
    def references(self) -> list[Reference]:
        return self.scanned.references

    @property
    def name(self) -> str:
        return file_name(self.where)

    @property
    def stem(self) -> str:
        return stem(self.where)

    def value(self, name: str) -> str | None:
        found = self.fields.get(normalise(name))
        return found[0] if found else None

    def line_of(self, name: str) -> int:
        found = self.fields.get(normalise(name))
        return found[1] if found else 1

    @property
    def status(self) -> str | None:
        return self.value("Handoff Status") if self.kind == "handoff" else self.value("Status")

    @property
    def date(self) -> datetime.date | None:
        return parse_date(self.value("Date") or "")

    def handoffs_named(self) -> list[str]:
        """Responses: the handoff file names (without .md) that its references point at. Worked
        out once, or taken from the document's row (see :class:`FolderIndex`): pairing needs it of
        every response, and a scan loaded for it costs more than the rest of the response's row."""
        if self._named is None:
            named = [name for name in (link_stem(r.target) for r in self.references) if name.startswith("handoff-")]
            if not named and self.target:
                named.append(self.target)
            self._named = tuple(named)
        return list(self._named)

    def says_done(self) -> bool:
        """Responses: the work is done unless a **Status**: field says otherwise (read by the
        status vocabulary: `✅ Complete (all 40 templates)` is done)."""
        if self.scanned.unreadable:  # unknown, not done (its own HL0 finding says why)
            return False
        table, _names = tables()
        status = (self.status or "Completed").strip()
        return (
            status.casefold() in {w.casefold() for w in table["meaning"]["response-done"]}
            or status_meaning(status) == "Completed"
        )


class Stray(NamedTuple):  # tuples, not dataclasses: each dataclass costs a run ~0.5 ms to define
    path: Path
    display: str
    is_dir: bool


class Row(NamedTuple):
    """A document's row: what the index works out for it from its name, before any check reads
    its content (see build). Made when first asked (:meth:`FolderIndex.row`): a commit's run in a
    folder of thousands asks it of few."""

    place: str
    kind: str
    display: str
    name_date: str | None
    slug: str | None
    target: str | None


class FolderIndex:
    """Every document of a root, as a row (:class:`Row`: place, kind, how it is shown, its
    name's parts) and as an Entry, each made only when a check asks for it. A commit's run in a
    folder of thousands of documents pairs one file with the names of the others and reads the
    content of few: it makes few rows and entries.

    ``documents``: the listing's (path, place, kind), in order; ``shown(path, place)``: how a
    document is shown; ``access``: the command's (touch.Access), by which documents are read."""

    __slots__ = (
        "root",
        "documents",
        "strays",
        "access",
        "problems",
        "_shown",
        "_scans",
        "_holding",
        "_where",
        "_rows",
        "_made",
        "_paths",
        "_answering",
    )

    def __init__(
        self,
        root: Path,
        documents: list[tuple[str, str, str]],
        shown: Callable[[str, str], str],
        strays: list[Stray],
        scans: Callable[[str, str], object] | None = None,
        holding: Callable[[list[str], list[str]], list[str]] | None = None,
        *,
        access: Access,
    ) -> None:
        self.root, self.documents, self._shown, self.strays, self.access = root, documents, shown, strays, access
        self.problems: list[Finding] = []  # folders not indexed (see Listing), as findings
        self._scans = scans or (lambda path, kind: None)
        self._holding = holding or (lambda paths, stems: paths)  # see build
        self._where = {path: (place, kind) for path, place, kind in documents}
        self._rows: dict[str, Row] = {}
        self._made: dict[str, Entry] = {}
        self._paths: dict[str, list[str]] = {}
        self._answering: dict[frozenset | None, dict[str, list[str]]] = {}  # asked by the engine, then by the checks

    def add(self, path: str, place: str, kind: str, display: str) -> None:
        """A document that is not on disk (text read from standard input) as if it were at ``path``."""
        if path not in self._where:
            self.documents.append((path, place, kind))
            self._where[path] = place, kind
            self._rows[path] = Row(place, kind, display, *name_parts(file_name(path), kind))
            self._paths.clear()
            self._answering.clear()

    def row(self, path: str) -> Row:
        """The row of the document at ``path`` (KeyError if none), worked out when first asked."""
        found = self._rows.get(path)
        if found is None:
            place, kind = self._where[path]
            found = self._rows[path] = Row(place, kind, self._shown(path, place), *name_parts(file_name(path), kind))
        return found

    def entry(self, path: str) -> Entry:
        made = self._made.get(path)
        if made is None:
            row = self.row(path)
            made = self._made[path] = Entry(
                path,
                row.display,
                row.place,
                row.kind,
                "",
                row.name_date,
                row.slug,
                row.target,
                self._scans(path, row.kind),
                self.root,
                access=self.access,
            )
        return made

    def paths(self, kind: str, names: Collection[str] | None = None) -> list[str]:
        """The documents of ``kind``, in order (worked out once: checks ask more than once); with
        ``names``, those of these file names only."""
        found = self._paths.get(kind)
        if found is None:
            found = self._paths[kind] = [path for path, _place, of_kind in self.documents if of_kind == kind]
        if names is None:
            return found
        ends = tuple(os.sep + name for name in names)  # a listing's paths: folder, separator, name
        return [path for path in found if path.endswith(ends) and file_name(path) in names]

    def handoffs(self) -> list[Entry]:
        return [self.entry(path) for path in self.paths("handoff")]

    def responses(self) -> list[Entry]:
        return [self.entry(path) for path in self.paths("response")]

    def secrets(self) -> Known:
        """The secrets of every document of the index (each scanned when first asked) and of
        their file names: what a string made from the index (a board cell, a fix's name or diff)
        is shown by."""
        entries = [*self.handoffs(), *self.responses()]
        known = Known()
        for entry in entries:
            known.add(entry.scanned.secrets)
        names = [entry.display for entry in entries]
        return known.add(values_at(names, spans_of(hits_by_line(names))))

    def answering(self, stems: set[str] | None = None) -> dict[str, list[str]]:
        """Handoff stem (of ``stems``, else every one) -> the paths of the responses that name
        it. A response names a handoff by a link or path whose file name is the handoff's, or by
        its own file name: with ``stems`` (a commit's few handoffs), a response whose text and
        name hold none of them names none, and is not scanned."""
        key = None if stems is None else frozenset(stems)
        if key in self._answering:
            return self._answering[key]
        paths = self.paths("response")
        if stems is not None:  # what names a handoff holds its stem: in the file name, else in the text
            paths = self._holding(paths, sorted(stems))
        found: dict[str, list[str]] = {}
        for path in paths:
            for name in self.entry(path).handoffs_named():
                if stems is None or name in stems:
                    found.setdefault(name, []).append(path)
        self._answering[key] = found
        return found

    def answers(self) -> dict[str, list[Entry]]:
        """Handoff stem -> the responses that name it."""
        return {name: [self.entry(path) for path in paths] for name, paths in self.answering().items()}


def scan(entry: Entry, found: Scan | None = None) -> None:
    """Give the entry its scan now (``found``, or one of its text)."""
    entry._scan = found or scan_text(entry.text)


def build(
    root: Path,
    cwd: Path | None = None,
    scans: Callable[[str, str], object] | None = None,
    holding: Callable[[list[str], list[str]], list[str]] | None = None,
    *,
    access: Access,
) -> FolderIndex:
    """Index every document of the handoff root on disk, as ``access`` (touch.Access, the
    command's) allows (unreadable files scan as empty: the per-file checks report them).
    ``scans(path, kind)``: the scan of a document, or a function that returns it, or None (then
    it is read when a check asks). ``holding(paths, stems)``: of ``paths``, in order, those whose
    file name or bytes may hold one of ``stems`` (one that cannot be read may), to pass over
    responses that cannot name a handoff (default: every one)."""
    cwd = cwd or Path.cwd()
    listed = listing(root, access)
    root = listed.root
    base = display_path(root, cwd)

    within = set(base.split("/")) == {".."}  # the working directory is inside the root
    prefix = "" if base == "." else f"{base}/"

    def shown(path: str, place: str) -> str:
        # as discover shows it, so findings match the run (one relpath per root, not per file)
        if within:
            return printable(display_path(Path(path), cwd))
        name = file_name(path)
        return printable(f"{prefix}{name}" if place == "root" else f"{prefix}{place}/{name}")

    strays = [Stray(Path(path), printable(display_path(Path(path), cwd)), is_dir) for path, is_dir in listed.strays]
    index = FolderIndex(root, listed.documents, shown, strays, scans, holding, access=access)
    index.problems = [
        Finding(printable(display_path(Path(path), cwd)), 1, 1, code, message)
        for path, code, message in listed.problems
    ]
    return index
