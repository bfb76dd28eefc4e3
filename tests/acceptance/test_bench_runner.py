"""bench/run.py runs the real tools on generated folders and reports every one it could run.

These tests say nothing about speed: only that the runner measures what it claims to. gitleaks is
not a test dependency, so no test needs it.
"""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parents[2] / "bench" / "run.py"
GENERATOR = RUNNER.with_name("generate.py")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not RUNNER.exists(), reason="needs the source tree")]


def run_bench(*args: str, json_output: bool = True) -> dict | str:
    done = subprocess.run(
        [sys.executable, str(RUNNER), *args, *(["--json"] if json_output else [])],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if json_output else done.stdout


def generate(*args: str) -> None:
    subprocess.run([sys.executable, str(GENERATOR), *args], check=True, capture_output=True)


def test_folder_mode_times_handoff_lint_and_detect_secrets():
    report = run_bench(
        "--handoffs", "20", "--runs", "1", "--style", "synthetic", "--tools", "handoff-lint,detect-secrets"
    )
    assert list(report["styles"]) == ["synthetic"]
    folder = report["styles"]["synthetic"]
    tools = folder["tools"]
    assert set(tools) == {"handoff-lint", "detect-secrets"}
    for result in tools.values():
        assert result["median_s"] > 0
        assert result["peak_rss_mib"] > 0
        assert len(result["samples_s"]) == 1
    assert tools["handoff-lint"]["ratio"] == 1.0
    assert tools["handoff-lint"]["exit_codes"] == [0]  # the generated folder is clean
    medians = tools["handoff-lint"]["median_s"] / tools["detect-secrets"]["median_s"]
    assert folder["versus"]["detect-secrets"] == pytest.approx(medians, rel=0.01)
    assert report["machine"]["cores"] >= 1
    assert folder["folder"]["files"] > 20
    assert folder["folder"]["gates"]["gated"] == 0  # no line of the synthetic folder passes a credential gate


def test_both_styles_by_default_side_by_side():
    text = run_bench("--handoffs", "12", "--runs", "1", "--tools", "handoff-lint,detect-secrets", json_output=False)
    assert "== synthetic:" in text and "== real:" in text
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.startswith(("synthetic ", "real "))}
    assert set(rows) == {"synthetic", "real"}
    assert rows["synthetic"][3] == "0.00%"
    assert 2.5 <= float(rows["real"][3].rstrip("%")) <= 3.5
    assert rows["real"][5] == "-" and rows["real"][6].endswith("x")  # no gitleaks asked for; detect-secrets ratio


def test_real_style_alone_reports_its_gate_share():
    report = run_bench("--handoffs", "15", "--runs", "1", "--style", "real", "--tools", "handoff-lint")
    assert list(report["styles"]) == ["real"]
    assert 0.025 <= report["styles"]["real"]["folder"]["gates"]["share"] <= 0.035
    assert report["styles"]["real"]["tools"]["handoff-lint"]["median_s"] > 0


def test_an_unknown_style_is_a_usage_error():
    done = subprocess.run(
        [sys.executable, str(RUNNER), "--style", "synthetic,imaginary"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--style: unknown imaginary" in done.stderr


def test_missing_gitleaks_is_skipped_with_a_note(tmp_path):
    report = run_bench(
        "--handoffs",
        "3",
        "--runs",
        "1",
        "--style",
        "synthetic",
        "--tools",
        "handoff-lint,gitleaks",
        "--gitleaks",
        str(tmp_path / "no-such-gitleaks"),
    )
    folder = report["styles"]["synthetic"]
    assert set(folder["tools"]) == {"handoff-lint"}
    assert "no-such-gitleaks" in folder["skipped"]["gitleaks"]
    assert folder["versus"] == {}


def test_hook_file_mode_runs_each_hook_on_one_handoff():
    report = run_bench(
        "--handoffs",
        "3",
        "--runs",
        "2",
        "--style",
        "synthetic",
        "--hook-file",
        "--tools",
        "handoff-lint,detect-secrets",
    )
    assert report["mode"] == "hook-file"
    hook = report["styles"]["synthetic"]
    assert Path(hook["file"]).name.startswith("handoff-")
    assert hook["tools"]["detect-secrets"]["command"][0].endswith("detect-secrets-hook")
    assert [len(result["samples_s"]) for result in hook["tools"].values()] == [2, 2]


def test_hook_file_mode_passes_over_a_handoff_with_a_secret(tmp_path):
    """The handoff timed as a commit's is a clean one: in a folder whose first active handoff
    holds a secret (as the real-style folder's seeded ones do), the next one is taken."""
    folder = tmp_path / "folder"
    generate("--handoffs", "12", "--out", str(folder))
    first, *others = sorted((folder / "models" / "next-local" / "active").iterdir())
    assert others
    token = "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("## Task Description\n", f"## Task Description\nMirror: {token}\n"), encoding="utf-8")
    report = run_bench("--folder", str(folder), "--runs", "1", "--hook-file", "--tools", "handoff-lint")
    hook = report["styles"]["given"]
    assert Path(hook["file"]) == others[0]
    assert hook["tools"]["handoff-lint"]["exit_codes"] == [0]


def test_growth_mode_reports_time_per_file_for_each_size():
    report = run_bench("--growth", "3,6", "--runs", "1", "--style", "synthetic,real")
    assert list(report["styles"]) == ["synthetic", "real"]
    for style in report["styles"].values():
        assert [row["handoffs"] for row in style["sizes"]] == [3, 6]
        for row in style["sizes"]:
            assert row["files"] > row["handoffs"]
            assert row["ms_per_file"] > 0 and row["peak_rss_mib"] > 0


def test_the_edited_run_changes_a_copy_never_the_folder_benchmarked(tmp_path):
    folder = tmp_path / "folder"
    generate("--style", "real", "--handoffs", "3", "--out", str(folder))
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    report = run_bench(
        "--folder", str(folder), "--runs", "2", "--tools", "handoff-lint,handoff-lint-warm,handoff-lint-edited"
    )
    tools = report["styles"]["given"]["tools"]
    assert [len(result["samples_s"]) for result in tools.values()] == [2, 2, 2]
    edited = tools["handoff-lint-edited"]["command"][-1]
    assert Path(edited) != folder and not Path(edited).exists()  # a copy, removed at the end
    assert tools["handoff-lint-warm"]["command"][2] != tools["handoff-lint-edited"]["command"][2]  # caches of their own
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
