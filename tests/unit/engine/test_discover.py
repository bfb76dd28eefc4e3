"""Files get their kind from where they sit in a handoff folder."""

from __future__ import annotations

import os
from pathlib import Path

from handoff_lint.engine.discover import discover
from handoff_lint.model.kinds import EXAMPLE, HANDOFF, RESPONSE, SKIPPED, TEMPLATE, UNCLASSIFIED
from handoff_lint.touch import Access

NOTHING_NAMED = Access.of([])


def kinds(paths, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    files, missing = discover(paths, access=Access.of(paths))
    return {f.display: f.kind for f in files}, missing


def test_kinds_by_place(handoff_root, monkeypatch):
    (handoff_root / "examples").mkdir()
    for rel in (
        "active/handoff-2026-11-02-a.md",
        "archive/handoff-2026-10-01-b.md",
        "responses/2026-10-02-response-to-handoff-2026-10-01-b.md",
        "examples/handoff-2026-01-01-example.md",
        "examples/response-2026-01-02-example.md",
        "examples/2026-01-02-response-to-handoff-2026-01-01-example.md",
        "handoff-template.md",
        "README.md",
        ".desc",
        "notes.md",
        "active/data.csv",
    ):
        (handoff_root / rel).write_text("x\n")
    (handoff_root.parent / "other.txt").write_text("not walked\n")
    found, missing = kinds(["models"], handoff_root.parent.parent, monkeypatch)
    assert missing == []
    prefix = "models/next-local/"
    assert found == {
        prefix + ".desc": SKIPPED,
        prefix + "README.md": SKIPPED,
        prefix + "active/data.csv": UNCLASSIFIED,
        prefix + "active/handoff-2026-11-02-a.md": HANDOFF,
        prefix + "archive/handoff-2026-10-01-b.md": HANDOFF,
        prefix + "examples/handoff-2026-01-01-example.md": EXAMPLE,
        prefix + "examples/response-2026-01-02-example.md": RESPONSE,  # named as a response: checked as one
        prefix + "examples/2026-01-02-response-to-handoff-2026-01-01-example.md": RESPONSE,
        prefix + "handoff-template.md": TEMPLATE,
        prefix + "notes.md": UNCLASSIFIED,
        prefix + "responses/2026-10-02-response-to-handoff-2026-10-01-b.md": RESPONSE,
    }


def test_folder_that_is_not_a_handoff_folder_is_still_walked(tmp_path, monkeypatch):
    (tmp_path / "docs" / "archive").mkdir(parents=True)
    (tmp_path / "docs" / "archive" / "old.md").write_text("x\n")
    (tmp_path / "docs" / "guide.md").write_text("x\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hidden.md").write_text("x\n")
    found, _ = kinds(["."], tmp_path, monkeypatch)
    # one lifecycle-looking folder alone does not make a handoff root
    assert found == {"docs/archive/old.md": UNCLASSIFIED, "docs/guide.md": UNCLASSIFIED}


def test_explicit_files_are_taken_once_and_missing_paths_reported(handoff_root, monkeypatch):
    (handoff_root / "active" / "handoff-2026-11-02-a.md").write_text("x\n")
    found, missing = kinds(["active/handoff-2026-11-02-a.md", "active", "nope.md"], handoff_root, monkeypatch)
    assert found == {"active/handoff-2026-11-02-a.md": HANDOFF}
    assert missing == ["nope.md"]


def test_a_path_through_a_link_and_dotdot_names_the_file_the_system_reads(tmp_path, monkeypatch):
    """``a/link/..`` is the folder above the link's target: the absolute path (the stat layer's
    key) must be that file's, not ``a/``'s, whose text is another."""
    (tmp_path / "a").mkdir()
    (tmp_path / "real" / "sub").mkdir(parents=True)
    os.symlink(tmp_path / "real" / "sub", tmp_path / "a" / "link")
    for folder in ("a", "real"):
        (tmp_path / folder / "notes.md").write_text(f"# {folder}\n")
    monkeypatch.chdir(tmp_path)
    files, _missing = discover(["a/link/../notes.md", "a/notes.md"], access=NOTHING_NAMED)
    assert (
        [Path(f.absolute).read_text() for f in files]
        == [Path(f.path).read_text() for f in files]
        == ["# real\n", "# a\n"]
    )
    assert files[0].absolute == str((tmp_path / "real" / "notes.md").resolve())


def test_links_after_the_last_dotdot_are_kept_as_everywhere_else(tmp_path):
    """``sub/../nl`` names what ``nl`` names: the same files, shown the same way, the same
    findings (a stray folder in active/ included)."""
    from conftest import VALID_HANDOFF, run_cli

    root = tmp_path / "real" / "models" / "next-local"
    for name in ("active", "responses", "archive", "active/olddir"):
        (root / name).mkdir(parents=True)
    (root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(VALID_HANDOFF)
    (tmp_path / "sub").mkdir()
    os.symlink(root, tmp_path / "nl")
    plain = run_cli("check", "--no-cache", "nl", cwd=tmp_path)
    assert "nl/active/olddir:1:1: HL411" in plain.stdout
    assert run_cli("check", "--no-cache", "sub/../nl", cwd=tmp_path).stdout == plain.stdout
    from_sub = run_cli("check", "--no-cache", "../nl", cwd=tmp_path / "sub").stdout
    assert "../nl/active/olddir:1:1: HL411" in from_sub and len(from_sub.splitlines()) == len(plain.stdout.splitlines())


def test_a_folder_run_reads_every_text_file_of_a_handoff_root(handoff_root):
    """notes.txt or .env beside active/ holding a token: privacy and credential checks read
    every text file; a binary file found by the walk is skipped quietly."""
    import json

    from conftest import run_cli

    token = "ghp_" + "Zq8Lp0Wm4Nr2Tx6Yv1Bc3Dk5Ej7Fh9Gi0Jk2"
    (handoff_root / "notes.txt").write_text("staging box: build7.corp\n")
    (handoff_root / ".env").write_text(f"GITHUB_TOKEN={token}\n")
    (handoff_root / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    assert sorted((f["path"], f["code"]) for f in json.loads(result.stdout)) == [
        (".env", "HL301"),
        ("notes.txt", "HL203"),
    ]
    named = run_cli("check", "--format", "json", "diagram.png", cwd=handoff_root)
    assert [f["code"] for f in json.loads(named.stdout)] == ["HL001"]  # named, it is reported


def test_a_walk_takes_every_file_of_a_root_at_any_depth_and_never_follows_a_folder_link(handoff_root, monkeypatch):
    """As gitleaks: hidden files and folders and tool folders inside a handoff root too, .git
    left out; outside a root, markdown only and no hidden or tool folders. A linked folder inside
    the root is taken as a file when it leads out (HL005 when read), else passed over."""
    outside = handoff_root.parent.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x\n")
    places = (
        "active/a/b/c/d/.env",
        "active/a/b/c/d/e/f.txt",
        "archive/.cache/k.txt",
        "node_modules/m.txt",
        "x/.git/config",
        ".git",
    )
    for rel in places:
        path = handoff_root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n")
    (handoff_root / "active" / "a" / "out").symlink_to(outside)
    (handoff_root / "active" / "a" / "in").symlink_to("b")
    (handoff_root.parent / ".hidden").mkdir()
    (handoff_root.parent / ".hidden" / "h.md").write_text("x\n")
    (handoff_root.parent / "notes.txt").write_text("x\n")
    found, _ = kinds(["."], handoff_root.parent, monkeypatch)
    assert sorted(found) == [
        "next-local/active/a/b/c/d/.env",
        "next-local/active/a/b/c/d/e/f.txt",
        "next-local/active/a/out",
        "next-local/archive/.cache/k.txt",
        "next-local/node_modules/m.txt",
    ]
    files, _ = discover(["next-local/active/a/b/c/d/.env"], access=NOTHING_NAMED)
    assert files[0].root == handoff_root  # deep inside, still of the root


# -- the protocol a root follows (issue 28) ------------------------------------------------------


def test_the_protocol_is_known_by_the_folder_name_then_the_template_title(tmp_path):
    from handoff_lint.data.config import Config
    from handoff_lint.model.kinds import classify, is_handoff_root, protocol_of

    settings = Config(access=NOTHING_NAMED)
    larger = tmp_path / "models" / "next-larger"
    (larger / "active").mkdir(parents=True)
    assert is_handoff_root(larger)  # named for a protocol: one lifecycle folder is enough
    assert protocol_of(classify(larger / "active" / "handoff-2026-11-02-a.md")[1], settings).name == "next-larger"
    assert protocol_of(tmp_path / "models" / "next-local", settings).name == "next-local"

    own = tmp_path / "docs" / "escalations"
    own.mkdir(parents=True)
    (own / "handoff-template.md").write_text("# 🧠 Handoff: [Brief Task Description]\n\n**Date**: YYYY-MM-DD\n")
    assert protocol_of(own, settings).name == "next-larger"
    local = tmp_path / "docs" / "offload"
    local.mkdir()
    (local / "handoff-template.md").write_text("# Local Handoff: [Brief Task Description]\n")
    assert protocol_of(local, settings).name == "next-local"
    plain = tmp_path / "docs" / "plain"
    plain.mkdir()
    assert protocol_of(plain, settings).name == "next-local" and protocol_of(None, settings).name == "next-local"

    team = Config(
        protocols={"review": {"folders": ["escalations", "review-*"], "handoff": "handoff", "response": "response"}},
        access=NOTHING_NAMED,
    )
    assert protocol_of(own, team).name == "review"  # a team's own protocol comes first
    assert protocol_of(larger, team).name == "next-larger"


def test_a_template_linked_out_of_its_folder_is_not_read_for_its_title(tmp_path):
    from handoff_lint.data.config import Config
    from handoff_lint.model.kinds import protocol_of

    outside = tmp_path / "outside.md"
    outside.write_text("# Handoff: x\n")
    root = tmp_path / "repo" / "handoffs"
    (root / "active").mkdir(parents=True)
    (root / "archive").mkdir()
    (root / "handoff-template.md").symlink_to(outside)
    assert protocol_of(root, Config(access=NOTHING_NAMED)).name == "next-local"


def test_the_shipped_schemas_are_the_protocols():
    from handoff_lint.data.protocols import shipped_schemas
    from handoff_lint.data.schemas import SCHEMA_NAMES

    assert set(shipped_schemas()) == set(SCHEMA_NAMES)
