"""Redaction by value: a secret found once is hidden wherever it or a form the tool derives from
it reappears, and nothing else is touched."""

from __future__ import annotations

import random
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.detect import values
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


# The run's redaction is one expression of every form of every secret; a large run's forms are
# written as a trie (values._alternation). It must match exactly what the plain alternation of
# the forms, longest first, matches: a form cut short would show the rest of a secret.
_CHARS = "abcAB12-_.%"


def _plain(forms) -> str:
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        escaped = re.escape(form)
        whole = len(form) >= values.MIN_ANYWHERE
        alternatives.append(escaped if whole else f"(?<![{values._ALNUM}]){escaped}(?![{values._ALNUM}])")
    return "|".join(alternatives)


@settings(max_examples=400, deadline=None)
@given(
    st.sets(st.text(_CHARS, min_size=4, max_size=12), min_size=1, max_size=12),
    st.text(_CHARS + " x", max_size=120),
    st.randoms(use_true_random=False),
)
def test_the_trie_matches_what_the_plain_alternation_matches(forms, text, rng):
    forms = set(forms) | {form[: rng.randint(4, len(form))] for form in forms}  # forms prefixes of others
    for form in forms:  # each form once in the text, some upper-cased
        at = rng.randint(0, len(text))
        text = text[:at] + (form.upper() if rng.random() < 0.3 else form) + text[at:]
    plain = [match.span() for match in re.finditer(_plain(forms), text, re.IGNORECASE)]
    trie = [match.span() for match in re.finditer(values._alternation(forms), text, re.IGNORECASE)]
    assert trie == plain


def test_a_secret_longer_than_the_recursion_limit_is_still_one_expression():
    value = "".join(random.Random(5).choices(string.ascii_letters + string.digits, k=5000))
    known = Known([(value, 0), (value[:3000] + "Zz9", 0)])
    assert value not in known.redact(f"key {value} end")
