"""What a run's findings come to: errors, warnings and suppressed counts, the summary line, and
the exit code (ruff's: 0 clean or warnings only, 1 findings, 2 an error), shared by ``check`` and
``history``: the one place a command's ending is decided."""

from __future__ import annotations

import sys
from typing import NamedTuple

from handoff_lint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, plural


class Tally(NamedTuple):
    errors: int
    warnings: int
    suppressed: int

    @classmethod
    def of(cls, findings, suppressed: int) -> Tally:
        """A finding a comment suppresses is shown (each format its way), and fails nothing."""
        errors = sum(f.severity == "error" and not f.suppressed for f in findings)
        return cls(errors, len(findings) - suppressed - errors, suppressed)


def summary(tally: Tally, read: str, notes: str = "") -> str:
    """``Found ... in <read>.`` (then ``notes``) or ``All checks passed (<read> checked).``, and a
    line for the findings comments suppressed: a comment that hides a finding is never silent."""
    if tally.errors or tally.warnings:
        text = f"Found {plural(tally.errors, 'error')} and {plural(tally.warnings, 'warning')} in {read}.\n" + notes
    else:
        text = f"All checks passed ({read} checked).\n"
    if tally.suppressed:
        text += (
            f"{plural(tally.suppressed, 'finding')} suppressed by comments in the files "
            "(listed by --format json, sarif, github and junit; see 'inline-suppress').\n"
        )
    return text


def fix_notes(findings, hidden: bool = True) -> str:
    """The summary's fix counts, in ruff's words: ``[*] N fixable with the `--fix` option.``, and
    (``hidden``) the findings only ``--unsafe-fixes`` rewrites, as ruff names its hidden fixes."""
    safe = sum(f.fixable and not f.suppressed for f in findings)
    unsafe = 0
    if hidden and any(f.code[:3] in ("HL2", "HL3") for f in findings):  # else the module is not imported
        from handoff_lint.workflow.sanitize import fixable as unsafe_fixable

        unsafe = sum(not f.fixable and unsafe_fixable(f) for f in findings)
    more = f"{unsafe} hidden fix{'' if unsafe == 1 else 'es'} can be enabled with the `--unsafe-fixes` option"
    if safe:
        return f"[*] {safe} fixable with the `--fix` option" + (f" ({more}).\n" if unsafe else ".\n")
    return f"No fixes available ({more}).\n" if unsafe else ""


def exit_code(tally: Tally, exit_zero: bool, warnings_as_errors: bool) -> int:
    return EXIT_FINDINGS if not exit_zero and (tally.errors or (warnings_as_errors and tally.warnings)) else EXIT_CLEAN


def ending(report, tally: Tally, read: str, notes: str = "", *, summarised: bool = True, failed: bool = False) -> int:
    """Write the summary line unless ``report`` (cli/options.ReportSettings) asks for none or
    ``summarised`` is False (with ``-o`` it goes to standard error: the report has the file);
    then the exit code: 2 if the run ``failed`` (a path missing, an internal error), else by the
    findings."""
    if summarised and report.summarised:
        (sys.stderr if report.output_file else sys.stdout).write(summary(tally, read, notes))
    if failed:
        return EXIT_ERROR
    return exit_code(tally, report.exit_zero, report.warnings_as_errors)
