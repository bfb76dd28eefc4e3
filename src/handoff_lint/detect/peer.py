"""detect-secrets as a second opinion: its enabled plugins over candidate lines, and the value
it stores for a secret in a baseline (so a `.secrets.baseline` drops what it lists)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect.gates import gate_test
from handoff_lint.detect.given import value_is_literal
from handoff_lint.detect.judge import (
    TOKEN_CHARS,
    in_token_format,
    is_placeholder,
    name_may_hold_secret,
)
from handoff_lint.detect.patterns import Hit


@lru_cache(maxsize=1)
def _plugin_names() -> tuple[str, ...]:
    return tuple(load_table("credentials")["detect-secrets"]["plugins"])


@lru_cache(maxsize=1)
def _running() -> tuple[str, ...]:
    """The plugins we run: those whose format our own patterns do not judge (class names)."""
    judged = load_table("credentials")["detect-secrets"]["judged-by-our-patterns"]
    return tuple(name for name in _plugin_names() if name not in judged)


@lru_cache(maxsize=1)
def _gates() -> tuple[tuple[str, Callable[[str], bool]], ...]:
    """(plugin, its gate as a test of one line) of each plugin we run (rules/credentials.toml
    `[gates]`): a plugin runs only on the lines its own gate picks, and detect-secrets (its import
    and set-up cost more than a one-file run's checks) only for a text that has one."""
    gates = load_table("credentials")["gates"]
    return tuple((name, gate_test(gates[name])) for name in _running())


# what detect-secrets names the string it scans (scan_line's `adhoc-string-scan`); a secret's
# filters are given it as `filename`
_FILENAME = "adhoc-string-scan"


class _Peer(NamedTuple):
    # (detect-secrets' plugin object, the names of its `analyze_line`'s parameters) we run
    plugins: tuple[tuple[object, tuple[str, ...]], ...]
    # (filter, the names of its parameters) of the filters each secret must pass: those
    # `_scan_line` runs (they take the secret) and those `scan_line` runs after it (the context)
    filters: tuple[tuple[Callable, tuple[str, ...]], ...]
    snippet: Callable  # the line as detect-secrets' context


@lru_cache(maxsize=1)
def _peer() -> _Peer:
    """detect-secrets, set up once per process: its global settings given our plugins (less those
    whose format our own pattern judges, more strictly: running them only to drop their findings
    cost time), and its filters chosen once. Its ``scan_line`` does both again for every line
    (``transient_settings`` around it rebuilt every plugin per text: 40% of a real folder's run),
    and it calls every plugin and filter through ``call_function_with_arguments``, which reads
    the function's signature on each call (a quarter of its time on a real folder's lines). This
    is the same loop (detect_secrets.core.scan ``scan_line``, ``_scan_line``, ``_is_filtered_out``)
    over the same plugins and filters, each called with the arguments that function would inject,
    found once here."""
    from detect_secrets.core import scan
    from detect_secrets.settings import get_settings
    from detect_secrets.util.code_snippet import get_code_snippet
    from detect_secrets.util.inject import get_injectable_variables

    settings = get_settings()
    settings.configure_plugins([{"name": name} for name in _running()])
    settings.disable_filters("detect_secrets.filters.common.is_invalid_file")  # as scan_line does
    scan.get_plugins.cache_clear()
    scan.get_filters.cache_clear()
    plugins = tuple((plugin, get_injectable_variables(plugin.analyze_line)[1:]) for plugin in scan.get_plugins())
    filters = []
    # each stage's filters: those that take its required parameter; a filter that wants one the
    # stage does not give fails with TypeError there, which detect-secrets passes over
    for required, given in (("secret", _GIVEN - {"context"}), ("context", _GIVEN)):
        for function in scan.get_filters_with_parameter(required):
            names = tuple(sorted(function.injectable_variables))
            if set(names) <= given:
                filters.append((function, names))
    return _Peer(plugins, tuple(filters), lambda line: get_code_snippet(lines=[line], line_number=1))


_GIVEN = {"filename", "secret", "plugin", "line", "context"}  # what scan_line gives a secret's filters


def peer_secrets(line: str, chosen: frozenset[str] | None = None) -> list:
    """detect-secrets' findings on ``line`` (its ``PotentialSecret`` objects), as its
    ``scan_line`` makes them with our plugins (``chosen``: those of them, by class name)."""
    peer = _peer()
    context = peer.snippet(line)
    found = []
    given = {"filename": _FILENAME, "line": line, "line_number": 0, "enable_eager_search": True, "context": context}
    for plugin, names in peer.plugins:  # given the parameters its analyze_line names (no `self`)
        if chosen is not None and type(plugin).__name__ not in chosen:
            continue
        for secret in plugin.analyze_line(**{name: given[name] for name in names}):
            values = {"filename": secret.filename, "secret": secret.secret_value, "plugin": plugin}
            values.update(line=line, context=context)
            if not any(_drops(function, wanted, values) for function, wanted in peer.filters):
                found.append(secret)
    return found


def _drops(function: Callable, names: tuple[str, ...], given: dict) -> bool:
    try:
        return bool(function(**{name: given[name] for name in names}))
    except TypeError:  # as detect-secrets does (``_is_filtered_out``)
        return False


# detect-secrets' assignment expressions (Cloudant, IBM, Softlayer: `(?: *)(?:=|:| +|...)(?: *)`)
# backtrack cubically over a run of spaces: `ibm_key` and 2,000 spaces took 55 s. No plugin we
# run needs more than one space in a row, so a longer run reaches them cut to _SPACES (a secret's
# place is then found in the line as written: see _hit).
_SPACES = 16
_SPACE_RUN = re.compile(f" {{{_SPACES + 1},}}")


def detect_secrets_hits(lines: list[str]) -> list[list[Hit]]:
    """For each line, what detect-secrets' enabled plugins whose gate picks it find on it."""
    found: list[list[Hit]] = []
    gates = _gates()
    for line in lines:
        hits = []
        chosen = frozenset(name for name, test in gates if test(line))
        scanned = _SPACE_RUN.sub(" " * _SPACES, line)
        for secret in peer_secrets(scanned, chosen) if chosen else ():
            hit = _hit(line, secret)
            if hit is not None:
                hits.append(hit)
        found.append(hits)
    return found


def _hit(line: str, secret) -> Hit | None:
    """What detect-secrets found, as a hit on ``line``: the whole token around a partial capture,
    placeholders and names that say no secret dropped."""
    raw = secret.secret_value or ""
    value = raw.strip(" \t\"'=:")  # Artifactory's capture holds its delimiters
    start = line.find(value)
    if not value or start == -1:
        return None
    end = start + len(value)
    keyword = secret.type == "Secret Keyword"
    if not keyword:  # a plugin may capture only part of the token (`glpat` of glpat-...)
        while start > 0 and line[start - 1] in TOKEN_CHARS:
            start -= 1
        while end < len(line) and line[end] in TOKEN_CHARS:
            end += 1
    if is_placeholder(line[start:end], assigned=keyword):
        return None
    quote = line[start - 1 : start] if line[start - 1 : start] in ("'", '"', "`") else ""
    if keyword and (
        in_token_format(line[start:end])
        or not name_may_hold_secret(line[:start])
        or not value_is_literal(line[start:end], quote)
    ):
        return None  # judged as our own assignments are: no phrase, reference or code
    code = "HL304" if keyword else "HL305"
    return Hit(start, end, code, f"{secret.type.lower()} (detect-secrets)", line[start:end], 0 if keyword else 4, raw)


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
