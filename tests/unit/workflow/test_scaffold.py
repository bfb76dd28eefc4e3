"""init, new and respond write folders and documents that the linter accepts, and never overwrite."""

from __future__ import annotations

import json

from conftest import run_cli

TODAY = {"HANDOFF_LINT_TODAY": "2026-11-24"}
NEW = "models/next-local/active/handoff-2026-11-24-extract-error-patterns-from-build-logs.md"


def codes(cwd):
    result = run_cli("check", "--format", "json", ".", cwd=cwd, env=TODAY)
    assert result.code in (0, 1), result.stderr
    return sorted({f["code"] for f in json.loads(result.stdout)})


def test_init_creates_a_folder_that_passes_and_prints_the_hook_snippet(tmp_path):
    result = run_cli("init", cwd=tmp_path)
    assert result.code == 0
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive", "examples", "README.md", "handoff-template.md"):
        assert (root / name).exists(), name
    assert "- id: handoff-lint" in result.stdout and "repos:" in result.stdout
    assert codes(tmp_path) == []
    (root / "README.md").write_text("ours\n")
    again = run_cli("init", cwd=tmp_path)
    assert again.code == 0 and (root / "README.md").read_text() == "ours\n"


def test_new_writes_a_handoff_valid_except_for_the_prose(tmp_path):
    run_cli("init", cwd=tmp_path)
    result = run_cli(
        "new",
        "Extract error patterns from build logs",
        "--priority",
        "high",
        "--constraints",
        "privacy",
        "--constraints",
        "Time",
        "--from",
        "qwen",
        cwd=tmp_path,
        env=TODAY,
    )
    assert result.code == 0 and result.stdout.strip() == NEW
    text = (tmp_path / NEW).read_text()
    for line in (
        "# Local Handoff: Extract error patterns from build logs",
        "**Date**: 2026-11-24",
        "**From**: qwen",
        "**Priority**: HIGH",
        "**Constraints**: Privacy/Time",
        "**Handoff Status**: Ready for local model pickup",
    ):
        assert line in text
    assert codes(tmp_path) == ["HL112"]  # only the template's prose placeholders are left
    twice = run_cli("new", "Extract error patterns from build logs", cwd=tmp_path, env=TODAY)
    assert twice.code == 2 and "already exists" in twice.stderr


def test_new_uses_the_folders_own_template(tmp_path):
    run_cli("init", cwd=tmp_path)
    template = tmp_path / "models" / "next-local" / "handoff-template.md"
    template.write_text(
        template.read_text().replace("## Context Summary", "## Context Summary\nTeam note: read CONTRIBUTING first.")
    )
    run_cli("new", "Sort tickets", cwd=tmp_path, env=TODAY)
    assert "Team note" in (tmp_path / "models/next-local/active/handoff-2026-11-24-sort-tickets.md").read_text()


def test_respond_fills_in_the_reference_and_pairs_with_the_handoff(tmp_path):
    run_cli("init", cwd=tmp_path)
    run_cli("new", "Extract error patterns from build logs", cwd=tmp_path, env=TODAY)
    result = run_cli("respond", NEW, "--from", "llama-3-8b-local", cwd=tmp_path, env=TODAY)
    assert result.code == 0
    response = (
        tmp_path
        / "models/next-local/responses/2026-11-24-response-to-handoff-2026-11-24-extract-error-patterns-from-build-logs.md"
    )
    assert result.stdout.strip() == str(response.relative_to(tmp_path))
    text = response.read_text()
    assert "# Local Response: Extract error patterns from build logs" in text
    assert "(../active/handoff-2026-11-24-extract-error-patterns-from-build-logs.md)" in text
    assert codes(tmp_path) == ["HL112", "HL408"]  # prose to write, and the handoff now awaits archiving


def test_new_and_respond_outside_a_handoff_folder(tmp_path):
    assert run_cli("new", "x", cwd=tmp_path).code == 2
    (tmp_path / "x.md").write_text("# x\n")
    result = run_cli("respond", "x.md", cwd=tmp_path)
    assert result.code == 2 and "not a handoff" in result.stderr


def test_new_transliterates_accented_letters_in_the_slug(tmp_path):
    assert run_cli("init", cwd=tmp_path).code == 0
    made = run_cli("new", "Ünïcode / weird: name?", cwd=tmp_path, env=TODAY)
    assert made.code == 0, made.stderr
    assert made.stdout.strip() == "models/next-local/active/handoff-2026-11-24-unicode-weird-name.md"


def test_without_suppressions_removes_every_comment_or_marker_that_could_hide_a_finding():
    from handoff_lint.workflow.scaffold import without_suppressions

    text = (
        "<!-- handoff-lint: disable-file -->\n# Title\n\nKeep <!-- a note --> this.\n"
        "A key: x <!-- pragma: allowlist secret -->\n"
        "<!--\n  handoff-lint: disable=HL2\n-->\nB key: y  # pragma: allowlist nextline secret\nC: gitleaks:allow\n"
        "<!-- HANDOFF-LINT: disable-file -->\n<!-- unclosed handoff-lint: disable-file\n"
    )
    assert without_suppressions(text) == (
        "# Title\n\nKeep <!-- a note --> this.\nA key: x \n"
        "B key: y  # \nC: \n<!-- unclosed handoff-lint: disable-file\n"
    )
    plain = "# Title\n\n<!-- just a note -->\n"
    assert without_suppressions(plain) == plain


def test_without_suppressions_is_linear_on_many_unclosed_comments():
    import time

    from handoff_lint.workflow.scaffold import without_suppressions

    hostile = "<!-- handoff-lint " * 200_000
    started = time.process_time()
    assert without_suppressions(hostile) == hostile
    assert time.process_time() - started < 2
