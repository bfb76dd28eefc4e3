"""The rule families.

Each module named here has ``KINDS`` (the document kinds it reads, or ``None`` for every text
file), ``check(source, config) -> list[Finding]`` and, when it reads only some files of those
kinds, ``applies(source, config) -> bool`` (privacy: outside handoff folders, markdown only by
default); folder checks (FOLDER_CHECKS) read the
whole handoff root through the folder index instead. The registry pairs each module with its
code prefix so that a module is imported only when the run selects a rule of its family: a run
with ``--select HL2`` never imports jsonschema.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Callable

DOCUMENT_CHECKS: tuple[tuple[str, str], ...] = (
    ("HL1", "handoff_lint.checks.structure"),
    ("HL2", "handoff_lint.checks.privacy"),
    ("HL3", "handoff_lint.checks.credentials"),
    ("HL5", "handoff_lint.checks.references"),
)
# Checks over a whole handoff root (the folder index), with ``check(index, config)``.
FOLDER_CHECKS: tuple[tuple[str, str], ...] = (("HL4", "handoff_lint.checks.lifecycle"),)


def document_checks(wanted: Callable[[str], bool], registry=DOCUMENT_CHECKS) -> list[ModuleType]:
    """The check modules whose family has at least one selected rule."""
    return [importlib.import_module(module) for family, module in registry if wanted(family)]
