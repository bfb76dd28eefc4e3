"""Configuration files: the nearest wins, bad ones exit 2 naming the file, the command line wins."""

from __future__ import annotations

import json

from conftest import run_cli

TEXT = "Data on db1.acme-corp.com, see /home/bot-account/x and /home/alice/y\n"


def codes(folder, *args):
    result = run_cli("check", "--format", "json", *args, "notes.md", cwd=folder)
    assert result.code in (0, 1), result.stderr
    return sorted(
        (f["code"], f["message"].split("'")[1] if "'" in f["message"] else "") for f in json.loads(result.stdout)
    )


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


def tree_of(folder, names, text="see /home/alice/y and db.corp\n"):
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)


def test_exclude_skips_files_even_when_named_and_is_relative_to_the_config_file(tmp_path):
    (tmp_path / ".handoff-lint.toml").write_text('exclude = ["drafts/", "/scratch.md"]\n')
    tree_of(tmp_path, ("drafts/a.md", "docs/drafts/b.md", "scratch.md", "docs/scratch.md"), "see /home/alice/y\n")
    walked = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert sorted({f["path"] for f in json.loads(walked.stdout)}) == ["docs/scratch.md"]
    # pre-commit names each staged file: an excluded one stays excluded, from any working directory
    named = run_cli("check", "--format", "json", "drafts/a.md", "scratch.md", cwd=tmp_path)
    assert named.code == 0 and json.loads(named.stdout) == []
    # patterns are relative to the config file's folder, not the working directory
    inside = run_cli("check", "--format", "json", "drafts/b.md", "scratch.md", cwd=tmp_path / "docs")
    assert [f["path"] for f in json.loads(inside.stdout)] == ["scratch.md"]


def test_exclude_covers_folder_findings(handoff_root):
    from conftest import VALID_RESPONSE

    (handoff_root / "responses" / "2026-11-03-response-to-handoff-2026-11-01-gone.md").write_text(
        VALID_RESPONSE.replace("handoff-2026-11-02-extract-error-patterns", "handoff-2026-11-01-gone")
    )
    assert [f["code"] for f in json.loads(run_cli("check", "--format", "json", ".", cwd=handoff_root).stdout)] == [
        "HL406"
    ]
    (handoff_root / ".handoff-lint.toml").write_text('exclude = ["responses/"]\n')
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    assert result.code == 0 and json.loads(result.stdout) == []


def test_per_file_ignores_switch_rules_off_for_matching_files_only(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.handoff-lint.per-file-ignores]\n"examples/**" = ["HL2"]\n"*.txt.md" = ["HL201"]\n'
    )
    tree_of(tmp_path, ("examples/a.md", "examples/deep/b.md", "notes.md", "log.txt.md"))
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    found = sorted((f["path"], f["code"]) for f in json.loads(result.stdout))
    assert found == [("log.txt.md", "HL203"), ("notes.md", "HL201"), ("notes.md", "HL203")]


def test_bad_per_file_ignores_names_the_pattern(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    (tmp_path / ".handoff-lint.toml").write_text('[per-file-ignores]\n"x/**" = ["HL77"]\n')
    result = run_cli("check", "notes.md", cwd=tmp_path)
    assert result.code == 2 and ".handoff-lint.toml" in result.stderr and "HL77" in result.stderr


def test_extra_roots_and_required_sections(tmp_path):
    from conftest import VALID_HANDOFF

    folder = tmp_path / "docs" / "handoffs"  # no template, one lifecycle folder: not a root by itself
    (folder / "active").mkdir(parents=True)
    (folder / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(
        VALID_HANDOFF.replace("Ready for local model pickup", "Completed")
    )
    before = run_cli("check", "--format", "json", "--select", "HL1,HL4", ".", cwd=tmp_path)
    assert json.loads(before.stdout) == []  # an unclassified file: no structure or lifecycle checks
    (tmp_path / ".handoff-lint.toml").write_text(
        'roots = ["docs/handoffs"]\n[extra-sections]\nhandoff = ["Acceptance Criteria"]\n'
    )
    after = run_cli("check", "--format", "json", "--select", "HL1,HL4", ".", cwd=tmp_path)
    found = sorted((f["code"], f["message"]) for f in json.loads(after.stdout))
    assert [c for c, _ in found] == ["HL105", "HL405"]
    assert "Acceptance Criteria" in found[0][1]


def test_strict_holds_documents_to_the_template_exactly(handoff_root):
    """`strict = true`: the reading before issue 17 for teams that want the template exactly:
    Medium is an error (HL103), an unknown status an error (HL111), a missing Local Model
    Preferences an error (HL105); without it the same handoff passes with one warning."""
    from conftest import VALID_HANDOFF

    text = VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: Medium").replace(
        "## Local Model Preferences\n- Any 7B code model with a 4k context.\n", ""
    )
    (handoff_root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    env = {"HANDOFF_LINT_TODAY": "2026-11-03"}
    relaxed = run_cli("check", "--format", "json", "--no-cache", ".", cwd=handoff_root, env=env)
    assert [(f["code"], f["severity"]) for f in json.loads(relaxed.stdout)] == [
        ("HL114", "warning")
    ] and relaxed.code == 0
    (handoff_root / ".handoff-lint.toml").write_text("strict = true\n")
    strict = run_cli("check", "--format", "json", "--no-cache", ".", cwd=handoff_root, env=env)
    assert sorted((f["code"], f["severity"]) for f in json.loads(strict.stdout)) == [
        ("HL103", "error"),
        ("HL105", "error"),
    ]
    assert strict.code == 1
    (handoff_root / ".handoff-lint.toml").write_text(
        'strict = true\n[severity]\nHL111 = "warning"\n'
    )  # the file's own overrides win
    text = VALID_HANDOFF.replace("Ready for local model pickup", "Ready")
    (handoff_root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    strict = run_cli("check", "--format", "json", "--no-cache", ".", cwd=handoff_root, env=env)
    assert [(f["code"], f["severity"]) for f in json.loads(strict.stdout)] == [("HL111", "warning")]


def test_strict_must_be_a_boolean(tmp_path):
    (tmp_path / "notes.md").write_text("hello\n")
    (tmp_path / ".handoff-lint.toml").write_text('strict = "yes"\n')
    result = run_cli("check", "notes.md", cwd=tmp_path)
    assert result.code == 2 and "strict" in result.stderr


def test_the_command_lines_select_replaces_the_files_select_and_ignore_and_its_ignore_adds():
    """ruff's layers: --select starts afresh (the file's ignore no longer applies); --ignore alone
    switches off more on top of the file's choice, and never switches a rule back on."""
    from handoff_lint.data.catalogue import is_selected
    from handoff_lint.data.config import Config

    def file_config():
        config = Config(select=["ALL"], ignore=["HL3"])
        config.file_selection = (["ALL"], ["HL3"])
        return config

    chosen = file_config()
    chosen.select_from_command_line(["HL0", "HL2", "HL3"], [])
    assert is_selected("HL301", chosen.select, chosen.ignore) and not is_selected("HL101", chosen.select, chosen.ignore)
    assert chosen.file_selection is None
    both = file_config()
    both.select_from_command_line(["HL3"], ["HL302"])
    assert is_selected("HL301", both.select, both.ignore) and not is_selected("HL302", both.select, both.ignore)
    more = file_config()
    more.select_from_command_line([], ["HL109"])
    assert not is_selected("HL301", more.select, more.ignore) and not is_selected("HL109", more.select, more.ignore)
    assert more.file_selection == (["ALL"], ["HL3"])


def test_a_bad_exclude_pattern_is_a_configuration_error(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    for setting, key in (
        ('exclude = ["ok/", "[z-a]"]', "exclude"),
        ('exclude = ["\\\\"]', "exclude"),
        ('[per-file-ignores]\n"[z-a]" = ["HL2"]', "per-file-ignores.[z-a]"),
    ):
        (tmp_path / ".handoff-lint.toml").write_text(setting + "\n")
        result = run_cli("check", "notes.md", cwd=tmp_path)
        assert result.code == 2 and result.stdout == "", setting
        assert f".handoff-lint.toml: invalid configuration at {key}: " in result.stderr, result.stderr
        assert "position" not in result.stderr  # a place in the regular expression made of it means nothing to the user


def test_a_misspelt_table_is_a_configuration_error(tmp_path):
    from conftest import run_cli

    (tmp_path / "pyproject.toml").write_text('[tool.handoff_lint]\nignore = ["HL109"]\n')
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and "[tool.handoff_lint] is not read: the table is [tool.handoff-lint]" in result.stderr


def test_an_unknown_key_gets_a_did_you_mean(tmp_path):
    from conftest import run_cli

    (tmp_path / ".handoff-lint.toml").write_text("stale_days = 3\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and "'stale_days': did you mean 'stale-days'?" in result.stderr, result.stderr
