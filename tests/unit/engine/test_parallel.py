"""Worker processes give the same findings, in the same order, as one process; the cache they
fill serves the next run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

BENCH = Path(__file__).resolve().parents[3] / "bench" / "generate.py"


def test_workers_agree_with_a_single_process(tmp_path):
    subprocess.run(
        [sys.executable, str(BENCH), "--handoffs", "60", "--out", str(tmp_path / "folder")],
        check=True,
        capture_output=True,
    )
    (tmp_path / "folder" / "notes.md").write_text(
        "see /home/alice/x and token hf_Q7x9LmN2pR4sT6vW8yZ0aB1cD3eF5gH7jK9\n"
    )
    single = run_cli("check", "--format", "json", "--no-cache", "-j", "1", "folder", cwd=tmp_path)
    assert single.code == 1 and len(json.loads(single.stdout)) >= 2
    for args in (
        ["--no-cache", "-j", "2"],
        ["--cache-dir", str(tmp_path / "c"), "-j", "3"],
        ["--cache-dir", str(tmp_path / "c"), "-j", "1"],
    ):
        again = run_cli("check", "--format", "json", *args, "folder", cwd=tmp_path)
        assert (again.code, again.stdout, again.stderr) == (single.code, single.stdout, single.stderr), args
    assert list((tmp_path / "c").glob("cache-*/*.bin"))  # filled by the workers, read by the last run


def test_the_default_uses_only_the_cores_other_work_leaves_idle():
    import os

    from handoff_lint.engine.parallel import workers_for

    cores = os.cpu_count() or 1
    assert workers_for(5000, 3, load=99.0) == 3  # -j N is obeyed, whatever the load
    assert workers_for(5000, 0, load=0.0) == min(cores, 8)  # an idle machine: one per core
    assert workers_for(5000, 0, load=float(cores)) == 1  # every core busy: one process, no pool to start
    assert workers_for(5000, 0, load=0.9) == min(cores, 8)  # this run itself, reading the files, is under 1
    assert workers_for(3, 0, load=0.0) == min(cores, 8, 3)
