"""handoff-lint: lint and validate next-local model handoff folders."""

__version__ = "0.1.0"
