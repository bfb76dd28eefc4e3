"""The one way handoff-lint runs git (``--staged``, ``install-hook``, ``git mv`` in fixes).

Our own calls never run a program the repository's configuration names: the file-system monitor
(``core.fsmonitor``, a command run on ``ls-files``, ``mv``, ``diff``) is off and hooks point
nowhere. Callers run git in the repository the user is in, not in one a handoff folder holds.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

NO_FSMONITOR = ("-c", "core.fsmonitor=false")
NO_HOOKS = ("-c", f"core.hooksPath={os.devnull}")


class GitError(RuntimeError):
    pass


def git(args: list[str], cwd: Path, stdin: bytes | None = None, hooks: bool = False) -> bytes:
    """Run ``git ARGS`` in ``cwd`` and return its standard output; GitError with git's first line
    (escaped: git quotes names from the repository). ``hooks``: keep the repository's hooks path
    (only ``install-hook`` asks where hooks live)."""
    try:
        done = subprocess.run(["git", *NO_FSMONITOR, *(() if hooks else NO_HOOKS), *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not on PATH") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        from handoff_lint.show import shown

        raise GitError(shown(f"git {args[0]} failed: {message[0] if message else done.returncode}", 1000))
    return done.stdout


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding ``path`` (a folder), or None."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], path).decode().strip())
    except GitError:
        return None
