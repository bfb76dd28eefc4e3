"""Every regular expression the tool runs stays linear on hostile 1 MB lines.

The patterns come from two places, both collected here so that a new one cannot be forgotten:
the pattern tables in ``rules/*.toml`` (and the patterns the checks compile from them), and every
module-level compiled ``re.Pattern`` in ``src/handoff_lint``. For each pattern the test builds
lines of about 1 MB from the characters and literals in the pattern itself (long runs of one
character, alternating pairs, a literal repeated, a literal followed by a long run) and exhausts
``finditer`` on each, which costs at least as much as ``search``. A linear pattern needs
milliseconds; catastrophic or quadratic backtracking needs minutes. Each search runs in a forked
child that is killed when it overruns, so a bad pattern fails the test instead of hanging it.
"""

from __future__ import annotations

import importlib
import multiprocessing
import multiprocessing.connection
import os
import pkgutil
import re
import sys
import time
from dataclasses import dataclass

import pytest

try:  # Python 3.11+
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.9/3.10
    import sre_parse  # type: ignore[no-redef]

import handoff_lint
from handoff_lint.data.resources import data_dir
from handoff_lint.data.rules_data import load_table

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

SIZE = 1_000_000
LIMIT = 2.0  # CPU seconds for one search over SIZE characters; linear patterns take 0.01-0.8 s
HANG = 30.0  # wall seconds after which a search is killed (quadratic ones take minutes)
SCREEN = 1_000  # every hostile line is first tried at this length ...
TOP = 2  # ... and the slowest few are then run at SIZE
MAX_LINES = 1_500  # hostile lines per pattern
BASE_CHARS = "a0A-/. _:@\\`[]>*\t=x(){}$%<"
PATTERN_KEYS = {
    "near",
    "pattern",
    "prefilter",
    "shape",
    "template-title",
    "value",
}  # a string under one of these keys is a pattern
PATTERN_TABLES = {"tokens", "other", "patterns", "names"}  # every string in these tables is a pattern


# -- collecting the patterns -----------------------------------------------------------------
def _rule_table_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}

    def walk(value, path: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + (str(index),))
        elif isinstance(value, str):
            is_pattern = path[-1] in PATTERN_KEYS or (path[-2] in PATTERN_TABLES and not path[-1].isdigit())
            if path[-1] == "names" and path[-3:-2] == ("keyed",):
                is_pattern = False  # a `[keyed]` entry's names: literals, compiled into its pattern below
            if is_pattern:
                found["rules/" + ".".join(path)] = re.compile(value)
            else:  # anything that reads like a regex must be named above, or it goes untested
                assert "\\" not in value and "(?" not in value, f"unlisted pattern-like string at {path}"

    for toml in sorted(data_dir("rules").glob("*.toml")):
        if not toml.name.startswith("HL"):  # HL*.toml is the rule catalogue: prose, no patterns
            walk(load_table(toml.stem), (toml.stem,))
    return found


def _compiled_by_the_checks() -> dict[str, re.Pattern]:
    """The patterns the checks build from the tables, with the flags and combinations they use."""
    from handoff_lint.checks import privacy
    from handoff_lint.checks.structure import leftovers

    found: dict[str, re.Pattern] = {}
    from handoff_lint.detect import gates as detect_gates
    from handoff_lint.detect import judge
    from handoff_lint.detect import patterns as detect_patterns

    patterns = detect_patterns.pattern_table()
    for name, _source in patterns.tokens:
        found[f"pattern_table() token {name}"] = detect_patterns.token_pattern(name)
    for field in ("private_key", "url_password", "curl_user", "auth_header", "assignment", "prose", "quoted_random"):
        found[f"pattern_table() {field}"] = getattr(patterns, field)
    for _name, pattern in patterns.assignments:
        found[f"pattern_table() assignment {pattern.pattern[:40]}"] = pattern
    found["judge.token_formats()"] = judge.token_formats()
    for pattern in detect_gates.gate_table().shapes:  # searched over whole files, not lines
        found[f"gate_table() shape {pattern.pattern}"] = pattern
    patterns = privacy._table()[0]
    for name in patterns.sources:  # each compiled when first asked
        found[f"privacy._table() {name} (flags {patterns[name].flags})"] = patterns[name]
    for name, pattern in leftovers._placeholder_patterns():
        found[f"structure._placeholder_patterns() {name}"] = pattern
    from handoff_lint.data.protocols import _title_pattern, known
    from handoff_lint.data.schemas import SCHEMA_NAMES, load_schema

    for protocol in known()[0]:  # as protocol_of compiles them: case-insensitive
        found[f"protocols {protocol.name} template-title"] = _title_pattern(protocol.template_title)
    for name in SCHEMA_NAMES:  # the schemas' own patterns, as the validators search them
        for part, spec in load_schema(name)["properties"].items():
            for keyword in ("pattern",):
                if isinstance(spec, dict) and keyword in spec:
                    found[f"schemas/{name} {part} {keyword}"] = re.compile(spec[keyword])
    saved = os.environ.get("HANDOFF_LINT_OWN_IDENTIFIERS")
    os.environ["HANDOFF_LINT_OWN_IDENTIFIERS"] = "alice-laptop,build_host.local,j.doe"
    privacy._own_identifiers.cache_clear()
    try:
        found["privacy._own_identifiers() own login and host names"] = privacy._own_identifiers()
    finally:
        privacy._own_identifiers.cache_clear()
        if saved is None:
            del os.environ["HANDOFF_LINT_OWN_IDENTIFIERS"]
        else:
            os.environ["HANDOFF_LINT_OWN_IDENTIFIERS"] = saved
    return found


def _module_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}

    def visit(value, where: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[where] = value
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}[{key!r}]", depth + 1)
        elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
            for index, item in enumerate(value):
                visit(item, f"{where}[{index}]", depth + 1)

    for info in pkgutil.walk_packages(handoff_lint.__path__, "handoff_lint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            visit(value, f"{info.name}.{name}")
    return found


def all_patterns() -> dict[str, re.Pattern]:
    """name -> pattern, each (source, flags) once, under the first name it was found by."""
    unique: dict[tuple[str, int], str] = {}
    found: dict[str, re.Pattern] = {}
    for name, pattern in {**_rule_table_patterns(), **_compiled_by_the_checks(), **_module_patterns()}.items():
        key = (pattern.pattern, pattern.flags)
        if key not in unique:
            unique[key] = name
            found[name] = pattern
    return found


# -- building hostile lines ------------------------------------------------------------------
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "09",
    "CATEGORY_NOT_DIGIT": "a.",
    "CATEGORY_WORD": "a_Z0",
    "CATEGORY_NOT_WORD": "-. ",
    "CATEGORY_SPACE": " \t",
    "CATEGORY_NOT_SPACE": "a-",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
BASIC = ("a", "0", "A", "-", "/", ".", " ", "a.")  # always among the lines, whatever the pattern


def _class_chars(items) -> list[str]:
    chars: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            chars.append(chr(arg))
        elif name == "RANGE":
            chars += [chr(arg[0]), chr(arg[1]), chr((arg[0] + arg[1]) // 2)]
        elif name == "CATEGORY":
            chars += _CATEGORY_CHARS.get(str(arg), "")
    return chars


def _one_char(op, arg) -> str:
    """A character that the single-character element ``(op, arg)`` matches."""
    name = str(op)
    if name == "LITERAL":
        return chr(arg)
    if name == "IN":
        negated = any(str(sub_op) == "NEGATE" for sub_op, _ in arg)
        members = _class_chars(arg)
        if negated:
            return next(c for c in "xa0 .-" if c not in members)
        return members[0] if members else "x"
    if name == "NOT_LITERAL":
        return "x" if chr(arg) != "x" else "y"
    return "x"  # ANY and categories outside a class


def _example(items) -> str:
    """A short string shaped like ``items``: each element once, optional ones included."""
    out = ""
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            low, _high, sub = arg
            out += _example(sub) * max(low, 1)
        elif name == "SUBPATTERN":
            out += _example(arg[-1])
        elif name == "ATOMIC_GROUP":
            out += _example(arg)
        elif name == "BRANCH":
            out += _example(arg[1][0])
        elif name in ("LITERAL", "IN", "NOT_LITERAL", "ANY", "CATEGORY"):
            out += _one_char(op, arg)
    return out


def _ingredients(pattern: re.Pattern) -> tuple[set[str], set[str]]:
    """The characters a pattern mentions, and *prefixes*: strings that take the pattern part of
    the way (``eyJ``, ``**x** : x``, ``<!-- handoff-lint: disable=``) so that a long run after
    them reaches the quantifiers deep inside."""
    chars: set[str] = set()
    prefixes: set[str] = set()

    def walk(items, before: str) -> None:
        for index, (op, arg) in enumerate(items):
            name = str(op)
            here = before + _example(items[:index])
            if here:
                prefixes.add(here)
            if name == "LITERAL":
                chars.add(chr(arg))
            elif name == "IN":
                chars.update(_class_chars(arg))
            elif name == "CATEGORY":
                chars.update(_CATEGORY_CHARS.get(str(arg), ""))
            elif name in _REPEATS:
                walk(arg[2], here)
            elif name == "SUBPATTERN":
                walk(arg[-1], here)
            elif name == "ATOMIC_GROUP":
                walk(arg, here)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1], here)
            elif name == "BRANCH":
                for alternative in arg[1]:
                    walk(alternative, here)
        if before + _example(items):
            prefixes.add(before + _example(items))

    walk(sre_parse.parse(pattern.pattern, pattern.flags), "")
    return {c for c in chars if c.isprintable() or c == "\t"}, prefixes


def hostile_lines(pattern: re.Pattern) -> dict[str, tuple[str, str, str]]:
    """label -> (prefix, unit, suffix): the line is the prefix, the unit repeated, the suffix."""
    chars, prefixes = _ingredients(pattern)
    chars = sorted(chars | set(BASE_CHARS))
    lines: dict[str, tuple[str, str, str]] = {}
    for unit in BASIC:
        lines[f"{unit!r}*N"] = ("", unit, "")
    for c in chars:
        lines[f"{c!r}*N"] = ("", c, "")
        lines[f"{c!r}*N+'!'"] = ("", c, "!")  # a run the pattern must give up on at the very end
        lines[f"{'a' + c!r}*N"] = ("", "a" + c, "")
        lines[f"{' ' + c!r}*N"] = ("", " " + c, "")
    for first, second in ("a.", "a-", "a ", "0.", "a:", "0:", "a/", "a@", "a\\", "a`", " `", "a_", "-.", " \t"):
        lines[f"{first + second!r}*N"] = ("", first + second, "")
    after_prefix: dict[str, tuple[str, str, str]] = {}
    for prefix in sorted(prefixes):
        lines[f"{prefix!r}*N"] = ("", prefix, "")
        for c in chars:
            after_prefix[f"{prefix!r}+{c!r}*N+'!'"] = (prefix, c, "!")
            after_prefix[f"{prefix + c!r}*N"] = ("", prefix + c, "")
    # A pattern with many alternatives (the combined prefilter) would give tens of thousands;
    # keep an even sample, so that every prefix and every character still appears.
    step = max(1, -(-len(after_prefix) // max(1, MAX_LINES - len(lines))))
    lines.update(list(after_prefix.items())[::step])
    return lines


def build(spec: tuple[str, str, str], size: int) -> str:
    prefix, unit, suffix = spec
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


# -- timing each search in a child that can be killed ----------------------------------------
def _time(pattern: re.Pattern, line: str) -> float:
    """CPU seconds to exhaust ``finditer``: other work on the machine does not count."""
    started = time.process_time()
    for _match in pattern.finditer(line):
        pass
    return time.process_time() - started


def _search_all(pattern: re.Pattern, specs: dict, connection) -> None:
    """Screen every line at SCREEN characters, then run the slowest at SIZE."""
    screened = []
    for label, spec in specs.items():
        connection.send(("start", label, SCREEN))
        screened.append((_time(pattern, build(spec, SCREEN)), label))
    for _t, label in sorted(screened, reverse=True)[:TOP]:
        connection.send(("start", label, SIZE))
        connection.send(("done", label, _time(pattern, build(specs[label], SIZE))))
    connection.send(("end", len(specs)))


@dataclass
class Timing:
    worst: float = 0.0  # seconds, the slowest search over SIZE characters
    line: str = ""  # the hostile line it was
    screened: int = 0
    overran: str = ""  # set when a search ran over the limit and the child was killed


def time_patterns(patterns: dict[str, re.Pattern], hang: float = HANG, workers: int = 2) -> dict[str, Timing]:
    """Each pattern searched in its own forked child, ``workers`` at a time; a child whose current
    search runs over ``hang`` seconds of wall time is killed and its pattern marked as overrunning."""
    context = multiprocessing.get_context("fork")
    pending = list(patterns.items())
    running: dict = {}  # receiving end -> (name, child, timing, [current line, deadline])
    results: dict[str, Timing] = {}
    while pending or running:
        while pending and len(running) < workers:
            name, pattern = pending.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_search_all, args=(pattern, hostile_lines(pattern), sender), daemon=True)
            child.start()
            sender.close()
            running[receiver] = (name, child, Timing(), ["(starting)", time.monotonic() + hang + 5])
        for receiver in multiprocessing.connection.wait(list(running), timeout=0.05):
            name, child, timing, state = running[receiver]
            try:
                message = receiver.recv()
            except EOFError:
                message = ("end", -1)
                timing.overran = "the child died"
            state[1] = time.monotonic() + hang
            if message[0] == "start":
                state[0] = f"{message[1]} with N={message[2]:,}"
            elif message[0] == "done" and message[2] > timing.worst:
                timing.worst, timing.line = message[2], message[1]
            elif message[0] == "end":
                timing.screened = message[1]
                results[name] = timing
                del running[receiver]
                child.join()
        now = time.monotonic()
        for receiver, (name, child, timing, state) in list(running.items()):
            if now > state[1]:
                child.kill()
                child.join()
                timing.overran = state[0]
                results[name] = timing
                del running[receiver]
    return results


PATTERNS = all_patterns()


@pytest.fixture(scope="module")
def timings() -> dict[str, Timing]:
    return time_patterns(PATTERNS)


def test_the_collection_finds_the_patterns_it_must():
    names = " ".join(PATTERNS)
    for expected in (
        "rules/credentials.tokens.jwt",
        "rules/credentials.gates.telegram.shape",
        "rules/credentials.tokens.azure-ad",
        "rules/privacy.patterns.host",
        "rules/placeholders.placeholder.0.pattern",
        "handoff_lint.parse.markdown.FIELD_RE",
        "handoff_lint.parse.directives._COMMENT",
        "handoff_lint.checks.structure.leftovers._INLINE_CODE",
        "handoff_lint.checks.structure.instance._LIST_SPLIT",
        "own login",
    ):
        assert expected in names, expected
    assert len(PATTERNS) >= 25


def test_hostile_lines_hold_the_runs_that_hurt():
    jwt = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.x")
    # prefixes take the pattern part of the way: each repetition its minimum number of times
    assert {"eyJ", "eyJA", "eyJAAAAAAAA", "eyJAAAAAAAA."} <= _ingredients(jwt)[1]
    lines = hostile_lines(jwt)
    assert build(lines["'eyJ-'*N"], 1000).startswith("eyJ-eyJ-")
    assert build(lines["'eyJAAAAAAAA.'+'a'*N+'!'"], 1000).startswith("eyJAAAAAAAA.aaa")
    field = hostile_lines(re.compile(r"^\*\*(?P<name>[^*]+)\*\*:[ \t]*(?P<value>.*?)\s*$"))
    assert "'**x**: x'+' '*N+'!'" in field  # the value started, then a run of spaces
    assert all(len(build(spec, 1000)) <= 1000 for spec in lines.values())


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork to kill a runaway search")
def test_the_harness_catches_the_patterns_this_suite_fixed():
    """The shapes that were quadratic here before, so that the harness is known to see them."""
    fixed = {
        "jwt with \\b": re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
        "lazy value then \\s*$": re.compile(r"^\*\*(?P<name>[^*\n]+?)\*\*:(?P<value>.*?)\s*$"),
        "\\s* around a separator": re.compile(r"\s*/\s*"),
    }
    results = time_patterns(fixed, hang=1.0)
    assert all(results[name].overran for name in fixed), {name: t.worst for name, t in results.items()}


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork to kill a runaway search")
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_1mb_lines(name, timings):
    pattern, timing = PATTERNS[name], timings[name]
    assert not timing.overran, f"/{pattern.pattern}/ ran over {HANG} s on {timing.overran}: super-linear"
    assert timing.worst < LIMIT, f"/{pattern.pattern}/ took {timing.worst:.2f} s of CPU on {timing.line}"
    assert timing.screened > 50
