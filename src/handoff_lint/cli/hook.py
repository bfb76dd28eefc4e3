"""``install-hook``: the plain git pre-commit (or pre-push) hook, for repositories without pre-commit."""

from __future__ import annotations

import click

from handoff_lint.cli.app import EXIT_CLEAN, cli, fail


@cli.command("install-hook")
@click.option(
    "--force", is_flag=True, help="Replace an existing hook (it is kept as pre-commit.legacy or pre-push.legacy)."
)
@click.option(
    "--pre-push",
    is_flag=True,
    help="Install the pre-push hook (handoff-lint history over the commits being pushed) instead.",
)
def install_hook_command(force: bool, pre_push: bool) -> int:
    """Install hooks/pre-commit as this git repository's pre-commit hook.

    For repositories that do not use the pre-commit framework: the hook runs
    `handoff-lint check --staged`, so it checks what the commit will contain. With --pre-push,
    hooks/pre-push runs `handoff-lint history --pre-push`: every line the pushed commits added.
    """
    # lazy: install_hook imports git (~28 ms), not paid by --help or --version
    from handoff_lint.workflow.install_hook import HookError, install

    try:
        target = install(force=force, name="pre-push" if pre_push else "pre-commit")
    except HookError as error:
        return fail(str(error))
    click.echo(f"installed {target}")
    return EXIT_CLEAN
