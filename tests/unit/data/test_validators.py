"""The quick checks shipped compiled: current with the schemas, and never used for another schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import VALID_HANDOFF, package_copy, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"


def test_every_shipped_schema_has_its_compiled_check_and_an_edited_one_is_reported(tmp_path):
    """`--check` fails after a schema is edited, until `python -m handoff_lint.data.validators` has
    compiled it again."""

    def check(env=None):
        return subprocess.run(
            [sys.executable, "-m", "handoff_lint.data.validators", "--check"], capture_output=True, text=True, env=env
        )

    assert check().returncode == 0, check().stderr
    site = package_copy(tmp_path)
    schema = site / "handoff_lint" / "schemas" / "response.schema.json"
    data = json.loads(schema.read_text())
    data["required"] = [*data["required"], "x-never-there"]
    schema.write_text(json.dumps(data))
    stale = check({**os.environ, "PYTHONPATH": str(site)})
    assert stale.returncode == 1 and "response.py" in stale.stderr and "handoff.py" not in stale.stderr


def test_a_stricter_edited_schema_is_compiled_not_answered_by_the_shipped_check(tmp_path):
    """The shipped check of the handoff schema would pass this handoff; the edited schema (one
    status word fewer) must not, and says why."""
    site = package_copy(tmp_path)
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (root / "active" / NAME).write_text(VALID_HANDOFF)

    def codes():
        result = run_cli(
            "check",
            "--no-cache",
            "--format",
            "json",
            "--select",
            "HL1",
            ".",
            cwd=tmp_path,
            env={"PYTHONPATH": str(site)},
        )
        assert result.code in (0, 1), result.stderr
        return [f["code"] for f in json.loads(result.stdout)]

    assert codes() == []
    schema = site / "handoff_lint" / "schemas" / "handoff.schema.json"
    data = json.loads(schema.read_text())
    data["properties"]["status"]["enum"].remove("Ready for local model pickup")
    schema.write_text(json.dumps(data))
    assert codes() != []
