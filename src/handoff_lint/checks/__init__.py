"""The rule families.

Each document check (DOCUMENT_CHECKS) has ``KINDS`` (the document kinds it reads, or ``None``
for every text file), ``check(source, config) -> list[Finding]`` and, when it reads only some
files of those kinds, ``applies(source, config) -> bool`` (privacy: outside handoff folders,
markdown only by default); a folder check (FOLDER_CHECKS) has ``check(index, config, only=None,
names=None) -> list[Finding]`` and reads the whole handoff root through the folder index
(model/index.py), ``only(display)`` choosing the documents it reports on (``names``: the file
names of the only documents it can choose, when the run knows them); a file check (FILE_CHECKS) reads what is
no document: ``check_file_names(displays, found)`` (the run's file names, ``found`` their
credential hits, scanned once by the engine) and ``check_binary(display, data) -> (findings,
secrets)`` (a binary file a walk found). The registry pairs each module with its
code prefix so that a module is imported only when the run selects a rule of its family
(engine/checkset.py): a run with ``--select HL2`` never imports jsonschema.
"""

from __future__ import annotations

DOCUMENT_CHECKS: tuple[tuple[str, str], ...] = (
    ("HL1", "handoff_lint.checks.structure"),
    ("HL2", "handoff_lint.checks.privacy"),
    ("HL3", "handoff_lint.checks.credentials"),
    ("HL5", "handoff_lint.checks.references"),
)
# Checks over a whole handoff root (the folder index), with ``check(index, config, only, names)``.
FOLDER_CHECKS: tuple[tuple[str, str], ...] = (("HL4", "handoff_lint.checks.lifecycle"),)
# Checks of what is no document: the run's file names and its binary files.
FILE_CHECKS: tuple[tuple[str, str], ...] = (("HL3", "handoff_lint.checks.credentials"),)
