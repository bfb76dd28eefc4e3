"""The protocol family end to end: next-larger folders checked against next-larger's schemas,
each folder's own template against its own protocol, a team's own protocol from the
configuration, and the cache keeping one text's answers per protocol."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import VALID_HANDOFF, run_cli

TOP = Path(__file__).resolve().parents[2]
LARGER = TOP / "tests" / "data" / "fidelity" / "next-larger"

LARGER_HANDOFF = """\
# Handoff: Review the scheduler rewrite

**Date**: 2026-11-04
**From**: qwen-2.5-7b (local)
**To**: next-larger (any larger hosted model)
**Priority**: MEDIUM

## Context Summary
The job scheduler was rewritten (6,200 lines changed).

## Task Description
Review it for correctness under concurrent submission.

## Current State/Progress
- First third read

## Blockers/Challenges
- The change does not fit in my context

## Expected Deliverables
1. Review comments

## References/Links
- Pull request 482

---

**Handoff Status**: Ready for pickup
"""


def findings(folder: Path, *paths: str, env: dict | None = None) -> list[tuple[str, int, str]]:
    result = run_cli("check", "--format", "json", *paths, cwd=folder, env=env)
    assert result.code in (0, 1), result.stderr
    return sorted((f["path"], f["line"], f["code"]) for f in json.loads(result.stdout))


def test_each_folder_is_checked_by_its_own_protocol_and_its_own_template(tmp_path):
    models = tmp_path / "models"
    for name in ("next-local", "next-larger"):
        for place in ("active", "responses", "archive"):
            (models / name / place).mkdir(parents=True)
    shutil.copy(LARGER / "handoff-template.md", models / "next-larger" / "handoff-template.md")
    (models / "next-larger" / "active" / "handoff-2026-11-04-review-the-scheduler.md").write_text(LARGER_HANDOFF)
    (models / "next-local" / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(
        VALID_HANDOFF.replace("- [nightly logs](../../../logs/README.md)", "- logs/nightly/")
    )
    assert findings(tmp_path, "models") == []
    # the other protocol's document in each folder: the title, its sections and fields are wrong there
    (models / "next-larger" / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(
        (models / "next-local" / "active" / "handoff-2026-11-02-extract-error-patterns.md").read_text()
    )
    (models / "next-local" / "active" / "handoff-2026-11-04-review-the-scheduler.md").write_text(LARGER_HANDOFF)
    codes = [(path.split("/")[1], code) for path, _line, code in findings(tmp_path, "models")]
    assert ("next-larger", "HL105") in codes and (
        "next-larger",
        "HL113",
    ) in codes  # no Blockers/Challenges; Constraints is not its field
    assert ("next-local", "HL101") in codes and ("next-local", "HL102") in codes  # no Constraints
    # the cache (on in these tests) keeps each text's answer per protocol: the same text in both
    # folders, checked again, still differs
    again = [(path.split("/")[1], code) for path, _line, code in findings(tmp_path, "models")]
    assert again == codes


def test_a_next_larger_template_in_a_folder_of_another_name_is_known_by_its_title(tmp_path):
    root = tmp_path / "docs" / "escalations"
    (root / "active").mkdir(parents=True)
    (root / "archive").mkdir()
    shutil.copy(LARGER / "handoff-template.md", root / "handoff-template.md")
    (root / "active" / "handoff-2026-11-04-review-the-scheduler.md").write_text(LARGER_HANDOFF)
    assert findings(tmp_path, "docs") == []


def test_a_teams_own_protocol_from_the_configuration(tmp_path):
    schema = json.loads(run_cli("schema", "next-larger-handoff").stdout)
    schema["properties"]["sections"]["required"].append("Rollback Plan")
    schema["properties"]["sections"]["properties"]["Rollback Plan"] = {"$ref": "#/$defs/text"}
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "review-handoff.schema.json").write_text(json.dumps(schema))
    (tmp_path / ".handoff-lint.toml").write_text(
        '[protocols.review]\nfolders = ["review-*"]\nhandoff = "schemas/review-handoff.schema.json"\n'
        'response = "next-larger-response"\n'
    )
    root = tmp_path / "review-queue"
    for place in ("active", "archive"):
        (root / place).mkdir(parents=True)
    document = root / "active" / "handoff-2026-11-04-review-the-scheduler.md"
    document.write_text(LARGER_HANDOFF)
    assert [code for _path, _line, code in findings(tmp_path, "review-queue")] == ["HL105"]
    document.write_text(
        LARGER_HANDOFF.replace("- Pull request 482\n", "- Pull request 482\n\n## Rollback Plan\nRevert the merge.\n")
    )
    assert findings(tmp_path, "review-queue") == []
    # the team's schema is part of the cache's salt: an edit to it is seen at once
    schema["properties"]["sections"]["required"].append("Sign-off")
    (tmp_path / "schemas" / "review-handoff.schema.json").write_text(json.dumps(schema))
    assert [code for _path, _line, code in findings(tmp_path, "review-queue")] == ["HL105"]


def test_a_bad_protocol_in_the_configuration_exits_2_naming_the_file_and_key(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    (tmp_path / "bad.json").write_text('{"properties": {}}')
    cases = {
        '[protocols.review]\nfolders = ["x"]\nhandoff = "missing.json"\n': "missing.json",
        '[protocols.review]\nfolders = ["x"]\nhandoff = "bad.json"\n': "not a document schema",
        '[protocols.review]\nfolders = ["x"]\nhandoff = "handof"\n': "protocols.review.handoff",
        '[protocols.review]\nfolders = ["x"]\nhandoff = "handoff"\ntemplate-title = "(unclosed"\n': (
            "protocols.review.template-title"
        ),
        '[protocols.review]\nhandoff = "handoff"\n': "folders",
        '[protocols.Review]\nfolders = ["x"]\nhandoff = "handoff"\n': "protocols",
    }
    for text, named in cases.items():
        (tmp_path / ".handoff-lint.toml").write_text(text)
        result = run_cli("check", "notes.md", cwd=tmp_path)
        assert result.code == 2 and ".handoff-lint.toml" in result.stderr and named in result.stderr, (
            text,
            result.stderr,
        )


def test_the_schema_command_prints_next_larger_schemas():
    for name in ("next-larger-handoff", "next-larger-response"):
        result = run_cli("schema", name)
        assert result.code == 0 and json.loads(result.stdout)["title"] == name.replace("-handoff", " handoff").replace(
            "-response", " response"
        )
