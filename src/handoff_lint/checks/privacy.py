"""HL2xx: private paths, network shares, internal hosts and private IP addresses.

Runs on every readable text file, whatever its kind. Patterns are data in rules/privacy.toml, and
so is what is *not* a person's: placeholder user names, the home folders of CI machines and of
sandbox, container and cloud-image accounts (``/home/claude``, ``/home/codespace``), and role
and service mailboxes (``support@``, ``noreply@``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from functools import lru_cache

from handoff_lint.data.config import Config
from handoff_lint.data.rules_data import Patterns, load_table
from handoff_lint.findings import Finding
from handoff_lint.model.source import Source
from handoff_lint.parse.lines import lines_holding, lines_matching

KINDS = None
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_DOCUMENTATION = tuple(
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
)
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")
_DIGIT_DOT_DIGIT = re.compile(r"[0-9]\.[0-9]")  # every IPv4 address holds one


@lru_cache(maxsize=1)
def _table():
    table = load_table("privacy")
    patterns = Patterns(
        table["patterns"], {"host": re.IGNORECASE}
    )  # the cheap tests in check() keep most texts from needing any
    placeholders = frozenset(name.casefold() for name in table["placeholder-users"])
    return (
        patterns,
        placeholders,
        frozenset(table["internal-suffixes"]),
        tuple(table.get("ci-homes", ())),
        frozenset(name.casefold() for name in table.get("service-accounts", ())),
    )


def patterns() -> Patterns:
    """The compiled HL2 patterns (home, unc, host, ipv4, email, ipv6): what the sanitize fix
    matches again at a finding's column to find the span it rewrites."""
    return _table()[0]


@lru_cache(maxsize=4)
def _host_needles(suffixes: frozenset[str]) -> tuple[str, ...]:
    """What the lower-cased text of a line with an internal host name must contain: the host
    ends with '.' + suffix (it has a dot, so it equals a suffix only if that has one too)."""
    return tuple(
        sorted({"." + suffix.lower() for suffix in suffixes} | {suffix.lower() for suffix in suffixes if "." in suffix})
    )


@lru_cache(maxsize=1)
def _email_allowed():
    table = load_table("privacy")
    return (
        frozenset(table["email-allowed-domains"]),
        tuple("." + s for s in table["email-allowed-suffixes"]),
        frozenset(table["email-allowed-locals"]),
    )


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    return frozenset(name.casefold() for name in load_table("privacy").get("role-mailboxes", ()))


def is_role_mailbox(local: str) -> bool:
    """Is an e-mail address's local part a role's or a service's (``support``, ``it-helpdesk``,
    ``noreply+github``), not a person's? (rules/privacy.toml's role-mailboxes)"""
    roles = _roles()
    local = local.casefold().partition("+")[0]
    if local in roles:
        return True
    parts = local.replace("-", ".").replace("_", ".").split(".")
    return all(part in roles for part in parts) if len(parts) > 1 else False


@lru_cache(maxsize=1)
def _own_identifiers() -> re.Pattern | None:
    """The current login and host name, as one word-bounded pattern (None if all are generic).

    ``HANDOFF_LINT_OWN_IDENTIFIERS`` (comma-separated) replaces the detected names; set it empty
    to switch the rule off, e.g. on a build machine whose host name is an ordinary word.
    """
    import os

    from handoff_lint.data.identity import login_and_host

    generic = {name.casefold() for name in load_table("privacy")["generic-identifiers"]}
    override = os.environ.get("HANDOFF_LINT_OWN_IDENTIFIERS")
    names = set()
    if override is not None:
        names.update(part.strip() for part in override.split(",") if part.strip())
    else:
        user, host = login_and_host()
        names.update((user, host.split(".")[0]))
    names = {name for name in names if len(name) >= 4 and name.casefold() not in generic}
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, names))) + r")(?![\w-])", re.IGNORECASE)


def own_identifiers() -> re.Pattern | None:
    """The pattern HL206 looks for (the current login and host name), or None."""
    return _own_identifiers()


def _private_ips(display: str, number: int, matches) -> list[Finding]:
    """HL204 for each of ``matches`` (IPv4 or IPv6) that is a private address."""
    return [
        Finding(display, number, match.start() + 1, "HL204", f"private IP address {match.group('ip')}")
        for match in matches
        if _is_private_ip(match.group("ip"))
    ]


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Does ``text`` contain one of ``needles``? (``text`` computed once by the caller, not per needle.)"""
    return any(needle in text for needle in needles)


def _is_private_ip(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    if address.is_loopback or address.is_unspecified or any(address in net for net in _DOCUMENTATION):
        return False
    if address.version == 6:
        return address.is_link_local or address in _UNIQUE_LOCAL
    return address.is_private or address in _CGNAT or address.is_link_local


def _in_url_userinfo(line: str, at: int) -> bool:
    """Whether position ``at`` lies in the authority of a URL (``scheme://user:pass@host``):
    after a ``://`` with no whitespace, ``/``, ``?`` or ``#`` between."""
    scheme = line.rfind("://", 0, at)
    if scheme == -1:
        return False
    between = line[scheme + 3 : at]
    return not any(char.isspace() or char in "/?#" for char in between)


# What a line holds before check() looks for an address on it: an IPv4 address has a dot, one to
# three digits, a dot and a digit in it (ipaddress reads ASCII digits only); an IPv6 address is
# looked for on a line with three colons, or two together.
_DOTTED = re.compile(r"\.[0-9]{1,3}\.[0-9]")
_COLONS = re.compile(r"::|:[^:\n]*:[^:\n]*:")


def _candidate_lines(text: str, home_needles: Iterable[str], host_needles: tuple[str, ...]) -> list[int]:
    """The lines :func:`check` looks at, found over the whole text: each holds one of the home
    folders' needles, ``\\\\``, one of the internal hosts' needles (in lower case), what an
    address needs, or ``@``. On any other line none of its tests can find anything."""
    found = {number for needle in (*home_needles, "\\\\", "@") for number in lines_holding(text, needle)}
    lowered = text.lower()  # once, not once per needle
    found.update(number for needle in host_needles for number in lines_holding(lowered, needle))
    found.update(lines_matching(text, _DOTTED))
    found.update(lines_matching(text, _COLONS))
    return sorted(found)


MARKDOWN = (".md", ".markdown", ".mdx")


def applies(source: Source, config: Config) -> bool:
    """In a handoff folder, every text file; outside one, as ``privacy-outside`` says: by default
    markdown only, where handoff-style writing lives (a Dockerfile's ``WORKDIR /root/app``, a
    licence's or pyproject's author e-mail are no leak of a handoff)."""
    if source.file.root is not None or config.privacy_outside == "all":
        return True
    return config.privacy_outside == "markdown" and source.display.lower().endswith(MARKDOWN)


def check(source: Source, config: Config) -> list[Finding]:
    patterns, placeholders, suffixes, ci_homes, service_accounts = _table()
    if config.placeholder_users:
        placeholders = placeholders | {name.casefold() for name in config.placeholder_users}
    if config.internal_domains:
        suffixes = suffixes | set(config.internal_domains)
    found = []
    # Only the lines that can give a finding, found over the whole text: most lines hold none of
    # what the tests below ask for, and a Python step per line was most of this check's time.
    text = source.text
    home_needles = load_table("privacy")["literals"]["home"]
    host_needles = _host_needles(suffixes)
    lines = source.lines
    for number in _candidate_lines(text, home_needles, host_needles):
        line = lines[number - 1]
        if ("/" in line or "\\" in line) and any(needle in line for needle in home_needles):
            for match in patterns["home"].finditer(line):
                user = match.group("user") or match.group("wuser") or match.group("tuser")
                system_temp = match.group(0).startswith("/private/")
                if ci_homes and line[match.start() : match.start() + 64].replace("\\\\", "/").replace(
                    "\\", "/"
                ).startswith(ci_homes):
                    continue  # a CI machine's build account, not a person
                if user and match.group(0).startswith("/home/") and user.casefold() in service_accounts:
                    continue  # a sandbox, container or cloud-image account, not a person
                if match.group("root") or system_temp or (user and user.casefold() not in placeholders):
                    shown = match.group(0)
                    found.append(
                        Finding(
                            source.display,
                            number,
                            match.start() + 1,
                            "HL201",
                            f"path into a home folder: '{shown}'; use a repo-relative path or '/home/<user>/'",
                        )
                    )
        if "\\\\" in line:
            for match in patterns["unc"].finditer(line):
                found.append(
                    Finding(source.display, number, match.start() + 1, "HL202", f"network share '{match.group(0)}'")
                )
        if "." in line:
            if _holds_any(line.lower(), host_needles):
                for match in patterns["host"].finditer(line):
                    host = match.group("host").lower()
                    if any(host == suffix or host.endswith("." + suffix) for suffix in suffixes):
                        found.append(
                            Finding(
                                source.display,
                                number,
                                match.start() + 1,
                                "HL203",
                                f"internal host name '{match.group('host')}'",
                            )
                        )
            if _DIGIT_DOT_DIGIT.search(line):
                found += _private_ips(source.display, number, patterns["ipv4"].finditer(line))
        if "@" in line:
            domains, suffixes_ok, locals_ok = _email_allowed()
            for match in patterns["email"].finditer(line):
                domain, local = match.group("domain").lower(), match.group("local").lower()
                if domain in domains or domain.endswith(suffixes_ok) or local in locals_ok or is_role_mailbox(local):
                    continue  # a documentation domain, or a role's or service's mailbox: no person
                if _in_url_userinfo(line, match.start()):
                    continue  # `postgres://app:PASSWORD@host`: a password, which HL303 reports redacted
                found.append(
                    Finding(source.display, number, match.start() + 1, "HL205", f"e-mail address {match.group(0)!r}")
                )
        if "::" in line or line.count(":") >= 3:
            found += _private_ips(source.display, number, patterns["ipv6"].finditer(line))
    own = _own_identifiers()
    if own is not None and own.search(source.text):
        reported = {(f.line) for f in found if f.code == "HL201"}
        for number, line in enumerate(source.lines, start=1):
            if number in reported:
                continue
            for match in own.finditer(line):
                found.append(
                    Finding(
                        source.display,
                        number,
                        match.start() + 1,
                        "HL206",
                        f"the current user's own login or host name {match.group(0)!r}",
                    )
                )
    return found
