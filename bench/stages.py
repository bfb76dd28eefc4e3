"""Time each stage of the document checks over a folder, in-process, without a profiler (whose
overhead hides where the time goes in many small calls).

    python bench/stages.py FOLDER [--rounds N] [--scan]

Every text of FOLDER is read once; then each stage runs over all texts in turn, on fresh
``Source`` objects so that no stage is served by another's cached result, and prints the CPU
seconds of this process it took (``time.process_time``: steadier than wall time on a shared
machine), the median of ``--rounds`` (default 3). ``--scan``: the credential scan's stages
only. The stages, in the order a check asks for them:

    lines              the text split into lines
    hits               the one credential scan (detect/scan.py ``hits_by_line``), then its parts:
      gates            which lines may hold a credential (detect/gates.py)
      own patterns     our own detectors over the picked lines (detect/patterns.py)
      detect-secrets   its plugins over the same lines (detect/peer.py)
      tables, decoded  secret-header tables; rendered lines and base64 blobs (detect/scan.py)
    names              the run's one scan of every file name (engine/pipeline.py)
    known              the text's secret values and its file name's (model/source.py)
    parse              the markdown document (parse/markdown.py)
    line scanner       title, fields and links (parse/scanner.py)
    <check module>     each selected document check (checks/)
    check_text         all of it, as a run checks one text (engine/check.py)

One process, one core: compare stage times taken back-to-back in the same session, and quote
ratios rather than absolute seconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from handoff_lint.checks import DOCUMENT_CHECKS, credentials
from handoff_lint.data.config import load_config
from handoff_lint.detect import gates, patterns, peer, scan
from handoff_lint.detect.scan import spans_of, values_at
from handoff_lint.engine.check import check_text
from handoff_lint.engine.checkset import CheckSet
from handoff_lint.engine.discover import discover
from handoff_lint.model.kinds import SKIPPED
from handoff_lint.model.source import Source
from handoff_lint.reading import read_text
from handoff_lint.touch import Access


def _time(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scan", action="store_true", help="the credential scan's stages only")
    args = parser.parse_args()
    config = load_config(args.folder)
    config.access = access = Access.of([args.folder])  # as `check FOLDER` names it
    files, _missing = discover([args.folder], access=access)
    texts = []
    for file in files:
        if file.kind != SKIPPED:
            text, _problem = read_text(file.path, file.display, config.max_file_size, file.root, access)
            if text is not None:
                texts.append((file, text))
    checks = CheckSet.selected(lambda _family: True, DOCUMENT_CHECKS)
    check_text(*texts[0], config, checks)  # imports and compiled patterns, outside the timings

    displays = [file.display for file, _text in texts]

    def scan_names() -> dict[str, tuple]:  # as engine/pipeline.py does, once per run
        found = credentials.file_name_hits(displays)
        return {displays[index]: tuple(values_at(displays, spans_of([(index, hits)]))) for index, hits in found}

    names = scan_names()

    def fresh() -> list[Source]:  # lines split already: each stage then times itself alone
        sources = [Source(file, text, name_secrets=names.get(file.display, ())) for file, text in texts]
        for source in sources:
            _ = source.lines
        return sources

    def stage(name: str, run: Callable[[list[Source]], object], prepare: Callable[[list[Source]], object] = None):
        def once() -> float:
            sources = fresh()
            if prepare is not None:
                prepare(sources)
            start = time.process_time()
            run(sources)
            return time.process_time() - start

        seconds = statistics.median(once() for _ in range(args.rounds))
        print(f"{name:32s} {seconds:7.3f}")

    # the credential scan's parts, on the lines the gates pick (as hits_by_line runs them)
    sources = fresh()
    gated = [gates.gated_lines(s.text, s.lines) for s in sources]
    picked = [[s.lines[i] for i in sorted(c) if i < len(s.lines)] for s, (c, _run) in zip(sources, gated, strict=True)]
    print(f"{len(texts)} texts, {sum(map(len, picked))} of {sum(len(s.lines) for s in sources)} lines gated")
    stage("lines", lambda ss: [Source(s.file, s.text).lines for s in ss])
    stage("hits", lambda ss: [s.hits for s in ss])
    parts = {
        "  gates": lambda: [gates.gated_lines(s.text, s.lines) for s in sources],
        "  own patterns": lambda: [[patterns.own_hits(line) for line in lines] for lines in picked],
        "  detect-secrets": lambda: [peer.detect_secrets_hits(lines) for lines in picked if lines],
        "  tables": lambda: [scan.table_hits(s.lines, sorted(g[0])) for s, g in zip(sources, gated, strict=True)],
        "  decoded": lambda: [scan.decoded_hits(s.lines, s.text, g[1]) for s, g in zip(sources, gated, strict=True)],
    }
    for name, run in parts.items():
        print(f"{name:32s} {_time(args.rounds, run):7.3f}")
    print(f"{'names':32s} {_time(args.rounds, scan_names):7.3f}")
    stage("known (after hits)", lambda ss: [s.known for s in ss], lambda ss: [s.hits for s in ss])
    if args.scan:
        return
    stage("parse", lambda ss: [s.document for s in ss])
    stage("line scanner (after known)", lambda ss: [s.scan for s in ss], lambda ss: [s.known for s in ss])
    for module in checks.content() + checks.disk():

        def run(ss, module=module):  # as engine/check.py picks the texts a check reads
            applies = getattr(module, "applies", None)
            return [
                module.check(s, config)
                for s in ss
                if (module.KINDS is None or s.kind in module.KINDS) and (applies is None or applies(s, config))
            ]

        # each check after the scans it reads, so that its own time is what it adds
        stage(module.__name__.rsplit(".", 1)[-1], run, lambda ss: [(s.known, s.scan, s.document) for s in ss])
    print(
        f"{'check_text':32s} {_time(args.rounds, lambda: [check_text(f, t, config, checks, None, names.get(f.display, ())) for f, t in texts]):7.3f}"
    )


if __name__ == "__main__":
    main()
