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


def _alternation(forms) -> str:
    """One expression for ``forms``, matched without regard to case, the longest form first
    wherever several start: a short form only as a whole word. ASCII forms (all but a rare
    secret's) as a trie, ``ab(?:c|d)``: the flat alternation of a large run's hundreds of forms
    tried every one at every character of every message (18 s over 20,000 handoffs' findings),
    a trie branches on one character. Two ASCII letters never match the same character case
    aside, so at most one branch of a node matches and its greedy path is the longest form."""
    forms = sorted(forms, key=len, reverse=True)
    if not all(form.isascii() for form in forms):
        return "|".join(re.escape(form) if len(form) >= MIN_ANYWHERE else _whole(re.escape(form)) for form in forms)
    long = _trie([form.lower() for form in forms if len(form) >= MIN_ANYWHERE])
    short = _trie([form.lower() for form in forms if len(form) < MIN_ANYWHERE])
    return "|".join([*([long] if long else []), *([_whole(short)] if short else [])]) or "(?!)"


def _whole(expression: str) -> str:
    return f"(?<![{_ALNUM}])(?:{expression})(?![{_ALNUM}])"


def _trie(words: list[str]) -> str:
    """An expression matching exactly ``words``, longest first: a trie, each run of single
    children written as one literal (so its nesting is its branching, not its length)."""
    if not words:
        return ""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def expression(node: dict) -> str:
        literal = []
        while len(node) == 1 and "" not in node:  # one child, no word ends here
            ((char, node),) = node.items()
            literal.append(re.escape(char))
        branches = [re.escape(char) + expression(child) for char, child in sorted(node.items()) if char]
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})" if branches else ""
        if body and "" in node:  # a word ends here: a longer one first, greedily
            body = f"(?:{body})?"
        return "".join(literal) + body

    return expression(root)


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
            self._shown = shown
            self._pattern = re.compile(_alternation(shown), re.IGNORECASE)
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
