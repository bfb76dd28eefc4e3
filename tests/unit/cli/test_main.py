"""The command's process: it ends without tearing the interpreter down, yet with all its output,
its exit code, and every function registered to run at exit."""

from __future__ import annotations

import json
import os

from conftest import VALID_HANDOFF, run_cli


def many_findings(root, count: int = 300) -> None:
    for number in range(count):
        (root / "active" / f"handoff-2026-11-{1 + number % 28:02d}-task-{number}.md").write_text(
            f"{VALID_HANDOFF}\nNotes: /home/alice{number}/notes.txt\n"
        )


def test_a_run_ends_with_all_its_output_and_its_exit_code(handoff_root, tmp_path):
    """Far more output than a pipe's buffer, to a pipe: nothing is lost when the process ends."""
    many_findings(handoff_root)
    report = tmp_path / "report.json"
    piped = run_cli("check", "--jobs", "1", "--no-cache", "--format", "json", ".", cwd=handoff_root)
    assert piped.code == 1 and not piped.stderr
    assert len(piped.stdout) > 100_000  # a pipe holds 64 KiB
    run_cli(
        "check", "--jobs", "1", "--no-cache", "--format", "json", "--output-file", str(report), ".", cwd=handoff_root
    )
    assert json.loads(piped.stdout) == json.loads(report.read_text())


def test_functions_registered_to_run_at_exit_still_run(handoff_root, tmp_path):
    """Code loaded into the process (here through sitecustomize) may register an exit function:
    the process then exits as Python does, and runs it."""
    many_findings(handoff_root, 3)
    marker = tmp_path / "ran"
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        f"import atexit\natexit.register(lambda: open({str(marker)!r}, 'w').close())\n"
    )
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    result = run_cli("check", "--jobs", "1", "--no-cache", ".", cwd=handoff_root, env={"PYTHONPATH": path})
    assert result.code == 1 and "HL201" in result.stdout
    assert marker.exists()
