"""HL3xx: API keys and tokens, private keys, passwords in URLs, secret assignments. Every text
file; inside code fences and inline code too. Messages show only a redacted form of the secret.

Two stages. **Gates** (rules/credentials.toml `[gates]`) pick the candidate lines: C-speed
`str.find` of the literals every match of a detector contains, and a few short regular
expressions (`shape`) for the token formats without such a literal. Each of our patterns and
each enabled detect-secrets plugin has a gate, and the tests prove from the parsed regular
expressions that a line no gate picks holds no match of any of them. Then **every detector**
runs on every candidate line: our token patterns, the private-key header, URL passwords, the
assignment rule and detect-secrets (imported only when a candidate line exists). A placeholder
or a token that does not look random discards only its own match; findings that overlap one
already reported on the line are reported once.

The same detectors decide what :func:`secret_spans` and :func:`redact_text` hide in any text the
tool shows (messages of every rule, titles on the status board).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from handoff_lint.findings import Finding
from handoff_lint.redact import redact
from handoff_lint.data.rules_data import load_table

if TYPE_CHECKING:  # types only: show.py imports this module, and discovery imports show
    from handoff_lint.data.config import Config
    from handoff_lint.engine.source import Source

KINDS = None
_PLACEHOLDER_PASSWORDS = re.compile(r"^(?:\$\{?\w+\}?|<[^>]*>|\{\{.*\}\}|%\w+%|\*+|x+|\.\.\.|password|pass|changeme|secret)$", re.I)
# Words that mark a value as a stand-in for a secret, not a secret (`sk-your-key-here`,
# `insert_key_here`, `AKIAIOSFODNN7EXAMPLE`, `glpat-XXXXXXXXXXXXXXXXXXXX`).
_PLACEHOLDER_WORDS = ("your", "insert", "here", "example", "sample", "placeholder", "dummy", "redacted", "changeme", "xxxx", "fake", "replace", "<", ">", "${", "{{", "...", "…")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=~")
_IDENTIFIER = re.compile(r"^[A-Z][A-Z_]*$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # ACCESS_TOKEN, K8S_CRED: a variable's name, not its value


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
def _patterns() -> _Patterns:
    table = load_table("credentials")
    tokens = [(name, re.compile(pattern)) for name, pattern in table["tokens"].items()]
    other = {name: re.compile(pattern) for name, pattern in table["other"].items()}
    return _Patterns(tokens, other["private-key"], other["url-password"], other["curl-user"], other["auth-header"],
                     (other["assignment"], other["quoted-pair"], other["xml-element"]))


class _Gates(NamedTuple):
    # needle -> what else its gates need on the needle's line: (`also` characters or None,
    # `near` pattern or None) per gate
    sensitive: dict[str, tuple]
    nocase: dict[str, tuple]  # the same, needles lower-cased, searched in the lower-cased text
    shapes: tuple[re.Pattern, ...]
    # (in the lower-cased text?, one search for the needles sharing their first character,
    # those needles): `g(?:lpat-|ldt-|hp_|...)` costs one scan of the text, not one per needle
    searches: tuple[tuple[bool, re.Pattern, tuple[str, ...]], ...] = ()


@lru_cache(maxsize=1)
def _gates() -> _Gates:
    sensitive: dict[str, set] = {}
    nocase: dict[str, set] = {}
    shapes = []
    for gate in load_table("credentials")["gates"].values():
        if "shape" in gate:
            shapes.append(gate["shape"])
            continue
        need = (tuple(gate["also"]) if "also" in gate else None, re.compile(gate["near"]) if "near" in gate else None)
        into = nocase if gate.get("nocase") else sensitive
        for needle in gate["any"]:
            into.setdefault(needle.lower() if gate.get("nocase") else needle, set()).add(need)
    # Each needle costs a pass over the text. A needle that holds a shorter one (`password` holds
    # `pass`; `AKIA`, lower-cased, holds `akia`) occurs only where the shorter one does: its
    # needs move to the shorter one, whose lines are a superset, and it is not searched.
    for needle, folded in sorted([(n, False) for n in sensitive] + [(n, True) for n in nocase], key=lambda x: -len(x[0])):
        table = nocase if folded else sensitive
        if needle not in table:
            continue
        host = next((o for o in sorted(nocase, key=len) if o in needle.lower() and (o, True) != (needle, folded)), None)
        host_table = nocase
        if host is None and not folded:
            host, host_table = next((o for o in sorted(sensitive, key=len) if o in needle and o != needle), None), sensitive
        if host is not None:
            host_table[host] |= table.pop(needle)
    unique_shapes = tuple(re.compile(s) for s in dict.fromkeys(shapes))
    order = lambda needs: tuple(sorted(needs, key=lambda n: (n[0] is not None, n[1] is not None, repr(n))))  # noqa: E731
    searches = []
    for folded, needles in ((False, sensitive), (True, nocase)):
        groups: dict[str, list[str]] = {}
        for needle in needles:
            groups.setdefault(needle[:1], []).append(needle)
        for prefix, members in sorted(groups.items()):
            members.sort(key=len, reverse=True)
            rests = "|".join(re.escape(member[len(prefix):]) for member in members)
            searches.append((folded, re.compile(re.escape(prefix) + (f"(?:{rests})" if rests else "")), tuple(members)))
    return _Gates({k: order(v) for k, v in sensitive.items()}, {k: order(v) for k, v in nocase.items()}, unique_shapes, tuple(searches))


def _needs_met(needs: tuple, line: str) -> bool:
    return any((also is None or any(char in line for char in also)) and (near is None or near.search(line) is not None) for also, near in needs)


def candidate_lines(text: str) -> set[int]:
    """0-based indices of the lines (split at "\\n") some gate picks; every other line holds
    no match of any credential detector."""
    gates = _gates()
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed a length ('İ'): positions do not carry over
        return {index for index, line in enumerate(text.split("\n")) if _line_passes(line)}
    picked: dict[int, list] = {}  # position -> the needs to test on its line
    for folded, search, members in gates.searches:
        haystack, needs_of = (lowered, gates.nocase) if folded else (text, gates.sensitive)
        for match in search.finditer(haystack):
            start = match.start()
            # a shorter member may start here too (the longest was tried first); and one may
            # start inside this match, which finditer skips: look for each from here on
            for member in members:
                at = haystack.find(member, start, match.end() + len(member)) if len(members) > 1 else start
                if at != -1:
                    picked.setdefault(at, []).extend(needs_of[member])
    for shape in gates.shapes:
        for match in shape.finditer(text):
            picked.setdefault(match.start(), []).append((None, None))
    if not picked:
        return set()
    by_line: dict[int, tuple[int, set]] = {}  # line -> (a position on it, the needs to test)
    line = last = 0
    for position in sorted(picked):
        line += text.count("\n", last, position)
        last = position
        if line in by_line:
            by_line[line][1].update(picked[position])
        else:
            by_line[line] = (position, set(picked[position]))
    lines: set[int] = set()
    for line, (position, needs) in by_line.items():
        if (None, None) in needs:
            lines.add(line)
            continue
        begin = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        if _needs_met(tuple(needs), text[begin:] if end == -1 else text[begin:end]):
            lines.add(line)
    return lines


def _line_passes(line: str) -> bool:
    """The gates applied to one line (the slow, obvious form of :func:`candidate_lines`)."""
    gates = _gates()
    lowered = line.lower()
    for haystack, needles in ((line, gates.sensitive), (lowered, gates.nocase)):
        for needle, needs in needles.items():
            if needle in haystack and _needs_met(needs, line):
                return True
    return any(shape.search(line) for shape in gates.shapes)


def is_placeholder(value: str, assigned: bool = False) -> bool:
    """``sk-your-key-here``, ``${TOKEN}``, ``AKIAIOSFODNN7EXAMPLE``: stand-ins. An ``assigned``
    value may also be a variable's name (``?access_token=ACCESS_TOKEN``); a token body may not:
    an AWS key id can be all capitals."""
    lowered = value.lower()
    if _PLACEHOLDER_PASSWORDS.match(value) or any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    return assigned and bool(_IDENTIFIER.match(value))


def _looks_random(body: str) -> bool:
    """The whole body of a token (every part, letters-only ones too) varies like a key, not like
    ``xxxxxxxx``, ``abcdefgh...`` or ``YOUR_TOKEN_HERE``."""
    if is_placeholder(body):
        return False
    distinct = len(set(body))
    if distinct < min(10, len(body) // 2):
        return False
    if max(body.count(c) for c in set(body)) > len(body) * 0.4:
        return False
    steps = sum(1 for a, b in zip(body, body[1:]) if ord(b) - ord(a) in (0, 1))
    return steps < len(body) * 0.5  # abcdefghij..., 1234567890...


# A name starting so names a value meant to be seen or used once: `publicToken`, `csrf-token`.
_NOT_SECRET_HEADS = frozenset(("public", "publishable", "csrf", "xsrf"))
# A name ending so names what the secret is about, not the secret: `secret_length`, `token_url`.
_NOT_SECRET_TAILS = frozenset(("id", "ids", "name", "names", "url", "uri", "length", "len", "size", "count", "type", "file", "path", "dir", "env", "ttl", "expiry", "expires", "header", "field", "limit", "policy", "prefix"))


def _not_a_value(value: str) -> bool:
    """A package and its version (`jjwt-jackson-0.11.2` after `io.jsonwebtoken:`), or the next
    setting's name (`snowflake.password= jdbc.snowflake.url=`): no value of the name before."""
    head, dash, version = value.rpartition("-")
    if dash and head[:1].isalpha() and head == head.lower() and head.replace("-", "").isalnum() and "." in version and version.replace(".", "").isdigit():
        return True
    name = value[:-1]
    return value.endswith("=") and "." in name and name[:1].isalpha() and name.replace(".", "").replace("_", "").replace("-", "").isalnum()


def _value_looks_secret(key: str, value: str, tail: str = "") -> bool:
    """An assigned value is a secret unless it is a placeholder, a short number, a path or a name,
    or the name's last part says it is not the secret (``token_url``, ``SECRET_NAME``)."""
    if tail and re.split(r"[_.-]", tail)[-1].lower() in _NOT_SECRET_TAILS:
        return False
    if value.isdigit():
        return len(value) >= 24  # a long run of digits is a key (Discord client secrets); a count is short
    if is_placeholder(value, assigned=True) or value[0] in "$%~/.#&" or value.lower().startswith(("http", "file:")):
        return False
    if _not_a_value(value):
        return False
    if key.lower().startswith(("pass", "pwd", "secret")):
        return True
    # token, api_key, credentials: a value with a digit or mixed case, not a word
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and len(set(value)) >= 6


def _jwt_header_is_json(token: str) -> bool:
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
def _public_keys() -> frozenset[str]:
    return frozenset(load_table("credentials")["public-keys"]["sha256"])


def is_public_key(value: str) -> bool:
    """A key published on purpose in vendors' SDKs and documentation (rules/credentials.toml
    `[public-keys]`, stored as SHA-256): it is known to everyone, so it is no leak."""
    import hashlib

    return hashlib.sha256(value.encode("utf-8")).hexdigest() in _public_keys()


@lru_cache(maxsize=1)
def _token_formats() -> re.Pattern:
    """The start of a value in one of our token formats: the literal prefixes our token patterns'
    gates look for (three characters or more: `AC`, `SK` also start words), and a Telegram bot id.
    Such a value is judged by its token pattern, not by the assignment rules."""
    table = load_table("credentials")
    # not `eyJ`: a one-part base64 value given to a token's name is still judged as assigned
    prefixes = sorted({needle for name in table["tokens"] for needle in table["gates"][name].get("any", ()) if len(needle) >= 3 and name not in ("cohere", "jwt")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, prefixes)) + r"|[0-9]{1,20}:A")


def in_token_format(value: str) -> bool:
    return _token_formats().match(value) is not None


# Words written where a password goes in examples: `curl -u user:pass`, `-u username:token`.
_STAND_IN_WORDS = frozenset(("test", "pass", "password", "passwd", "pwd", "secret", "token", "user", "username", "apikey", "api_key", "key", "changeme"))


def _stand_in(user: str, password: str) -> bool:
    """``password`` (given with ``user``) is an example's stand-in: a placeholder or variable
    (``$PASS``, ``[PASSWORD]``, ``${{ secrets.X }}``), a credential word, the user name again
    (``test:test``), one character repeated (``yyy``)."""
    return (is_placeholder(password, assigned=True) or password[0] in "$%[" or password.lower() in _STAND_IN_WORDS
            or password == user or len(set(password)) == 1)


def _looks_like_key(value: str) -> bool:
    """A value with no name to say it is secret: letters and digits, not a word."""
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and len(set(value)) >= 6


def _curl_user_hit(match: re.Match) -> Hit | None:
    """``-u user:password``: the password, or (empty password) the user part when it is a key."""
    user, secret = match.group("user"), match.group("secret")
    if secret:
        if _stand_in(user, secret) or (secret.isdigit() and (user.isdigit() or not user)):
            return None  # also `docker run -u 1000:1000`: a user and group id
        return Hit(match.start("secret"), match.end("secret"), "HL303", "password in a command line", secret, 0)
    if user and not is_placeholder(user, assigned=True) and user[0] not in "$%[" and _looks_like_key(user):
        return Hit(match.start("user"), match.end("user"), "HL303", "key in a command line", user, 0)
    return None


def _header_credential(scheme: str | None, value: str) -> bool:
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
            return not _stand_in(user, password) if password else bool(user) and not is_placeholder(user, assigned=True)
    return len(value) >= 16 and _looks_like_key(value)


def _own_hits(line: str) -> list[Hit]:
    """Every match of our own patterns on ``line``, placeholders and non-random tokens removed
    one match at a time."""
    tokens, private_key, url_password, curl_user, auth_header, assignments = _patterns()
    hits: list[Hit] = []
    for name, pattern in tokens:
        for match in pattern.finditer(line):
            body = match.group("body") if "body" in pattern.groupindex and match.group("body") else match.group(0)
            token = "token" if "token" in pattern.groupindex else 0  # cohere: the key, not its name
            if name == "jwt" and not _jwt_header_is_json(match.group(0)):
                continue
            if _looks_random(body):
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
        if _header_credential(match.group("scheme"), match.group("secret")):
            hits.append(Hit(match.start("secret"), match.end("secret"), "HL303", "credential in an Authorization header", match.group("secret"), 0))
    for assignment in assignments:
        for match in assignment.finditer(line):
            secret = match.group("secret")
            if in_token_format(secret):
                continue  # `token = "xoxb-..."`: the token's own pattern judges it (found above or not a token)
            name = _trailing_name(line[max(0, match.start("key") - 80):match.start("key")]) + match.group("key") + match.group("tail")
            if not _name_says_secret(name):
                continue  # publicToken, csrf-token
            if _value_looks_secret(match.group("key"), secret, match.group("tail")):
                hits.append(Hit(match.start("secret"), match.end("secret"), "HL304", "secret assigned a literal value", secret, 0))
    return hits


@lru_cache(maxsize=1)
def _plugin_names() -> tuple[str, ...]:
    return tuple(load_table("credentials")["detect-secrets"]["plugins"])


@lru_cache(maxsize=1)
def _judged_by_ours() -> frozenset[str]:
    return frozenset(load_table("credentials")["detect-secrets"]["judged-by-our-patterns"])


_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"


def _trailing_name(before: str) -> str:
    """The name that ends ``before`` (``db_`` of ``db_password``), without regular expressions:
    a backwards scan of a bounded tail."""
    tail = before[-80:]
    return tail[len(tail.rstrip(_NAME_CHARS)):]


def _name_may_hold_secret(before: str) -> bool:
    """The name a value is given (what precedes it on the line, past quotes and an operator) does
    not say it is no secret: ``LLM_SECRET_NAME = "..."``, ``publicToken = ...``, ``csrf-token=...``."""
    name = _trailing_name(before[-120:].rstrip(" \t\"'`@:=!?.>"))
    return not name or _name_says_secret(name)


def _name_says_secret(name: str) -> bool:
    parts = [part for part in re.split(r"[_.-]|(?<=[a-z])(?=[A-Z])", name) if part]
    if not parts:
        return True
    return parts[-1].lower() not in _NOT_SECRET_TAILS and parts[0].lower() not in _NOT_SECRET_HEADS


def _detect_secrets_hits(lines: list[str]) -> list[list[Hit]]:
    """For each line, what detect-secrets' enabled plugins find on it."""
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    ours = _judged_by_ours()
    found: list[list[Hit]] = []
    with transient_settings({"plugins_used": [{"name": name} for name in _plugin_names()]}):
        for line in lines:
            hits = []
            for secret in scan_line(line):
                if secret.type in ours:
                    continue  # a format our own pattern for it judges, more strictly
                raw = secret.secret_value or ""
                value = raw.strip(" \t\"'=:")  # Artifactory's capture holds its delimiters
                start = line.find(value)
                if not value or start == -1:
                    continue
                end = start + len(value)
                keyword = secret.type == "Secret Keyword"
                if not keyword:  # a plugin may capture only part of the token (`glpat` of glpat-...)
                    while start > 0 and line[start - 1] in _TOKEN_CHARS:
                        start -= 1
                    while end < len(line) and line[end] in _TOKEN_CHARS:
                        end += 1
                if is_placeholder(line[start:end], assigned=keyword):
                    continue
                if keyword and (in_token_format(line[start:end]) or not _name_may_hold_secret(line[:start])):
                    continue
                code = "HL304" if keyword else "HL305"
                hits.append(Hit(start, end, code, f"{secret.type.lower()} (detect-secrets)", line[start:end], 0 if keyword else 4, raw))
            found.append(hits)
    return found


def _merge(hits: list[Hit]) -> list[Hit]:
    """Hits in order, each dropped when it overlaps one kept before it (sk-ant- is also sk-;
    an assigned token is also an assignment; detect-secrets sees what we saw)."""
    kept: list[Hit] = []
    for hit in hits:
        if not any(hit.start < other.end and other.start < hit.end for other in kept):
            kept.append(hit)
    return kept


def line_hits(lines: list[str]) -> list[list[Hit]]:
    """Every detector over each of ``lines`` (candidate lines), merged per line."""
    ours = [_own_hits(line) for line in lines]
    theirs = _detect_secrets_hits(lines) if lines else []
    return [_merge([hit for hit in a + b if not is_public_key(hit.secret)]) for a, b in zip(ours, theirs)]


def secret_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of everything any enabled credential detector recognises, sorted
    and without overlaps. Cheap on a text no gate picks: no regular expression beyond the shapes
    runs there, and detect-secrets is not imported."""
    picked = candidate_lines(text)
    if not picked:
        return []
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    lines = text.split("\n")
    order = sorted(picked)
    spans = []
    for index, hits in zip(order, line_hits([lines[i] for i in order])):
        spans += [(starts[index] + hit.start, starts[index] + hit.end, hit.keep) for hit in hits]
    return [(start, end) for start, end, _keep in spans]


def redact_text(text: str, keep: int | None = None) -> str:
    """``text`` with every secret any detector recognises shown shortened (a short prefix of a
    token and the length; nothing of a password; ``keep`` characters of each when given): the
    form every shown string takes."""
    picked = candidate_lines(text)
    if not picked:
        return text
    lines = text.split("\n")
    order = sorted(picked)
    for index, hits in zip(order, line_hits([lines[i] for i in order])):
        line = lines[index]
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            line = line[: hit.start] + redact(line[hit.start:hit.end], keep=hit.keep if keep is None else keep) + line[hit.end:]
        lines[index] = line
    return "\n".join(lines)


def redact_line(line: str) -> str:
    """:func:`redact_text` showing nothing of any secret: for text the tool prints that is not a
    finding's own message (board titles, link targets)."""
    return redact_text(line, keep=0)


redact_message = redact_text  # the name the engine and the cache used


def _finding(display: str, line: int, column: int, hit: Hit, code: str = "", where: str = "") -> Finding:
    """The finding for ``hit``: its rule (or ``code``), the secret shown redacted, the hash a
    detect-secrets baseline keeps of it."""
    return Finding(display, line, column, code or hit.code, f"{where}{hit.label} {redact(hit.secret, keep=hit.keep)}", secret_hash=baseline_hash(hit))


def baseline_hash(hit: Hit) -> str:
    """SHA-1 of what detect-secrets stores for this secret in a baseline: what its plugin's
    regular expression captured (``ghp`` of a GitHub token, the header of a private key), else
    the secret itself."""
    import hashlib  # only for a text that holds a secret: OpenSSL's import is not free

    return hashlib.sha1((hit.stored or detect_secrets_value(hit.secret)).encode("utf-8")).hexdigest()


def detect_secrets_value(secret: str) -> str:
    """What detect-secrets (all its format plugins, as a default ``detect-secrets scan`` runs
    them) stores for ``secret``: of the plugin matches in it, the longest, and of that match what
    ``findall`` returns (its first non-empty group, else the match); ``secret`` when none matches."""
    best: tuple[int, str] | None = None
    for plugin in _format_plugins():
        for regex in plugin.denylist:
            for match in regex.finditer(secret):
                value = next((group for group in match.groups() if group), match.group(0))
                if value and (best is None or match.end() - match.start() > best[0]):
                    best = (match.end() - match.start(), value)
    return best[1] if best else secret


@lru_cache(maxsize=1)
def _format_plugins() -> tuple:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins.base import RegexBasedDetector

    classes = get_mapping_from_secret_type_to_class().values()
    return tuple(cls() for cls in sorted(classes, key=lambda c: c.__name__) if issubclass(cls, RegexBasedDetector))


def hits_by_line(lines: list[str]) -> list[tuple[int, list[Hit]]]:
    """(0-based index, hits) of the lines of a text that hold a credential. Most texts hold no
    candidate at all, and most lines of the others none: the gates' `str.find` (C speed) picks
    the lines; the regular expressions run only there."""
    picked = sorted(candidate_lines("\n".join(lines)))
    return [(index, hits) for index, hits in zip(picked, line_hits([lines[i] for i in picked])) if hits]


def check(source: Source, config: Config) -> list[Finding]:
    if not candidate_lines(source.text):  # the common case, without splitting the text
        return []
    return [_finding(source.display, index + 1, hit.start + 1, hit) for index, hits in hits_by_line(source.lines) for hit in hits]


def check_file_names(displays: list[str]) -> list[Finding]:
    """HL306: a credential in a file's name (shown in every report, committed with the file).
    Not a content check: two files with one text may have different names. The names are gated
    together, as the lines of one text."""
    return [_finding(displays[index], 1, 1, hits[0], "HL306", "file name holds ") for index, hits in hits_by_line(displays)]


_PRINTABLE_RUN = re.compile(r"[\x20-\x7e\t]{8,}")


def check_binary(display: str, data: bytes) -> list[Finding]:
    """Credentials in the printable runs of a binary file (what ``strings`` shows): a NUL byte at
    the top of a ``.env`` must not hide the key below it. Reported at line 1, since a binary
    file has no lines to point at."""
    runs = _PRINTABLE_RUN.findall(data.decode("latin-1"))  # one character per byte
    return [_finding(display, 1, 1, hit, where="in a binary file: ") for _index, hits in hits_by_line(runs) for hit in hits]
