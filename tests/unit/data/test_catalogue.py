"""The rule catalogue is the one place rules are defined, and it is complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import handoff_lint
from handoff_lint.data.catalogue import catalogue, check_prefixes, is_selected, lookup


def test_every_rule_is_fully_described():
    rules = catalogue()
    assert len(rules) >= 15
    for rule in rules.values():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name), rule.code
        assert rule.summary and rule.explanation.strip() and rule.example.strip(), rule.code
    names = [rule.name for rule in rules.values()]
    assert len(names) == len(set(names)), "rule names must be unique"


def test_every_code_the_code_emits_is_in_the_catalogue():
    package = Path(handoff_lint.__file__).parent
    used = set()
    for path in package.rglob("*.py"):
        used.update(re.findall(r"[\"'](HL\d{3})[\"']", path.read_text(encoding="utf-8")))
    assert used, "no rule codes found in the package"
    assert used - set(catalogue()) == set()


@pytest.mark.parametrize(
    "code, select, ignore, expected",
    [
        ("HL101", ["ALL"], [], True),
        ("HL101", ["HL1"], [], True),
        ("HL201", ["HL1"], [], False),
        ("HL101", ["ALL"], ["HL10"], False),
        ("HL112", ["ALL"], ["HL10"], True),
        ("HL101", ["HL101"], ["HL1"], True),  # the more specific prefix wins
        ("HL101", ["HL1"], ["HL1"], False),  # a tie goes to ignore
    ],
)
def test_prefix_selection_follows_ruff(code, select, ignore, expected):
    assert is_selected(code, select, ignore) is expected


def test_unknown_prefix_is_rejected():
    assert check_prefixes(["hl1", " HL101 "]) == ["HL1", "HL101"]
    with pytest.raises(ValueError, match="HL777"):
        check_prefixes(["HL777"])
    with pytest.raises(ValueError):
        check_prefixes(["E501"])


def test_lookup_by_code_or_name():
    assert lookup("hl105").name == "missing-section"
    assert lookup("missing-section").code == "HL105"
    assert lookup("nothing") is None
