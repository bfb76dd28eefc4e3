"""The result cache: same answers warm as cold, invalidated by content, config and neighbours."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PINNED, VALID_HANDOFF, VALID_RESPONSE, run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAME = "handoff-2026-11-02-extract-error-patterns.md"
TODAY = {"HANDOFF_LINT_TODAY": "2026-11-24"}


def check(cwd, cache, *args, env=None):
    result = run_cli("check", "--format", "json", "--cache-dir", str(cache), *args, ".", cwd=cwd, env=env)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_warm_run_reports_exactly_what_the_cold_run_did(tmp_path):
    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local")
    cache = tmp_path / "cache"
    cold = check(tmp_path, cache, env=TODAY)
    assert len(cold) > 10
    assert list(cache.glob("cache-*.marshal")) and (cache / "CACHEDIR.TAG").is_file()
    assert check(tmp_path, cache, env=TODAY) == cold
    assert json.loads(run_cli("check", "--format", "json", "--no-cache", ".", cwd=tmp_path, env=TODAY).stdout) == cold


def test_a_changed_file_is_checked_again(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    path = handoff_root / "active" / NAME
    path.write_text(VALID_HANDOFF)
    assert check(handoff_root, cache) == []
    path.write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/logs"))
    assert [f["code"] for f in check(handoff_root, cache)] == ["HL201"]


def test_a_changed_handoff_changes_the_results_of_the_response_that_names_it(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    (handoff_root / "archive" / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = handoff_root / "responses" / f"2026-11-03-response-to-{NAME}"
    response.write_text(VALID_RESPONSE)
    assert check(handoff_root, cache) == []
    (handoff_root / "archive" / NAME).rename(handoff_root / "archive" / NAME.replace("extract", "gather"))
    assert ("HL406", response.name) in [(f["code"], f["path"].rsplit("/", 1)[-1]) for f in check(handoff_root, cache)]


def test_configuration_and_identity_are_part_of_the_key(tmp_path):
    (tmp_path / "notes.md").write_text("Data on db1.acme-corp.com for the user\n")
    cache = tmp_path / "cache"
    assert check(tmp_path, cache) == []
    (tmp_path / ".handoff-lint.toml").write_text('internal-domains = ["acme-corp.com"]\n')
    assert [f["code"] for f in check(tmp_path, cache)] == ["HL203"]
    (tmp_path / ".handoff-lint.toml").unlink()
    (tmp_path / "notes.md").write_text("the build box grendel7 is slow\n")
    assert check(tmp_path, cache) == []
    assert [f["code"] for f in check(tmp_path, cache, env={"HANDOFF_LINT_OWN_IDENTIFIERS": "grendel7"})] == ["HL206"]


def test_no_cache_writes_nothing_and_nothing_is_written_into_the_checked_folder(tmp_path):
    (tmp_path / "notes.md").write_text("x\n")
    home = tmp_path / "home"
    env = {"HANDOFF_LINT_CACHE_DIR": None, "XDG_CACHE_HOME": None, "HOME": str(home)}
    assert run_cli("check", "--no-cache", "notes.md", cwd=tmp_path, env=env).code == 0
    assert not home.exists()
    assert run_cli("check", "notes.md", cwd=tmp_path, env=env).code == 0
    assert list((home / ".cache" / "handoff-lint").glob("cache-*.marshal"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.md"]
    assert run_cli("check", "notes.md", cwd=tmp_path, env={**env, "HANDOFF_LINT_CACHE_DIR": str(tmp_path / "elsewhere")}).code == 0
    assert list((tmp_path / "elsewhere").glob("cache-*.marshal"))


def test_an_unusable_or_damaged_cache_only_costs_time(tmp_path):
    (tmp_path / "notes.md").write_text("see /home/alice/x\n")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    unusable = run_cli("check", "--format", "json", ".", cwd=tmp_path, env={"HANDOFF_LINT_CACHE_DIR": str(blocker / "cache")})
    assert unusable.code == 1 and [f["code"] for f in json.loads(unusable.stdout)] == ["HL201"]
    cache = tmp_path / "cache"
    check(tmp_path, cache)
    for damaged in cache.glob("cache-*.marshal"):
        damaged.write_bytes(damaged.read_bytes()[:-7])
    assert [f["code"] for f in check(tmp_path, cache)] == ["HL201"]


def test_concurrent_runs_agree_and_leave_a_valid_cache(tmp_path):
    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local")
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "handoff_lint", "check", "--format", "json", "--cache-dir", str(cache), "."]
    env = {**__import__("os").environ, **PINNED, **TODAY}
    runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    assert len(outputs) == 1
    for stored in cache.glob("cache-*.marshal"):
        data = stored.read_bytes()
        assert data.startswith(b"handoff-lint cache ")
        marshal.loads(data[data.index(b"\n") + 1:])


def test_the_cache_never_holds_a_secret_in_full(tmp_path):
    secret = "hf_" + "Q7x9LmN2pR4sT6vW8yZ0aB1cD3eF5gH7jK9"
    (tmp_path / "notes.md").write_text(f"token = {secret}\n")
    cache = tmp_path / "cache"
    assert [f["code"] for f in check(tmp_path, cache)] == ["HL301"]
    stored = b"".join(p.read_bytes() for p in cache.glob("cache-*.marshal"))
    assert b"HL301" in stored and secret.encode() not in stored and secret[3:20].encode() not in stored


def test_the_folder_index_sees_a_changed_neighbour_that_the_run_was_not_given(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "In progress"))
    response = handoff_root / "responses" / f"2026-11-03-response-to-{NAME}"
    partial = VALID_RESPONSE.replace("../archive/", "../active/") + "\n**Status**: Partial\n"
    response.write_text(partial)
    only_handoff = ["--select", "HL4", f"active/{NAME}"]

    def codes():
        result = run_cli("check", "--format", "json", "--cache-dir", str(cache), *only_handoff, cwd=handoff_root)
        return [f["code"] for f in json.loads(result.stdout)]

    assert codes() == [] and codes() == []  # the second run reads the response from the index cache
    done = partial.replace("Partial", "Done   ")  # same size: only the modification time tells
    assert len(done) == len(partial)
    stat = response.stat()
    response.write_text(done)
    os.utime(response, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert codes() == ["HL408"]


def test_a_one_file_run_keeps_what_each_response_names_so_the_next_reads_none(handoff_root, tmp_path):
    """A commit's run pairs its handoff with every response of the root; the handoffs each
    response names are kept with the response's digest, so the next commit's run reads none."""
    from handoff_lint.cache import Cache, digest

    cache = tmp_path / "cache"
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF)
    answer = handoff_root / "responses" / "response-2026-11-03-error-patterns.md"
    answer.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))
    unrelated = handoff_root / "responses" / "2026-11-04-response-to-handoff-2026-11-01-other-work.md"
    unrelated.write_text(VALID_RESPONSE.replace(NAME, "handoff-2026-11-01-other-work.md"))
    result = run_cli("check", "--cache-dir", str(cache), f"active/{NAME}", cwd=handoff_root)
    assert result.code in (0, 1), result.stderr
    (file,) = cache.glob("cache-*.marshal")
    rows = Cache(cache, file.stem[len("cache-"):]).rows
    for response, named in ((answer, NAME[:-3]), (unrelated, "handoff-2026-11-01-other-work")):
        row = rows[str(response)]
        assert row[1] == digest("response", response.read_text()) and row[8] == (named,)


def test_a_run_that_adds_few_rows_appends_them_and_a_damaged_journal_only_costs_time(tmp_path):
    """A commit's run appends its rows to the journal beside the cache file instead of rewriting
    the file; the next run reads them. A frame cut short or damaged ends what is read of it."""
    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local")
    cache = tmp_path / "cache"
    truth = json.loads(run_cli("check", "--format", "json", "--no-cache", ".", cwd=tmp_path, env=TODAY).stdout)
    assert check(tmp_path, cache, env=TODAY) == truth  # the file, whole
    (file,) = cache.glob("cache-*.marshal")
    whole = file.read_bytes()
    notes = tmp_path / "notes.md"
    notes.write_text("see /home/alice/x\n")
    grown = check(tmp_path, cache, env=TODAY)
    assert [f for f in grown if f["path"] == "notes.md"] and file.read_bytes() == whole  # appended, not rewritten
    (journal,) = cache.glob("cache-*.journal")
    frames = journal.read_bytes()
    for damaged in (frames[:-5], frames[:20] + bytes([frames[20] ^ 0xFF]) + frames[21:], b"\0" * 3):
        journal.write_bytes(damaged)
        assert check(tmp_path, cache, env=TODAY) == grown
        assert not journal.exists()  # written into the file whole: frames after a damaged one would be lost
    notes.unlink()
    assert check(tmp_path, cache, env=TODAY) == truth


def test_a_journal_past_its_limit_is_written_into_the_cache_file(tmp_path, monkeypatch):
    from handoff_lint import cache as caching

    folder = tmp_path / "cache"
    first = caching.Cache(folder, "k")
    first.fresh["results"][b"a" * 16] = caching.CLEAN
    first.save()
    second = caching.Cache(folder, "k")
    second.fresh["results"][b"b" * 16] = caching.CLEAN
    second.save()
    assert (folder / "cache-k.journal").exists()
    monkeypatch.setattr(caching, "JOURNAL_LIMIT", 10)
    third = caching.Cache(folder, "k")
    assert set(third.results) == {b"a" * 16, b"b" * 16}
    third.fresh["results"][b"c" * 16] = caching.CLEAN
    third.save()
    assert not (folder / "cache-k.journal").exists()
    assert set(caching.Cache(folder, "k").results) == {b"a" * 16, b"b" * 16, b"c" * 16}
