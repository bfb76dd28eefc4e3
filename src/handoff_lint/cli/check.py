"""``handoff-lint check``: the pipeline (see :mod:`handoff_lint.engine`) from the command line,
its report, and ``--fix``/``--diff`` (with ``--unsafe-fixes``, the sanitize fix first). The
options become one :class:`CheckSettings`; the command reads what they ask for, runs the engine
once (and once per sanitize pass) and reports (what it runs on: cli/targets.py; the ending:
cli/summary.py)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import click

from handoff_lint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, cli, fail, plural
from handoff_lint.cli.options import (
    Refused,
    ReportSettings,
    check_output_file,
    layered,
    refusing,
    report_options,
    shown_path,
    unbaselined,
    warn_notes,
    write_report,
)
from handoff_lint.cli.summary import Tally, ending, fix_notes


@dataclass(frozen=True)
class CheckSettings:
    """What ``check`` was asked for, as given on the command line."""

    paths: tuple[str, ...]
    report: ReportSettings
    statistics: bool = False
    no_cache: bool = False
    cache_dir: str | None = None
    jobs: int = 0
    staged: bool = False
    fix: bool = False
    show_diff: bool = False
    unsafe_fixes: bool = False
    stdin_filename: str | None = None

    @classmethod
    def of(cls, options: dict) -> CheckSettings:
        """From click's options (``paths`` and the report options among them); refuses what
        cannot go together."""
        options = dict(options)
        report = ReportSettings.take(options)
        made = cls(report=report, **options)
        made.refuse_usage()
        return made

    @property
    def stdin(self) -> bool:
        """Standard input is checked (PATH '-', or --stdin-filename)."""
        return "-" in self.paths or bool(self.stdin_filename)

    @property
    def targets(self) -> list[str]:
        """The paths given to check (none when standard input is read); cli/targets.Targets says
        what none means."""
        return [] if self.stdin else list(self.paths)

    def refuse_usage(self) -> None:
        if self.stdin:
            if self.paths not in ((), ("-",)):
                raise click.UsageError("'-' (standard input) is checked alone: give no other path")
            if self.staged or self.fix or self.show_diff:
                raise click.UsageError("standard input cannot be combined with --staged, --fix or --diff")
        if self.unsafe_fixes and not (self.fix or self.show_diff):
            raise click.UsageError("--unsafe-fixes is given with --fix (to rewrite) or --diff (to preview)")
        if self.staged and (self.fix or self.show_diff):
            raise click.UsageError("--fix and --diff change the work tree; they cannot be combined with --staged")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@report_options("HL1, HL10, HL101", "A detect-secrets .secrets.baseline: secrets it lists are not reported.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
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
@refusing
def check(**options) -> int:
    """Check handoff folders and files (default: the current folder)."""
    # lazy, as every project import of this module: not paid by --help or --version (the engine
    # ~190 ms, model.kinds and show ~45 ms each, findings ~7 ms, measured over click's own start-up)
    from handoff_lint.cli.targets import Targets
    from handoff_lint.engine.pipeline import run
    from handoff_lint.model.kinds import configured
    from handoff_lint.touch import Access

    request = CheckSettings.of(options)
    if not request.staged and not request.stdin:  # a path that is not there is a mistake: said once, before any report
        for path in request.paths:
            if not os.path.lexists(path):
                raise Refused(f"{shown_path(path)}: no such file or directory")
    check_output_file(request.report.output_file)
    cache_dir = _cache_folder(request)
    config, known = layered(request.report)
    roots = configured(config)  # the configured handoff roots, passed down as a value
    stdin = _stdin(request, config.max_file_size, roots)
    targets = Targets.of(request.targets, request.stdin, roots)
    paths = targets.paths
    config.access = Access.of(paths)  # a handoff root outside the repository may not lead out of these
    if request.fix or request.show_diff:
        unsafe = (cache_dir, request.jobs, known) if request.unsafe_fixes else None
        status = _fix(paths, config, roots, preview=request.show_diff, unsafe=unsafe)
        if request.show_diff or status == EXIT_ERROR:
            return status
    blobs, gone = _staged(paths, config) if request.staged else (None, _moved_away(request))
    outcome = run(paths, config, blobs, cache_dir, request.jobs, gone, stdin)
    if known:
        outcome.findings = unbaselined(outcome.findings, known)
        outcome.suppressed = sum(1 for f in outcome.findings if f.suppressed)
    warn_notes(outcome.notes)
    if request.statistics:
        _statistics(outcome.findings, request.report.output_format, sys.stdout)
        sys.stdout.flush()
    else:
        write_report(request.report, outcome.findings, outcome.notes)
    return _ending(request, outcome, targets)


def _cache_folder(request: CheckSettings) -> str | None:
    """Where the cache lives (None: --no-cache), its rule tables loaded before the rules are
    parsed: the cache may hold them."""
    if request.no_cache:
        return None
    # lazy: the cache's rule tables (~44 ms) are not paid by --help or --version
    from handoff_lint.cache import tables
    from handoff_lint.data.resources import cache_folder

    folder = cache_folder(request.cache_dir)
    tables.load(folder)
    return folder


def _stdin(request: CheckSettings, limit: int, roots) -> tuple[str, bytes] | None:
    """(the path standard input stands for (cli/targets.stdin_name), its bytes), or None. At most
    one byte over the limit is read: more is too large (HL004), whatever follows."""
    if not request.stdin:
        return None
    from handoff_lint.cli.targets import stdin_name

    name = stdin_name(request.stdin_filename or "-", roots)
    return (name, _read_bounded(click.get_binary_stream("stdin"), limit + 1))


def _staged(paths: list[str], config) -> tuple[dict, list[str]]:
    """--staged: the index's contents of the staged files within ``paths`` (cli/targets.Targets),
    and the paths the commit deletes there."""
    # lazy: staged.py, git and subprocess (~60 ms): --staged only
    from handoff_lint.engine.staged import staged_changes
    from handoff_lint.git import GitError
    from handoff_lint.model.kinds import inside

    within = [os.path.abspath(p) for p in paths]
    try:
        every, removed = staged_changes(max_bytes=config.max_file_size)
    except GitError as error:
        raise Refused(str(error)) from None
    blobs = {path: data for path, data in every.items() if inside(path, within)}
    return blobs, [str(path) for path in removed if inside(path, within) and path not in every]


def _moved_away(request: CheckSettings) -> list[str]:
    """Under the pre-commit framework, the old paths of the handoffs the commit renames: it
    passes a renamed handoff's new path only, and the responses naming the old one must be read
    too, as the plain hook reads them."""
    if os.environ.get("PRE_COMMIT") != "1" or request.stdin:
        return []
    # lazy: staged.py, git and subprocess (~60 ms): under pre-commit only
    from handoff_lint.engine.staged import index_moves
    from handoff_lint.git import GitError

    try:
        return [str(path) for path in index_moves() if not path.exists()]
    except GitError:
        return []


def _ending(request: CheckSettings, outcome, targets) -> int:
    """After the report: the paths missing and internal errors (exit 2), the folders given that
    hold no handoff folder (exit 1 with --warnings-as-errors), the summary line, the exit code."""
    for path in outcome.missing_paths:
        fail(f"{path}: no such file or directory")
    for message in outcome.internal_errors:
        click.echo(f"handoff-lint: error: {message}", err=True)
    lonely = [] if request.staged or request.stdin else targets.lonely(outcome)
    targets.say_lonely(lonely, request.report.warnings_as_errors)
    nothing = not outcome.files_checked and not request.staged and not request.stdin and not outcome.findings
    if nothing and not lonely:
        click.echo("handoff-lint: warning: no files to check under the given paths", err=True)
    summarised = not nothing and not request.statistics and not outcome.internal_errors
    # the hidden (--unsafe-fixes) count only where that option could be given, and only when shown
    hidden = not (request.staged or request.stdin or request.unsafe_fixes)
    notes = fix_notes(outcome.findings, hidden) if summarised and request.report.summarised else ""
    status = ending(
        request.report,
        Tally.of(outcome.findings, outcome.suppressed),
        plural(outcome.files_checked, "file"),
        notes,
        summarised=summarised,
        failed=bool(outcome.missing_paths or outcome.internal_errors),
    )
    if status == EXIT_CLEAN and lonely and request.report.warnings_as_errors:  # a mistyped path in CI stays red
        return EXIT_FINDINGS
    return status


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


def _fix(paths: list[str], config, roots, preview: bool, unsafe=None) -> int:
    """Plan the lifecycle fixes; print them (``--diff``) or apply them (``--fix``). ``unsafe``:
    (cache folder, jobs, baseline) with ``--unsafe-fixes``: the sanitize fixes first."""
    # lazy: the fixes and the walk (~125 ms): --fix and --diff only
    from handoff_lint.engine.discover import discover
    from handoff_lint.workflow import fixes

    excluded = config.paths.excluded if config.exclude else (lambda path: False)
    files, _missing = discover(paths, excluded, roots, access=config.access)
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
    # lazy: model.kinds and show (~45 ms each), see check()
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
    # lazy: the engine and the sanitize fix: --unsafe-fixes only
    from handoff_lint.engine.pipeline import run
    from handoff_lint.workflow import sanitize

    cache_dir, jobs, known = unsafe
    fixed, done = 0, set()
    for _ in range(1 if preview else 5):  # as ruff: again while a pass fixes something (max-findings-per-rule)
        outcome = run(paths, config, None, cache_dir, jobs)
        result = sanitize.plan(unbaselined(outcome.findings, known), files, config, outcome.known)
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

    from handoff_lint.data.catalogue import catalogue  # lazy: the rule catalogue (~14 ms): --statistics only

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
