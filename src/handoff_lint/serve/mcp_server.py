"""The MCP server of ``handoff-lint mcp``: check, sanitize, new_handoff, respond and status as tools a writing
model calls, over stdio, through the same engine and scaffold functions as the CLI. Paths resolve
against the working folder; one leading out of it is refused. Every text returned passes Show."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from handoff_lint.show import shown

PRIORITIES = ("HIGH", "MEDIUM", "LOW")
CONSTRAINTS = ("Resource", "Privacy", "Time")
LIMIT = 2000  # characters of a message returned


def refuse(message: str) -> ToolError:
    return ToolError(shown(message, LIMIT))


def resolve(path: str, base: str) -> Path:
    """``path`` against the working folder ``base``; refused when it resolves (links followed) outside it."""
    if not path or "\x00" in path:
        raise refuse("a path is needed (relative to the server's working folder)")
    absolute = os.path.abspath(os.path.join(base, path))
    real, real_base = os.path.realpath(absolute), os.path.realpath(base)
    if os.path.commonpath([real, real_base]) != real_base:
        raise refuse(f"{path}: refused: it lies outside the working folder of the server")
    return Path(absolute)


def _config(base: str):
    """The settings of one tool call: the configuration, and the server's working folder ``base``
    as the folder named (touch.Access: a handoff root outside the repository may not lead out of it)."""
    from handoff_lint.data.config import ConfigError, load_config
    from handoff_lint.touch import Access

    try:
        config = load_config()
    except ConfigError as error:
        raise refuse(str(error)) from None
    config.access = Access.of([base])
    return config


def _shown_path(path: Path) -> str:
    from handoff_lint.model.kinds import display_path

    return shown(display_path(path), LIMIT)


def check(path: str, text: str | None = None, *, base: str) -> dict:
    """The findings of the file or folder at ``path`` (or of ``text`` as if saved there), as
    ``--format json`` gives them, and the notes on a configuration that weakens the guard."""
    from handoff_lint.engine.pipeline import run
    from handoff_lint.report.json_format import as_dict

    target = resolve(path, base)
    config = _config(base)
    if text is None:
        if not os.path.lexists(target):
            raise refuse(f"{path}: no such file or directory")
        outcome = run([str(target)], config, jobs=1)
        if outcome.internal_errors:
            raise refuse("; ".join(outcome.internal_errors))
    else:
        outcome = _checked_text(text, target, config, "surrogatepass")
    findings = [as_dict(finding) for finding in outcome.findings]
    errors = sum(f["severity"] == "error" and not f["suppressed"] for f in findings)
    return {
        "passed": errors == 0,
        "errors": errors,
        "findings": findings,
        "notes": [shown(note, LIMIT) for note in outcome.notes],
    }


def _checked_text(text: str, target: Path, config, errors: str):
    """The run's outcome for ``text`` as if saved at ``target`` (encoded with ``errors``, cut one
    byte past the size limit so that the limit is reported); an internal error is refused."""
    from handoff_lint.engine.pipeline import run

    data = text.encode("utf-8", errors)[: config.max_file_size + 1]
    outcome = run([], config, jobs=1, stdin=(str(target), data))
    if outcome.internal_errors:
        raise refuse("; ".join(outcome.internal_errors))
    return outcome


def sanitize(path: str, text: str | None = None, *, base: str) -> dict:
    """The document at ``path`` (or ``text`` as if saved there) with what the privacy (HL2) and
    credential (HL3) rules found rewritten into the placeholders they accept, as ``check --fix
    --unsafe-fixes`` does; nothing is written. The text comes back through the Show seam: a
    secret no fix removed (a suppressed finding) is shown redacted, never in full."""
    from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
    from handoff_lint.detect.values import Known
    from handoff_lint.parse.document import split_lines
    from handoff_lint.report.json_format import as_dict
    from handoff_lint.workflow.sanitize import fixable, sanitize_text, top_of

    target = resolve(path, base)
    config = _config(base)
    if text is None:
        from handoff_lint.reading import read_bytes

        data, problem = read_bytes(target, str(target), config.max_file_size)
        if problem is not None or data is None:
            raise refuse(f"{path}: cannot be read as a text: {problem.message if problem else 'no such file'}")
        text = data.decode("utf-8-sig", "surrogateescape")
    display = _shown_path(target)

    def findings_of(raw: str) -> list:  # read from bytes as surrogateescape: written back the same
        outcome = _checked_text(raw, target, config, "surrogateescape")
        return [finding for finding in outcome.findings if finding.path == display]

    found = findings_of(text)
    spots = [(f.line, f.column, f.code) for f in found if fixable(f)]
    sanitized, resolved, _removed = sanitize_text(text, spots, top_of(config)) if spots else (text, 0, None)
    left = findings_of(sanitized) if spots else found  # nothing rewritten: the same text, checked once
    lines = split_lines(sanitized.replace("\r\n", "\n").replace("\r", "\n"))
    still = Known(values_at(lines, spans_of(hits_by_line(lines))))
    return {
        "text": still.redact(sanitized) if still else sanitized,
        "resolved": resolved,
        "findings": [as_dict(finding) for finding in left],
        "passed": not any(f.severity == "error" and not f.suppressed for f in left),
    }


def new_handoff(title: str, priority: str, constraints: list[str], author: str, root: str, *, base: str) -> dict:
    from handoff_lint.workflow.scaffold import ScaffoldError, find_root
    from handoff_lint.workflow.scaffold import new_handoff as write_handoff

    if not title.strip():
        raise refuse("the title must not be empty")
    if priority.upper() not in PRIORITIES:
        raise refuse(f"priority: one of {', '.join(PRIORITIES)}")
    chosen = [c.capitalize() for c in constraints] or ["Resource"]
    if any(c not in CONSTRAINTS for c in chosen):
        raise refuse(f"constraints: any of {', '.join(CONSTRAINTS)}")
    from handoff_lint.model.kinds import configured

    config = _config(base)
    today = config.today
    try:
        made = write_handoff(
            find_root(resolve(root, base), configured(config)),
            title,
            today,
            author,
            priority.upper(),
            chosen,
            config.access,
        )
    except ScaffoldError as error:
        raise refuse(str(error)) from None
    return {"written": _shown_path(made)}


def respond(handoff: str, author: str, *, base: str) -> dict:
    from handoff_lint.workflow.scaffold import ScaffoldError
    from handoff_lint.workflow.scaffold import respond as write_response

    target = resolve(handoff, base)
    if not target.is_file():
        raise refuse(f"{handoff}: no such handoff file")
    from handoff_lint.model.kinds import configured

    config = _config(base)
    try:
        made = write_response(target, config.today, author, configured(config), config.access)
    except ScaffoldError as error:
        raise refuse(str(error)) from None
    return {"written": _shown_path(made)}


def status(root: str, *, base: str) -> list[dict]:
    from handoff_lint.model.index import build
    from handoff_lint.model.kinds import configured
    from handoff_lint.touch import TouchError
    from handoff_lint.workflow import board
    from handoff_lint.workflow.scaffold import ScaffoldError, find_root

    config = _config(base)
    try:
        found = find_root(resolve(root, base), configured(config))
        config.access.check_root(found)
    except (ScaffoldError, TouchError) as error:
        raise refuse(str(error)) from None
    return board.as_json(board.rows(build(found, access=config.access), config))  # every cell already shown


async def _shown_errors(ctx, call_next):
    """Middleware: a failed tool call's text passes Show too. The SDK's own messages (an argument
    of the wrong type) quote the value sent, which may be a document's secret."""
    result = await call_next(ctx)
    if getattr(ctx, "method", None) == "tools/call" and isinstance(result, dict) and result.get("isError"):
        result = {
            **result,
            "content": [
                {**part, "text": shown(part["text"], LIMIT)}
                if isinstance(part, dict) and isinstance(part.get("text"), str)
                else part
                for part in result.get("content") or []
            ],
        }
    return result


def server(base: str) -> MCPServer:
    """The server, its paths resolved against ``base``."""
    from handoff_lint import __version__

    # WARNING: the SDK logs a failed call's message at INFO; the client gets it (through Show) instead
    app = MCPServer(
        "handoff-lint",
        version=__version__,
        log_level="WARNING",
        middleware=[_shown_errors],
        instructions=(
            "Checks model handoff folders (models/next-local: active/, responses/, archive/). Call `check` with the "
            "text before saving a handoff or response, `new_handoff` to start one, `respond` to answer one, "
            "`status` to see the board, `sanitize` to rewrite private paths and secrets `check` found into placeholders."
        ),
    )

    def dumped(value) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False)

    @app.tool(
        name="check",
        description=(
            "Call before saving a handoff or response (and after editing one): checks the document at `path` "
            "(relative to the working folder) for structure, privacy (home paths, host names), credentials and "
            "lifecycle. Give `text` to check that text as if it were saved at `path` (nothing is written). Returns "
            "json: passed, errors, findings (code, line, message, severity, expected/found), notes. Fix every "
            "finding of severity error before saving; secrets are shown redacted."
        ),
    )
    def check_tool(path: str, text: str | None = None) -> str:
        return dumped(check(path, text, base=base))

    @app.tool(
        name="new_handoff",
        description=(
            "Call to start a new handoff for a local model: writes active/handoff-<date>-<slug>.md from the "
            "folder's template with the header filled in, and returns its path. Then write the sections' prose "
            "into it and `check` it before saving. priority: HIGH, MEDIUM or LOW; constraints: any of Resource, "
            "Privacy, Time. The title becomes the file name: never put a secret or private detail in it."
        ),
    )
    def new_handoff_tool(
        title: str,
        priority: str = "MEDIUM",
        constraints: list[str] | None = None,
        author: str = "claude-code",
        root: str = ".",
    ) -> str:
        return dumped(new_handoff(title, priority, constraints or [], author, root, base=base))

    @app.tool(
        name="respond",
        description=(
            "Call when you have done the work a handoff asks for: writes the response skeleton in responses/ "
            "for the handoff at `handoff` (a path in active/ or archive/), its reference filled in, and returns "
            "its path. Fill in the sections, then `check` it before saving."
        ),
    )
    def respond_tool(handoff: str, author: str = "next-local") -> str:
        return dumped(respond(handoff, author, base=base))

    @app.tool(
        name="status",
        description=(
            "Call to see what is waiting: the board of the handoff folder found at or below `root` as json, one "
            "row per handoff (state, handoff path, title, status, priority, date, age_days, response)."
        ),
    )
    def status_tool(root: str = ".") -> str:
        return dumped(status(root, base=base))

    @app.tool(
        name="sanitize",
        description=(
            "Call when `check` reports private paths, host names, e-mail addresses or credentials (HL2, HL3): "
            "returns the document at `path` (or `text`, as if saved there) with each of them rewritten into a "
            "placeholder the rules accept (`/home/<user>/...`, `<internal-host>`, `<email>`, `<REDACTED>` or "
            "`${NAME}`), only those spans changed; nothing is written. Returns json: text, resolved (how many "
            "findings), findings (what is left), passed. Review the text, then save it and `check` again."
        ),
    )
    def sanitize_tool(path: str, text: str | None = None) -> str:
        return dumped(sanitize(path, text, base=base))

    return app
