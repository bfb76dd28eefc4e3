"""engine.folder: a commit's one-file run gives every folder finding the whole folder's run gives
for that file, and for the responses that name it, on a folder seeded with cross-file defects
(a commit that breaks the folder must fail the hook, however the one-file run saves its work)."""

from __future__ import annotations

import json

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, run_cli

TODAY = {"HANDOFF_LINT_TODAY": "2026-11-05"}


def handoff(date: str, status: str) -> str:
    return VALID_HANDOFF.replace("Ready for local model pickup", status).replace(
        "**Date**: 2026-11-02", f"**Date**: {date}"
    )


def response(link: str, status: str | None = None) -> str:
    name = "handoff-2026-11-02-extract-error-patterns.md"
    text = VALID_RESPONSE.replace(f"[{name}](../archive/{name})", f"[the handoff]({link})")
    return text + (f"\n**Status**: {status}\n" if status else "")


# path under the root -> text: every lifecycle rule that pairs or compares files fires somewhere
SEEDED = {
    # HL408: a done response (named for it) answers it
    "active/handoff-2026-11-02-extract-error-patterns.md": handoff("2026-11-02", "In progress"),
    "responses/2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md": response(
        "../active/handoff-2026-11-02-extract-error-patterns.md"
    ),
    # HL410: stale; answered only by a response named for nothing (HL402) that says it is not done
    "active/handoff-2026-10-01-stale-report.md": handoff("2026-10-01", "Ready for local model pickup"),
    "responses/answer.md": response("../active/handoff-2026-10-01-stale-report.md", "Partial"),
    # HL409: one slug in two handoffs
    "active/handoff-2026-11-03-dedupe-rows.md": handoff("2026-11-03", "Ready for local model pickup"),
    "archive/handoff-2026-10-02-dedupe-rows.md": handoff("2026-10-02", "Cancelled"),
    # HL405: done but active; its response links to archive/, where it is not (HL406, stale link)
    "active/handoff-2026-11-04-moved-back.md": handoff("2026-11-04", "Completed"),
    "responses/2026-11-05-response-to-handoff-2026-11-04-moved-back.md": response(
        "../archive/handoff-2026-11-04-moved-back.md"
    ),
    # HL404: the name's date is not the **Date**
    "active/handoff-2026-11-01-wrong-date.md": handoff("2026-11-02", "Ready for local model pickup"),
    # HL407: archived as done, no response names it
    "archive/handoff-2026-11-02-never-answered.md": handoff("2026-11-02", "Completed"),
    # clean only because a response named for no handoff links to it in its text
    "archive/handoff-2026-11-01-answered-in-text.md": handoff("2026-11-01", "Completed"),
    "responses/response-2026-11-02-answered-in-text.md": response("../archive/handoff-2026-11-01-answered-in-text.md"),
    # HL406: names a handoff that is not there, a day off one that is (did you mean)
    "responses/2026-11-04-response-to-handoff-2026-11-03-never-answered.md": response(
        "../archive/handoff-2026-11-03-never-answered.md"
    ),
    # HL412: at the top; HL411: a stray
    "handoff-2026-11-05-at-the-top.md": handoff("2026-11-05", "Ready for local model pickup"),
    "responses/notes.txt": "not a document\n",
}
DOCUMENTS = sorted(path for path in SEEDED if path.endswith(".md"))


def findings(root, *paths: str) -> set[tuple]:
    result = run_cli("check", "--format", "json", "--no-cache", *paths, cwd=root, env=TODAY)
    assert result.code in (0, 1), result.stderr
    return {(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in json.loads(result.stdout)}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The seeded root, and the findings of the whole folder's run."""
    base = tmp_path_factory.mktemp("seeded")
    (base / "logs").mkdir()
    (base / "logs" / "README.md").write_text("# Nightly logs\n")
    root = base / "models" / "next-local"
    for relative, text in SEEDED.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    whole = findings(root, ".")
    seeded_codes = {"HL402", "HL404", "HL405", "HL406", "HL407", "HL408", "HL409", "HL410", "HL411", "HL412"}
    assert seeded_codes <= {code for _path, _line, _column, code, _message in whole}
    return root, whole


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_one_file_run_gives_the_folder_runs_findings_for_that_file(seeded, document):
    root, whole = seeded
    alone = findings(root, document)
    assert {f for f in alone if f[0] == document} == {f for f in whole if f[0] == document}
    assert alone <= whole  # and on other files (the responses that name a handoff), nothing new


@pytest.mark.parametrize(
    "document, response",
    [
        (
            "active/handoff-2026-11-04-moved-back.md",
            "responses/2026-11-05-response-to-handoff-2026-11-04-moved-back.md",
        ),
        ("active/handoff-2026-10-01-stale-report.md", "responses/answer.md"),
    ],
)
def test_a_one_file_run_of_a_handoff_reports_the_responses_that_name_it(seeded, document, response):
    """A commit of the handoff alone still fails on a response it leaves broken (pre-commit passes
    only the handoff)."""
    root, whole = seeded
    expected = {f for f in whole if f[0] == response and f[3].startswith("HL4")}
    assert expected and expected <= findings(root, document)


def test_a_response_that_is_a_link_pairs_as_the_folder_run_pairs_it(tmp_path):
    """A response linked to a file inside the root is read through the link (it answers its
    handoff); one linked out of the root is not read, in either run (it answers nothing)."""
    root = tmp_path / "models" / "next-local"
    for place in ("active", "responses", "archive", "kept"):
        (root / place).mkdir(parents=True)
    outside = tmp_path / "outside.md"
    inside_name, outside_name = "handoff-2026-11-02-read-through.md", "handoff-2026-11-03-never-read.md"
    (root / "active" / inside_name).write_text(handoff("2026-11-02", "In progress"))
    (root / "active" / outside_name).write_text(handoff("2026-11-03", "In progress"))
    (root / "kept" / "answer.md").write_text(response(f"../active/{inside_name}"))
    outside.write_text(response(f"../active/{outside_name}"))
    (root / "responses" / "response-2026-11-04-linked-in.md").symlink_to("../kept/answer.md")
    (root / "responses" / "response-2026-11-04-linked-out.md").symlink_to(outside)
    whole = findings(root, ".")
    for name, pairs in ((inside_name, True), (outside_name, False)):
        alone = findings(root, f"active/{name}")
        ours = {f for f in alone if f[0] == f"active/{name}"}
        assert ours == {f for f in whole if f[0] == f"active/{name}"}
        assert any(f[3] == "HL408" for f in ours) is pairs
