"""Generate a next-local folder for benchmarks: synthetic (default) or real-style writing.

    python bench/generate.py --handoffs 1000 --out /tmp/bench-folder
    python bench/generate.py --style real --handoffs 1000 --out /tmp/real-folder --stats
    python bench/generate.py --measure /tmp/real-folder     # share of lines a credential gate picks, as JSON

Writes OUT/models/next-local/ with a template, ~30% of the handoffs in active/, the rest in
archive/ with a response each. Deterministic for a seed; prose varies so files differ.

synthetic: six sentences recombined under the template's headings. Valid protocol, but no line
of it passes a credential gate, so it never exercises the credential detectors.
real: hand-written handoffs and responses re-dated and re-named, with 3% of lines mentioning
keys, tokens, passwords or APIs as real writing does, and a few seeded secrets and private paths
(bench/generate_real.py says how). --stats prints the measured share of gate-passing lines.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import random
import sys
from pathlib import Path

WORDS = (
    "build logs error patterns tickets export changelog assets review notes metrics "
    "tests flakes schema migration csv report summary pipeline cache index batch"
).split()
SENTENCES = (
    "The nightly job produced {n} files that nobody has read yet.",
    "Each input is between {n} and {m} lines long and mixes several formats.",
    "A first pass with regular expressions found {n} candidate lines.",
    "The work is mechanical, so a {m}B local model is enough.",
    "Results must stay on this machine until they are reviewed.",
    "Group the {n} records by cause and count how often each appears.",
)
SECTIONS = (
    "Context Summary",
    "Task Description",
    "Resource/Privacy Requirements",
    "Current State/Progress",
    "Expected Deliverables",
    "Local Model Preferences",
    "References/Links",
)


def prose(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SENTENCES).format(n=rng.randint(10, 5000), m=rng.choice((7, 13))) for _ in range(count))


def handoff(rng: random.Random, title: str, date: str, status: str) -> str:
    lines = [
        f"# Local Handoff: {title}",
        "",
        f"**Date**: {date}",
        "**From**: claude-code",
        "**To**: next-local (any available local model)",
        f"**Priority**: {rng.choice(('HIGH', 'MEDIUM', 'LOW'))}",
        f"**Constraints**: {'/'.join(rng.sample(('Resource', 'Privacy', 'Time'), rng.randint(1, 3)))}",
        "",
        "---",
        "",
    ]
    for section in SECTIONS:
        lines += [f"## {section}", prose(rng, rng.randint(2, 8)), ""]
    return "\n".join(lines + ["---", "", f"**Handoff Status**: {status}", ""])


def response(rng: random.Random, stem: str, date: str) -> str:
    lines = [
        "# Local Response: done",
        "",
        f"**Date**: {date}",
        "**From**: llama-3-8b-local",
        "",
        "## Reference to Original Handoff",
        f"[{stem}.md](../archive/{stem}.md)",
        "",
    ]
    for section in ("Constraints Met", "Work Performed", "Deliverables Location", "Recommendations"):
        lines += [f"## {section}", prose(rng, rng.randint(1, 5)), ""]
    return "\n".join(lines)


def real_module():
    """bench/generate_real.py, loaded from beside this file (bench/ is no package)."""
    name = "handoff_lint_bench_generate_real"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().with_name("generate_real.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # NamedTuples look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handoffs", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--style",
        choices=("synthetic", "real"),
        default="synthetic",
        help="synthetic sentences (default) or real-style writing (bench/generate_real.py)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="--style real: also take writing from the markdown under DIR (repeatable)",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="read the folder back: lines, share of lines a credential gate picks, seeded documents",
    )
    parser.add_argument(
        "--measure",
        type=Path,
        metavar="DIR",
        help="write nothing: print as JSON the lines of DIR's markdown and how many a credential gate picks",
    )
    args = parser.parse_args(argv)
    if args.measure is not None:
        if not args.measure.is_dir():
            parser.error(f"--measure {args.measure}: not a folder")
        print(json.dumps(real_module().measure(args.measure)))
        return 0
    if args.out is None:
        parser.error("--out is required (or --measure DIR)")
    if args.source and args.style != "real":
        parser.error("--source goes with --style real")
    for folder in args.source:
        if not folder.is_dir():
            parser.error(f"--source {folder}: not a folder")
    if args.style == "real":
        written = real_module().write_folder(args.handoffs, args.out, args.seed, args.source)
        print(f"wrote {written.files} files under {written.root}")
        seeded = written.seeded
    else:
        seeded = {}
        synthetic(args)
    if args.stats:
        stats = real_module().measure(args.out)
        print(f"lines: {stats['lines']}, picked by a credential gate: {stats['gated']} ({100 * stats['share']:.2f}%)")
        kinds = sorted(set(seeded.values()))
        print(
            f"seeded: {len(seeded)} documents"
            + "".join(f"; {sum(v == kind for v in seeded.values())} with a {kind}" for kind in kinds)
        )
        for where, kind in sorted(seeded.items()):
            print(f"  {kind}: {where}")
    return 0


def synthetic(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    root = args.out / "models" / "next-local"
    for name in ("active", "archive", "responses"):
        (root / name).mkdir(parents=True, exist_ok=True)
    template = Path(__file__).resolve().parents[1] / "examples" / "next-local" / "handoff-template.md"
    (root / "handoff-template.md").write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    start = datetime.date(2024, 1, 1)
    files = 1
    for index in range(args.handoffs):
        date = start + datetime.timedelta(days=index % 900)
        slug = "-".join(rng.sample(WORDS, 3)) + f"-{index}"
        stem = f"handoff-{date}-{slug}"
        active = rng.random() < 0.3
        status = rng.choice(("Ready for local model pickup", "In progress")) if active else "Completed"
        folder = "active" if active else "archive"
        (root / folder / f"{stem}.md").write_text(
            handoff(rng, slug.replace("-", " "), str(date), status), encoding="utf-8"
        )
        files += 1
        if not active:
            answered = date + datetime.timedelta(days=1)
            (root / "responses" / f"{answered}-response-to-{stem}.md").write_text(
                response(rng, stem, str(answered)), encoding="utf-8"
            )
            files += 1
    print(f"wrote {files} files under {root}")


if __name__ == "__main__":
    raise SystemExit(main())
