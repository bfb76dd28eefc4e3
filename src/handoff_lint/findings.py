"""The one record every check returns: a finding at a place in a file."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_MESSAGE = 500  # characters; a message quoting a 2 MB line is cut here


def printable(text: str, limit: int | None = None) -> str:
    """``text`` safe for a terminal, a CI log and an XML report: every character that
    :meth:`str.isprintable` rejects (control characters, escape sequences, bidi overrides, line
    separators, the undecodable bytes of a file name) is shown as a Python-style escape, and the
    result is cut to ``limit`` characters. File names and file contents reach every message."""
    if not text.isprintable():
        text = "".join(char if char.isprintable() else _escape(char) for char in text)
    if limit is not None and len(text) > limit:
        text = f"{text[: limit - 20]}…({len(text):,} chars)"
    return text


def line_start(text: str) -> str:
    """``text`` made safe to start an output line: GitHub Actions reads a log line starting with
    ``::`` as a workflow command (``::stop-commands::``, ``::add-mask::``), and a file may be named
    so. Such a text is a path in every line-oriented output we write (report lines, printed
    paths), so it is shown as ``./::…``, which names the same file."""
    return "./" + text if text.startswith("::") else text


def quoted(text: str) -> str:
    """``text`` in single quotes, escaped as a path is (see :func:`printable`): a message that
    quotes a file name shows it as the finding's path does (``\\x0a``, ``\\xff``), where ``repr``
    wrote ``\\n`` and ``\\udcff``."""
    return f"'{printable(text)}'"


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem at ``path:line:column`` (1-based).

    ``severity`` is left empty by checks and filled from the rule catalogue (or the user's
    override) by the engine, so a rule's default severity is stated in exactly one place.
    Messages must never carry a secret in full: checks redact before they build one.
    ``secret_hash``: SHA-1 of a credential, as detect-secrets' baselines store it; never printed
    by any format. ``expected`` and ``found``: for a near miss, what the protocol wants written
    there (``'**Date**: 2026-12-07'``) and what the document has (``'Date: 07/12/2026'``), empty
    when the message says all; they pass the Show seam as the message does. ``commit``,
    ``commit_date`` and ``removed_later``: where ``history`` found it (the full commit id, its
    author date, and whether the tip no longer holds it); empty for a finding in the files
    themselves. ``suppressed``: empty, or what hid the finding (a suppression comment, as
    ``<!-- handoff-lint: disable-next-line=HL201 --> (line 3)``): a suppressed finding breaks
    nothing, and every format shows it as suppressed. Equal, hashed and ordered by (path, line,
    column, code, message, commit, suppressed)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = field(default="", compare=False)
    fixable: bool = field(default=False, compare=False)
    secret_hash: str = field(default="", compare=False, repr=False)
    expected: str = field(default="", compare=False)
    found: str = field(default="", compare=False)
    commit: str = ""
    commit_date: str = field(default="", compare=False)
    removed_later: bool = field(default=False, compare=False)
    suppressed: str = ""
    column16: int = field(default=0, compare=False, repr=False)  # the column in UTF-16 code units, when it differs

    def __reduce__(self):  # worker processes send findings back pickled
        return (
            Finding,
            (
                self.path,
                self.line,
                self.column,
                self.code,
                self.message,
                self.severity,
                self.fixable,
                self.secret_hash,
                self.expected,
                self.found,
                self.commit,
                self.commit_date,
                self.removed_later,
                self.suppressed,
                self.column16,
            ),
        )

    def with_severity(self, severity: str) -> Finding:
        return self._with(self.message, severity)

    def with_message(self, message: str) -> Finding:
        return self._with(message, self.severity)

    def with_texts(self, message: str, expected: str, found: str) -> Finding:
        """This finding, or a copy with other texts (the Show seam's shown forms)."""
        return self._with(message, self.severity, expected, found)

    def _with(self, message: str, severity: str, expected: str | None = None, found: str | None = None) -> Finding:
        """This finding, or a copy with another message, severity, expected or found text (a run
        can have 100,000)."""
        expected = self.expected if expected is None else expected
        found = self.found if found is None else found
        if message == self.message and severity == self.severity and expected == self.expected and found == self.found:
            return self
        return Finding(
            self.path,
            self.line,
            self.column,
            self.code,
            message,
            severity,
            self.fixable,
            self.secret_hash,
            expected,
            found,
            self.commit,
            self.commit_date,
            self.removed_later,
            self.suppressed,
            self.column16,
        )

    def suppressed_by(self, justification: str) -> Finding:
        """This finding, hidden by a suppression comment (``justification`` says which)."""
        from dataclasses import replace

        return replace(self, suppressed=justification)

    def printable(self) -> Finding:
        """This finding with its texts fit to print (see :func:`printable`)."""
        return self.with_texts(
            printable(self.message, MAX_MESSAGE),
            printable(self.expected, MAX_MESSAGE),
            printable(self.found, MAX_MESSAGE),
        )


def with_utf16_columns(findings: list[Finding], lines: list[str]) -> list[Finding]:
    """``findings`` on ``lines`` with their columns also counted in UTF-16 code units (SARIF's
    default unit, and GitHub's): a character beyond U+FFFF (an emoji) before a finding's column
    counts two there, one in the text format's code points."""
    from dataclasses import replace

    shifted = []
    for finding in findings:
        if 1 <= finding.line <= len(lines) and finding.column > 1:
            before = lines[finding.line - 1][: finding.column - 1]
            wide = 0 if before.isascii() else sum(1 for char in before if ord(char) > 0xFFFF)
            if wide:
                finding = replace(finding, column16=finding.column + wide)
        shifted.append(finding)
    return shifted
