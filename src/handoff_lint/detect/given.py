"""How a value given to a name is judged (rules/credentials.toml `assignment`, `prose`,
`table-header`, `quoted-random`): a literal that may be a secret, or what an honest writer
leaves instead (a placeholder, a reference, code, a description); a sentence's value; a quoted
string with no name, by its entropy."""

from __future__ import annotations

import re

from handoff_lint.detect.judge import is_placeholder, looks_random, not_a_value

# Names whose word may name no secret (`sort_key`, `auth: basic`, `first pass:`): the value
# given to them must look random.
WEAK_KEYS = frozenset(("key", "auth", "oauth"))
# What comes before `key` in a name that names no secret (gitleaks' generic allowlist and more).
_NOT_SECRET_KEY_HEADS = frozenset(
    """
    primary foreign sort partition public pub range cache idempotency index idx lookup map row unique composite natural
    surrogate hot bucket schema sequence routing shard dedup dedupe group object ssh gpg pgp hotkey sorting cache_key
    translation i18n turkey monkey""".split()
)
# Words a writer leaves where the secret would go: no secret.
_STAND_IN_VALUES = frozenset(
    """
    none null nil empty unset required optional true false yes no tbd todo n/a stored available provided hidden omitted
    removed rotated revoked elsewhere keyring keychain 1password bitwarden lastpass environment default unknown invalid
    expired masked secret secrets""".split()
)
# Each pattern here starts a match only where its run starts (a lookbehind): searched over a long
# run they stay linear (tests/unit/test_regex_linear.py); the code uses them on one value.
_DOTTED_NAME = re.compile(r"(?<![A-Za-z_0-9.])[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)+")
_PAIRS = {")": "(", "]": "[", "}": "{"}
_CODE_HEAD = re.compile(r"[A-Za-z_][A-Za-z_0-9.]*")  # what a call or an index starts with: a (dotted) name
_CODE_TAIL = re.compile(r"(?:\.[A-Za-z_][A-Za-z_0-9]*)*[;,]?")  # what may follow it: attributes


def looks_like_code(value: str) -> bool:
    """``getpass()``, ``os.environ[``, ``settings.SECRET_KEY``, ``var.db_password``,
    ``vault.read("x").data``: an expression or a name, not a literal. Its brackets pair up, it
    starts with a name (or a bracket), and nothing but attribute names follows its last closing
    bracket: ``Summer(2024)!`` and ``Tr0ub[4]dor&3`` are passwords. Brackets in a random password
    rarely pair up: ``m{{h}o)p${e]...``."""
    if _DOTTED_NAME.fullmatch(value) and not any(c.isdigit() for c in value.rsplit(".", 1)[-1]):
        return True
    if value[-1] in "([{":
        return True
    if not any(c in value for c in "()[]{}"):
        return False
    stack = []
    first = last = -1
    for index, char in enumerate(value):
        if char in "([{":
            stack.append(char)
            first = index if first == -1 else first
        elif char in ")]}":
            if not stack or stack.pop() != _PAIRS[char]:
                return False
            last = index
    if stack:
        return False
    head, tail = value[:first], value[last + 1 :]
    return (not head or _CODE_HEAD.fullmatch(head) is not None) and _CODE_TAIL.fullmatch(tail) is not None


def sequential(value: str, least: int = 10) -> bool:
    """``abcdefghijklmnopqrstuvwxyz123``, ``12345678ABCDEFH1234...``: typed in order, a stand-in."""
    steps = sum(1 for a, b in zip(value, value[1:], strict=False) if ord(b) - ord(a) in (0, 1))
    return len(value) >= least and steps >= len(value) * 0.5


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    import math

    counts = {char: value.count(char) for char in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def key_names_no_secret(name: str) -> bool:
    """``sort_key``, ``primaryKey``, ``public-key``: a key that is no secret."""
    parts = [part.lower() for part in re.split(r"[_.\- ]|(?<=[a-z])(?=[A-Z])", name) if part]
    if name.lower() in _NOT_SECRET_KEY_HEADS:
        return True
    return len(parts) >= 2 and parts[-1] == "key" and parts[-2] in _NOT_SECRET_KEY_HEADS


def random_enough(value: str) -> bool:
    """What a weak name's value must be: long, varied, letters and digits, not typed in order."""
    if len(value) < 10 or not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return False
    return looks_random(value) and entropy(value) >= 3.0


# Words a description of where a secret is starts with (`see the vault`, `stored in 1Password`).
_DESCRIPTION_STARTS = frozenset(
    """
    see in stored kept ask use used set from via read get the a an provided available managed held found sent shared
    check look loaded taken generated rotated same not no none your our""".split()
)
_REFERENCES = ("file:", "op:", "vault:", "env:", "secret:", "arn:")  # where a secret is, not the secret
_NEXT_NAME = re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z_][A-Za-z0-9_.-]*[=:]")
_SNAKE_NAME = re.compile(r"(?<![a-z_])[a-z]+(?:_[a-z]+)+")
# A value that starts with a setting of its own (`user=admin;pass=...`, `API_KEY=*`): a name with
# a separator, or a lower-case word, then `=` or `:` and not base64's padding (`eyJ0...x==`).
_SETTING = re.compile(r"(?<![A-Za-z0-9_.-])(?:[A-Za-z][A-Za-z0-9]*[_.-][A-Za-z0-9_.-]*|[a-z]{3,})[=:](?!=)")
# `xsd:string`, `clm67181:AgencyIdentificationCodeContentType`: a namespace's type, no secret.
_QUALIFIED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{0,20}:[A-Za-z][a-z]+(?:[A-Z][a-z]+)*")
_WORDS = re.compile(r"[A-Za-z']+(?:[-/][A-Za-z']+)*")
_TOKEN_VALUE = re.compile(r"[A-Za-z0-9_+/=-]{10,}")


def value_is_literal(value: str, quote: str = "") -> bool:
    """``value`` (what a name is given; ``quote``: the quote around it, if any) is a literal
    that may be a secret, not a stand-in, a placeholder, a reference, code, the next setting's
    name or a phrase. Shared by our assignment rules and detect-secrets' keyword findings."""
    lowered = value.lower()
    if len(value) < 6 or not any(c.isalnum() for c in value) or lowered.strip(".") in _STAND_IN_VALUES:
        return False
    if "://" in value or value[0] in "$%~/#&@<" or lowered.startswith(_REFERENCES):
        return False  # a link or a reference to where the secret is (`op://vault/item`, `$VAR`, `~/.netrc`)
    if (
        value.endswith(":")
        or _NEXT_NAME.fullmatch(value)
        or _SNAKE_NAME.fullmatch(value)
        or _SETTING.match(value)
        or _QUALIFIED_NAME.fullmatch(value)
    ):
        return False  # `API_KEY=` on an empty line, `fn::secret:`: the next setting's name; `real_key`: a variable's;
        # `user=x;pass=y`: settings of their own, each read by its name
    if any(c.isspace() for c in value):
        # a quoted phrase of a few words may be a passphrase; a description (`"see the vault"`,
        # `"stored in the keyring"`), a command (`\`cmd arg\``) or code (`"x = y"`) is none
        words = value.split()
        if not quote or quote == "`" or "=" in value or len(words) > 5 or words[0].lower() in _DESCRIPTION_STARTS:
            return False
    return not (
        is_placeholder(value, assigned=True) or sequential(value) or not_a_value(value) or looks_like_code(value)
    )


def given_secret(key: str, name: str, value: str, quote: str, after: str = "", tail: str = "") -> bool:
    """``value``, given to ``name`` (whose secret-saying word is ``key``, followed by ``tail``),
    is a secret. ``quote``: the quote (or `[`) around it, if any; ``after``: the rest of the line."""
    key = key.lower().replace(" ", "_").replace("-", "_")
    if not value_is_literal(value, quote):
        return False
    if not quote and _WORDS.fullmatch(value) and after[:1] == " " and after[1:2].isalpha():
        return False  # `Password: stored in the local keyring`, `password/secret assignments`: a sentence
    if (
        not quote
        and value.isalpha()
        and any(word in value.lower() for word in ("password", "secret", "token", "passwd"))
    ):
        return False  # `notapassword`, `mysecrettoken`: a word about the secret, not one
    if key in WEAK_KEYS:
        # `signing_key`, `auth`: the word ends the name, and the value is a token
        return (
            not tail and not key_names_no_secret(name) and bool(_TOKEN_VALUE.fullmatch(value)) and random_enough(value)
        )
    if value.isdigit():
        return len(value) >= 24  # a long run of digits is a key (Discord client secrets); a count is short
    if key.startswith(("pass", "pwd", "secret", "contrase")):  # contraseña: Spanish for password
        return True
    # token, api_key, credentials: varied (a digit or a sign, and a letter), not a word, and not
    # typed in order case aside (`AbCeFG123`): a service issues random keys. A person's password
    # (above) may be typed so and stays one.
    varied = any(c.isdigit() for c in value) or any(not c.isalnum() and c not in "_-." for c in value)
    return varied and any(c.isalpha() for c in value) and len(set(value)) >= 6 and not sequential(value.lower(), 8)


def prose_secret(value: str) -> bool:
    """A value a sentence names (``The password is ...``): at least two of lower case, upper case,
    digits and signs, so that a word (``stored``, ``rotated``, ``valid``) is none."""
    if len(value) < 6 or is_placeholder(value, assigned=True) or value.lower() in _STAND_IN_VALUES or sequential(value):
        return False
    classes = (
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    )
    return sum(classes) >= 2 and not looks_like_code(value) and "://" not in value and value[0] not in "$%~/#&<"


def high_entropy(value: str) -> bool:
    """A quoted string with no name is a key when it varies like one: detect-secrets' limits
    (3.0 bits a character for hex, 4.5 for base64), letters and digits, not typed in order."""
    if is_placeholder(value) or not looks_random(value) or sequential(value):
        return False
    if all(c in "0123456789abcdefABCDEF" for c in value):
        # not a commit or a SHA-256 digest, the hex strings a handoff quotes most
        mixed = any(c.isalpha() for c in value) and any(c.isdigit() for c in value)
        return len(value) not in (40, 64) and mixed and entropy(value) >= 3.0
    classes = (any(c.islower() for c in value), any(c.isupper() for c in value), any(c.isdigit() for c in value))
    return all(classes) and entropy(value) >= 4.5
