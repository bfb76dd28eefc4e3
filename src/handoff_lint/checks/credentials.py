"""HL3xx: API keys and tokens, private keys, passwords in URLs. Every text file; inside code
fences and inline code too. Messages show only a redacted form of the secret."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.config import Config
from handoff_lint.findings import Finding
from handoff_lint.redact import redact
from handoff_lint.rules_data import load_table
from handoff_lint.source import Source

KINDS = None
_PLACEHOLDER_PASSWORDS = re.compile(r"^(?:\$\{?\w+\}?|<[^>]*>|\{\{.*\}\}|%\w+%|\*+|x+|\.\.\.|password|pass|changeme|secret)$", re.I)


@lru_cache(maxsize=1)
def _patterns():
    table = load_table("credentials")
    tokens = [(name, re.compile(pattern)) for name, pattern in table["tokens"].items()]
    # One combined prefilter: a line that matches none of these cannot hold a credential.
    prefilter = re.compile("|".join(f"(?:{p})" for p in [*table["tokens"].values(), *table["other"].values()]))
    return tokens, re.compile(table["other"]["private-key"]), re.compile(table["other"]["url-password"]), prefilter


def _looks_random(body: str) -> bool:
    """Placeholders such as ``sk-xxxxxxxxxxxxxxxxxxxxxxxx`` or ``hf_YOUR_TOKEN_HERE...`` are not keys."""
    distinct = len(set(body))
    has_digit = any(c.isdigit() for c in body)
    return distinct >= 10 and has_digit and "your" not in body.lower() and "xxxx" not in body.lower()


def check(source: Source, config: Config) -> list[Finding]:
    tokens, private_key, url_password, prefilter = _patterns()
    found = []
    for number, line in enumerate(source.lines, start=1):
        if not prefilter.search(line):
            continue
        taken: list[tuple[int, int]] = []
        for name, pattern in tokens:
            for match in pattern.finditer(line):
                if any(start <= match.start() < end for start, end in taken):
                    continue  # sk-ant- is also sk-: report it once
                if _looks_random(match.group(0).split("_", 1)[-1].split("-", 1)[-1]):
                    taken.append(match.span())
                    found.append(Finding(source.display, number, match.start() + 1, "HL301", f"{name} token {redact(match.group(0))}"))
        match = private_key.search(line)
        if match:
            found.append(Finding(source.display, number, match.start() + 1, "HL302", "private key block"))
        for match in url_password.finditer(line):
            if not _PLACEHOLDER_PASSWORDS.match(match.group("secret")):
                found.append(Finding(source.display, number, match.start("secret") + 1, "HL303", f"password in URL {redact(match.group('secret'), keep=0)}"))
    return found
