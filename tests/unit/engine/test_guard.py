"""engine/guard.py: a configuration that weakens the privacy and credential guard is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_lint.data.config import load_config
from handoff_lint.engine.guard import Guard, covers_protected, shorten
from handoff_lint.model.kinds import SourceFile


def guard_for(folder: Path, setting: str, select=(), ignore=()) -> Guard:
    (folder / ".handoff-lint.toml").write_text(setting + "\n")
    config = load_config(folder)
    config.select_from_command_line(list(select), list(ignore))
    return Guard(config)


@pytest.mark.parametrize(
    "setting, key",
    [
        ('ignore = ["ALL"]', "ignore switches off HL2, HL3"),
        ('ignore = ["HL301"]', "ignore switches off HL301"),
        ('select = ["HL1"]', "select leaves out HL2, HL3"),
        ('select = ["HL1", "HL3"]', "select leaves out HL2"),
        ('severity = {HL301 = "warning", HL109 = "error"}', "severity makes HL301 a warning"),
        ('inline-suppress = ["ALL"]', 'inline-suppress = ["ALL"]'),
    ],
)
def test_each_setting_that_weakens_the_guard_is_one_note_naming_file_and_key(tmp_path, monkeypatch, setting, key):
    monkeypatch.chdir(tmp_path)
    notes = guard_for(tmp_path, setting).notes()
    assert notes == [next(note for note in notes if note.startswith(f".handoff-lint.toml: {key}"))]


@pytest.mark.parametrize(
    "setting",
    [
        'ignore = ["HL1", "HL4"]',
        'select = ["HL2", "HL3"]',
        'severity = {HL109 = "error"}',
        'inline-suppress = ["HL1", "HL4", "HL5"]',
        'inline-suppress = ["HL"]',
        'exclude = ["drafts/"]',
    ],
)
def test_a_setting_that_keeps_the_guard_says_nothing(tmp_path, monkeypatch, setting):
    monkeypatch.chdir(tmp_path)
    assert guard_for(tmp_path, setting).notes() == []


def test_what_the_command_line_chose_is_not_the_files_doing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert guard_for(tmp_path, 'ignore = ["HL3"]', select=["HL0", "HL2", "HL3"]).notes() == []
    # the structure hook: no guard to weaken
    assert guard_for(tmp_path, 'ignore = ["HL3"]', select=["HL1"]).notes() == []
    assert guard_for(tmp_path, 'severity = {HL301 = "warning"}', select=["HL1"]).notes() == []
    assert guard_for(tmp_path, 'ignore = ["HL3"]', ignore=["HL109"]).notes() == [
        ".handoff-lint.toml: ignore switches off HL3: those privacy and credential rules do not run"
    ]


def test_per_file_ignores_and_exclude_are_named_for_files_in_a_handoff_folder_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    guard = guard_for(tmp_path, 'exclude = ["*.md"]\n[per-file-ignores]\n"docs/**" = ["HL2"]\n"**" = ["HL1"]')
    root = tmp_path / "models" / "next-local"
    (root / "active").mkdir(parents=True)
    (root / "responses").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    excluded = guard.watch_exclusion(guard.config.paths.excluded)
    assert excluded(str(docs / "a.md")) and guard.notes() == []  # outside any handoff folder
    guard.watch_files([SourceFile("docs/a.md", "docs/a.md", "unclassified", None)])
    assert guard.notes() == []
    assert excluded(str(root / "active" / "h.md"))
    guard.watch_files([SourceFile("docs/b.md", "docs/b.md", "handoff", root)])  # as if a root lay there
    assert guard.notes() == [
        ".handoff-lint.toml: per-file-ignores switches off HL2 for 'docs/**', "
        "which matches files in a handoff folder (such as docs/b.md)",
        ".handoff-lint.toml: exclude leaves out files in a handoff folder (such as models/next-local/active/h.md): "
        "they are not checked at all",
    ]


def test_codes_are_said_by_family_when_the_whole_family_is_meant():
    from handoff_lint.engine.guard import protected_codes

    every = protected_codes()
    assert shorten(every) == "HL2, HL3"
    assert shorten([c for c in every if c.startswith("HL3")] + ["HL201"]) == "HL201, HL3"
    prefixes = ("ALL", "HL", "HL2", "HL301", "HL1", "HL40")
    assert [covers_protected([p]) for p in prefixes] == [True, True, True, True, False, False]


def test_a_note_never_shows_a_secret_in_a_file_name_it_quotes(tmp_path, monkeypatch):
    import random
    import string

    monkeypatch.chdir(tmp_path)
    token = "ghp_" + "".join(random.Random(7).choices(string.ascii_letters + string.digits, k=36))
    guard = guard_for(tmp_path, 'exclude = ["*.md"]')
    root = tmp_path / "models" / "next-local"
    (root / "active").mkdir(parents=True)
    (root / "responses").mkdir()
    assert guard.watch_exclusion(guard.config.paths.excluded)(str(root / "active" / f"{token}.md"))
    (note,) = guard.notes()
    assert "exclude leaves out files in a handoff folder" in note and token not in note and "ghp_" in note
