"""A text's scan reads markdown tables by their header: a cell under a column named password,
secret, token or API key is a value given to that name."""

from __future__ import annotations

import random
import string

import pytest

from handoff_lint.detect import scan

RNG = random.Random(2929)


def rand(length: int) -> str:
    while True:
        value = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(length))
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            return value


def hits(text: str) -> list[tuple[int, str]]:
    lines = text.split("\n")
    found = scan.hits_by_line(lines, text)
    return [(index, lines[index][hit.start : hit.end]) for index, hits_on_line in found for hit in hits_on_line]


@pytest.mark.parametrize(
    "header",
    [
        "| system | user | password |",
        "|System|User|Password|",
        "| Host | Login | DB password |",
        "| service | API key |",
        "| name | token |",
        "system | user | secret",
    ],
)
def test_a_cell_under_a_secret_column_is_found(header):
    secret, other = "Qz7" + rand(12), rand(12)
    columns = len(scan.table_cells(header))
    delimiter = "|" + "---|" * columns
    cells = ["prod-db", "admin", secret][-columns:] if columns >= 2 else [secret]
    row = "| " + " | ".join(cells) + " |"
    text = f"# Access\n\n{header}\n{delimiter}\n{row}\n| staging | ci | `{other}` |\n\nDone.\n"
    found = hits(text)
    assert (4, secret) in found, found
    assert all(value not in ("prod-db", "admin", "staging", "ci") for _index, value in found)


def test_only_the_secret_column_and_only_the_table_below_its_header():
    secret = rand(14)
    text = (
        "| system | user | password |\n|---|---|---|\n| prod | " + rand(14) + " | " + secret + " |\n\n"
        "| system | note |\n|---|---|\n| prod | " + rand(14) + " |\n"
    )
    assert hits(text) == [(2, secret)]


@pytest.mark.parametrize(
    "cell",
    [
        "stored in vault",
        "`see 1Password`",
        "<redacted>",
        "********",
        "${DB_PASSWORD}",
        "(in the keyring)",
        "-",
        "n/a",
        "same as prod",
    ],
)
def test_a_cell_that_stands_in_for_a_secret_is_clean(cell):
    text = f"| system | user | password |\n|---|---|---|\n| prod | admin | {cell} |\n"
    assert hits(text) == []


@pytest.mark.parametrize(
    "header", ["| Key | Value |", "| Password policy | Notes |", "| token URL | scope |", "| user | role |"]
)
def test_a_column_that_names_no_secret_is_not_read(header):
    text = f"{header}\n|---|---|\n| {rand(16)} | {rand(16)} |\n"
    assert hits(text) == []


def test_a_header_without_a_delimiter_row_is_no_table():
    text = f"| system | password |\n| prod | {rand(14)} |\n"
    assert hits(text) == []


def test_table_cells_split_at_unescaped_pipes():
    assert [cell for cell, _s, _e in scan.table_cells(r"| a | b\|c | d |")] == [" a ", r" b\|c ", " d "]
    line = "| x | yy |"
    assert [line[s:e] for _c, s, e in scan.table_cells(line)] == [" x ", " yy "]
