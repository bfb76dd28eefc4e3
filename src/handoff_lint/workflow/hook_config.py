"""``init`` for another handoff root in a repository already set up: the configuration is
extended, never duplicated. The ``files:`` of the ``handoff-lint`` hook and the ``exclude:`` of
the ``handoff-privacy`` hook in ``.pre-commit-config.yaml`` (as ``init``'s snippet wrote them,
``'^a/'`` or ``'^(a|b)/'``) grow to ``'^(a|b|new)/'``; a ``roots`` list in the settings file
(``[tool.handoff-lint]`` of ``pyproject.toml``, or ``.handoff-lint.toml``) gains the new root.

Each edit changes one value in place and is checked by reading the file back (YAML with PyYAML,
which pre-commit brings, when it is there; TOML with tomllib): everything else must read as
before. A file written otherwise (a pattern of the team's own, a link, a value over several
lines) is not touched: :class:`Change` then says what to paste. Files are written atomically
and never through a link (touch.write_text).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
HOOK_KEYS = (("handoff-lint", "files"), ("handoff-privacy", "exclude"))
OUR_PATTERN = re.compile(r"^\^(?:\((?P<several>[^()]+)\)|(?P<one>[^()|]+))/$")


@dataclass
class Change:
    file: str  # as shown, relative to the working folder
    changed: bool  # the file was written
    message: str  # what was changed, what already covered the root, or what to paste


def escaped(relative: str) -> str:
    """A repository-relative folder as a regular expression (``/`` kept readable)."""
    return re.escape(relative.strip("/")).replace("\\/", "/")


def pattern_for(folders: list[str]) -> str:
    """The pattern matching the files of ``folders`` (repository-relative), as YAML single-quoted."""
    alternatives = [escaped(folder) for folder in folders]
    body = alternatives[0] if len(alternatives) == 1 else "(" + "|".join(alternatives) + ")"
    return "'^" + body.replace("'", "''") + "/'"


def has_hooks(top: Path) -> bool:
    """Does the repository's pre-commit configuration hold the ``handoff-lint`` hook?"""
    path = top / PRE_COMMIT_CONFIG
    if path.is_symlink():  # not read through: extend_pre_commit says so
        return True
    if not path.is_file():
        return False
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(hook == "handoff-lint" for hook, _key, _line in _hook_lines(text))


def extend_pre_commit(top: Path, relative: str) -> Change:
    """Extend the hooks' patterns in ``top``'s .pre-commit-config.yaml to cover ``relative``."""
    from handoff_lint.model.kinds import display_path

    path = top / PRE_COMMIT_CONFIG
    shown = display_path(path)
    if path.is_symlink():  # a committed link may lead anywhere: nothing is read or written through it
        return Change(shown, False, f"{shown} is a symbolic link, neither read nor changed; make it cover {relative}")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found = {(hook, key): number for hook, key, number in _hook_lines(text) if (hook, key) in HOOK_KEYS}
    edits, manual, covered = {}, [], []
    for hook, key in HOOK_KEYS:
        number = found.get((hook, key))
        if number is None:
            if hook == "handoff-lint":
                manual.append(f"  the {hook} hook has no {key}: pattern; give it {key}: {pattern_for([relative])}")
            continue
        indent, value = re.match(r"^(\s*)" + key + r":\s*(.*?)\s*$", lines[number]).groups()
        pattern = _unquoted(value)
        if pattern is not None and _covers(pattern, relative):
            covered.append(f"{hook} {key}")
            continue
        ours = OUR_PATTERN.match(pattern or "")
        if ours is None:  # the team's own pattern: said, not rewritten
            union = f"(?:{pattern or value})|^{escaped(relative)}/"
            manual.append(f"  the {hook} hook's {key}: {value} does not cover {relative}; e.g. {key}: '{union}'")
            continue
        alternatives = (ours["several"] or ours["one"]).split("|")
        wanted = pattern_for([_plain(part) for part in alternatives] + [relative])
        ending = lines[number][len(lines[number].rstrip("\r\n")) :]
        edits[number] = f"{indent}{key}: {wanted}{ending}"
    if manual:
        return Change(shown, False, f"{shown} left as it is; to check {relative} too:\n" + "\n".join(manual))
    if not edits:
        return Change(shown, False, f"{shown} already covers {relative} ({', '.join(covered)})")
    new = "".join(edits.get(number, line) for number, line in enumerate(lines))
    problem = _yaml_differs(text, new, relative)
    if problem:
        return Change(shown, False, f"{shown} left as it is ({problem}); make its hooks' patterns cover {relative}")
    _write(path, new)
    keys = " and ".join(f"the {hook} hook's {key}" for hook, key in HOOK_KEYS if found.get((hook, key)) in edits)
    return Change(shown, True, f"extended {shown}: {keys} now cover {relative}")


def extend_roots(settings: Path, table: dict, folder: Path) -> Change | None:
    """Add ``folder`` to the ``roots`` list of the settings file ``settings`` (whose handoff-lint
    table is ``table``), if it has one that lacks it; None when there is no such list."""
    from handoff_lint.data.rules_data import tomllib as parser
    from handoff_lint.model.kinds import display_path

    roots = table.get("roots")
    if not isinstance(roots, list):
        return None
    shown = display_path(settings)
    relative = os.path.relpath(os.path.abspath(folder), os.path.abspath(settings.parent)).replace(os.sep, "/")
    if any(os.path.abspath(settings.parent / root) == os.path.abspath(folder) for root in roots):
        return Change(shown, False, f"{shown} already names {relative} in roots")
    if settings.is_symlink():
        return Change(shown, False, f"{shown} is a symbolic link, not changed; add {relative} to its roots")
    text = settings.read_text(encoding="utf-8")
    start = 0
    if settings.name == "pyproject.toml":
        header = re.search(r'^\[\s*tool\s*\.\s*(?:"handoff-lint"|handoff-lint)\s*\]\s*$', text, re.M)
        start = header.end() if header else len(text)
    assignment = re.compile(r"^(\s*roots\s*=\s*\[)(?P<items>[^\[\]]*?)(?P<close>,?\s*\])", re.M | re.S)
    match = assignment.search(text, start)
    entry = '"' + relative.replace("\\", "\\\\").replace('"', '\\"') + '"'
    paste = f"roots = [{', '.join([*(repr_toml(root) for root in roots), entry])}]"
    if match is None:
        return Change(shown, False, f"{shown} left as it is; to name {relative} among the roots: {paste}")
    items = match["items"].rstrip()
    joined = f"{items}, {entry}" if items.strip() else entry
    new = text[: match.start("items")] + joined + match["close"].lstrip(",") + text[match.end() :]
    tomllib = parser()
    try:
        after = tomllib.loads(new)
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        after = before = None
    if settings.name == "pyproject.toml" and after is not None:
        after, before = after.get("tool", {}).get("handoff-lint"), before.get("tool", {}).get("handoff-lint")
    if after is None or after.get("roots") != [*roots, relative] or {**after, "roots": roots} != before:
        return Change(shown, False, f"{shown} left as it is; to name {relative} among the roots: {paste}")
    _write(settings, new)
    return Change(shown, True, f"added {relative} to roots in {shown}")


def repr_toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hook_lines(text: str):
    """(hook id, key, line number) of each ``files:``/``exclude:`` line and (id, "id", line) of
    each hook, read line by line: the hook a key belongs to is the last ``id:`` above it."""
    hook = None
    for number, line in enumerate(text.splitlines()):
        found = re.match(r"^\s*(?:-\s*)?id:\s*['\"]?([\w.-]+)['\"]?\s*(?:#.*)?$", line)
        if found:
            hook = found[1]
            yield hook, "id", number
            continue
        if re.match(r"^\s*-\s*repo:", line):
            hook = None
        key = re.match(r"^\s*(files|exclude):", line)
        if key and hook is not None:
            yield hook, key[1], number


def _unquoted(value: str) -> str | None:
    """A one-line YAML scalar's value (single- or double-quoted without escapes, or plain)."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"' and "\\" not in value:
        return value[1:-1]
    if value and value[0] not in "'\"|>&*!%@`#{[" and " #" not in value:
        return value
    return None


def _plain(part: str) -> str:
    """An alternative of init's pattern back to the folder it names."""
    return re.sub(r"\\(.)", r"\1", part)


def _covers(pattern: str, relative: str) -> bool:
    try:
        return re.search(pattern, f"{relative.strip('/')}/handoff-template.md") is not None
    except re.error:
        return False


def _yaml_differs(before: str, after: str, relative: str) -> str:
    """Why ``after`` does not read as ``before`` with the two patterns extended ('' if it does)."""
    try:
        import yaml
    except ImportError:  # pre-commit brings PyYAML; without it the line edit stands alone
        return ""
    try:
        old, new = yaml.safe_load(before), yaml.safe_load(after)
    except yaml.YAMLError as error:
        return f"it does not read as YAML: {str(error).splitlines()[0]}"
    for repo_old, repo_new in zip(old.get("repos", []), new.get("repos", []), strict=False):
        for hook_old, hook_new in zip(repo_old.get("hooks", []), repo_new.get("hooks", []), strict=False):
            for hook, key in HOOK_KEYS:
                if hook_old.get("id") == hook and key in hook_new:
                    if not _covers(hook_new[key], relative):
                        return "the edit would not cover the folder"
                    hook_new[key] = hook_old.get(key)
    return "" if old == new else "the edit would change more than the patterns"


def _write(path: Path, text: str) -> None:
    from handoff_lint.touch import write_text

    write_text(path, text)  # atomic; a link there is refused, never written through
