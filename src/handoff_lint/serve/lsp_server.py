"""The language server of ``handoff-lint lsp``: diagnostics for the handoffs and responses an
editor has open, as the editor holds them (saved or not), through the same engine as
``check --stdin-filename``; the rule's text on hover; the safe fix (a handoff's move and its
responses' links, as ``check --fix``) and sanitize's rewrites (``check --fix --unsafe-fixes``,
marked unsafe) as quick fixes. Only ``file:`` documents in a handoff root are
checked; a closed document's diagnostics are cleared. Every message passed the Show seam in the
engine; the server writes nothing (an edit is the editor's to apply)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from handoff_lint.findings import Finding, printable
from handoff_lint.model.kinds import display_path
from handoff_lint.parse.document import split_lines

DEBOUNCE = 0.3  # seconds of quiet typing before a changed document is checked again
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


def _config(path: str):
    """The settings for the document at ``path``: its folder's configuration; an editor names no
    folder, so nothing is named (touch.Access): a handoff root outside the repository may not lead
    out of the folder holding it. Raises ConfigError."""
    from handoff_lint.data.config import load_config
    from handoff_lint.touch import Access

    config = load_config(Path(path).parent)
    config.access = Access.of([])
    return config


def document_findings(path: str, text: str) -> list[Finding] | None:
    """The findings of ``text`` as if saved at ``path`` (folder checks included); None when the
    path lies in no handoff root (not ours to check) or the configuration is broken."""
    from handoff_lint.data.config import ConfigError
    from handoff_lint.engine.pipeline import run
    from handoff_lint.model.kinds import classify, configured

    try:
        config = _config(path)
    except ConfigError:
        return None
    # the workspace's configured roots, for this document only: a long-running server holds none
    if classify(Path(path), configured(config))[1] is None:
        return None
    data = text.encode("utf-8", "surrogatepass")[: config.max_file_size + 1]
    outcome = run([], config, jobs=1, stdin=(path, data))
    here = printable(display_path(Path(path)))  # the folder checks may report on other documents
    return [finding for finding in outcome.findings if not finding.suppressed and finding.path == here]


def sanitize_actions(uri: str, path: str, text: str, findings: list[Finding], wanted) -> list[types.CodeAction]:
    """For each finding of ``findings`` that ``wanted(finding)`` picks and sanitize can rewrite
    (HL2, HL3), a quick fix replacing its span with the placeholder ``check --fix --unsafe-fixes``
    writes, marked as the unsafe fix it is; and one action for all of them. The edits' texts are
    placeholders (or the document's own other text): no secret is sent."""
    from handoff_lint.data.config import ConfigError, load_config
    from handoff_lint.workflow.sanitize import fixable, text_edits, top_of

    chosen = [finding for finding in findings if fixable(finding) and wanted(finding)]
    if not chosen:
        return []
    try:
        top = top_of(load_config(Path(path).parent))
    except ConfigError:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = split_lines(text)

    def position(place: tuple[int, int]) -> types.Position:
        line = lines[place[0]] if place[0] < len(lines) else ""
        return types.Position(place[0], len(line[: place[1]].encode("utf-16-le")) // 2)

    def action(title: str, spots: list, preferred: bool) -> types.CodeAction | None:
        edits, _fixed, _known = text_edits(text, spots, top)
        if not edits:
            return None
        changes = [types.TextEdit(types.Range(position(a), position(b)), new) for a, b, new in edits]
        return types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            edit=types.WorkspaceEdit(changes={uri: changes}),
            is_preferred=preferred,
        )

    actions = [
        action(f"Sanitize {f.code} (unsafe fix: changes what the line says)", [(f.line, f.column, f.code)], True)
        for f in chosen
    ]
    every = [(f.line, f.column, f.code) for f in findings if fixable(f)]
    if len(every) > 1:
        actions.append(action(f"Sanitize all {len(every)} private paths and secrets (unsafe fix)", every, False))
    return [found for found in actions if found is not None]


def diagnostic(finding: Finding, lines: list[str]) -> types.Diagnostic:
    """A finding as the editor marks it: from its column to the end of its line (a finding has no
    end), in UTF-16 code units as LSP counts by default."""
    line = max(finding.line - 1, 0)
    start = max((finding.column16 or finding.column) - 1, 0)
    text = lines[line] if line < len(lines) else ""
    end = max(len(text.encode("utf-16-le")) // 2, start)
    return types.Diagnostic(
        range=types.Range(types.Position(line, start), types.Position(line, end)),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.code,
        source="handoff-lint",
    )


def rule_text(code: str) -> str:
    """What ``handoff-lint rule CODE`` says, as markdown for a hover."""
    from handoff_lint.data.catalogue import lookup

    rule = lookup(code)
    if rule is None:
        return code
    text = f"**{rule.code}** ({rule.name}, {rule.severity}): {rule.summary}.\n\n{rule.explanation.strip()}"
    if rule.fix:
        text += f"\n\n**Fix:** {rule.fix.strip()}"
    return text + f"\n\n`handoff-lint rule {rule.code}`"


def lifecycle_action(path: str, text: str, findings: list[Finding]) -> types.CodeAction | None:
    """The safe fix ``check --fix`` makes for this handoff (its move to the folder its status
    belongs in, its canonical name, and the links of the responses that name it), as one workspace
    edit: a rename and the responses' link edits. Offered only when the editor's text is the saved
    one, since the plan reads the folder as saved."""
    from handoff_lint.data.config import ConfigError
    from handoff_lint.model.index import build
    from handoff_lint.model.kinds import classify, configured
    from handoff_lint.reading import read_text
    from handoff_lint.workflow.fixes import plan

    if not any(finding.fixable for finding in findings):
        return None
    try:
        config = _config(path)
    except ConfigError:
        return None
    root = classify(Path(path), configured(config))[1]
    saved, problem = read_text(path, path, config.max_file_size, root, config.access)
    if root is None or problem is not None or saved != text.replace("\r\n", "\n").replace("\r", "\n"):
        return None
    fixes = plan(build(root, access=config.access), config, lambda entry: os.path.abspath(entry.path) == path)
    if not fixes.moves:
        return None
    changes: list = []
    for edit in fixes.edits:
        response, _ = read_text(edit.path, str(edit.path), config.max_file_size, root, config.access)
        edits = [
            types.TextEdit(types.Range(types.Position(number, start), types.Position(number, start + len(old))), new)
            for number, line in enumerate(split_lines(response or ""))
            for old, new in ((f"]({o}", f"]({n}") if not o.startswith("[") else (o, n) for o, n in edit.replacements)
            for start in _occurrences(line, old)
        ]
        if edits:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=from_fs_path(str(edit.path)), version=None)
            changes.append(types.TextDocumentEdit(text_document=document, edits=edits))
    for move in fixes.moves:
        changes.append(
            types.RenameFile(
                old_uri=from_fs_path(str(move.source)),
                new_uri=from_fs_path(str(move.target)),
                options=types.RenameFileOptions(overwrite=False, ignore_if_exists=False),
            )
        )
    target = fixes.moves[0].target
    return types.CodeAction(
        title=f"Move to {target.parent.name}/{target.name} and update the responses' links (safe fix, as check --fix)",
        kind=types.CodeActionKind.QuickFix,
        edit=types.WorkspaceEdit(document_changes=changes),
        is_preferred=True,
    )


def _occurrences(line: str, needle: str) -> list[int]:
    """The columns where ``needle`` starts in ``line`` (UTF-16 as LSP counts, for ASCII links)."""
    found, at = [], line.find(needle)
    while at != -1:
        found.append(len(line[:at].encode("utf-16-le")) // 2)
        at = line.find(needle, at + len(needle))
    return found


def server() -> LanguageServer:
    from handoff_lint import __version__

    ls = LanguageServer("handoff-lint", __version__)
    pending: dict[str, asyncio.TimerHandle] = {}
    published: dict[str, list[types.Diagnostic]] = {}
    checked: dict[str, tuple[int, str, list[Finding]]] = {}  # uri -> (version, path, findings) last published
    lock = asyncio.Lock()  # one check at a time: the engine is run in a thread, one run after another

    async def publish(uri: str) -> None:
        document = ls.workspace.get_text_document(uri)
        if not uri.startswith("file:") or document is None:
            return
        path = to_fs_path(uri)
        if not path:
            return
        source, version = document.source, document.version
        async with lock:
            findings = await asyncio.to_thread(document_findings, os.path.abspath(path), source)
        lines = split_lines(source)
        diagnostics = [diagnostic(finding, lines) for finding in findings or []]
        published[uri] = diagnostics
        checked[uri] = (version, os.path.abspath(path), findings or [])
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def later(uri: str, delay: float) -> None:
        handle = pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        pending[uri] = loop.call_later(delay, lambda: loop.create_task(publish(uri)))

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        later(params.text_document.uri, 0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        later(params.text_document.uri, DEBOUNCE)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        later(params.text_document.uri, 0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        published.pop(uri, None)
        checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        line = params.position.line
        codes = dict.fromkeys(d.code for d in published.get(params.text_document.uri, []) if d.range.start.line == line)
        if not codes:
            return None
        text = "\n\n---\n\n".join(rule_text(str(code)) for code in codes)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        version, path, findings = checked.get(uri, (None, "", []))
        if document is None or version != document.version:  # findings of another text: none offered
            return None
        first, last = params.range.start.line, params.range.end.line
        actions = sanitize_actions(uri, path, document.source, findings, lambda f: first <= f.line - 1 <= last)
        moving = lifecycle_action(path, document.source, [f for f in findings if first <= f.line - 1 <= last])
        return [*([moving] if moving is not None else []), *actions] or None

    return ls
