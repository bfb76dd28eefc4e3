"""Secrets by value: the secrets a scan found, and the redaction of any string by them.

A text is scanned once (detect/scan.py). The secret values found in it travel with it, with the
forms the tool itself derives from them: lower- or upper-cased (matched without regard to case),
slugified into a file name (``ghp_AbC`` -> ``ghp-abc``, and each long word of that on its own,
since a canonical name keeps up to six words), URL-encoded, and (for a secret the text wrote
encoded: a span of ``%67%68...`` or ``&#103;...``) decoded. Any string derived from the text
(a message of any rule, a path, an expected name, a board cell, a diff line) is redacted by
them at the Show seam, whichever rule quotes it: no detector has to recognise the secret again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handoff_lint.detect.redact import redact
from handoff_lint.parse.names import slug_words

MIN_VALUE = 4  # a shorter "secret" (`pw: ab1`) is not looked for elsewhere: it would mangle words
MIN_ANYWHERE = 8  # shorter forms match only as a whole word, not inside a longer run of letters
_ALNUM = "0-9A-Za-z"


def forms(value: str) -> set[str]:
    """``value`` and the forms the tool derives from it that may carry it into another string."""
    from urllib.parse import quote, unquote  # only for a text that holds a secret

    found = {value, quote(value, safe=""), quote(value)}
    # a secret the text wrote encoded (`%67%68%70...`, `&#103;hp_...`): its decoded form too
    found.add(unquote(value))
    if "&" in value:
        import html

        found.add(html.unescape(value))
    words = slug_words(value)
    if words:
        found.add("-".join(words))
        if len(words) > 1:  # a canonical name may keep only some of them: each random-looking word
            found.update(word for word in words if _distinctive(word))
    return {form for form in found if len(form) >= MIN_VALUE}


def _distinctive(word: str) -> bool:
    """A slug word of a secret that names it on its own: long, and not a word of prose
    (``password`` of ``my_password_x9``): letters and digits mixed, or very long."""
    return len(word) >= MIN_ANYWHERE and not word.isdigit() and (not word.isalpha() or len(word) >= 16)


class Known:
    """The secret values of the texts a string derives from: each with the characters a
    message may show of it (a token's short prefix, nothing of a password)."""

    __slots__ = ("_keep", "_pattern", "_shown")

    def __init__(self, values: Iterable[tuple[str, int]] = ()) -> None:
        self._keep: dict[str, int] = {}  # value -> characters it may show
        self._pattern: re.Pattern | None = None
        self._shown: dict[str, int] = {}  # a form, case-folded -> characters it may show
        self.add(values)

    def add(self, values: Iterable[tuple[str, int]]) -> Known:
        for value, keep in values:
            if len(value) >= MIN_VALUE and keep < self._keep.get(value, keep + 1):
                self._keep[value] = keep
                self._pattern = None
        return self

    def __bool__(self) -> bool:
        return bool(self._keep)

    def __iter__(self):
        return iter(self._keep.items())

    def __len__(self) -> int:
        return len(self._keep)

    def _matcher(self) -> re.Pattern:
        if self._pattern is None:
            shown: dict[str, int] = {}
            for value, keep in self._keep.items():
                for form in forms(value):
                    key = form.casefold()
                    shown[key] = min(shown.get(key, keep), keep if form == value else 0)
            alternatives = []
            for form in sorted(shown, key=len, reverse=True):
                escaped = re.escape(form)
                alternatives.append(escaped if len(form) >= MIN_ANYWHERE else f"(?<![{_ALNUM}]){escaped}(?![{_ALNUM}])")
            self._shown = shown
            self._pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        return self._pattern

    def redact(self, text: str) -> str:
        """``text`` with every form of every known secret shown shortened (see redact.py)."""
        if not self._keep or not text:
            return text
        return self._matcher().sub(
            lambda match: redact(match.group(0), keep=self._shown.get(match.group(0).casefold(), 0)), text
        )

    def carried_by(self, text: str) -> bool:
        """Does ``text`` (a file name the tool would choose) carry any form of a known secret?"""
        return bool(self._keep) and self._matcher().search(text) is not None
