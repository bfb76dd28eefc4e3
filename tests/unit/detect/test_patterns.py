"""Issue 29: the formats and the assignments gitleaks finds, and the ways people write a password
in a markdown handoff, are found; what an honest writer leaves instead of a secret is not."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from handoff_lint.checks import credentials
from handoff_lint.data.config import Config
from handoff_lint.detect import patterns
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source

RNG = random.Random(29)
ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits


def rand(length: int, alphabet: str = ALNUM) -> str:
    """A random-looking fake value (letters and digits mixed; never a real key)."""
    while True:
        value = "".join(RNG.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in value) and (alphabet.isdigit() or any(c.isalpha() for c in value)):
            return value


def hexes(length: int) -> str:
    return rand(length, "0123456789abcdef")


def findings(text: str):
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), text)
    return credentials.check(source, Config())


def found_on(line: str, secret: str) -> list:
    """The credential findings on ``line`` (in a file of clean lines) that start on ``secret``."""
    text = "# Notes\n\nNothing secret here.\n" + line + "\nThe end.\n"
    result = findings(text)
    assert all(f.line == 4 for f in result), [(f.line, f.code) for f in result]
    start = line.index(secret) + 1
    hits = [f for f in result if start <= f.column < start + len(secret)]
    assert all(secret not in f.message for f in result)
    return hits


# The formats the issue found gitleaks alone reads: one random token each, in a handoff line.
FORMATS = {
    "vault": "hvs." + rand(95, ALNUM + "_-"),
    "databricks": "dapi" + hexes(32),
    "shopify": "shpat_" + hexes(32),
    "grafana cloud": "glc_" + rand(60, ALNUM + "+/"),
    "grafana service account": "glsa_" + rand(32) + "_" + hexes(8),
    "age": "AGE-SECRET-KEY-1" + rand(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
    "linear": "lin_api_" + rand(40),
    "postman": "PMAK-" + hexes(24) + "-" + hexes(34),
    "sentry": "sntryu_" + hexes(64),
    "doppler": "dp.pt." + rand(43),
    "atlassian": "ATATT3" + rand(186, ALNUM + "_-="),
    "alibaba": "LTAI" + rand(20),
    "pulumi": "pul-" + hexes(40),
    "dynatrace": "dt0c01." + rand(24, UPPER) + "." + rand(64, UPPER),
    "planetscale": "pscale_tkn_" + rand(43),
    "rubygems": "rubygems_" + hexes(48),
    "prefect": "pnu_" + rand(36),
    "openshift": "sha256~" + rand(43, ALNUM + "_-"),
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize(
    "template", ["Use {} for the nightly job.", "- deploy token: `{}`", "**Token**: {}", "| prod | {} |"]
)
def test_each_format_gitleaks_alone_read_is_found(kind, template):
    token = FORMATS[kind]
    hits = found_on(template.format(token), token)
    assert any(f.code in ("HL301", "HL304") for f in hits), (kind, template)


PREFIXES = (
    "hvs.",
    "dapi",
    "shpat_",
    "glc_",
    "glsa_",
    "AGE-SECRET-KEY-1",
    "lin_api_",
    "PMAK-",
    "sntryu_",
    "dp.pt.",
    "ATATT3",
    "LTAI",
    "pul-",
    "dt0c01.",
    "pscale_tkn_",
    "rubygems_",
    "pnu_",
    "sha256~",
)


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_a_placeholder_of_each_format_is_clean(kind):
    token = FORMATS[kind]
    prefix = next(p for p in PREFIXES if token.startswith(p))
    placeholder = prefix + "X" * (len(token) - len(prefix))
    assert findings(f"intro\nset it to {placeholder} before the run\n") == []


ASSIGNED = rand(24)


@pytest.mark.parametrize(
    "line",
    [
        f"signing_key: {ASSIGNED}",
        f"encryption_key: {ASSIGNED}",
        f"master_key = {ASSIGNED}",
        f"session_key: '{ASSIGNED}'",
        f"auth: {ASSIGNED}",
        f"oauth: {ASSIGNED}",
        f"key: {ASSIGNED}",
        f'{{"key": "{ASSIGNED}"}}',
        f"password -> {ASSIGNED}",
        f"signingKey: {ASSIGNED}",
        f"mySecretString={ASSIGNED}",
        f'secret("{ASSIGNED}")',
        f'if (api_key == "{ASSIGNED}")',
    ],
)
def test_the_assignments_gitleaks_reads_are_found(line):
    assert [f.code for f in found_on(line, ASSIGNED)] == ["HL304"], line


PASSWORD = "Xk9#mP2v" + rand(6)


@pytest.mark.parametrize(
    "line",
    [
        f"**Password**: {PASSWORD}",
        f"**Password:** {PASSWORD}",
        f"- **DB password**: `{PASSWORD}`",
        f"**API key**: {PASSWORD}",
        f"db_pass: {PASSWORD}",
        f"* Password: {PASSWORD} (rotated monthly)",
        f"password: [{PASSWORD}]",
        f"The password is {PASSWORD}.",
        f"The staging password for the admin user was `{PASSWORD}`",
        f"The API key is {PASSWORD}",
        f'password: "{PASSWORD}"',
    ],
)
def test_a_password_written_the_markdown_way_is_found(line):
    assert [f.code for f in found_on(line, PASSWORD)] == ["HL304"], line


@pytest.mark.parametrize(
    "line",
    [
        "**Password**: stored in the local keyring",
        "**Password**: ${OPENAI_API_KEY}",
        "**API key**: <redacted>",
        "**Password**: ********",
        "**Password**: see vault",
        "**Password**: in 1Password",
        "password: [REDACTED]",
        "password: [see the vault](https://vault.example/db)",
        "The password is stored in the vault.",
        "The token is valid for 2 hours.",
        "The password was rotated yesterday.",
        "- Password: ask the on-call engineer",
        "**Token**: `$GITHUB_TOKEN`",
        "db_pass: op://vault/db/password",
        "sort_key: created_at_2024",
        "primary_key: user_id",
        "key: value_name",
        "auth: basic",
        "oauth: enabled",
        "**Key**: the escape key",
        "key_down_event=onKeyDown",
        "The token bucket is refilled at 100/s.",
        "The secret is that nobody reads the logs.",
        "password = getpass()",
        "password = os.environ['DB_PASSWORD']",
        "password: settings.get('db').value",
        "secret: vault.read('db')['data'];",
        "administrator_login_password = var.db_password",
        "passport: required",
        "bypass: true",
        "monkey: see below",
        "author: Jane Doe",
        "tokenizer: sentencepiece-v2",
        "password: real_key",
        "GITHUB_API_KEY=",
        "token_url: https://login.example.com/oauth/token",
        "- `password` (string): the user's password",
    ],
)
def test_what_an_honest_writer_leaves_instead_is_clean(line):
    assert findings("intro\n" + line + "\n") == [], line


@pytest.mark.parametrize("password", ["Summer(2024)!", "Tr0ub[4]dor&3", "Xk9{q}L2mP7", "Tr0ub4d${}or&3xK9"])
def test_a_password_with_paired_brackets_is_no_expression(password):
    """Brackets that pair up do not make a value code when more than attribute names follow them:
    these were read as calls and indexes, and passed unreported."""
    found = findings(f"intro\npassword: {password}\n")
    assert [f.code for f in found] == ["HL304"], password
    assert password not in found[0].message


def test_a_private_key_written_with_four_dashes_is_found():
    line = "----BEGIN RSA PRIVATE KEY----"
    assert [f.code for f in findings(f"intro\n{line}\n{rand(64)}\n----END RSA PRIVATE KEY----\n")] == ["HL302"]


@pytest.mark.parametrize(
    "line",
    [
        "quoted: '{}'".replace("quoted: ", ""),
        '["{}"]',
        'call("{}")',
    ],
)
def test_a_quoted_random_string_with_no_name_is_found(line):
    value = rand(48, ALNUM + "+/")
    assert [f.code for f in found_on(line.format(value), value)] == ["HL301"]


@pytest.mark.parametrize(
    "line",
    [
        '"3f9c2e1b7a4d5e6f708192a3b4c5d6e7f8091a2b"',  # a commit
        '"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',  # a SHA-256 digest
        '"abcdefghijklmnopqrstuvwxyz0123456789"',
        '"handoff-2026-11-24-triage-nightly-test-timeouts"',
        'request_id = "7SWa4Fo1hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJWBDl1vxd9"',
        '<input value="7SWa4Fo1hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJW">',
    ],
)
def test_quoted_strings_that_are_no_key_are_clean(line):
    assert findings("intro\n" + line + "\n") == [], line


def test_a_provider_secret_is_found_by_the_providers_name():
    value = hexes(37)
    assert [f.message.split(" ")[0] for f in found_on(f"Cloudflare: {value}", value)] == ["cloudflare"]
    assert findings(f"intro\nsumOfExposures = {rand(64)};\n") == []  # `sumo` is no word of that name


def test_keyed_names_are_literals_and_each_entry_compiles():
    from handoff_lint.data.rules_data import load_table

    for name, entry in load_table("credentials")["keyed"].items():
        assert all(part.replace("_", "").replace("-", "").isalnum() for part in entry["names"].split("|")), name
        patterns.keyed_pattern(entry)


@pytest.mark.parametrize(
    "line",
    [
        'char secret[25] = "{}";',
        'char db_password[] = "{}";',
        'secrete.assign("{}",17);',
        "api_key.assign('{}');",
    ],
)
def test_a_cpp_array_and_a_string_assign_give_the_name_its_value(line):
    """C and C++ write a literal into a named buffer (`char secret[25] = "..."`) or a string
    (`secrete.assign("...", 17)`, detect-secrets' forms): the value is the name's, as
    `secret = "..."` is."""
    assert [f.code for f in found_on(line.format(PASSWORD), PASSWORD)] == ["HL304"], line


@pytest.mark.parametrize(
    "line",
    [
        "char secret[25];",
        "secret.assign(other_buffer, 17);",
        'password[0] = getenv("DB_PASSWORD");',
        'secret.assign("$SECRET_FROM_ENV");',
    ],
)
def test_code_that_gives_a_buffer_no_literal_is_clean(line):
    assert findings("intro\n" + line.format(PASSWORD) + "\n") == [], line
