"""The real command, end to end: output layout, exit codes, selection, formats, colour."""

from __future__ import annotations

import hashlib
import json
import re
import sys

from conftest import VALID_HANDOFF, VALID_RESPONSE, line_of, package_copy, run_cli


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_folder_exits_0(handoff_root):
    write(handoff_root, "active/handoff-2026-11-02-extract-error-patterns.md", VALID_HANDOFF)
    write(handoff_root, "responses/2026-11-03-response-to-x.md", VALID_RESPONSE)
    result = run_cli("check", "--select", "HL0,HL1", str(handoff_root), cwd=handoff_root)
    assert result.code == 0, result.stdout + result.stderr
    assert "All checks passed (2 files checked)." in result.stdout


def test_findings_are_ruff_style_relative_to_cwd_and_exit_1(handoff_root):
    text = VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: URGENT")
    write(handoff_root, "active/handoff-2026-11-02-x.md", text)
    cwd = handoff_root.parent.parent
    result = run_cli("models/next-local", "--select", "HL1", cwd=cwd)  # alias for `check`
    assert result.code == 1
    line = line_of(text, "**Priority**")
    assert (
        f"models/next-local/active/handoff-2026-11-02-x.md:{line}:15: HL103 Priority must be one of HIGH, MEDIUM, LOW; found 'URGENT'"
        in result.stdout
    )
    assert "Found 1 error and 0 warnings in 1 file." in result.stdout


def test_json_output_has_the_contract_fields(handoff_root):
    write(
        handoff_root,
        "active/handoff-2026-11-02-x.md",
        VALID_HANDOFF.replace("## Task Description", "## Task Descripton"),
    )
    result = run_cli("check", "--format", "json", "--select", "HL1", ".", cwd=handoff_root)
    assert result.code == 1
    (finding,) = json.loads(result.stdout)
    assert finding == {
        "code": "HL107",
        "rule": "misspelled-section",
        "severity": "error",
        "path": "active/handoff-2026-11-02-x.md",
        "line": line_of(VALID_HANDOFF, "## Task Description"),
        "column": 1,
        "message": "unknown section 'Task Descripton'; did you mean 'Task Description'?",
        "fixable": False,
        "expected": "## Task Description",  # a near miss: what to write there, and what is there
        "found": "## Task Descripton",
        "suppressed": None,  # or what hid it: {"kind": "inSource", "justification": ...}
    }


def test_warnings_alone_exit_0_unless_warnings_as_errors(handoff_root):
    body = "## Task Description\nExtract the distinct error signatures from every log and count how often each appears.\n\n"
    text = VALID_HANDOFF.replace(body, "").replace("## Local Model Preferences", body + "## Local Model Preferences")
    write(handoff_root, "active/handoff-2026-11-02-x.md", text)
    assert run_cli("check", "--select", "HL1", ".", cwd=handoff_root).code == 0
    strict = run_cli("check", "--select", "HL1", "--warnings-as-errors", ".", cwd=handoff_root)
    assert strict.code == 1 and "HL109" in strict.stdout


def test_select_and_ignore_take_prefixes(handoff_root):
    text = VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: URGENT").replace(
        "## Task Description", "## Task Descripton"
    )
    write(handoff_root, "active/handoff-2026-11-02-x.md", text)

    def codes(*args):
        result = run_cli("check", "--format", "json", *args, ".", cwd=handoff_root)
        return sorted({f["code"] for f in json.loads(result.stdout)})

    assert codes("--select", "HL1") == ["HL103", "HL107"]
    assert codes("--select", "HL10") == ["HL103", "HL107"]
    assert codes("--select", "HL1", "--ignore", "HL107") == ["HL103"]
    assert codes("--select", "HL103") == ["HL103"]
    assert codes("--select", "HL0") == []


def test_usage_errors_exit_2(handoff_root):
    bad_code = run_cli("check", "--select", "HL777", ".", cwd=handoff_root)
    assert bad_code.code == 2 and "HL777" in bad_code.stderr
    missing = run_cli("check", "no-such-folder", cwd=handoff_root)
    assert missing.code == 2 and "no-such-folder" in missing.stderr
    assert run_cli("check", "--format", "xml", ".", cwd=handoff_root).code == 2
    assert "Traceback" not in bad_code.stderr + missing.stderr


def test_bad_files_are_reported_and_the_run_goes_on(handoff_root):
    (handoff_root / "active" / "handoff-2026-11-01-bin.md").write_bytes(b"\x00\x01binary")
    (handoff_root / "active" / "handoff-2026-11-01-latin.md").write_bytes("café".encode("latin-1"))
    write(
        handoff_root,
        "active/handoff-2026-11-02-x.md",
        VALID_HANDOFF.replace("**To**: next-local (any available local model)\n", ""),
    )
    result = run_cli("check", "--select", "HL0,HL1", ".", cwd=handoff_root)
    assert result.code == 1
    assert "active/handoff-2026-11-01-bin.md:1:1: HL001" in result.stdout
    assert "active/handoff-2026-11-01-latin.md:1:4: HL002" in result.stdout
    assert "active/handoff-2026-11-02-x.md:5:1: HL102 missing metadata field '**To**:'" in result.stdout


def test_check_never_changes_a_file(handoff_root):
    write(handoff_root, "active/handoff-2026-11-02-x.md", "## broken\n**Date**: nope\n")
    write(handoff_root, "responses/r.md", VALID_RESPONSE.replace("\n", "\r\n"))

    def digest():
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(handoff_root.rglob("*")) if p.is_file()}

    before = digest()
    run_cli("check", ".", cwd=handoff_root)
    assert digest() == before


def test_color(handoff_root):
    write(handoff_root, "active/handoff-2026-11-02-x.md", VALID_HANDOFF.replace("MEDIUM", "URGENT"))
    ansi = re.compile(r"\x1b\[")
    assert ansi.search(run_cli("check", "--select", "HL1", "--color", "always", ".", cwd=handoff_root).stdout)
    assert not ansi.search(run_cli("check", "--select", "HL1", "--color", "never", ".", cwd=handoff_root).stdout)
    # auto: not a terminal here, and NO_COLOR is set by run_cli
    assert not ansi.search(run_cli("check", "--select", "HL1", ".", cwd=handoff_root).stdout)


def test_quiet_prints_findings_only(handoff_root):
    write(handoff_root, "active/handoff-2026-11-02-x.md", VALID_HANDOFF.replace("MEDIUM", "URGENT"))
    result = run_cli("check", "-q", "--select", "HL1", ".", cwd=handoff_root)
    assert result.code == 1 and result.stdout.count("\n") == 1 and "Found" not in result.stdout


def test_rule_rules_and_schema_commands():
    rule = run_cli("rule", "HL105")
    assert rule.code == 0 and rule.stdout.startswith("HL105 (missing-section) [error]") and "Example:" in rule.stdout
    assert json.loads(run_cli("rule", "missing-section", "--format", "json").stdout)["code"] == "HL105"
    assert run_cli("rule", "HL999").code == 2
    listing = run_cli("rules")
    assert listing.code == 0 and re.search(r"^HL112\s+placeholder-left\s+error\s+", listing.stdout, re.M)
    schema = json.loads(run_cli("schema", "handoff").stdout)
    assert "Task Description" in schema["properties"]["sections"]["required"]


def test_version_and_help_do_not_import_heavy_dependencies():
    probe = (
        "import sys; from handoff_lint.cli import main; code = main(['--version']); main(['--help']);"
        "print(sorted(m for m in ('markdown_it', 'jsonschema', 'detect_secrets') if m in sys.modules), code)"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[] 0"
    assert "handoff-lint, version" in done.stdout


def test_internal_error_is_exit_2_with_one_line_not_a_traceback(tmp_path):
    site = package_copy(tmp_path)  # a copy of the package whose rule catalogue is broken
    (site / "handoff_lint" / "rules" / "HL0-input.toml").write_text("[HL001\nname = 1\n")
    (tmp_path / "doc.md").write_text("# x\n")
    result = run_cli("check", "doc.md", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert result.code == 2
    assert "internal error" in result.stderr and "Traceback" not in result.stderr


def test_fixable_findings_are_marked_and_counted(handoff_root):
    done = VALID_HANDOFF.replace("Ready for local model pickup", "Completed")
    write(handoff_root, "active/handoff-2026-11-02-extract-error-patterns.md", done)
    result = run_cli("check", "--select", "HL4", ".", cwd=handoff_root)
    assert result.code == 1
    assert (
        "active/handoff-2026-11-02-extract-error-patterns.md:35:1: HL405 [*] status 'Completed' belongs in archive/"
        in result.stdout
    )
    assert result.stdout.endswith("[*] 1 fixable with the `--fix` option.\n")
    clean = run_cli("check", "--select", "HL1", ".", cwd=handoff_root)
    assert "fixable" not in clean.stdout and "[*]" not in clean.stdout


def test_a_missing_path_is_one_error_line_and_no_report(handoff_root):
    for output_format in ("text", "json", "sarif", "junit", "github"):
        result = run_cli("check", "--format", output_format, "nope", cwd=handoff_root)
        assert (result.code, result.stdout) == (2, ""), output_format
        assert result.stderr == "handoff-lint: error: nope: no such file or directory\n"


def test_an_empty_folder_or_one_without_a_handoff_folder_is_a_warning(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n")
    for folder in ("empty", "docs"):
        result = run_cli("check", folder, cwd=tmp_path)
        assert result.code == 0
        assert (
            result.stderr
            == f"handoff-lint: warning: no handoff folder in {folder} (a folder holding handoff-template.md, or two of active/, responses/, archive/)\n"
        )
    assert run_cli("check", "empty", cwd=tmp_path).stdout == ""  # no success text for checking nothing


def test_a_misspelt_command_is_a_usage_error_unless_it_is_a_path(handoff_root):
    typo = run_cli("stauts", cwd=handoff_root)
    assert typo.code == 2 and typo.stdout == ""
    assert typo.stderr.strip().splitlines()[-1] == "Error: no such command or path 'stauts'; did you mean 'status'?"
    (handoff_root / "stauts").mkdir()
    assert "did you mean" not in run_cli("stauts", cwd=handoff_root).stderr


def test_output_file_errors_and_summary(handoff_root):
    write(
        handoff_root,
        "active/handoff-2026-11-02-extract-error-patterns.md",
        VALID_HANDOFF.replace("**Priority**: MEDIUM", "**Priority**: URGENT"),
    )
    bad = run_cli("check", "-o", "no/such/dir/r.txt", ".", cwd=handoff_root)
    assert (bad.code, bad.stdout) == (2, "")
    assert (
        bad.stderr == "handoff-lint: error: cannot write the report to no/such/dir/r.txt: no such folder no/such/dir\n"
    )
    written = run_cli("check", "--format", "json", "-o", "r.json", ".", cwd=handoff_root)
    assert (
        written.code == 1 and written.stdout == "" and written.stderr.startswith("Found 1 error")
    )  # the summary, on the terminal
    assert json.loads((handoff_root / "r.json").read_text())[0]["code"] == "HL103"


def test_stdin_is_checked_as_the_file_at_stdin_filename_with_folder_checks(handoff_root):
    write(
        handoff_root,
        "archive/handoff-2026-11-02-extract-error-patterns.md",
        VALID_HANDOFF.replace("Ready for local model pickup", "Completed"),
    )
    response = "responses/2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"  # not on disk
    piped = VALID_RESPONSE.replace("../archive/", "../active/").replace("offline.", "offline, see /home/alice/run.log.")
    result = run_cli("check", "--stdin-filename", response, "-", cwd=handoff_root, input=piped.encode())
    assert result.code == 1, result.stderr
    assert (
        f"{response}:7:48: HL406 [*] link '../active/handoff-2026-11-02-extract-error-patterns.md' is stale"
        in result.stdout
    )
    assert f"{response}:10:" in result.stdout and "HL201" in result.stdout
    assert not (handoff_root / response).exists()
    # without '-', --stdin-filename alone reads standard input too (ruff's convention)
    good = run_cli("check", "--stdin-filename", response, cwd=handoff_root, input=VALID_RESPONSE.encode())
    assert good.code == 0 and "All checks passed (1 file checked)." in good.stdout
    mixed = run_cli("check", "-", ".", cwd=handoff_root, input=b"")
    assert mixed.code == 2 and "alone" in mixed.stderr and mixed.stdout == ""
