"""The folder index: every document of one handoff root, read lightly, for the lifecycle checks.

Lifecycle rules (HL4xx) compare files with each other (a response with the handoff it names, two
handoffs with one slug), so they need the whole root on disk even when a pre-commit run passes
only one file. Building the index reads each document with a line scanner (fields, title,
status, the links of the reference section), not markdown-it: the index of a 2,000-handoff
folder must cost little more than reading it. Nothing here is cached by path or by stat: names
are listed every run, and a document's content is read when a check asks for it (its scan may
come from the cache, by the digest of what was read; see engine/folder.py).
"""

from __future__ import annotations

import datetime
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.engine.discover import SKIPPED_NAMES, TEMPLATE_NAME, display_path, is_markdown
from handoff_lint.findings import Finding, printable
from handoff_lint.parse.names import normalise, undecorated
from handoff_lint.engine.reading import read_text
from handoff_lint.data.rules_data import Patterns, load_table

# Link text and target stop at the next bracket, so each `[` starts a bounded scan (linear on
# hostile lines such as `[x](<` repeated; tests/unit/test_regex_linear.py).
LINK_RE = re.compile(r"\[[^\[\]\n]*\]\(\s*<?(?P<target>[^()<>\[\]\s]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
CODE_SPAN_RE = re.compile(r"`(?P<target>[^`\n]+)`")
FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# A handoff's file name written out, bare, as a response names its original in a metadata line
# (`**Original handoff**: handoff-2026-11-03-tag-log-levels.md`).
HANDOFF_NAME_RE = re.compile(r"(?<![\w/.-])handoff-\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*(?:\.md)?(?![\w/-])")
# The sections whose links and paths are references, by the schemas' names and x-aliases, in
# every shipped protocol's schemas (a team's own protocol reads its references under these too).
REFERENCE_SECTIONS = ("References/Links", "Reference to Original Handoff")


@lru_cache(maxsize=1)
def reference_names() -> tuple[frozenset[str], frozenset[str]]:
    """(sections whose links are references, fields that name the original handoff), normalised:
    References/Links and Reference to Original Handoff with their x-aliases, in each shipped
    schema; the fields are the responses' (`**Original handoff**:`, `**In response to**:`)."""
    from handoff_lint.data.schemas import SCHEMA_NAMES, load_schema

    sections, fields = set(), set()
    for schema_name in SCHEMA_NAMES:
        specs = load_schema(schema_name)["properties"]["sections"]["properties"]
        for section in REFERENCE_SECTIONS:
            if section not in specs:
                continue
            names = {normalise(name) for name in (section, *specs[section].get("x-aliases", ()))}
            sections |= names
            if "response" in schema_name:
                fields |= names
    return frozenset(sections), frozenset(fields)


@lru_cache(maxsize=1)
def tables():
    table = load_table("lifecycle")
    return table, Patterns(table["names"])


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    """Status words (case-folded, spacing normalised) -> the template's status they mean."""
    table, _names = tables()
    words = {_status_key(word): word for folder in ("active", "archive") for word in table["status-words"][folder]}
    for word, meaning in table.get("status-synonyms", {}).items():
        words.setdefault(_status_key(word), meaning)
    return words


def _ends_word(char: str) -> bool:
    """Does ``char`` after a status word start a note (``Done (see ...)``, ``Done, moved``, ``Done ✅``),
    rather than continue the word (``done-ish``, ``Done_2``)?"""
    import unicodedata

    return char.isspace() or char in "(:,;.—–!" or unicodedata.category(char)[0] == "S"


def _status_key(text: str) -> str:
    return " ".join(text.casefold().split())


def status_meaning(text: str | None, extra: Iterable[str] = (), exact: bool = False) -> str | None:
    """The status a written status means: the template's word (or a team's own word, ``extra``)
    that its leading words are, matched case-insensitively with emoji and a trailing note
    dropped (``'✅ Complete (archived ...)'`` -> ``'Completed'``), by rules/lifecycle.toml's
    vocabulary; None for a status the vocabulary does not know. ``exact``: the whole status must
    be the template's or the team's word (strict mode: no synonyms, no notes)."""
    if not text:
        return None
    key = _status_key(undecorated(text))
    own = {_status_key(word): word for word in extra}
    if exact:
        table, _names = tables()
        canonical = {_status_key(word): word for folder in ("active", "archive") for word in table["status-words"][folder]}
        return own.get(_status_key(text)) or canonical.get(_status_key(text))
    words = {**_vocabulary(), **own}
    best = None
    for word in words:
        if key.startswith(word) and (len(key) == len(word) or _ends_word(key[len(word)])) and (best is None or len(word) > len(best)):
            best = word
    return words[best] if best is not None else None


class Reference(NamedTuple):  # a tuple: a warm run makes one per link of every cached scan
    target: str  # as written
    line: int
    column: int
    kind: str  # "link" or "code"


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
    or a function that returns it (or None); else the file is read under ``root``, or, without a
    root, ``text`` is scanned. ``named``: the handoffs a response names, if known (see
    handoffs_named)."""

    __slots__ = ("where", "display", "place", "kind", "text", "name_date", "slug", "target", "known", "root", "_named", "_scan", "_path")

    def __init__(self, where: str | Path, display: str, place: str, kind: str, text: str = "", name_date: str | None = None, slug: str | None = None,
                 target: str | None = None, known: "Scan | Callable[[], Scan | None] | None" = None, root: Path | None = None, named: tuple | None = None) -> None:
        self.where, self.display, self.place, self.kind, self.text = where, display, place, kind, text
        self.name_date, self.slug, self.target, self.known, self.root, self._named = name_date, slug, target, known, root, named
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
    def scanned(self) -> "Scan":
        if self._scan is None:
            found = self.known() if callable(self.known) else self.known
            if found is None and self.root is not None:  # an unreadable file scans as empty (its own check reports it)
                text, problem = read_text(self.where, self.display, root=self.root)
                found = scan_text(text) if problem is None else unreadable_scan()
            self._scan = found if found is not None else scan_text(self.text)
        return self._scan

    @property
    def content_used(self) -> bool:
        """Has a check asked for the document's content (not only its name)?"""
        return self._scan is not None

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
        return status.casefold() in {w.casefold() for w in table["meaning"]["response-done"]} or status_meaning(status) == "Completed"


def file_name(where: str | Path) -> str:
    # a listing's path: split as os.path.join made it (pairing asks it of every handoff)
    return where.rpartition(os.sep)[2] if type(where) is str and os.altsep is None else os.path.basename(where)


def stem(where: str | Path) -> str:
    """A document's file name without .md (what responses name a handoff by)."""
    name = file_name(where)
    return name[:-3] if name.endswith(".md") else os.path.splitext(name)[0]


def link_stem(target: str) -> str:
    """The file name a link or path points at, without #fragment and .md: what names a handoff."""
    base = target.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return base[:-3] if base.endswith(".md") else base


class Stray(NamedTuple):  # tuples, not dataclasses: each dataclass costs a run ~0.5 ms to define
    path: Path
    display: str
    is_dir: bool


# A document's row: what the index works out for it from its name, before any check reads its
# content (see build). DIGEST and NAMED are unused slots kept for the checks that index rows.
CWD, DIGEST, PLACE, KIND, DISPLAY, NAME_DATE, SLUG, TARGET, NAMED = range(9)


class FolderIndex:
    """Every document of a root as a row (a tuple: place, kind, how it is shown, its name's
    parts, and, once known, the handoffs a response names), and as an Entry made only when a
    check asks for it. A commit's run in a folder of thousands of documents pairs one file with
    the names of the others and reads the content of few: it makes few entries.

    ``documents``: the listing's (path, place, kind), in order; ``rows``: by path."""

    __slots__ = ("root", "documents", "rows", "strays", "problems", "_scans", "_data", "_made", "_paths", "_answering")

    def __init__(self, root: Path, documents: list[tuple[str, str, str]], rows: dict[str, tuple], strays: list[Stray],
                 scans: Callable[[str, str], object] | None = None, data: Callable[[str], bytes | None] | None = None) -> None:
        self.root, self.documents, self.rows, self.strays = root, documents, rows, strays
        self.problems: list[Finding] = []  # folders not indexed (see Listing), as findings
        self._scans = scans or (lambda path, kind: None)
        self._data = data or (lambda path: None)  # a document's bytes, if the caller reads them
        self._made: dict[str, Entry] = {}
        self._paths: dict[str, list[str]] = {}
        self._answering: dict[frozenset | None, dict[str, list[str]]] = {}  # asked by the engine, then by the checks

    def add(self, path: str, place: str, kind: str, display: str) -> None:
        """A document that is not on disk (text read from standard input) as if it were at ``path``."""
        if path not in self.rows:
            self.documents.append((path, place, kind))
            self.rows[path] = (os.getcwd(), None, place, kind, display, *name_parts(file_name(path), kind), None)
            self._paths.clear()
            self._answering.clear()

    def entry(self, path: str) -> Entry:
        made = self._made.get(path)
        if made is None:
            row = self.rows[path]
            made = self._made[path] = Entry(path, row[DISPLAY], row[PLACE], row[KIND], "", row[NAME_DATE], row[SLUG], row[TARGET], self._scans(path, row[KIND]), self.root, row[NAMED])
        return made

    def paths(self, kind: str) -> list[str]:
        """The documents of ``kind``, in order (worked out once: checks ask more than once)."""
        found = self._paths.get(kind)
        if found is None:
            found = self._paths[kind] = [path for path, _place, of_kind in self.documents if of_kind == kind]
        return found

    @property
    def entries(self) -> list[Entry]:
        return [self.entry(path) for path, _place, _kind in self.documents]

    def handoffs(self) -> list[Entry]:
        return [self.entry(path) for path in self.paths("handoff")]

    def responses(self) -> list[Entry]:
        return [self.entry(path) for path in self.paths("response")]

    def made(self) -> list[Entry]:
        """The entries checks asked for."""
        return list(self._made.values())

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
        if stems is not None:
            paths = [path for path in paths if self._may_name(path, stems)]
        found: dict[str, list[str]] = {}
        for path in paths:
            for name in self.entry(path).handoffs_named():
                if stems is None or name in stems:
                    found.setdefault(name, []).append(path)
        self._answering[key] = found
        return found

    def _may_name(self, path: str, stems: set[str]) -> bool:
        data = self._data(path)
        if data is None:  # read by the run itself (its scan is at hand), or unreadable
            return True
        name = file_name(path)
        return any(stem in name or stem.encode("utf-8", "surrogatepass") in data for stem in stems)

    def answers(self) -> dict[str, list[Entry]]:
        """Handoff stem -> the responses that name it."""
        return {name: [self.entry(path) for path in paths] for name, paths in self.answering().items()}


def parse_date(text: str) -> datetime.date | None:
    """A **Date** value as a date (one that carries a time, ``2026-12-04 14:30 UTC``, as its
    date), or None."""
    from handoff_lint.parse.fields import date_part

    try:
        return datetime.date.fromisoformat(date_part(text))
    except ValueError:
        return None


class Scan:
    """What the line scanner reads from a document: plain data, so the cache can keep it.
    ``secrets``: (value, characters it may show) of the secrets the document's scan found, by
    which every string derived from the scan is shown (never kept in the cache)."""

    unreadable = False  # the document could not be read: neither done nor open (its HL0 finding says why)

    def __init__(self, title: str | None = None, fields: dict[str, tuple[str, int]] | None = None, references: list[Reference] | None = None,
                 secrets: tuple = ()) -> None:
        self.title = title
        self.fields = {} if fields is None else fields
        self.references = [] if references is None else references
        self.secrets = secrets

    def to_data(self) -> tuple:
        """Plain tuples, dicts and strings (what the cache stores; the secrets stay out)."""
        return (self.title, self.fields, tuple((r.target, r.line, r.column, r.kind) for r in self.references))

    @classmethod
    def from_data(cls, data, secrets: tuple = ()) -> "Scan":
        title, fields, references = data
        return cls(title, dict(fields), [Reference(*r) for r in references], secrets)

    @classmethod
    def from_stored(cls, data) -> "Scan | None":
        """:meth:`from_data` of what a cache kept (kept only for a text without secrets), or None
        if it is of another shape (then the scan is made again from the text)."""
        try:
            return cls.from_data(data)
        except (TypeError, ValueError):
            return None


def unreadable_scan() -> Scan:
    """The scan of a document that could not be read."""
    scan = Scan()
    scan.unreadable = True
    return scan


def scan_text(text: str, secrets: tuple | None = None) -> Scan:
    """Title, fields and reference-section links of a document, in one pass over its lines, and
    the document's secrets (``secrets`` if its credential scan is at hand, else scanned here).
    Fields are read as the structure check reads them: bold lines, rows of a field table, the
    keys of YAML front matter (read only when the text starts with ``---``), and a name in
    another language is also known by the protocol's name in its trailing parenthesis."""
    from handoff_lint.parse.markdown import field_at  # not at the top: a run answered by the cache scans nothing

    lines = text.split("\n")
    if secrets is None:
        secrets = tuple(values_at(lines, spans_of(hits_by_line(lines, text))))
    result = Scan(secrets=secrets)
    fence = ""
    section = ""
    reference_sections, reference_fields = reference_names()
    first, front_title = 0, None
    if text.startswith("---"):
        from handoff_lint.parse.fields import front_matter

        front = front_matter(lines)
        if front is not None:
            first = front[0]
            for found in front[1]:
                _add_field(result, found)
            front_title = front[2][0] if front[2] is not None else None
    table_row = None
    for number, line in enumerate(lines[first:], start=first + 1):
        opened = FENCE_RE.match(line) if "```" in line or "~~~" in line else None
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        if line.startswith("# ") and result.title is None:
            result.title = line[2:].strip()
            continue
        if line.startswith("## "):
            section = normalise(line[3:])
            continue
        names_original = False
        found = None
        if "**" in line:
            found = field_at(line, number)
        if found is None and "|" in line and line.lstrip()[:1] == "|":
            if table_row is None:
                from handoff_lint.parse.fields import table_row
            found = table_row(line, number)
        if found is not None:
            names_original = _add_field(result, found) in reference_fields  # `**Original handoff**: ...`
        if names_original or section in reference_sections:
            before = len(result.references)
            for match in LINK_RE.finditer(line):
                result.references.append(Reference(match.group("target"), number, match.start("target") + 1, "link"))
            for match in CODE_SPAN_RE.finditer(line):
                result.references.append(Reference(match.group("target").strip(), number, match.start("target") + 1, "code"))
            if "handoff-" in line:  # a handoff named bare: pairs the response, is no path to check
                written = {link_stem(r.target) for r in result.references[before:]}
                for match in HANDOFF_NAME_RE.finditer(line):
                    if link_stem(match.group(0)) not in written:
                        result.references.append(Reference(match.group(0), number, match.start() + 1, "name"))
    if result.title is None:
        result.title = front_title
    return result


def _add_field(result: Scan, found) -> str:
    """Keep a field (the first of each name) under its normalised name, and under the name in its
    trailing parenthesis if it has one (``Übergabestatus (Handoff Status)``); returns the name."""
    name = normalise(found.name)
    result.fields.setdefault(name, (found.value, found.line))
    if found.name.endswith(")"):
        from handoff_lint.parse.names import parenthesised

        parts = parenthesised(found.name)
        if parts is not None:
            inner = normalise(parts[1])
            result.fields.setdefault(inner, (found.value, found.line))
            return inner
    return name


def scan(entry: Entry, found: Scan | None = None) -> None:
    """Give the entry its scan now (``found``, or one of its text)."""
    entry._scan = found or scan_text(entry.text)


def name_parts(name: str, kind: str) -> tuple[str | None, str | None, str | None]:
    """``(date, slug, target)`` of a document's file name: the date as written; handoffs, the
    slug; responses, the slug or the handoff named, and (for a response-to name) that handoff's
    file name without .md."""
    _table, names = tables()
    if kind == "handoff":
        match = names["handoff"].match(name)
        return (match.group("date"), match.group("slug"), None) if match else (None, None, None)
    match = names["response-to"].match(name)
    if match:
        target = match.group("target")
        handoff = names["handoff"].match(target + ".md")
        return match.group("date"), handoff.group("slug") if handoff else target, target
    match = names["response-dated"].match(name)
    return (match.group("date"), match.group("slug"), None) if match else (None, None, None)


def _is_dir(item: os.DirEntry) -> bool:
    try:
        return item.is_dir()
    except OSError:  # a symbolic link loop: not a folder (the file checks report it)
        return False


def looks_like_handoff(path: Path) -> bool:
    return path.name.startswith("handoff-") and path.name != TEMPLATE_NAME and path.suffix == ".md"


class Listing(NamedTuple):
    """A handoff root's documents and strays as names on disk, before anything is read:
    documents as (absolute path, place, kind), strays as (absolute path, is_dir); ``problems``:
    folders not listed, as (absolute path, code, message): a link leading out of the root (HL005,
    not followed) or a folder that cannot be read (HL007): the rest of the root is still indexed."""

    root: Path
    documents: list[tuple[str, str, str]]
    strays: list[tuple[str, bool]]
    problems: list[tuple[str, str, str]]


def linked_out(folder: str, root: str) -> str | None:
    """The HL005 message for ``folder``, a link of ``root`` leading out of it; else None. Only
    links are resolved: a plain folder costs one lstat."""
    if not os.path.islink(folder):
        return None
    try:
        os.stat(folder)
    except OSError:  # a loop (HL007 when listed) or a broken link (nothing to list)
        return None
    from handoff_lint.touch import leads_out

    if not leads_out(folder, root):
        return None
    return f"symbolic link to '{os.readlink(folder)}', outside the handoff folder; not followed"


def _unreadable(error: OSError) -> str:
    import errno

    reason = "symbolic link loop" if error.errno == errno.ELOOP else (error.strerror or type(error).__name__)
    return f"folder cannot be read: {reason}; its documents are not checked"


def listing(root: Path) -> Listing:
    """What :func:`build` indexes in ``root``: the files of the lifecycle folders (markdown ones
    are documents, the others strays, as are folders) and handoff-*.md at the top; nothing of a
    root whose own real path leads out of the repository (HL005)."""
    root = Path(os.path.abspath(root))
    from handoff_lint.touch import root_outside

    out = root_outside(root)
    if out is not None:  # Touch: a root leading out of the repository is a finding, never listed
        return Listing(root, [], [], [(str(root), "HL005", out)])
    table, _names = tables()
    left_out = SKIPPED_NAMES.union(table["folders"]["allowed-files"])
    documents: list[tuple[str, str, str]] = []
    strays: list[tuple[str, bool]] = []
    problems: list[tuple[str, str, str]] = []
    base = str(root)
    for place in (*table["folders"]["lifecycle"], "examples"):
        folder = os.path.join(base, place)
        out = linked_out(folder, base)
        if out is not None:  # Touch: a linked folder leading out is a finding, never followed
            problems.append((folder, "HL005", out))
            continue
        if place == "examples":  # checked for links only: discovery walks it
            continue
        try:
            with os.scandir(folder) as found:
                items = list(found)
        except (NotADirectoryError, FileNotFoundError):
            continue
        except OSError as error:  # unreadable, a link loop: a finding for this folder, the rest goes on
            problems.append((folder, "HL007", _unreadable(error)))
            continue
        children = sorted([(item.name, _is_dir(item)) for item in items])
        kind = "response" if place == "responses" else "handoff"
        prefix = os.path.join(folder, "")
        for name, is_dir in children:
            if name in left_out:
                continue
            if is_dir or not is_markdown(name):
                strays.append((prefix + name, is_dir))
            else:
                documents.append((prefix + name, place, kind))
    try:
        with os.scandir(base) as found:  # only files are documents: a folder named handoff-x.md is not moved
            named = [(item.name, _is_dir(item)) for item in found if item.name.startswith("handoff-") and item.name.endswith(".md")]
        top = sorted(name for name, is_dir in named if not is_dir)
        strays.extend((os.path.join(base, name), True) for name, is_dir in sorted(named) if is_dir)
    except OSError as error:
        top = []
        problems.append((base, "HL007", _unreadable(error)))
    for name in top:
        if looks_like_handoff(Path(name)):
            documents.append((os.path.join(base, name), "root", "handoff"))
    return Listing(root, documents, strays, problems)


def build(root: Path, cwd: Path | None = None, scans: Callable[[str, str], object] | None = None, data: Callable[[str], bytes | None] | None = None) -> FolderIndex:
    """Index every document of the handoff root on disk (unreadable files scan as empty: the
    per-file checks report them). ``scans(path, kind)``: the scan of a document, or a function
    that returns it, or None (then it is read when a check asks). ``data(path)``: its bytes
    (None if unknown or unreadable), to pass over responses that cannot name a handoff."""
    cwd = cwd or Path.cwd()
    listed = listing(root)
    root = listed.root
    base = display_path(root, cwd)
    here = str(cwd)

    within = set(base.split("/")) == {".."}  # the working directory is inside the root
    prefix = "" if base == "." else f"{base}/"

    def shown(path: str, place: str) -> str:
        # as discover shows it, so findings match the run (one relpath per root, not per file)
        if within:
            return printable(display_path(Path(path), cwd))
        name = file_name(path)
        return printable(f"{prefix}{name}" if place == "root" else f"{prefix}{place}/{name}")

    rows = {path: (here, None, place, kind, shown(path, place), *name_parts(file_name(path), kind), None) for path, place, kind in listed.documents}
    strays = [Stray(Path(path), printable(display_path(Path(path), cwd)), is_dir) for path, is_dir in listed.strays]
    index = FolderIndex(root, listed.documents, rows, strays, scans, data)
    index.problems = [Finding(printable(display_path(Path(path), cwd)), 1, 1, code, message) for path, code, message in listed.problems]
    return index
