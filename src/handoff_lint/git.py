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

        raise GitError(shown(f"git {command_name(args)} failed: {message[0] if message else done.returncode}", 1000))
    return done.stdout


def command_name(args: list[str]) -> str:
    """The git command ``args`` run (``log``), past global options and each ``-c``'s value."""
    words = iter(args)
    for word in words:
        if word == "-c":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return args[0] if args else ""


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding ``path`` (a folder), or None."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], path).decode().strip())
    except GitError:
        return None


class Stream:
    """``git ARGS`` running, its standard output read as it comes (``history`` reads a whole
    ``git log -p`` so, never holding it all); :meth:`close` waits and raises GitError as
    :func:`git` does. Standard error goes to a temporary file: a pipe left unread could fill and
    stop git."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        import tempfile

        self.command = command_name(args)
        self._errors = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(["git", *NO_FSMONITOR, *NO_HOOKS, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=self._errors)
        except FileNotFoundError:
            self._errors.close()
            raise GitError("git is not on PATH") from None
        self.stdout = self.process.stdout

    def close(self) -> None:
        self.stdout.close()
        code = self.process.wait()
        self._errors.seek(0)
        message = self._errors.read(4096).decode("utf-8", "replace").strip().splitlines()
        self._errors.close()
        if code not in (0, -13):  # -13: SIGPIPE, when the reader stopped early on purpose
            from handoff_lint.show import shown

            raise GitError(shown(f"git {self.command} failed: {message[0] if message else code}", 1000))
