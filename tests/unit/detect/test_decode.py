"""A token written so that markdown or a browser shows it whole (broken by an HTML comment, a tag,
an entity, emphasis, an escape), percent-encoded, or inside a base64 blob is found, reported on
the characters the text writes, and redacted in that form wherever it reappears."""

from __future__ import annotations

import base64
import random
import string
import time
from urllib.parse import quote

import pytest

from handoff_lint.detect import decode, scan
from handoff_lint.detect.values import Known

RNG = random.Random(2930)


def token() -> str:
    while True:
        value = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(36))
        if any(c.isdigit() for c in value):
            return "ghp_" + value


def entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" for c in text)


TRICKS = {
    "html comment": lambda t: t[:2] + "<!-- -->" + t[2:],
    "inline tag": lambda t: t[:10] + "<b></b>" + t[10:],
    "entity": lambda t: entities(t[:3]) + t[3:],
    "all entities": entities,
    "emphasis": lambda t: t[:12] + "**" + t[12:20] + "**" + t[20:],
    "strikethrough": lambda t: t[:12] + "~~" + t[12:],
    "escape": lambda t: t[:3] + "\\" + t[3:],
    "zero-width space": lambda t: t[:4] + "\u200b" + t[4:],
    "zero-width entity": lambda t: t[:4] + "&#8203;" + t[4:9] + "&ZeroWidthSpace;" + t[9:],
    "soft hyphen": lambda t: t[:6] + "\u00ad" + t[6:],
    "percent-encoded": lambda t: quote(t, safe=""),
    "percent-encoded bytes": lambda t: "".join(f"%{ord(c):02X}" for c in t),
    "base64": lambda t: base64.b64encode(f"export GITHUB_TOKEN={t}\n".encode()).decode(),
    "base64 url-safe": lambda t: base64.urlsafe_b64encode(f'{{"token": "{t}"}}'.encode()).decode().rstrip("="),
}


@pytest.mark.parametrize("trick", sorted(TRICKS))
def test_a_token_written_in_pieces_or_encoded_is_found_where_the_text_writes_it(trick):
    secret = token()
    written = TRICKS[trick](secret)
    line = f"The deploy key is {written} (do not share)."
    text = f"# Notes\n\nNothing here.\n{line}\nEnd.\n"
    lines = text.split("\n")
    found = scan.hits_by_line(lines, text)
    assert [index for index, _hits in found] == [3], found
    hit = found[0][1][0]
    assert line[hit.start : hit.end] == written, (line[hit.start : hit.end], written)
    # the value recorded is the text's own span: every string quoting the line is redacted
    values = scan.values_at(lines, scan.spans_of(found))
    shown = Known(values).redact(f"HL101 title {line!r}")
    assert written not in shown and secret not in shown
    assert secret not in scan.redact_detected(text) and written not in scan.redact_detected(text)


@pytest.mark.parametrize(
    "line",
    [
        "Growth was 50% in Q3 &amp; 20% in Q4.",
        "See <b>bold</b> and <!-- a note --> here.",
        "Use `a\\*b` and **bold** text.",
        "%7B%22name%22%3A%22value%22%7D",
        "R&amp;D spent 40%.",
        "**Date**: 2026-11-02",
        base64.b64encode(b"Nothing but a sentence about build logs, long enough to look like a blob.").decode(),
        "models/next-local/active/handoff-2026-11-24-triage-nightly-test-timeouts.md",
        base64.b64encode(bytes(range(256))).decode()[:120],
    ],
)
def test_rendering_and_decoding_leave_clean_lines_clean(line):
    text = f"intro\n{line}\n"
    assert scan.hits_by_line(text.split("\n"), text) == []


def test_a_rendering_maps_each_character_to_its_source():
    line = "a&#98;c<!-- x -->d%65\\-"
    shown, spans = decode.rendered(line)
    assert shown == "abcde-"
    assert [line[a:b] for a, b in spans] == ["a", "&#98;", "c", "d", "%65", "\\-"]
    assert decode.original_span(spans, 1, 4) == (1, 17 + 1)
    assert decode.rendered("plain text") is None and decode.rendered("**Date**: x") is None


def test_a_blob_is_decoded_once():
    inner = base64.b64encode(f"token {token()}".encode()).decode()
    twice = base64.b64encode(inner.encode()).decode()
    assert scan.hits_by_line([twice]) == []  # bounded depth: a blob inside a blob is not opened
    assert scan.hits_by_line([inner]) != []


def test_marker_lines_pick_the_markers_a_rendering_changes():
    text = "a\n50% of runs\n%41\n<b>\nx < y\n\\-\nf\\g\n&#65;\nR & D\n**Date**: x"
    assert decode.marker_lines(text) == [2, 3, 5, 7]
    # emphasis inside a token is read on the lines with a long run (a token broken by `**` is one)
    from handoff_lint.detect import gates

    assert gates.run_lines("key ghp_AbC**dEf**GhIjKlMnOp\n**Date**: 2026-11-02") == [0]


def test_decoding_costs_little_on_a_long_clean_text():
    """The renderings run only on lines with a marker, the blobs only on lines with a long run:
    a long text of markdown prose with bold labels, percentages and links costs milliseconds."""
    block = (
        "**Date**: 2026-11-02\n**Priority**: HIGH (50% of runs fail)\n- [logs](../logs/README.md) & more\n"
        "The nightly job produced 4,000 files that nobody has read yet.\n\n"
    )
    text = block * 2000
    lines = text.split("\n")
    start = time.process_time()
    scan.decoded_hits(lines, text, [])
    assert time.process_time() - start < 1.0
