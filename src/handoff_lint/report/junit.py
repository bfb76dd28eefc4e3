"""JUnit XML: one test case per checked finding, grouped in one suite, for CI dashboards. An
error is a failed test case; a warning passes the job, so it is a passing test case whose
``<system-out>`` says what it found (a merge request shows no failed test on a green job). A
finding a suppression comment hides is a skipped test case (``<skipped message="suppressed by
…">``), counted in the suite's ``skipped``: shown, and failing nothing."""

from __future__ import annotations

from xml.etree import ElementTree


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    skipped = sum(1 for f in findings if f.suppressed)
    failures = sum(1 for f in findings if not f.suppressed and f.severity == "error")
    suite = ElementTree.Element(
        "testsuite",
        name="handoff-lint",
        tests=str(len(findings)),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
    )
    for f in findings:
        case = ElementTree.SubElement(
            suite, "testcase", classname=f.path, name=f"{f.code} at line {f.line}, column {f.column}"
        )
        if f.suppressed:
            skip = ElementTree.SubElement(case, "skipped", message=f"suppressed by {f.suppressed}")
            skip.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
            continue
        text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
        if f.severity != "error":  # a warning fails no job: no <failure>, its text kept
            ElementTree.SubElement(case, "system-out").text = f"warning: {text}"
            continue
        failure = ElementTree.SubElement(case, "failure", message=f.message, type=f.severity)
        failure.text = text
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")
