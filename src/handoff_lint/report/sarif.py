"""SARIF 2.1.0, as GitHub code scanning accepts it. A finding a suppression comment hides is a
result with ``suppressions: [{"kind": "inSource", "justification": …}]`` (code scanning shows it
as suppressed); every other result has ``suppressions: []`` (SARIF: known not to be suppressed).
A configuration that weakens the guard is said in ``invocations[0].toolConfigurationNotifications``."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from handoff_lint import __version__
from handoff_lint.data.catalogue import catalogue
from handoff_lint.git import work_tree
from handoff_lint.show import redacted

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning"}


_ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})")


def uri(path: str) -> str:
    """The URI of the file a finding's path names: the path is shown escaped (``\\x0a``,
    ``\\xff``: findings.printable), so the escapes are undone to the real name's bytes, which are
    then percent-encoded (percent-encoding the escape text named a file that does not exist)."""
    data = bytearray()
    position = 0
    for match in _ESCAPE.finditer(path):
        data += path[position : match.start()].encode("utf-8", "surrogateescape")
        byte, short, long = match.groups()
        data += bytes([int(byte, 16)]) if byte else chr(int(short or long, 16)).encode("utf-8", "surrogatepass")
        position = match.end()
    data += path[position:].encode("utf-8", "surrogateescape")
    return quote(bytes(data), safe="/")


BASE = "%SRCROOT%"  # the repository's top: code scanning resolves a result's file against it


def _prefix() -> str:
    """Where the working folder lies in the repository (``docs/`` when run from ``docs``), so
    that a path relative to the working folder becomes one relative to the repository's top;
    empty outside a repository. The top's own absolute path is never written: it names the
    machine's user."""
    import os
    from pathlib import Path

    here = Path.cwd()
    top = work_tree(here)
    if top is None:
        return ""
    relative = os.path.relpath(os.path.realpath(here), os.path.realpath(top)).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def document(findings, notes=()) -> dict:
    rules = list(catalogue().values())
    index = {rule.code: position for position, rule in enumerate(rules)}
    prefix = _prefix() if findings else ""
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "handoff-lint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/handoff-lint/",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                # the rules' examples hold made-up keys: a report shows none in full
                                "fullDescription": {"text": redacted(rule.explanation.strip())},
                                "help": {
                                    "text": redacted(
                                        f"{rule.explanation.strip()}\n\nExample:\n{rule.example}\n\nFix:\n{rule.fix}".strip()
                                    )
                                },
                                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "utf16CodeUnits",
                "originalUriBaseIds": {BASE: {"description": {"text": "the top of the repository checked"}}},
                "results": [result(f, index, prefix) for f in findings],
            }
        ],
    }
    if notes:
        log["runs"][0]["invocations"] = [
            {
                "executionSuccessful": True,
                "toolConfigurationNotifications": [{"level": "warning", "message": {"text": note}} for note in notes],
            }
        ]
    return log


def result(f, index: dict, prefix: str = "") -> dict:
    """One finding as a SARIF result; a finding of ``history`` carries its commit (as gitleaks'
    SARIF does, in ``partialFingerprints``: GitHub keeps findings of two commits apart) and the
    commit's date and whether the tip no longer holds it in ``properties``."""
    found = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    # a URI reference: spaces and non-ASCII names percent-encoded
                    "artifactLocation": {"uri": uri(_from_top(prefix, f.path)), "uriBaseId": BASE},
                    "region": {"startLine": f.line, "startColumn": f.column16 or f.column},
                }
            }
        ],
        "suppressions": [{"kind": "inSource", "justification": f.suppressed}] if f.suppressed else [],
    }
    if f.commit:
        found["partialFingerprints"] = {"commitSha": f.commit}
        found["properties"] = {"commit": f.commit, "commitDate": f.commit_date, "removedLater": f.removed_later}
    return found


def _from_top(prefix: str, path: str) -> str:
    """``path`` (relative to the working folder, ``/`` separators) relative to the top."""
    import posixpath

    if not prefix:
        return path
    joined = posixpath.normpath(prefix + path)
    return path if joined.startswith("../") else joined


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    json.dump(document(findings, notes), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
