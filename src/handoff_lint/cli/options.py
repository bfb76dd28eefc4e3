"""What ``check`` and ``history`` share: their report options (one decorator stack), the frozen
settings those become, the configuration layered from the file and the command line, and the
report written to standard output or to a file (never through a link)."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, fields

import click

from handoff_lint.cli.app import OUTPUT_FORMATS, codes, fail, settings, use_color


class Refused(Exception):
    """A usage, configuration or input problem said in one ``handoff-lint: error:`` line (exit 2)."""


def refusing(command):
    """The command's :class:`Refused` as :func:`~handoff_lint.cli.app.fail`'s line and exit code."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except Refused as error:
            return fail(str(error))

    return run


_OUTPUT = (
    click.option(
        "--format",
        "output_format",
        type=click.Choice(OUTPUT_FORMATS),
        default="text",
        show_default=True,
        help="Output format.",
    ),
    click.option(
        "--output-file",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        help="Write the report to this file instead of standard output.",
    ),
    click.option(
        "--exit-zero", is_flag=True, help="Exit 0 even when errors are found (2 still means a usage or internal error)."
    ),
)
_SETTINGS = (
    click.option("--warnings-as-errors", is_flag=True, help="Exit 1 on warnings too."),
    click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False),
        help="Read settings from this file instead of the nearest one.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary."),
    click.option(
        "--color",
        type=click.Choice(("auto", "always", "never")),
        default="auto",
        show_default=True,
        help="Colour the text output (auto honours NO_COLOR).",
    ),
)


def report_options(select_example: str, baseline_help: str):
    """The options ``check`` and ``history`` both take, in this order, as one decorator."""
    stack = [
        *_OUTPUT,
        click.option(
            "--select",
            multiple=True,
            metavar="CODES",
            help=f"Rule codes or prefixes to enable ({select_example}), comma-separated.",
        ),
        click.option(
            "--ignore", multiple=True, metavar="CODES", help="Rule codes or prefixes to disable, comma-separated."
        ),
        click.option("--baseline", type=click.Path(exists=True, dir_okay=False), help=baseline_help),
        *_SETTINGS,
    ]

    def apply(command):
        for option in reversed(stack):
            command = option(command)
        return command

    return apply


@dataclass(frozen=True)
class ReportSettings:
    """The report options of :func:`report_options`, as given."""

    output_format: str = "text"
    output_file: str | None = None
    exit_zero: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    warnings_as_errors: bool = False
    config_file: str | None = None
    isolated: bool = False
    quiet: bool = False
    color: str = "auto"

    @classmethod
    def take(cls, options: dict) -> ReportSettings:
        """Its fields, taken out of click's ``options`` (what is left is the command's own)."""
        return cls(**{spec.name: options.pop(spec.name) for spec in fields(cls)})

    @property
    def summarised(self) -> bool:
        """A summary line follows the report: text output, or a report written to a file."""
        return (self.output_format == "text" or bool(self.output_file)) and not self.quiet


def layered(report: ReportSettings):
    """The effective configuration and the baseline's known secrets (or None): the file's
    settings (or none, ``--isolated``), ``--select``/``--ignore`` over them in ruff's layers (see
    ``Config.select_from_command_line``). Raises Refused (the configuration) or click.UsageError
    (a rule code, the baseline)."""
    # lazy, as every project import of this module: not paid by --help or --version (the
    # configuration ~12 ms, the rule catalogue ~14 ms, measured over click's own start-up)
    from handoff_lint.data.catalogue import check_prefixes
    from handoff_lint.data.config import ConfigError

    try:
        config = settings(explicit=report.config_file, isolated=report.isolated)
    except ConfigError as error:
        raise Refused(str(error)) from None
    try:
        config.select_from_command_line(check_prefixes(codes(report.select)), check_prefixes(codes(report.ignore)))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    known = None
    if report.baseline:
        from handoff_lint.engine import baseline as baseline_file  # lazy: ~29 ms, --baseline only

        try:
            known = baseline_file.load(report.baseline)
        except baseline_file.BaselineError as error:
            raise click.UsageError(str(error)) from None
    return config, known


def unbaselined(findings: list, known) -> list:
    """``findings`` less the secrets the baseline lists (same file, same hashed secret)."""
    if not known:
        return findings
    from handoff_lint.engine import baseline as baseline_file  # lazy: as in layered()

    return baseline_file.apply(findings, known)


def check_output_file(path: str | None) -> None:
    """Refused if the report cannot be written to ``path``: its folder is missing, or a part of
    it is a symbolic link (a committed link named like the report must not redirect it)."""
    if not path:
        return
    from handoff_lint.touch import linked_part  # lazy: touch.py (~5 ms over findings.py), -o only

    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise Refused(f"cannot write the report to {shown_path(path)}: no such folder {shown_path(folder)}")
    linked = linked_part(path)
    if linked is not None:
        link = shown_path(os.path.relpath(linked))
        raise Refused(
            f"cannot write the report to {shown_path(path)}: {link} is a symbolic link; "
            "the report is never written through one"
        )


def warn_notes(notes: list[str]) -> None:
    """What in the configuration weakens the guard, said on every run, before the report."""
    if notes:
        from handoff_lint.show import shown  # lazy: show imports the detector (~45 ms)

        for note in notes:
            click.echo(shown(f"handoff-lint: warning: {note}", 2000), err=True)


def write_report(report: ReportSettings, findings: list, notes: list[str]) -> None:
    """The report in its format, to ``--output-file`` (complete or not at all, never through a
    link, one planted since :func:`check_output_file` included) or to standard output."""
    from handoff_lint import report as formats  # lazy: the formatters, after the run

    stdout = sys.stdout
    if report.output_file:
        import io

        from handoff_lint.touch import TouchError, write_text  # lazy: -o only

        rendered = io.StringIO(newline="")
        formats.render(report.output_format, findings, rendered, color=False, notes=notes)
        try:
            write_text(report.output_file, rendered.getvalue())
        except TouchError as error:
            raise Refused(f"cannot write the report: {error}") from None
        except OSError as error:
            raise Refused(f"cannot write {shown_path(report.output_file)}: {error.strerror or error}") from None
    else:
        formats.render(report.output_format, findings, stdout, color=use_color(report.color, stdout), notes=notes)
    stdout.flush()


def shown_path(path: str) -> str:
    """A path given on the command line, as an error message may print it."""
    from handoff_lint.findings import printable  # lazy: findings.py is not paid by --help or --version

    return printable(os.fsdecode(path))
