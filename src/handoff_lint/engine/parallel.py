"""Worker processes for large runs: the document checks of many texts, spread over the cores.

Only texts the cache could not answer come here, as plain data (the file's description and its
text), and :class:`~handoff_lint.engine.check.Checked` tuples of plain data go back: nothing
that cannot be pickled crosses. Results come back in the order the texts were given, so the
output does not depend on scheduling.
"""

from __future__ import annotations

import os

CHUNKS_PER_WORKER = 4
_STATE: dict = {}


def workers_for(texts: int, jobs: int, load: float | None = None) -> int:
    """How many processes to use: ``jobs`` if set, else one per idle core (at most 8), idle being
    the cores the last minute's load average leaves free (``load``: that average, read here when
    None). A worker on a busy core only shares it: on the 2-core machine this was measured on,
    with a load of 4 from other work, two workers took 14.1 s to check the 2,000-handoff real-style
    folder's texts and spent 8.7 s of CPU where one process took 11.6 s for the whole run and 7.8 s."""
    if jobs:
        return max(1, jobs)
    cores = os.cpu_count() or 1
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # no load average (Windows): count every core idle
            load = 0.0
    return max(1, min(cores - int(load), 8, texts))


def _init(config, names: list) -> None:
    from handoff_lint.engine.checkset import CheckSet

    _STATE["config"], _STATE["checks"] = config, CheckSet(names)


def _check_chunk(texts) -> list:
    from handoff_lint.engine.check import check_text

    return [check_text(file, text, _STATE["config"], _STATE["checks"]) for file, text in texts]


def check_texts(texts, config, checks, workers: int) -> list:
    """``check_text`` of each ``(file, text)``, in order, computed by ``workers`` processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from handoff_lint.engine.check import check_text

    # One text of each kind is checked here first: the imports, compiled validators and patterns
    # that costs are then made once, and forked workers inherit them.
    first: dict[str, int] = {}
    for position, (file, _text) in enumerate(texts):
        first.setdefault(file.kind, position)
    done = {position: check_text(*texts[position], config, checks) for position in first.values()}
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
