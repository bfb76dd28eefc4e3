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


def test_the_default_uses_one_worker_per_core_it_may_run_on():
    import os

    from handoff_lint.engine.parallel import workers_for

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    assert workers_for(5000, 3) == 3  # -j N is obeyed
    assert workers_for(5000, 0) == min(cores, 8)  # one per core, however busy the last minute was
    assert workers_for(3, 0) == min(cores, 8, 3)  # never more workers than texts


def test_a_secret_in_a_file_name_is_hidden_alike_by_workers_one_process_and_the_cache(tmp_path):
    """The run scans every file name once and hands each text its name's secrets: the workers
    get them too, and neither the output nor the cache shows the name's token."""
    import random
    import string

    subprocess.run(
        [sys.executable, str(BENCH), "--handoffs", "30", "--out", str(tmp_path / "folder")],
        check=True,
        capture_output=True,
    )
    secret = "ghp_" + "".join(random.Random(5).choices(string.ascii_letters + string.digits, k=36))
    named = f"notes-{secret}.md"
    # a home folder named after the token's body: HL201 quotes it, and only the name's secrets
    # (the text's own scan finds no token there) redact it in what the cache keeps
    (tmp_path / "folder" / named).write_text(f"see /home/{secret[4:].lower()}/x\n")
    single = run_cli("check", "--format", "json", "--no-cache", "-j", "1", "folder", cwd=tmp_path)
    assert single.code == 1 and any(f["code"] == "HL306" for f in json.loads(single.stdout))
    for args in (["--no-cache", "-j", "2"], ["--cache-dir", str(tmp_path / "c"), "-j", "2"]):
        again = run_cli("check", "--format", "json", *args, "folder", cwd=tmp_path)
        assert (again.code, again.stdout, again.stderr) == (single.code, single.stdout, single.stderr), args
    for shown in [single.stdout, single.stderr] + [
        p.read_bytes().decode("latin-1") for p in (tmp_path / "c").rglob("*") if p.is_file()
    ]:
        assert secret not in shown and secret[4:].lower() not in shown
