"""``handoff-lint history``: the privacy and credential checks over every line the commits of a
range added (see :mod:`handoff_lint.history`), reported in any format."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from handoff_lint.cli import options as shared
from handoff_lint.cli.app import EXIT_CLEAN, cli, plural
from handoff_lint.cli.summary import Tally, ending

PUSH_HELP = (
    "Read the commits a git push is about to publish (in a pre-push hook: pre-commit's "
    "PRE_COMMIT_FROM_REF/PRE_COMMIT_TO_REF, or git's lines on standard input)."
)


@dataclass(frozen=True)
class HistorySettings:
    """What ``history`` was asked for, as given on the command line."""

    paths: tuple[str, ...]
    report: shared.ReportSettings
    rev_range: str | None = None
    all_refs: bool = False
    pre_push: bool = False
    remote: str | None = None
    max_commits: int | None = None

    @classmethod
    def of(cls, options: dict) -> HistorySettings:
        """From click's options; refuses what cannot go together."""
        options = dict(options)
        made = cls(report=shared.ReportSettings.take(options), **options)
        if sum((made.rev_range is not None, made.all_refs, made.pre_push)) > 1:
            raise click.UsageError("--range, --all and --pre-push each choose the commits: give one")
        if made.remote and not made.pre_push:
            raise click.UsageError("--remote goes with --pre-push")
        return made


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
@shared.report_options(
    "HL2, HL3, HL301",
    "A detect-secrets .secrets.baseline: secrets it lists (same file, its name then) are not reported.",
)
@shared.refusing
def history(**options) -> int:
    """Check every line the commits of a range added to the files of handoff folders (or under
    PATHS): secrets and private paths stay published in the history after a later commit
    removes them.

    Each finding names the commit, its author date, the path the file had then and the line in
    that version; one the last commit no longer holds says so (rotate that secret).
    """
    # lazy, as every project import of this module: not paid by --help or --version (history/run
    # ~90 ms, the guard ~85 ms, git and subprocess ~27 ms, measured over click's own start-up)
    from handoff_lint.engine.guard import Guard
    from handoff_lint.git import GitError, work_tree
    from handoff_lint.history.run import run

    request = HistorySettings.of(options)
    shared.check_output_file(request.report.output_file)
    config, known = shared.layered(request.report)
    cwd = Path.cwd()
    if work_tree(cwd) is None:
        raise shared.Refused("not inside a git work tree: history reads a repository's commits")
    picked = _picked(request, cwd)
    if picked is None:
        return EXIT_CLEAN
    if not picked.revisions:
        if not request.report.quiet:
            click.echo("No commits to check.", err=True)
        return EXIT_CLEAN
    pathspecs = [os.fsdecode(path) for path in request.paths]
    progress = _progress() if sys.stderr.isatty() else None
    try:
        outcome = run(picked.revisions, picked.tips, pathspecs, cwd, config, request.max_commits, progress)
    except GitError as error:
        raise shared.Refused(str(error)) from None
    finally:
        if progress is not None:
            progress(None)
    # as for check: same file (the name it had then) and same hashed secret; detect-secrets
    # keeps one hash for every GitHub token ("ghp"), so the file must match too
    findings = shared.unbaselined(outcome.findings, known)
    notes = Guard(config).notes()  # a configuration that weakens the guard is said here too
    shared.warn_notes(notes)
    shared.write_report(request.report, findings, notes)
    _warn_empty(request, outcome, pathspecs)
    return _ending(request, findings, outcome)


def _ending(request: HistorySettings, findings: list, outcome) -> int:
    """The summary line (a finding removed later is still published: said) and the exit code."""
    removed = sum(f.removed_later and not f.suppressed for f in findings)
    return ending(
        request.report,
        Tally.of(findings, sum(1 for f in findings if f.suppressed)),
        f"{plural(outcome.commits, 'commit')} ({plural(outcome.files, 'file')})",
        f"{removed} of them removed in a later commit: still published in the history (rotate those secrets).\n"
        if removed
        else "",
    )


def _picked(request: HistorySettings, cwd):
    """The commits to read (history/revisions.py), or None when there are none yet (said)."""
    from handoff_lint.history import revisions as chosen  # lazy: ~30 ms, see history()

    try:
        if request.pre_push:
            picked = _pushed(request.remote, cwd)
            if picked is None:
                raise click.UsageError(
                    "--pre-push reads the push from pre-commit's PRE_COMMIT_FROM_REF and "
                    "PRE_COMMIT_TO_REF or git's pre-push lines on standard input; neither was given"
                )
            return picked
        if request.rev_range is not None:
            return chosen.from_range(request.rev_range, cwd)
        head = _head(cwd)
        if head is None:
            click.echo("handoff-lint: warning: no commits yet: no history to check", err=True)
            return None
        return chosen.Revisions(["--all"] if request.all_refs else [head], [head])
    except chosen.RevisionError as error:
        raise shared.Refused(str(error)) from None


def _warn_empty(request: HistorySettings, outcome, pathspecs: list[str]) -> None:
    """As check's "no files to check": a warning, exit 0; and what --max-commits left out."""
    if not outcome.files and not request.pre_push:
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


def _head(cwd) -> str | None:
    from handoff_lint.git import GitError, git  # lazy: see history()

    try:
        return git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd).decode().strip() or None
    except GitError:
        return None


def _pushed(remote: str | None, cwd):
    """The push being made: pre-commit's environment, else git's hook input on standard input."""
    from handoff_lint.history import revisions  # lazy: see history()

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
