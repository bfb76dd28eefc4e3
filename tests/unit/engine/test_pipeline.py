"""pipeline.run: the files that are no text (a binary file a walk finds, the run's file names) go
through the file checks the run selected, and the run's counts say what was checked."""

from __future__ import annotations

import random
import string

import pytest

from conftest import linked_root, run_cli


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


def test_two_runs_in_one_process_each_read_as_the_folders_their_command_named(tmp_path, monkeypatch):
    """The folders a command named travel with its settings (Config.access): runs interleaved in
    one process each judge the linked root by their own, and a run told none refuses to guess."""
    from handoff_lint.data.config import Config
    from handoff_lint.engine.pipeline import run
    from handoff_lint.touch import Access

    root = linked_root(tmp_path)
    monkeypatch.chdir(tmp_path)  # no repository: the folder named bounds the root
    walked = [str(root / "active")]
    narrow, wide = Config(access=Access.of(walked)), Config(access=Access.of([str(root)]))
    for _ in range(2):
        refused = run(walked, narrow, jobs=1).findings
        assert [(f.code, "outside the folder holding it (x)" in f.message) for f in refused] == [("HL005", True)]
        read = {finding.code for finding in run(walked, wide, jobs=1).findings}
        assert "HL005" not in read and read  # read through the link the user named, and checked
    with pytest.raises(TypeError, match="access"):
        run(walked, Config(), jobs=1)
