"""--baseline: secrets a real detect-secrets baseline lists are not reported again."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

KEYWORD_LINE = 'password = "Zq8Lp0Wm4Nr2Tx"'
AWS_LINE = "aws_access_key_id = AKIAZ7Q3R5T2W8Y4U6P1"


def detect_secrets_scan(folder: Path) -> Path:
    """Run the real `detect-secrets scan` and write its baseline, as a user would."""
    tool = Path(sys.executable).with_name("detect-secrets")
    command = [str(tool)] if tool.exists() else [sys.executable, "-m", "detect_secrets"]
    done = subprocess.run([*command, "scan", "--all-files"], cwd=folder, capture_output=True, text=True, check=True)
    baseline = folder / ".secrets.baseline"
    baseline.write_text(done.stdout)
    return baseline


def test_real_baseline_silences_its_secrets_but_not_new_ones(tmp_path):
    (tmp_path / "notes.md").write_text(f"{KEYWORD_LINE}\n\n{AWS_LINE}\n")
    baseline = detect_secrets_scan(tmp_path)
    assert json.loads(baseline.read_text())["results"], "detect-secrets found nothing to baseline"
    before = run_cli("check", "--select", "HL3", "notes.md", cwd=tmp_path)
    assert (
        before.code == 1 and "HL304" in before.stdout and "HL301" in before.stdout
    )  # the AWS key: our own pattern now
    after = run_cli("check", "--select", "HL3", "--baseline", ".secrets.baseline", "notes.md", cwd=tmp_path)
    assert after.code == 0, after.stdout
    # a new secret added after the audit is still reported, even on a moved line
    (tmp_path / "notes.md").write_text(f'intro\n{KEYWORD_LINE}\n\n{AWS_LINE}\npassword = "Nw9Kx2Qp7Lm4Rt"\n')
    again = run_cli("check", "--select", "HL3", "--baseline", ".secrets.baseline", "notes.md", cwd=tmp_path)
    assert again.code == 1 and [line.split(":")[1] for line in again.stdout.splitlines() if "HL3" in line] == ["5"]


def test_hand_audited_entry_silences_our_own_token_rules(tmp_path):
    token = "hf_" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2"[:34]
    (tmp_path / "notes.md").write_text(f"HF_TOKEN={token}\n")
    entry = {
        "type": "Hugging Face",
        "filename": "notes.md",
        "hashed_secret": hashlib.sha1(token.encode()).hexdigest(),
        "line_number": 1,
    }
    (tmp_path / "b.json").write_text(json.dumps({"results": {"notes.md": [entry]}}))
    assert run_cli("check", "--select", "HL3", "notes.md", cwd=tmp_path).code == 1
    assert run_cli("check", "--select", "HL3", "--baseline", "b.json", "notes.md", cwd=tmp_path).code == 0


def test_bad_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    (tmp_path / "b.json").write_text("{not json")
    result = run_cli("check", "--baseline", "b.json", "notes.md", cwd=tmp_path)
    assert result.code == 2 and "b.json" in result.stderr and "Traceback" not in result.stderr


def test_real_baseline_of_every_kind_we_detect(tmp_path):
    """One secret of each kind we detect, audited by the real `detect-secrets scan`: every line
    detect-secrets put in its baseline is silenced (it stores the hash of what its plugin's
    regex captured: `ghp` of a GitHub token, the header of a private key), the others are not."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "samples", Path(__file__).parents[1] / "checks" / "test_credentials.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    SAMPLES = module.SAMPLES  # one well-formed sample per detector

    names = sorted(SAMPLES)
    (tmp_path / "notes.md").write_text("".join(f"{SAMPLES[name]}\n" for name in names))
    # more kinds than one rule reports in one file by default (the rest become one summary)
    (tmp_path / ".handoff-lint.toml").write_text("max-findings-per-rule = 1000\n")
    baseline = detect_secrets_scan(tmp_path)
    audited = {entry["line_number"] for entry in json.loads(baseline.read_text())["results"].get("notes.md", [])}
    assert len(audited) >= 30, "detect-secrets knows most of these kinds"

    def reported(*extra):
        result = run_cli("check", "--select", "HL3", "--format", "json", *extra, "notes.md", cwd=tmp_path)
        return {finding["line"] for finding in json.loads(result.stdout)}

    before = reported()
    assert before == set(range(1, len(names) + 1)), "every kind is reported without a baseline"
    after = reported("--baseline", ".secrets.baseline")
    still = {names[line - 1] for line in after & audited}
    assert not still, f"audited by detect-secrets but reported again: {sorted(still)}"
    assert after == before - audited
