"""Worker processes for large runs: the document checks of many texts, spread over the cores.

Only texts the cache could not answer come here, as plain data (the file's description, its
text, the secret values the run's scan found in its name), and
:class:`~handoff_lint.engine.check.Checked` tuples of plain data go back: nothing that cannot
be pickled crosses. Results come back in the order the texts were given, so the
output does not depend on scheduling.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from handoff_lint.engine.check import check_text
from handoff_lint.engine.checkset import CheckSet

CHUNKS_PER_WORKER = 4
# Each worker process's own copy of the run's configuration and checks, set once by the pool's
# initializer (ProcessPoolExecutor's idiom for per-worker state): handed to every chunk instead,
# the configuration would be pickled once per chunk. Written only inside a worker process, never
# in the process that runs the command.
_STATE: dict = {}


def workers_for(texts: int, jobs: int) -> int:
    """How many processes to use: ``jobs`` if set, else one per core this process may run on
    (at most 8, at most one per text), as ruff and gitleaks do. The load average is no guide: it
    counts the runs just before this one (a benchmark's previous tool, the hook's previous run)
    for a minute after they end, and choosing one worker by it made a cold run of the 2,000-handoff
    real-style folder 8.0 s instead of 4.5 s on an idle 2-core machine."""
    if jobs:
        return max(1, jobs)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity (macOS, Windows): every core
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8, texts))


def _init(config, names: list) -> None:
    _STATE["config"], _STATE["checks"] = config, CheckSet(names)


def _check_chunk(texts) -> list:
    return [check_text(file, text, _STATE["config"], _STATE["checks"], None, names) for file, text, names in texts]


def check_texts(texts, config, checks, workers: int) -> list:
    """``check_text`` of each ``(file, text, name secrets)``, in order, computed by ``workers`` processes."""
    # One text of each kind is checked here first: the imports, compiled validators and patterns
    # that costs are then made once, and forked workers inherit them.
    first: dict[str, int] = {}
    for position, (file, _text, _names) in enumerate(texts):
        first.setdefault(file.kind, position)
    done = {
        position: check_text(*texts[position][:2], config, checks, None, texts[position][2])
        for position in first.values()
    }
    rest = [item for position, item in enumerate(texts) if position not in done]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = max(1, -(-len(rest) // (workers * CHUNKS_PER_WORKER)))
    chunks = [rest[start : start + size] for start in range(0, len(rest), size)]
    checked_rest: list = []
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(config, checks.chosen)) as pool:
        for part in pool.map(_check_chunk, chunks):
            checked_rest.extend(part)
    others = iter(checked_rest)
    return [done[position] if position in done else next(others) for position in range(len(texts))]
