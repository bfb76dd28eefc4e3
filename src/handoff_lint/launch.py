"""The ``handoff-lint`` command: a check whose record still holds is replayed (see replay.py)
before click or anything else is imported; every other run goes to the CLI."""

from __future__ import annotations

import os
import sys


def run() -> int:
    """The command's exit code, after its output is written."""
    args = sys.argv[1:]
    from handoff_lint import replay

    own_key = replay.key(args)
    code = replay.replayed(args, own_key)
    if code is not None:
        return code
    from handoff_lint.cli import main as run_cli

    return run_cli(args, replay_key=own_key)


def main() -> None:
    """The console script (and ``python -m handoff_lint``): run, then end the process.

    Like mypy's fast exit, the process ends without tearing the interpreter down once its output
    is flushed: freeing every object and module took 30 ms of a 0.2 s commit's run. Python exits
    the usual way when anything is left for that exit to do: a flush that fails (a closed pipe;
    Python reports it as before), a function registered with atexit (a parallel run's pool and
    logging register theirs), or a thread still running."""
    code = run()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        sys.exit(code)
    import atexit

    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    if getattr(atexit, "_ncallbacks", lambda: 1)() or (threading is not None and threading.active_count() > 1):
        sys.exit(code)
    os._exit(code)
