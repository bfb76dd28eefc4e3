"""The sanitize fix (--unsafe-fixes) on texts and files: each kind rewritten into a form the
rules accept, only the span changed, nothing written through a link, no secret in the diff."""

from __future__ import annotations

import codecs
import os
import random
import string
from pathlib import Path

import pytest

from handoff_lint.checks import credentials, privacy
from handoff_lint.data.config import Config
from handoff_lint.model.kinds import SourceFile
from handoff_lint.model.source import Source
from handoff_lint.workflow import sanitize

TOP = "/home/alice/proj"


def token(prefix: str, n: int) -> str:
    return prefix + "".join(random.choices(string.ascii_letters + string.digits, k=n))


def findings(text: str, name: str = "notes.md"):
    """What HL2 and HL3 find in ``text`` (a markdown file outside any handoff folder)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")  # as reading.decode
    source = Source(SourceFile(Path(name), name, "unclassified", None), normalised)
    config = Config()
    return privacy.check(source, config) + credentials.check(source, config)


def fixed(text: str, top: str = TOP) -> tuple[str, int]:
    spots = {(f.line, f.column, f.code) for f in findings(text)}
    after, count, _known = sanitize.sanitize_text(text, spots, top)
    return after, count


GH = token("ghp_", 36)
OPENAI = token("sk-proj-", 48)
BODY = [token("MIIE", 60), token("", 64), token("", 40)]

CASES = [
    # (text, expected after, code found before)
    (f"Use {GH} for the API.", "Use <REDACTED> for the API.", "HL301"),
    (f"OPENAI_API_KEY={OPENAI}", "OPENAI_API_KEY=${OPENAI_API_KEY}", "HL301"),
    (f'export OPENAI_API_KEY="{OPENAI}"', 'export OPENAI_API_KEY="${OPENAI_API_KEY}"', "HL301"),
    ("**Password**: hunter2Xq9!zz", "**Password**: <REDACTED>", "HL304"),
    ("postgres://app:S3cr3tPassw0rd@db.example.com/x", "postgres://app:<REDACTED>@db.example.com/x", "HL303"),
    (
        "Key:\n-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(BODY) + "\n-----END RSA PRIVATE KEY-----\ndone\n",
        "Key:\n<REDACTED>\ndone\n",
        "HL302",
    ),
    (
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\n" + BODY[1] + "\n-----END RSA PRIVATE KEY-----",
        "<REDACTED>",
        "HL302",
    ),
    (
        "-----BEGIN RSA PRIVATE KEY-----\n"
        + BODY[1]
        + "\nSome prose the key was cut before.\n-----END RSA PRIVATE KEY-----",
        "<REDACTED>\nSome prose the key was cut before.\n-----END RSA PRIVATE KEY-----",
        "HL302",
    ),
    (
        f'{{"key": "-----BEGIN PRIVATE KEY-----\\n{BODY[0]}\\n-----END PRIVATE KEY-----\\n"}}',
        '{"key": "<REDACTED>\\n"}',
        "HL302",
    ),
    ("Data in /home/alice/work/data.csv here.", "Data in /home/<user>/work/data.csv here.", "HL201"),
    ("See C:\\Users\\alice\\Documents\\x.xlsx", "See C:\\Users\\<user>\\Documents\\x.xlsx", "HL201"),
    ("On macOS: /Users/bob/Desktop/a.txt", "On macOS: /Users/<user>/Desktop/a.txt", "HL201"),
    ("ssh config in /root/.ssh/config", "ssh config in /home/<user>/.ssh/config", "HL201"),
    ("Read /home/alice/proj/src/data.csv.", "Read src/data.csv.", "HL201"),  # inside the repository
    ("Paths /home/alice/proj/a.csv:/home/bob/b.csv", "Paths a.csv:/home/<user>/b.csv", "HL201"),
    ("Share \\\\fileserver01\\team is full", "Share \\\\<internal-host>\\team is full", "HL202"),
    ("Deploy to build.corp today", "Deploy to <internal-host> today", "HL203"),
    ("Ask 10.1.2.3:8080 or fd00::1 first", "Ask <private-ip>:8080 or <private-ip> first", "HL204"),
    ("Mail bob.smith@acme.com or carol@build.corp.", "Mail <email> or <email>.", "HL205"),
]


@pytest.mark.parametrize(("text", "expected", "code"), CASES, ids=[f"{case[2]}-{i}" for i, case in enumerate(CASES)])
def test_each_kind_is_rewritten_and_found_no_more(text, expected, code):
    assert code in {f.code for f in findings(text)}
    after, count = fixed(text)
    assert after == expected
    assert count == len(findings(text))
    assert findings(after) == []  # the re-run finds none of them


def test_a_line_naming_a_lower_case_or_bold_name_gets_redacted_not_a_variable():
    after, _ = fixed(f"api_key = '{OPENAI}'")
    assert after == "api_key = '<REDACTED>'"


def test_a_name_that_is_itself_a_secret_is_never_written_again():
    aws = "AKIA" + "".join(random.choices(string.ascii_uppercase + string.digits, k=16))
    text = f"{aws}={GH}"
    assert {f.code for f in findings(text)} == {"HL301"} and len(findings(text)) == 2
    after, count = fixed(text)
    assert (after, count) == ("<REDACTED>=<REDACTED>", 2)


def test_bytes_outside_the_spans_stay_crlf_lone_cr_and_trailing_spaces():
    text = f"first line  \r\nUse {GH} now\t \r\nlone\rData /home/alice/x.csv\r\n\r\nlast"
    after, count = fixed(text)
    assert count == 2
    assert after == "first line  \r\nUse <REDACTED> now\t \r\nlone\rData /home/<user>/x.csv\r\n\r\nlast"


def test_only_the_findings_asked_for_change():
    text = f"Use {GH} at /home/alice/x.csv"
    only = {(f.line, f.column, f.code) for f in findings(text) if f.code.startswith("HL3")}
    after, count, _ = sanitize.sanitize_text(text, only, TOP)
    assert (after, count) == ("Use <REDACTED> at /home/alice/x.csv", 1)


def test_fixable_leaves_out_suppressed_file_names_and_binary_files():
    from handoff_lint.findings import Finding

    assert sanitize.fixable(Finding("a.md", 1, 1, "HL301", "github token ghp_…(40 chars)"))
    assert not sanitize.fixable(Finding("a.md", 1, 1, "HL301", "x", suppressed="pragma"))
    assert not sanitize.fixable(Finding("a.md", 1, 1, "HL306", "file name holds github token"))
    assert not sanitize.fixable(Finding("a.bin", 1, 1, "HL301", credentials.IN_BINARY + "github token"))
    assert not sanitize.fixable(Finding("a.md", 1, 1, "HL105", "missing required section"))


def _files(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path, SourceFile(path, name, "unclassified", None, str(path))


def test_plan_and_apply_keep_a_bom_and_write_only_the_spans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"# Notes\r\nUse {GH} now  \r\nplain line\r\n"
    path, file = _files(tmp_path, "notes.md", codecs.BOM_UTF8 + text.encode())
    result = sanitize.plan(findings(text), [file], Config(), top=str(tmp_path))
    assert result.fixed == 1 and not result.refused
    assert path.read_bytes() == codecs.BOM_UTF8 + text.encode()  # planning writes nothing
    patch = sanitize.diff(result)
    assert GH not in patch and GH[4:12] not in patch
    assert "-Use …(40 chars) now  \\x0d\n+Use <REDACTED> now  \\x0d\n" in patch
    assert sanitize.apply(result, 1 << 20) == []
    assert path.read_bytes() == codecs.BOM_UTF8 + text.replace(GH, "<REDACTED>").encode()


def test_a_private_key_body_never_shows_in_the_diff(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(BODY) + "\n-----END OPENSSH PRIVATE KEY-----\n"
    _path, file = _files(tmp_path, "key.md", text.encode())
    patch = sanitize.diff(sanitize.plan(findings(text, "key.md"), [file], Config(), top=str(tmp_path)))
    assert "+<REDACTED>" in patch
    for line in BODY:
        assert line not in patch and line[:20] not in patch


def test_a_symlinked_document_is_not_written_through(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"Use {GH} now\n"
    real, _ = _files(tmp_path, "real.md", text.encode())
    link = tmp_path / "notes.md"
    os.symlink("real.md", link)
    file = SourceFile(link, "notes.md", "unclassified", None, str(link))
    result = sanitize.plan(findings(text), [file], Config(), top=str(tmp_path))
    assert not result and "symbolic link" in result.refused[0]
    assert real.read_bytes() == text.encode() and link.is_symlink()


def test_a_link_planted_after_the_plan_is_not_written_through(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"Use {GH} now\n"
    path, file = _files(tmp_path, "notes.md", text.encode())
    result = sanitize.plan(findings(text), [file], Config(), top=str(tmp_path))
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_bytes(text.encode())
    path.unlink()
    os.symlink("elsewhere.md", path)
    refused = sanitize.apply(result, 1 << 20)
    assert len(refused) == 1 and "symbolic link" in refused[0] and GH not in refused[0]
    assert elsewhere.read_bytes() == text.encode() and path.is_symlink()


def test_a_file_changed_since_the_plan_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"Use {GH} now\n"
    path, file = _files(tmp_path, "notes.md", text.encode())
    result = sanitize.plan(findings(text), [file], Config(), top=str(tmp_path))
    path.write_text(text + "an edit of the user's own\n")
    assert "changed since" in sanitize.apply(result, 1 << 20)[0]
    assert path.read_text() == text + "an edit of the user's own\n"


def test_the_users_own_login_becomes_a_placeholder(monkeypatch):
    monkeypatch.setenv("HANDOFF_LINT_OWN_IDENTIFIERS", "zorbulon")
    privacy._own_identifiers.cache_clear()
    try:
        assert [f.code for f in findings("Ask zorbulon about it")] == ["HL206"]
        assert fixed("Ask zorbulon about it") == ("Ask <user> about it", 1)
        assert findings("Ask <user> about it") == []
    finally:
        monkeypatch.undo()
        privacy._own_identifiers.cache_clear()


def test_a_diff_without_secrets_or_cr_is_a_patch_git_applies(tmp_path, monkeypatch):
    import subprocess

    monkeypatch.chdir(tmp_path)
    text = "# Notes\n\nData in /home/alice/work/data.csv\nAsk 10.1.2.3\n"
    path, file = _files(tmp_path, "notes.md", text.encode())
    patch = sanitize.diff(sanitize.plan(findings(text), [file], Config(), top=str(tmp_path)))
    done = subprocess.run(["git", "apply", "-"], cwd=tmp_path, input=patch.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode() + patch
    assert path.read_text() == "# Notes\n\nData in /home/<user>/work/data.csv\nAsk <private-ip>\n"


def test_a_secret_left_on_a_context_line_is_redacted_in_the_diff(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    kept = token("ghp_", 36)
    text = f"Use {GH} now\nbackup {kept}  # pragma: allowlist secret\n"
    _path, file = _files(tmp_path, "notes.md", text.encode())
    first = [f for f in findings(text) if f.line == 1]  # the run leaves the allowlisted line
    result = sanitize.plan(first, [file], Config(), top=str(tmp_path))
    patch = sanitize.diff(result)
    assert result.fixed == 1 and " backup ghp_…(40 chars)  # pragma: allowlist secret\n" in patch
    assert kept not in patch and kept[4:16] not in patch and GH not in patch


def test_the_repository_top_is_gits_else_the_configurations_folder(tmp_path, monkeypatch):
    import subprocess

    repo, plain = tmp_path / "repo", tmp_path / "plain"
    (repo / "docs").mkdir(parents=True)
    (plain / "sub").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo / "docs")
    assert sanitize.top_of(Config()) == os.path.realpath(repo)
    monkeypatch.chdir(plain / "sub")
    assert sanitize.top_of(Config(source=plain / ".handoff-lint.toml")) == str(plain)
    assert sanitize.top_of(Config()) == str(plain / "sub")
