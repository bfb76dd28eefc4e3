"""``handoff-lint history``: the privacy and credential checks over every line the commits of a
range added (see :mod:`handoff_lint.history`), reported in any format."""

from __future__ import annotations

import os
import sys

import click

from handoff_lint.cli.app import EXIT_CLEAN, OUTPUT_FORMATS, cli, codes, fail, plural, settings, use_color
from handoff_lint.cli.summary import Tally, exit_code, summary

PUSH_HELP = (
    "Read the commits a git push is about to publish (in a pre-push hook: pre-commit's "
    "PRE_COMMIT_FROM_REF/PRE_COMMIT_TO_REF, or git's lines on standard input)."
)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--range",
    "rev_range",
    metavar="REV_RANGE",
    help="The commits to read, as git names them (origin/main..HEAD, HEAD~20..); default: HEAD's history.",
)
@click.option("--all", "all_refs", is_flag=True, help="Read the commits of every branch and tag, not only HEAD's.")
@click.option("--pre-push", is_flag=True, help=PUSH_HELP)
@click.option(
    "--remote", metavar="NAME", help="With --pre-push: the remote pushed to (git's first argument to the hook)."
)
@click.option(
    "--max-commits", type=click.IntRange(min=1), help="Read at most this many commits, the newest of the range."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when errors are found (2 still means a usage or internal error)."
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Rule codes or prefixes to enable (HL2, HL3, HL301), comma-separated.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Rule codes or prefixes to disable, comma-separated.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False),
    help="A detect-secrets .secrets.baseline: secrets it lists (same file, its name then) are not reported.",
)
@click.option("--warnings-as-errors", is_flag=True, help="Exit 1 on warnings too.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Read settings from this file instead of the nearest one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--color",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour the text output (auto honours NO_COLOR).",
)
def history(
    paths,
    rev_range,
    all_refs,
    pre_push,
    remote,
    max_commits,
    output_format,
    output_file,
    exit_zero,
    select,
    ignore,
    baseline,
    warnings_as_errors,
    config_file,
    isolated,
    quiet,
    color,
) -> int:
    """Check every line the commits of a range added to the files of handoff folders (or under
    PATHS): secrets and private paths stay published in the history after a later commit
    removes them.

    Each finding names the commit, its author date, the path the file had then and the line in
    that version; one the last commit no longer holds says so (rotate that secret).
    """
    from pathlib import Path

    from handoff_lint import report
    from handoff_lint.data.catalogue import check_prefixes
    from handoff_lint.data.config import ConfigError
    from handoff_lint.git import GitError, work_tree
    from handoff_lint.history import revisions as chosen

    if sum((rev_range is not None, all_refs, pre_push)) > 1:
        raise click.UsageError("--range, --all and --pre-push each choose the commits: give one")
    if remote and not pre_push:
        raise click.UsageError("--remote goes with --pre-push")
    if output_file:
        folder = os.path.dirname(output_file) or "."
        if not os.path.isdir(folder):
            return fail(f"cannot write the report to {_shown(output_file)}: no such folder {_shown(folder)}")
    try:
        config = settings(explicit=config_file, isolated=isolated)
    except ConfigError as error:
        return fail(str(error))
    try:  # the command line over the file, in ruff's layers, as for check
        config.select_from_command_line(check_prefixes(codes(select)), check_prefixes(codes(ignore)))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    known = None
    if baseline:
        from handoff_lint.engine import baseline as baseline_file

        try:
            known = baseline_file.load(baseline)
        except baseline_file.BaselineError as error:
            raise click.UsageError(str(error)) from None
    cwd = Path.cwd()
    if work_tree(cwd) is None:
        return fail("not inside a git work tree: history reads a repository's commits")
    try:
        if pre_push:
            picked = _pushed(remote, cwd)
            if picked is None:
                raise click.UsageError(
                    "--pre-push reads the push from pre-commit's PRE_COMMIT_FROM_REF and "
                    "PRE_COMMIT_TO_REF or git's pre-push lines on standard input; neither was given"
                )
        elif rev_range is not None:
            picked = chosen.from_range(rev_range, cwd)
        else:
            head = _head(cwd)
            if head is None:
                click.echo("handoff-lint: warning: no commits yet: no history to check", err=True)
                return EXIT_CLEAN
            picked = chosen.Revisions(["--all"] if all_refs else [head], [head])
    except chosen.RevisionError as error:
        return fail(str(error))
    if not picked.revisions:
        if not quiet:
            click.echo("No commits to check.", err=True)
        return EXIT_CLEAN
    pathspecs = [os.fsdecode(path) for path in paths]
    from handoff_lint.history.run import run

    progress = _progress() if sys.stderr.isatty() else None
    try:
        outcome = run(picked.revisions, picked.tips, pathspecs, cwd, config, max_commits, progress)
    except GitError as error:
        return fail(str(error))
    finally:
        if progress is not None:
            progress(None)
    findings = outcome.findings
    if known:
        # as for check: same file (the name it had then) and same hashed secret; detect-secrets
        # keeps one hash for every GitHub token ("ghp"), so the file must match too
        from handoff_lint.engine import baseline as baseline_file

        findings = baseline_file.apply(findings, known)
    stdout = sys.stdout
    from handoff_lint.engine.guard import Guard
    from handoff_lint.show import shown

    notes = Guard(config).notes()  # a configuration that weakens the guard is said here too
    for note in notes:
        click.echo(shown(f"handoff-lint: warning: {note}", 2000), err=True)
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as handle:
                report.render(output_format, findings, handle, color=False, notes=notes)
        except OSError as error:
            return fail(f"cannot write {_shown(output_file)}: {error.strerror}")
    else:
        report.render(output_format, findings, stdout, color=use_color(color, stdout), notes=notes)
    stdout.flush()
    tally = Tally.of(findings, sum(1 for f in findings if f.suppressed))
    if not outcome.files and not pre_push:  # as check's "no files to check": a warning, exit 0
        where = "under the given paths" if pathspecs else "in a handoff folder"
        if not outcome.commits:
            empty = "no commit of the range touches the given paths" if pathspecs else "the range holds no commit"
            click.echo(f"handoff-lint: warning: {empty}", err=True)
        else:
            click.echo(f"handoff-lint: warning: these commits added no line to a file {where}", err=True)
    if outcome.limited:
        newest = plural(outcome.commits, "commit")
        click.echo(
            f"handoff-lint: warning: read the newest {newest} of the range (--max-commits); "
            "older ones were not checked",
            err=True,
        )
    if (output_format == "text" or output_file) and not quiet:
        read = f"{plural(outcome.commits, 'commit')} ({plural(outcome.files, 'file')})"
        removed = sum(f.removed_later and not f.suppressed for f in findings)
        notes = (
            (f"{removed} of them removed in a later commit: still published in the history (rotate those secrets).\n")
            if removed
            else ""
        )
        (sys.stderr if output_file else stdout).write(summary(tally, read, notes))
    return exit_code(tally, exit_zero, warnings_as_errors)


def _shown(path: str) -> str:
    from handoff_lint.findings import printable

    return printable(os.fsdecode(path))


def _head(cwd) -> str | None:
    from handoff_lint.git import GitError, git

    try:
        return git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd).decode().strip() or None
    except GitError:
        return None


def _pushed(remote: str | None, cwd):
    """The push being made: pre-commit's environment, else git's hook input on standard input."""
    from handoff_lint.history import revisions

    framework = revisions.from_pre_commit(os.environ, cwd)
    if framework is not None:
        return framework
    stdin = click.get_binary_stream("stdin")
    if stdin.isatty():
        return None
    return revisions.from_hook_input(stdin.read().decode("utf-8", "replace"), remote, cwd)


def _progress():
    """A count of commits read, rewritten in place on a terminal's standard error."""
    import time

    state = {"last": time.monotonic(), "shown": False}  # a run shorter than a quarter second shows none

    def show(count: int | None) -> None:
        if count is None:
            if state["shown"]:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            return
        now = time.monotonic()
        if now - state["last"] >= 0.25:
            state["last"], state["shown"] = now, True
            sys.stderr.write(f"\rhandoff-lint: history: {plural(count, 'commit')} read")
            sys.stderr.flush()

    return show
