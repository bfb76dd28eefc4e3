"""HL3xx: keys and tokens are found (in prose, code fences and inline code), placeholders are
not, and no output ever shows a secret in full."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import VALID_HANDOFF, run_cli
from handoff_lint.checks import credentials
from handoff_lint.data.config import Config
from handoff_lint.engine.discover import UNCLASSIFIED, SourceFile
from handoff_lint.redact import redact
from handoff_lint.engine.source import Source

RNG = random.Random(7)


def body(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    """A random-looking fake token body (never a real key)."""
    while True:
        value = "".join(RNG.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in value):
            return value


SECRETS = {
    "openai": "sk-proj-" + body(48),
    "anthropic": "sk-ant-api03-" + body(60),
    "huggingface": "hf_" + body(34),
    "google": "AIza" + body(35),
    "groq": "gsk_" + body(52),
    "replicate": "r8_" + body(37),
    "github": "ghp_" + body(36),
    "github-fine-grained": "github_pat_" + body(82, string.ascii_letters + string.digits + "_"),
    "npm": "npm_" + body(36),
    "pypi": "pypi-AgEIcHlwaS5vcmc" + body(60),
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + body(43),
}


def findings(text: str):
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), text)
    return credentials.check(source, Config())


@pytest.mark.parametrize("kind", sorted(SECRETS))
@pytest.mark.parametrize("template", ["export TOKEN={}", "```\nTOKEN={}\n```", "use `{}` here", 'api_key = "{}"'])
def test_token_is_found_and_redacted(kind, template):
    secret = SECRETS[kind]
    text = "intro\n" + template.format(secret) + "\n"
    found = [f for f in findings(text) if f.code == "HL301"]
    assert len(found) == 1, found
    line = next(n for n, l in enumerate(text.splitlines(), 1) if secret in l)
    assert found[0].line == line
    assert secret not in found[0].message and redact(secret) in found[0].message


def test_private_key_and_url_password():
    text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nDATABASE_URL=postgres://app:hunter22x@db:5432/prod\n"
    found = [(f.code, f.line) for f in findings(text)]
    assert ("HL302", 1) in found and ("HL303", 4) in found
    assert all("hunter22x" not in f.message for f in findings(text))


@pytest.mark.parametrize(
    "line",
    [
        "export OPENAI_API_KEY=sk-...",
        "export OPENAI_API_KEY=<YOUR_API_KEY>",
        "token: ${HF_TOKEN}",
        "key: {{ secrets.OPENAI_KEY }}",
        "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "commit 3f9c2e1b7a4d5e6f708192a3b4c5d6e7f8091a2b",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "id 123e4567-e89b-12d3-a456-426614174000",
        "postgres://app:${DB_PASSWORD}@db:5432/prod",
        "https://user:<password>@example.com/",
        "version 1.2.3 of task-runner",
    ],
)
def test_placeholders_and_lookalikes_are_clean(line):
    assert findings(line + "\n") == []


def test_no_output_format_prints_a_secret(handoff_root):
    lines = "\n".join(f"- {kind}: {secret}" for kind, secret in SECRETS.items())
    others = ["pw1234567", "Tr0ub4dor3x", "AKIAZ7Q3R5T2W8Y4U6P1", "Kq7Wm2Zp9Lx4Rn"]
    lines += "\n- postgres://a:pw1234567@db/x\n- db password: Tr0ub4dor3x\n- aws_access_key_id = AKIAZ7Q3R5T2W8Y4U6P1"
    lines += '\n- password = "Kq7Wm2Zp9Lx4Rn"\n\n```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7yq\n```'
    text = VALID_HANDOFF.replace("- Logs collected; no parsing done yet.", lines)
    (handoff_root / "active" / "handoff-2026-11-02-x.md").write_text(text)
    for output in ("text", "json"):
        result = run_cli("check", "--format", output, ".", cwd=handoff_root)
        assert result.code == 1
        for secret in [*SECRETS.values(), *others]:
            assert secret not in result.stdout + result.stderr, (output, secret[:6])
    reported = json.loads(run_cli("check", "--format", "json", "--select", "HL3", ".", cwd=handoff_root).stdout)
    assert sorted({f["code"] for f in reported}) == ["HL301", "HL302", "HL303", "HL304", "HL305"]
    assert len(reported) == len(SECRETS) + 5


def test_redact():
    assert redact("ghp_" + "a1" * 18) == "ghp_…(40 chars)"
    assert redact("short") == "…(5 chars)"


@pytest.mark.parametrize(
    "line, code, secret",
    [
        ("db password: Tr0ub4dor3x", "HL304", "Tr0ub4dor3x"),
        ("api_key = q8Zr2Lp0Wm4N", "HL304", "q8Zr2Lp0Wm4N"),
        ('password = "hunter22xyz"', "HL304", "hunter22xyz"),  # quoted: detect-secrets' keyword detector
        ("CLIENT_SECRET=9f8e7d6c5b4a", "HL304", "9f8e7d6c5b4a"),
        ("aws_access_key_id = AKIAZ7Q3R5T2W8Y4U6P1", "HL305", "AKIAZ7Q3R5T2W8Y4U6P1"),
        ("slack: xoxb-" + "123456789012-1234567890123-" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5", "HL305", None),
    ],
)
def test_assignments_and_detect_secrets_formats(line, code, secret):
    found = findings("intro\n" + line + "\n")
    assert [(f.code, f.line) for f in found] == [(code, 2)]
    if secret:
        assert secret not in found[0].message


@pytest.mark.parametrize(
    "line",
    ["password: ${DB_PASSWORD}", "password: <password>", "password = changeme", 'api_key = "xxxxxxxx"', "the password policy is documented", "token: $TOKEN"],
)
def test_assignment_placeholders_are_clean(line):
    assert findings(line + "\n") == []


def test_secret_found_after_a_character_whose_lower_case_is_longer():
    # 'İ'.lower() is two characters: keyword positions in the lower-cased text no longer match
    # the text's, and the check must not lose (or misplace) the assignment after it.
    found = findings("İstanbul office\nİİİ db password: Tr0ub4dor3x\n")
    assert [(f.code, f.line, f.column) for f in found] == [("HL304", 2, 18)]


FRAGMENTS = ["pass", "Password", "pwd", "secret", "token", "api_key", "API-KEY", "auth", "credential", "AKIA", "xoxb-",
             "sk_live", "SG.", "glpat-", "AccountKey=", "://", "bob:pw@", "https", " ", "=", ":", ":=", "=>", '"', "'",
             "x", "9", "-", "\n", "İ", "word", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_keyword_lines_are_the_lines_the_prefilter_matches(parts):
    """Trying the prefilter only where a keyword starts finds exactly the lines a search of
    every line finds (in a file with at least one keyword)."""
    text = "".join(parts)
    lines = text.split("\n")
    keyword_prefilter, _plugins = credentials._detect_secrets_prefilter()
    keywords = credentials.load_table("credentials")["literals"]["keywords"]
    expected = {i for i, line in enumerate(lines) if keyword_prefilter.search(line)} if any(k in text.lower() for k in keywords) else set()
    assert credentials._keyword_lines(text, lines, keywords) == expected


def test_other_rules_quoting_a_value_do_not_print_its_secret(handoff_root):
    """HL101, HL103 and HL111 quote the title, a field value and the status: a token written
    there is shown redacted too, in every format."""
    token, key = SECRETS["github"], SECRETS["openai"]
    text = (VALID_HANDOFF.replace("**Priority**: MEDIUM", f"**Priority**: MEDIUM {token}")
            .replace("# Local Handoff: Extract", f"# Handoff {key} Extract")
            .replace("**Handoff Status**: Ready for local model pickup", f"**Handoff Status**: api_key=Zq8Lp0Wm4Nr2"))
    assert text.count(token) == 1 and text.count(key) == 1 and "api_key=Zq8Lp0Wm4Nr2" in text
    (handoff_root / "active" / "handoff-2026-11-02-x.md").write_text(text)
    codes = {f["code"] for f in json.loads(run_cli("check", "--format", "json", ".", cwd=handoff_root).stdout)}
    assert {"HL101", "HL103", "HL111"} <= codes
    for output in ("text", "json", "sarif", "github", "junit"):
        result = run_cli("check", "--format", output, ".", cwd=handoff_root)
        assert result.code == 1
        for secret in (token, key, "Zq8Lp0Wm4Nr2"):
            assert secret not in result.stdout + result.stderr, (output, secret[:6])


BODY = "Zq3vL8mN2pR4sT6vW8yZ0aB1cD3eF5gH7jK9"  # 36 random-looking characters, made up
SECRET_PIECES = ["ghp_" + BODY, "gho_" + BODY, "github_pat_" + BODY + "_" + BODY, "sk-" + BODY + BODY[:12], "sk-ant-" + BODY, "hf_" + BODY[:34],
                 "AIza" + BODY[:35], "gsk_" + BODY + BODY[:16], "npm_" + BODY, "pypi-" + BODY + BODY, "eyJ" + BODY + ".eyJ" + BODY + "." + BODY,
                 "-----BEGIN RSA PRIVATE KEY-----", "https://bob:hunter2@db.example", "password = hunter2x", "api_key: " + BODY,
                 "AKIA" + BODY[:16].upper(), "xoxb-" + BODY]
FILLER = ["x", " ", "9", "-", "word", "_", "İ", "\n", "=", ":"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(FILLER), max_size=4), st.lists(st.sampled_from(SECRET_PIECES), min_size=1, max_size=3), st.lists(st.sampled_from(FILLER + FRAGMENTS), max_size=4))
def test_the_substring_gate_redacts_exactly_what_the_patterns_do(before, pieces, after):
    """redact_message (and the cache's screening) runs the patterns only on a text that holds
    one of the literals every pattern needs: it must redact what redact_line redacts."""
    text = "".join(before + pieces + after)
    assert credentials.redact_message(text) == credentials.redact_line(text)
