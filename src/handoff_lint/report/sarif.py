"""SARIF 2.1.0, as GitHub code scanning accepts it."""

from __future__ import annotations

import json
from urllib.parse import quote

from handoff_lint import __version__
from handoff_lint.data.catalogue import catalogue

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning"}


def document(findings) -> dict:
    rules = list(catalogue().values())
    index = {rule.code: position for position, rule in enumerate(rules)}
    return {
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
                                "fullDescription": {"text": rule.explanation.strip()},
                                "help": {"text": f"{rule.explanation.strip()}\n\nExample:\n{rule.example}\n\nFix:\n{rule.fix}".strip()},
                                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": f.code,
                        "ruleIndex": index[f.code],
                        "level": LEVEL[f.severity],
                        "message": {"text": f.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    # a URI reference: spaces and non-ASCII names percent-encoded
                                    "artifactLocation": {"uri": quote(f.path, safe="/")},
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                    }
                    for f in findings
                ],
            }
        ],
    }


def render(findings, stream, *, color: bool = False) -> None:
    json.dump(document(findings), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
