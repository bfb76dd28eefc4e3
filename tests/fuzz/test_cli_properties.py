"""Property tests through the command itself (in-process, as ``main`` is called by the entry
point): whatever bytes sit in a handoff, the run ends with exit 0 or 1, every finding points at a
line that exists, and every output format reports the same findings. Mutated valid handoffs get
exactly the structure findings their mutation deserves."""

from __future__ import annotations

import codecs
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_HANDOFF, VALID_RESPONSE
from handoff_lint.cli import main

pytestmark = (
    pytest.mark.slow
)  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out

# cli.py's click.get_text_stream warns under Click 8.2; the command runs here in-process

FORMATS = ("json", "text", "sarif", "github", "junit")
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "models" / "next-local"
    for folder in ("active", "responses", "archive"):
        (root / folder).mkdir(parents=True)
    return root


def run(target: Path, fmt: str, *extra: str) -> tuple[int, str]:
    report = target.parent.parent / f"report.{fmt}"
    code = main(
        [
            "check",
            "--isolated",
            "--no-cache",
            "--quiet",
            "--format",
            fmt,
            "--output-file",
            str(report),
            *extra,
            str(target),
        ]
    )
    return code, report.read_text(encoding="utf-8")


# -- reading each format back ----------------------------------------------------------------
def _github_value(value: str) -> str:
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def parse(fmt: str, output: str) -> list[tuple[str, int, int, str, bool]]:
    """(path, line, column, code, suppressed) of every finding in a report, sorted. Text lists
    no suppressed finding (its summary line counts them)."""
    if fmt == "json":
        found = [
            (f["path"], f["line"], f["column"], f["code"], f["suppressed"] is not None) for f in json.loads(output)
        ]
    elif fmt == "sarif":
        results = json.loads(output)["runs"][0]["results"]
        found = []
        for result in results:
            place = result["locations"][0]["physicalLocation"]
            region = place["region"]
            found.append(
                (
                    unquote(place["artifactLocation"]["uri"]),
                    region["startLine"],
                    region["startColumn"],
                    result["ruleId"],
                    bool(result["suppressions"]),
                )
            )
    elif fmt == "github":
        pattern = re.compile(
            r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),"
            r"title=(HL\d{3})( \(suppressed\))?::HL\d{3} .*$"
        )
        matches = [pattern.match(line) for line in output.splitlines()]
        assert all(matches), output
        assert all((m[1] == "notice") == bool(m[6]) for m in matches), output
        found = [(_github_value(m[2]), int(m[3]), int(m[4]), m[5], bool(m[6])) for m in matches]
    elif fmt == "junit":
        found = []
        for case in ElementTree.fromstring(output).iter("testcase"):
            match = re.fullmatch(r"(HL\d{3}) at line (\d+), column (\d+)", case.get("name"))
            skipped = case.find("skipped") is not None
            found.append((case.get("classname"), int(match[2]), int(match[3]), match[1], skipped))
    else:
        lines = output.splitlines()
        matches = [re.match(r"^(.*?):(\d+):(\d+): (HL\d{3}) ", line) for line in lines]
        assert all(matches), output  # one finding a line: nothing in a message broke a line
        found = [(m[1], int(m[2]), int(m[3]), m[4], False) for m in matches]
    return sorted(found)


def line_count(data: bytes) -> int:
    """Lines in the file as the tool numbers them: after a UTF-8 BOM, CRLF and lone CR are line
    ends, and a final line end does not start another line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return len(lines)


# -- arbitrary bytes -------------------------------------------------------------------------
markdownish = st.lists(
    st.sampled_from(
        list("#*-_`>[]()!:/ \n\r\t\x00\x0b\x0c\x1b\x85aZ09|~<>=@.\\")
        + [
            "## ",
            "**Date**: ",
            "```\n",
            "\r\n",
            "\u00e9",
            "\ufeff",
            "\u2028",
            "\u202e",
            "/home/alice/",
            "10.0.0.1",
            "sk-",
            "eyJ",
        ]
        + [
            "<!-- handoff-lint: disable-next-line=HL201 -->\n",
            "<!-- handoff-lint: disable=HL1 -->",
            "<!-- handoff-lint: enable -->",
            "pragma: allowlist secret",
        ]
    ),
    max_size=120,
).map("".join)


@st.composite
def hostile_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["binary", "text", "markdownish", "spliced", "quoted"]), label="kind")
    if kind == "quoted":  # any characters in the places a message quotes: title, field and section names
        junk = st.text(st.characters(blacklist_characters="\n\r"), min_size=1, max_size=12)
        text = (
            VALID_HANDOFF.replace("Extract error patterns", draw(junk, label="title"))
            .replace("**From**", "**Fro" + draw(junk, label="field") + "**")
            .replace("## Task Description", "## Task Descriptio" + draw(junk, label="section"))
        )
        return text.encode("utf-8", "surrogatepass")
    if kind == "binary":
        return draw(st.binary(max_size=600))
    if kind == "text":
        return draw(st.text(max_size=400)).encode("utf-8", "surrogatepass")
    if kind == "markdownish":
        return draw(markdownish).encode("utf-8")
    base = VALID_HANDOFF.encode("utf-8")
    at = draw(st.integers(0, len(base)), label="at")
    cut = draw(st.integers(0, 80), label="cut")
    return (
        base[:at]
        + draw(st.one_of(st.binary(max_size=40), markdownish.map(str.encode)), label="splice")
        + base[at + cut :]
    )


@SETTINGS
@given(data=hostile_bytes(), prefix=st.sampled_from([b"", codecs.BOM_UTF8]))
def test_any_bytes_end_in_a_clean_report_agreed_by_every_format(root, data, prefix):
    data = prefix + data
    target = root / "active" / "handoff-2026-11-02-fuzz.md"
    target.write_bytes(data)
    reports = {fmt: run(target, fmt) for fmt in FORMATS}
    codes = {fmt: code for fmt, (code, _output) in reports.items()}
    assert set(codes.values()) <= {0, 1}, codes
    assert len(set(codes.values())) == 1, codes
    found = {fmt: parse(fmt, output) for fmt, (_code, output) in reports.items()}
    assert all(found[fmt] == found["json"] for fmt in FORMATS if fmt != "text"), found
    assert found["text"] == [f for f in found["json"] if not f[4]], found  # text lists what is not suppressed
    last = max(1, line_count(data))
    for _path, line, column, _code, _suppressed in found["json"]:
        assert 1 <= line <= last and column >= 1, (line, column, last)


# -- mutated valid documents ------------------------------------------------------------------
def split_document(text: str) -> tuple[str, list[tuple[str, str]], str]:
    """(head, [(section name, section text)], trailer): the trailer is the closing rule and the
    status line, kept at the end whatever happens to the sections."""
    head, _sep, rest = text.partition("\n## ")
    trailer = ""
    if "\n---\n" in rest:
        rest, _sep, trailer = rest.rpartition("\n---\n")
        trailer = "---\n" + trailer
    sections = []
    for part in ("## " + rest).split("\n## "):
        part = part if part.startswith("## ") else "## " + part
        name = part.splitlines()[0][3:].strip()
        sections.append((name, part.rstrip("\n") + "\n"))
    return head.rstrip("\n") + "\n", sections, trailer


WRAPS = {  # how a section is taken out of the top level: its heading is no longer a section
    "fence": lambda text: "```\n" + text + "```\n",
    "tilde fence": lambda text: "~~~markdown\n" + text + "~~~\n",
    "indented code": lambda text: "".join("    " + line + "\n" for line in text.splitlines()),
    "quote": lambda text: "".join("> " + line + "\n" for line in text.splitlines()),
    "nested quote": lambda text: "".join("> > > " + line + "\n" for line in text.splitlines()),
    "list": lambda text: "".join("- " + line + "\n" for line in text.splitlines()),
    "nested list": lambda text: "- item\n" + "".join("  - " + line + "\n" for line in text.splitlines()),
    "quote in list": lambda text: "".join("1. > " + line + "\n" for line in text.splitlines()),
}
# The response's name names no handoff (a YYYY-MM-DD-response-to-<handoff>.md name would stand in
# for its Reference to Original Handoff section).
BASES = {
    "handoff": (VALID_HANDOFF, "active/handoff-2026-11-02-mutant.md"),
    "response": (VALID_RESPONSE, "responses/response-2026-11-03-mutant.md"),
}
REQUIRED = {  # Local Model Preferences is "(if any)" in the protocol: not required
    "handoff": [
        "Context Summary",
        "Task Description",
        "Resource/Privacy Requirements",
        "Current State/Progress",
        "Expected Deliverables",
    ],
    "response": [
        "Reference to Original Handoff",
        "Constraints Met",
        "Work Performed",
        "Deliverables Location",
        "Recommendations",
    ],
}


def test_the_base_documents_split_and_rejoin_unchanged():
    for text, _place in BASES.values():
        head, sections, trailer = split_document(text)
        assert head + "\n" + "\n".join(body for _name, body in sections) + ("\n" + trailer if trailer else "") == text


@SETTINGS
@given(data=st.data(), kind=st.sampled_from(sorted(BASES)))
def test_mutated_documents_get_exactly_the_structure_findings_they_deserve(root, data, kind):
    text, place = BASES[kind]
    head, sections, trailer = split_document(text)
    order = [name for name, _body in sections]
    chosen = data.draw(
        st.lists(st.sampled_from(range(len(sections))), max_size=len(sections) + 3), label="sections"
    )  # drop, repeat, reorder
    wrapped = data.draw(
        st.dictionaries(st.sampled_from(range(len(chosen) or 1)), st.sampled_from(sorted(WRAPS)), max_size=2),
        label="wrapped",
    )
    parts, top_level = [], []
    for position, index in enumerate(chosen):
        name, body = sections[index]
        if position in wrapped:
            parts.append(WRAPS[wrapped[position]](body))
        else:
            parts.append(body)
            top_level.append(name)
    document = head + "\n" + "\n".join(parts) + ("\n" + trailer if trailer else "")
    target = root / place
    target.write_text(document, encoding="utf-8")

    code, output = run(target, "json", "--select", "HL1")
    assert code in (0, 1)
    found = json.loads(output)
    last = max(1, len(document.splitlines()))
    assert all(1 <= f["line"] <= last for f in found), found

    def named(code: str) -> list[str]:
        return sorted(re.search(r"'(?:## )?([^']+)'", f["message"])[1] for f in found if f["code"] == code)

    rank = {name: position for position, name in enumerate(order)}
    first_seen = list(dict.fromkeys(top_level))
    expected = {
        "HL105": sorted(name for name in REQUIRED[kind] if name not in top_level),
        "HL108": sorted(name for position, name in enumerate(top_level) if name in top_level[:position]),
        "HL109": sorted(
            name
            for position, name in enumerate(first_seen)
            if any(rank[other] > rank[name] for other in first_seen[:position])
        ),
    }
    assert {code: named(code) for code in expected} == expected, document
    assert {f["code"] for f in found} <= set(expected), found  # nothing else: no HL106, HL107, HL110 ...
