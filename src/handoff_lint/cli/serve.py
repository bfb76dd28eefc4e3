"""``handoff-lint mcp`` and ``handoff-lint lsp``: the MCP server for writing models (needs the ``mcp`` extra)
and the language server for editors (needs the ``lsp`` extra). Registered on the main group."""

from __future__ import annotations

from handoff_lint.cli.app import EXIT_CLEAN, cli, fail


@cli.command("mcp")
def mcp_command() -> int:
    """Serve the checks to models over the Model Context Protocol (stdio): check, sanitize, new_handoff,
    respond, status. Needs: pip install 'handoff-lint[mcp]'."""
    import os

    try:
        # lazy: the MCP server and its extra, not paid by --help or --version
        from handoff_lint.serve.mcp_server import server
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("mcp", "pydantic", "anyio", "mcp_types"):
            raise
        return fail(f"the MCP server needs the mcp package ({error.name} is missing): pip install 'handoff-lint[mcp]'")
    server(os.getcwd()).run("stdio")
    return EXIT_CLEAN


@cli.command("lsp")
def lsp_command() -> int:
    """Serve diagnostics to editors over the Language Server Protocol (stdio): the findings of the
    handoffs and responses open in the editor, as typed, and each rule's text on hover. Needs:
    pip install 'handoff-lint[lsp]'."""
    try:
        from handoff_lint.serve.lsp_server import server
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        return fail(f"the language server needs pygls ({error.name} is missing): pip install 'handoff-lint[lsp]'")
    server().start_io()
    return EXIT_CLEAN
