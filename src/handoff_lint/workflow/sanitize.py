"""``--fix --unsafe-fixes`` and ``--diff --unsafe-fixes``: rewrite what the privacy (HL2) and
credential (HL3) rules found into a form they accept, as ruff's unsafe fixes (they change what
the text says, so they never run unasked).

Only the span a finding names changes; every other byte of the file stays as it was (a BOM,
CRLF or lone CR line ends, trailing spaces). A private key's span runs from its header to its
``-----END`` line: the header alone is not the secret. The file is written through the Touch
seam (a temporary file beside it, renamed; never through a link) and only if it still holds
the bytes the fix was planned on. The diff shows a removed line redacted by the values it held.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint.checks import privacy
from handoff_lint.checks.credentials import IN_BINARY
from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.parse.document import split_lines
from handoff_lint.reading import read_bytes
from handoff_lint.show import shown
from handoff_lint.touch import Access, TouchError, linked_part, write_text
from handoff_lint.workflow.fixes import _git_path, _lines

# The one place each rule's fix is said: rule -> what replaces the span it found (the forms the
# rules accept; "home": the repository-relative path when the path points inside the
# repository, else the same path with the user as `<user>`; "secret": `${NAME}` where the line
# gives the value to an environment variable's name, else `<REDACTED>`).
REPLACEMENTS = {
    "HL201": "home",
    "HL202": "<internal-host>",  # the host of \\host\share
    "HL203": "<internal-host>",
    "HL204": "<private-ip>",
    "HL205": "<email>",
    "HL206": "<user>",
    "HL301": "secret",
    "HL302": "secret",
    "HL303": "secret",
    "HL304": "secret",
    "HL305": "secret",
}
REDACTED = "<REDACTED>"

# a value given to an environment variable's name: `OPENAI_API_KEY=`, `export X_TOKEN="`, `"API_KEY": "`
_VARIABLE = re.compile(
    r"""(?:^|[\s"'`{(\[,;])(?:export[ \t]+)?["']?(?P<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)["']?"""
    r"""[ \t]*(?:=|:=|:)[ \t]*["'`]?\Z"""
)
_KEY_END = re.compile(r"-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_KEY_HEADER = re.compile(r"[A-Za-z-]{2,40}: ?[\w ,.:/+=-]{0,200}")  # PEM's `Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`
_KEY_BODY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_PATH_TAIL = re.compile(r"""[^\s`'"<>()\[\]{}|,;:*]*""")  # `:` too: `/home/a/x:/home/b/y` is two paths
_IPS = ("ipv4", "ipv6")

Place = tuple[int, int]  # (0-based line, column) in the lines the checks read
Edit = tuple[Place, Place, str]  # from, to (exclusive), and what replaces it


def fixable(finding) -> bool:
    """Would ``--fix --unsafe-fixes`` rewrite this finding? (A file name or a binary file is no
    text it rewrites; a suppressed finding was left there on purpose.)"""
    return finding.code in REPLACEMENTS and not finding.suppressed and not finding.message.startswith(IN_BINARY)


@dataclass
class FileFix:
    file: object  # the SourceFile
    before: bytes
    after: bytes
    fixed: int  # findings resolved
    known: Known  # the secrets the file held: every diff line is redacted by them


@dataclass
class Sanitized:
    fixes: list[FileFix] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # shown already
    known: Known = field(default_factory=Known)
    access: Access | None = None  # the command's (touch.Access): what a file of a handoff root is written through

    def __bool__(self) -> bool:
        return bool(self.fixes)

    @property
    def fixed(self) -> int:
        return sum(fix.fixed for fix in self.fixes)


def plan(findings, files, config, known: Known | None = None, top: str | None = None) -> Sanitized:
    """The rewrites that resolve the ``fixable`` findings among ``findings`` (a run's, after
    suppression) in ``files`` (what discovery found). ``known``: the run's secrets. ``top``: the
    repository's top (default: git's, else the configuration's folder, else here). A file of a
    handoff root is read as the command's ``config.access`` allows."""
    result = Sanitized(known=Known().add(known or ()), access=config.access)
    wanted: dict[str, set[tuple[int, int, str]]] = {}
    for finding in findings:
        if fixable(finding):
            wanted.setdefault(finding.path, set()).add((finding.line, finding.column, finding.code))
    if not wanted:
        return result
    top = top or top_of(config)
    for file in files:
        spots = wanted.get(file.display)
        if not spots:
            continue
        reason = refusal(file)
        if reason is None:
            data, problem = read_bytes(file.path, file.display, config.max_file_size, file.root, config.access)
            reason = None if problem is None else problem.message
        if reason is not None:
            result.refused.append(shown(f"{file.display}: not sanitized: {reason}", known=result.known))
            continue
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
        raw = data[len(bom) :].decode("utf-8", "surrogateescape")
        after, fixed, file_known = sanitize_text(raw, spots, top)
        result.known.add(file_known)
        if fixed and after != raw:
            result.fixes.append(FileFix(file, data, bom + after.encode("utf-8", "surrogateescape"), fixed, file_known))
    return result


def refusal(file) -> str | None:
    """Why ``file`` may not be rewritten (a symbolic link, or a link on its way below the working
    folder), or None."""
    if os.path.islink(file.path):
        return "it is a symbolic link; nothing is written through one"
    if file.root is None and linked_part(file.path) is not None:
        return "it lies behind a symbolic link; nothing is written through one"
    return None


def sanitize_text(raw: str, spots, top: str) -> tuple[str, int, Known]:
    """``raw`` (a file's text, line ends as written) with the findings at ``spots`` ((1-based
    line, column, code)) rewritten; how many were resolved; the secrets the text held (and
    every span a fix removed, so that a diff shows none of it)."""
    starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", raw)]
    kept, fixed, known = text_edits(re.sub(r"\r\n?", "\n", raw), spots, top)  # the text the checks read

    def offset(place: Place) -> int:
        return starts[place[0]] + place[1]

    text = raw
    for start, end, replacement in reversed(kept):
        removed = text[offset(start) : offset(end)]
        if replacement.startswith(("${", REDACTED)):  # every line of a removed secret: never shown
            known.add((part, 0) for part in re.split(r"\r\n|\r|\n", removed))
        text = text[: offset(start)] + replacement + text[offset(end) :]
    return text, fixed, known


def text_edits(text: str, spots, top: str) -> tuple[list[Edit], int, Known]:
    """The edits that rewrite the findings at ``spots`` in ``text`` (line ends ``\\n``), in order
    and without overlaps (of two, the outer one); how many findings they resolve; the secrets the
    text holds. What ``sanitize_text`` applies, and what an editor is offered (serve/lsp_server)."""
    lines = split_lines(text)
    hits = dict(hits_by_line(lines, text)) if any(code[:3] == "HL3" for _l, _c, code in spots) else {}
    known = Known(values_at(lines, spans_of(sorted(hits.items()))))
    edits = []
    for line, column, code in sorted(spots):
        if 1 <= line <= len(lines):
            edit = _edit(lines, line - 1, column - 1, code, hits, top)
            if edit is not None:
                edits.append(edit)
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e[0], (-e[1][0], -e[1][1]))):
        if kept and edit[0] < kept[-1][1]:
            continue  # inside (or across) one kept before it: an e-mail's internal host, a key's body
        kept.append(edit)
    fixed = sum(any(k[0] <= e[0] and e[1] <= k[1] for k in kept) for e in edits)
    return kept, fixed, known


def _edit(lines: list[str], index: int, column: int, code: str, hits, top: str) -> Edit | None:
    line, what = lines[index], REPLACEMENTS[code]
    if what == "secret":
        for hit in hits.get(index, ()):
            if hit.start == column and hit.code == code:
                end = _key_end(lines, index, hit.end) if code == "HL302" else (index, hit.end)
                return (index, hit.start), end, _reference(line[: hit.start], hits.get(index, ()))
        return None
    if code == "HL206":
        own = privacy.own_identifiers()
        match = own.match(line, column) if own is not None else None
        return None if match is None else ((index, column), (index, match.end()), what)
    names = _IPS if code == "HL204" else {"HL201": "home", "HL202": "unc", "HL203": "host", "HL205": "email"}[code]
    for name in (names,) if isinstance(names, str) else names:
        match = privacy.patterns()[name].match(line, column)
        if match is not None:
            break
    else:
        return None
    if code == "HL201":
        start, end, replacement = _home(line, match, top)
        return (index, start), (index, end), replacement
    group = {"HL202": "host", "HL204": "ip"}.get(code)
    start, end = match.span(group) if group else match.span()
    return (index, start), (index, end), what


def _reference(before: str, hits) -> str:
    """``${NAME}`` where ``before`` (the line up to the secret) gives it to a variable's name;
    never a name that is itself a secret (``AKIA...=ghp_...``): no fix writes a secret again."""
    match = _VARIABLE.search(before)
    if match is None or len(match.group("name")) < 3:
        return REDACTED
    start, end = match.span("name")
    if any(hit.start < end and start < hit.end for hit in hits):
        return REDACTED
    return "${" + match.group("name") + "}"


def _key_end(lines: list[str], index: int, column: int) -> Place:
    """Where the private key whose header ends at (``index``, ``column``) ends: after its END
    marker (on the header's line, as in a JSON string, or after the key's body lines), else after
    the body lines below the header. Prose between a header and a later END is never taken."""
    match = _KEY_END.search(lines[index], column)
    if match is not None:
        return index, match.end()
    end: Place = (index, column)
    for number in range(index + 1, min(index + 200, len(lines))):
        line = lines[number]
        match = _KEY_END.search(line)
        if match is not None and not line[: match.start()].strip(" \t\"',"):
            return number, match.end()
        body = line.strip().strip("\"',")
        if body and not set(body) <= _KEY_BODY and not _KEY_HEADER.fullmatch(body):
            break  # not a key's line: the key (cut short) ends above it
        if body:
            end = (number, len(line))
    return end


def _home(line: str, match: re.Match, top: str) -> tuple[int, int, str]:
    """(start, end, replacement) for a home-folder path: the repository-relative path when it
    points inside the repository (``top``), else the user's part as ``<user>``."""
    tail = _PATH_TAIL.match(line, match.end()).end()
    while tail > match.end() and line[tail - 1] in ".:!?":
        tail -= 1  # the end of a sentence, not of the path
    path = line[match.start() : tail]
    if match.group("wuser") is None:  # a POSIX path (~user/ as this machine knows it)
        absolute = os.path.normpath(os.path.expanduser(path) if path.startswith("~") else path)
        for folder in dict.fromkeys((top, os.path.realpath(top))):
            if absolute == folder or absolute.startswith(folder.rstrip("/") + "/"):
                relative = os.path.relpath(absolute, folder).replace(os.sep, "/")
                if privacy.patterns()["home"].search(relative) is None:  # it must be clean itself
                    return match.start(), tail, relative
    if match.group("root"):
        return match.start(), match.end(), "/home/<user>"
    if match.group(0).startswith("/private/"):
        return match.start(), match.end(), "/private/var/folders/<tmp>"
    if match.group("tuser"):
        return match.start(), match.end(), "~"
    user = "user" if match.group("user") is not None else "wuser"
    return match.start(user), match.end(user), "<user>"


def top_of(config) -> str:
    """The folder a private path inside the repository is made relative to: git's top, else the
    configuration's folder, else the working folder."""
    from handoff_lint.git import work_tree

    top = work_tree(Path.cwd())
    if top is None:
        top = config.source.parent if getattr(config, "source", None) is not None else Path.cwd()
    return os.path.abspath(top)


def diff(result: Sanitized) -> str:
    """The rewrites as a git patch, each line through the Show seam (redacted by the file's
    secrets, and every span a fix removes: a removed line never shows the secret)."""
    out = []
    for fix in result.fixes:
        known = Known().add(result.known).add(fix.known)
        before, after = (data.decode("utf-8", "surrogateescape") for data in (fix.before, fix.after))
        a, b = _git_path("a/", Path(fix.file.path)), _git_path("b/", Path(fix.file.path))
        out.append(shown(f"diff --git {a} {b}", known=known) + "\n")
        for line in difflib.unified_diff(_lines(before), _lines(after), a, b):
            body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "\n\\ No newline at end of file\n")
            out.append(shown(body, known=known) + end)
    return "".join(out)


def apply(result: Sanitized, max_bytes: int) -> list[str]:
    """Write each rewrite (Touch: never through a link; only over the bytes it was planned on);
    the files refused, and why (shown)."""
    refused = []
    for fix in result.fixes:
        file = fix.file
        reason = refusal(file)
        if reason is None:
            data, problem = read_bytes(file.path, file.display, max_bytes, file.root, result.access)
            reason = problem.message if problem is not None else None
            if reason is None and data != fix.before:
                reason = "it changed since it was checked"
        if reason is None:
            try:
                write_text(file.path, fix.after, file.root, access=result.access)
                continue
            except TouchError as error:
                reason = str(error)
            except OSError as error:
                reason = error.strerror or str(error)
        fix.fixed = 0
        refused.append(shown(f"{file.display}: not sanitized: {reason}", known=result.known))
    return refused
