"""What ``check`` runs on beyond the paths as given: the file standard input stands for (against
the working folder, then the repository's top), the repository's handoff roots when no path is
given from a folder that neither is, lies in nor holds one, and the folders given that hold no
handoff folder (said after the report; an error with ``--warnings-as-errors``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import click

from handoff_lint.cli.options import shown_path
from handoff_lint.model import roots as root_finding
from handoff_lint.model.kinds import classify, inside
from handoff_lint.show import shown

_NO_FOLDER = "(a folder holding handoff-template.md, or two of active/, responses/, archive/)"


@dataclass(frozen=True)
class Targets:
    """The paths a run walks (with ``--staged``: within which it takes the staged files), the
    folders said to hold no handoff folder when they hold none, and the configured roots."""

    paths: list[str]
    asked: list[str]
    roots: frozenset[Path]

    @classmethod
    def of(cls, given: list[str], stdin: bool, roots: frozenset[Path]) -> Targets:
        """``given``: the paths on the command line (none: the working folder, and from any folder
        of a repository its handoff roots too, staged ones too; said on standard error)."""
        if given or stdin:
            return cls(list(given) or ["."], list(given) or ["."], roots)
        paths, found = root_finding.default_paths(roots)
        if not found:
            return cls(paths, ["."], roots)
        names = ", ".join(os.path.relpath(root) for root in found)  # from the repository: through the Show seam
        click.echo(
            shown(f"handoff-lint: note: no handoff folder in .; checking the repository's: {names}", 2000), err=True
        )
        return cls(paths, [], roots)

    def lonely(self, outcome) -> list[str]:
        """The folders asked about that hold no handoff folder, lie in none and hold no file of one."""
        found = []
        for path in self.asked:
            if not os.path.isdir(path) or classify(Path(path) / "_", self.roots)[1] is not None:
                continue
            if not any(inside(root, [os.path.abspath(path)]) for root in outcome.roots):
                found.append(path)
        return found

    def say_lonely(self, folders: list[str], as_error: bool) -> None:
        """ruff's "No Python files found": a warning (exit 0), an error with ``--warnings-as-errors``
        (exit 1: a mistyped path in CI must not stay green); names the repository's roots if any."""
        for folder in folders:
            click.echo(
                f"handoff-lint: {'error' if as_error else 'warning'}: no handoff folder in {shown_path(folder)} "
                + _NO_FOLDER
                + _elsewhere(folder, self.roots),
                err=True,
            )


def stdin_name(name: str, roots: frozenset[Path]) -> str:
    """The path standard input stands for: ``--stdin-filename NAME`` against the working folder,
    then the repository's top; a name in no handoff root is said on standard error (never a
    silent downgrade to the privacy and credential checks)."""
    if name == "-":
        return name
    landed, rooted = root_finding.stdin_path(name, roots)
    if not rooted:
        click.echo(
            f"handoff-lint: warning: checked as an ordinary file: no handoff root contains {shown_path(name)}",
            err=True,
        )
    return str(landed)


def _elsewhere(folder: str, roots: frozenset[Path]) -> str:
    """For a folder of a repository that holds no handoff folder: the repository's, if any."""
    top = root_finding.repository_top(folder)
    found = root_finding.repository_roots(top, roots) if top is not None else []
    if not found:
        return ""
    return shown("; the repository's: " + ", ".join(os.path.relpath(root) for root in found), 2000)
