"""The command line. Only click is imported at start-up; the engine (markdown-it, jsonschema,
detect-secrets) is imported inside the commands that need it, so ``--version`` and ``--help``
stay fast."""

from __future__ import annotations

import io
import os
import sys

import click

from handoff_lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMAT_CHOICES = ("text", "json")  # for rule/rules
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "junit")


class DefaultToCheck(click.Group):
    """``handoff-lint FOLDER`` means ``handoff-lint check FOLDER``, as ``ruff FILE`` once did."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _codes(values: tuple[str, ...]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handoff-lint")
def cli() -> None:
    """Lint next-local handoff folders: structure, privacy, credentials and lifecycle.

    Run `handoff-lint FOLDER` (short for `handoff-lint check FOLDER`). Exit codes: 0 clean or
    warnings only, 1 errors found, 2 usage, configuration or internal error.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file instead of standard output.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found (2 still means a usage or internal error).")
@click.option("--select", multiple=True, metavar="CODES", help="Rule codes or prefixes to enable (HL1, HL10, HL101), comma-separated.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rule codes or prefixes to disable, comma-separated.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False), help="A detect-secrets .secrets.baseline: secrets it lists are not reported.")
@click.option("--warnings-as-errors", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Read settings from this file instead of the nearest one.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where the cache lives (default: HANDOFF_LINT_CACHE_DIR, else ~/.cache/handoff-lint).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, help="Worker processes; 0: one per core for large runs, 1: a single process.")
@click.option("--staged", is_flag=True, help="Check the staged (git index) versions of the staged files within PATHS.")
@click.option("--fix", is_flag=True, help="Move handoffs to the folder their status belongs in and give them their canonical name (git mv in a work tree); update responses' links.")
@click.option("--diff", "show_diff", is_flag=True, help="Print what --fix would change, as a diff, and change nothing (exit 1 if anything would change).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True, help="Colour the text output (auto honours NO_COLOR).")
def check(paths, output_format, output_file, statistics, exit_zero, select, ignore, baseline, warnings_as_errors, config_file, isolated, no_cache, cache_dir, jobs, staged, fix, show_diff, quiet, color) -> int:
    """Check handoff folders and files (default: the current folder)."""
    from handoff_lint import engine, report
    from handoff_lint.catalogue import check_prefixes
    from handoff_lint.config import ConfigError, load_config

    launch = click.get_current_context().find_root().obj or {}
    recorded = launch.get("key") is not None and not (no_cache or fix or show_diff or staged or output_file)
    if recorded:  # before anything is read: every question asked of the disk is noted (replay.py)
        from handoff_lint import filestamp, observed

        cutoff = filestamp.cutoff()
        observed.record()

    try:
        config = load_config(explicit=config_file, isolated=isolated)
    except ConfigError as error:
        click.echo(f"handoff-lint: error: {error}", err=True)
        return EXIT_ERROR
    try:  # the command line overrides the file
        if select:
            config.select = check_prefixes(_codes(select)) or ["ALL"]
        if ignore:
            config.ignore = check_prefixes(_codes(ignore))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    known = None
    if baseline:
        from handoff_lint import baseline as baseline_file

        try:
            known = baseline_file.load(baseline)
        except baseline_file.BaselineError as error:
            raise click.UsageError(str(error)) from None
    if fix or show_diff:
        if staged:
            raise click.UsageError("--fix and --diff change the work tree; they cannot be combined with --staged")
        status = _fix(list(paths or ["."]), config, preview=show_diff)
        if show_diff or status == EXIT_ERROR:
            return status
    blobs = None
    if staged:
        from handoff_lint.git import GitError
        from handoff_lint.discover import inside
        from handoff_lint.staged import staged_blobs

        within = [os.path.abspath(p) for p in paths or ["."]]
        try:
            blobs = {path: data for path, data in staged_blobs().items() if inside(path, within)}
        except GitError as error:
            click.echo(f"handoff-lint: error: {error}", err=True)
            return EXIT_ERROR
    from handoff_lint.cache import directory

    outcome = engine.run(paths or ["."], config, blobs, None if no_cache else directory(cache_dir), jobs)
    if known:
        from handoff_lint import baseline as baseline_file

        outcome.findings = baseline_file.apply(outcome.findings, known)
    stdout = sys.stdout
    shown = io.StringIO()  # what goes to standard output, kept for a replay
    if statistics:
        _statistics(outcome.findings, output_format, shown)
    elif output_file:
        with open(output_file, "w", encoding="utf-8") as handle:
            report.render(output_format, outcome.findings, handle, color=False)
    else:
        report.render(output_format, outcome.findings, shown, color=_use_color(color, stdout))
    _write(stdout, shown.getvalue())
    for path in outcome.missing_paths:
        click.echo(f"handoff-lint: error: {path}: no such file or directory", err=True)
    for message in outcome.internal_errors:
        click.echo(f"handoff-lint: error: {message}", err=True)
    errors = sum(f.severity == "error" for f in outcome.findings)
    warnings = len(outcome.findings) - errors
    if output_format == "text" and not quiet and not statistics:
        if outcome.findings:
            summary = f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} in {_plural(outcome.files_checked, 'file')}.\n"
        else:
            summary = f"All checks passed ({_plural(outcome.files_checked, 'file')} checked).\n"
        shown.write(summary)
        _write(stdout, summary)
    if outcome.missing_paths or outcome.internal_errors:
        return EXIT_ERROR
    code = EXIT_FINDINGS if not exit_zero and (errors or (warnings_as_errors and warnings)) else EXIT_CLEAN
    if recorded:
        from handoff_lint import replay

        replay.store(launch["args"], launch["key"], str(directory(cache_dir)), observed.take(), shown.getvalue(), code, cutoff, config.today)
    return code


def _write(stream, text: str) -> None:
    if text:
        stream.write(text)
        stream.flush()


def _fix(paths: list[str], config, preview: bool) -> int:
    """Plan the lifecycle fixes; print them (``--diff``) or apply them (``--fix``)."""
    from handoff_lint import fixes

    plan = fixes.plan_for(paths, config)
    for reason in plan.refused:
        click.echo(f"handoff-lint: warning: {reason}", err=True)
    if preview:
        click.echo(fixes.diff(plan), nl=False)
        return EXIT_FINDINGS if plan else EXIT_CLEAN
    try:
        fixes.apply(plan)
    except fixes.FixError as error:
        click.echo(f"handoff-lint: error: {error}", err=True)
        return EXIT_ERROR
    if plan:
        click.echo(f"Fixed: moved {_plural(len(plan.moves), 'file')}, updated links in {_plural(len(plan.edits), 'response')}.", err=True)
    return EXIT_CLEAN


def _statistics(findings, output_format: str, out) -> None:
    """Counts per rule, most frequent first (ruff's --statistics)."""
    import collections
    import json

    from handoff_lint.catalogue import catalogue

    counts = collections.Counter(f.code for f in findings)
    rows = [(code, count, catalogue()[code].name) for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if output_format == "json":
        out.write(json.dumps([{"code": c, "rule": n, "count": k} for c, k, n in rows], indent=2) + "\n")
    else:
        for code, count, name in rows:
            out.write(f"{count:>5}  {code}  {name}\n")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@cli.command("rule")
@click.argument("code")
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
def rule_command(code: str, output_format: str) -> int:
    """Explain one rule: what it checks, why, an example and the fix."""
    import json

    from handoff_lint.catalogue import lookup

    rule = lookup(code)
    if rule is None:
        raise click.UsageError(f"unknown rule {code!r} (see 'handoff-lint rules')")
    if output_format == "json":
        click.echo(json.dumps(rule._asdict(), indent=2))
        return EXIT_CLEAN
    click.echo(f"{rule.code} ({rule.name}) [{rule.severity}]\n\n{rule.summary}.\n\n{rule.explanation.strip()}\n")
    click.echo("Example:\n" + _indent(rule.example))
    if rule.fix:
        click.echo("\nFix:\n" + _indent(rule.fix))
    return EXIT_CLEAN


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines())


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
def rules_command(output_format: str) -> int:
    """List every rule with its code, name, default severity and summary."""
    import json

    from handoff_lint.catalogue import catalogue

    rules = catalogue().values()
    if output_format == "json":
        click.echo(json.dumps([rule._asdict() for rule in rules], indent=2))
        return EXIT_CLEAN
    for rule in rules:
        click.echo(f"{rule.code}  {rule.name:<27} {rule.severity:<8} {rule.summary}")
    return EXIT_CLEAN


@cli.command("install-hook")
@click.option("--force", is_flag=True, help="Replace an existing pre-commit hook (it is kept as pre-commit.legacy).")
def install_hook_command(force: bool) -> int:
    """Install hooks/pre-commit as this git repository's pre-commit hook.

    For repositories that do not use the pre-commit framework: the hook runs
    `handoff-lint check --staged`, so it checks what the commit will contain.
    """
    from handoff_lint.install_hook import HookError, install

    try:
        target = install(force=force)
    except HookError as error:
        click.echo(f"handoff-lint: error: {error}", err=True)
        return EXIT_ERROR
    click.echo(f"installed {target}")
    return EXIT_CLEAN


@cli.command("schema")
@click.argument("name", type=click.Choice(("handoff", "response")))
def schema_command(name: str) -> int:
    """Print the JSON Schema a document kind is validated against."""
    import json

    from handoff_lint.schemas import load_schema

    click.echo(json.dumps(load_schema(name), indent=2))
    return EXIT_CLEAN


def main(argv: list[str] | None = None, replay_key: bytes | None = None) -> int:
    """Run the CLI and return the exit code (0, 1 or 2) instead of raising. ``replay_key``: the
    key launch.py computed before anything was imported (else it is computed here); a check
    records itself under it (see replay.py)."""
    from handoff_lint import observed, replay

    args = sys.argv[1:] if argv is None else list(argv)
    launch = {"args": args, "key": replay_key if replay_key is not None else replay.key(args)}
    try:
        code = cli.main(args=args, prog_name="handoff-lint", standalone_mode=False, obj=launch)
    except click.exceptions.Exit as done:  # --help, --version
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except click.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR
    except Exception as error:  # a broken data file or a bug: say so in one line, exit 2
        click.echo(f"handoff-lint: internal error: {type(error).__name__}: {error}", err=True)
        return EXIT_ERROR
    finally:
        observed.take()  # a check that returned early leaves nothing noting
    return code if isinstance(code, int) else EXIT_CLEAN


from handoff_lint import cli_folder  # noqa: E402,F401  (registers status, new, respond, init)
