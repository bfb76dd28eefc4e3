"""``handoff-lint mcp``: the real server in a subprocess, driven by the MCP SDK's own stdio client."""

from __future__ import annotations

import json
import os
import random
import string
import sys
from pathlib import Path

import pytest

from tests.conftest import PINNED, VALID_HANDOFF, run_cli

mcp = pytest.importorskip("mcp")

from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402


def fake_token() -> str:
    return "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))


async def _session(cwd: Path, calls: list[tuple[str, dict]], errlog) -> tuple[list, list]:
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", ""), **PINNED}
    params = StdioServerParameters(command=sys.executable, args=["-m", "handoff_lint", "mcp"], env=env, cwd=str(cwd))
    async with stdio_client(params, errlog=errlog) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = (await session.list_tools()).tools
            results = [await session.call_tool(name, arguments) for name, arguments in calls]
    return tools, results


def converse(cwd: Path, calls: list[tuple[str, dict]], tmp_path: Path):
    import anyio

    log = tmp_path / "server-stderr.log"
    with open(log, "w") as errlog:
        tools, results = anyio.run(_session, cwd, calls, errlog)
    return tools, results, log.read_text()


def payload(result) -> object:
    assert not result.is_error, result.content
    return json.loads(result.content[0].text)


def test_tools_check_redacts_and_new_handoff_passes_and_outside_is_refused(git_repo: Path, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("elsewhere")  # git_repo is the test's own tmp_path
    token = fake_token()
    draft = VALID_HANDOFF.replace(
        "We have 40 logs in logs/nightly/.", f"Logs are in /home/alice/builds/nightly. Use token {token} to fetch them."
    )
    outside = tmp_path / "outside.md"
    outside.write_text(VALID_HANDOFF)
    (git_repo / "elsewhere").symlink_to(tmp_path, target_is_directory=True)  # a link leading out
    calls = [
        ("check", {"path": "models/next-local/active/handoff-2026-11-02-draft.md", "text": draft}),
        ("new_handoff", {"title": "Summarise the flaky test logs", "priority": "HIGH", "constraints": ["Time"]}),
        ("status", {}),
        ("check", {"path": str(outside)}),
        ("check", {"path": os.path.relpath(outside, git_repo), "text": VALID_HANDOFF}),
        ("status", {"root": os.path.relpath(tmp_path, git_repo)}),
        ("check", {"path": "elsewhere/outside.md"}),
        ("respond", {"handoff": "elsewhere/outside.md"}),
        ("new_handoff", {"title": "anything", "root": "elsewhere"}),
    ]
    tools, results, stderr = converse(git_repo, calls, tmp_path)

    assert {tool.name for tool in tools} == {"check", "new_handoff", "respond", "status", "sanitize"}
    assert all("call" in (tool.description or "").lower() for tool in tools)
    for raw in [tool.model_dump_json() for tool in tools] + [r.model_dump_json() for r in results] + [stderr]:
        assert token not in raw and token.lower() not in raw

    checked = payload(results[0])
    codes = {finding["code"] for finding in checked["findings"]}
    assert {"HL301", "HL201"} <= codes
    assert checked["passed"] is False
    assert {"code", "line", "message", "severity", "expected", "found"} <= set(checked["findings"][0])
    assert not (git_repo / "models/next-local/active/handoff-2026-11-02-draft.md").exists()  # text: nothing written

    written = payload(results[1])["written"]
    assert written.startswith("models/next-local/active/handoff-2026-11-05-summarise")
    assert (git_repo / written).is_file()
    board = payload(results[2])
    assert [row["handoff"] for row in board] == [written] and board[0]["priority"] == "HIGH"

    for refused in results[3:]:
        assert refused.is_error and "outside the working folder" in refused.content[0].text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside.md", "server-stderr.log"]  # nothing written there

    # the scaffolded file passes on structure once written (its sections and header as the schema wants);
    # what is left is the template's placeholders for the prose the model writes next (HL112)
    _, (again,), _ = converse(git_repo, [("check", {"path": written})], tmp_path)
    structure = {f["code"] for f in payload(again)["findings"] if f["code"].startswith("HL1")}
    assert structure == {"HL112"}, structure


def test_respond_writes_the_response_skeleton(git_repo: Path, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("log")
    handoff = git_repo / "models/next-local/active/handoff-2026-11-02-extract-error-patterns.md"
    handoff.write_text(VALID_HANDOFF)
    _, (made,), _ = converse(git_repo, [("respond", {"handoff": str(handoff.relative_to(git_repo))})], tmp_path)
    written = payload(made)["written"]
    assert written == "models/next-local/responses/2026-11-05-response-to-handoff-2026-11-02-extract-error-patterns.md"
    assert "](../active/handoff-2026-11-02-extract-error-patterns.md)" in (git_repo / written).read_text()


def test_without_the_extra_it_says_how_to_install(tmp_path: Path):
    blocker = tmp_path / "site"
    (blocker / "mcp").mkdir(parents=True)
    (blocker / "mcp" / "__init__.py").write_text("raise ModuleNotFoundError('No module named mcp', name='mcp')\n")
    path = os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])
    done = run_cli("mcp", cwd=tmp_path, env={"PYTHONPATH": path})
    assert done.code == 2
    assert "pip install 'handoff-lint[mcp]'" in done.stderr


def test_check_does_not_import_mcp(git_repo: Path):
    import subprocess

    env = {**os.environ, **PINNED}
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "handoff_lint", "check", "."],
        cwd=git_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "handoff_lint.engine.pipeline" in imported  # the check really ran
    assert not {name for name in imported if name.split(".")[0] in ("mcp", "mcp_types", "pydantic", "anyio")}
    assert not {name for name in imported if name.startswith("handoff_lint.serve")}


def test_a_secret_in_a_title_is_refused_and_not_echoed(git_repo: Path, tmp_path_factory):
    token = fake_token()
    calls = [
        ("new_handoff", {"title": f"rotate {token}"}),
        ("check", {"path": [token]}),
        ("status", {"root": {token: 1}}),
    ]  # the wrong types
    _, (made, mistyped, mistyped_too), stderr = converse(git_repo, calls, tmp_path_factory.mktemp("log"))
    assert made.is_error and "secret" in made.content[0].text
    assert mistyped.is_error and "valid string" in mistyped.content[0].text  # the SDK's message, its value redacted
    for raw in (made.model_dump_json(), mistyped.model_dump_json(), mistyped_too.model_dump_json(), stderr):
        assert token not in raw and token.lower() not in raw
    assert not list((git_repo / "models/next-local/active").glob("handoff-*"))


def test_sanitize_returns_the_draft_with_placeholders_and_writes_nothing(git_repo: Path, tmp_path_factory):
    """The issue's draft: a GitHub token, an OpenAI project key, a Linux and a Windows home path."""
    tmp_path = tmp_path_factory.mktemp("log")
    token = fake_token()
    openai = "sk-proj-" + "".join(random.choices(string.ascii_letters + string.digits, k=48))
    leaks = (
        f"The CI token is {token}; rotate it after the run.\n"
        f"export OPENAI_API_KEY={openai}\n"
        "Inputs: /home/alice/work/data.csv and C:\\Users\\alice\\Documents\\x.xlsx"
    )
    draft = VALID_HANDOFF.replace("We have 40 logs in logs/nightly/.", leaks)
    saved = git_repo / "models/next-local/active/handoff-2026-11-02-leaky.md"
    saved.write_text(draft)
    calls = [
        ("check", {"path": "models/next-local/active/handoff-2026-11-02-draft.md", "text": draft}),
        ("sanitize", {"path": "models/next-local/active/handoff-2026-11-02-draft.md", "text": draft}),
        ("sanitize", {"path": str(saved.relative_to(git_repo))}),
    ]
    _, results, stderr = converse(git_repo, calls, tmp_path)
    for raw in [r.model_dump_json() for r in results] + [stderr]:
        for value in (token, openai):
            assert value not in raw and value[8:24] not in raw
    assert {"HL201", "HL301"} <= {f["code"] for f in payload(results[0])["findings"]}
    for result in results[1:]:
        cleaned = payload(result)
        assert cleaned["resolved"] == 4
        text = cleaned["text"]
        assert "The CI token is <REDACTED>;" in text and "export OPENAI_API_KEY=${OPENAI_API_KEY}" in text
        assert "/home/<user>/work/data.csv and C:\\Users\\<user>\\Documents\\x.xlsx" in text
        assert not {f["code"][:3] for f in cleaned["findings"]} & {"HL2", "HL3"} and cleaned["passed"] is True
        # only the three lines with findings changed; every other line as it was written
        before, after = draft.split("\n"), text.split("\n")
        changed = [index for index, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert [before[index] for index in changed] == [
            line for line in before if token in line or openai in line or "alice" in line
        ]
        assert len(changed) == 3
    assert saved.read_text() == draft  # nothing written
    assert not (git_repo / "models/next-local/active/handoff-2026-11-02-draft.md").exists()


def test_two_servers_in_one_process_each_judge_roots_by_their_own_working_folder(tmp_path: Path, monkeypatch):
    """The folder named (touch.Access) is each call's own, made from its server's working folder:
    a server made later, or a call another server answers, never widens what this one reads."""
    import anyio
    from mcp.server.mcpserver.exceptions import ToolError

    from handoff_lint.serve.mcp_server import server
    from tests.conftest import linked_root

    root = linked_root(tmp_path)
    monkeypatch.chdir(tmp_path)  # no repository: the folder named bounds the root
    narrow = server(str(root / "active"))  # the root is above it: bounded by x/, which it leads out of
    wide = server(str(root))  # the root named itself: the user's to follow

    async def call(app, name: str, arguments: dict):
        try:
            return json.loads((await app.call_tool(name, arguments)).content[0].text)
        except ToolError as error:
            return str(error)

    async def conversation() -> list:
        handoff = "handoff-2026-11-02-extract-error-patterns.md"
        return [
            await call(app, tool, arguments)
            for app, prefix in ((narrow, ""), (wide, "active/"), (narrow, ""))
            for tool, arguments in (("status", {}), ("check", {"path": prefix + handoff}))
        ]

    refused, refused_check, board, checked, refused_again, refused_check_again = anyio.run(conversation)
    for message in (refused, refused_again):
        assert "x/nl: refused:" in message and "outside the folder holding it (x)" in message
    for found in (refused_check, refused_check_again):
        assert [f["code"] for f in found["findings"]] == ["HL005"]
    assert [row["handoff"] for row in board] == ["x/nl/active/handoff-2026-11-02-extract-error-patterns.md"]
    assert "HL005" not in {f["code"] for f in checked["findings"]} and checked["findings"]  # read, and checked
