"""Commands over a handoff folder: status, new, respond, init. Registered on the main group."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from handoff_lint.cli.app import EXIT_CLEAN, FORMAT_CHOICES, cli, fail, settings, use_color

PRIORITIES = ("HIGH", "MEDIUM", "LOW")
CONSTRAINTS = ("Resource", "Privacy", "Time")


def _config():
    from handoff_lint.data.config import ConfigError

    try:
        return settings()
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


def _write(make) -> int:
    """Run ``make()`` (which creates one file and returns its path); print the path or the error."""
    from handoff_lint.workflow.scaffold import ScaffoldError

    try:
        path = make()
    except ScaffoldError as error:
        return fail(str(error))
    click.echo(_shown_path(path))
    return EXIT_CLEAN


def _named(*paths):
    """The command's access (touch.Access): the paths the user named; outside a repository, a
    handoff root may not lead out of them (Touch)."""
    from handoff_lint.touch import Access

    return Access.of(paths)


def _shown_path(path: Path) -> str:
    """A path as printed on a line of its own: escaped, never starting with '::'."""
    from handoff_lint.findings import line_start
    from handoff_lint.model.kinds import display_path
    from handoff_lint.show import shown

    return line_start(shown(display_path(path)))


@cli.command("status")
@click.argument("roots", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--root",
    "root_options",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A handoff folder to show, or a folder holding some (repeat for several); the same as naming it.",
)
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True)
def status_command(roots: tuple[Path, ...], root_options: tuple[Path, ...], output_format: str, color: str) -> int:
    """Show the board of each handoff folder named (default: the one found from here, or every
    one of the repository): each handoff's state, priority, age and response, under the folder's name."""
    import json

    from handoff_lint.model.index import build
    from handoff_lint.model.kinds import configured
    from handoff_lint.model.roots import candidates
    from handoff_lint.touch import TouchError
    from handoff_lint.workflow import board

    config = _config()
    given = [*roots, *root_options]
    access = _named(*(given or ["."]))
    found, empty = candidates(given, configured(config))
    if empty:
        names = ", ".join(_shown_path(Path(path)) for path in empty)
        return fail(f"no handoff folder at, above or below {names} (run 'handoff-lint init')")
    try:
        for root in found:
            access.check_root(root)  # a handoff root leading out of the repository: nothing is read through it
    except TouchError as error:
        return fail(str(error))
    boards = [(_shown_path(root), board.rows(build(root, access=access), config)) for root in found]
    if output_format == "json":  # one list; each row names its folder
        shown_rows = [{**row, "root": name} for name, rows in boards for row in board.as_json(rows)]
        click.echo(json.dumps(shown_rows, indent=2))
        return EXIT_CLEAN
    coloured = use_color(color, sys.stdout)
    style = click.style if coloured else (lambda text, **_: text)
    for number, (name, rows) in enumerate(boards):
        click.echo(("\n" if number else "") + style(f"Handoff folder {name}", bold=True), color=coloured)
        board.render(rows, lambda line: click.echo(line, color=coloured), style)
        if not rows:
            click.echo("No handoffs yet ('handoff-lint new \"short description\"' writes one).")
    return EXIT_CLEAN


@cli.command("new")
@click.argument("description")
@click.option("--from", "author", default="claude-code", show_default=True, help="The model handing off.")
@click.option("--priority", type=click.Choice(PRIORITIES, case_sensitive=False), default="MEDIUM", show_default=True)
@click.option(
    "--constraints",
    type=click.Choice(CONSTRAINTS, case_sensitive=False),
    multiple=True,
    help="Resource, Privacy or Time; repeat for several (default: Resource).",
)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The handoff folder, or a folder holding one (default: found from here, in any folder of the repository).",
)
def new_command(description: str, author: str, priority: str, constraints: tuple[str, ...], root: Path | None) -> int:
    """Write active/handoff-<today>-<slug>.md from the folder's template, ready for the prose.
    With several handoff folders to choose from, it writes into models/next-local (saying so) or
    asks for --root."""
    from handoff_lint.model.kinds import configured
    from handoff_lint.workflow.scaffold import ScaffoldError, choose_root, new_handoff

    if not description.strip():
        raise click.UsageError("the description must not be empty")
    chosen = [c.capitalize() for c in constraints] or ["Resource"]
    config = _config()
    access = _named(root or ".")
    try:
        target, others = choose_root(root, configured(config))
    except ScaffoldError as error:
        return fail(str(error))
    if others:
        names = ", ".join(_shown_path(other) for other in others)
        click.echo(
            f"handoff-lint: note: writing into {_shown_path(target)}; also here: {names} (choose with --root)", err=True
        )
    return _write(lambda: new_handoff(target, description, config.today, author, priority.upper(), chosen, access))


@cli.command("respond")
@click.argument("handoff", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--from", "author", default="next-local", show_default=True, help="The local model answering.")
def respond_command(handoff: Path, author: str) -> int:
    """Write the response skeleton for HANDOFF, with the reference to it filled in."""
    from handoff_lint.model.kinds import configured
    from handoff_lint.workflow.scaffold import respond

    config = _config()
    access = _named(handoff)
    return _write(lambda: respond(handoff, config.today, author, configured(config), access))


@cli.command("init")
@click.argument("folder", required=False, default="models/next-local", type=click.Path(file_okay=False, path_type=Path))
def init_command(folder: Path) -> int:
    """Create a handoff folder (active/, responses/, archive/, examples/, README.md,
    handoff-template.md) and set up the checks of it: in a repository whose
    .pre-commit-config.yaml has the handoff-lint hooks, their patterns are extended to the new
    folder (and a `roots` list in the settings names it); otherwise the configuration to paste is
    printed."""
    from handoff_lint.workflow.scaffold import ScaffoldError, init

    try:
        made = init(folder, _named(folder))
    except (ScaffoldError, OSError) as error:
        return fail(str(error))
    for path in made:
        click.echo(f"created {_shown_path(path)}")
    if not made:
        click.echo(f"{_shown_path(folder)} is already a complete handoff folder")
    return _set_up(folder)


def _set_up(folder: Path) -> int:
    """After ``init``: extend the repository's hooks and ``roots`` to ``folder``, or print the
    snippet that checks every handoff root of the repository."""
    from handoff_lint.model.kinds import configured
    from handoff_lint.model.roots import repository_roots, repository_top
    from handoff_lint.show import shown
    from handoff_lint.touch import TouchError
    from handoff_lint.workflow import hook_config
    from handoff_lint.workflow.scaffold import from_top, pre_commit_snippet

    config = _config()
    top = repository_top(folder)
    changes = []
    try:
        if top is not None and hook_config.has_hooks(top):
            changes.append(hook_config.extend_pre_commit(top, from_top(folder)))
        else:
            others = () if top is None else tuple(repository_roots(top, configured(config)))
            click.echo("\n" + pre_commit_snippet(folder, others))
        if config.source is not None:
            from handoff_lint.data.config import find_config

            found = find_config(config.source.parent)
            change = hook_config.extend_roots(*found, folder) if found is not None else None
            changes += [change] if change is not None else []
    except (OSError, UnicodeDecodeError, TouchError) as error:
        return fail(f"the configuration was not extended: {error}")
    for change in changes:
        click.echo(shown(change.message, 4000))
    return EXIT_CLEAN
