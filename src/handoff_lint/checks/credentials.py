"""HL3xx: API keys and tokens, private keys, passwords in URLs, secret assignments. Every text
file; inside code fences and inline code too. Messages show only a redacted form of the secret.

Our own patterns run first. detect-secrets runs only on the lines that pass a cheap keyword
prefilter and on which our rules found nothing, and is imported only when such a line exists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.data.config import Config
from handoff_lint.findings import Finding
from handoff_lint.redact import redact
from handoff_lint.data.rules_data import load_table
from handoff_lint.engine.source import Source

KINDS = None
_PLACEHOLDER_PASSWORDS = re.compile(r"^(?:\$\{?\w+\}?|<[^>]*>|\{\{.*\}\}|%\w+%|\*+|x+|\.\.\.|password|pass|changeme|secret)$", re.I)


@lru_cache(maxsize=1)
def _patterns():
    table = load_table("credentials")
    tokens = [(name, re.compile(pattern)) for name, pattern in table["tokens"].items()]
    # One combined prefilter: a line that matches none of these cannot hold a credential.
    prefilter = re.compile("|".join(f"(?:{p})" for p in [*table["tokens"].values(), table["other"]["private-key"], table["other"]["url-password"]]))
    return tokens, re.compile(table["other"]["private-key"]), re.compile(table["other"]["url-password"]), prefilter


@lru_cache(maxsize=1)
def _detect_secrets_prefilter():
    table = load_table("credentials")["detect-secrets"]
    return re.compile(table["prefilter"]), tuple(table["plugins"])


def _detect_secrets(lines: list[tuple[int, str]]):
    """(line number, detector name, secret) for each secret detect-secrets finds in ``lines``."""
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    _prefilter, plugins = _detect_secrets_prefilter()
    with transient_settings({"plugins_used": [{"name": name} for name in plugins]}):
        for number, line in lines:
            for secret in scan_line(line):
                yield number, secret.type, secret.secret_value or ""


def redact_line(line: str) -> str:
    """``line`` with every token, URL password and assigned secret our rules find shown redacted:
    for text the tool prints that is not a finding (the status board's titles)."""
    tokens, _private_key, url_password, _prefilter = _patterns()
    spans = [m.span() for _name, pattern in tokens for m in pattern.finditer(line)]
    spans += [m.span("secret") for m in url_password.finditer(line)]
    spans += [m.span("secret") for m in _assignment().finditer(line)]
    for start, end in sorted(set(spans), reverse=True):
        line = line[:start] + redact(line[start:end], keep=0) + line[end:]
    return line


def redact_message(message: str) -> str:
    """A finding's message with whatever our rules take for a credential redacted. Messages
    quote document text (a title, a field value, a status, a file name); substring tests
    decide first, so the common message costs no regex."""
    literals = load_table("credentials")["literals"]
    lowered = message.lower()
    if not (any(literal in message for literal in literals["tokens"]) or any(word in lowered for word in literals["keywords"])):
        return message
    return redact_line(message)


def _looks_random(body: str) -> bool:
    """Placeholders such as ``sk-xxxxxxxxxxxxxxxxxxxxxxxx`` or ``hf_YOUR_TOKEN_HERE...`` are not keys."""
    distinct = len(set(body))
    has_digit = any(c.isdigit() for c in body)
    return distinct >= 10 and has_digit and "your" not in body.lower() and "xxxx" not in body.lower()


def _finding(source: Source, line: int, column: int, code: str, message: str, secret: str) -> Finding:
    import hashlib  # only for a text that holds a secret: OpenSSL's import is not free

    digest = hashlib.sha1(secret.encode("utf-8")).hexdigest()
    return Finding(source.display, line, column, code, message, secret_hash=digest)


def check(source: Source, config: Config) -> list[Finding]:
    found: list[Finding] = []
    for_detect_secrets: list[tuple[int, str]] = []
    # Most files hold no candidate at all, and most lines of the others none: `str.find` of the
    # literals every pattern needs (C speed) picks the lines; the regular expressions run only
    # there. (A regex search over every file cost more than all the other HL3 work together.)
    literals = load_table("credentials")["literals"]
    text = source.text
    token_lines = _lines_at(text, _positions(text, literals["tokens"]))
    keyword_lines = _keyword_lines(text, source.lines, literals["keywords"])
    if not (token_lines or keyword_lines):
        return found  # the patterns are not even compiled: a cold run checking one clean file saves that
    tokens, private_key, url_password, prefilter = _patterns()
    assignment = _assignment()
    for index in sorted(token_lines.keys() | keyword_lines):
        number, line = index + 1, source.lines[index]
        if index not in token_lines or not prefilter.search(line):
            if index in keyword_lines:
                before = len(found)
                for match in assignment.finditer(line):
                    if not _PLACEHOLDER_PASSWORDS.match(match.group("secret")):
                        found.append(_finding(source, number, match.start("secret") + 1, "HL304", f"secret assigned a literal value {redact(match.group('secret'), keep=0)}", match.group("secret")))
                if len(found) == before:
                    for_detect_secrets.append((number, line))
            continue
        taken: list[tuple[int, int]] = []
        for name, pattern in tokens:
            for match in pattern.finditer(line):
                if any(start <= match.start() < end for start, end in taken):
                    continue  # sk-ant- is also sk-: report it once
                if _looks_random(match.group(0).split("_", 1)[-1].split("-", 1)[-1]):
                    taken.append(match.span())
                    found.append(_finding(source, number, match.start() + 1, "HL301", f"{name} token {redact(match.group(0))}", match.group(0)))
        match = private_key.search(line)
        if match:
            found.append(_finding(source, number, match.start() + 1, "HL302", "private key block", match.group(0)))
        for match in url_password.finditer(line):
            if not _PLACEHOLDER_PASSWORDS.match(match.group("secret")):
                found.append(_finding(source, number, match.start("secret") + 1, "HL303", f"password in URL {redact(match.group('secret'), keep=0)}", match.group("secret")))
    if for_detect_secrets:
        for number, kind, secret in _detect_secrets(for_detect_secrets):
            if _PLACEHOLDER_PASSWORDS.match(secret):
                continue
            code = "HL304" if kind == "Secret Keyword" else "HL305"
            column = source.lines[number - 1].find(secret) + 1 if secret else 1
            found.append(_finding(source, number, max(1, column), code, f"{kind.lower()} {redact(secret, keep=0 if code == 'HL304' else 4)} (detect-secrets)", secret))
    return found


def _positions(haystack: str, needles) -> list[int]:
    """Where each of ``needles`` occurs in ``haystack``."""
    found = []
    for needle in needles:
        start = haystack.find(needle)
        while start != -1:
            found.append(start)
            start = haystack.find(needle, start + 1)
    return found


def _lines_at(text: str, positions: list[int]) -> dict[int, list[int]]:
    """0-based line index -> the positions on that line (text lines end at "\\n" only)."""
    lines: dict[int, list[int]] = {}
    line = last = 0
    for position in sorted(positions):
        line += text.count("\n", last, position)
        last = position
        lines.setdefault(line, []).append(position)
    return lines


def _keyword_lines(text: str, lines: list[str], keywords) -> set[int]:
    """Lines (0-based) on which the detect-secrets prefilter matches, in a file that holds one of
    its keywords. Every match starts at a keyword or at `://`, so the pattern is tried only there."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed a length ('İ'): positions do not carry over
        if not any(word in lowered for word in keywords):
            return set()
        keyword_prefilter, _plugins = _detect_secrets_prefilter()
        return {index for index, line in enumerate(lines) if keyword_prefilter.search(line)}
    starts = _positions(lowered, keywords)
    if not starts:
        return set()
    keyword_prefilter, _plugins = _detect_secrets_prefilter()
    starts += _positions(text, ("://",))
    return {index for index, at in _lines_at(text, starts).items() if any(keyword_prefilter.match(text, p) for p in at)}


@lru_cache(maxsize=1)
def _assignment():
    return re.compile(load_table("credentials")["other"]["assignment"])
