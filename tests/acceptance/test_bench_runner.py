"""bench/run.py runs the real tools on a generated folder and reports every one it could run.

These tests say nothing about speed: only that the runner measures what it claims to. gitleaks is
not a test dependency, so no test needs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parents[2] / "bench" / "run.py"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not RUNNER.exists(), reason="needs the source tree")]


def run_bench(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(RUNNER), *args, "--json"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_folder_mode_times_handoff_lint_and_detect_secrets():
    report = run_bench("--handoffs", "20", "--runs", "1", "--tools", "handoff-lint,detect-secrets")
    tools = report["tools"]
    assert set(tools) == {"handoff-lint", "detect-secrets"}
    for result in tools.values():
        assert result["median_s"] > 0
        assert result["peak_rss_mib"] > 0
        assert len(result["samples_s"]) == 1
    assert tools["handoff-lint"]["ratio"] == 1.0
    assert tools["handoff-lint"]["exit_codes"] == [0]  # the generated folder is clean
    assert report["machine"]["cores"] >= 1
    assert report["folder"]["files"] > 20


def test_missing_gitleaks_is_skipped_with_a_note(tmp_path):
    report = run_bench("--handoffs", "3", "--runs", "1", "--tools", "handoff-lint,gitleaks",
                       "--gitleaks", str(tmp_path / "no-such-gitleaks"))
    assert set(report["tools"]) == {"handoff-lint"}
    assert "no-such-gitleaks" in report["skipped"]["gitleaks"]


def test_hook_file_mode_runs_each_hook_on_one_handoff():
    report = run_bench("--handoffs", "3", "--runs", "2", "--hook-file", "--tools", "handoff-lint,detect-secrets")
    assert report["mode"] == "hook-file"
    assert Path(report["file"]).name.startswith("handoff-")
    assert report["tools"]["detect-secrets"]["command"][0].endswith("detect-secrets-hook")
    assert [len(result["samples_s"]) for result in report["tools"].values()] == [2, 2]


def test_growth_mode_reports_time_per_file_for_each_size():
    report = run_bench("--growth", "3,6", "--runs", "1")
    assert [row["handoffs"] for row in report["sizes"]] == [3, 6]
    for row in report["sizes"]:
        assert row["files"] > row["handoffs"]
        assert row["ms_per_file"] > 0 and row["peak_rss_mib"] > 0


def test_the_edited_run_changes_a_copy_never_the_folder_benchmarked(tmp_path):
    folder = tmp_path / "folder"
    subprocess.run([sys.executable, str(RUNNER.with_name("generate.py")), "--handoffs", "3", "--out", str(folder)], check=True, capture_output=True)
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    report = run_bench("--folder", str(folder), "--runs", "2", "--tools", "handoff-lint,handoff-lint-warm,handoff-lint-edited")
    assert [len(result["samples_s"]) for result in report["tools"].values()] == [2, 2, 2]
    edited = report["tools"]["handoff-lint-edited"]["command"][-1]
    assert Path(edited) != folder and not Path(edited).exists()  # a copy, removed at the end
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
