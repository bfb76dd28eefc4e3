"""JUnit XML: one test case per checked finding, grouped in one suite, for CI dashboards. A
finding a suppression comment hides is a skipped test case (``<skipped message="suppressed by
…">``), counted in the suite's ``skipped``: shown, and failing nothing."""

from __future__ import annotations

from xml.etree import ElementTree


def render(findings, stream, *, color: bool = False, notes=()) -> None:
    skipped = sum(1 for f in findings if f.suppressed)
    suite = ElementTree.Element("testsuite", name="handoff-lint", tests=str(len(findings)),
                                failures=str(len(findings) - skipped), errors="0", skipped=str(skipped))
    for f in findings:
        case = ElementTree.SubElement(suite, "testcase", classname=f.path, name=f"{f.code} at line {f.line}, column {f.column}")
        if f.suppressed:
            skip = ElementTree.SubElement(case, "skipped", message=f"suppressed by {f.suppressed}")
            skip.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
            continue
        failure = ElementTree.SubElement(case, "failure", message=f.message, type=f.severity)
        failure.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")
