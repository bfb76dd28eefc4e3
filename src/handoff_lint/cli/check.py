"""``handoff-lint check``: the pipeline (see :mod:`handoff_lint.engine`) from the command line,
its report, and ``--fix``/``--diff``."""

from __future__ import annotations

import os
import sys

import click

from handoff_lint.cli.app import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    OUTPUT_FORMATS,
    cli,
    codes,
    fail,
    plural,
    settings,
    use_color,
)
from handoff_lint.cli.summary import Tally, exit_code, fix_notes, summary


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
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
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when errors are found (2 still means a usage or internal error)."
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Rule codes or prefixes to enable (HL1, HL10, HL101), comma-separated.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Rule codes or prefixes to disable, comma-separated.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False),
    help="A detect-secrets .secrets.baseline: secrets it lists are not reported.",
)
@click.option("--warnings-as-errors", is_flag=True, help="Exit 1 on warnings too.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Read settings from this file instead of the nearest one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Where the cache lives (default: HANDOFF_LINT_CACHE_DIR, else ~/.cache/handoff-lint).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes; 0: one per core for large runs, 1: a single process.",
)
@click.option("--staged", is_flag=True, help="Check the staged (git index) versions of the staged files within PATHS.")
@click.option(
    "--fix",
    is_flag=True,
    help="Move handoffs to the folder their status belongs in and give them their canonical name (git mv in a work tree); update responses' links.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print what --fix would change, as a diff, and change nothing (exit 1 if anything would change).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff: also rewrite private paths, hosts, addresses, e-mails and secrets into placeholders.",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With PATH '-' (or none): check standard input as if it were the file at PATH, folder checks included.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--color",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour the text output (auto honours NO_COLOR).",
)
def check(
    paths,
    output_format,
    output_file,
    statistics,
    exit_zero,
    select,
    ignore,
    baseline,
    warnings_as_errors,
    config_file,
    isolated,
    no_cache,
    cache_dir,
    jobs,
    staged,
    fix,
    show_diff,
    unsafe_fixes,
    stdin_filename,
    quiet,
    color,
) -> int:
    """Check handoff folders and files (default: the current folder)."""
    from handoff_lint import report
    from handoff_lint.data.catalogue import check_prefixes
    from handoff_lint.data.config import ConfigError
    from handoff_lint.data.resources import cache_folder
    from handoff_lint.engine.pipeline import run

    stdin = None
    if "-" in paths or stdin_filename:
        if paths not in ((), ("-",)):
            raise click.UsageError("'-' (standard input) is checked alone: give no other path")
        if staged or fix or show_diff:
            raise click.UsageError("standard input cannot be combined with --staged, --fix or --diff")
        stdin = (stdin_filename or "-", b"")  # read once the size limit is known
        paths = ()
    if unsafe_fixes and not (fix or show_diff):
        raise click.UsageError("--unsafe-fixes is given with --fix (to rewrite) or --diff (to preview)")
    if not staged and stdin is None:  # a path that is not there is a mistake: said once, before any report
        for path in paths:
            if not os.path.lexists(path):
                return fail(f"{shown_path(path)}: no such file or directory")
    if output_file:
        from handoff_lint.touch import linked_part

        folder = os.path.dirname(output_file) or "."
        if not os.path.isdir(folder):
            return fail(f"cannot write the report to {shown_path(output_file)}: no such folder {shown_path(folder)}")
        linked = linked_part(output_file)
        if linked is not None:  # a committed link named like the report must not redirect it
            link = shown_path(os.path.relpath(linked))
            return fail(
                f"cannot write the report to {shown_path(output_file)}: {link} is a symbolic link; "
                "the report is never written through one"
            )
    cache_dir = None if no_cache else cache_folder(cache_dir)
    if cache_dir is not None:  # before the rules are parsed: the cache may hold them
        from handoff_lint.cache import tables

        tables.load(cache_dir)
    try:
        config = settings(explicit=config_file, isolated=isolated)
    except ConfigError as error:
        return fail(str(error))
    if stdin is not None:  # at most one byte over the limit is read: more is too large (HL004), whatever follows
        stdin = (stdin[0], _read_bounded(click.get_binary_stream("stdin"), config.max_file_size + 1))
    from handoff_lint.touch import name_folders

    name_folders(paths or ["."])  # a handoff root outside the repository may not lead out of these
    try:  # the command line overrides the file, in ruff's layers (see Config.select_from_command_line)
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
    if fix or show_diff:
        if staged:
            raise click.UsageError("--fix and --diff change the work tree; they cannot be combined with --staged")
        unsafe = (cache_dir, jobs, known) if unsafe_fixes else None
        status = _fix(list(paths or ["."]), config, preview=show_diff, unsafe=unsafe)
        if show_diff or status == EXIT_ERROR:
            return status
    blobs, gone = None, []
    if staged:
        from handoff_lint.engine.staged import staged_changes
        from handoff_lint.git import GitError
        from handoff_lint.model.kinds import inside

        within = [os.path.abspath(p) for p in paths or ["."]]
        try:
            every, removed = staged_changes(max_bytes=config.max_file_size)
        except GitError as error:
            return fail(str(error))
        blobs = {path: data for path, data in every.items() if inside(path, within)}
        gone = [str(path) for path in removed if inside(path, within) and path not in every]
    elif os.environ.get("PRE_COMMIT") == "1" and stdin is None:
        # under the pre-commit framework: it passes a renamed handoff's new path only; the
        # responses naming the old one must be read too, as the plain hook reads them
        from handoff_lint.engine.staged import index_moves
        from handoff_lint.git import GitError

        try:
            gone = [str(path) for path in index_moves() if not path.exists()]
        except GitError:
            gone = []
    outcome = run(paths or ["."], config, blobs, cache_dir, jobs, gone, stdin)
    if known:
        from handoff_lint.engine import baseline as baseline_file

        outcome.findings = baseline_file.apply(outcome.findings, known)
        outcome.suppressed = sum(1 for f in outcome.findings if f.suppressed)
    stdout = sys.stdout
    if outcome.notes:  # a configuration that weakens the guard is said on every run, before the report
        from handoff_lint.show import shown

        for note in outcome.notes:
            click.echo(shown(f"handoff-lint: warning: {note}", 2000), err=True)
    if statistics:
        _statistics(outcome.findings, output_format, stdout)
    elif output_file:
        import io

        from handoff_lint.touch import TouchError, write_text

        rendered = io.StringIO(newline="")
        report.render(output_format, outcome.findings, rendered, color=False, notes=outcome.notes)
        try:  # complete or not at all, and never through a link (one planted since the check above included)
            write_text(output_file, rendered.getvalue())
        except TouchError as error:
            return fail(f"cannot write the report: {error}")
        except OSError as error:
            return fail(f"cannot write {shown_path(output_file)}: {error.strerror or error}")
    else:
        report.render(output_format, outcome.findings, stdout, color=use_color(color, stdout), notes=outcome.notes)
    stdout.flush()
    for path in outcome.missing_paths:
        fail(f"{path}: no such file or directory")
    for message in outcome.internal_errors:
        click.echo(f"handoff-lint: error: {message}", err=True)
    tally = Tally.of(outcome.findings, outcome.suppressed)
    lonely = [] if staged or stdin else _without_handoff_folder(paths or ["."], outcome)
    for folder in lonely:  # ruff's "No Python files found": a warning, exit 0, no success
        click.echo(
            f"handoff-lint: warning: no handoff folder in {shown_path(folder)} (a folder holding handoff-template.md, or two of active/, responses/, archive/)",
            err=True,
        )
    if not outcome.files_checked and not staged and not stdin and not outcome.findings:
        if not lonely:
            click.echo("handoff-lint: warning: no files to check under the given paths", err=True)
    elif (output_format == "text" or output_file) and not quiet and not statistics and not outcome.internal_errors:
        # with -o the report goes to the file and the summary to standard error (stdout stays empty)
        notes = fix_notes(outcome.findings, hidden=not (staged or stdin or unsafe_fixes))
        (sys.stderr if output_file else stdout).write(summary(tally, plural(outcome.files_checked, "file"), notes))
    if outcome.missing_paths or outcome.internal_errors:
        return EXIT_ERROR
    return exit_code(tally, exit_zero, warnings_as_errors)


def _read_bounded(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``stream``, a megabyte at a time (one read of ``limit`` would
    allocate all of a large configured limit for a short input); the rest is never read."""
    chunks, left = [], limit
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def shown_path(path: str) -> str:
    from handoff_lint.findings import printable

    return printable(os.fsdecode(path))


def _without_handoff_folder(paths, outcome) -> list[str]:
    """The folders given that hold no handoff folder, lie in none and hold no file of one."""
    from pathlib import Path

    from handoff_lint.model.kinds import classify, inside

    lonely = []
    for path in paths:
        if not os.path.isdir(path) or classify(Path(path) / "_")[1] is not None:
            continue
        if not any(inside(root, [os.path.abspath(path)]) for root in outcome.roots):
            lonely.append(path)
    return lonely


def _fix(paths: list[str], config, preview: bool, unsafe=None) -> int:
    """Plan the lifecycle fixes; print them (``--diff``) or apply them (``--fix``). ``unsafe``:
    (cache folder, jobs, baseline) with ``--unsafe-fixes``: the sanitize fixes first."""
    from handoff_lint.engine.discover import discover
    from handoff_lint.workflow import fixes

    files, _missing = discover(paths, config.paths.excluded) if config.exclude else discover(paths)
    sanitized = _sanitize(paths, files, config, unsafe, preview) if unsafe is not None else ""
    plan = fixes.plan_for(files, paths, config)
    for reason in plan.refused:
        click.echo(f"handoff-lint: warning: {reason}", err=True)
    if preview:
        click.echo(sanitized + fixes.diff(plan), nl=False)
        return EXIT_FINDINGS if plan or sanitized else EXIT_CLEAN
    try:
        staged, to_add = fixes.apply(plan)
    except fixes.FixError as error:  # its paths and git's words: by the folders' secrets, then by the detectors
        return fail(plan.known.redact(str(error)))
    if plan:
        click.echo(
            f"Fixed: moved {plural(len(plan.moves), 'file')}, updated links in {plural(len(plan.edits), 'response')}.",
            err=True,
        )
    from handoff_lint.model.kinds import display_path
    from handoff_lint.show import shown

    for path in staged:
        click.echo(
            shown(f"staged the relinked {display_path(path)} (git add), beside the move", known=plan.known), err=True
        )
    if to_add:  # edits of the user's own were unstaged in it: not staged for them
        names = " ".join(shown(display_path(path), known=plan.known) for path in to_add)
        click.echo(
            f"handoff-lint: note: relinked, not staged (it holds unstaged edits of yours): git add {names}", err=True
        )
    return EXIT_CLEAN


def _sanitize(paths, files, config, unsafe, preview: bool) -> str:
    """``--unsafe-fixes`` (workflow/sanitize.py) over the findings of a run as the report would
    show them (selection, suppression, baseline): the diff (``preview``), or "" once written."""
    from handoff_lint.engine import baseline as baseline_file
    from handoff_lint.engine.pipeline import run
    from handoff_lint.workflow import sanitize

    cache_dir, jobs, known = unsafe
    fixed, done = 0, set()
    for _ in range(1 if preview else 5):  # as ruff: again while a pass fixes something (max-findings-per-rule)
        outcome = run(paths, config, None, cache_dir, jobs)
        findings = baseline_file.apply(outcome.findings, known) if known else outcome.findings
        result = sanitize.plan(findings, files, config, outcome.known)
        refused = result.refused + ([] if preview else sanitize.apply(result, config.max_file_size))
        for reason in refused:
            click.echo(f"handoff-lint: warning: {reason}", err=True)
        if preview:
            return sanitize.diff(result)
        if not result.fixed:
            break
        fixed += result.fixed
        done.update(fix.file.display for fix in result.fixes if fix.fixed)
    if fixed:
        where = f"{plural(fixed, 'finding')} in {plural(len(done), 'file')}"
        click.echo(f"Sanitized: {where}; nothing is staged: review, then git add.", err=True)
    return ""


def _statistics(findings, output_format: str, out) -> None:
    """Counts per rule, most frequent first (ruff's --statistics)."""
    import collections
    import json

    from handoff_lint.data.catalogue import catalogue

    counts = collections.Counter(f.code for f in findings if not f.suppressed)
    rows = [
        (code, count, catalogue()[code].name)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    if output_format == "json":
        out.write(json.dumps([{"code": c, "rule": n, "count": k} for c, k, n in rows], indent=2) + "\n")
    else:
        for code, count, name in rows:
            out.write(f"{count:>5}  {code}  {name}\n")
