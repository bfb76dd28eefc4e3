"""Worker processes for large runs: the per-file checks of many files, spread over the cores.

Small runs (a pre-commit hook's handful of files) and runs answered mostly by the cache stay in
one process: starting workers costs more than it saves there. Results come back in the order the
files were given, so the output does not depend on scheduling.
"""

from __future__ import annotations

import importlib
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


def _init(config, module_names: list[str], view) -> None:
    from handoff_lint.cache import Cache

    _STATE["config"] = config
    _STATE["modules"] = [importlib.import_module(name) for name in module_names]
    _STATE["cache"] = Cache.from_view(view) if view is not None else None


def _check_chunk(files) -> tuple[list, object]:
    from handoff_lint.engine import check_file

    config, modules, cache = _STATE["config"], _STATE["modules"], _STATE["cache"]
    results = []
    for file in files:
        seen: dict = {}
        findings, errors = check_file(file, config, modules, None, cache, seen)
        results.append((findings, errors, seen))
    return results, (cache.take_fresh() if cache is not None else None)


def check_files(files, config, modules, cache, workers: int) -> list:
    """``(findings, errors, seen)`` per file, in order, computed by ``workers`` processes; what
    they add to the cache is merged into ``cache``."""
    import multiprocessing  # not at the top: a large warm run asks workers_for() and needs no workers
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = max(1, -(-len(files) // (workers * CHUNKS_PER_WORKER)))
    chunks = [files[start:start + size] for start in range(0, len(files), size)]
    view = cache.view() if cache is not None else None
    results: list = []
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(config, [m.__name__ for m in modules], view)) as pool:
        for part, fresh in pool.map(_check_chunk, chunks):
            results.extend(part)
            if cache is not None:
                cache.merge(fresh)
    return results
