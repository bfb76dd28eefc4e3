"""detect-secrets as a second opinion: its enabled plugins over candidate lines, and the value
it stores for a secret in a baseline (so a `.secrets.baseline` drops what it lists)."""

from __future__ import annotations

from functools import lru_cache

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect.judge import (
    TOKEN_CHARS, in_token_format, is_placeholder, name_may_hold_secret, value_is_literal,
)
from handoff_lint.detect.patterns import Hit


@lru_cache(maxsize=1)
def _plugin_names() -> tuple[str, ...]:
    return tuple(load_table("credentials")["detect-secrets"]["plugins"])


@lru_cache(maxsize=1)
def _judged_by_ours() -> frozenset[str]:
    return frozenset(load_table("credentials")["detect-secrets"]["judged-by-our-patterns"])



def detect_secrets_hits(lines: list[str]) -> list[list[Hit]]:
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
                    while start > 0 and line[start - 1] in TOKEN_CHARS:
                        start -= 1
                    while end < len(line) and line[end] in TOKEN_CHARS:
                        end += 1
                if is_placeholder(line[start:end], assigned=keyword):
                    continue
                quote = line[start - 1:start] if line[start - 1:start] in ("'", '"', "`") else ""
                if keyword and (in_token_format(line[start:end]) or not name_may_hold_secret(line[:start])
                                or not value_is_literal(line[start:end], quote)):
                    continue  # judged as our own assignments are: no phrase, reference or code
                code = "HL304" if keyword else "HL305"
                hits.append(Hit(start, end, code, f"{secret.type.lower()} (detect-secrets)", line[start:end], 0 if keyword else 4, raw))
            found.append(hits)
    return found



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

