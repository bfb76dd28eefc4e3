"""Issue 29, end to end through the CLI: a password written the markdown way (a bold label, a table
row, a sentence, brackets) and a token written encoded or in pieces are reported in a real
handoff, and no report format, nor the cache, ever shows them in full; a password in brackets
is a credential, not an HL112 template placeholder that quotes it."""

from __future__ import annotations

import base64
import json
import random
import string
from urllib.parse import quote

import pytest

from conftest import VALID_HANDOFF, run_cli

RNG = random.Random(2931)


def rand(length: int) -> str:
    while True:
        value = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(length))
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            return value


BRACKETED = "Kq7" + rand(11)
SECRETS = {
    "bold label": "Xk9" + rand(12),
    "brackets": BRACKETED,
    "table": "Tb4" + rand(12),
    "sentence": "Ps2" + rand(12),
    "comment": "ghp_" + rand(36),
    "percent": "hvs." + rand(95),
    "entities": "shpat_" + "".join(RNG.choice("0123456789abcdef") for _ in range(32)),
    "base64": "glsa_" + rand(32) + "_" + "".join(RNG.choice("0123456789abcdef") for _ in range(8)),
}
WRITTEN = {
    "comment": SECRETS["comment"][:3] + "<!-- -->" + SECRETS["comment"][3:],
    "percent": quote(SECRETS["percent"], safe=""),
    "entities": "".join(f"&#{ord(c)};" for c in SECRETS["entities"][:6]) + SECRETS["entities"][6:],
    "base64": base64.b64encode(f"GRAFANA_TOKEN={SECRETS['base64']}".encode()).decode(),
}


def plant(root):
    extra = "\n".join(
        [
            f"- **Password**: {SECRETS['bold label']}",
            f"- **DB password**: [{SECRETS['brackets']}]",
            "",
            "| system | user | password |",
            "|---|---|---|",
            f"| prod-db | admin | {SECRETS['table']} |",
            "| staging | ci | stored in the local keyring |",
            "",
            f"The staging password is {SECRETS['sentence']}.",
            f"Token {WRITTEN['comment']} for the bot, vault {WRITTEN['percent']},",
            f"shop {WRITTEN['entities']} and the blob {WRITTEN['base64']}.",
            "- **API key**: ${OPENAI_API_KEY}",
            "- **Password** for the archive: see vault",
        ]
    )
    anchor = "- Logs collected; no parsing done yet."
    text = VALID_HANDOFF.replace(anchor, anchor + "\n" + extra)
    (root / "active" / "handoff-2026-11-02-x.md").write_text(text)
    return text


def test_markdown_and_encoded_secrets_are_reported_and_never_shown(handoff_root, tmp_path):
    text = plant(handoff_root)
    cache = tmp_path / "cache"
    found = json.loads(run_cli("check", "--format", "json", "--cache-dir", str(cache), ".", cwd=handoff_root).stdout)
    lines = text.splitlines()
    reported = {(f["line"], f["code"]) for f in found}
    for kind, secret in SECRETS.items():
        needle = WRITTEN.get(kind, secret)
        number = next(n for n, line in enumerate(lines, 1) if needle in line)
        assert any(line == number and code.startswith("HL3") for line, code in reported), (kind, number)
    assert not [f for f in found if f["code"] == "HL112"], "a bracketed password is no template placeholder"
    words = ("keyring", "OPENAI_API_KEY", "see vault")
    stand_ins = {n for n, line in enumerate(lines, 1) if any(word in line for word in words)}
    assert not [f for f in found if f["line"] in stand_ins]
    for output in ("text", "json", "sarif", "github", "junit"):
        for cached in ("--no-cache", f"--cache-dir={cache}"):
            result = run_cli("check", "--format", output, cached, ".", cwd=handoff_root)
            shown = result.stdout + result.stderr
            assert result.code == 1
            for kind in SECRETS:
                assert SECRETS[kind] not in shown, (output, kind)
                assert WRITTEN.get(kind, SECRETS[kind]) not in shown, (output, kind)
    on_disk = "".join(path.read_bytes().decode("latin-1") for path in cache.rglob("*") if path.is_file())
    for kind in SECRETS:
        assert SECRETS[kind] not in on_disk and WRITTEN.get(kind, SECRETS[kind]) not in on_disk, kind


@pytest.mark.parametrize("value, placeholder", [(BRACKETED, False), ("Your DB password here", True)])
def test_hl112_reports_template_text_in_brackets_but_not_a_credential(handoff_root, value, placeholder):
    text = VALID_HANDOFF.replace("**Priority**: MEDIUM", f"**Priority**: MEDIUM\n**Password**: [{value}]")
    (handoff_root / "active" / "handoff-2026-11-02-x.md").write_text(text)
    for output in ("text", "json"):
        result = run_cli("check", "--no-cache", "--format", output, ".", cwd=handoff_root)
        assert ("HL112" in result.stdout) is placeholder, result.stdout
        if not placeholder:
            assert value not in result.stdout + result.stderr and "HL304" in result.stdout
