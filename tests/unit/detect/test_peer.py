"""detect-secrets as a library, set up once: the same findings as its own ``scan_line``, which
rebuilds its settings for every line and injects every plugin's and filter's arguments."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from handoff_lint.data.rules_data import load_table
from handoff_lint.detect import peer

PLUGINS = load_table("credentials")["detect-secrets"]["plugins"]
JUDGED = set(load_table("credentials")["detect-secrets"]["judged-by-our-patterns"].values())


def their_scans(lines: list[str]) -> list[list[tuple[str, str]]]:
    """detect-secrets' own adhoc scan of each line (its plugin and filter calls by injection)."""
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    peer._peer()  # ours set up first: the transient settings are put back after
    with transient_settings({"plugins_used": [{"name": name} for name in PLUGINS]}):
        return [sorted((s.type, s.secret_value) for s in scan_line(line) if s.type not in JUDGED) for line in lines]


def our_scan(line: str) -> list[tuple[str, str]]:
    return sorted((s.type, s.secret_value) for s in peer.peer_secrets(line))


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
    assert our_scan(line) == their_scans([line])[0]


DATA = Path(__file__).resolve().parents[2] / "data"
# the peers' own samples, rebuilt from their sources by bench/peer_fixtures.py (not committed)
PEER_SAMPLES = Path("/tmp/peer-src/peers.tsv")


@pytest.mark.parametrize("corpus", [DATA / "corpus.tsv", PEER_SAMPLES], ids=["corpus", "peer-samples"])
def test_every_corpus_line_gets_scan_lines_findings(corpus):
    """The direct calls change nothing: on every labelled line, secrets and lookalikes alike, the
    same findings (type and value) as detect-secrets' ``scan_line`` with the same plugins."""
    if not corpus.exists():
        pytest.skip(f"{corpus} not present (bench/peer_fixtures.py rebuilds it)")
    lines = [
        raw.partition("\t")[2] for raw in corpus.read_text(encoding="utf-8").splitlines() if raw[:1] not in ("", "#")
    ]
    ours = [our_scan(line) for line in lines]
    theirs = their_scans(lines)
    differ = [index for index, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b]
    assert sum(map(len, theirs)) > 10  # the corpus does hold what detect-secrets finds
    assert not differ, f"{len(differ)} lines differ, e.g. line {differ[0]} of {corpus.name}"


def test_plugins_our_patterns_judge_are_not_run():
    assert JUDGED and not {plugin.secret_type for plugin, _names in peer._peer().plugins} & JUDGED


@pytest.mark.parametrize("corpus", [DATA / "corpus.tsv", PEER_SAMPLES], ids=["corpus", "peer-samples"])
def test_each_plugin_on_the_lines_its_gate_picks_misses_nothing(corpus):
    """A plugin runs only where its own gate picks the line: on every labelled line, the same
    findings as every plugin run on every line."""
    if not corpus.exists():
        pytest.skip(f"{corpus} not present (bench/peer_fixtures.py rebuilds it)")
    lines = [
        raw.partition("\t")[2] for raw in corpus.read_text(encoding="utf-8").splitlines() if raw[:1] not in ("", "#")
    ]
    gated = peer.detect_secrets_hits(lines)
    everywhere = [[h for s in peer.peer_secrets(line) if (h := peer._hit(line, s))] for line in lines]
    assert sum(map(len, everywhere)) > 10
    differ = [index for index, (a, b) in enumerate(zip(gated, everywhere, strict=True)) if a != b]
    assert not differ, f"{len(differ)} lines differ, e.g. {lines[differ[0]][:12]}…"


def test_the_judged_plugins_are_named_with_the_types_they_report():
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    judged = load_table("credentials")["detect-secrets"]["judged-by-our-patterns"]
    types = {cls.__name__: secret_type for secret_type, cls in get_mapping_from_secret_type_to_class().items()}
    assert judged and {name: types[name] for name in judged} == judged


def test_a_text_no_plugin_gate_picks_does_not_import_detect_secrets(tmp_path):
    """A one-file run over a handoff that mentions keys and tokens in prose only (what the gates
    pick, but no plugin's gate) never loads detect-secrets."""
    import subprocess
    import sys

    probe = (
        "import sys; from handoff_lint.detect.scan import hits_by_line;"
        "hits_by_line(['Rotate the API key before the demo.', 'password: see the team vault']);"
        "print('detect_secrets' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "False"


def test_a_long_run_of_spaces_does_not_stall_detect_secrets_and_a_key_after_spaces_is_found():
    """detect-secrets' assignment expressions backtrack cubically over spaces (`key` then 2,000
    spaces: 55 s; 5,000: hours): a handoff could stall every commit's hook. The plugins get long
    runs cut short, in a child process killed after 60 s, and a key written after 40 spaces is
    still found, on the characters the line writes."""
    import subprocess
    import sys

    key = "".join(random.Random(7).choices(string.ascii_letters + string.digits + "_-", k=44))
    program = (
        "from handoff_lint.detect.peer import detect_secrets_hits\n"
        f"hostile = 'ibm_api_key' + ' ' * 5000 + '!' + ' ' + {key!r} + '!'\n"
        f"found = detect_secrets_hits([hostile, 'ibm_api_key =' + ' ' * 40 + {key!r}])\n"
        "print(repr([[(h.start, h.end) for h in hits] for hits in found]))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    _hostile, spaced = eval(done.stdout)  # noqa: S307 - our own child's repr of two lists
    assert spaced == [(13 + 40, 13 + 40 + 44)]
