"""``handoff-lint mcp``: the MCP server for writing models (needs the ``mcp`` extra). Registered on the main group."""

from __future__ import annotations

from handoff_lint.cli.app import EXIT_CLEAN, cli, fail


@cli.command("mcp")
def mcp_command() -> int:
    """Serve the checks to models over the Model Context Protocol (stdio): check, new_handoff,
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
