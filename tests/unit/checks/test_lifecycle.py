"""HL4xx over real handoff folders on disk: one folder per case, run through the real CLI."""

from __future__ import annotations

import json

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, line_of, run_cli

NAME = "handoff-2026-11-02-extract-error-patterns.md"
RESPONSE_NAME = "2026-11-03-response-to-handoff-2026-11-02-extract-error-patterns.md"


def handoff(status="Ready for local model pickup", date="2026-11-02") -> str:
    return VALID_HANDOFF.replace("Ready for local model pickup", status).replace(
        "**Date**: 2026-11-02", f"**Date**: {date}"
    )


def response(to=f"../archive/{NAME}") -> str:
    return VALID_RESPONSE.replace(f"../archive/{NAME}", to)


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def lifecycle(root, *args, env=None, paths=None):
    """(path relative to the root, line, code) of every HL4 finding."""
    result = run_cli("check", "--format", "json", "--select", "HL4", *args, *(paths or ["."]), cwd=root, env=env)
    assert result.code in (0, 1), result.stderr
    return sorted((f["path"], f["line"], f["code"]) for f in json.loads(result.stdout))


def test_a_correct_folder_is_clean(handoff_root):
    write(
        handoff_root,
        f"active/{NAME.replace('extract', 'sort')}",
        handoff().replace("**Date**: 2026-11-02", "**Date**: 2026-11-02"),
    )
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    write(handoff_root, "responses/.gitkeep", "")
    assert lifecycle(handoff_root) == []


@pytest.mark.parametrize(
    "relative, text, expected",
    [
        ("active/Handoff_Log Patterns.md", handoff(), [(1, "HL401")]),
        ("active/handoff-2026-11-2-extract.md", handoff(), [(1, "HL401")]),
        ("responses/answer.md", response(), [(1, "HL402")]),
        ("active/handoff-2026-02-30-extract-error-patterns.md", handoff(), [(1, "HL403")]),
        ("active/handoff-2026-11-01-extract-error-patterns.md", handoff(), [(3, "HL404")]),
    ],
)
def test_file_names(handoff_root, relative, text, expected):
    if relative.startswith("responses/"):
        write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    write(handoff_root, relative, text)
    assert lifecycle(handoff_root) == [(relative, line, code) for line, code in expected]


def test_the_suggested_name_comes_from_the_date_field_and_title(handoff_root):
    write(handoff_root, "active/Log Patterns.md", handoff())
    result = run_cli("check", "--select", "HL401", str(handoff_root))
    assert "expected handoff-2026-11-02-extract-error-patterns-from-build-logs.md" in result.stdout


@pytest.mark.parametrize(
    "place, status",
    [
        ("active", "Completed"),
        ("active", "Cancelled"),
        ("archive", "In progress"),
        ("archive", "Ready for local model pickup"),
    ],
)
def test_status_must_match_the_folder(handoff_root, place, status):
    write(handoff_root, f"{place}/{NAME}", handoff(status))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response(f"../{place}/{NAME}"))
    status_line = line_of(VALID_HANDOFF, "**Handoff Status**")
    found = lifecycle(handoff_root)
    assert (f"{place}/{NAME}", status_line, "HL405") in found


def test_response_must_name_an_existing_handoff(handoff_root):
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    reference_line = line_of(VALID_RESPONSE, "](../archive/")
    assert lifecycle(handoff_root) == [(f"responses/{RESPONSE_NAME}", reference_line, "HL406")]
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    assert lifecycle(handoff_root) == []


def test_a_response_is_paired_by_its_name_when_it_has_no_link(handoff_root):
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    text = VALID_RESPONSE.replace(f"[{NAME}](../archive/{NAME})", "The log patterns handoff.")
    write(handoff_root, f"responses/{RESPONSE_NAME}", text)
    assert lifecycle(handoff_root) == []


def test_archived_completed_handoff_needs_a_response_cancelled_does_not(handoff_root):
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    assert lifecycle(handoff_root) == [(f"archive/{NAME}", line_of(VALID_HANDOFF, "**Handoff Status**"), "HL407")]
    write(handoff_root, f"archive/{NAME}", handoff("Cancelled"))
    assert lifecycle(handoff_root) == []


def test_active_handoff_with_a_finished_response_should_be_archived(handoff_root):
    write(handoff_root, f"active/{NAME}", handoff("In progress"))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response(f"../active/{NAME}"))
    assert lifecycle(handoff_root) == [(f"active/{NAME}", line_of(VALID_HANDOFF, "**Handoff Status**"), "HL408")]
    # a response that says it is not done yet is no reason to archive
    write(handoff_root, f"responses/{RESPONSE_NAME}", response(f"../active/{NAME}") + "\n**Status**: Partial\n")
    assert lifecycle(handoff_root) == []


def test_two_handoffs_with_one_slug(handoff_root):
    write(handoff_root, f"active/{NAME}", handoff())
    other = "handoff-2026-10-01-extract-error-patterns.md"
    write(handoff_root, f"archive/{other}", handoff("Cancelled", "2026-10-01"))
    assert lifecycle(handoff_root) == [(f"active/{NAME}", 1, "HL409"), (f"archive/{other}", 1, "HL409")]


def test_stale_active_handoffs_by_date_field_and_config(handoff_root, tmp_path):
    write(handoff_root, f"active/{NAME}", handoff())
    date_line = line_of(VALID_HANDOFF, "**Date**")
    assert lifecycle(handoff_root, env={"HANDOFF_LINT_TODAY": "2026-11-16"}) == []
    assert lifecycle(handoff_root, env={"HANDOFF_LINT_TODAY": "2026-11-17"}) == [(f"active/{NAME}", date_line, "HL410")]
    config = write(tmp_path, "lint.toml", "stale-days = 30\n")
    assert lifecycle(handoff_root, "--config", str(config), env={"HANDOFF_LINT_TODAY": "2026-11-30"}) == []
    write(
        handoff_root, "archive/handoff-2025-01-01-old-task.md", handoff("Cancelled", "2025-01-01")
    )  # archived: never stale
    assert lifecycle(handoff_root, "--config", str(config), env={"HANDOFF_LINT_TODAY": "2026-11-30"}) == []


def test_an_invalid_date_field_hides_no_staleness(handoff_root):
    write(handoff_root, f"active/{NAME}", handoff(date="2026-11-31"))  # the name's date stands in
    assert lifecycle(handoff_root, env={"HANDOFF_LINT_TODAY": "2026-11-17"}) == [
        (f"active/{NAME}", line_of(VALID_HANDOFF, "**Date**"), "HL410")
    ]


def test_a_file_name_in_a_message_is_escaped_as_its_path_is(handoff_root):
    name = "out\nput\udcff.csv"
    (handoff_root / "active" / name.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_bytes(
        b"a,b\n"
    )
    result = run_cli("check", "--format", "json", "--select", "HL4", ".", cwd=handoff_root)
    (finding,) = json.loads(result.stdout)
    assert finding["path"] == "active/out\\x0aput\\xff.csv"
    assert finding["message"] == "file 'out\\x0aput\\xff.csv' does not belong in active/ (markdown documents only)"


def test_bad_today_is_a_usage_error(handoff_root):
    result = run_cli("check", str(handoff_root), env={"HANDOFF_LINT_TODAY": "tomorrow"})
    assert result.code == 2 and "HANDOFF_LINT_TODAY" in result.stderr


def test_stray_files_and_folders(handoff_root):
    write(handoff_root, "active/output.csv", "a,b\n")
    write(handoff_root, "archive/old/handoff-2025-01-01-x.md", handoff())
    write(handoff_root, "active/.gitkeep", "")
    assert lifecycle(handoff_root) == [("active/output.csv", 1, "HL411"), ("archive/old", 1, "HL411")]


def test_handoff_at_the_top_of_the_folder(handoff_root):
    write(handoff_root, NAME, handoff())
    assert lifecycle(handoff_root) == [(NAME, 1, "HL412")]


def test_a_pre_commit_run_of_one_file_reads_the_folder_but_reports_on_that_file(handoff_root):
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    write(handoff_root, "active/output.csv", "a,b\n")  # a stray the run was not given
    only = f"responses/{RESPONSE_NAME}"
    assert [code for _path, _line, code in lifecycle(handoff_root, paths=[only])] == ["HL406"]
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))  # on disk, not passed
    assert lifecycle(handoff_root, paths=[only]) == []


def test_team_status_words_from_config(handoff_root, tmp_path):
    write(handoff_root, f"active/{NAME}", handoff("Parked"))
    other = NAME.replace("extract", "sort")
    write(handoff_root, f"active/{other}", handoff("Shipped"))
    config = write(tmp_path, "lint.toml", '[status-words]\nactive = ["Parked"]\narchive = ["Shipped"]\n')
    result = run_cli("check", "--format", "json", "--config", str(config), str(handoff_root))
    codes = sorted((f["path"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(result.stdout))
    assert codes == [(other, "HL405")]  # 'Parked' is valid structure and belongs in active/
    plain = run_cli("check", "--format", "json", str(handoff_root))
    assert {f["code"] for f in json.loads(plain.stdout)} == {"HL111"}  # unknown status without the config


def test_status_words_agree_with_the_handoff_schema():
    from handoff_lint.data.rules_data import load_table
    from handoff_lint.data.schemas import load_schema

    table = load_table("lifecycle")["status-words"]
    assert sorted(table["active"] + table["archive"]) == sorted(load_schema("handoff")["properties"]["status"]["enum"])


@pytest.mark.parametrize(
    "status", ["✅ Done (see responses)", "Completed - see responses/x.md", "complete", "Finished"]
)
def test_a_finished_word_with_a_note_in_active_is_the_clear_folder_error(handoff_root, status):
    """The status vocabulary reads the leading words: a note after them does not hide the state."""
    write(handoff_root, f"active/{NAME}", handoff(status))
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    codes = [f["code"] for f in json.loads(result.stdout)]
    assert codes == ["HL405"] and result.code == 1


@pytest.mark.parametrize(
    "status", ["✅ Complete (archived 2026-11-04)", "Done", "Cancelled — superseded by the script"]
)
def test_a_finished_word_with_a_note_in_archive_is_clean(handoff_root, status):
    write(handoff_root, f"archive/{NAME}", handoff(status))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    assert json.loads(result.stdout) == [] and result.code == 0


def test_an_unknown_status_is_a_warning_and_no_folder_error(handoff_root):
    write(handoff_root, f"active/{NAME}", handoff("done-ish"))
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)] == [
        ("HL111", "warning")
    ] and result.code == 0


@pytest.mark.parametrize(
    "line",
    [
        f"**Original handoff**: {NAME}",
        f"**Original handoff**: `{NAME}`",
        f"**In response to**: [{NAME[:-3]}](../archive/{NAME})",
    ],
)
def test_a_response_names_its_handoff_in_a_metadata_line(handoff_root, line):
    """No Reference section, a name that does not say: the metadata line pairs it (no HL406, no
    HL407 on the handoff)."""
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    text = VALID_RESPONSE.replace(f"## Reference to Original Handoff\n[{NAME}](../archive/{NAME})\n\n", "")
    text = text.replace("**From**: llama-3-8b-local", f"**From**: llama-3-8b-local\n{line}")
    assert "Reference to Original" not in text
    write(handoff_root, "responses/response-2026-11-03-extract-error-patterns.md", text)
    result = run_cli("check", "--format", "json", ".", cwd=handoff_root)
    assert json.loads(result.stdout) == [], result.stdout


def test_a_response_naming_a_missing_handoff_in_a_metadata_line_is_still_reported(handoff_root):
    text = VALID_RESPONSE.replace(f"## Reference to Original Handoff\n[{NAME}](../archive/{NAME})\n\n", "")
    text = text.replace("**From**: llama-3-8b-local", f"**From**: llama-3-8b-local\n**Original handoff**: {NAME}")
    write(handoff_root, "responses/response-2026-11-03-extract-error-patterns.md", text)
    assert [code for _path, _line, code in lifecycle(handoff_root)] == ["HL406"]


def test_a_response_naming_a_handoff_a_day_off_gets_a_did_you_mean(handoff_root):
    write(handoff_root, f"archive/{NAME.replace('11-02', '11-03')}", handoff("Completed", "2026-11-03"))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    result = run_cli("check", "--format", "json", "--select", "HL406", ".", cwd=handoff_root)
    messages = [f["message"] for f in json.loads(result.stdout)]
    assert messages == [
        f"response names handoff {NAME}, which is in neither active/ nor archive/; "
        f"did you mean {NAME.replace('11-02', '11-03')}?"
    ]


def test_no_did_you_mean_when_nothing_is_close(handoff_root):
    write(handoff_root, "archive/handoff-2026-11-03-sort-the-ticket-queue.md", handoff("Completed", "2026-11-03"))
    write(handoff_root, f"responses/{RESPONSE_NAME}", response())
    result = run_cli("check", "--format", "json", "--select", "HL406", ".", cwd=handoff_root)
    assert [f["message"].endswith("nor archive/") for f in json.loads(result.stdout)] == [True]


# -- the folder checks read what the structure check reads (issue 28) ---------------------------


def test_a_date_with_a_time_is_its_date_for_the_name_and_staleness(handoff_root):
    write(handoff_root, f"active/{NAME}", handoff(date="2026-11-02 14:30 UTC"))
    assert lifecycle(handoff_root) == []
    write(handoff_root, f"active/{NAME}", handoff(date="2026-11-01 14:30 UTC"))
    assert lifecycle(handoff_root) == [(f"active/{NAME}", 3, "HL404")]
    assert (f"active/{NAME}", 3, "HL410") in lifecycle(handoff_root, env={"HANDOFF_LINT_TODAY": "2026-12-30"})


def test_status_and_date_in_front_matter_tables_and_parenthesised_names_are_read(handoff_root):
    front = "---\ndate: 2026-11-01\nfrom: x\n---\n\n" + handoff().replace("**Date**: 2026-11-02\n", "")
    write(handoff_root, f"active/{NAME}", front)
    assert lifecycle(handoff_root) == [(f"active/{NAME}", 2, "HL404")]
    table = handoff("Completed").replace("**Date**: 2026-11-02", "| Field | Value |\n|---|---|\n| Date | 2026-11-01 |")
    write(handoff_root, f"active/{NAME}", table)
    found = lifecycle(handoff_root)
    assert (f"active/{NAME}", 5, "HL404") in found and any(code == "HL405" for _p, _l, code in found)
    german = handoff("Completed").replace("**Handoff Status**", "**Übergabestatus (Handoff Status)**")
    write(handoff_root, f"active/{NAME}", german)
    assert [code for _p, _l, code in lifecycle(handoff_root)] == ["HL405"]


def test_a_response_names_its_handoff_in_a_metadata_table(handoff_root):
    write(handoff_root, f"archive/{NAME}", handoff("Completed"))
    text = (
        "# Response\n\n| Field | Value |\n|---|---|\n| Original handoff | "
        f"[{NAME}](../archive/{NAME.replace('extract', 'missing')}) |\n\n## Work Performed\nx\n"
    )
    write(handoff_root, "responses/response-2026-11-03-patterns.md", text)
    found = lifecycle(handoff_root)
    assert ("responses/response-2026-11-03-patterns.md", 5, "HL406") in found


@pytest.mark.parametrize(
    "title", ["Local Handoff: Review the scheduler", "Handoff: Review the scheduler", "handoff : review the scheduler"]
)
def test_a_name_is_suggested_from_either_protocols_title_without_its_prefix(title):
    from handoff_lint.parse.names import slugify

    assert slugify(title) == "review-the-scheduler"
