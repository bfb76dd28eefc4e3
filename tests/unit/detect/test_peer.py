"""detect-secrets as a library, set up once: the same findings as its own ``scan_line``, which
rebuilds its settings for every line."""

from __future__ import annotations

import pytest

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect import peer

PLUGINS = load_table("credentials")["detect-secrets"]["plugins"]
JUDGED = set(load_table("credentials")["detect-secrets"]["judged-by-our-patterns"])


def their_scan(line: str) -> list[tuple[str, str]]:
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    with transient_settings({"plugins_used": [{"name": name} for name in PLUGINS]}):
        return sorted((s.type, s.secret_value) for s in scan_line(line) if s.type not in JUDGED)


@pytest.mark.parametrize(
    "line",
    [
        'password = "Tr0ub4dor&3xK9"',
        "AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9m2LrT8v'",
        "api_key: 6d0f3a9e8b7c4d2e1f0a9b8c7d6e5f4a",
        "curl -H 'Authorization: Bearer 0123456789abcdefABCDEF0123456789' https://x",
        "artifactory AKCp8k3j4h5g6f7d8s9a0qwertyuiopasdfghjklzxcvbnm1234567890abcdefghijklmnop",
        "just prose about tokens and keys, no value at all",
    ],
)
def test_the_set_up_once_loop_finds_what_scan_line_finds(line):
    p = peer._peer()
    ours = []
    context = p.snippet(line)
    for plugin in p.plugins:
        ours += [
            (s.type, s.secret_value) for s in p.scan_line(plugin, line, context) if p.kept(plugin, line, context, s)
        ]
    assert sorted(ours) == their_scan(line)


def test_plugins_our_patterns_judge_are_not_run():
    assert JUDGED and not {plugin.secret_type for plugin in peer._peer().plugins} & JUDGED
