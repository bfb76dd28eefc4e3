"""Precision and recall per family on the labelled corpus, handoff-lint beside detect-secrets.

    python bench/corpus_eval.py [tests/data/corpus.tsv]

Each corpus line is checked on its own. handoff-lint predicts a family when it reports a rule of
that family on the line; detect-secrets (all its default plugins, as `detect-secrets scan` runs
them) predicts "credential" when it reports anything.
"""

from __future__ import annotations

import sys
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


def handoff_lint_families(text: str) -> set[str]:
    from handoff_lint.checks import credentials, privacy
    from handoff_lint.data.config import Config
    from handoff_lint.engine.discover import UNCLASSIFIED, SourceFile
    from handoff_lint.engine.source import Source

    source = Source(SourceFile(Path("corpus.md"), "corpus.md", UNCLASSIFIED, None), text + "\n")
    findings = privacy.check(source, Config()) + credentials.check(source, Config())
    return {finding.code[:3] for finding in findings}


def detect_secrets_hits(rows: list[tuple[str, str]]) -> list[bool]:
    """Scan the corpus as one markdown file, as `detect-secrets scan` would, and map hits to lines."""
    import tempfile

    from detect_secrets.core.scan import scan_file
    from detect_secrets.settings import default_settings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.md"
        path.write_text("".join(text + "\n" for _label, text in rows), encoding="utf-8")
        with default_settings():
            lines = {secret.line_number for secret in scan_file(str(path))}
    return [number in lines for number in range(1, len(rows) + 1)]


def score(labels: list[str], predicted: list[bool], family: str) -> tuple[float, float]:
    true_pos = sum(p and l == family for l, p in zip(labels, predicted))
    false_pos = sum(p and l != family for l, p in zip(labels, predicted))
    positives = sum(l == family for l in labels)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / positives if positives else 1.0
    return precision, recall


def evaluate(path: Path = CORPUS) -> dict:
    rows = load(path)
    labels = [label for label, _ in rows]
    ours = [handoff_lint_families(text) for _, text in rows]
    theirs = detect_secrets_hits(rows)
    result = {"lines": len(rows), "counts": {f: labels.count(f) for f in (*FAMILIES, "clean")}}
    for family in FAMILIES:
        result[f"handoff-lint {family}"] = score(labels, [family in found for found in ours], family)
        result[f"detect-secrets as {family}"] = score(labels, theirs, family)
    result["misses"] = [(l, t, sorted(found)) for (l, t), found in zip(rows, ours) if found != ({l} - {"clean"})]
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    result = evaluate(Path(argv[0]) if argv else CORPUS)
    print(f"corpus: {result['lines']} lines {result['counts']}")
    print(f"{'tool / family':<28}{'precision':>10}{'recall':>8}")
    for key, value in result.items():
        if isinstance(value, tuple):
            print(f"{key:<28}{value[0]:>10.2f}{value[1]:>8.2f}")
    for label, text, found in result["misses"]:
        print(f"handoff-lint differs on [{label}] -> {found}: {text[:14]}…")  # never print a whole secret
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
