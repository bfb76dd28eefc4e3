"""Configuration files: the nearest wins, bad ones exit 2 naming the file, the command line wins."""

from __future__ import annotations

import json

from conftest import run_cli

TEXT = "Data on db1.acme-corp.com, see /home/bot-account/x and /home/alice/y\n"


def codes(folder, *args):
    result = run_cli("check", "--format", "json", *args, "notes.md", cwd=folder)
    assert result.code in (0, 1), result.stderr
    return sorted((f["code"], f["message"].split("'")[1] if "'" in f["message"] else "") for f in json.loads(result.stdout))


def test_pyproject_table_extends_domains_and_placeholders(tmp_path):
    (tmp_path / "notes.md").write_text(TEXT)
    assert [c for c, _ in codes(tmp_path)] == ["HL201", "HL201"]
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.handoff-lint]\ninternal-domains = ["acme-corp.com"]\nplaceholder-users = ["bot-account"]\n'
    )
    found = codes(tmp_path)
    assert ("HL203", "db1.acme-corp.com") in found and [c for c, _ in found].count("HL201") == 1


def test_nearest_file_wins_and_command_line_overrides(tmp_path):
    (tmp_path / ".handoff-lint.toml").write_text('ignore = ["HL201"]\n')
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "notes.md").write_text(TEXT)
    assert codes(sub) == []
    (sub / ".handoff-lint.toml").write_text('select = ["HL2"]\n')
    assert [c for c, _ in codes(sub)] == ["HL201", "HL201"]
    assert codes(sub, "--select", "HL1") == []
    assert [c for c, _ in codes(sub, "--isolated", "--select", "HL2")] == ["HL201", "HL201"]


def test_severity_override(tmp_path):
    (tmp_path / "notes.md").write_text("see /home/alice/y\n")
    (tmp_path / ".handoff-lint.toml").write_text('[severity]\nHL201 = "warning"\n')
    result = run_cli("check", "--format", "json", "notes.md", cwd=tmp_path)
    assert result.code == 0 and json.loads(result.stdout)[0]["severity"] == "warning"


def test_bad_configuration_exits_2_naming_file_and_key(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    cases = {
        'selec = ["HL1"]\n': "selec",
        'select = ["E501"]\n': "E501",
        '[severity]\nHL201 = "fatal"\n': "HL201",
        "select = [\n": "cannot read",
        '[severity]\nHL777 = "error"\n': "HL777",
    }
    for text, needle in cases.items():
        (tmp_path / ".handoff-lint.toml").write_text(text)
        result = run_cli("check", "notes.md", cwd=tmp_path)
        assert result.code == 2, text
        assert ".handoff-lint.toml" in result.stderr and needle in result.stderr, (text, result.stderr)
        assert "Traceback" not in result.stderr
