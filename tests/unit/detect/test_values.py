"""Redaction by value: a secret found once is hidden wherever it or a form the tool derives from
it reappears, and nothing else is touched."""

from __future__ import annotations

from handoff_lint.detect.values import Known, forms

TOKEN = "ghp_Zq3aB7cD9eF1gH2iJ4kL6mN8oP0qR5sT7uV9"


def test_the_value_and_its_derived_forms_are_redacted():
    known = Known([(TOKEN, 4)])
    for text in (
        TOKEN,
        TOKEN.lower(),
        TOKEN.upper(),
        "ghp-zq3ab7cd9ef1gh2ij4kl6mn8op0qr5st7uv9",
        f"handoff-2026-12-01-deploy-{TOKEN.lower().replace('_', '-')}.md",
    ):
        shown = known.redact(f"name {text} end")
        assert "zq3ab7cd9ef1gh2ij4kl6mn8op0qr5st7uv9" not in shown.lower(), shown
        assert shown.startswith("name ") and shown.endswith(" end")
    assert known.redact(f"x {TOKEN} y") == "x ghp_…(40 chars) y"  # a token shows its prefix, as its finding does


def test_url_encoded_and_cut_forms():
    secret = "p@ss/w0rd-Kq8zLm2Xv9"
    known = Known([(secret, 0)])
    assert "Kq8zLm2Xv9" not in known.redact("https://h/?p=p%40ss%2Fw0rd-Kq8zLm2Xv9")
    # a canonical name keeps whole slug words: the random one alone is enough to redact
    assert "kq8zlm2xv9" not in known.redact("handoff-2026-12-01-kq8zlm2xv9.md")


def test_nothing_else_changes():
    known = Known([("hunter2abc", 0), ("ab", 0)])
    assert known.redact("a table, a tab, a cab") == "a table, a tab, a cab"  # too short to look for
    assert known.redact("password hunter2abc.") == "password …(10 chars)."
    assert Known().redact(TOKEN) == TOKEN and not Known()


def test_a_prose_word_of_a_secret_is_not_a_form_of_it():
    assert "password" not in forms("my_password_x9k2v7q1")
    assert "x9k2v7q1" in forms("my_password_x9k2v7q1")


def test_carried_by_a_file_name():
    known = Known([(TOKEN, 4)])
    assert known.carried_by("handoff-2026-12-01-rotate-ghp-zq3ab7cd9ef1gh2ij4kl6mn8op0qr5st7uv9.md")
    assert not known.carried_by("handoff-2026-12-01-rotate-the-keys.md")
