"""``check --fix --unsafe-fixes`` end to end, in a real git repository through the real CLI: a
handoff holding a GitHub token, an OpenAI project key and two home-folder paths passes HL2/HL3
after it, every line without a finding is byte-identical, no output shows a raw secret, and
nothing changes a file without ``--unsafe-fixes``."""

from __future__ import annotations

import random
import string

import pytest

from conftest import VALID_HANDOFF, git, run_cli

RNG = random.Random(31)
ALNUM = string.ascii_letters + string.digits
NAME = "handoff-2026-11-02-extract-error-patterns.md"
FORMATS = ("text", "json", "sarif", "github", "junit")


def secret(prefix: str, length: int) -> str:
    return prefix + "".join(RNG.choice(ALNUM) for _ in range(length))


GH = secret("ghp_", 36)
OPENAI = secret("sk-proj-", 48)
LEAKS = (
    f"- The CI token is {GH}; rotate it after the run.\r\n"
    f"- OPENAI_API_KEY={OPENAI}  \r\n"
    "- Inputs: /home/alice/work/data.csv and C:\\Users\\alice\\Documents\\x.xlsx\r\n"
)
SANITIZED = (
    "- The CI token is <REDACTED>; rotate it after the run.\r\n"
    "- OPENAI_API_KEY=${OPENAI_API_KEY}  \r\n"
    "- Inputs: /home/<user>/work/data.csv and C:\\Users\\<user>\\Documents\\x.xlsx\r\n"
)


def leaked(text: str) -> list[str]:
    """The raw secrets (or a distinctive part of one) that ``text`` shows."""
    return [form for value in (GH, OPENAI) for form in (value, value[8:24], value.lower()) if form in text]


def handoff(repo, leaks: str = LEAKS):
    """A valid handoff (CRLF line ends, a BOM) whose Context Summary holds ``leaks``, committed."""
    text = VALID_HANDOFF.replace("## Task Description", leaks.replace("\r\n", "\n") + "\n## Task Description")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    path = repo / "models" / "next-local" / "active" / NAME
    path.write_bytes(data)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "a handoff with leaks", cwd=repo)
    return path, data


def test_plain_runs_change_nothing_and_the_summary_counts_the_hidden_fixes(git_repo):
    path, data = handoff(git_repo)
    result = run_cli("check", ".", cwd=git_repo)
    assert result.code == 1
    assert "No fixes available (4 hidden fixes can be enabled with the `--unsafe-fixes` option)." in result.stdout
    for args in (("--fix",), ("--diff",), ("--unsafe-fixes",), ("--staged", "--fix", "--unsafe-fixes")):
        result = run_cli("check", *args, ".", cwd=git_repo)
        assert path.read_bytes() == data, args
        assert not leaked(result.stdout + result.stderr), args
    alone = run_cli("check", "--unsafe-fixes", ".", cwd=git_repo)  # a usage error: no --fix, no --diff
    assert alone.code == 2 and "--unsafe-fixes is given with --fix (to rewrite) or --diff (to preview)" in alone.stderr
    for args in (
        ("--staged", "--fix", "--unsafe-fixes", "."),
        ("--staged", "--unsafe-fixes", "."),
        ("--fix", "--unsafe-fixes", "-"),
    ):
        refused = run_cli("check", *args, cwd=git_repo)
        assert refused.code == 2 and not refused.stdout, args


def test_diff_previews_the_rewrite_without_a_raw_secret_and_changes_nothing(git_repo):
    path, data = handoff(git_repo)
    result = run_cli("check", "--diff", "--unsafe-fixes", ".", cwd=git_repo)
    assert result.code == 1, result.stderr
    assert path.read_bytes() == data
    assert not leaked(result.stdout + result.stderr)
    assert f"--- a/models/next-local/active/{NAME}\n" in result.stdout
    assert "-- The CI token is …(40 chars); rotate it after the run.\\x0d\n" in result.stdout
    assert "+- OPENAI_API_KEY=${OPENAI_API_KEY}  \\x0d\n" in result.stdout
    assert "+- Inputs: /home/<user>/work/data.csv and C:\\Users\\<user>\\Documents\\x.xlsx\\x0d\n" in result.stdout


def test_fix_rewrites_only_the_spans_and_the_rerun_is_clean(git_repo):
    path, data = handoff(git_repo)
    result = run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=git_repo)
    assert result.code == 0, result.stdout + result.stderr  # what remains is reported: nothing
    assert "Sanitized: 4 findings in 1 file; nothing is staged" in result.stderr
    assert not leaked(result.stdout + result.stderr)
    after = path.read_bytes()
    assert after == data.replace(LEAKS.encode(), SANITIZED.encode())  # BOM, CRLF, trailing spaces kept
    before_lines, after_lines = data.split(b"\r\n"), after.split(b"\r\n")
    changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=True)) if a != b]
    assert len(changed) == 3  # only the three lines with a finding
    assert run_cli("check", "--select", "HL2,HL3", ".", cwd=git_repo).code == 0
    assert run_cli("check", "--diff", "--unsafe-fixes", ".", cwd=git_repo).stdout == ""


def test_select_hl3_fixes_only_the_credentials(git_repo):
    path, _data = handoff(git_repo)
    result = run_cli("check", "--select", "HL3", "--fix", "--unsafe-fixes", ".", cwd=git_repo)
    assert result.code == 0, result.stdout + result.stderr
    text = path.read_bytes().decode("utf-8-sig")
    assert "<REDACTED>" in text and "${OPENAI_API_KEY}" in text
    assert "/home/alice/work/data.csv" in text and "C:\\Users\\alice\\" in text


def test_a_suppressed_finding_is_left_as_written(git_repo):
    leaks = "<!-- handoff-lint: disable-next-line=HL201 -->\r\n- Inputs: /home/alice/work/data.csv\r\n" + LEAKS[:60]
    path, _data = handoff(git_repo, leaks)
    run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=git_repo)
    text = path.read_bytes().decode("utf-8-sig")
    assert "- Inputs: /home/alice/work/data.csv" in text  # the author's comment said so, visibly
    assert GH not in text


@pytest.mark.parametrize("output", FORMATS)
def test_no_format_shows_a_raw_secret_around_the_fix(git_repo, output):
    handoff(git_repo)
    for args in (("--diff", "--unsafe-fixes"), ("--fix", "--unsafe-fixes")):
        result = run_cli("check", "--format", output, *args, ".", cwd=git_repo)
        assert not leaked(result.stdout + result.stderr), (output, args)


@pytest.mark.parametrize("where", ["models/next-local/archive/draft.md", "notes/draft.md"])
def test_a_symlinked_document_is_not_written_through(git_repo, where):
    """A link inside the handoff folder is read (and reported), one leading out of it is HL005;
    neither is written through."""
    target = git_repo / where
    target.parent.mkdir(exist_ok=True)
    target.write_text(f"token {GH}\n")
    link = git_repo / "models" / "next-local" / "active" / NAME
    link.symlink_to(target)
    result = run_cli("check", "--fix", "--unsafe-fixes", str(link.relative_to(git_repo)), cwd=git_repo)
    assert result.code == 1 and "symbolic link" in result.stdout + result.stderr
    assert not leaked(result.stdout + result.stderr)
    assert link.is_symlink() and target.read_text() == f"token {GH}\n"


def test_a_markdown_file_outside_the_handoff_folder_is_sanitized_too(git_repo):
    notes = git_repo / "docs" / "notes.md"
    notes.parent.mkdir()
    notes.write_text("# Notes\n\nAsk bob.smith@acme.com at 10.1.2.3 on build.corp.\n")
    result = run_cli("check", "--fix", "--unsafe-fixes", "docs/notes.md", cwd=git_repo)
    assert result.code == 0, result.stdout + result.stderr
    assert notes.read_text() == "# Notes\n\nAsk <email> at <private-ip> on <internal-host>.\n"


def test_findings_past_max_findings_per_rule_are_fixed_too(git_repo):
    (git_repo / ".handoff-lint.toml").write_text("max-findings-per-rule = 2\n")
    mails = " ".join(f"person{n}.name@acme.com" for n in range(7))
    path, _data = handoff(git_repo, f"- Ask {mails}\r\n")
    shown = run_cli("check", ".", cwd=git_repo).stdout  # 2 findings, and one saying 5 more: counted as shown
    assert "No fixes available (3 hidden fixes can be enabled with the `--unsafe-fixes` option)." in shown
    result = run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=git_repo)
    assert result.code == 0, result.stdout + result.stderr
    assert "Sanitized: 7 findings in 1 file" in result.stderr
    assert "- Ask " + " ".join(["<email>"] * 7) in path.read_bytes().decode("utf-8-sig")
