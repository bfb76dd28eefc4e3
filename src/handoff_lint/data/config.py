"""The effective settings of one run: the nearest config file, then the command line.

Configuration lives in ``[tool.handoff-lint]`` of ``pyproject.toml`` or at the top level of
``.handoff-lint.toml``; the nearest such file to the working directory wins (in one folder,
``.handoff-lint.toml`` before ``pyproject.toml``). It is validated against
``schemas/config.schema.json``; a bad file is a :class:`ConfigError` naming the file and key.
"""

from __future__ import annotations

import datetime
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.data.pathfilter import PathFilter

if TYPE_CHECKING:
    from handoff_lint.touch import Access

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # max-file-size: larger files are HL004, not read
DEFAULT_MAX_FINDINGS = 100  # max-findings-per-rule: of one rule in one file, then one summary finding
DEFAULT_INLINE_SUPPRESS = ("HL",)  # inline-suppress: every rule, privacy and credentials line by line only


class ConfigError(ValueError):
    pass


class Config:
    """The settings of a run. A plain class, not a dataclass: every run makes one, and importing
    dataclasses and generating the class cost a commit's run about 3 ms. Its repr names every
    setting (the cache's salt hashes it)."""

    SETTINGS = (
        "select",
        "ignore",
        "max_file_size",
        "severity",
        "internal_domains",
        "placeholder_users",
        "exclude",
        "stale_days",
        "status_words",
        "extra_sections",
        "roots",
        "today",
        "per_file_ignores",
        "strict",
        "source",
        "max_findings",
        "inline_suppress",
        "protocols",
        "privacy_outside",
    )
    __hash__ = None  # settings are lists and dicts: compared, never hashed

    def __init__(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        max_file_size: int = DEFAULT_MAX_BYTES,
        severity: dict[str, str] | None = None,
        internal_domains: tuple[str, ...] = (),
        placeholder_users: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        stale_days: int | None = None,
        status_words: dict[str, list[str]] | None = None,
        extra_sections: dict[str, list[str]] | None = None,
        roots: tuple[Path, ...] = (),
        today: datetime.date | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        source: Path | None = None,
        strict: bool = False,
        max_findings: int = DEFAULT_MAX_FINDINGS,
        inline_suppress: list[str] | None = None,
        protocols: dict[str, dict] | None = None,
        privacy_outside: str = "markdown",
        access: Access | None = None,
    ) -> None:
        self.select = ["ALL"] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.max_file_size = max_file_size
        self.severity = {} if severity is None else severity  # code -> "error" | "warning"
        self.internal_domains = internal_domains
        self.placeholder_users = placeholder_users
        self.exclude = exclude
        self.stale_days = stale_days  # None: rules/lifecycle.toml's default
        # where outside handoff folders the privacy rules (HL2) look: "markdown", "all" or "none"
        self.privacy_outside = privacy_outside
        self.status_words = {} if status_words is None else status_words  # folder -> extra status words
        self.extra_sections = (
            {} if extra_sections is None else extra_sections
        )  # "handoff"/"response" -> required sections
        self.roots = roots  # extra handoff roots (absolute)
        self.today = today_from_env() if today is None else today
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.source = source  # the file the settings came from
        # the template exactly: no synonyms, aliases or free text, every section and field it
        # has required, and the rules' `strict` severities (see catalogue.strict_severities)
        self.strict = strict
        self.max_findings = max_findings  # of one rule in one file; the rest become one summary finding
        # the rule codes or prefixes suppression comments may hide; privacy and credential codes
        # (HL2, HL3) only line by line, by a comment naming them, unless the list holds ALL (every
        # comment hides every rule). The default, HL: every rule, HL2/HL3 line by line
        self.inline_suppress = list(DEFAULT_INLINE_SUPPRESS) if inline_suppress is None else inline_suppress
        # a team's own protocols: name -> {"folders", "template-title", "handoff", "response"}, the
        # schemas as shipped names or absolute paths (see data/protocols.py)
        self.protocols = {} if protocols is None else protocols
        # the file's own select and ignore while they decide the run (None once the command
        # line's --select replaced them): what engine/guard.py names when they leave out HL2/HL3
        self.file_selection: tuple[list[str], list[str]] | None = None
        # where the command may read and write through (touch.Access: the folders it named), set
        # by the command once it knows its paths; not a setting of the file, so neither compared
        # nor in the cache's salt. None: not told, and a reader asked to judge a root refuses to guess
        self.access = access

    def select_from_command_line(self, select: list[str], ignore: list[str]) -> None:
        """The command line over the file, in ruff's layers: a ``--select`` replaces the file's
        ``select`` and ``ignore`` (so ``--select HL0,HL2,HL3`` runs HL3 whatever the file
        ignores); an ``--ignore`` alone switches off more, on top of the file's choice."""
        if select:
            self.select, self.ignore = select, list(ignore)
            self.file_selection = None
        elif ignore:
            self.ignore = [*self.ignore, *ignore]

    def __repr__(self) -> str:
        return f"Config({', '.join(f'{name}={getattr(self, name)!r}' for name in self.SETTINGS)})"

    def __eq__(self, other) -> bool:
        if type(other) is not Config:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.SETTINGS)

    @cached_property
    def paths(self) -> PathFilter:
        """exclude / per-file-ignores, matched relative to the config file's folder."""
        base = self.source.parent if self.source is not None else Path.cwd()
        return PathFilter(base, self.exclude, self.per_file_ignores)


def today_from_env() -> datetime.date:
    """Today, or HANDOFF_LINT_TODAY (YYYY-MM-DD) for reproducible runs of the staleness rule."""
    value = os.environ.get("HANDOFF_LINT_TODAY", "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"HANDOFF_LINT_TODAY={value!r} is not a date written YYYY-MM-DD") from None


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest config file at or above ``start`` and its handoff-lint table."""
    from handoff_lint.data.rules_data import tomllib as parser

    for folder in (start, *start.parents):
        for name in (".handoff-lint.toml", "pyproject.toml"):
            path = folder / name
            if not path.is_file():
                continue
            tomllib = parser()  # imported when there is a file to read: most runs have none
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                raise ConfigError(f"{path}: cannot read configuration: {error}") from None
            if name == "pyproject.toml":
                tables = data.get("tool", {})
                if "handoff-lint" not in tables:
                    _misnamed(path, tables)
                    continue
                data = tables["handoff-lint"]
            return path, data
    return None


def load_config(start: Path | None = None, explicit: Path | None = None, isolated: bool = False) -> Config:
    if isolated:
        return Config()
    if explicit is not None:
        from handoff_lint.data.rules_data import tomllib as parser

        tomllib = parser()
        try:
            data = tomllib.loads(Path(explicit).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{explicit}: cannot read configuration: {error}") from None
        if Path(explicit).name == "pyproject.toml":
            if "handoff-lint" not in data.get("tool", {}):
                _misnamed(Path(explicit), data.get("tool", {}))
            data = data.get("tool", {}).get("handoff-lint", {})
        found = (Path(explicit), data)
    else:
        found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, data = found
    _validate(path, data)
    from handoff_lint.data.catalogue import check_prefixes

    try:
        config = Config(
            select=check_prefixes(data.get("select", [])) or ["ALL"],
            ignore=check_prefixes(data.get("ignore", [])),
            severity=dict(data.get("severity", {})),
            internal_domains=tuple(d.lower() for d in data.get("internal-domains", [])),
            placeholder_users=tuple(data.get("placeholder-users", [])),
            exclude=tuple(data.get("exclude", [])),
            stale_days=data.get("stale-days"),
            privacy_outside=data.get("privacy-outside", "markdown"),
            status_words={folder: list(words) for folder, words in data.get("status-words", {}).items()},
            extra_sections={kind: list(names) for kind, names in data.get("extra-sections", {}).items()},
            roots=tuple(Path(os.path.abspath(path.parent / root)) for root in data.get("roots", [])),
            per_file_ignores={
                pattern: check_prefixes(codes) for pattern, codes in data.get("per-file-ignores", {}).items()
            },
            source=path,
            strict=bool(data.get("strict", False)),
            inline_suppress=check_prefixes(data["inline-suppress"]) if "inline-suppress" in data else None,
            protocols={name: _protocol(path, name, spec) for name, spec in data.get("protocols", {}).items()},
        )
        check_prefixes(config.severity)  # every code named must exist
        config.file_selection = (list(config.select), list(config.ignore))
        if config.strict:  # the rules' strict severities, under the file's own overrides
            from handoff_lint.data.catalogue import strict_severities

            config.severity = {**strict_severities(), **config.severity}
    except ValueError as error:
        raise ConfigError(f"{path}: {error}") from None
    _patterns(path, data)
    if "max-file-size" in data:
        config.max_file_size = data["max-file-size"]
    if "max-findings-per-rule" in data:
        config.max_findings = data["max-findings-per-rule"]
    return config


def _protocol(path: Path, name: str, spec: dict) -> dict:
    """A team's protocol with its schemas resolved (a path relative to the config file, made
    absolute and read now, or a shipped schema's name) and its title pattern compiled once: a
    mistake is a ConfigError naming the key, not an internal error on the first document."""
    import re

    from handoff_lint.data.schemas import SCHEMA_NAMES, read_team_schema

    resolved = dict(spec)
    for part in ("handoff", "response"):
        value = spec.get(part)
        if value is None:
            continue
        if value.endswith(".json"):
            resolved[part] = os.path.abspath(path.parent / value)
            read_team_schema(resolved[part])  # ValueError: reported with the file
        elif value not in SCHEMA_NAMES:
            raise ValueError(
                f"protocols.{name}.{part}: {value!r} is neither a .json file nor a shipped schema "
                f"({', '.join(SCHEMA_NAMES)})"
            )
    if "template-title" in spec:
        try:
            re.compile(spec["template-title"])
        except re.error as error:
            raise ValueError(f"protocols.{name}.template-title: not a regular expression: {error}") from None
    return resolved


def _misnamed(path: Path, tables: dict) -> None:
    """A table meant for handoff-lint under another spelling (``[tool.handoff_lint]``,
    ``[tool.handofflint]``) is a ConfigError: read silently as no configuration, it would leave
    every setting the team wrote off."""
    for name in tables:
        if (
            isinstance(name, str)
            and name != "handoff-lint"
            and name.replace("_", "-").replace(" ", "-").lower() in ("handoff-lint", "handofflint")
        ):
            raise ConfigError(f"{path}: [tool.{name}] is not read: the table is [tool.handoff-lint]")


def _did_you_mean(error) -> str:
    """For an unknown key, the setting it was probably meant to be (`stale_days` -> `stale-days`)."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return ""
    import difflib

    known = list(error.schema.get("properties", {}))
    unknown = [key for key in error.instance if key not in known]
    hints = []
    for key in unknown:
        close = difflib.get_close_matches(key.replace("_", "-").lower(), known, n=1, cutoff=0.7)
        if close:
            hints.append(f"{key!r}: did you mean {close[0]!r}?")
    return f" ({'; '.join(hints)})" if hints else ""


def _validate(path: Path, data: dict) -> None:
    """Raise a ConfigError naming the file and key if ``data`` breaks the schema. The quick
    check decides a valid file (every run of a configured project reads one, and jsonschema's
    import cost a one-file run 110 ms); jsonschema explains an invalid one."""
    from handoff_lint.data.schemas import quick_validator, validator

    _integers(path, data)
    quick = quick_validator("config")
    if quick is not None and quick(data):
        return
    errors = sorted(validator("config").iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        where = ".".join(map(str, error.absolute_path)) or "(top level)"
        raise ConfigError(f"{path}: invalid configuration at {where}: {error.message}{_did_you_mean(error)}")


def _integers(path: Path, data: dict) -> None:
    """JSON Schema's "integer" admits 1000.0, so TOML's ``1e3`` passed both validators: a key
    the schema types as an integer must be a TOML integer (not a float, not a boolean)."""
    from handoff_lint.data.schemas import load_schema

    for key, spec in load_schema("config")["properties"].items():
        if spec.get("type") == "integer" and key in data and type(data[key]) is not int:
            raise ConfigError(f"{path}: invalid configuration at {key}: {data[key]!r} is not an integer")


def _patterns(path: Path, data: dict) -> None:
    """Every ``exclude`` and ``per-file-ignores`` pattern must compile: a bad one (``[z-a]``) is
    a configuration error naming the file and key, not an internal error halfway through a run."""
    from handoff_lint.data.pathfilter import check_pattern

    keyed = [("exclude", pattern) for pattern in data.get("exclude", [])]
    keyed += [(f"per-file-ignores.{pattern}", pattern) for pattern in data.get("per-file-ignores", {})]
    for key, pattern in keyed:
        try:
            check_pattern(pattern)
        except ValueError as error:
            raise ConfigError(
                f"{path}: invalid configuration at {key}: {pattern!r} is not a gitignore-style pattern ({error})"
            ) from None
