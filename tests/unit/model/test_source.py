"""A text's secret values include those of its file's name: from the run's one scan of every
name when the run gives them, else from a scan of the name here; either way the same."""

from __future__ import annotations

import random
import string
from pathlib import Path

from handoff_lint.checks import credentials
from handoff_lint.detect.scan import spans_of, values_at
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source

RNG = random.Random(11)


def token() -> str:
    return "ghp_" + "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(36))


def file_named(display: str) -> SourceFile:
    return SourceFile(Path(display), display, UNCLASSIFIED, None)


def run_scan(displays: list[str]) -> dict[str, tuple]:
    """Each name's secret values as engine/pipeline.py finds them: one scan of every name."""
    found = credentials.file_name_hits(displays)
    return {displays[index]: tuple(values_at(displays, spans_of([(index, hits)]))) for index, hits in found}


def test_the_runs_name_scan_gives_what_scanning_the_name_alone_gives():
    secret = token()
    displays = ["notes/plain.md", f"notes/key-{secret}.md", "notes/other.md"]
    given = run_scan(displays)
    assert set(given) == {displays[1]}  # a name without a secret has none
    message = f"see notes/key-{secret}.md and {secret.lower()}"
    for display in displays:
        alone = Source(file_named(display), "text\n").known
        fed = Source(file_named(display), "text\n", name_secrets=given.get(display, ())).known
        assert fed.redact(message) == alone.redact(message)
    shown = Source(file_named(displays[1]), "text\n", name_secrets=given[displays[1]]).known.redact(message)
    assert secret not in shown and secret.lower() not in shown


def test_given_name_secrets_are_used_and_the_text_adds_its_own():
    name_secret, text_secret = token(), token()
    display = f"key-{name_secret}.md"
    source = Source(file_named(display), f"token {text_secret}\n", name_secrets=run_scan([display])[display])
    shown = source.known.redact(f"{name_secret} {text_secret}")
    assert name_secret not in shown and text_secret not in shown
    # what the run gives is what is used: the name is not scanned again
    assert Source(file_named(display), "text\n", name_secrets=()).known.redact(name_secret) == name_secret
