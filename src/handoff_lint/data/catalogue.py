"""The rule catalogue: every rule's code, name, severity, summary, explanation and example.

Rules are data in ``rules/HL*.toml`` (one file per family), so this module is the only place
that reads them and nothing else in the code restates a rule's name or severity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from handoff_lint.data.resources import data_dir
from handoff_lint.data.rules_data import parse

SEVERITIES = ("error", "warning")
CODE_RE = re.compile(r"^HL\d{3}$")
PREFIX_RE = re.compile(r"^(ALL|HL\d{0,3})$")


class Rule(NamedTuple):  # a tuple, not a frozen dataclass: that cost every run 2 ms to define
    code: str
    name: str
    severity: str
    summary: str
    explanation: str
    example: str
    fix: str = ""
    strict: str = ""  # the severity under `strict = true` (the template exactly), if not ``severity``

    @property
    def family(self) -> str:
        return self.code[:3]


@cache
def catalogue() -> dict[str, Rule]:
    """Every rule, keyed by code, in code order."""
    rules: dict[str, Rule] = {}
    for path in sorted(data_dir("rules").glob("HL*.toml")):
        table = parse(path)
        for code, entry in table.items():
            if not CODE_RE.match(code) or code in rules:
                raise ValueError(f"{path.name}: bad or repeated rule code {code!r}")
            if entry.get("severity") not in SEVERITIES or entry.get("strict", "error") not in SEVERITIES:
                raise ValueError(f"{path.name}: {code} severity must be one of {SEVERITIES}")
            rules[code] = Rule(code=code, **entry)
    return dict(sorted(rules.items()))


def strict_severities() -> dict[str, str]:
    """Code -> severity under ``strict = true``, for the rules whose severity it changes."""
    return {code: rule.strict for code, rule in catalogue().items() if rule.strict and rule.strict != rule.severity}


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (``HL101``) or name (``missing-section``)."""
    rules = catalogue()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((rule for rule in rules.values() if rule.name == key.lower()), None)


def check_prefixes(prefixes: Iterable[str]) -> list[str]:
    """Normalise ``--select``/``--ignore`` values; raise ValueError on one that selects nothing."""
    cleaned = []
    for prefix in prefixes:
        prefix = prefix.strip().upper()
        if not prefix:
            continue
        if not PREFIX_RE.match(prefix) or (
            prefix != "ALL" and not any(code.startswith(prefix) for code in catalogue())
        ):
            raise ValueError(f"unknown rule code or prefix {prefix!r} (see 'handoff-lint rules')")
        cleaned.append(prefix)
    return cleaned


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Ruff's rule: the longest matching prefix decides; on a tie, ``ignore`` wins."""

    def best(prefixes: Iterable[str]) -> int:
        lengths = [0 if p == "ALL" else len(p) for p in prefixes if p == "ALL" or code.startswith(p)]
        return max(lengths, default=-1)

    chosen, dropped = best(select), best(ignore)
    return chosen >= 0 and chosen > dropped
