"""The scan of a text: what holds a credential, and what only mentions one."""

from __future__ import annotations

import random
import string

from handoff_lint.detect.scan import hits_by_line

RNG = random.Random(28)


def codes(text: str) -> list[str]:
    return [hit.code for _index, hits in hits_by_line(text.split("\n")) for hit in hits]


def body_line() -> str:
    return "".join(RNG.choice(string.ascii_letters + string.digits + "+/") for _ in range(64))


def test_a_key_header_quoted_in_documentation_is_no_key():
    assert (
        codes("- **SSH Private Keys**: `-----BEGIN RSA PRIVATE KEY-----`\n- **Slack Tokens**: `xox[baprs]-*`\n") == []
    )


def test_a_key_with_its_body_is_a_key_however_its_header_is_quoted():
    key = f"-----BEGIN RSA PRIVATE KEY-----\n{body_line()}\n{body_line()}\n-----END RSA PRIVATE KEY-----\n"
    assert "HL302" in codes(key)
    assert "HL302" in codes(f"`-----BEGIN RSA PRIVATE KEY-----`\n{body_line()}\n{body_line()}\n")
    assert "HL302" in codes("see -----BEGIN RSA PRIVATE KEY----- below\n")  # not quoted as code: still reported
