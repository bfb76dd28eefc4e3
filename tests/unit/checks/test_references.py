"""HL5xx: links and backticked paths in the reference sections, resolved on disk."""

from __future__ import annotations

import json

from conftest import VALID_HANDOFF, VALID_RESPONSE, line_of, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"


def references(root, text, place="active", name=NAME):
    (root / place / name).write_text(text)
    result = run_cli("check", "--format", "json", "--select", "HL5", ".", cwd=root)
    assert result.code in (0, 1), result.stderr
    return [(f["line"], f["column"], f["code"], f["message"]) for f in json.loads(result.stdout)]


def with_references(lines: str) -> str:
    return VALID_HANDOFF.replace("- [nightly logs](../../../logs/README.md)\n", lines)


def test_existing_targets_are_clean(handoff_root):
    (handoff_root / "handoff-template.md").write_text("# t\n")
    text = with_references(
        '- [nightly logs](../../../logs/README.md)\n- [template](../handoff-template.md#sections "title")\n'
        "- [site](https://example.com/x) and [mail](mailto:a@example.com) and [here](#context-summary)\n"
        "- `logs/README.md` from the top, `../handoff-template.md` from here\n"
        "- `outputs/*.csv`, `<your file>`, `$HOME/x`, `--flag`, `a b/c` are not paths to check\n"
    )
    assert references(handoff_root, text) == []


def test_broken_link_and_missing_path_with_positions(handoff_root):
    text = with_references("- [old logs](../../../logs/old/README.md)\n- see `scripts/extract_patterns.py`\n")
    line = line_of(text, "[old logs]")
    assert references(handoff_root, text) == [
        (line, 14, "HL501", "link target '../../../logs/old/README.md' does not exist"),
        (
            line + 1,
            8,
            "HL502",
            "path 'scripts/extract_patterns.py' exists neither from the repository's top nor from this folder",
        ),
    ]


def test_only_reference_sections_are_read(handoff_root):
    text = VALID_HANDOFF.replace(
        "1. outputs/error-patterns.csv", "1. `outputs/error-patterns.csv` and [report](../out/report.md)"
    )
    assert references(handoff_root, text) == []


def test_links_inside_code_fences_are_not_references(handoff_root):
    text = with_references("```\n[x](../nowhere.md)\n```\n")
    assert references(handoff_root, text) == []


def test_repository_top_is_the_git_work_tree(git_repo):
    root = git_repo / "models" / "next-local"
    text = with_references("- `logs/README.md`\n- [abs](/logs/README.md)\n")
    assert references(root, text) == []


def test_a_response_link_to_a_missing_handoff_is_reported_once(handoff_root):
    result = references(handoff_root, VALID_RESPONSE, "responses", "2026-11-03-response-to-" + NAME)
    assert result == []  # HL406 (lifecycle) owns it
    both = run_cli("check", "--format", "json", "--select", "HL4,HL5", ".", cwd=handoff_root)
    assert [f["code"] for f in json.loads(both.stdout)] == ["HL406"]


def test_a_token_in_a_broken_link_is_shown_redacted(handoff_root):
    secret = "ghp_" + "Zq3aB7cD9eF1gH2iJ4kL6mN8oP0qR5sT7uV9"
    text = with_references(f"- [report](../out/report.md?token={secret})\n")
    found = references(handoff_root, text)
    assert [code for _l, _c, code, _m in found] == ["HL501"]
    assert secret not in found[0][3] and "ghp_…(40 chars)" in found[0][3]


def test_a_link_out_of_the_repository_is_never_looked_up(handoff_root, tmp_path):
    """Whether a file exists elsewhere on the machine must not show in the report: a link that
    leads out (by `..` or through a symbolic link in the repository) is HL503 whether its target
    exists or not."""
    outside = handoff_root.parents[2]  # above the repository top (tmp_path in handoff_root's fixture)
    (outside / "exists.txt").write_text("x")
    (handoff_root / "active" / "out").symlink_to(outside)
    depth = "../" * 4  # from active/: next-local, models, the repository top, then outside
    text = with_references(
        f"- [a]({depth}exists.txt)\n- [b]({depth}missing.txt)\n- [c](out/exists.txt)\n- [d](out/missing.txt)\n"
    )
    found = references(handoff_root, text)
    assert [code for _line, _column, code, _message in found] == ["HL503"] * 4


def test_leads_out_by_dots_or_by_a_link_at_any_depth(tmp_path):
    """leads_out reads the path below the top part by part: a `..` out, or a symbolic link on
    the way (first part or deeper) that leads outside, leads out; the top itself and a link that
    stays inside do not."""
    from handoff_lint.checks.references import leads_out

    top, outside = tmp_path / "repo", tmp_path / "elsewhere"
    (top / "docs" / "deep").mkdir(parents=True)
    outside.mkdir()
    (top / "out").symlink_to(outside)
    (top / "docs" / "deep" / "out").symlink_to(outside)
    (top / "docs" / "in").symlink_to(top / "docs" / "deep")
    assert leads_out(top / ".." / "elsewhere" / "x.md", top)
    assert leads_out(top / "out" / "x.md", top)
    assert leads_out(top / "docs" / "deep" / "out" / "x.md", top)
    assert leads_out(top / "docs" / "deep" / "out", top)
    assert not leads_out(top / "docs" / "in" / "x.md", top)
    assert not leads_out(top / "docs" / "deep" / "x.md", top)
    assert not leads_out(top, top)
    assert not leads_out(top / "docs" / ".." / "docs" / "x.md", top)
