"""How a value given to a name is judged: an issued key varies; one typed in order is a stand-in,
while a person's password typed so is still a password."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from handoff_lint.checks import credentials
from handoff_lint.data.config import Config
from handoff_lint.detect.given import given_secret
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source

RNG = random.Random(2930)


def codes(line: str) -> list[str]:
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), f"intro\n{line}\n")
    return [finding.code for finding in credentials.check(source, Config())]


def typed_in_order() -> str:
    """`AbCeFG123`-like: a run of the alphabet in mixed case (one letter skipped), then digits in
    order; built at random so that no test holds one literal."""
    start = RNG.randrange(0, 15)
    letters = [string.ascii_lowercase[start + i] for i in (0, 1, 2, 4, 5, 6)]
    mixed = "".join(c.upper() if RNG.random() < 0.5 else c for c in letters)
    first = RNG.randrange(0, 7)
    return mixed + "".join(str(first + i) for i in range(3))


@pytest.mark.parametrize(
    ("key", "name"), [("access_key", "SUMO_ACCESS_KEY"), ("api_key", "api_key"), ("token", "auth_token")]
)
def test_an_issued_key_typed_in_order_is_a_stand_in(key, name):
    """gitleaks' `SUMO_ACCESS_KEY: AbCeFG123`: a service issues random keys, never the alphabet."""
    value = typed_in_order()
    assert not given_secret(key, name, value, "")
    assert codes(f"{name}: {value}") == []


def test_a_password_typed_in_order_is_still_a_password():
    """People choose such passwords; only a key a service issues is known to vary."""
    assert codes(f"db_password: {typed_in_order()}") == ["HL304"]


def test_a_random_key_with_an_in_order_run_inside_is_found():
    """The look-alike: a real key that happens to hold `abcdef` or `1234` is still random."""
    alphabet = string.ascii_letters + string.digits
    body = "".join(RNG.choice(alphabet) for _ in range(14))
    value = body[:5] + "AbCdEf1234" + body[5:]
    assert codes(f"api_key: {value}") == ["HL304"]
    short = "".join(RNG.choice(alphabet) for _ in range(4)) + "abc123"
    assert codes(f"api_key: {short}x") == ["HL304"]
