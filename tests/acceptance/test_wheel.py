"""The schemas and rule data ship inside the wheel: an installed (non-editable) copy finds them
from any working directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VALID_HANDOFF

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (REPO / "pyproject.toml").exists(), reason="needs the source tree")
def test_installed_wheel_finds_its_data_from_another_directory(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], check=True, capture_output=True
    )
    (wheel,) = dist.glob("handoff_lint-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    assert (target / "handoff_lint" / "schemas" / "handoff.schema.json").is_file()
    assert sorted(p.name for p in (target / "handoff_lint" / "rules").glob("HL1*.toml"))
    assert {p.name for p in (target / "handoff_lint" / "hooks").iterdir()} >= {
        "pre-commit",
        "pre-push",
    }  # install-hook's

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "active").mkdir(parents=True)
    (elsewhere / "archive").mkdir()
    (elsewhere / "active" / "handoff-2026-11-02-x.md").write_text(VALID_HANDOFF.replace("MEDIUM", "SOON"))
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import handoff_lint.data.resources as r; print(r.data_dir('schemas'))"
    where = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert Path(where.stdout.strip()).is_relative_to(target)
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "--format", "json", "--select", "HL1", "."],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert [f["code"] for f in json.loads(done.stdout)] == ["HL103"]
