"""Serving the checks to the tools writers work in (the MCP server); imported only by its command."""
