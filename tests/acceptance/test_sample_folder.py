"""The README's first command runs on examples/next-local: its findings are exactly the defects
that examples/DEFECTS.md lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="needs the source tree")
def test_sample_folder_findings_match_defects_table():
    rows = re.findall(
        r"^\| (active/\S+|archive/\S+|responses/\S+) \| (\d+) \| (HL\d{3}) \|",
        (EXAMPLES / "DEFECTS.md").read_text(),
        re.M,
    )
    expected = sorted((f"next-local/{path}", int(line), code) for path, line, code in rows)
    assert len(expected) >= 6
    result = run_cli("check", "--format", "json", "next-local", cwd=EXAMPLES, env={"HANDOFF_LINT_TODAY": "2026-11-24"})
    assert result.code == 1, result.stderr
    found = sorted((f["path"], f["line"], f["code"]) for f in json.loads(result.stdout))
    assert found == expected
