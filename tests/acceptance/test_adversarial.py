"""Hostile input, through the real command in a new process: the run never hangs, never prints a
traceback, names the bad file in a finding, exits 0 or 1, and still checks every other file.

Each case builds one hostile entry in a fresh handoff folder next to a handoff that leaks a
home-folder path (HL201 at a known line); the command is given the hostile path itself (as a
pre-commit hook would) and the folder (as a user would), and must report both. Exit 2 is for
usage, configuration or internal errors only, and no case here is one: every bad file is a
finding, so every run exits 1 (the leak is an error).

Not covered: a file that vanishes between discovery and reading. It cannot be staged
deterministically from outside the process; ``reading.py`` reports it as HL003 ("file vanished
before it could be read"), the same path as a broken link, which is covered.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

from conftest import PINNED, VALID_HANDOFF, line_of
from handoff_lint.findings import printable

TIMEOUT = 60  # seconds for any one run: a hang fails the test instead of stalling the suite
LEAK_NAME = "handoff-2026-11-02-leaky-neighbour.md"
LEAK_TEXT = VALID_HANDOFF.replace("in logs/nightly/", "in /home/alice/logs/nightly/")
LEAK_LINE = line_of(LEAK_TEXT, "/home/alice")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
POSIX = sys.platform != "win32"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def findings(self) -> list[dict]:
        return json.loads(self.stdout)


def run(cwd: Path, *args: str | os.PathLike, timeout: float = TIMEOUT) -> Run:
    env = {**os.environ, **PINNED}  # no machine identity, a fixed today (HL410), the session cache
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", *map(os.fspath, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Run(
        done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace"), time.monotonic() - started
    )


# -- the hostile entries ---------------------------------------------------------------------
def handoff_bytes(newline: str = "\n", encoding: str = "utf-8") -> bytes:
    return LEAK_TEXT.replace("\n", newline).encode(encoding)


@dataclass
class Case:
    make: Callable[[Path], Path]  # builds the entry under the handoff root; returns its path
    codes: set[str]  # codes the hostile file must get (at least these)
    shown_as: str = ""  # how its name appears in a finding's path, if not as written
    lines: set[int] = field(default_factory=set)  # lines the findings must be on, if any
    seconds: float = TIMEOUT  # a tighter bound on the whole run
    skip: str = ""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def active(root: Path, name: str) -> Path:
    return root / "active" / name


def symlink(path: Path, target: str | Path) -> Path:
    path.symlink_to(target)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def unreadable(path: Path) -> Path:
    write(path, LEAK_TEXT)
    path.chmod(0)
    return path


def directory_named_md(root: Path) -> Path:
    folder = active(root, "handoff-2026-11-02-folder.md")
    write(folder / "inside.md", "Paths like /home/bob/notes belong nowhere.\n")
    return folder


def outside_file(root: Path) -> Path:
    target = write(root.parent.parent / "private-notes.md", "/home/carol/.ssh/id_ed25519\n")
    return symlink(active(root, "handoff-2026-11-02-elsewhere.md"), target)


def link_chain_loop(root: Path) -> Path:
    symlink(active(root, "handoff-b.md"), "handoff-a.md")
    return symlink(active(root, "handoff-a.md"), "handoff-b.md")


def folder_linked_out(root: Path) -> Path:
    """archive/ as a link to a folder outside the repository, holding what looks like handoffs."""
    outside = root.parent.parent / "outside-archive"
    write(outside / "handoff-2026-11-01-outside.md", "/home/dave/.aws/credentials\n")
    write(outside / "passwd", "root:x:0:0:root:/root:/bin/bash\n")
    (root / "archive").rmdir()
    return symlink(root / "archive", outside)


def folder_link_loop(root: Path) -> Path:
    (root / "responses").rmdir()
    return symlink(root / "responses", "responses")


def unreadable_folder(root: Path) -> Path:
    folder = root / "responses"
    write(folder / "2026-11-03-response-to-x.md", LEAK_TEXT)
    folder.chmod(0)
    return folder


PATHS_LINE_BYTES = 4_500_000  # one line of backticked home paths: 750,000 findings before the bound


def paths_line(root: Path) -> Path:
    line = "`/home/eve/f.txt` " * (PATHS_LINE_BYTES // 18)
    return write(
        active(root, "handoff-2026-11-02-paths.md"), f"# Local Handoff: paths\n\n## References/Links\n{line}\n"
    )


HOSTILE_LINES = {  # one 1 MB line for each regular expression that was quadratic, and more
    "field": "**Date**: x" + " " * 1_000_000 + "y",  # metadata: parse.FIELD_RE
    "constraints": "**Constraints**: Privacy" + " " * 500_000 + "(" * 500_000,  # list split, '(note)'
    "heading": "## Task" + " " * 1_000_000 + "Description",  # names.normalise
    "comment": "<!-- handoff-lint: disable=" + " " * 1_000_000 + "!",  # directives._COMMENT
    "backticks": "[" + "`" * 1_000_000,  # structure._INLINE_CODE
    "jwt": "eyJ-" * 250_000,  # credentials jwt, combined prefilter
    "auth": "auth" * 250_000,  # detect-secrets prefilter
    "url": "pass=1 ://" + ":" * 1_000_000,  # detect-secrets prefilter, then detect-secrets itself
    "token": "token = " + "a-" * 500_000,  # assignment, then detect-secrets
    "home": "/home/" + "a" * 1_000_000,
    "email": "a@" + "a." * 500_000,
    "ip": "1." * 500_000,
    "ipv6": "a:" * 500_000,
}


def hostile_lines(root: Path) -> list[Path]:
    """The lines above, four to a file (under the 5 MiB limit), after a title: the first lines
    of a file are its metadata block, and the heading line starts a section."""
    names, paths = list(HOSTILE_LINES), []
    for index in range(0, len(names), 4):
        body = "\n\n".join(HOSTILE_LINES[name] for name in names[index : index + 4])
        paths.append(
            write(active(root, f"handoff-2026-11-02-hostile-{index // 4}.md"), f"# Local Handoff: hostile\n\n{body}\n")
        )
    return paths


CASES = {
    "binary": Case(
        lambda r: write(active(r, "handoff-2026-11-02-image.md"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), {"HL001"}
    ),
    "invalid-utf8": Case(
        lambda r: write(
            active(r, "handoff-2026-11-02-latin1.md"), handoff_bytes().replace(b"alice", "alicé".encode("latin-1"))
        ),
        {"HL002"},
        lines={LEAK_LINE},
    ),
    "utf16-bom": Case(
        lambda r: write(active(r, "handoff-2026-11-02-utf16.md"), handoff_bytes(encoding="utf-16")), {"HL002"}
    ),
    "utf32-bom": Case(
        lambda r: write(active(r, "handoff-2026-11-02-utf32.md"), handoff_bytes(encoding="utf-32")), {"HL002"}
    ),
    "utf8-bom": Case(
        lambda r: write(active(r, "handoff-2026-11-02-bom.md"), b"\xef\xbb\xbf" + handoff_bytes()),
        {"HL201"},
        lines={LEAK_LINE},
    ),
    "crlf": Case(
        lambda r: write(active(r, "handoff-2026-11-02-crlf.md"), handoff_bytes("\r\n")), {"HL201"}, lines={LEAK_LINE}
    ),
    "lone-cr": Case(
        lambda r: write(active(r, "handoff-2026-11-02-cr.md"), handoff_bytes("\r")), {"HL201"}, lines={LEAK_LINE}
    ),
    "mixed-newlines": Case(
        lambda r: write(
            active(r, "handoff-2026-11-02-mixed.md"),
            re.sub(rb"\n(?=##)", b"\r\n", handoff_bytes()).replace(b"\n\n", b"\r\r", 1),
        ),
        {"HL201"},
        lines={LEAK_LINE},
    ),
    "empty": Case(lambda r: write(active(r, "handoff-2026-11-02-empty.md"), b""), {"HL100"}),
    "only-newlines": Case(lambda r: write(active(r, "handoff-2026-11-02-blank.md"), b"\n\r\n  \t\n"), {"HL100"}),
    "50-mb": Case(lambda r: sparse(active(r, "handoff-2026-11-02-huge.md"), 50 * 1024 * 1024), {"HL004"}, seconds=15),
    "2-mb-single-line": Case(
        lambda r: write(active(r, "handoff-2026-11-02-one-line.md"), "# " + "word " * 400_000), {"HL101"}, lines={1}
    ),
    "20000-nested-quotes": Case(
        lambda r: write(active(r, "handoff-2026-11-02-quotes.md"), ">" * 20_000 + " deep\n"), {"HL101"}
    ),
    "20000-nested-brackets": Case(
        lambda r: write(active(r, "handoff-2026-11-02-brackets.md"), "[" * 20_000 + "x" + "]" * 20_000 + "\n"),
        {"HL101"},
    ),
    "20000-nested-lists": Case(
        lambda r: write(active(r, "handoff-2026-11-02-lists.md"), "- " * 20_000 + "x\n"), {"HL101"}
    ),
    "symlink-loop": Case(
        lambda r: symlink(active(r, "handoff-2026-11-02-loop.md"), "handoff-2026-11-02-loop.md"),
        {"HL003"},
        skip="" if POSIX else "symlinks",
    ),
    "symlink-chain-loop": Case(link_chain_loop, {"HL003"}, skip="" if POSIX else "symlinks"),
    "broken-symlink": Case(
        lambda r: symlink(active(r, "handoff-2026-11-02-gone.md"), "nowhere.md"),
        {"HL003"},
        skip="" if POSIX else "symlinks",
    ),
    "symlink-outside-root": Case(outside_file, {"HL005"}, skip="" if POSIX else "symlinks"),
    "symlink-to-device": Case(
        lambda r: symlink(active(r, "handoff-2026-11-02-zero.md"), "/dev/zero"),
        {"HL005"},
        skip="" if POSIX else "no /dev/zero",
    ),
    "unreadable": Case(
        lambda r: unreadable(active(r, "handoff-2026-11-02-locked.md")),
        {"HL003"},
        skip="root reads everything" if not POSIX or os.geteuid() == 0 else "",
    ),
    "spaces-and-unicode-name": Case(
        lambda r: write(active(r, "handoff 2026-11-02 ünïcødé 日本 ✓.md"), LEAK_TEXT), {"HL201"}, lines={LEAK_LINE}
    ),
    "undecodable-name": Case(
        lambda r: write(Path(os.fsdecode(os.path.join(os.fsencode(r / "active"), b"handoff-\xff\xfe.md"))), LEAK_TEXT),
        {"HL201"},
        shown_as="handoff-\\xff\\xfe.md",
        skip="" if sys.platform == "linux" else "names are UTF-8 or UTF-16 elsewhere",
    ),
    "control-characters-in-name": Case(
        lambda r: write(active(r, "handoff\n2026\x1b[31m.md"), LEAK_TEXT),
        {"HL201"},
        shown_as="handoff\\x0a2026\\x1b[31m.md",
        skip="" if POSIX else "not allowed in names",
    ),
    "directory-named-like-md": Case(directory_named_md, {"HL201"}, shown_as="handoff-2026-11-02-folder.md/inside.md"),
    "folder-linked-out": Case(folder_linked_out, {"HL005"}, skip="" if POSIX else "symlinks"),
    "folder-link-loop": Case(folder_link_loop, {"HL003"}, skip="" if POSIX else "symlinks"),
    "unreadable-folder": Case(
        unreadable_folder, {"HL007"}, skip="root reads everything" if not POSIX or os.geteuid() == 0 else ""
    ),
    "workflow-command-name": Case(
        lambda r: write(active(r, "::stop-commands::x.md"), LEAK_TEXT),
        {"HL201"},
        lines={LEAK_LINE},
        skip="" if POSIX else "':' in names",
    ),
    "4.5-mb-line-of-paths": Case(paths_line, {"HL201"}, seconds=45),
    "fifo": Case(
        lambda r: fifo(active(r, "handoff-2026-11-02-pipe.md")), {"HL003"}, seconds=30, skip="" if POSIX else "no FIFOs"
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_entry_is_reported_and_the_run_goes_on(name, handoff_root):
    case = CASES[name]
    if case.skip:
        pytest.skip(case.skip)
    write(active(handoff_root, LEAK_NAME), LEAK_TEXT)
    hostile = case.make(handoff_root)
    cwd = handoff_root.parent.parent
    result = run(cwd, "--format", "json", hostile.relative_to(cwd), handoff_root.relative_to(cwd))

    assert result.code == 1, (result.code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert result.seconds < case.seconds, f"{name}: {result.seconds:.1f} s"
    findings = result.findings
    # the neighbour is still checked, and its finding is where it should be
    assert {"code": "HL201", "line": LEAK_LINE} in [
        {"code": f["code"], "line": f["line"]} for f in findings if f["path"].endswith(LEAK_NAME)
    ]
    # the hostile entry is named, with the codes it deserves
    expected_name = case.shown_as or hostile.name
    mine = [f for f in findings if f["path"].endswith(expected_name)]
    assert mine, f"{expected_name!r} not in {sorted({f['path'] for f in findings})}"
    assert case.codes <= {f["code"] for f in mine}, mine
    if case.lines:  # (lifecycle findings about the file's name sit on line 1)
        assert {f["line"] for f in mine if not f["code"].startswith("HL4")} <= case.lines, mine
    for finding in findings:
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["path"].isprintable() and finding["message"].isprintable(), finding
        assert len(finding["message"]) <= 500


@pytest.mark.slow
def test_1_mb_hostile_lines_through_every_check_are_bounded(handoff_root):
    """End to end, the lines that were quadratic for some pattern: minutes each before."""
    write(active(handoff_root, LEAK_NAME), LEAK_TEXT)
    paths = hostile_lines(handoff_root)
    result = run(handoff_root, "--format", "json", ".")
    assert result.code == 1 and result.stderr == "", result.stderr
    assert result.seconds < TIMEOUT
    reported = {f["path"] for f in result.findings}
    assert {f"active/{path.name}" for path in paths} <= reported
    assert ("HL201", LEAK_LINE) in {(f["code"], f["line"]) for f in result.findings if f["path"].endswith(LEAK_NAME)}


def test_a_4_mb_line_of_paths_is_bounded(handoff_root):
    """750,000 findings and 110 MB of output before: now 100 per rule and a summary."""
    paths_line(handoff_root)
    result = run(handoff_root, "--format", "json", "active")
    assert result.code == 1 and result.seconds < 45
    hl201 = [f for f in result.findings if f["code"] == "HL201"]
    assert len(hl201) == 101 and hl201[-1]["message"].startswith(
        f"{PATHS_LINE_BYTES // 18 - 100:,} more HL201 findings"
    )
    assert len(result.stdout) < 200_000


def test_a_folder_linked_out_lists_nothing_of_the_outside(handoff_root):
    if not POSIX:
        pytest.skip("symlinks")
    folder_linked_out(handoff_root)
    result = run(handoff_root, "--format", "json", ".")
    assert [(f["code"], f["path"]) for f in result.findings] == [("HL005", "archive")]
    assert "dave" not in result.stdout and "passwd" not in result.stdout


def test_a_link_out_of_the_folder_is_not_read(handoff_root):
    """The file a link points to outside the folder is never quoted: only HL005 for the link."""
    if not POSIX:
        pytest.skip("symlinks")
    link = outside_file(handoff_root)
    result = run(handoff_root, "--format", "json", ".")
    assert [(f["code"], f["path"]) for f in result.findings] == [("HL005", f"active/{link.name}")]
    assert "carol" not in result.stdout


# -- every format, one folder holding every hostile entry at once ----------------------------
@pytest.fixture(scope="module")
def everything(tmp_path_factory) -> Path:
    """One handoff folder holding every hostile entry (the slow and root-only ones left out)."""
    root = tmp_path_factory.mktemp("everything") / "models" / "next-local"
    for folder in ("active", "responses", "archive"):
        (root / folder).mkdir(parents=True)
    write(active(root, LEAK_NAME), LEAK_TEXT)
    for name, case in CASES.items():
        if case.skip or name in ("unreadable", "unreadable-folder"):
            continue
        case.make(root)
    write(
        active(root, "handoff-2026-11-02-escapes.md"),
        "# Local Handoff: \x1b]0;owned\x07\x1b[2J\u202e\n\n## Task Descr\x1bption\n",
    )
    return root


def _github(stdout: str) -> list[tuple]:
    pattern = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=(HL\d{3})::HL\d{3} .*$")

    def decode(value: str) -> str:
        return (
            value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        )

    parsed = [pattern.match(line) for line in stdout.splitlines()]
    assert all(parsed), stdout
    return sorted((decode(m[2]), int(m[3]), int(m[4]), m[5]) for m in parsed)


def test_every_format_reports_the_same_findings_and_stays_well_formed(everything):
    cwd = everything.parent.parent
    outputs = {fmt: run(cwd, "--format", fmt, "models") for fmt in ("json", "text", "sarif", "github", "junit")}
    for fmt, result in outputs.items():
        assert result.code == 1 and result.stderr == "", (fmt, result.stderr)
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout, fmt  # no raw escape reaches a terminal
    expected = sorted((f["path"], f["line"], f["column"], f["code"]) for f in outputs["json"].findings)
    assert {code for _p, _l, _c, code in expected} >= {
        "HL001",
        "HL002",
        "HL003",
        "HL004",
        "HL005",
        "HL100",
        "HL101",
        "HL201",
    }

    text_lines = [line for line in outputs["text"].stdout.splitlines() if not line.startswith(("Found ", "[*] "))]
    assert all(line.startswith("models/next-local/") for line in text_lines), "a file name broke a line"
    text = sorted(
        (p, int(ln), int(c), rest.split()[0])
        for p, ln, c, rest in (re.match(r"^(.*?):(\d+):(\d+): (.*)$", line).groups() for line in text_lines)
    )
    assert text == expected

    sarif = json.loads(outputs["sarif"].stdout)["runs"][0]["results"]
    places = [(r["locations"][0]["physicalLocation"], r["ruleId"]) for r in sarif]
    assert all(" " not in place["artifactLocation"]["uri"] for place, _code in places)
    # the URI names the real file (its bytes percent-encoded); shown, it is the finding's path
    assert (
        sorted(
            (
                printable(os.fsdecode(unquote_to_bytes(p["artifactLocation"]["uri"]))),
                p["region"]["startLine"],
                p["region"]["startColumn"],
                code,
            )
            for p, code in places
        )
        == expected
    )

    assert _github(outputs["github"].stdout) == expected

    suite = ElementTree.fromstring(outputs["junit"].stdout)  # parses: no control character got in
    junit = []
    for case in suite.iter("testcase"):
        match = re.match(r"^(HL\d{3}) at line (\d+), column (\d+)$", case.get("name"))
        junit.append((case.get("classname"), int(match[2]), int(match[3]), match[1]))
    assert sorted(junit) == expected


# -- check writes nothing --------------------------------------------------------------------
def tree_digest(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder``: its kind and content hash (or link target), size and mtime."""
    entries = {}
    for current, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(current) / name
            info = path.lstat()
            if path.is_symlink():
                entries[path.relative_to(folder).as_posix()] = ("link", os.readlink(path))
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[path.relative_to(folder).as_posix()] = (
                    "file",
                    digest,
                    info.st_size,
                    info.st_mtime_ns,
                    info.st_mode,
                )
            else:
                entries[path.relative_to(folder).as_posix()] = ("dir", info.st_mode)
    return entries


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="needs the source tree")
def test_check_changes_no_byte_on_disk(tmp_path):
    import shutil

    shutil.copytree(EXAMPLES / "next-local", tmp_path / "next-local", symlinks=True)
    before = tree_digest(tmp_path)
    for args in (
        ("--format", "text"),
        ("--format", "json"),
        ("--format", "sarif"),
        ("--statistics",),
        ("--no-cache", "--format", "junit"),
    ):
        result = run(tmp_path, *args, "next-local")
        assert result.code == 1, result.stderr
    assert tree_digest(tmp_path) == before  # no file added, removed, rewritten or touched
