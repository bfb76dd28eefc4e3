"""How a name and a value are judged: a name that names what holds or points to a secret is no
secret's name, whichever secret word ends it; a name whose head is the secret keeps it one."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from handoff_lint.checks import credentials
from handoff_lint.data.config import Config
from handoff_lint.detect.judge import name_says_secret
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source

RNG = random.Random(2929)


def rand(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(length)) + "7"


def codes(line: str) -> list[str]:
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), f"intro\n{line}\n")
    return [finding.code for finding in credentials.check(source, Config())]


@pytest.mark.parametrize("name", ["keyVaultToStoreSecrets", "path_to_secret", "url_for_token", "vaultForPasswords"])
def test_a_name_for_what_holds_a_secret_names_none(name):
    """`keyVaultToStoreSecrets` names a key vault (Azure's), `path_to_secret` a path: the head
    before `to`/`for`/`of`/`from` is what the name names."""
    assert not name_says_secret(name)
    assert codes(f"{name}: cmp{RNG.randint(2, 9)}-qat-{RNG.randint(10**9, 10**10)}") == []


@pytest.mark.parametrize("name", ["password_for_admin_user", "tokenForCiUser", "secret_of_the_vault", "api_key_for_ci"])
def test_a_name_whose_head_is_the_secret_stays_one(name):
    """The look-alike: a secret named for whom or what it serves (`password_for_admin_user`) is
    a secret, though its last word (`user`, `vault`) alone names none."""
    value = rand(16)
    assert name_says_secret(name)
    assert codes(f"{name}: {value}") == ["HL304"]


def test_a_name_with_no_preposition_is_judged_by_its_last_part_as_before():
    assert not name_says_secret("secret_name") and not name_says_secret("token_url")
    assert name_says_secret("db_password") and name_says_secret("sign_in_token")
