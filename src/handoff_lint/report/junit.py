"""JUnit XML: one test case per checked finding, grouped in one suite, for CI dashboards."""

from __future__ import annotations

from xml.etree import ElementTree


def render(findings, stream, *, color: bool = False) -> None:
    suite = ElementTree.Element("testsuite", name="handoff-lint", tests=str(len(findings)), failures=str(len(findings)), errors="0")
    for f in findings:
        case = ElementTree.SubElement(suite, "testcase", classname=f.path, name=f"{f.code} at line {f.line}, column {f.column}")
        failure = ElementTree.SubElement(case, "failure", message=f.message, type=f.severity)
        failure.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")
