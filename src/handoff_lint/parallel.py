"""Worker processes for large runs: the per-file checks of many files, spread over the cores.

Small runs (a pre-commit hook's handful of files) and runs answered mostly by the cache stay in
one process: starting workers costs more than it saves there. Results come back in the order the
files were given, so the output does not depend on scheduling.
"""

from __future__ import annotations

import os

CHUNKS_PER_WORKER = 4
_STATE: dict = {}


def workers_for(files: int, jobs: int, cache, minimum: int) -> int:
    """How many processes to use: ``jobs`` if set, else the cores for a large (``minimum`` files
    or more), mostly uncached run."""
    if jobs:
        return max(1, jobs)
    if files < minimum or (cache is not None and len(cache.results) >= files // 2):
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _init(config, checks, view, recording: bool) -> None:
    from handoff_lint import observed
    from handoff_lint.cache import Cache

    if recording:  # what the checks ask the disk goes back with the results (see observed)
        observed.record()
    _STATE["config"] = config
    _STATE["checks"] = checks
    _STATE["cache"] = Cache.from_view(view) if view is not None else None


def _check_chunk(files) -> tuple[list, object, dict | None]:
    from handoff_lint import observed
    from handoff_lint.engine import checked

    config, checks, cache = _STATE["config"], _STATE["checks"], _STATE["cache"]
    recording = observed.recording()
    results = [checked(file, config, checks, cache) for file in files]
    notes = observed.take() if recording else None
    if recording:
        observed.record()
    return results, (cache.take_fresh() if cache is not None else None), notes


def check_files(files, config, checks, cache, workers: int) -> list:
    """``(findings, errors, seen)`` per file, in order, computed by ``workers`` processes; what
    they add to the cache is merged into ``cache``."""
    import multiprocessing  # not at the top: a large warm run asks workers_for() and needs no workers
    from concurrent.futures import ProcessPoolExecutor

    from handoff_lint import observed
    from handoff_lint.engine import checked

    # This process checks one file of each kind first: the lazy imports, compiled validators and
    # patterns that costs are then made once, and forked workers inherit them.
    first = {}
    for position, file in enumerate(files):
        first.setdefault(file.kind, position)
    done = {position: checked(files[position], config, checks, cache) for position in first.values()}
    rest = [file for position, file in enumerate(files) if position not in done]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = max(1, -(-len(rest) // (workers * CHUNKS_PER_WORKER)))
    chunks = [rest[start:start + size] for start in range(0, len(rest), size)]
    view = cache.view() if cache is not None else None
    checked_rest: list = []
    recording = observed.recording()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(config, checks, view, recording)) as pool:
        for part, fresh, notes in pool.map(_check_chunk, chunks):
            checked_rest.extend(part)
            if cache is not None:
                cache.merge(fresh)
            if recording:
                observed.merge(notes)
    others = iter(checked_rest)
    return [done[position] if position in done else next(others) for position in range(len(files))]
