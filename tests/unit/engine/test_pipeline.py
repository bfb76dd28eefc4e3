"""pipeline.run: the files that are no text (a binary file a walk finds, the run's file names) go
through the file checks the run selected, and the run's counts say what was checked."""

from __future__ import annotations

import random
import string

from conftest import run_cli


def fake_token() -> str:
    return "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))


def test_a_key_behind_a_nul_byte_in_a_walked_binary_file_is_found_and_never_shown(handoff_root):
    token = fake_token()
    (handoff_root / "active" / "blob.bin").write_bytes(b"\x00\x01\x02header\n" + f"GITHUB_TOKEN={token}\n".encode())
    result = run_cli("check", "--format", "json", "--no-cache", str(handoff_root), cwd=handoff_root.parent.parent)
    assert result.code == 1
    assert token not in result.stdout + result.stderr and token[4:20] not in result.stdout + result.stderr
    assert '"code": "HL301"' in result.stdout and "in a binary file" in result.stdout


def test_without_the_credential_rules_a_walked_binary_file_is_skipped_quietly(handoff_root):
    (handoff_root / "active" / "blob.bin").write_bytes(b"\x00\x01binary")
    base = handoff_root.parent.parent
    selected = run_cli("check", "--select", "HL2", "--no-cache", str(handoff_root), cwd=base)
    every = run_cli("check", "--no-cache", str(handoff_root), cwd=base)
    assert selected.code == 0 and "HL001" not in selected.stdout
    assert "no files to check" in selected.stderr and "in 1 file." in every.stdout


def test_a_binary_file_named_on_the_command_line_is_reported(handoff_root):
    (handoff_root / "active" / "blob.bin").write_bytes(b"\x00\x01binary")
    result = run_cli("check", "--no-cache", str(handoff_root / "active" / "blob.bin"), cwd=handoff_root.parent.parent)
    assert result.code == 1 and "HL001" in result.stdout


def test_a_token_in_a_file_name_is_found_whatever_the_file_holds_and_redacted_everywhere(handoff_root):
    token = fake_token()
    (handoff_root / "active" / f"notes-{token}.txt").write_text("nothing here\n")
    result = run_cli("check", "--no-cache", str(handoff_root), cwd=handoff_root.parent.parent)
    assert result.code == 1 and "HL306" in result.stdout
    assert token not in result.stdout + result.stderr
