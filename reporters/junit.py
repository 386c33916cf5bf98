"""JUnit XML, which the test tabs of GitLab, Jenkins and Azure Pipelines read.

One ``<testsuite>`` per file (findings without a file go to a suite named "model"), one
``<testcase>`` per finding. With no findings, one passing test case, so the tab shows a pass
rather than nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from eagraph.findings import Finding, Severity

from .common import ReportContext, sorted_findings

NO_FILE_SUITE = "model"
# Characters XML 1.0 does not allow at all, not even as references: ElementTree would write them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _details(finding: Finding, context: ReportContext) -> str:
    where = finding.where
    lines = [f"{where or finding.subject}: {finding.severity.label} {finding.code} {finding.text(context.language)}",
             f"subject: {finding.subject}"]
    if finding.statement is not None and finding.location is not None and finding.statement != finding.location:
        lines.append(f"defined at: {finding.location}")
    if finding.path:
        lines.append(f"path: {finding.path}")
    if finding.value:
        lines.append(f"value: {finding.value}")
    if finding.related:
        lines.append(f"related: {' '.join(finding.related)}")
    if finding.score is not None:
        lines.append(f"score: {finding.score!r}")
    return _xml_text("\n".join(lines))


def _testcase(suite: ET.Element, finding: Finding, context: ReportContext) -> None:
    where = finding.where
    attributes = {"classname": where.file if where else NO_FILE_SUITE,
                  "name": _xml_text(f"{finding.code} {finding.subject}")}
    if where is not None:
        attributes |= {"file": where.file} | ({"line": str(where.line)} if where.line > 0 else {})
    case = ET.SubElement(suite, "testcase", {k: _xml_text(v) for k, v in attributes.items()})
    if finding.severity >= Severity.WARNING:
        failure = ET.SubElement(case, "failure", {"type": finding.code,
                                                  "message": _xml_text(finding.text(context.language))})
        failure.text = _details(finding, context)
    else:
        # Info findings are not failures: a CI test tab would turn red for a hint. They pass,
        # with their text as the test's output.
        ET.SubElement(case, "system-out").text = _details(finding, context)


def _coverage_suite(root: ET.Element, context: ReportContext) -> None:
    """analyze: one test case per kind, skipped when the model has no data for it (a test tab then
    shows it as not run, rather than as passed)."""
    if not context.coverage:
        return
    blind = sum(item.blind for item in context.coverage)
    suite = ET.SubElement(root, "testsuite", {"name": "coverage", "tests": str(len(context.coverage)),
                                             "failures": "0", "errors": "0", "skipped": str(blind)})
    for item in context.coverage:
        case = ET.SubElement(suite, "testcase", {"classname": "coverage", "name": _xml_text(item.kind)})
        if item.blind:
            ET.SubElement(case, "skipped", {"message": _xml_text(item.text())})
        else:
            ET.SubElement(case, "system-out").text = _xml_text(item.text())


def render_junit(findings: Sequence[Finding], context: ReportContext) -> str:
    ordered = sorted_findings(findings)
    root = ET.Element("testsuites", {"name": context.title, "tests": str(max(len(ordered), 1) + len(context.coverage)),
                                     "failures": str(sum(f.severity >= Severity.WARNING for f in ordered)),
                                     "errors": "0"})
    suites: dict[str, list[Finding]] = {}
    for finding in ordered:
        where = finding.where
        suites.setdefault(where.file if where else NO_FILE_SUITE, []).append(finding)
    if not suites:
        suite = ET.SubElement(root, "testsuite", {"name": NO_FILE_SUITE, "tests": "1", "failures": "0",
                                                 "errors": "0"})
        ET.SubElement(suite, "testcase", {"classname": "eagraph", "name": f"{context.title}: no findings"})
    for name, members in suites.items():
        suite = ET.SubElement(root, "testsuite", {
            "name": _xml_text(name), "tests": str(len(members)),
            "failures": str(sum(f.severity >= Severity.WARNING for f in members)), "errors": "0"})
        for finding in members:
            _testcase(suite, finding, context)
    _coverage_suite(root, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
