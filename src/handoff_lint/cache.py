"""The cache: what earlier runs learnt about files, so that a run over unchanged files reads none.

One file per key, ``cache-<salt>-<project>.marshal``. The salt hashes everything besides a
file's content that can change a finding: the tool version, the effective configuration, the
rule and schema data files (their stamps, so editing ``rules/`` in a checkout is never served
stale results; a run just after such an edit goes uncached) and the login and host name HL206
looks for. The project keeps two repositories from evicting each other's entries. The file
holds seven tables:

``files``    absolute path -> stamp + digest: a file whose ``lstat`` gives the same stamp (and
             that is classified as the same kind) holds the text of that digest and is not
             read (see :mod:`filestamp`)
``results``  digest -> (rows, directives): the content-only findings of a text (HL1-HL3);
             ``directives``: the text has suppression comments, so it is read to apply them
``scans``    digest -> the line scan of a handoff or response (what the folder index and the
             link checks read) as a marshal blob, decoded only for the files that need it;
             kept only when no credential was seen in the text, so that the cache never
             holds a secret in full (nor does any other table)
``folders``  root -> (fingerprint, rows): the folder checks' findings for a whole handoff
             root, valid while the fingerprint is (see :mod:`folder_run`)
``rows``     document path -> row: what the folder index worked out for it, from a working
             directory (see folder_index.build), so that a run in which one document changed
             does not work it out again for the thousands that did not (and writes one row)
``listings`` lifecycle folder -> (stamp, documents, strays): its part of the folder index's
             listing, valid while the folder's stamp is (names are added, removed and renamed
             only by changing it); kept only for a settled stamp and a folder without links
``rules``    rule or schema file (``rules/privacy.toml``) -> its parsed table, marshalled (see
             :mod:`rules_data`)

The link checks (HL5) always run. The file is marshal data: of the standard library's loaders
the fastest by far (json took 37 ms to load what marshal loads in 5), it runs no code, and
damaged data raises, which is taken as an empty cache; like pickle it is not meant for data
from others, and the cache folder is the user's own. It is written to a temporary file and
renamed: concurrent runs cannot corrupt it, the last one to finish wins, and every row it holds
is right for its key. A run that adds few rows (a commit's) appends them instead to a journal
beside it, ``cache-<salt>-<project>.journal``: one frame per run, with its length and CRC32, read
after the file up to the first frame cut short or damaged; past 1 MiB the next run writes the
file whole again and removes the journal. A cache folder that cannot be written only makes runs
slower.
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path
from stat import S_ISREG

from handoff_lint import __version__, filestamp
from handoff_lint.findings import Finding
from handoff_lint.folder_index import StoredScan
from handoff_lint.hashing import blake2b
from handoff_lint.identity import login_and_host

MAGIC = b"handoff-lint cache 9\n"
TABLES = ("files", "results", "scans", "folders", "rows", "listings", "rules")
CLEAN = 0  # the results row of a text with no findings and no suppression comment: most texts
JOURNAL_LIMIT = 1 << 20  # bytes of rows appended before the file is written whole again
MAX_ENTRIES = 100_000  # per table; beyond it, rows this run made and texts still on disk stay
DAMAGED = (ValueError, TypeError, EOFError, IndexError, KeyError, AttributeError)
DIGEST = 16  # bytes of a text's key


def digest(kind: str, text: str) -> bytes:
    return blake2b(f"{kind}\0{text}".encode("utf-8", "surrogatepass"), digest_size=DIGEST).digest()


def data_stamps(cutoff: int) -> dict[str, tuple] | None:
    """By file name, the stamps (size, mtime, ctime, inode) of the rule and schema files, or
    None while one of them is too new to trust (filestamp.settled): the run then goes uncached."""
    from handoff_lint.resources import data_dir

    stamps = {}
    for name in ("rules", "schemas"):
        for path in sorted(data_dir(name).iterdir()):
            try:
                info = os.stat(path)  # what a link points at: its content is what is read
            except OSError:
                return None
            if not S_ISREG(info.st_mode):
                continue  # a folder: not read
            if not filestamp.settled(info, cutoff):
                return None
            stamps[f"{name}/{path.name}"] = filestamp.data_stamp(info)
    return stamps


def salt(config, data: dict) -> str:
    """Everything besides a file's content that decides its content-only findings: the tool
    version, the settings, the login and host name, and the stamps of the rule and schema files
    (the checks a run selects follow from the settings and the rule files)."""
    parts = {
        "version": __version__,
        "select": config.select, "ignore": config.ignore, "severity": config.severity,
        "domains": config.internal_domains, "placeholders": config.placeholder_users,
        "status_words": config.status_words, "max_file_size": config.max_file_size,
        "extra_sections": config.extra_sections, "roots": [str(r) for r in config.roots],
        "own": [os.environ.get("HANDOFF_LINT_OWN_IDENTIFIERS"), *login_and_host()],
        "data": data,
    }
    # repr, not json: the same for the same settings (the dict is built in this order), and json
    # would be imported for nothing else by most runs
    return blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def shows_no_secret(texts) -> bool:
    """Does none of ``texts`` hold what the credential rules take for a secret? Whatever the
    cache keeps passes this (or comes from a text the credential checks found clean): the cache
    never holds a secret in full, even if a check quotes one in a message. The substring gate
    of redact_message decides first: a commit's run screens a row or two, and compiling every
    credential pattern for them cost more than the rest of its cache work."""
    from handoff_lint.checks.credentials import redact_message

    return all(redact_message(text) == text for text in texts)


class Stored:
    """A text's cached content-only findings."""

    __slots__ = ("findings", "directives")

    def __init__(self, findings, directives: bool) -> None:
        self.findings, self.directives = findings, directives


NOTHING = Stored((), False)  # what most texts have


class Cache:
    def __init__(self, directory: Path | None, key: str | None, tables: dict | None = None, cutoff: int | None = None) -> None:
        self.file = Path(directory) / f"cache-{key}.marshal" if directory is not None else None
        # Before this run stats anything: stamps newer than this are not recorded (filestamp).
        self.cutoff = filestamp.cutoff() if cutoff is None else cutoff
        self.whole = False  # the file was loaded: a save may append to its journal
        self.journal_size = 0
        self.tables: dict[str, dict] = tables if tables is not None else self._load()
        self.files, self.results, self.scans, self.folders, self.rows, self.listings, self.rules = (self.tables[name] for name in TABLES)
        self.fresh: dict[str, dict] = {name: {} for name in TABLES}  # new or changed rows
        self.gone: set[str] = set()  # files rows that no longer hold
        self.data: dict[str, tuple] = {}  # the rule and schema files' stamps the key holds

    def _load(self) -> dict:
        try:
            with open(self.file, "rb") as handle:
                data = handle.read()
            if data.startswith(MAGIC):
                loaded = marshal.loads(memoryview(data)[len(MAGIC):])
                if type(loaded) is dict and all(type(loaded.get(name)) is dict for name in TABLES):
                    self.whole = True
                    self._replay_journal(loaded)
                    return loaded
        except (OSError, *DAMAGED):
            pass  # no cache yet, or a damaged one: start over
        return {name: {} for name in TABLES}

    def _journal(self) -> Path:
        return self.file.with_name(self.file.stem + ".journal")

    def _replay_journal(self, tables: dict) -> None:
        """Apply the rows later runs appended (see save), up to the first frame that is cut short,
        damaged or of another version."""
        try:
            with open(self._journal(), "rb") as handle:
                data = handle.read()
        except OSError:
            return
        self.journal_size = len(data)
        at = 0
        while at < len(data):
            size = int.from_bytes(data[at:at + 4], "big")
            payload = data[at + 8:at + 8 + size]
            try:
                if len(payload) != size or zlib.crc32(payload) != int.from_bytes(data[at + 4:at + 8], "big"):
                    raise ValueError("a frame cut short or damaged")
                magic, fresh, gone = marshal.loads(payload)
                if magic != MAGIC:
                    raise ValueError("another version's frame")
                for name in TABLES:
                    tables[name].update(fresh.get(name, {}))
                for path in gone:
                    tables["files"].pop(path, None)
            except DAMAGED:
                self.journal_size = JOURNAL_LIMIT  # frames after it would never be read: write the file whole
                return
            at += 8 + size

    # --- worker processes: a view of the tables; what they add comes back through take_fresh

    def view(self) -> tuple[dict, int]:
        return self.tables, self.cutoff

    @classmethod
    def from_view(cls, view: tuple[dict, int]) -> "Cache":
        tables, cutoff = view
        return cls(None, None, tables, cutoff)

    def take_fresh(self) -> tuple[dict, set]:
        fresh, gone = self.fresh, self.gone
        self.fresh, self.gone = {name: {} for name in TABLES}, set()
        return fresh, gone

    def merge(self, taken: tuple[dict, set]) -> None:
        fresh, gone = taken
        self.gone |= gone
        for name in TABLES:
            self.fresh[name].update(fresh[name])

    def _get(self, table: str, key):
        """A row, this run's if it made one."""
        fresh = self.fresh[table]
        found = fresh.get(key) if fresh else None
        return self.tables[table].get(key) if found is None else found

    # --- the stat layer

    def known(self, path: str, info, kind: str) -> bytes | None:
        """The digest of the file at absolute ``path`` if its ``lstat`` matches the stamp recorded
        for it (and it was classified as ``kind`` then), else None: the file must be read."""
        row = self._get("files", path)
        if row is None:
            return None
        stamped = filestamp.stamp(info, kind)
        if stamped is None or type(row) is not bytes or len(row) != len(stamped) + DIGEST or not row.startswith(stamped):
            return None
        return row[-DIGEST:]

    def remember(self, path: str, info, kind: str, key: bytes) -> None:
        """Record that the file at ``path``, ``lstat``-ed as ``info`` before it was read, holds the
        text of ``key``; only for a stamp old enough to be trusted (filestamp.settled)."""
        stamped = filestamp.stamp(info, kind)
        if stamped is None or not filestamp.settled(info, self.cutoff):
            self.forget(path)
            return
        row = stamped + key
        if self.files.get(path) != row:
            self.fresh["files"][path] = row

    def stamp_of(self, path: str) -> bytes | None:
        """The stamp this run (or an earlier one) recorded for ``path``, or None."""
        row = self.fresh["files"].get(path)
        if row is None and path not in self.gone:
            row = self.files.get(path)
        return row[:-DIGEST] if type(row) is bytes and len(row) > DIGEST else None

    def forget(self, path: str) -> None:
        if path in self.files:
            self.gone.add(path)
        self.fresh["files"].pop(path, None)

    # --- content-only findings, by digest

    def findings(self, key: bytes, display: str) -> Stored | None:
        stored = self._get("results", key)
        if stored is None:
            return None
        if stored == CLEAN:
            return NOTHING
        try:
            rows, directives = stored
            found = [Finding(display, line, column, code, message, fixable=fixable, secret_hash=secret) for line, column, code, message, fixable, secret in rows]
        except DAMAGED:
            return None  # a row from another layout: compute afresh
        return Stored(found, bool(directives))

    def put_findings(self, key: bytes, findings: list[Finding], directives: bool) -> None:
        if not shows_no_secret(f.message for f in findings):
            return
        row = (tuple((f.line, f.column, f.code, f.message, f.fixable, f.secret_hash) for f in findings), directives) if findings or directives else CLEAN
        if self.results.get(key) != row:
            self.fresh["results"][key] = row

    # --- line scans, by digest

    def has_scan(self, key: bytes) -> bool:
        return key in self.fresh["scans"] or key in self.scans

    def scan(self, key: bytes):
        """The Scan of the text of ``key``, or None."""
        stored = self._get("scans", key)
        if stored is None:
            return None
        try:
            return StoredScan(stored)
        except DAMAGED:
            return None

    def put_scan(self, key: bytes, scan, clean: bool = False) -> None:
        """Keep the scan of a text unless it may hold a credential: ``clean`` says the credential
        checks ran on the whole text and found none; otherwise the scan's own texts are screened."""
        if not (clean or shows_no_secret(scan.strings())):
            return
        if key not in self.scans:
            self.fresh["scans"][key] = scan.stored()

    # --- folder check findings, by root

    def folder(self, root: str, fingerprint: bytes, keep) -> list[Finding] | None:
        """The folder findings remembered for ``root`` under ``fingerprint``, those on the files
        ``keep(display)`` accepts; None if another fingerprint (or none) is remembered."""
        stored = self._get("folders", root)
        if stored is None:
            return None
        try:
            recorded, rows = stored
            if recorded != fingerprint:
                return None
            found = [Finding(path, line, column, code, message, fixable=fixable, secret_hash=secret) for path, line, column, code, message, fixable, secret in rows if keep(path)]
        except DAMAGED:
            return None
        return found

    def put_folder(self, root: str, fingerprint: bytes, findings: list[Finding]) -> None:
        if not shows_no_secret(f.message for f in findings):
            return
        rows = tuple((f.path, f.line, f.column, f.code, f.message, f.fixable, f.secret_hash) for f in findings)
        if self.folders.get(root) != (fingerprint, rows):
            self.fresh["folders"][root] = (fingerprint, rows)

    # --- the folder index's rows, by document (folder_index.build checks each it takes)

    def put_index_rows(self, rows: dict) -> None:
        """Keep ``rows``; a row that differs from the one kept is screened first (a name or a
        link target that looks like a credential is not kept)."""
        for path, row in rows.items():
            kept = self.rows.get(path)
            if kept is not row and kept != row and shows_no_secret((row[4], *(row[8] or ()))):
                self.fresh["rows"][path] = row

    # --- the folder index's listing, by lifecycle folder

    def folder_part(self, folder: str, stamp) -> tuple[list, list] | None:
        """The documents and strays kept for ``folder`` under ``stamp`` (see observed.stamp), or None."""
        stored = self._get("listings", folder)
        if stamp is None or type(stored) is not tuple or len(stored) != 3 or stored[0] != stamp:
            return None
        return stored[1], stored[2]

    def put_folder_part(self, folder: str, stamp, documents: list, strays: list) -> None:
        """Keep a folder's part of the listing, only under a stamp old enough to be trusted (a
        name added in the same instant as the listing could leave the stamp as it was) and with
        no stray's name that looks like a credential (documents' paths are in ``files`` too)."""
        if stamp is None or not (stamp[2] < self.cutoff and stamp[3] < self.cutoff):
            return
        row = (tuple(stamp), documents, strays)
        if self.listings.get(folder) != row and shows_no_secret(path for path, _is_dir in strays):
            self.fresh["listings"][folder] = row

    # --- parsed rule files (the key holds their stamps)

    def rule_tables(self) -> tuple[dict[str, bytes], dict[str, tuple]]:
        """The parsed rule and schema files the cache keeps, and the stamps of those files (for
        rules_data.know)."""
        return {name: table for name, table in self.rules.items() if type(table) is bytes}, self.data

    def put_rule_tables(self, parsed: dict[str, tuple[tuple, bytes]]) -> None:
        """Keep the tables parsed from the very files the key's stamps describe (a process may
        have parsed a file before it was edited)."""
        for name, (stamped, table) in parsed.items():
            if self.data.get(name) == stamped and self.rules.get(name) != table:
                self.fresh["rules"][name] = table

    # --- writing

    def save(self) -> None:
        """Write what this run added. A few rows (a commit's run adds a handful) are appended to
        the journal beside the file, one checksummed frame per run, rather than rewriting the
        whole file (8 ms of a one-file run in a large folder); once the journal passes
        :data:`JOURNAL_LIMIT`, the file is written whole again, with the journal in it."""
        if self.file is None or not (self.gone or any(self.fresh.values()) or self.journal_size >= JOURNAL_LIMIT):
            return  # nothing new (and a journal to keep): a run over a warm cache writes nothing
        if self.whole and self._append():
            return
        tables = {}
        for name in TABLES:  # "files" first: it says which digests are still on disk
            old, fresh = self.tables[name], self.fresh[name]
            dropped = self.gone if name == "files" else ()
            merged = {k: v for k, v in old.items() if k not in fresh and k not in dropped}
            merged.update(fresh)
            if len(merged) > MAX_ENTRIES:  # keep what this run made and texts still on disk, then the newest
                live = {row[-DIGEST:] for row in tables["files"].values() if type(row) is bytes} if name in ("results", "scans") else set()
                ordered = [k for k in merged if k not in fresh and k not in live] + [k for k in merged if k in live and k not in fresh] + list(fresh)
                merged = {k: merged[k] for k in ordered[-MAX_ENTRIES:]}
            tables[name] = merged
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tag = self.file.parent / "CACHEDIR.TAG"  # backup tools skip the folder
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# handoff-lint's cache\n", encoding="utf-8")
            # a name no other writer has, on this machine or another sharing the folder
            temporary = self.file.parent / f".{self.file.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
            try:
                with open(temporary, "xb") as handle:
                    handle.write(MAGIC + marshal.dumps(tables))
                os.replace(temporary, self.file)
            finally:
                if temporary.exists():  # the write failed (a full disk): leave no litter
                    temporary.unlink()
            # its rows are in the file now; a frame appended since this run read the journal is
            # lost with it: a row another run must work out again, never a wrong one
            self._journal().unlink(missing_ok=True)
        except OSError:
            pass  # a read-only cache folder: run without a cache

    def _append(self) -> bool:
        """Append this run's rows to the journal; False if they would take it past the limit."""
        payload = marshal.dumps((MAGIC, {name: rows for name, rows in self.fresh.items() if rows}, sorted(self.gone)))
        if self.journal_size + len(payload) + 8 > JOURNAL_LIMIT:
            return False
        try:  # one write of one frame: concurrent runs append whole frames (a torn one ends the replay)
            with open(self._journal(), "ab") as handle:
                handle.write(len(payload).to_bytes(4, "big") + zlib.crc32(payload).to_bytes(4, "big") + payload)
        except OSError:
            pass  # a read-only cache folder: run without a cache
        return True


def directory(explicit: str | None) -> Path:
    """The cache folder (see resources.cache_folder)."""
    from handoff_lint.resources import cache_folder

    return Path(cache_folder(explicit))


def project(config) -> str:
    """A short name for the project (so two repositories do not evict each other's entries)."""
    folder = str(config.source.parent if config.source is not None else Path.cwd())
    return blake2b(folder.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def for_run(directory: Path, config) -> "Cache | None":
    """The cache of a run: the file for this salt and project, or None (run uncached) while a
    rule or schema file is too new to be trusted. Made before the run stats any file."""
    from handoff_lint import rules_data

    cutoff = filestamp.cutoff()
    data = data_stamps(cutoff)
    if data is None or any(data.get(name) != stamped for name, stamped in rules_data.used().items()):
        return None  # a rule file too new to trust, or one this process read before an edit
    cache = Cache(directory, f"{salt(config, data)}-{project(config)}", cutoff=cutoff)
    cache.data = data
    return cache
