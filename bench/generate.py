"""Generate a realistic next-local folder for benchmarks.

    python bench/generate.py --handoffs 1000 --out /tmp/bench-folder

Writes OUT/models/next-local/ with a template, ~30% of the handoffs in active/, the rest in
archive/ with a response each. Deterministic for a seed; prose varies so files differ.
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

WORDS = ("build logs error patterns tickets export changelog assets review notes metrics "
         "tests flakes schema migration csv report summary pipeline cache index batch").split()
SENTENCES = (
    "The nightly job produced {n} files that nobody has read yet.",
    "Each input is between {n} and {m} lines long and mixes several formats.",
    "A first pass with regular expressions found {n} candidate lines.",
    "The work is mechanical, so a {m}B local model is enough.",
    "Results must stay on this machine until they are reviewed.",
    "Group the {n} records by cause and count how often each appears.",
)
SECTIONS = ("Context Summary", "Task Description", "Resource/Privacy Requirements",
            "Current State/Progress", "Expected Deliverables", "Local Model Preferences", "References/Links")


def prose(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SENTENCES).format(n=rng.randint(10, 5000), m=rng.choice((7, 13))) for _ in range(count))


def handoff(rng: random.Random, title: str, date: str, status: str) -> str:
    lines = [f"# Local Handoff: {title}", "", f"**Date**: {date}", "**From**: claude-code",
             "**To**: next-local (any available local model)", f"**Priority**: {rng.choice(('HIGH', 'MEDIUM', 'LOW'))}",
             f"**Constraints**: {'/'.join(rng.sample(('Resource', 'Privacy', 'Time'), rng.randint(1, 3)))}", "", "---", ""]
    for section in SECTIONS:
        lines += [f"## {section}", prose(rng, rng.randint(2, 8)), ""]
    return "\n".join(lines + ["---", "", f"**Handoff Status**: {status}", ""])


def response(rng: random.Random, stem: str, date: str) -> str:
    lines = ["# Local Response: done", "", f"**Date**: {date}", "**From**: llama-3-8b-local", "",
             "## Reference to Original Handoff", f"[{stem}.md](../archive/{stem}.md)", ""]
    for section in ("Constraints Met", "Work Performed", "Deliverables Location", "Recommendations"):
        lines += [f"## {section}", prose(rng, rng.randint(1, 5)), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handoffs", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
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
        (root / folder / f"{stem}.md").write_text(handoff(rng, slug.replace("-", " "), str(date), status), encoding="utf-8")
        files += 1
        if not active:
            answered = date + datetime.timedelta(days=1)
            (root / "responses" / f"{answered}-response-to-{stem}.md").write_text(response(rng, stem, str(answered)), encoding="utf-8")
            files += 1
    print(f"wrote {files} files under {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
