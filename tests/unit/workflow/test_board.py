"""handoff-lint status on the sample folder and on a small folder: states, grouping, json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import VALID_HANDOFF, VALID_RESPONSE, run_cli

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
TODAY = {"HANDOFF_LINT_TODAY": "2026-11-24"}


def test_states_priorities_ages_and_responses(handoff_root):
    name = "handoff-2026-11-02-extract-error-patterns.md"
    (handoff_root / "archive" / name).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    (handoff_root / "responses" / f"2026-11-03-response-to-{name}").write_text(VALID_RESPONSE)
    (handoff_root / "active" / "handoff-2026-11-20-sort-tickets.md").write_text(
        VALID_HANDOFF.replace("2026-11-02", "2026-11-20")
        .replace("MEDIUM", "HIGH")
        .replace("Ready for local model pickup", "Blocked")
    )
    result = run_cli("status", "--format", "json", str(handoff_root), env=TODAY)
    rows = json.loads(result.stdout)
    assert [(r["state"], r["priority"], r["age_days"], r["response"] is not None) for r in rows] == [
        ("blocked", "HIGH", 4, False),
        ("archived", "MEDIUM", 22, True),
    ]
    text = run_cli("status", str(handoff_root), env=TODAY).stdout
    assert text.index("BLOCKED (1)") < text.index("ARCHIVED (1)") and "\x1b[" not in text


def test_sample_board(tmp_path):
    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local")
    rows = json.loads(run_cli("status", "--format", "json", "next-local", cwd=tmp_path, env=TODAY).stdout)
    states = {r["handoff"].rsplit("/", 1)[-1]: r["state"] for r in rows}
    assert states["handoff-2026-11-10-dedupe-contact-list.md"] == "awaiting archive"
    assert states["handoff-2026-11-05-normalise-csv-exports.md"] == "in progress"
    assert states["handoff-2026-10-28-prototype-dedup-script.md"] == "cancelled"
    assert list(states.values()).count("archived") == 2
    # the response to a handoff that is in neither folder is on the board too (HL406)
    assert states["handoff-2026-11-17-rename-test-fixtures.md"] == "response to a missing handoff"
    text = run_cli("status", "next-local", cwd=tmp_path, env=TODAY).stdout
    assert (
        "RESPONSE TO A MISSING HANDOFF (1)" in text
        and "<- 2026-11-19-response-to-handoff-2026-11-17-rename-test-fixtures.md" in text
    )
    coloured = run_cli("status", "--color", "always", "next-local", cwd=tmp_path, env=TODAY).stdout
    assert "\x1b[" in coloured


def test_no_handoff_folder_is_an_error(tmp_path):
    result = run_cli("status", str(tmp_path))
    assert result.code == 2 and "init" in result.stderr


def test_a_secret_in_a_title_is_never_shown_in_full(handoff_root):
    secret = "hf_Q7x9LmN2pR4sT6vW8yZ0aB1cD3eF5gH7jK9"
    text = VALID_HANDOFF.replace(
        "# Local Handoff: Extract error patterns from build logs",
        f"# Local Handoff: use {secret} and https://bob:hunter2hunter2@example.com",
    )
    (handoff_root / "active" / "handoff-2026-11-02-use-token.md").write_text(text)
    for args in ([], ["--format", "json"]):
        shown = run_cli("status", *args, str(handoff_root)).stdout
        assert "use " in shown and secret not in shown and secret[3:15] not in shown and "hunter2" not in shown


def test_the_columns_line_up(tmp_path):
    """Every title starts in one column, whatever the file name's or the priority's length."""
    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local")
    text = run_cli("status", "next-local", cwd=tmp_path, env=TODAY).stdout
    rows = [line for line in text.splitlines() if line.startswith("  ") and "<-" not in line]
    titles = {"Summarise design review notes", "Tag changelog entries", "Normalise CSV exports", "Classify test flakes"}
    starts = {line.index(title) for line in rows for title in titles if title in line}
    assert len(rows) >= 8 and len(starts) == 1, text
