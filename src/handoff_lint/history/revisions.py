"""The commits to read, as revisions for the log: a range the user names (``--range``), or the
commits a ``git push`` is about to publish (``--pre-push``).

A range is resolved by ``git rev-parse RANGE --`` into commit ids (``B``, ``^A``), so nothing
the user typed reaches ``git log`` as an option.

git runs a pre-push hook with the remote's name and URL as arguments and one line per ref on
standard input: ``<local ref> <local sha> <remote ref> <remote sha>``. A deleted ref (local sha
all zeros) publishes nothing. Otherwise the push publishes the commits of the local sha that the
remote's old sha (when this clone has it) and the refs of that remote do not reach: for a new
branch ``git rev-list <local sha> --not --remotes=<remote>``, as the pre-commit framework
reckons it. Only the named remote counts: a commit already on a private remote is still new to
a public one (pushed to a URL, every commit the old sha does not reach counts). The pre-commit
framework reads those lines itself and hands its hooks ``PRE_COMMIT_FROM_REF`` and
``PRE_COMMIT_TO_REF`` (or, for a branch whose whole history is new, only
``PRE_COMMIT_LOCAL_BRANCH`` and ``PRE_COMMIT_REMOTE_NAME``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from handoff_lint.git import GitError, git

_SHA = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")


class Revisions(NamedTuple):
    revisions: list[str]  # for git log: commit ids, ^ids, and maybe --not --remotes=NAME
    tips: list[str]  # the commits whose trees are "now" (what a finding was removed from, or not)


class RevisionError(ValueError):
    pass


def from_range(text: str, cwd: Path) -> Revisions:
    """``A..B``, ``A...B``, ``B``, ``B~5..``: RevisionError naming it if git knows no such range."""
    if not text.strip() or text.startswith("-") or "\n" in text:
        raise RevisionError(f"bad range {text!r}")
    try:
        out = git(["rev-parse", text, "--"], cwd).decode("ascii", "replace").split()
    except GitError as error:
        raise RevisionError(f"bad range {text!r} ({error})") from None
    ids = [line for line in out if line != "--"]
    if not ids or not all(_SHA.match(line.lstrip("^")) for line in ids):
        raise RevisionError(f"bad range {text!r}")
    return Revisions(ids, [line for line in ids if not line.startswith("^")])


def _remotes(cwd: Path) -> set[str]:
    return set(git(["remote"], cwd).decode("utf-8", "replace").split())


def _known(shas: list[str], cwd: Path) -> set[str]:
    """Those of ``shas`` that name a commit this clone has."""
    if not shas:
        return set()
    out = git(["cat-file", "--batch-check"], cwd, stdin="".join(f"{sha}^{{commit}}\n" for sha in shas).encode())
    lines = out.decode("ascii", "replace").splitlines()
    return {sha for sha, line in zip(shas, lines, strict=False) if not line.endswith(" missing")}


def from_hook_input(text: str, remote: str | None, cwd: Path) -> Revisions:
    """The push git describes on a pre-push hook's standard input; ``remote``: its first argument."""
    locals_, updates = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split()
        if len(fields) != 4 or not (_SHA.match(fields[1]) and _SHA.match(fields[3])):
            expected = "<local ref> <local sha> <remote ref> <remote sha>"
            raise RevisionError(f"pre-push input line {number} is not '{expected}'")
        local, remote_sha = fields[1], fields[3]
        if not local.strip("0"):
            continue  # a deletion publishes nothing
        locals_.append(local)
        if remote_sha.strip("0"):
            updates.append(remote_sha)
    if not locals_:
        return Revisions([], [])
    # the remote's old shas this clone has, and every ref of that remote: what it already holds
    revisions = [*dict.fromkeys(locals_), *(f"^{sha}" for sha in sorted(_known(updates, cwd)))]
    if remote and remote in _remotes(cwd):
        revisions += ["--not", f"--remotes={remote}"]
    return Revisions(revisions, list(dict.fromkeys(locals_)))


def from_pre_commit(environ: Mapping[str, str], cwd: Path) -> Revisions | None:
    """The push the pre-commit framework describes in its hook's environment, or None if it
    describes none (the hook was not run by ``git push``)."""
    to_ref, from_ref = environ.get("PRE_COMMIT_TO_REF"), environ.get("PRE_COMMIT_FROM_REF")
    remote = environ.get("PRE_COMMIT_REMOTE_NAME")
    if to_ref and from_ref:
        tip, base = _commit(to_ref, cwd), _commit(from_ref, cwd)
        revisions = [tip, f"^{base}"]
    elif environ.get("PRE_COMMIT_LOCAL_BRANCH") and remote:
        tip = _commit(environ["PRE_COMMIT_LOCAL_BRANCH"], cwd)
        revisions = [tip]
    else:
        return None
    if remote and remote in _remotes(cwd):
        revisions += ["--not", f"--remotes={remote}"]
    return Revisions(revisions, [tip])


def _commit(name: str, cwd: Path) -> str:
    """The commit ``name`` (a sha or a ref the framework passed) names."""
    if name.startswith("-"):
        raise RevisionError(f"not a commit: {name!r}")
    try:
        return git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], cwd).decode().strip()
    except GitError:
        raise RevisionError(f"not a commit: {name!r}") from None
