"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=HL201::message``.

Escaping follows the Actions toolkit (``escapeData`` / ``escapeProperty``)."""

from __future__ import annotations


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings, stream, *, color: bool = False) -> None:
    for f in findings:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (("file", f.path), ("line", f.line), ("col", f.column), ("title", f.code))
        )
        stream.write(f"::{f.severity} {properties}::{escape_data(f'{f.code} {f.message}')}\n")
