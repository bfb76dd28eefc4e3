"""HL2xx: private paths, network shares, internal hosts and private IP addresses.

Runs on every readable text file, whatever its kind. Patterns are data in rules/privacy.toml.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

from handoff_lint.config import Config
from handoff_lint.findings import Finding
from handoff_lint.rules_data import load_table
from handoff_lint.source import Source

KINDS = None
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_DOCUMENTATION = tuple(ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"))


@lru_cache(maxsize=1)
def _table():
    table = load_table("privacy")
    patterns = {name: re.compile(pattern, re.IGNORECASE if name == "host" else 0) for name, pattern in table["patterns"].items()}
    placeholders = frozenset(name.casefold() for name in table["placeholder-users"])
    return patterns, placeholders, frozenset(table["internal-suffixes"])


def _is_private_ip(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    if address.is_loopback or any(address in net for net in _DOCUMENTATION):
        return False
    return address.is_private or address in _CGNAT or address.is_link_local


def check(source: Source, config: Config) -> list[Finding]:
    patterns, placeholders, suffixes = _table()
    found = []
    for number, line in enumerate(source.lines, start=1):
        if "/" in line or "\\" in line:
            for match in patterns["home"].finditer(line):
                user = match.group("user") or match.group("wuser")
                if match.group("root") or (user and user.casefold() not in placeholders):
                    shown = match.group(0)
                    found.append(Finding(source.display, number, match.start() + 1, "HL201", f"path into a home folder: '{shown}'; use a repo-relative path or '/home/<user>/'"))
        if "\\\\" in line:
            for match in patterns["unc"].finditer(line):
                found.append(Finding(source.display, number, match.start() + 1, "HL202", f"network share '{match.group(0)}'"))
        if "." in line:
            for match in patterns["host"].finditer(line):
                host = match.group("host").lower()
                if any(host.endswith("." + suffix) for suffix in suffixes):
                    found.append(Finding(source.display, number, match.start() + 1, "HL203", f"internal host name '{match.group('host')}'"))
            for match in patterns["ipv4"].finditer(line):
                if _is_private_ip(match.group("ip")):
                    found.append(Finding(source.display, number, match.start() + 1, "HL204", f"private IP address {match.group('ip')}"))
    return found
