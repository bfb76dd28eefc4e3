"""Our own detectors over one line: token formats (and provider secrets given a provider's name),
private-key blocks, URL passwords, curl credentials, Authorization headers, secret assignments
(code, configuration and markdown: `**Password**: ...`), sentences that give a password, and
quoted random strings."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect.given import WEAK_KEYS, given_secret, high_entropy, prose_secret
from handoff_lint.detect.judge import (
    in_token_format,
    is_placeholder,
    jwt_header_is_json,
    looks_like_key,
    looks_random,
    name_says_secret,
    stand_in,
    trailing_name,
    value_looks_secret,
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
    # (name, source) of each token format and `[keyed]` entry, in the table's order: each is
    # compiled when a line first holds one of its gate's literals (token_pattern), so that a run
    # pays for the few formats its texts come near, not for some 150 of them
    tokens: list[tuple[str, str]]
    private_key: re.Pattern
    url_password: re.Pattern
    curl_user: re.Pattern
    auth_header: re.Pattern
    # a name that says secret given a value: `"NAME", "value"`, `<name>value</`, `key="name" value=""`
    assignments: tuple[tuple[str, re.Pattern], ...]
    assignment: re.Pattern  # `name = value`, `**Name**: value`: the value is read after the match
    # code's quoted value beside a name with no operator: `secret "...";`, `"..." == password`;
    # each with its gate's `also` strings (`";`, `==`), one of which the line must hold: a
    # case-blind search for the names costs more than these few `in` tests
    quoted: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]
    prose: re.Pattern
    quoted_random: re.Pattern
    # every detector's gate literals, as written and lower-cased, each with the detectors it
    # gates, and the detectors gated by a shape: a line holding none of a detector's literals is
    # not searched with its pattern
    sensitive: tuple[tuple[str, frozenset], ...]
    nocase: tuple[tuple[str, frozenset], ...]
    always: frozenset


# `[keyed]`: a provider's name in a setting's name, a separator, the value (case-blind). The name
# ends where a lower-case letter does not follow (`SUMO_KEY`, `sumoKey`; not `sumOfExposures`).
KEYED = (
    r"(?i)(?<![a-z0-9])(?P<key>{names})(?-i:(?![a-z]))[\w.-]{{0,20}}[*_]{{0,2}}[\"'\]]{{0,2}}"
    r"(?:[ \t]{{1,3}}|[ \t]{{0,3}}(?:=|:{{1,3}}=?|=>|->|\?=|,|>)[ \t]{{0,5}})[*_]{{0,2}}[\"'`]?"
    r"(?P<token>(?P<body>{value}))(?![a-z0-9_+/=-])"
)


def keyed_pattern(entry: dict) -> str:
    return KEYED.format(names=entry["names"], value=entry["value"])


_COMPILED: dict[str, re.Pattern] = {}


def token_pattern(name: str) -> re.Pattern:
    """The compiled pattern of the token format (or `[keyed]` entry) ``name``."""
    if name not in _COMPILED:
        _COMPILED[name] = re.compile(dict(pattern_table().tokens)[name])
    return _COMPILED[name]


@lru_cache(maxsize=1)
def pattern_table() -> _Patterns:
    table = load_table("credentials")
    tokens = list(table["tokens"].items())
    tokens += [(name, keyed_pattern(entry)) for name, entry in table.get("keyed", {}).items()]
    other = {name: re.compile(pattern) for name, pattern in table["other"].items()}
    from handoff_lint.detect.gates import all_gates

    names = {name for name, _pattern in tokens} | set(other)
    sensitive: dict[str, set] = {}
    nocase: dict[str, set] = {}
    always = set()
    for name, gate in all_gates().items():
        if name not in names:
            continue
        if "shape" in gate:
            always.add(name)
        for needle in gate.get("any", ()):
            into, key = (nocase, needle.lower()) if gate.get("nocase") else (sensitive, needle)
            into.setdefault(key, set()).add(name)
    assignments = tuple((name, other[name]) for name in ("quoted-pair", "xml-element", "key-value-attribute"))
    gates = all_gates()
    quoted = tuple((name, other[name], tuple(gates[name]["also"])) for name in ("quoted-statement", "compared"))
    return _Patterns(
        tokens,
        other["private-key"],
        other["url-password"],
        other["curl-user"],
        other["auth-header"],
        assignments,
        other["assignment"],
        quoted,
        other["prose"],
        other["quoted-random"],
        tuple((k, frozenset(v)) for k, v in sensitive.items()),
        tuple((k, frozenset(v)) for k, v in nocase.items()),
        frozenset(always),
    )


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


_CLOSING = {'"': '"', "'": "'", "`": "`", "[": "]"}
_NEXT_PARAMETER = re.compile(r"&[A-Za-z_][A-Za-z0-9_.-]{0,40}=")
# A string given to a name (`x = "..."`, `"x": "..."`, `<a x="...">`) is the assignment rules' to
# judge by the name; a quoted high-entropy string with no name (detect-secrets' entropy plugins)
# is judged here, by its entropy.
_GIVEN = re.compile(r"[\w\]\)\"'-][ \t]*(?:=|:=|=>|:|->)$")


def assigned_value(line: str, at: int) -> tuple[str, int, int, str] | None:
    """The value that starts at ``at`` (after a name and its operator): (value, start, end,
    the quote around it or ""). Quoted (``"..."``, C#'s ``@"..."``) or in brackets (``[value]``, not a link's
    ``[text](url)``) it is what they hold; else the run up to the next space or quote, without
    the punctuation that ends a sentence or a list (``hunter2.``, ``x,``)."""
    if line.startswith('@"', at):
        at += 1
    first = line[at : at + 1]
    if first in _CLOSING:
        end = line.find(_CLOSING[first], at + 1)
        if end != -1:
            if first == "[" and (line[end + 1 : end + 2] in ("(", "[", ":") or "[" in line[at + 1 : end]):
                return None  # a link `[text](url)`, a reference `[text][ref]`
            return line[at + 1 : end], at + 1, end, first
        at += 1
    end = at
    while end < len(line) and not line[end].isspace() and line[end] not in "\"'`":
        end += 1
    query = _NEXT_PARAMETER.search(line, at, end)
    if query:  # `?access_token=...&state=x`: a URL's parameter ends at the next one
        end = query.start()
    while end > at and line[end - 1] in ".,;)*_" and not (line[end - 1] == ")" and "(" in line[at : end - 1]):
        end -= 1
    return (line[at:end], at, end, "") if end > at else None


def _boundary_ok(line: str, match: re.Match) -> bool:
    """A weak word (`key`, `auth`, `pass`) inside a longer word is none: `monkey`, `bypass`,
    `author`; camel case (`signingKey`, `dbPass`) is a name's part."""
    start = match.start("key")
    if start == 0 or match.group("key").lower() not in ("key", "auth", "oauth", "pass"):
        return True
    before, first = line[start - 1], line[start]
    return not (before.isalpha() and before.islower() == first.islower())


_STRONG_IN_TAIL = re.compile(r"(?i)pass(?:word|wd|phrase)?|pwd|secret|token|credentials?|creds")


def _assignment_hits(line: str, assignment: re.Pattern) -> list[Hit]:
    hits = []
    for match in assignment.finditer(line):
        tail = match.group("tail")
        if not _boundary_ok(line, match) or (tail[:1].islower() and tail not in ("e", "s", "es")):
            continue  # `monkey`, `bypass`; `tokenizer`, `passport`, `secretary`: another word
        found = assigned_value(line, match.end())
        if found is None:
            continue
        secret, start, end, quote = found
        if in_token_format(secret):
            continue  # `token = "xoxb-..."`: the token's own pattern judges it (found above or not a token)
        key = match.group("key")
        name = trailing_name(line[max(0, match.start("key") - 80) : match.start("key")]) + key + tail
        stronger = _STRONG_IN_TAIL.search(tail) if key.lower() in WEAK_KEYS else None
        if stronger:  # `authToken`, `keySecret`: the word that says secret is the tail's
            key, tail = stronger.group(0), tail[stronger.end() :]
        if not name_says_secret(name.replace(" ", "_")):
            continue  # publicToken, csrf-token, token_url
        if given_secret(key, name, secret, quote, line[end + (1 if quote else 0) :], tail):
            hits.append(Hit(start, end, "HL304", "secret assigned a literal value", secret, 0))
    return hits


def own_hits(line: str) -> list[Hit]:
    """Every match of our own patterns on ``line``, placeholders and non-random tokens removed
    one match at a time."""
    patterns = pattern_table()
    hits: list[Hit] = []
    lowered = line.lower()
    active = set(patterns.always)
    for needle, names in patterns.sensitive:
        if needle in line:
            active |= names
    for needle, names in patterns.nocase:
        if needle in lowered:
            active |= names
    for name, source in patterns.tokens:
        if name not in active:
            continue  # the token's own gate: none of its literals is on the line
        pattern = _COMPILED.get(name)
        if pattern is None:
            pattern = _COMPILED[name] = re.compile(source)
        for match in pattern.finditer(line):
            body = match.group("body") if "body" in pattern.groupindex and match.group("body") else match.group(0)
            token = "token" if "token" in pattern.groupindex else 0  # cohere: the key, not its name
            if name == "jwt" and not jwt_header_is_json(match.group(0)):
                continue
            if looks_random(body):
                hits.append(Hit(match.start(token), match.end(token), "HL301", f"{name} token", match.group(token), 4))
    for match in patterns.private_key.finditer(line) if "private-key" in active else ():
        rest = line[match.end() :]
        inner = re.split("-{4,5}END", rest, maxsplit=1)[0] if "---END" in rest else None
        if inner is not None and (len(inner.strip()) < 20 or is_placeholder(inner.strip())):
            continue  # `-----BEGIN PRIVATE KEY-----word-----END...`: a header around a word
        hits.append(Hit(match.start(), match.end(), "HL302", "private key block", match.group(0), 0))
    for match in patterns.url_password.finditer(line) if "url-password" in active else ():
        secret = match.group("secret")
        if not is_placeholder(secret) and not (secret.isdigit() and len(secret) <= 5):
            hits.append(Hit(match.start("secret"), match.end("secret"), "HL303", "password in URL", secret, 0))
    for match in patterns.curl_user.finditer(line) if "curl-user" in active else ():
        hit = _curl_user_hit(match)
        if hit is not None:
            hits.append(hit)
    for match in patterns.auth_header.finditer(line) if "auth-header" in active else ():
        if header_credential(match.group("scheme"), match.group("secret")):
            hits.append(
                Hit(
                    match.start("secret"),
                    match.end("secret"),
                    "HL303",
                    "credential in an Authorization header",
                    match.group("secret"),
                    0,
                )
            )
    for detector, assignment in patterns.assignments:
        for match in assignment.finditer(line) if detector in active else ():
            secret = match.group("secret")
            if in_token_format(secret):
                continue
            name = (
                trailing_name(line[max(0, match.start("key") - 80) : match.start("key")])
                + match.group("key")
                + match.group("tail")
            )
            if not name_says_secret(name):
                continue  # publicToken, csrf-token
            if value_looks_secret(match.group("key"), secret, match.group("tail")):
                hits.append(
                    Hit(
                        match.start("secret"),
                        match.end("secret"),
                        "HL304",
                        "secret assigned a literal value",
                        secret,
                        0,
                    )
                )
    if "assignment" in active:
        hits += _assignment_hits(line, patterns.assignment)
    for detector, pattern, also in patterns.quoted:
        for match in pattern.finditer(line) if detector in active and any(a in line for a in also) else ():
            secret, key, tail = match.group("secret"), match.group("key"), match.group("tail")
            name = trailing_name(line[max(0, match.start("key") - 80) : match.start("key")]) + key + tail
            if in_token_format(secret) or not name_says_secret(name):
                continue  # judged as the value of `name = "..."` is (_assignment_hits)
            if given_secret(key, name, secret, match.group("quote"), tail=tail):
                start = match.start("secret")
                hits.append(Hit(start, match.end("secret"), "HL304", "secret assigned a literal value", secret, 0))
    for match in patterns.prose.finditer(line) if "prose" in active else ():
        secret = match.group("secret").rstrip(".,;:!?)")
        if not in_token_format(secret) and prose_secret(secret):
            start = match.start("secret")
            hits.append(Hit(start, start + len(secret), "HL304", "secret given in a sentence", secret, 0))
    for match in patterns.quoted_random.finditer(line):
        secret = match.group("secret")
        before = line[: match.start()].rstrip(" \t")
        if high_entropy(secret) and not _GIVEN.search(before):
            hits.append(Hit(match.start("secret"), match.end("secret"), "HL301", "high-entropy string", secret, 0))
    return hits
