"""``handoff-lint install-hook``: write ``hooks/pre-commit`` (or, with ``--pre-push``,
``hooks/pre-push``) into this repository's git hooks.

The hook names the interpreter that runs this command, as the pre-commit framework does, so it
works from a commit made outside the virtualenv. An existing hook that is not ours is never
overwritten silently: without ``--force`` the command refuses; with it, the old hook is kept as
``pre-commit.legacy`` (``pre-push.legacy``).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from handoff_lint.data.resources import data_dir
from handoff_lint.git import GitError, git
from handoff_lint.touch import TouchError, write_text

HOOKS = ("pre-commit", "pre-push")


def marker(name: str) -> str:
    """The line that says a hook file is ours."""
    return f"handoff-lint: a plain git {name} hook"


class HookError(RuntimeError):
    pass


def hook_text(name: str = "pre-commit") -> str:
    template = (data_dir("hooks") / name).read_text(encoding="utf-8")
    return template.replace("INSTALL_PYTHON=python3\n", f"INSTALL_PYTHON={shlex.quote(sys.executable)}\n", 1)


def install(cwd: Path | None = None, force: bool = False, name: str = "pre-commit") -> Path:
    if name not in HOOKS:
        raise HookError(f"no such hook {name!r}")
    cwd = cwd or Path.cwd()
    try:
        hooks = Path(git(["rev-parse", "--git-path", "hooks"], cwd, hooks=True).decode().strip())
    except GitError as error:
        raise HookError(f"not inside a git repository ({error})") from None
    hooks = hooks if hooks.is_absolute() else cwd / hooks
    target = hooks / name
    if os.path.lexists(target):
        current = _head(target) if target.is_file() else ""
        if marker(name) not in current:
            if not force:
                raise HookError(
                    f"{target} exists and is not handoff-lint's; "
                    f"use --force to keep it as {name}.legacy and install ours"
                )
            legacy = hooks / f"{name}.legacy"
            if os.path.lexists(legacy):
                raise HookError(f"{legacy} already exists; move it away first")
            os.replace(target, legacy)  # a link is kept as the link it is
    hooks.mkdir(parents=True, exist_ok=True)
    try:  # atomic: a push never sees half a hook; a link (to our hook) is replaced, never written through
        write_text(target, hook_text(name), mode=0o755, replace_link=True)
    except TouchError as error:
        raise HookError(str(error)) from None
    except OSError as error:
        raise HookError(f"cannot write {target}: {error.strerror or error}") from None
    return target


def _head(path: Path, limit: int = 1 << 20) -> str:
    """The start of an existing hook (enough to find our marker), never the whole of a huge file."""
    with open(path, "rb") as handle:
        return handle.read(limit).decode("utf-8", "replace")
