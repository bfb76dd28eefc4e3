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


def _word_like(body: str) -> bool:
    """``PREfix_helloworld380_testin_pretty_long_token_long_``: an identifier of words joined by
    `_` or `-`, not a key (whose parts, when it has any, mix cases and digits)."""
    parts = [part for part in re.split(r"[_-]", body) if part]
    if len(parts) < 3:
        return False
    words = sum(1 for part in parts if len(part) >= 4 and part.isalpha() and (part.islower() or part[1:].islower()))
    return words * 3 >= len(parts) * 2


def looks_random(body: str) -> bool:
    """The whole body of a token (every part, letters-only ones too) varies like a key, not like
    ``xxxxxxxx``, ``abcdefgh...`` or ``YOUR_TOKEN_HERE``."""
    if is_placeholder(body) or _word_like(body):
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
    if key.lower().startswith(("pass", "pwd", "secret", "contrase")):  # contraseña: Spanish for password
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


# A name read as a phrase names what comes before these: `keyVaultToStoreSecrets` is a vault,
# `password_for_admin_user` a password.
_PREPOSITIONS = frozenset(("to", "for", "of", "from"))


def name_says_secret(name: str) -> bool:
    """``name`` may name a secret: neither its first part (``publicToken``) nor its last says it
    names something else (``token_url``); of a name with a preposition, the part before it
    (``path_to_secret`` is a path, ``password_for_admin_user`` a password)."""
    parts = [part for part in re.split(r"[_.-]|(?<=[a-z])(?=[A-Z])", name) if part]
    if not parts:
        return True
    head = next((index for index, part in enumerate(parts) if index and part.lower() in _PREPOSITIONS), None)
    if head is not None:
        parts = parts[:head]
    return parts[-1].lower() not in NOT_SECRET_TAILS and parts[0].lower() not in _NOT_SECRET_HEADS
