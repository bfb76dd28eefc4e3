"""The one way handoff-lint runs git (``--staged``, ``install-hook``, ``git mv`` in fixes)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(RuntimeError):
    pass


def git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run ``git ARGS`` in ``cwd`` and return its standard output; GitError with git's first line."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not on PATH") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[0] if message else done.returncode}")
    return done.stdout


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding ``path`` (a folder), or None."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], path).decode().strip())
    except GitError:
        return None
