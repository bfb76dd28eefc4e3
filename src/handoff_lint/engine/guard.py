"""What in the configuration weakens the privacy and credential guard (HL2, HL3), said every run.

A repository's configuration file can be edited by the same pull request as its handoffs, so a
setting that switches a privacy or credential rule off, makes one a warning, lets every comment
hide them, or keeps files of a handoff folder from being checked is never silent: each is one
note naming the file and the key (the command line prints it on standard error; SARIF carries
it as a tool configuration notification). What the command line chose (``--select HL1``) is the
user's own choice, not the file's, and is not named.
"""

from __future__ import annotations

import os
from pathlib import Path

from handoff_lint.data.catalogue import catalogue, is_selected
from handoff_lint.data.config import Config
from handoff_lint.engine.suppress import PROTECTED
from handoff_lint.findings import printable
from handoff_lint.model.kinds import classify, configured, display_path
from handoff_lint.show import shown

OFF = "those privacy and credential rules do not run"


def protected_codes() -> list[str]:
    return [code for code in catalogue() if code.startswith(PROTECTED)]


def shorten(codes: list[str]) -> str:
    """``HL3`` for every credential rule, else the codes one by one."""
    every = protected_codes()
    parts = []
    for family in PROTECTED:
        mine = [code for code in codes if code.startswith(family)]
        whole = [code for code in every if code.startswith(family)]
        if mine and mine == whole:
            parts.append(family)
        else:
            parts.extend(mine)
    return ", ".join(parts)


def covers_protected(prefixes) -> bool:
    """Do these rule codes or prefixes (``ALL``, ``HL``, ``HL3``, ``HL301``) take in an HL2/HL3 rule?"""
    return any(
        prefix == "ALL"
        or PROTECTED[0].startswith(prefix)
        or PROTECTED[1].startswith(prefix)
        or prefix.startswith(PROTECTED)
        for prefix in prefixes
    )


class Guard:
    """Collects, over one run, the notes about a configuration that weakens the guard."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.source = "" if config.source is None else printable(display_path(Path(config.source)))
        selected = [code for code in protected_codes() if is_selected(code, config.select, config.ignore)]
        self.active = bool(selected)  # a run that checks no HL2/HL3 rule (--select HL1) has no guard to weaken
        self.excluded: str | None = None  # a file of a handoff folder that `exclude` left out
        # per-file-ignores pattern -> (its codes, a file of a handoff folder it matches)
        self.ignored: dict[str, tuple[tuple[str, ...], str]] = {}

    def watch_exclusion(self, excluded):
        """``excluded``, remembering the first file it leaves out that lies in a handoff folder."""
        if excluded is None or self.config.source is None or not self.active:
            return excluded

        def watched(path) -> bool:
            if not excluded(path):
                return False
            if self.excluded is None and classify(Path(path), configured(self.config))[1] is not None:
                self.excluded = printable(display_path(Path(os.fspath(path))))
            return True

        return watched

    def watch_files(self, files) -> None:
        """Note the per-file-ignores entries that switch off an HL2/HL3 rule for a file of the run
        that lies in a handoff folder."""
        config = self.config
        if not config.per_file_ignores or config.source is None or not self.active:
            return
        for file in files:
            if file.root is None:
                continue
            for pattern, codes in config.paths.ignoring(file.display):
                if pattern not in self.ignored and covers_protected(codes):
                    self.ignored[pattern] = (codes, file.display)
            if len(self.ignored) == len(config.per_file_ignores):
                return

    def notes(self) -> list[str]:
        """One line per weakening key, each naming the file and the key, as it may be shown (a
        file name it quotes went through no credential scan: the Show seam's detectors see it)."""
        return [shown(note, 2000) for note in self._notes()]

    def _notes(self) -> list[str]:
        config = self.config
        if config.source is None or not self.active and config.file_selection is None:
            return []
        where = self.source
        found = []
        if config.file_selection is not None:
            select, ignore = config.file_selection
            left_out = [code for code in protected_codes() if not is_selected(code, select, [])]
            ignored = [
                code for code in protected_codes() if code not in left_out and not is_selected(code, select, ignore)
            ]
            if left_out:
                found.append(f"{where}: select leaves out {shorten(left_out)}: {OFF}")
            if ignored:
                found.append(f"{where}: ignore switches off {shorten(ignored)}: {OFF}")
        if not self.active:
            return found
        downgraded = [
            code
            for code in protected_codes()
            if config.severity.get(code) == "warning"
            and catalogue()[code].severity == "error"
            and is_selected(code, config.select, config.ignore)
        ]
        if downgraded:
            found.append(f"{where}: severity makes {shorten(downgraded)} a warning: such a finding fails no run")
        for pattern, (codes, example) in self.ignored.items():
            found.append(
                f"{where}: per-file-ignores switches off {', '.join(codes)} for {printable(repr(pattern))}, "
                f"which matches files in a handoff folder (such as {example})"
            )
        if self.excluded is not None:
            found.append(
                f"{where}: exclude leaves out files in a handoff folder (such as {self.excluded}): "
                "they are not checked at all"
            )
        if "ALL" in config.inline_suppress:
            found.append(
                f'{where}: inline-suppress = ["ALL"] lets any suppression comment (disable-file, a disable '
                "range) hide privacy and credential findings"
            )
        return found
