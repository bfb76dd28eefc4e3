"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=HL201::message``.

A finding a suppression comment hides is a ``::notice`` titled ``HL201 (suppressed)``, its message
ending with the comment that hid it: the pull request shows it, and it fails nothing. A note on a
configuration that weakens the guard is a ``::warning`` titled ``handoff-lint configuration``.
Escaping follows the Actions toolkit (``escapeData`` / ``escapeProperty``)."""

from __future__ import annotations


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    for note in notes:
        stream.write(f"::warning title={escape_property('handoff-lint configuration')}::{escape_data(note)}\n")
    for f in findings:
        title = f"{f.code} (suppressed)" if f.suppressed else f.code
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (("file", f.path), ("line", f.line), ("col", f.column), ("title", title))
        )
        message = f"{f.code} {f.message}" + (f" [suppressed by {f.suppressed}]" if f.suppressed else "")
        stream.write(f"::{'notice' if f.suppressed else f.severity} {properties}::{escape_data(message)}\n")
