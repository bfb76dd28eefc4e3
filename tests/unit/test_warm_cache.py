"""The stat layer and the folder findings cache: a warm run reads only what changed, and is never
wrong. Files must be older than the racy window (filestamp.RACY_NS) before a run may trust their
stat, so the folders here are aged once by waiting, then checked by the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PINNED, VALID_HANDOFF, VALID_RESPONSE, package_copy, run_cli
from handoff_lint import filestamp, observed
from handoff_lint.cache import Cache, digest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
TODAY = {"HANDOFF_LINT_TODAY": "2026-11-24"}
FORMATS = ("text", "json", "sarif", "github", "junit")
NAME = "handoff-2026-11-02-extract-error-patterns.md"


def age() -> None:
    """Wait until every file written so far is older than the racy window."""
    time.sleep(filestamp.RACY_NS / 1e9 + 0.3)


def both(cwd: Path, cache: Path, *args: str, env=None) -> tuple:
    """(cached run, uncached run) of the same command, each as (exit code, stdout)."""
    warm = run_cli("check", "--cache-dir", str(cache), *args, cwd=cwd, env=env)
    cold = run_cli("check", "--no-cache", *args, cwd=cwd, env=env)
    assert not warm.stderr and not cold.stderr, (warm.stderr, cold.stderr)
    return (warm.code, warm.stdout), (cold.code, cold.stdout)


@pytest.fixture(scope="module")
def aged(tmp_path_factory) -> Path:
    """examples/next-local and a generated folder of 60 handoffs, old enough to be trusted by stat."""
    top = tmp_path_factory.mktemp("aged")
    shutil.copytree(EXAMPLES / "next-local", top / "sample" / "next-local")
    subprocess.run([sys.executable, str(GENERATE), "--handoffs", "60", "--out", str(top / "generated")], check=True, capture_output=True)
    age()
    return top


@pytest.mark.parametrize("folder", ["sample", "generated"])
def test_warm_runs_report_exactly_what_an_uncached_run_does_in_every_format(aged, tmp_path, folder):
    cache = tmp_path / "cache"
    for output in FORMATS:
        first, cold = both(aged / folder, cache, "--format", output, ".", env=TODAY)
        second, _cold = both(aged / folder, cache, "--format", output, ".", env=TODAY)
        assert first == cold and second == cold, output
    assert json.loads(both(aged / folder, cache, "--format", "json", ".", env=TODAY)[0][1]), "the folders have findings"


def test_a_one_file_run_over_a_warm_cache_reports_what_an_uncached_one_does(aged, tmp_path):
    cache = tmp_path / "cache"
    root = aged / "generated" / "models" / "next-local"
    assert both(aged / "generated", cache, ".", env=TODAY)[0][0] == 0  # fills the cache
    for path in [*sorted(root.glob("active/*.md"))[:3], *sorted(root.glob("archive/*.md"))[:3], *sorted(root.glob("responses/*.md"))[:3]]:
        warm, cold = both(aged / "generated", cache, "--format", "json", str(path.relative_to(aged / "generated")), env=TODAY)
        assert warm == cold


def write_keeping_mtime(path: Path, text: str) -> None:
    """Change a file's content, keep its size and put its modification time back: only the
    inode change time (ctime) still tells."""
    info = path.stat()
    assert len(text.encode()) == info.st_size
    path.write_text(text)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_mtime_ns == info.st_mtime_ns and path.stat().st_size == info.st_size


def test_changed_deleted_new_and_renamed_files_are_seen_by_a_warm_run(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    active, archive, responses = (handoff_root / name for name in ("active", "archive", "responses"))
    (archive / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = responses / f"2026-11-03-response-to-{NAME}"
    response.write_text(VALID_RESPONSE)
    other = active / "handoff-2026-11-02-count-flaky-tests.md"
    other.write_text(VALID_HANDOFF.replace("Extract error patterns", "Count flaky tests"))
    age()
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold == (0, "[]\n")

    # same size, mtime put back: the stat layer must not trust the old row (ctime changed)
    write_keeping_mtime(other, other.read_text().replace("40 logs in logs/nightly/", "40 logs in /home/alice/x"))
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold and [f["code"] for f in json.loads(warm[1])] == ["HL201"]

    response.unlink()  # deleted: the archived handoff has no response any more
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold and "HL407" in warm[1]

    response.write_text(VALID_RESPONSE)  # new again
    (active / "notes.txt").write_text("stray\n")  # and a new stray
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold and [f["code"] for f in json.loads(warm[1])] == ["HL201", "HL411"]

    (archive / NAME).rename(archive / NAME.replace("extract", "gather"))  # renamed: the response points nowhere
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold and "HL406" in warm[1]
    warm, cold = both(handoff_root, cache, "--format", "json", str(response.relative_to(handoff_root)))
    assert warm == cold and "HL406" in warm[1]


def test_a_file_changed_just_after_a_run_is_read_again_even_with_its_old_stat(handoff_root, tmp_path):
    """The racy case: a change in the same instant as the previous run's read. Nothing old is
    trusted, so the change shows although size and mtime are as before."""
    cache = tmp_path / "cache"
    path = handoff_root / "active" / NAME
    path.write_text(VALID_HANDOFF)
    assert both(handoff_root, cache, "--format", "json", ".")[0] == (0, "[]\n")
    write_keeping_mtime(path, VALID_HANDOFF.replace("40 logs in logs/nightly/", "40 logs in /home/alice/x"))
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold and [f["code"] for f in json.loads(warm[1])] == ["HL201"]


def test_the_stat_layer_records_only_settled_stamps_and_trusts_only_an_identical_one(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("one\n")
    key = digest("handoff", "one\n")
    info = os.lstat(path)
    racy = Cache(tmp_path / "cache", "k")  # a run that starts now: the file is too new to record
    racy.remember(str(path), info, "handoff", key)
    racy.save()
    assert Cache(tmp_path / "cache", "k").known(str(path), info, "handoff") is None

    later = Cache(tmp_path / "cache", "k", cutoff=time.time_ns() + 1)  # as if the run began well after the write
    later.remember(str(path), info, "handoff", key)
    later.save()
    warm = Cache(tmp_path / "cache", "k")
    assert warm.known(str(path), os.lstat(path), "handoff") == key
    assert warm.known(str(path), os.lstat(path), "response") is None  # another kind: another text key

    write_keeping_mtime(path, "two\n")  # only ctime differs
    assert warm.known(str(path), os.lstat(path), "handoff") is None
    path.unlink()
    path.write_text("one\n")  # a new file (new inode or ctime) with the old content and mtime
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert warm.known(str(path), os.lstat(path), "handoff") is None
    link = tmp_path / "link.md"
    link.symlink_to(path)
    assert filestamp.stamp(os.lstat(link), "handoff") is None  # links are never stamped


def test_a_folder_listing_is_kept_under_a_settled_stamp_and_used_only_under_that_stamp(tmp_path):
    """A lifecycle folder is not listed again while its stamp holds: names come and go only by
    changing it, unless two changes fall in one tick of the clock, which the racy window covers."""
    folder = tmp_path / "active"
    folder.mkdir()
    (folder / NAME).write_text(VALID_HANDOFF)
    part = ([(str(folder / NAME), "active", "handoff")], [])
    stamp = observed.answer("D", str(folder))
    racy = Cache(tmp_path / "cache", "k")  # a run that starts now: the folder is too new to keep
    racy.put_folder_part(str(folder), stamp, *part)
    racy.save()
    assert Cache(tmp_path / "cache", "k").folder_part(str(folder), stamp) is None

    later = Cache(tmp_path / "cache", "k", cutoff=time.time_ns() + 1)  # as if the run began well after
    later.put_folder_part(str(folder), stamp, *part)
    later.save()
    assert Cache(tmp_path / "cache", "k").folder_part(str(folder), stamp) == part
    (folder / "handoff-2026-11-03-other.md").write_text(VALID_HANDOFF)
    assert Cache(tmp_path / "cache", "k").folder_part(str(folder), observed.answer("D", str(folder))) is None


def test_the_cache_never_holds_a_secret_from_a_document_scan(handoff_root, tmp_path):
    """Line scans (titles, fields, reference links) are cached for the folder index, findings for
    the run: neither may keep a credential, even one a message quotes (HL103 quotes the field)."""
    cache = tmp_path / "cache"
    secret = "ghp_" + "Zq3vL8mN2pR4sT6vW8yZ0aB1cD3eF5gH7jK9"
    leaky = VALID_HANDOFF.replace("from build logs", f"from build logs {secret}").replace("**Priority**: MEDIUM", f"**Priority**: MEDIUM {secret}").replace(
        "[nightly logs](../../../logs/README.md)", f"[nightly logs](https://x:{secret}@example.com/logs)")
    (handoff_root / "active" / NAME).write_text(leaky)
    (handoff_root / "active" / "handoff-2026-11-02-count-flaky-tests.md").write_text(VALID_HANDOFF.replace("Extract error patterns", "Count flaky tests"))
    # and a response that names a handoff by it (the index keeps the handoffs each response names)
    (handoff_root / "responses" / "response-2026-11-03-leak.md").write_text(VALID_RESPONSE.replace("handoff-2026-11-02-extract-error-patterns.md)", f"handoff-{secret}.md)"))
    age()
    # the leaky documents read only by the folder index, then checked themselves
    for target in ("active/handoff-2026-11-02-count-flaky-tests.md", ".", "."):
        warm, cold = both(handoff_root, cache, "--format", "json", target)
        assert warm == cold
    stored = b"".join(p.read_bytes() for p in cache.glob("cache-*.marshal"))
    assert stored and secret.encode() not in stored and secret[4:20].encode() not in stored


def test_an_unwritable_cache_folder_gives_the_same_findings(handoff_root, tmp_path):
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice/x"))
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    warm, cold = both(handoff_root, blocker / "cache", "--format", "json", ".")
    assert warm == cold and "HL201" in warm[1]


def test_remembered_folder_findings_follow_today_the_configuration_and_the_working_directory(handoff_root, tmp_path):
    """Lifecycle findings (HL4) for a whole root are remembered; anything else they depend on
    must make a run compute them again."""
    cache = tmp_path / "cache"
    active = handoff_root / "active"
    (active / NAME).write_text(VALID_HANDOFF)  # dated 2026-11-02, active
    project = handoff_root.parent.parent
    for today in ("2026-11-05", "2026-11-30", "2026-11-05"):  # HL410 after 14 days
        warm, cold = both(handoff_root, cache, "--format", "json", ".", env={"HANDOFF_LINT_TODAY": today})
        assert warm == cold and ("HL410" in warm[1]) == (today == "2026-11-30")
    env = {"HANDOFF_LINT_TODAY": "2026-11-30"}
    (project / ".handoff-lint.toml").write_text("stale-days = 60\n")
    warm, cold = both(handoff_root, cache, "--format", "json", ".", env=env)
    assert warm == cold and "HL410" not in warm[1]
    (project / ".handoff-lint.toml").write_text('stale-days = 60\n[status-words]\narchive = ["Ready for local model pickup"]\n')
    warm, cold = both(handoff_root, cache, "--format", "json", ".", env=env)
    assert warm == cold and "HL405" in warm[1]
    (project / ".handoff-lint.toml").write_text("stale-days = 14\n")  # and one cache file for every cwd
    for cwd, target in ((handoff_root, "."), (project, "models"), (active, ".")):  # paths shown differ
        warm, cold = both(cwd, cache, "--format", "json", target, env=env)
        assert warm == cold and "HL410" in warm[1]


def test_concurrent_runs_that_record_stamps_agree_and_leave_a_cache_the_next_run_trusts(aged, tmp_path):
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "handoff_lint", "check", "--format", "json", "--cache-dir", str(cache), "."]
    env = {**os.environ, **PINNED, **TODAY}
    runs = [subprocess.Popen(command, cwd=aged / "generated", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = {run.communicate(timeout=300) for run in runs}
    assert len(outputs) == 1 and not next(iter(outputs))[1]
    assert len(list(cache.glob("cache-*.marshal"))) == 1
    assert not list(cache.glob(".*.tmp"))  # every writer renamed its temporary file into place
    warm, cold = both(aged / "generated", cache, "--format", "json", ".", env=TODAY)
    assert warm == cold == (0, next(iter(outputs))[0].decode())


def as_warning(rules: Path) -> None:
    rules.write_text(rules.read_text().replace('name = "home-folder-path"\nseverity = "error"', 'name = "home-folder-path"\nseverity = "warning"', 1))


def test_an_edited_rule_file_is_never_served_from_the_cache(tmp_path):
    """The cache keeps the parsed rule files and every result under their stamps: an edit is
    seen at once (a run just after it goes uncached), and by the runs after, cached again."""
    site = package_copy(tmp_path)
    (tmp_path / "notes.md").write_text("see /home/alice/x\n")
    env = {"PYTHONPATH": str(site)}
    cache = tmp_path / "cache"

    def severities():
        warm, cold = both(tmp_path, cache, "--format", "json", "notes.md", env=env)
        assert warm == cold
        return [f["severity"] for f in json.loads(warm[1])]

    age()
    assert severities() == severities() == ["error"]
    as_warning(site / "handoff_lint" / "rules" / "HL2-privacy.toml")
    assert severities() == ["warning"]  # just edited: uncached
    age()
    assert severities() == severities() == ["warning"]


def test_an_edited_schema_is_never_served_from_the_cache(tmp_path):
    """The parsed schemas are kept like the rule files: a status word added to the schema is
    taken at once, and by the runs after."""
    site = package_copy(tmp_path)
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (root / "active" / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Parked"))
    env = {"PYTHONPATH": str(site), **TODAY}
    cache = tmp_path / "cache"

    def codes():
        warm, cold = both(tmp_path, cache, "--format", "json", "--select", "HL1", ".", env=env)
        assert warm == cold
        return [f["code"] for f in json.loads(warm[1])]

    age()
    assert codes() == codes() != []  # "Parked" is no status the schema knows
    schema = site / "handoff_lint" / "schemas" / "handoff.schema.json"
    data = json.loads(schema.read_text())
    data["properties"]["status"]["enum"].append("Parked")
    schema.write_text(json.dumps(data))
    assert codes() == []  # just edited: uncached
    age()
    assert codes() == codes() == []


def test_a_process_that_parsed_the_rules_before_they_were_edited_does_not_cache_its_copy(tmp_path):
    """A long-lived process (an editor plugin, a test session) keeps the rules it parsed; after
    an edit it must not hand that old parse to the cache under the new files' key."""
    site = package_copy(tmp_path)
    (tmp_path / "notes.md").write_text("see /home/alice/x\n")
    rules = site / "handoff_lint" / "rules" / "HL2-privacy.toml"
    age()
    script = (
        "import io, contextlib, sys, time\n"
        "from handoff_lint.cli import main\n"
        "from handoff_lint.catalogue import catalogue\n"
        "catalogue()\n"  # parsed now, before the edit
        f"rules = {str(rules)!r}\n"
        "text = open(rules).read()\n"
        "open(rules, 'w').write(text.replace('name = \"home-folder-path\"\\nseverity = \"error\"', 'name = \"home-folder-path\"\\nseverity = \"warning\"', 1))\n"
        f"time.sleep({filestamp.RACY_NS / 1e9 + 0.3})\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--cache-dir', {str(tmp_path / 'cache')!r}, 'notes.md'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={**os.environ, **PINNED, "PYTHONPATH": str(site)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    warm, cold = both(tmp_path, tmp_path / "cache", "--format", "json", "notes.md", env={"PYTHONPATH": str(site)})
    assert warm == cold and [f["severity"] for f in json.loads(warm[1])] == ["warning"]


def test_a_file_named_through_a_link_and_dotdot_is_read_again_when_it_changes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "real" / "sub").mkdir(parents=True)
    os.symlink(tmp_path / "real" / "sub", tmp_path / "a" / "link")
    for folder in ("a", "real"):
        (tmp_path / folder / "notes.md").write_text("# Notes\n")
    age()
    cache = tmp_path / "cache"
    assert both(tmp_path, cache, "a/link/../notes.md")[0] == (0, "All checks passed (1 file checked).\n")
    with open(tmp_path / "real" / "notes.md", "a") as handle:  # the file the system reads
        handle.write("The build server is at 10.1.2.3\n")
    warm, cold = both(tmp_path, cache, "a/link/../notes.md")
    assert warm == cold and cold[0] == 1


def test_one_file_runs_pair_a_handoff_with_what_responses_name_now(handoff_root, tmp_path):
    """A one-file run indexes the whole root and keeps what it worked out per document (the
    handoffs each response names) for the next one: a response edited to name another handoff,
    with its size and mtime put back, must move the pairing, seen from any working directory."""
    cache = tmp_path / "cache"
    active, responses = handoff_root / "active", handoff_root / "responses"
    first, second = NAME, NAME.replace("extract-error", "gather-errors")
    assert len(first) == len(second)
    (active / first).write_text(VALID_HANDOFF)
    (active / second).write_text(VALID_HANDOFF.replace("Extract error patterns", "Gather errors"))
    response = responses / "response-2026-11-03-error-patterns.md"
    response.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))  # names the first; says done
    project = handoff_root.parent.parent
    (project / ".handoff-lint.toml").write_text("stale-days = 14\n")  # one project (cache file) from every folder
    age()
    targets = {name: str((active / name).relative_to(project)) for name in (first, second)}

    def pairing(cwd: Path = project) -> dict:
        found = {}
        for name, target in targets.items():
            warm, cold = both(cwd, cache, "--format", "json", os.path.relpath(project / target, cwd), env=TODAY)
            assert warm == cold
            found[name] = [f["code"] for f in json.loads(warm[1]) if f["code"] == "HL408"]
        return found

    assert pairing() == {first: ["HL408"], second: []}
    write_keeping_mtime(response, response.read_text().replace(first, second))
    age()  # settled: only the stat layer's inode change time tells
    assert pairing() == {first: [], second: ["HL408"]}
    assert pairing(active) == {first: [], second: ["HL408"]}  # shown from another folder
    (active / second).write_text((active / second).read_text().replace("nobody", "no one"))  # the commit's edit
    assert pairing() == {first: [], second: ["HL408"]}
