"""Precision and recall per rule family on the hand-written fidelity corpus.

    python bench/fidelity_eval.py                 # the code in this checkout
    python bench/fidelity_eval.py --ref main      # the code of a git revision (before/after)
    python bench/fidelity_eval.py --json

The corpus is ``tests/data/fidelity/`` (two handoff folders, ``next-local/`` and ``next-larger/``,
one per protocol) and its labels ``tests/data/fidelity/labels.toml``: per document, the rule codes
a careful reader of the folder's protocol reports as errors (none for a clean document).
handoff-lint runs once over both folders, as a user runs it (``check --format json``, no cache, no
configuration, today pinned to the corpus's, the own-identifier rule off). Only errors count: a
warning never fails a document. Per family, a labelled code reported in its document is a true
positive (at the severity the policy gives it: HL407, archived work without a response, is a
warning), a labelled code not reported is a miss, an error not labelled is a false positive. Each
protocol's documents are scored apart (a good score on one must not hide a bad one on the other).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from io import BytesIO
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
CORPUS = TOP / "tests" / "data" / "fidelity"
TODAY = "2026-11-24"
FAMILIES = ("HL0", "HL1", "HL2", "HL3", "HL4", "HL5", "HL9")
PROTOCOLS = ("next-local", "next-larger")  # the corpus's folders, one per protocol


def labels(corpus: Path = CORPUS) -> dict[str, set[str]]:
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    table = tomllib.loads((corpus / "labels.toml").read_text(encoding="utf-8"))
    return {name: set(entry["defects"]) for name, entry in table["documents"].items()}


def run(src: Path | None = None, corpus: Path = CORPUS, extra: tuple[str, ...] = ()) -> list[dict]:
    """handoff-lint's findings (JSON) on the corpus, with the package in ``src`` if given."""
    env = dict(os.environ, HANDOFF_LINT_TODAY=TODAY, HANDOFF_LINT_OWN_IDENTIFIERS="", PYTHONDONTWRITEBYTECODE="1")
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as cache:
        env["HANDOFF_LINT_CACHE_DIR"] = cache
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "handoff_lint",
                "check",
                "--format",
                "json",
                "--no-cache",
                "--isolated",
                "--exit-zero",
                *extra,
                *PROTOCOLS,
            ],
            cwd=corpus,
            env=env,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        raise SystemExit(f"handoff-lint failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout)


def score(findings: list[dict], expected: dict[str, set[str]]) -> dict:
    """Per family: true positives, false positives, misses; and the clean documents with errors."""
    errors: dict[str, set[str]] = {}
    reported: dict[str, set[str]] = {}  # any severity: a defect the policy makes a warning is found by one
    warnings = Counter()
    for finding in findings:
        reported.setdefault(finding["path"], set()).add(finding["code"])
        if finding["severity"] == "error":
            errors.setdefault(finding["path"], set()).add(finding["code"])
        else:
            warnings[finding["code"]] += 1
    families = {family: Counter() for family in FAMILIES}
    details = {"false_positives": [], "misses": []}
    for path in sorted(set(expected) | set(errors)):
        wanted, got, seen = expected.get(path, set()), errors.get(path, set()), reported.get(path, set())
        for code in wanted & seen:
            families[code[:3]]["tp"] += 1
        for code in sorted(got - wanted):
            families[code[:3]]["fp"] += 1
            details["false_positives"].append((path, code))
        for code in sorted(wanted - seen):
            families[code[:3]]["fn"] += 1
            details["misses"].append((path, code))
    clean = [path for path, wanted in expected.items() if not wanted]
    dirty = sorted(path for path in clean if errors.get(path))
    return {
        "documents": len(expected),
        "clean": len(clean),
        "clean_with_errors": dirty,
        "defects": sum(len(w) for w in expected.values()),
        "families": {family: dict(counts) for family, counts in families.items() if counts},
        "warnings": dict(sorted(warnings.items())),
        **details,
    }


def by_protocol(findings: list[dict], expected: dict[str, set[str]]) -> dict[str, dict]:
    """:func:`score` of each protocol's folder on its own."""
    return {
        protocol: score(
            [f for f in findings if f["path"].startswith(protocol + "/")],
            {path: codes for path, codes in expected.items() if path.startswith(protocol + "/")},
        )
        for protocol in PROTOCOLS
    }


def checkout(ref: str, into: Path) -> Path:
    """The package, rules and schemas of git revision ``ref``, unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "src", "rules", "schemas"], cwd=TOP, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into)
    return into / "src"


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "  - "


def report(result: dict, title: str) -> str:
    lines = [
        f"== {title}",
        f"documents {result['documents']} (clean {result['clean']}, labelled defects {result['defects']})",
        f"clean documents with an error: {len(result['clean_with_errors'])} of {result['clean']}",
        f"{'family':<7}{'tp':>4}{'fp':>4}{'fn':>4}  precision  recall",
    ]
    for family, counts in result["families"].items():
        tp, fp, fn = counts.get("tp", 0), counts.get("fp", 0), counts.get("fn", 0)
        lines.append(f"{family + 'xx':<7}{tp:>4}{fp:>4}{fn:>4}  {_ratio(tp, tp + fp):>9}  {_ratio(tp, tp + fn):>6}")
    tp = sum(c.get("tp", 0) for c in result["families"].values())
    fp = sum(c.get("fp", 0) for c in result["families"].values())
    fn = sum(c.get("fn", 0) for c in result["families"].values())
    lines.append(f"{'all':<7}{tp:>4}{fp:>4}{fn:>4}  {_ratio(tp, tp + fp):>9}  {_ratio(tp, tp + fn):>6}")
    if result["warnings"]:
        lines.append("warnings: " + ", ".join(f"{code} x{count}" for code, count in result["warnings"].items()))
    for path, code in result["false_positives"]:
        lines.append(f"  error on what the labels call clean: {path} {code}")
    for path, code in result["misses"]:
        lines.append(f"  labelled defect not reported: {path} {code}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ref", action="append", default=[], help="also score this git revision's code (repeatable), e.g. main"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    expected = labels()
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for ref in args.ref:
            results[ref] = by_protocol(run(checkout(ref, Path(scratch) / ref.replace("/", "_"))), expected)
    results["this checkout"] = by_protocol(run(), expected)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(
            "\n\n".join(
                report(result, f"{title}: {protocol}")
                for title, scores in results.items()
                for protocol, result in scores.items()
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
