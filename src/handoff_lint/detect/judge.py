"""How a value is judged: a stand-in for a secret (a placeholder, a variable's name, a word), a
random-looking token, a name that says secret, a key published on purpose."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.data.rules_data import load_table

_PLACEHOLDER_PASSWORDS = re.compile(
    r"^(?:\$\{?\w+\}?|<[^>]*>|\{\{.*\}\}|%\w+%|\*+|x+|\.\.\.|password|pass|changeme|secret)$", re.I
)
# Words that mark a value as a stand-in for a secret, not a secret (`sk-your-key-here`,
# `insert_key_here`, `AKIAIOSFODNN7EXAMPLE`, `glpat-XXXXXXXXXXXXXXXXXXXX`).
_PLACEHOLDER_WORDS = (
    "your",
    "insert",
    "here",
    "example",
    "sample",
    "placeholder",
    "dummy",
    "redacted",
    "changeme",
    "xxxx",
    "fake",
    "replace",
    "...",
    "…",
)
# Template markup that stands for a value: a reference closed as the template language writes it
# (`${DB_PASSWORD}`, `{{ secrets.TOKEN }}`, `<your key>`), or a value that opens one. A stray
# `${` or `>` inside a random password (`m{{h}o)p${e]nob(...`) is no template.
_TEMPLATE = re.compile(
    r"^(?:<|\{\{|\$\{|\$\()|>$|\$\{[A-Za-z_][\w.:-]{0,80}\}|\{\{[^{}]{0,120}\}\}"
    r"|<[^<>]{1,60}>|\{[A-Z][A-Z0-9_]{2,60}\}"
)
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=~")
_IDENTIFIER = re.compile(
    r"^[A-Z][A-Z_]*$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$"
)  # ACCESS_TOKEN, K8S_CRED: a variable's name, not its value


def is_placeholder(value: str, assigned: bool = False) -> bool:
    """``sk-your-key-here``, ``${TOKEN}``, ``AKIAIOSFODNN7EXAMPLE``: stand-ins. An ``assigned``
    value may also be a variable's name (``?access_token=ACCESS_TOKEN``); a token body may not:
    an AWS key id can be all capitals."""
    lowered = value.lower()
    if _PLACEHOLDER_PASSWORDS.match(value) or _TEMPLATE.search(value):
        return True
    if any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    return assigned and bool(_IDENTIFIER.match(value))


def looks_random(body: str) -> bool:
    """The whole body of a token (every part, letters-only ones too) varies like a key, not like
    ``xxxxxxxx``, ``abcdefgh...`` or ``YOUR_TOKEN_HERE``."""
    if is_placeholder(body):
        return False
    distinct = len(set(body))
    if distinct < min(10, len(body) // 2):
        return False
    if max(body.count(c) for c in set(body)) > len(body) * 0.4:
        return False
    steps = sum(1 for a, b in zip(body, body[1:], strict=False) if ord(b) - ord(a) in (0, 1))
    return steps < len(body) * 0.5  # abcdefghij..., 1234567890...


# A name starting so names a value meant to be seen or used once: `publicToken`, `csrf-token`.
_NOT_SECRET_HEADS = frozenset(("public", "publishable", "csrf", "xsrf"))
# A name ending so names what the secret is about, not the secret: `secret_length`, `token_url`.
NOT_SECRET_TAILS = frozenset(
    """
    id ids name names url uri length len size count type file path dir env ttl expiry expires header field limit policy
    prefix alias fingerprint format version usage algorithm algo hash digest checksum rotation endpoint host port user
    username email owner issuer scope scopes manager provider location source storage store vault ring pair mode kind
    sha md5 etag""".split()
)


def not_a_value(value: str) -> bool:
    """A package and its version (`jjwt-jackson-0.11.2` after `io.jsonwebtoken:`), or the next
    setting's name (`snowflake.password= jdbc.snowflake.url=`): no value of the name before."""
    head, dash, version = value.rpartition("-")
    if (
        dash
        and head[:1].isalpha()
        and head == head.lower()
        and head.replace("-", "").isalnum()
        and "." in version
        and version.replace(".", "").isdigit()
    ):
        return True
    name = value[:-1]
    return (
        value.endswith("=")
        and "." in name
        and name[:1].isalpha()
        and name.replace(".", "").replace("_", "").replace("-", "").isalnum()
    )


def value_looks_secret(key: str, value: str, tail: str = "") -> bool:
    """An assigned value is a secret unless it is a placeholder, a short number, a path or a name,
    or the name's last part says it is not the secret (``token_url``, ``SECRET_NAME``)."""
    if tail and re.split(r"[_.-]", tail)[-1].lower() in NOT_SECRET_TAILS:
        return False
    if value.isdigit():
        return len(value) >= 24  # a long run of digits is a key (Discord client secrets); a count is short
    if is_placeholder(value, assigned=True) or value[0] in "$%~/.#&" or value.lower().startswith(("http", "file:")):
        return False
    if not_a_value(value):
        return False
    if key.lower().startswith(("pass", "pwd", "secret")):
        return True
    # token, api_key, credentials: a value with a digit or mixed case, not a word
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and len(set(value)) >= 6


def jwt_header_is_json(token: str) -> bool:
    """A JWT's first part is base64url of a JSON object written in text (`{"alg":...}`): a run that
    merely starts with `eyJ` and decodes to a cut object or to bytes that are mostly no text is no
    token. A character or two garbled inside the object still counts."""
    import base64
    import binascii

    head = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)).rstrip()
    except (ValueError, binascii.Error):
        return False
    printable = sum(32 <= byte < 127 for byte in decoded)
    return decoded.endswith(b"}") and printable >= len(decoded) * 0.9


@lru_cache(maxsize=1)
def public_keys() -> frozenset[str]:
    return frozenset(load_table("credentials")["public-keys"]["sha256"])


def is_public_key(value: str) -> bool:
    """A key published on purpose in vendors' SDKs and documentation (rules/credentials.toml
    `[public-keys]`, stored as SHA-256): it is known to everyone, so it is no leak."""
    import hashlib

    return hashlib.sha256(value.encode("utf-8")).hexdigest() in public_keys()


@lru_cache(maxsize=1)
def token_formats() -> re.Pattern:
    """The start of a value in one of our token formats: the literal prefixes our token patterns'
    gates look for (three characters or more: `AC`, `SK` also start words), and a Telegram bot id.
    Such a value is judged by its token pattern, not by the assignment rules."""
    table = load_table("credentials")
    # not `eyJ`: a one-part base64 value given to a token's name is still judged as assigned
    prefixes = sorted(
        {
            needle
            for name in table["tokens"]
            for needle in table["gates"][name].get("any", ())
            if len(needle) >= 3 and name not in ("cohere", "jwt")
        },
        key=len,
        reverse=True,
    )
    return re.compile("|".join(map(re.escape, prefixes)) + r"|[0-9]{1,20}:A")


def in_token_format(value: str) -> bool:
    return token_formats().match(value) is not None


# Words written where a password goes in examples: `curl -u user:pass`, `-u username:token`.
_STAND_IN_WORDS = frozenset(
    (
        "test",
        "pass",
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "user",
        "username",
        "apikey",
        "api_key",
        "key",
        "changeme",
    )
)


def stand_in(user: str, password: str) -> bool:
    """``password`` (given with ``user``) is an example's stand-in: a placeholder or variable
    (``$PASS``, ``[PASSWORD]``, ``${{ secrets.X }}``), a credential word, the user name again
    (``test:test``), one character repeated (``yyy``)."""
    return (
        is_placeholder(password, assigned=True)
        or password[0] in "$%["
        or password.lower() in _STAND_IN_WORDS
        or password == user
        or len(set(password)) == 1
    )


def looks_like_key(value: str) -> bool:
    """A value with no name to say it is secret: letters and digits, not a word."""
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and len(set(value)) >= 6


_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"


def trailing_name(before: str) -> str:
    """The name that ends ``before`` (``db_`` of ``db_password``), without regular expressions:
    a backwards scan of a bounded tail."""
    tail = before[-80:]
    return tail[len(tail.rstrip(_NAME_CHARS)) :]


def name_may_hold_secret(before: str) -> bool:
    """The name a value is given (what precedes it on the line, past quotes and an operator) does
    not say it is no secret: ``LLM_SECRET_NAME = "..."``, ``publicToken = ...``, ``csrf-token=...``."""
    name = trailing_name(before[-120:].rstrip(" \t\"'`@:=!?.>"))
    return not name or name_says_secret(name)


def name_says_secret(name: str) -> bool:
    parts = [part for part in re.split(r"[_.-]|(?<=[a-z])(?=[A-Z])", name) if part]
    if not parts:
        return True
    return parts[-1].lower() not in NOT_SECRET_TAILS and parts[0].lower() not in _NOT_SECRET_HEADS


# -- values given to a name (rules/credentials.toml `assignment`, `prose`, `table-header`) ----
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


def looks_like_code(value: str) -> bool:
    """``getpass()``, ``os.environ[``, ``settings.SECRET_KEY``, ``var.db_password``: an expression
    or a name, not a literal. Brackets in a random password rarely pair up: ``m{{h}o)p${e]...``."""
    if _DOTTED_NAME.fullmatch(value) and not any(c.isdigit() for c in value.rsplit(".", 1)[-1]):
        return True
    if value[-1] in "([{":
        return True
    if not any(c in value for c in "()[]{}"):
        return False
    stack = []
    for char in value:
        if char in "([{":
            stack.append(char)
        elif char in ")]}":
            if not stack or stack.pop() != _PAIRS[char]:
                return False
    return not stack and (value[0].isalpha() or value[0] in "_([{")


def sequential(value: str) -> bool:
    """``abcdefghijklmnopqrstuvwxyz123``, ``12345678ABCDEFH1234...``: typed in order, a stand-in."""
    steps = sum(1 for a, b in zip(value, value[1:], strict=False) if ord(b) - ord(a) in (0, 1))
    return len(value) >= 10 and steps >= len(value) * 0.5


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
    if value.endswith(":") or _NEXT_NAME.fullmatch(value) or _SNAKE_NAME.fullmatch(value) or _SETTING.match(value):
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
    if key in WEAK_KEYS:
        # `signing_key`, `auth`: the word ends the name, and the value is a token
        return (
            not tail and not key_names_no_secret(name) and bool(_TOKEN_VALUE.fullmatch(value)) and random_enough(value)
        )
    if value.isdigit():
        return len(value) >= 24  # a long run of digits is a key (Discord client secrets); a count is short
    if key.startswith(("pass", "pwd", "secret")):
        return True
    # token, api_key, credentials: varied (a digit or a sign, and a letter), not a word
    varied = any(c.isdigit() for c in value) or any(not c.isalnum() and c not in "_-." for c in value)
    return varied and any(c.isalpha() for c in value) and len(set(value)) >= 6


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
