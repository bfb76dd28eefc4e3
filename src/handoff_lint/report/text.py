"""``path:line:col: CODE message``, ruff's layout, optionally coloured; ``[*]`` before the
message of a finding ``--fix`` can fix, as ruff marks them. Suppressed findings are not listed:
the summary line counts them (cli/check.py)."""

from __future__ import annotations

from handoff_lint.findings import line_start

_STYLES = {"path": "\x1b[1m", "error": "\x1b[1;31m", "warning": "\x1b[1;33m", "reset": "\x1b[0m"}


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    def paint(text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_STYLES['reset']}" if color else text

    for f in findings:
        if f.suppressed:
            continue
        # no line may start with '::' (GitHub Actions reads it as a workflow command)
        location = paint(line_start(f.path), "path") + f":{f.line}:{f.column}:"
        mark = "[*] " if f.fixable else ""
        stream.write(f"{location} {paint(f.code, f.severity)} {mark}{f.message}\n")
