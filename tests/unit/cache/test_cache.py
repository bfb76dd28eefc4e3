"""The cache: keyed by content, self-checking, private, and never the reason an answer differs
from ``--no-cache``."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VALID_HANDOFF, VALID_RESPONSE, package_copy, run_cli

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
GENERATE = ROOT / "bench" / "generate.py"
TODAY = {"HANDOFF_LINT_TODAY": "2026-11-24"}
NAME = "handoff-2026-11-02-extract-error-patterns.md"
TOKEN = "ghp_" + "Zq3x9TbLm2Vw8Kp4Rn7Yc1Hd6Fj0Gs5Ua2Eb"  # a well-formed GitHub token, made up


def both(cwd: Path, cache: Path, *args: str, env=None) -> tuple:
    """(cached run, uncached run) of the same command, each as (exit code, stdout)."""
    warm = run_cli("check", "--cache-dir", str(cache), *args, cwd=cwd, env=env)
    cold = run_cli("check", "--no-cache", *args, cwd=cwd, env=env)
    # nothing on standard error but the notes on a configuration that weakens the guard, the same in both
    assert warm.stderr == cold.stderr, (warm.stderr, cold.stderr)
    notes = warm.stderr.splitlines()
    assert all(line.startswith("handoff-lint: warning: .handoff-lint.toml: ") for line in notes), warm.stderr
    return (warm.code, warm.stdout), (cold.code, cold.stdout)


def write_keeping_times(path: Path, text: str) -> None:
    """Rewrite ``path`` and put its access and modification times back (what an exFAT volume or
    a careful attacker leaves: only the content changed)."""
    info = path.stat()
    path.write_text(text)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def flip_bits(folder: Path, seed: int, flips: int = 3) -> int:
    """Flip ``flips`` random bits in every file of ``folder``; how many files were damaged."""
    rng = random.Random(seed)
    damaged = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = bytearray(path.read_bytes())
        if not data:
            continue
        for _ in range(flips):
            position = rng.randrange(len(data))
            data[position] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        damaged += 1
    return damaged


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated folder of 240 handoffs in which every third has no References section."""
    top = tmp_path_factory.mktemp("generated")
    subprocess.run(
        [sys.executable, str(GENERATE), "--handoffs", "240", "--out", str(top)], check=True, capture_output=True
    )
    dropped = 0
    for number, path in enumerate(sorted(top.rglob("handoff-*.md"))):
        if number % 3 == 0:
            text = path.read_text()
            cut = re.sub(r"\n## References/Links\n.*?(?=\n## |\n---|\Z)", "\n", text, flags=re.S)
            if cut != text:
                path.write_text(cut)
                dropped += 1
    assert dropped > 40
    return top


def test_every_step_of_an_ordinary_workflow_prints_what_no_cache_prints(generated, tmp_path):
    """The sequence from the issue: a sub-folder run, the whole folder twice, one file, -j 2, a
    same-size edit that plants a secret with the old times restored, and bit flips in every
    cache file: at every step the cached run prints exactly what --no-cache prints."""
    folder = tmp_path / "folder"
    shutil.copytree(generated, folder)
    cache = tmp_path / "cache"
    root = next(path.parent for path in folder.rglob("active"))
    rel = lambda path: str(path.relative_to(folder))  # noqa: E731
    handoff = sorted((root / "active").glob("handoff-*.md"))[0]
    steps = [
        ("sub-folder", [rel(root / "archive")]),
        ("whole", ["."]),
        ("whole again", ["."]),
        ("one file", [rel(handoff)]),
        ("two workers", ["-j", "2", "."]),
    ]
    for name, args in steps:
        for output in ("text", "json"):
            warm, cold = both(folder, cache, "--format", output, *args, env=TODAY)
            assert warm == cold, (name, output)
    assert list(cache.iterdir()), "the runs kept a cache"

    text = handoff.read_text()
    body = re.search(r"## Task Description\n(.+)\n", text).group(1)
    planted = text.replace(body, (TOKEN + " " + body)[: len(body)], 1)
    assert len(planted) == len(text) and TOKEN in planted
    write_keeping_times(handoff, planted)
    for args in ([rel(handoff)], ["."]):
        warm, cold = both(folder, cache, "--format", "json", *args, env=TODAY)
        assert warm == cold and "HL301" in warm[1], args
        assert TOKEN not in warm[1]

    for seed in range(4):
        assert flip_bits(cache, seed) >= 1
        for args in (["."], [rel(handoff)]):
            warm, cold = both(folder, cache, "--format", "json", *args, env=TODAY)
            assert warm == cold, (seed, args)


def test_changed_deleted_new_and_renamed_files_are_seen(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    active, archive, responses = (handoff_root / name for name in ("active", "archive", "responses"))
    (archive / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    response = responses / f"2026-11-03-response-to-{NAME}"
    response.write_text(VALID_RESPONSE)
    other = active / "handoff-2026-11-02-count-flaky-tests.md"
    other.write_text(VALID_HANDOFF.replace("Extract error patterns", "Count flaky tests"))
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold == (0, "[]\n")

    write_keeping_times(other, other.read_text().replace("40 logs in logs/nightly/", "40 logs in /home/alice/x"))
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
    for args in (["."], [str(response.relative_to(handoff_root))]):
        warm, cold = both(handoff_root, cache, "--format", "json", *args)
        assert warm == cold and "HL406" in warm[1]


def test_a_one_file_run_pairs_a_handoff_with_what_responses_name_now(handoff_root, tmp_path):
    """A response edited (times kept) to name another handoff moves the pairing at once."""
    cache = tmp_path / "cache"
    active, responses = handoff_root / "active", handoff_root / "responses"
    first, second = NAME, NAME.replace("extract-error", "gather-errors")
    assert len(first) == len(second)
    (active / first).write_text(VALID_HANDOFF)
    (active / second).write_text(VALID_HANDOFF.replace("Extract error patterns", "Gather errors"))
    response = responses / "response-2026-11-03-error-patterns.md"
    response.write_text(VALID_RESPONSE.replace("../archive/", "../active/"))  # names the first; says done

    def pairing() -> dict:
        found = {}
        for name in (first, second):
            warm, cold = both(handoff_root, cache, "--format", "json", f"active/{name}", env=TODAY)
            assert warm == cold
            found[name] = [f["code"] for f in json.loads(warm[1]) if f["code"] == "HL408"]
        return found

    assert pairing() == {first: ["HL408"], second: []}
    write_keeping_times(response, response.read_text().replace(first, second))
    assert pairing() == {first: [], second: ["HL408"]}


def test_cache_files_are_private_and_hold_no_secret(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    secrets = [TOKEN, "sk-ant-api03-" + "Qm7Zt2Xv9Lp4Wn8Rk3Yb6Hc1Jd5Fg0Se2Ua7Eb4Tc9Vx3Nq"]
    text = VALID_HANDOFF.replace("# Local Handoff: Extract error patterns", f"# Local Handoff: {secrets[0]}")
    text = text.replace("**Priority**: HIGH", f"**Priority**: {secrets[1]}")
    (handoff_root / "active" / NAME).write_text(text)
    result = run_cli("check", "--cache-dir", str(cache), "--format", "json", ".", cwd=handoff_root)
    assert result.code == 1 and not result.stderr
    files = [path for path in cache.rglob("*") if path.is_file()]
    assert len(files) >= 2  # a shard and the parsed rules
    for folder in [cache, *(path for path in cache.rglob("*") if path.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data and secret[4:20].encode() not in data


def test_a_cache_folder_others_can_write_is_not_used(handoff_root, tmp_path):
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice"))
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    cache.chmod(0o777)
    result = run_cli("check", "--cache-dir", str(cache), "--format", "json", ".", cwd=handoff_root)
    cold = run_cli("check", "--no-cache", "--format", "json", ".", cwd=handoff_root)
    assert (result.code, result.stdout) == (cold.code, cold.stdout) == (1, cold.stdout)
    assert (
        result.stderr.count("\n") == 1
        and "cache not used" in result.stderr
        and "writable by group or others" in result.stderr
    )
    assert list(cache.iterdir()) == []


def test_an_unwritable_or_damaged_cache_only_costs_time(handoff_root, tmp_path):
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice"))
    cache = tmp_path / "cache"
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold
    files = [path for path in cache.rglob("*.bin")]
    assert files
    for path in files:
        for damage in (b"", path.read_bytes()[:40], b"not a cache at all", path.read_bytes()[:-1]):
            path.write_bytes(damage)
            warm, cold = both(handoff_root, cache, "--format", "json", ".")
            assert warm == cold
    if os.geteuid() != 0:  # root writes anywhere
        cache.chmod(0o500)
        warm, cold = both(handoff_root, cache, "--format", "json", ".")
        assert warm == cold
        cache.chmod(0o700)


def test_the_key_holds_configuration_and_identity(handoff_root, tmp_path):
    cache = tmp_path / "cache"
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs by build-host-7"))
    clean = both(handoff_root, cache, "--format", "json", ".", env={"HANDOFF_LINT_OWN_IDENTIFIERS": ""})
    assert clean[0] == clean[1] and "HL206" not in clean[0][1]
    own = both(handoff_root, cache, "--format", "json", ".", env={"HANDOFF_LINT_OWN_IDENTIFIERS": "build-host-7"})
    assert own[0] == own[1] and "HL206" in own[0][1]
    (handoff_root / ".handoff-lint.toml").write_text('ignore = ["HL206"]\n')
    ignored = both(handoff_root, cache, "--format", "json", ".", env={"HANDOFF_LINT_OWN_IDENTIFIERS": "build-host-7"})
    assert ignored[0] == ignored[1] and "HL206" not in ignored[0][1]


@pytest.mark.slow
def test_an_edited_rule_file_or_schema_is_never_served_from_the_cache(tmp_path):
    """The salt holds the bytes of every rule and schema file: an edit shows on the next run."""
    site = package_copy(tmp_path)
    root = tmp_path / "models" / "next-local"
    for name in ("active", "responses", "archive"):
        (root / name).mkdir(parents=True)
    (root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice"))
    env = {"PYTHONPATH": str(site), **TODAY}
    cache = tmp_path / "cache"

    def severities():
        warm, cold = both(tmp_path, cache, "--format", "json", "--select", "HL2", ".", env=env)
        assert warm == cold
        return [f["severity"] for f in json.loads(warm[1])]

    assert severities() == severities() == ["error"]
    rules = site / "handoff_lint" / "rules" / "HL2-privacy.toml"
    info = rules.stat()
    text = rules.read_text()
    edited = text.replace(
        '[HL201]\nname = "home-folder-path"\nseverity = "error"',
        '[HL201]\nname = "home-folder-path"\nseverity = "warning"',
    )
    assert edited != text
    rules.write_text(edited)
    os.utime(rules, ns=(info.st_atime_ns, info.st_mtime_ns))  # the times say nothing changed
    assert severities() == severities() == ["warning"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder to another user needs root"
)
def test_a_cache_folder_of_another_user_is_not_used(handoff_root, tmp_path):
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice"))
    cache = tmp_path / "their-cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    result = run_cli("check", "--cache-dir", str(cache), "--format", "json", ".", cwd=handoff_root)
    cold = run_cli("check", "--no-cache", "--format", "json", ".", cwd=handoff_root)
    assert (result.code, result.stdout) == (cold.code, cold.stdout)
    assert "cache not used" in result.stderr and "another user" in result.stderr
    assert list(cache.iterdir()) == []


def test_a_shard_replaced_by_a_link_is_not_followed(handoff_root, tmp_path):
    """A shard that is a symbolic link (to a file an attacker controls) is an empty shard, and a
    save replaces the link, never writing through it."""
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "40 logs in /home/alice"))
    cache = tmp_path / "cache"
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    outside = tmp_path / "outside.bin"
    for shard in [path for path in cache.rglob("*.bin") if path.parent != cache]:
        outside.write_bytes(shard.read_bytes())
        shard.unlink()
        shard.symlink_to(outside)
    before = outside.read_bytes()
    (handoff_root / "active" / NAME).write_text(VALID_HANDOFF.replace("40 logs", "41 logs in /home/alice"))
    warm, cold = both(handoff_root, cache, "--format", "json", ".")
    assert warm == cold
    assert outside.read_bytes() == before


def test_two_responses_with_one_text_and_different_names_keep_their_own_answers(handoff_root, tmp_path):
    """A response's file name may name its original handoff (then no reference section is
    needed): the cache must not serve one name's answer for the other's identical text."""
    cache = tmp_path / "cache"
    (handoff_root / "archive" / NAME).write_text(VALID_HANDOFF.replace("Ready for local model pickup", "Completed"))
    text = re.sub(r"## Reference to Original Handoff\n.*?\n(?=## )", "", VALID_RESPONSE, flags=re.S)
    assert text != VALID_RESPONSE
    (handoff_root / "responses" / f"2026-11-03-response-to-{NAME}").write_text(text)
    (handoff_root / "responses" / "response-2026-11-03-error-patterns.md").write_text(text)
    for _ in range(3):
        warm, cold = both(handoff_root, cache, "--format", "json", ".")
        assert warm == cold
    found = {(f["path"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(cold[1])}
    assert not any(name.startswith("2026-11-03-response-to") and code.startswith("HL1") for name, code in found)
    assert any(name == "response-2026-11-03-error-patterns.md" for name, _code in found)
