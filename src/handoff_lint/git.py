"""The one way handoff-lint runs git (``--staged``, ``install-hook``, ``git mv`` in fixes, the
repository's top for the Touch seam).

Our own calls never run a program the repository's configuration names: the file-system monitor
(``core.fsmonitor``, a command run on ``ls-files``, ``mv``, ``diff``) is off and hooks point
nowhere. Callers run git in the repository the user is in, not in one a handoff folder holds.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")

NO_FSMONITOR = ("-c", "core.fsmonitor=false")
NO_HOOKS = ("-c", f"core.hooksPath={os.devnull}")


class GitError(RuntimeError):
    pass


def git(args: list[str], cwd: Path, stdin: bytes | None = None, hooks: bool = False) -> bytes:
    """Run ``git ARGS`` in ``cwd`` and return its standard output; GitError with git's first line
    (escaped: git quotes names from the repository). ``hooks``: keep the repository's hooks path
    (only ``install-hook`` asks where hooks live)."""
    try:
        done = subprocess.run(
            ["git", *NO_FSMONITOR, *(() if hooks else NO_HOOKS), *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not on PATH") from None
    if done.returncode != 0:
        raise GitError(_failed(args, done.stderr, done.returncode))
    return done.stdout


def git_reading(args: list[str], cwd: Path, stdin: bytes, read: Callable[[IO[bytes]], T]) -> T:
    """Run ``git ARGS`` in ``cwd`` with ``stdin`` fed to it, and return ``read(its standard
    output)``, read as it comes: a large output is never held whole (``cat-file --batch``).
    GitError as :func:`git`."""
    import tempfile
    import threading

    with tempfile.TemporaryFile() as errors:  # a file: git's messages can never fill a pipe nobody reads
        try:
            process = subprocess.Popen(
                ["git", *NO_FSMONITOR, *NO_HOOKS, *args],
                cwd=cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except FileNotFoundError:
            raise GitError("git is not on PATH") from None

        def feed() -> None:
            try:
                process.stdin.write(stdin)
                process.stdin.close()
            except OSError:  # git stopped reading: its exit status says why
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        try:
            result = read(process.stdout)
        finally:
            process.stdout.close()
            writer.join()
            code = process.wait()
        if code != 0:
            errors.seek(0)
            raise GitError(_failed(args, errors.read(), code))
    return result


def _failed(args: list[str], stderr: bytes, code: int) -> str:
    # lazy: show imports the detector (~45 ms); only when git fails
    from handoff_lint.show import shown

    message = stderr.decode("utf-8", "replace").strip().splitlines()
    return shown(f"git {command_name(args)} failed: {message[0] if message else code}", 1000)


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


def read_blobs(blobs: list[str], cwd: Path, max_bytes: int) -> dict[str, bytes | int | None]:
    """Blob id -> its content; or its size (an int) for a blob over ``max_bytes``, passed over in
    chunks as it streams by and never held; or None for a blob the repository lacks (a shallow
    clone). One ``git cat-file --batch`` process, read as it comes: one copy of each blob."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}

    def read(stream) -> dict[str, bytes | int | None]:
        found: dict[str, bytes | int | None] = {}
        for blob in wanted:
            header = stream.readline().split()
            if len(header) != 3:  # "<id> missing"
                found[blob] = None
                continue
            size = int(header[2])
            if size <= max_bytes:
                found[blob] = stream.read(size)
            else:
                left = size
                while left > 0:
                    chunk = stream.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    left -= len(chunk)
                found[blob] = size
            stream.read(1)  # content is followed by a newline
        return found

    return git_reading(["cat-file", "--batch"], cwd, "".join(b + "\n" for b in wanted).encode(), read)
