"""``handoff-lint lsp``: the real server in a subprocess, driven by pygls' own language client
over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import os
import random
import string
import sys
from pathlib import Path

import pytest

from tests.conftest import PINNED, VALID_HANDOFF

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

pytestmark = pytest.mark.slow


def fake_token() -> str:
    return "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))


class Editor:
    """An editor's side of the conversation: what it sends, and the diagnostics it was given."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.client = LanguageClient("test-editor", "v1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.arrived = asyncio.Condition()
        self.raw: list[str] = []  # every message's text, to search for a secret

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with self.arrived:
                self.diagnostics[params.uri] = params.diagnostics
                self.raw.extend(d.message for d in params.diagnostics)
                self.arrived.notify_all()

    async def start(self) -> None:
        env = {**os.environ, **PINNED}
        await self.client.start_io(sys.executable, "-m", "handoff_lint", "lsp", cwd=str(self.cwd), env=env)
        await self.client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(self.cwd)))
        )
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def wait(self, uri: str, done=lambda diagnostics: True, timeout: float = 30) -> list[types.Diagnostic]:
        async with self.arrived:
            await asyncio.wait_for(
                self.arrived.wait_for(lambda: uri in self.diagnostics and done(self.diagnostics[uri])), timeout
            )
            return self.diagnostics.pop(uri)

    def open(self, path: Path, text: str) -> str:
        uri = from_fs_path(str(path))
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


def converse(cwd: Path, script) -> Editor:
    async def main() -> Editor:
        editor = Editor(cwd)
        await editor.start()
        try:
            await script(editor)
        finally:
            await editor.stop()
        return editor

    return asyncio.run(main())


def test_diagnostics_as_typed_redacted_with_rule_text_on_hover(git_repo: Path):
    token = fake_token()
    path = git_repo / "models" / "next-local" / "active" / "handoff-2026-11-02-summarise-logs.md"
    leaky = VALID_HANDOFF.replace("We have 40 logs in logs/nightly/.", f"Fetch them with token {token}.")
    seen: dict[str, object] = {}

    async def script(editor: Editor) -> None:
        uri = editor.open(path, leaky)  # never saved: the editor's text is what is checked
        seen["open"] = await editor.wait(uri)
        line = next(d.range.start.line for d in seen["open"] if d.code == "HL301")
        seen["hover"] = await editor.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=0)
            )
        )
        editor.change(uri, VALID_HANDOFF, 2)  # the writer takes the token out
        seen["fixed"] = await editor.wait(uri, lambda diagnostics: not any(d.code == "HL301" for d in diagnostics))
        editor.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        seen["closed"] = await editor.wait(uri)

    editor = converse(git_repo, script)

    opened = seen["open"]
    secret = next(d for d in opened if d.code == "HL301")
    assert secret.severity == types.DiagnosticSeverity.Error and secret.source == "handoff-lint"
    text_line = leaky.split("\n")[secret.range.start.line]
    assert token in text_line  # the diagnostic sits on the token's line
    assert token[:10] not in " ".join(editor.raw)  # and no message shows it
    assert "HL301" in seen["hover"].contents.value and "handoff-lint rule HL301" in seen["hover"].contents.value
    assert list(seen["fixed"]) == [] and list(seen["closed"]) == []
    assert not path.exists()  # nothing written


def test_documents_outside_handoff_roots_get_no_diagnostics(git_repo: Path):
    notes = git_repo / "docs" / "notes.md"
    seen = {}

    async def script(editor: Editor) -> None:
        uri = editor.open(notes, "# Notes\n\nBuilt at /home/alice/src/app.\n")
        seen["notes"] = await editor.wait(uri)

    converse(git_repo, script)
    assert list(seen["notes"]) == []


def test_a_root_the_configuration_no_longer_names_is_no_longer_checked(git_repo: Path):
    """The configured `roots` are read with each document, never kept by the server: a folder
    taken out of `roots` while the editor runs gets no more diagnostics."""
    config = git_repo / ".handoff-lint.toml"
    config.write_text('roots = ["docs/handoffs"]\n')
    path = git_repo / "docs" / "handoffs" / "active" / "handoff-2026-11-02-summarise-logs.md"
    broken = VALID_HANDOFF.replace("**Priority**: MEDIUM\n", "")
    seen = {}

    async def script(editor: Editor) -> None:
        uri = editor.open(path, broken)
        seen["named"] = await editor.wait(uri)
        config.write_text("stale-days = 14\n")
        editor.change(uri, broken + "\n", 2)
        seen["dropped"] = await editor.wait(uri)

    converse(git_repo, script)
    assert any(d.code.startswith("HL1") for d in seen["named"]), seen["named"]
    assert list(seen["dropped"]) == []


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The editor's side of a workspace edit (positions in UTF-16 code units, ASCII here)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end
        head, tail = lines[start.line][: start.character], lines[end.line][end.character :]
        lines[start.line : end.line + 1] = (head + edit.new_text + tail).split("\n")
    return "\n".join(lines)


def test_sanitize_is_offered_as_an_unsafe_quick_fix_that_clears_the_finding(git_repo: Path):
    token = fake_token()
    path = git_repo / "models" / "next-local" / "active" / "handoff-2026-11-02-summarise-logs.md"
    leaky = VALID_HANDOFF.replace(
        "We have 40 logs in logs/nightly/.", f"Logs are in /home/alice/nightly.\nexport GITHUB_TOKEN={token}"
    )
    seen: dict[str, object] = {}

    async def script(editor: Editor) -> None:
        uri = editor.open(path, leaky)
        opened = await editor.wait(uri)
        secret = next(d for d in opened if d.code == "HL301")
        seen["actions"] = await editor.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=secret.range,
                context=types.CodeActionContext(diagnostics=[secret]),
            )
        )
        one = next(a for a in seen["actions"] if "HL301" in a.title)
        seen["fixed_text"] = apply(leaky, one.edit.changes[uri])
        editor.change(uri, seen["fixed_text"], 2)
        seen["after"] = await editor.wait(uri, lambda diagnostics: not any(d.code == "HL301" for d in diagnostics))

    converse(git_repo, script)
    actions = seen["actions"]
    assert all("unsafe" in action.title for action in actions)
    assert any(action.title.startswith("Sanitize all 2") for action in actions)  # the token and the home path
    assert token[4:20] not in repr(actions)  # no edit carries the secret
    assert "export GITHUB_TOKEN=${GITHUB_TOKEN}" in seen["fixed_text"] and "/home/alice" in seen["fixed_text"]
    assert {d.code for d in seen["after"]} & {"HL301"} == set() and "HL201" in {d.code for d in seen["after"]}


def test_a_finished_handoff_in_active_offers_the_move_and_the_relink_as_one_safe_fix(git_repo: Path):
    from tests.conftest import VALID_RESPONSE

    root = git_repo / "models" / "next-local"
    name = "handoff-2026-11-02-extract-error-patterns.md"
    done = VALID_HANDOFF.replace("Ready for local model pickup", "Completed")
    (root / "active" / name).write_text(done)
    response = root / "responses" / "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"
    response.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    seen: dict[str, object] = {}

    async def script(editor: Editor) -> None:
        uri = editor.open(root / "active" / name, done)  # as saved
        opened = await editor.wait(uri)
        misplaced = next(d for d in opened if d.code == "HL405")
        ask = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=misplaced.range,
            context=types.CodeActionContext(diagnostics=[misplaced]),
        )
        seen["actions"] = await editor.client.text_document_code_action_async(ask)
        editor.change(uri, done + "\nAn unsaved line.\n", 2)  # the buffer is no longer the saved file
        await editor.wait(uri)
        seen["unsaved"] = await editor.client.text_document_code_action_async(ask)

    converse(git_repo, script)
    move = next(action for action in seen["actions"] if "safe fix" in action.title)
    renames = [c for c in move.edit.document_changes if isinstance(c, types.RenameFile)]
    edits = [c for c in move.edit.document_changes if isinstance(c, types.TextDocumentEdit)]
    assert [(r.old_uri.split("/")[-2:], r.new_uri.split("/")[-2:]) for r in renames] == [
        (["active", name], ["archive", name])
    ]
    assert renames[0].options.overwrite is False
    assert [e.text_document.uri for e in edits] == [from_fs_path(str(response))]
    relinked = apply(response.read_text(), edits[0].edits)
    assert f"](../archive/{name})" in relinked and "../active/" not in relinked
    assert (root / "active" / name).exists() and "../active/" in response.read_text()  # nothing written
    assert not any("safe fix" in action.title for action in seen["unsaved"] or [])


def test_what_an_earlier_command_named_never_widens_what_the_editor_reads(tmp_path: Path, monkeypatch):
    """An editor names no folder: a handoff root that is a link out of the folder holding it is
    not read for the safe fix, even after a server in the same process named that root itself."""
    from handoff_lint.serve import lsp_server, mcp_server
    from tests.conftest import linked_root

    name = "handoff-2026-11-02-extract-error-patterns.md"
    done = VALID_HANDOFF.replace("Ready for local model pickup", "Completed")
    plain = tmp_path / "y" / "nl"  # a root the editor may read: the control
    for folder in ("active", "responses", "archive"):
        (plain / folder).mkdir(parents=True)
    linked = linked_root(tmp_path)
    for root in (plain, linked):
        (root / "active" / name).write_text(done)
    monkeypatch.chdir(tmp_path)  # no repository
    mcp_server.server(str(linked))  # names the linked root itself, in this process
    offered = {}
    for root in (plain, linked):
        path = str(root / "active" / name)
        findings = lsp_server.document_findings(path, done)
        assert "HL405" in {finding.code for finding in findings}  # the text itself is checked either way
        offered[root] = lsp_server.lifecycle_action(path, done, findings)
    assert offered[plain] is not None and "safe fix" in offered[plain].title
    assert offered[linked] is None  # not read through the link: no fix offered
