"""Our own detectors over one line: token formats, private-key blocks, URL passwords, curl
credentials, Authorization headers and secret assignments."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect.judge import (
    in_token_format, is_placeholder, jwt_header_is_json, looks_like_key, looks_random, name_says_secret, stand_in,
    trailing_name, value_looks_secret,
)


class Hit(NamedTuple):
    """One credential on a line: where, which rule, how it is shown, and the secret itself."""

    start: int
    end: int
    code: str
    label: str
    secret: str
    keep: int  # characters of the secret a message may show
    stored: str = ""  # what detect-secrets stores for it in a baseline, when it found it


class _Patterns(NamedTuple):
    tokens: list[tuple[str, re.Pattern]]
    private_key: re.Pattern
    url_password: re.Pattern
    curl_user: re.Pattern
    auth_header: re.Pattern
    # a name that says secret given a value: `name = value`, `"NAME", "value"`, `<name>value</`
    assignments: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def pattern_table() -> _Patterns:
    table = load_table("credentials")
    tokens = [(name, re.compile(pattern)) for name, pattern in table["tokens"].items()]
    other = {name: re.compile(pattern) for name, pattern in table["other"].items()}
    return _Patterns(tokens, other["private-key"], other["url-password"], other["curl-user"], other["auth-header"],
                     (other["assignment"], other["quoted-pair"], other["xml-element"]))



def _curl_user_hit(match: re.Match) -> Hit | None:
    """``-u user:password``: the password, or (empty password) the user part when it is a key."""
    user, secret = match.group("user"), match.group("secret")
    if secret:
        if stand_in(user, secret) or (secret.isdigit() and (user.isdigit() or not user)):
            return None  # also `docker run -u 1000:1000`: a user and group id
        return Hit(match.start("secret"), match.end("secret"), "HL303", "password in a command line", secret, 0)
    if user and not is_placeholder(user, assigned=True) and user[0] not in "$%[" and looks_like_key(user):
        return Hit(match.start("user"), match.end("user"), "HL303", "key in a command line", user, 0)
    return None


def header_credential(scheme: str | None, value: str) -> bool:
    """The value of an ``Authorization`` header is a credential: for ``Basic``, base64 of
    ``user:password`` whose password is no stand-in (``dXNlcjpwYXNz`` is ``user:pass``); else
    (Bearer, Token, none) a value that is no placeholder and looks like a key, 16 characters or
    more: prose names a scheme (`Authorization: HMAC-SHA256 over the body`), a key is longer."""
    if is_placeholder(value, assigned=True) or len(set(value)) == 1:
        return False
    if scheme and scheme.lower() == "basic":
        import base64
        import binascii

        try:
            decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
        except (ValueError, binascii.Error):
            decoded = ""
        if ":" in decoded:
            user, _, password = decoded.partition(":")
            return not stand_in(user, password) if password else bool(user) and not is_placeholder(user, assigned=True)
    return len(value) >= 16 and looks_like_key(value)


def own_hits(line: str) -> list[Hit]:
    """Every match of our own patterns on ``line``, placeholders and non-random tokens removed
    one match at a time."""
    tokens, private_key, url_password, curl_user, auth_header, assignments = pattern_table()
    hits: list[Hit] = []
    for name, pattern in tokens:
        for match in pattern.finditer(line):
            body = match.group("body") if "body" in pattern.groupindex and match.group("body") else match.group(0)
            token = "token" if "token" in pattern.groupindex else 0  # cohere: the key, not its name
            if name == "jwt" and not jwt_header_is_json(match.group(0)):
                continue
            if looks_random(body):
                hits.append(Hit(match.start(token), match.end(token), "HL301", f"{name} token", match.group(token), 4))
    for match in private_key.finditer(line):
        rest = line[match.end():]
        inner = rest.split("-----END", 1)[0] if "-----END" in rest else None
        if inner is not None and (len(inner.strip()) < 20 or is_placeholder(inner.strip())):
            continue  # `-----BEGIN PRIVATE KEY-----word-----END...`: a header around a word
        hits.append(Hit(match.start(), match.end(), "HL302", "private key block", match.group(0), 0))
    for match in url_password.finditer(line):
        secret = match.group("secret")
        if not is_placeholder(secret) and not (secret.isdigit() and len(secret) <= 5):
            hits.append(Hit(match.start("secret"), match.end("secret"), "HL303", "password in URL", secret, 0))
    for match in curl_user.finditer(line):
        hit = _curl_user_hit(match)
        if hit is not None:
            hits.append(hit)
    for match in auth_header.finditer(line):
        if header_credential(match.group("scheme"), match.group("secret")):
            hits.append(Hit(match.start("secret"), match.end("secret"), "HL303", "credential in an Authorization header", match.group("secret"), 0))
    for assignment in assignments:
        for match in assignment.finditer(line):
            secret = match.group("secret")
            if in_token_format(secret):
                continue  # `token = "xoxb-..."`: the token's own pattern judges it (found above or not a token)
            name = trailing_name(line[max(0, match.start("key") - 80):match.start("key")]) + match.group("key") + match.group("tail")
            if not name_says_secret(name):
                continue  # publicToken, csrf-token
            if value_looks_secret(match.group("key"), secret, match.group("tail")):
                hits.append(Hit(match.start("secret"), match.end("secret"), "HL304", "secret assigned a literal value", secret, 0))
    return hits

