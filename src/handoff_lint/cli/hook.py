"""``install-hook``: the plain git pre-commit hook, for repositories without pre-commit."""

from __future__ import annotations

import click

from handoff_lint.cli.app import EXIT_CLEAN, cli, fail


@cli.command("install-hook")
@click.option("--force", is_flag=True, help="Replace an existing pre-commit hook (it is kept as pre-commit.legacy).")
def install_hook_command(force: bool) -> int:
    """Install hooks/pre-commit as this git repository's pre-commit hook.

    For repositories that do not use the pre-commit framework: the hook runs
    `handoff-lint check --staged`, so it checks what the commit will contain.
    """
    from handoff_lint.workflow.install_hook import HookError, install

    try:
        target = install(force=force)
    except HookError as error:
        return fail(str(error))
    click.echo(f"installed {target}")
    return EXIT_CLEAN
