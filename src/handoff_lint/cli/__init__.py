"""The command line: ``app`` (the group and what commands share), one module per group of
commands (``check``; ``folder``: status, new, respond, init; ``rules``: rule, rules, schema;
``hook``: install-hook; ``history``), and ``main``, the console script."""


def main(argv=None) -> int:
    """``handoff-lint ARGS`` in this process; the exit code (see :func:`handoff_lint.cli.main.run`)."""
    # lazy: every command's module (~60 ms); only when called
    from handoff_lint.cli.main import run

    return run(argv)
