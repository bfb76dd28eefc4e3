"""The benchmark's generated folder is valid protocol: handoff-lint finds nothing in it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


@pytest.mark.skipif(not GENERATOR.exists(), reason="needs the source tree")
def test_generated_folder_is_clean(tmp_path):
    spec = importlib.util.spec_from_file_location("generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--handoffs", "40", "--out", str(tmp_path)]) == 0
    files = list((tmp_path / "models" / "next-local").rglob("*.md"))
    assert len(files) > 40
    result = run_cli("check", str(tmp_path))
    assert result.code == 0, result.stdout
