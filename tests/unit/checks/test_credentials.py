"""HL3xx: keys and tokens are found (in prose, code fences and inline code), placeholders are
not, and no output ever shows a secret in full."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings

try:  # Python 3.11+
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]
from hypothesis import strategies as st

from conftest import VALID_HANDOFF, run_cli
from handoff_lint.checks import credentials
from handoff_lint.data.config import Config
from handoff_lint.data.rules_data import load_table
from handoff_lint.detect import gates as detect_gates
from handoff_lint.detect import judge
from handoff_lint.detect import patterns as detect_patterns
from handoff_lint.detect import scan as detect_scan
from handoff_lint.detect.redact import redact
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source

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
    line = next(n for n, text_line in enumerate(text.splitlines(), 1) if secret in text_line)
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
    square = hexes(32) + "-us12"  # a format only detect-secrets knows (Mailchimp): HL305
    others = ["pw1234567", "Tr0ub4dor3x", "AKIAZ7Q3R5T2W8Y4U6P1", "Kq7Wm2Zp9Lx4Rn", square]
    lines += f"\n- postgres://a:pw1234567@db/x\n- db password: Tr0ub4dor3x\n- aws_access_key_id = AKIAZ7Q3R5T2W8Y4U6P1\n- square {square}"
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
    assert len(reported) == len(SECRETS) + 6


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
        ("aws_access_key_id = AKIAZ7Q3R5T2W8Y4U6P1", "HL301", "AKIAZ7Q3R5T2W8Y4U6P1"),
        ("slack: xoxb-" + "123456789012-1234567890123-" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5", "HL301", None),
        (
            "square: sq0csp-" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2Lm4Nn6Pp",
            "HL301",
            "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2Lm4Nn6Pp",
        ),
        ("mailchimp: " + "0123456789abcdef0123456789abcdef-us12", "HL305", "0123456789abcdef0123456789abcdef"),
    ],
)
def test_assignments_and_detect_secrets_formats(line, code, secret):
    found = findings("intro\n" + line + "\n")
    assert [(f.code, f.line) for f in found] == [(code, 2)]
    if secret:
        assert secret not in found[0].message


@pytest.mark.parametrize(
    "line",
    [
        "password: ${DB_PASSWORD}",
        "password: <password>",
        "password = changeme",
        'api_key = "xxxxxxxx"',
        "the password policy is documented",
        "token: $TOKEN",
    ],
)
def test_assignment_placeholders_are_clean(line):
    assert findings(line + "\n") == []


def test_secret_found_after_a_character_whose_lower_case_is_longer():
    # 'İ'.lower() is two characters: keyword positions in the lower-cased text no longer match
    # the text's, and the check must not lose (or misplace) the assignment after it.
    found = findings("İstanbul office\nİİİ db password: Tr0ub4dor3x\n")
    assert [(f.code, f.line, f.column) for f in found] == [("HL304", 2, 18)]


def test_other_rules_quoting_a_value_do_not_print_its_secret(handoff_root):
    """HL101, HL103 and HL111 quote the title, a field value and the status: a token written
    there is shown redacted too, in every format."""
    token, key = SECRETS["github"], SECRETS["openai"]
    square, mailchimp = (
        SAMPLES["SquareOAuthDetector"],
        SAMPLES["MailchimpDetector"],
    )  # formats only detect-secrets knows
    text = (
        VALID_HANDOFF.replace("**Priority**: MEDIUM", f"**Priority**: MEDIUM {token} {square} {mailchimp}")
        .replace("# Local Handoff: Extract", f"# Handoff {key} Extract")
        .replace("**Handoff Status**: Ready for local model pickup", "**Handoff Status**: api_key=Zq8Lp0Wm4Nr2")
    )
    assert text.count(token) == 1 and text.count(key) == 1 and "api_key=Zq8Lp0Wm4Nr2" in text
    (handoff_root / "active" / "handoff-2026-11-02-x.md").write_text(text)
    codes = {f["code"] for f in json.loads(run_cli("check", "--format", "json", ".", cwd=handoff_root).stdout)}
    assert {"HL101", "HL103", "HL111"} <= codes
    for output in ("text", "json", "sarif", "github", "junit"):
        result = run_cli("check", "--format", output, ".", cwd=handoff_root)
        assert result.code == 1
        for secret in (token, key, "Zq8Lp0Wm4Nr2", square, mailchimp):
            assert secret not in result.stdout + result.stderr, (output, secret[:6])


# -- every detector, every line: the gates never hide one ------------------------------------
def hexes(length: int) -> str:
    return body(length, "0123456789abcdef")


# One well-formed sample per detector: each of our patterns (rules/credentials.toml [tokens] and
# [other]) and each enabled detect-secrets plugin. Every value is random and fake.
SAMPLES = {
    **SECRETS,
    "huggingface-letters": "hf_" + "".join(RNG.choice(string.ascii_letters) for _ in range(34)),
    "aws": "AKIA" + body(16, string.ascii_uppercase + "234567"),
    "aws-bedrock": "ABSK" + body(132, string.ascii_letters + string.digits + "+/"),
    "slack": "xoxb-123456789012-1234567890123-" + body(24),
    "slack-webhook": "https://hooks.slack.com/services/T"
    + body(8, string.ascii_uppercase + string.digits)
    + "/B"
    + body(8, string.ascii_uppercase + string.digits)
    + "/"
    + body(24),
    "stripe": "rk_test_" + body(24),
    "gitlab": "glsoat-" + body(20),
    "gitlab-ptt": "glptt-" + hexes(40),
    "gitlab-imt": "glimt-" + body(25, string.ascii_letters + string.digits + "_-"),
    "gitlab-agent": "glagent-" + body(50, string.ascii_letters + string.digits + "_-"),
    "gitlab-oas": "gloas-" + body(64, string.ascii_letters + string.digits + "_-"),
    "azure-ad": "abc8Q~" + body(34, string.ascii_letters + string.digits + "~_.-"),
    "telegram": "1234567890:AA" + body(33, string.ascii_letters + string.digits + "_-"),
    "discord": "MTk4NjIyNDgzNDcxOTI1MjQ4." + body(6) + "." + body(27),
    "twilio": "SK" + hexes(32),
    "huggingface-org": "api_org_" + "".join(RNG.choice(string.ascii_letters) for _ in range(34)),
    "aws-bedrock-short": "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz"
    + body(120, string.ascii_letters + string.digits + "+/"),
    "teams-webhook": "https://acme.webhook.office.com/webhookb2/"
    + hexes(8)
    + "-"
    + hexes(4)
    + "-"
    + hexes(4)
    + "-"
    + hexes(4)
    + "-"
    + hexes(12)
    + "@"
    + hexes(8)
    + "-"
    + hexes(4)
    + "-"
    + hexes(4)
    + "-"
    + hexes(4)
    + "-"
    + hexes(12)
    + "/IncomingWebhook/"
    + hexes(32),
    "square": "sq0atp-" + body(22, string.ascii_letters + string.digits + "_-"),
    "digitalocean": "dop_v1_" + hexes(64),
    "heroku": "HRKU-AA" + body(58, string.ascii_letters + string.digits + "_-"),
    "sendgrid": "SG." + body(22) + "." + body(43),
    "perplexity": "pplx-" + body(48),
    "cohere": "cohere_api_key: " + body(40),
    # a key as a JSON string holds it (a header alone, quoted in prose, is a mention: detect/test_scan.py)
    "private-key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIGcf2SVbQqC5xJ8pYt0mQz4R7Lw3nBvK1dHs9aEo6uTZoAoGCCqGSM49",
    "url-password": "redis://default:" + body(16) + "@cache:6379/0",
    "assignment": "db_password: " + body(14),
    "quoted-pair": 'System.setProperty("DEPLOY_TOKEN", "' + body(32) + '")',
    "xml-element": "<deployToken>" + body(32) + "</deployToken>",
    "curl-user": "curl -u deploy:" + body(16) + " https://api.internal/v1",
    "auth-header": "Authorization: Bearer " + body(40, string.ascii_letters + string.digits + "_-."),
    "ArtifactoryDetector": "AKCp" + body(69),
    "AWSKeyDetector": "ASIA" + body(16, string.ascii_uppercase + "234567"),
    "AzureStorageKeyDetector": "AccountKey=" + body(86) + "==",
    "BasicAuthDetector": "https://bob:" + body(12) + "@db.example.org/x",
    "CloudantDetector": "https://acct:" + hexes(64) + "@acct.cloudant.com",
    "DiscordBotTokenDetector": "NzkyNzE1NDU0MTk2MDg4ODQy." + body(6) + "." + body(27),
    "GitLabTokenDetector": "glptt-" + hexes(40),
    "IbmCloudIamDetector": "ibm_cloud_iam_key: " + body(44, string.ascii_letters + string.digits + "_-"),
    "IbmCosHmacDetector": "secret_access_key = " + hexes(48),
    "KeywordDetector": 'contraseña = "' + body(14) + '"',
    "MailchimpDetector": hexes(32) + "-us12",
    "SendGridDetector": "SG." + body(22) + "." + body(43),
    "SlackDetector": "xoxp-123456789012-1234567890123-1234567890123-" + hexes(32),
    "SoftlayerDetector": "https://api.softlayer.com/soap/v3/" + hexes(64),
    "SquareOAuthDetector": "sq0csp-" + body(43),
    "StripeDetector": "sk_live_" + body(24),
    "TelegramBotTokenDetector": "987654321:AA" + body(33),
    "TwilioKeyDetector": "AC" + hexes(32),
}
ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
LOWER_DIGITS = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
TOKENISH = ALNUM + "_-"


def random_body(length: int, alphabet: str = ALNUM) -> str:
    """A fake body that varies like a key (the detectors judge it so): letters and digits."""
    while True:
        value = body(length, alphabet)
        if judge.looks_random(value) and (not any(c.isalpha() for c in alphabet) or any(c.isalpha() for c in value)):
            return value


def uuid4() -> str:
    return "-".join(random_body(n, "0123456789abcdef") for n in (8, 4, 4, 4, 12))


def draw(pattern: str) -> str:
    """A random string the regular expression ``pattern`` matches (for the `[keyed]` values)."""

    def walk(items) -> str:
        out = []
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                out.append(chr(arg))
            elif name == "IN":
                chars = set()
                for sub_op, sub in arg:
                    if str(sub_op) == "LITERAL":
                        chars.add(chr(sub))
                    elif str(sub_op) == "RANGE":
                        chars.update(chr(c) for c in range(sub[0], sub[1] + 1))
                out.append(RNG.choice(sorted(chars)))
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                out.extend(walk(arg[2]) for _ in range(arg[0]))
            elif name == "SUBPATTERN":
                out.append(walk(arg[-1]))
            elif name == "BRANCH":
                out.append(walk(arg[1][0]))
        return "".join(out)

    while True:
        value = walk(list(_sre_parse.parse(pattern)))
        if judge.looks_random(value) and any(c.isdigit() for c in value):
            return value


# One sample of each format of gitleaks' rules that handoff-lint reads (rules/credentials.toml),
# each random and fake.
SAMPLES.update(
    {
        "1password": "-".join(
            [
                "A3",
                random_body(6, UPPER_DIGITS),
                random_body(11, UPPER_DIGITS),
                *(random_body(5, UPPER_DIGITS) for _ in range(3)),
            ]
        ),
        "1password-service": "ops_eyJ" + random_body(300, ALNUM + "+/"),
        "adobe": "p8e-" + random_body(32),
        "age": "AGE-SECRET-KEY-1" + random_body(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
        "alibaba": "LTAI" + random_body(20),
        "artifactory": "AKCp" + random_body(69),
        "atlassian": "ATATT3" + random_body(186, TOKENISH + "="),
        "authress": ".".join(
            [
                "sc_" + random_body(10, LOWER_DIGITS),
                random_body(5, LOWER_DIGITS),
                "acc_" + random_body(20, LOWER_DIGITS),
                random_body(60, TOKENISH),
            ]
        ),
        "clickhouse": "4b1d" + random_body(38),
        "clojars": "CLOJARS_" + random_body(60, string.ascii_lowercase + string.digits),
        "cloudflare-origin-ca": "v1.0-" + hexes(24) + "-" + hexes(146),
        "databricks": "dapi" + hexes(32),
        "doppler": "dp.pt." + random_body(43),
        "duffel": "duffel_test_" + random_body(43, TOKENISH + "="),
        "dynatrace": "dt0c01." + random_body(24, UPPER_DIGITS) + "." + random_body(64, UPPER_DIGITS),
        "easypost": "EZAK" + random_body(54),
        "facebook": "EAAM" + random_body(160),
        "flutterwave": "FLWSECK_TEST-" + random_body(32, "abcdefgh0123456789") + "-X",
        "flyio": "fo1_" + random_body(43, TOKENISH),
        "frameio": "fio-u-" + random_body(64, TOKENISH),
        "gitlab-session": "_gitlab_session=" + random_body(32, string.ascii_lowercase + string.digits),
        "grafana": "glsa_" + random_body(32) + "_" + hexes(8),
        "harness": "pat." + random_body(22, TOKENISH) + "." + random_body(24) + "." + random_body(20),
        "hashicorp-tf": random_body(14) + ".atlasv1." + random_body(66, TOKENISH),
        "infracost": "ico-" + random_body(32),
        "intra42": "s-s4t2ud-" + hexes(64),
        "linear": "lin_api_" + random_body(40),
        "mailgun": "key-" + hexes(32),
        "mapbox": "sk.eyJ" + random_body(80, TOKENISH) + "." + random_body(30, TOKENISH),
        "maxmind": random_body(6) + "_" + random_body(29) + "_mmk",
        "new-relic": "NRAK-" + random_body(27, UPPER_DIGITS),
        "notion": "ntn_" + body(11, string.digits) + random_body(35),
        "octopus": "API-" + random_body(26, UPPER_DIGITS),
        "openshift": "sha256~" + random_body(43, TOKENISH),
        "plaid": "access-sandbox-" + uuid4(),
        "planetscale": "pscale_tkn_" + random_body(43),
        "postman": "PMAK-" + hexes(24) + "-" + hexes(34),
        "prefect": "pnu_" + random_body(36),
        "pulumi": "pul-" + hexes(40),
        "readme": "rdme_" + random_body(70, string.ascii_lowercase + string.digits),
        "rubygems": "rubygems_" + hexes(48),
        "scalingo": "tk-us-" + random_body(48, TOKENISH),
        "sendinblue": "xkeysib-" + hexes(64) + "-" + random_body(16),
        "sentry": "sntryu_" + hexes(64),
        "settlemint": "sm_pat_" + random_body(16),
        "shippo": "shippo_live_" + hexes(40),
        "shopify": "shpat_" + hexes(32),
        "sidekiq": "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=" + random_body(8, HEX) + ":" + random_body(8, HEX),
        "sonar": "squ_" + hexes(40),
        "sourcegraph": "sgp_" + hexes(40),
        "square-eaaa": "EAAA" + random_body(60, TOKENISH),
        "typeform": "tfp_" + random_body(59, TOKENISH),
        "vault": "hvs." + random_body(100, TOKENISH),
        "yandex": "AQVN" + random_body(36, TOKENISH),
        "dnkey": "dnkey-" + random_body(26, TOKENISH) + "-" + random_body(52, TOKENISH),
        "key-value-attribute": '<add key="ClearTextPassword" value="' + random_body(18) + '" />',
        "prose": "The staging password is " + random_body(14) + ".",
        "quoted-statement": 'private_key "' + random_body(18) + '";',
        "compared": 'if ("' + random_body(18) + '" == db_password) {',
        "quoted-random": "'" + random_body(48, ALNUM + "+/") + "'",
    }
)
for _name, _entry in sorted(load_table("credentials")["keyed"].items()):
    SAMPLES[_name] = f"{_entry['names'].split('|')[0].upper()}: {draw(_entry['value'])}"
SAMPLES["assignment"] = "db_password: " + body(14)  # (and the markdown forms below)


# The value of a sample that must never be shown (for assignments: what follows the name).
KEYED = set(load_table("credentials")["keyed"])
SHOWN_NEVER = {
    name: sample.split(" ", 1)[-1].split("=", 1)[-1].strip('"')
    if name in ("cohere", "assignment", "IbmCloudIamDetector", "IbmCosHmacDetector", "KeywordDetector")
    else sample
    for name, sample in SAMPLES.items()
}
SHOWN_NEVER.update({name: SAMPLES[name].split(": ", 1)[1] for name in KEYED})
SHOWN_NEVER["sidekiq"] = SAMPLES["sidekiq"].split("=", 1)[1]
SHOWN_NEVER["key-value-attribute"] = SAMPLES["key-value-attribute"].split('"')[3]
SHOWN_NEVER["prose"] = SAMPLES["prose"].rsplit(" ", 1)[1].rstrip(".")
SHOWN_NEVER["quoted-random"] = SAMPLES["quoted-random"].strip("'")
SHOWN_NEVER["url-password"] = SAMPLES["url-password"].split(":")[2].split("@")[0]
SHOWN_NEVER["BasicAuthDetector"] = SAMPLES["BasicAuthDetector"].split(":")[2].split("@")[0]
SHOWN_NEVER["CloudantDetector"] = SAMPLES["CloudantDetector"].split(":")[2].split("@")[0]
SHOWN_NEVER["private-key"] = "PRIVATE KEY"
SHOWN_NEVER["quoted-pair"] = SAMPLES["quoted-pair"].split('"')[3]
SHOWN_NEVER["quoted-statement"] = SAMPLES["quoted-statement"].split('"')[1]
SHOWN_NEVER["compared"] = SAMPLES["compared"].split('"')[1]
SHOWN_NEVER["xml-element"] = SAMPLES["xml-element"].split(">")[1].split("<")[0]
SHOWN_NEVER["curl-user"] = SAMPLES["curl-user"].split(":")[1].split(" ")[0]
SHOWN_NEVER["auth-header"] = SAMPLES["auth-header"].rsplit(" ", 1)[1]


def detectors() -> list[str]:
    table = load_table("credentials")
    return sorted([*table["tokens"], *table["keyed"], *table["other"], *table["detect-secrets"]["plugins"]])


# Detectors of a text's structure, not of one line: tested on their own (tests/unit/detect/).
MULTILINE = ("table-header",)
NAMELESS = ("quoted-random",)  # found where no name is given the value
LINE_SAMPLES = sorted(name for name in SAMPLES if name not in MULTILINE)


def test_every_detector_has_a_sample_and_a_gate():
    """A new pattern or plugin without a sample (or a gate) fails here, not silently later."""
    missing = [name for name in detectors() if name not in SAMPLES and name not in MULTILINE]
    assert not missing, missing
    gates = detect_gates.all_gates()
    assert not [name for name in detectors() if name not in gates]


@pytest.mark.parametrize("name", sorted(set(load_table("credentials")["tokens"]) | KEYED))
def test_each_format_finds_its_own_sample_alone(name):
    """Each token format (and provider secret) finds its sample by itself, not through another
    detector: the hit is labelled with its own name."""
    labels = {hit.label for hit in detect_patterns.own_hits(SAMPLES[name])}
    assert f"{name} token" in labels, (name, labels)


@pytest.mark.parametrize("name", LINE_SAMPLES)
@pytest.mark.parametrize(
    "template",
    [
        "{}",
        "{} and the example sk-xxxxxxxxxxxxxxxxxxxxxxxx",
        "see sk-your-key-goes-here, then {}",
        "the AKIAIOSFODNN7EXAMPLE: {} (glpat-XXXXXXXXXXXXXXXXXXXX)",
        # markdown: a list item, a bold label, a table cell, a quote
        "- {} (rotate it)",
        "**Note:** {}",
        "| prod | `{}` |",
        "> {}",
    ],
)
def test_every_detector_finds_its_sample_beside_placeholders(name, template):
    """No keyword needed, and a placeholder on the same line hides nothing: the sample is found
    in a file whose other lines are clean, and its finding lies on the sample."""
    if name in NAMELESS and ": {}" in template:
        pytest.skip("a string given to a name is judged by the name (the assignment rules)")
    line = template.format(SAMPLES[name])
    text = "# Notes\n\nNothing secret here.\n" + line + "\nThe end.\n"
    found = [f for f in findings(text) if f.line == 4]
    start = line.index(SAMPLES[name])
    assert any(start < f.column <= start + len(SAMPLES[name]) for f in found), (
        name,
        [(f.code, f.column, f.message) for f in found],
    )
    assert all(f.line == 4 for f in findings(text)), "a clean line was reported"
    assert all(SHOWN_NEVER[name] not in f.message for f in found)


@pytest.mark.parametrize("name", sorted(load_table("credentials")["detect-secrets"]["plugins"]))
def test_each_plugin_sample_is_one_the_plugin_itself_finds(name):
    """The samples are well-formed: the plugin alone, run the way detect-secrets runs it, finds it."""
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    with transient_settings({"plugins_used": [{"name": name}]}):
        assert list(scan_line(SAMPLES[name])), name


@pytest.mark.parametrize("name", LINE_SAMPLES)
def test_redact_text_hides_every_kind(name):
    line = f"see {SAMPLES[name]} for details"
    shown = detect_scan.redact_detected("intro\n" + line + "\n")
    assert SHOWN_NEVER[name] not in shown
    assert shown.startswith("intro\nsee ") and shown.endswith(" for details\n")
    assert detect_scan.secret_spans(line)


@pytest.mark.parametrize(
    "line",
    [
        "The password policy is documented in SECURITY.md",
        "Use a token bucket to limit requests",
        "A first pass found 40 lines.",
        "see https://example.com/docs",
        "",
    ],
)
def test_redact_text_leaves_clean_text_alone(line):
    assert detect_scan.redact_detected(line) == line and detect_scan.secret_spans(line) == []


# -- the proof: every match of every detector contains what its gate looks for ----------------
try:  # Python 3.11+
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
import re  # noqa: E402 - beside the proof that uses it


def _flatten(items) -> list:
    """The parsed sequence with groups opened (a group does not change what matches)."""
    out = []
    for op, arg in items:
        if str(op) == "SUBPATTERN" and arg[1] == 0 and arg[2] == 0:
            out += _flatten(arg[-1])
        else:
            out.append((op, arg))
    return out


def _strings(items) -> set[str] | None:
    """Every string the parsed sequence can match, when it is made of literals, small classes
    and alternatives of those (``A(?:KIA|SIA)``, ``[rs]k_``); else None."""
    found = {""}
    for op, arg in _flatten(items):
        name = str(op)
        if name == "LITERAL":
            options = {chr(arg)}
        elif name == "IN" and all(str(o) == "LITERAL" or str(a) == "CATEGORY_DIGIT" for o, a in arg):
            options = {c for o, a in arg for c in (string.digits if str(o) == "CATEGORY" else chr(a))}
        elif name == "BRANCH":
            parts = [_strings(alternative) for alternative in arg[1]]
            if any(part is None for part in parts):
                return None
            options = set().union(*parts)
        else:
            return None
        found = {f + o for f in found for o in options}
        if len(found) > 512:
            return None
    return found


def _covered(items, needles: set[str], fold: bool, prefix: frozenset = frozenset({""})) -> bool:
    """Every string the parsed sequence ``items`` matches (after any of ``prefix``) contains one
    of ``needles``."""

    def all_hold(runs) -> bool:
        return all(any(needle in (run.lower() if fold else run) for needle in needles) for run in runs)

    runs = set(prefix)
    for op, arg in _flatten(items) + [("END", None)]:
        name = str(op)
        options = _strings([(op, arg)]) if name != "END" else None
        if options is not None:
            runs = {r + o for r in runs for o in options}
            if len(runs) <= 512:
                continue
        if runs != {""} and all_hold(runs):
            return True
        if name == "BRANCH" and all(_covered(alternative, needles, fold, frozenset(runs)) for alternative in arg[1]):
            return True
        if name == "SUBPATTERN" and _covered(arg[-1], needles, fold, frozenset(runs)):
            return True
        if (
            name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
            and arg[0] >= 1
            and _covered(arg[2], needles, fold, frozenset(runs))
        ):
            return True
        runs = {""}
    return False


def _normal(items) -> list:
    def norm(value):
        if isinstance(value, (list, tuple)) or type(value).__name__ == "SubPattern":
            parts = [norm(v) for v in value]
            return tuple(sorted(parts, key=repr)) if type(value).__name__ == "list" else tuple(parts)
        return str(value)

    return [norm(item) for item in _flatten(items)]


def _holds_run(items, shape) -> bool:
    """``shape``'s sequence is a contiguous run of ``items``' sequence: a match of the whole
    contains a match of the shape."""
    whole, part = _normal(items), _normal(shape)
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _only_token_chars(items, fold: bool) -> bool:
    """Every character the parsed sequence can match is a token character (or it matches none)."""
    alphabet = set(detect_gates.RUN_CHARS)
    for op, arg in _flatten(items):
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name in ("LITERAL", "IN", "ANY", "NOT_LITERAL"):
            if not _chars((op, arg), fold) <= alphabet:
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _only_token_chars(arg[2], fold):
                return False
        elif name == "BRANCH":
            if not all(_only_token_chars(alternative, fold) for alternative in arg[1]):
                return False
        elif name == "SUBPATTERN":
            if not _only_token_chars(arg[-1], fold):
                return False
        else:
            return False
    return True


def _min_width(items) -> int:
    return sre_parse.SubPattern(sre_parse.State(), list(items)).getwidth()[0]


def _guaranteed_run(items, fold: bool) -> int:
    """The longest run of token characters (detect/gates.py RUN_CHARS) every match of the parsed
    sequence ``items`` holds: a lower bound, worked out from the items in order. An item that
    can only match token characters lengthens the run by its shortest width; any other item
    ends it (and may hold a run of its own)."""
    best = current = 0
    for op, arg in _flatten(items):
        name = str(op)
        if _only_token_chars([(op, arg)], fold):
            current += _min_width([(op, arg)])
            continue
        best = max(best, current)
        current = 0
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            best = max(best, _guaranteed_run(arg[2], fold))
        elif name == "BRANCH":
            best = max(best, min(_guaranteed_run(alternative, fold) for alternative in arg[1]))
        elif name == "SUBPATTERN":
            best = max(best, _guaranteed_run(arg[-1], fold))
    return max(best, current)


def _detector_regexes(name: str) -> list[re.Pattern]:
    table = load_table("credentials")
    if name in table["tokens"]:
        return [re.compile(table["tokens"][name])]
    if name in table["keyed"]:
        return [re.compile(detect_patterns.keyed_pattern(table["keyed"][name]))]
    if name in table["other"]:
        return [re.compile(table["other"][name])]
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    cls = next(c for c in get_mapping_from_secret_type_to_class().values() if c.__name__ == name)
    if name == "KeywordDetector":
        import detect_secrets.plugins.keyword as keyword

        return [
            v
            for v in vars(keyword).values()
            if isinstance(v, re.Pattern) and "contrase" in v.pattern and v.pattern != keyword.DENYLIST_REGEX
        ]
    return list(cls.denylist)


@pytest.mark.parametrize("name", detectors())
def test_the_gate_provably_admits_every_match(name):
    """From the parsed regular expressions: each match of the detector holds one of its gate's
    literals (and one of its `also` characters), or a match of its shape. The whole pattern,
    each alternative of each of the plugin's patterns: none is taken on trust."""
    gate = detect_gates.all_gates()[name]
    regexes = _detector_regexes(name)
    assert regexes
    for regex in regexes:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        if gate.get("run"):  # looked for only on lines with a run of RUN token characters
            run = _guaranteed_run(list(parsed), bool(regex.flags & re.IGNORECASE))
            assert run >= detect_gates.RUN, (name, regex.pattern, "run")
        if "shape" in gate:
            assert _holds_run(list(parsed), list(sre_parse.parse(gate["shape"]))), (name, regex.pattern)
            continue
        fold = bool(gate.get("nocase"))
        assert fold or not regex.flags & re.IGNORECASE, (name, "a case-blind pattern needs a nocase gate")
        needles = {n.lower() if fold else n for n in gate["any"]}
        assert _covered(list(parsed), needles, fold), (name, regex.pattern)
        if "also" in gate:
            assert _covered(list(parsed), set(gate["also"]), fold), (name, regex.pattern, "also")
        if "near" in gate:
            assert _has_run(list(parsed), gate["near"], bool(regex.flags & re.IGNORECASE)), (
                name,
                regex.pattern,
                "near",
            )


def _chars(items, fold: bool) -> set[str]:
    """The ASCII characters a parsed character class (or a single literal) matches."""
    probe = [chr(c) for c in range(32, 127)]
    op, arg = items
    name = str(op)
    if name == "LITERAL":
        chars = {chr(arg)}
    elif name == "IN":
        chars, negate = set(), False
        for sub_op, sub in arg:
            kind = str(sub_op)
            if kind == "NEGATE":
                negate = True
            elif kind == "LITERAL":
                chars.add(chr(sub))
            elif kind == "RANGE":
                chars |= {chr(c) for c in range(sub[0], sub[1] + 1)}
            elif kind == "CATEGORY":
                chars |= {
                    c
                    for c in probe
                    if re.match(
                        {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}.get(
                            str(sub), "(?!)"
                        ),
                        c,
                    )
                }
            else:
                return set(probe)  # unknown: assume anything
        if negate:
            chars = set(probe) - chars
    else:
        return set(probe)
    return chars | {c.swapcase() for c in chars} if fold else chars


def _has_run(items, near: str, fold: bool) -> bool:
    """Every match of ``items`` holds a run that ``near`` (one class repeated at least k times)
    matches: some element repeats at least k times a class inside ``near``'s."""
    ((op, (low, _high, sub)),) = list(sre_parse.parse(near))
    assert str(op) == "MAX_REPEAT" and len(sub) == 1
    allowed = _chars(sub[0], False)

    def walk(sequence) -> bool:
        for item_op, arg in _flatten(sequence):
            name = str(item_op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                inner = list(arg[2])
                if arg[0] >= low and len(inner) == 1 and _chars(inner[0], fold) <= allowed:
                    return True
                if arg[0] >= 1 and walk(inner):
                    return True
            elif name == "SUBPATTERN" and walk(arg[-1]):
                return True
            elif name == "BRANCH" and all(walk(alternative) for alternative in arg[1]):
                return True
        return False

    return walk(items)


def test_the_run_proof_would_catch_a_format_without_a_long_run():
    parse = lambda p: list(sre_parse.parse(p))  # noqa: E731
    assert _guaranteed_run(parse(r"\bghp_[A-Za-z0-9]{36}\b"), False) == 40
    assert _guaranteed_run(parse(r"xox[ar]-(?:[0-9A-Za-z]+-){0,8}[0-9A-Za-z]{10,250}"), False) == 15
    assert _guaranteed_run(parse(r"pscale_tkn_[A-Za-z0-9_=.-]{32,64}"), False) == 11  # a dot may break the run
    assert _guaranteed_run(parse(r"(?:AQVN[A-Za-z0-9]{35}|t1\.[a-z]{5}\.[a-z]{86})"), False) == 39
    assert _guaranteed_run(parse(r"(?:AQVN[A-Za-z0-9]{35}|t1\.[a-z]{5})"), False) == 5
    assert _guaranteed_run(parse(r"[0-9]{5,16}:(?P<b>[A-Za-z0-9_-]{35})"), False) == 35


def test_the_proof_would_catch_a_gate_that_hides_a_match():
    assert _has_run(list(sre_parse.parse(r"key *= *([0-9a-f]{64})")), "[A-Za-z0-9_-]{24}", False)
    assert not _has_run(list(sre_parse.parse(r"key *= *([0-9a-f/]{64})")), "[A-Za-z0-9_-]{24}", False)
    assert not _has_run(list(sre_parse.parse(r"key *= *([0-9a-f]{20})")), "[A-Za-z0-9_-]{24}", False)
    parse = lambda p: list(sre_parse.parse(p))  # noqa: E731
    assert _covered(parse(r"(?:AKIA|ASIA)[A-Z]{16}"), {"AKIA", "ASIA"}, False)
    assert not _covered(parse(r"(?:AKIA|ASIA)[A-Z]{16}"), {"AKIA"}, False)
    assert not _covered(parse(r"x?AKIA"), {"xAKIA"}, False)
    assert not _covered(parse(r"(?:AKIA)?[A-Z]{16}"), {"AKIA"}, False)
    assert _covered(parse(r"pass[!=]{1,2}"), {"!", "="}, False)
    assert _holds_run(parse(r"\d{8,10}:(?P<b>[0-9A-Za-z_-]{35})"), parse(r":[A-Za-z0-9_-]{35}"))
    assert not _holds_run(parse(r"\d{8,10}:[0-9A-Za-z]{35}"), parse(r":[A-Za-z0-9_-]{35}"))


FRAGMENTS = [
    "pass",
    "Password",
    "pwd",
    "secret",
    "token",
    "api_key",
    "API-KEY",
    "auth",
    "credential",
    "AKIA",
    "xoxb-",
    "sk_live",
    "SG.",
    "glpat-",
    "AccountKey=",
    "://",
    "bob:pw@",
    "https",
    " ",
    "=",
    ":",
    ":=",
    "=>",
    '"',
    "'",
    "x",
    "9",
    "-",
    "\n",
    "İ",
    "word",
    "_",
    "Q~",
    "AC",
    "SK",
    ".",
    "-us",
    "hf_",
    "sk-",
]
PIECES = [
    SAMPLES[name]
    for name in (
        "openai",
        "aws",
        "slack",
        "telegram",
        "discord",
        "twilio",
        "assignment",
        "KeywordDetector",
        "MailchimpDetector",
        "url-password",
        "azure-ad",
        "vault",
        "shopify",
        "cloudflare",
        "sidekiq",
        "quoted-random",
        "prose",
        "grafana",
    )
]
# run gates: a long run of token characters on a line, or a literal of a run gate without one
FRAGMENTS += ["a" * 16, "x-" * 9, "hvs.", "shpat_", "CLOUDFLARE: ", "'", "The password is ", "|", "**", "sumo"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS + PIECES), max_size=30))
def test_lines_the_gates_skip_hold_nothing_any_detector_finds(parts):
    """The fast path (needle positions in the whole text) picks exactly the lines the gates
    pick one by one, and every detector run on every other line finds nothing there."""
    text = "".join(parts)
    lines = text.split("\n")
    picked = detect_gates.candidate_lines(text)
    assert picked == {i for i, line in enumerate(lines) if detect_gates.line_passes(line)}
    skipped = [line for i, line in enumerate(lines) if i not in picked]
    if skipped:
        assert detect_scan.line_hits(skipped) == [[] for _ in skipped]


@pytest.mark.parametrize(
    "kind, make",
    [
        ("anthropic", lambda: "sk-ant-api03-" + body(93, string.ascii_letters + string.digits + "_-") + "AA"),
        ("openai", lambda: "sk-proj-" + body(156, string.ascii_letters + string.digits + "_-")),
        ("huggingface", lambda: "hf_" + "".join(RNG.choice(string.ascii_letters) for _ in range(34))),
    ],
)
def test_the_whole_body_is_judged_random(kind, make):
    """Random well-formed keys are found, whatever their first `_` or `-` cuts off."""
    keys = [make() for _ in range(300)]
    text = "".join(f"key {key}\n" for key in keys)
    lines = {f.line for f in findings(text) if f.code == "HL301"}
    assert len(lines) == len(keys), [kind, len(keys) - len(lines)]


@pytest.mark.parametrize(
    "line",
    [
        "see https://example.com/?access_token=ACCESS_TOKEN",
        'const url = "https://url:8000";@Injectable()',
        "AKIAIOSFODNN7EXAMPLE",
        "token glpat-XXXXXXXXXXXXXXXXXXXX",
        "api_key = insert_key_here",
        "-----BEGIN PRIVATE KEY-----REDACTED-----END PRIVATE KEY-----",
        "max_tokens: 4096000000",
        "token: ~/.config/hf/token",
        "hf_abcdefghijklmnopqrstuvwxyzabcdefgh",
    ],
)
def test_lookalikes_the_peers_avoid_are_clean(line):
    assert findings("intro\n" + line + "\n") == []


def test_a_token_in_a_file_name_is_a_finding_and_redacted_in_every_path(tmp_path):
    """HL306: the name is committed and shown everywhere; every format shows it redacted, even
    for a file that cannot be read as text."""
    from conftest import run_cli

    token = "ghp_" + "Zq3x9TbLm2Vw8Kp4Rn7Yc1Hd6Fj0Gs5Ua2Eb"
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (root / "active" / f"notes-{token}.md").write_text("# Notes\n")
    (root / "active" / f"blob-{token}.md").write_bytes(b"\x00\x01binary")
    for output in ("text", "json", "sarif", "github", "junit"):
        result = run_cli("check", "--no-cache", "--format", output, ".", cwd=tmp_path)
        assert result.code == 1 and token not in result.stdout + result.stderr, output
        assert token[:8] not in result.stdout, output
    found = run_cli("check", "--no-cache", "--format", "json", "--select", "HL306", ".", cwd=tmp_path)
    assert sorted(f["path"] for f in __import__("json").loads(found.stdout)) == [
        "models/next-local/active/blob-ghp_…(40 chars).md",
        "models/next-local/active/notes-ghp_…(40 chars).md",
    ]


def test_a_nul_byte_does_not_hide_a_key_in_a_file_beside_the_documents(handoff_root):
    """A walk skips binary files it finds beside the documents (images, archives), but reads
    their printable runs for credentials: a NUL at the top of a .env must not hide the key."""
    from conftest import run_cli

    token = "ghp_" + "Zq3x9TbLm2Vw8Kp4Rn7Yc1Hd6Fj0Gs5Ua2Eb"
    (handoff_root / ".env").write_bytes(b"\x00\x01\x02\nGITHUB_TOKEN=" + token.encode() + b"\n")
    (handoff_root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_cli("check", "--no-cache", "--format", "json", ".", cwd=handoff_root)
    found = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in found] == [(".env", "HL301")]
    assert token not in result.stdout


# -- passwords on command lines and in HTTP headers (HL303) -----------------------------------
B64 = __import__("base64").b64encode


@pytest.mark.parametrize(
    "line, secret",
    [
        ("curl -u elastic:{s} https://localhost:9200", "Xq7" + body(13)),
        ("curl --user 'ops:{s}' https://api.internal", body(14)),
        ('curl --user "j.doe:{s}" "https://api.internal/me"', "dB2y@" + body(11)),
        ("curl --user ada:'{s}' -X PATCH", body(16)),
        ('curl -u "{s}:" https://api.stripe.test/v1/charges', "rk9" + body(20)),  # a key given as the user name
        ("curl -H 'Authorization: Bearer {s}'", body(32, string.ascii_letters + string.digits + "_-")),
        ('curl -H "Authorization: Token {s}"', hexes(40)),
        ('curl -H "Authorization: Basic {s}"', B64(b"svc-build:" + body(18).encode()).decode()),
        ("Authorization: {s}", hexes(8) + "-" + hexes(4) + "-" + hexes(4) + "-" + hexes(4) + "-" + hexes(12)),
    ],
)
def test_command_line_and_header_credentials_are_found_and_redacted(line, secret):
    text = "intro\n" + line.format(s=secret) + "\n"
    found = [f for f in findings(text) if f.code == "HL303"]
    assert len(found) == 1 and all(secret not in f.message for f in found), found
    assert secret not in detect_scan.redact_detected(text)


@pytest.mark.parametrize(
    "line",
    [
        "curl -u user:pass https://api.internal",
        "curl -s -u 'demo:demo' http://localhost:8080/health",
        'curl --user "$USER:$PASS" "$URL"',
        'curl -u "${{ secrets.USER }}:${{ secrets.PASS }}"',
        "curl --user alice:token https://api.example.com",
        "curl --user admin:[PASSWORD] http://[HOST]:8080",
        "curl -u 'aaa:bbbb' https://x.test",
        'curl --user ":" https://localhost:8443',
        "curl -u <user:password> https://x.test",
        'curl -u "myname" https://x.test',
        'curl -H "Authorization: Bearer $TOKEN"',
        'curl -H "Authorization: Bearer <token>"',
        'curl -H "Authorization: Bearer $(gcloud auth print-access-token)"',
        'curl -H "Authorization: Basic dXNlcjpwYXNz"',
        'curl -H "Authorization: Token ******"',
        'curl -H "Authorization: Bearer XXXXXXXX-XXXX"',
        '-H "Authorization: Basic {base64(user:pass)}"',
        "The Authorization: header carries the session",
        "Authorization: HMAC-SHA256 over the body",
        "Authorization: Bearer JWT-from-step-2",
        "docker login -u deploy --password-stdin",
        "docker run -u 1000:1001 image",
        "Examples: `curl -u user:pass`, `-u username:token`.",
        "sort -u a.txt",
        "git push -u origin main",
    ],
)
def test_command_line_and_header_stand_ins_are_clean(line):
    assert [f for f in findings("intro\n" + line + "\n") if f.code.startswith("HL3")] == []


@pytest.mark.parametrize(
    "line",
    [
        'System.setProperty("DB_PASSWORD", "' + body(18) + '")',
        "os.getenv('api_token', '"
        + hexes(8)
        + "-"
        + hexes(4)
        + "-"
        + hexes(4)
        + "-"
        + hexes(4)
        + "-"
        + hexes(12)
        + "')",
        "<bitbucketToken>  " + body(32).lower() + "  </bitbucketToken>",
        "<db:password>" + body(16) + "</db:password>",
    ],
)
def test_quoted_pairs_and_xml_elements_are_found(line):
    assert [f.code for f in findings("intro\n" + line + "\n")] == ["HL304"]


@pytest.mark.parametrize(
    "line",
    [
        't("password", "Password")',
        'os.getenv("API_TOKEN", "")',
        'System.getProperty("DB_PASSWORD", "${DB_PASSWORD}")',
        "<password>${DB_PASSWORD}</password>",
        "<token>YOUR_TOKEN_HERE</token>",
        "<passwordPolicy>strict</passwordPolicy>",
        'labels = ["token", "secret", "password"]',
        "<tokenUrl>https://login.example.com/oauth2/token</tokenUrl>",
    ],
)
def test_quoted_pair_and_xml_stand_ins_are_clean(line):
    assert [f for f in findings("intro\n" + line + "\n") if f.code.startswith("HL3")] == []


def test_a_key_published_on_purpose_is_dropped_and_only_it(monkeypatch):
    """[public-keys] holds SHA-256 digests (so the rules file holds no key); a listed key is no
    finding, an unlisted key of the same format still is."""
    import hashlib

    digests = load_table("credentials")["public-keys"]["sha256"]
    assert digests and all(re.fullmatch(r"[0-9a-f]{64}", d) for d in digests)
    published, other = "AIza" + body(35), "AIza" + body(35)
    monkeypatch.setattr(judge, "public_keys", lambda: frozenset([hashlib.sha256(published.encode()).hexdigest()]))
    assert findings(f"intro\nkey {published}\n") == []
    assert [f.code for f in findings(f"intro\nkey {other}\n")] == ["HL301"]
