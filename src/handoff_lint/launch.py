"""The ``handoff-lint`` command: a check whose record still holds is replayed (see replay.py)
before click or anything else is imported; every other run goes to the CLI."""

from __future__ import annotations

import sys


def main() -> int:
    args = sys.argv[1:]
    from handoff_lint import replay

    own_key = replay.key(args)
    code = replay.replayed(args, own_key)
    if code is not None:
        return code
    from handoff_lint.cli import main as run

    return run(args, replay_key=own_key)
