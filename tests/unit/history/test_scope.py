"""history/scope.py: handoff roots from the paths git knows, as discovery finds them on disk."""

from __future__ import annotations

import pytest

from handoff_lint.history.scope import in_scope, may_hold, roots_of, under_paths_in_scope

PATHS = [
    "models/next-local/active/handoff-2026-11-02-x.md",
    "models/next-local/responses/r.md",
    "team/handoff-template.md",
    "solo/next-local/archive/a.md",
    "big/next-larger/active/b.md",  # named for the other shipped protocol
    "src/archive/old.py",  # one lifecycle-like folder only: no root
    "docs/active/a.md",
]


def test_roots_follow_discoverys_rule():
    assert roots_of(PATHS) == {"models/next-local", "team", "solo/next-local", "big/next-larger"}
    assert roots_of(PATHS, ["extra"]) >= {"extra"}
    assert roots_of(["active/a.md", "archive/b.md"]) == {""}  # a repository whose top is the folder


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("models/next-local/active/handoff-2026-11-02-x.md", True),
        ("models/next-local/notes.txt", True),  # every file of a root
        ("models/next-local/deep/er/notes.txt", True),
        ("models/next-local/README.md", False),  # skipped kinds
        ("models/next-local/active/README.md", False),
        ("models/next-local/active/.desc", False),
        ("models/next-local/deep/README.md", True),  # deeper, a walk takes it
        ("models/next-local/.hidden/x.md", True),  # inside a root a walk takes hidden and tool folders too
        ("models/next-local/node_modules/x.md", True),
        ("models/next-local/.env", True),  # a hidden file is taken
        ("src/archive/old.py", False),
        ("docs/active/a.md", False),
    ],
)
def test_in_scope(path, expected):
    assert in_scope(path, roots_of(PATHS)) is expected


def test_paths_given_take_every_file_but_what_a_root_skips():
    roots = roots_of(PATHS)
    assert under_paths_in_scope("src/archive/old.py", roots)
    assert not under_paths_in_scope("models/next-local/README.md", roots)


def test_while_reading_the_log_lines_are_kept_only_where_a_root_may_be():
    may = may_hold({"models/next-local"})
    assert may("models/next-local/notes.txt") and may("gone/active/x.md") and may("x/handoff-template.md")
    assert may("old/next-local/notes.txt") and may("x/examples/e.md") and may("y/next-larger/notes.txt")
    assert not may("src/handoff_lint/cli.py") and not may("team/notes.txt")
