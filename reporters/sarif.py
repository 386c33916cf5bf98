"""SARIF 2.1.0: what GitHub code scanning, GitLab, Azure DevOps and IDE viewers read.

One run; one rule (reporting descriptor) per code that occurs, with the rule's help; one result
per finding, at the offending statement where known, with the subject's definition as a related
location when that is elsewhere. Locations are relative to ``MODELROOT``, the model folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from urllib.parse import quote

from eagraph.findings import Finding, RuleInfo, Severity
from eagraph.location import Location

from .common import ReportContext, sorted_findings

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://w3id.org/eagraph"
ROOT_ID = "MODELROOT"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "eagraph/v1"


def artifact_uri(relpath: str) -> str:
    """A relative file as a URI reference: forward slashes, everything else percent-encoded."""
    return quote(relpath.replace("\\", "/"), safe="/")


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256("|".join(finding.fingerprint).encode("utf-8")).hexdigest()


def _physical(location: Location) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(location.file), "uriBaseId": ROOT_ID}}
    if location.line > 0:  # line 0: the file as a whole, which SARIF says with no region
        physical["region"] = {"startLine": location.line, "startColumn": location.column}
    return physical


def _descriptor(code: str, rule: RuleInfo | None) -> dict:
    descriptor: dict = {"id": code}
    if rule is None:  # a code the context knows nothing about: SARIF needs only the id
        return descriptor
    descriptor["name"] = rule.name
    descriptor["shortDescription"] = {"text": rule.summary}
    if rule.help:
        # The help's first paragraph says what the rule checks; the whole help follows in "help".
        first = rule.help.strip().split("\n\n", 1)[0]
        descriptor["fullDescription"] = {"text": first, "markdown": first}
        descriptor["help"] = {"text": rule.help, "markdown": rule.help}
    else:
        descriptor["fullDescription"] = {"text": rule.summary}
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {"since": rule.since}
    return descriptor


def _result(finding: Finding, index: int, context: ReportContext) -> dict:
    location: dict = {}
    where = finding.where
    if where is not None:
        location["physicalLocation"] = _physical(where)
    location["logicalLocations"] = [{"fullyQualifiedName": finding.subject, "kind": "object"}]
    result: dict = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.text(context.language)},
        "locations": [location],
    }
    if finding.statement is not None and finding.location is not None and finding.statement != finding.location:
        result["relatedLocations"] = [{"id": 1, "physicalLocation": _physical(finding.location),
                                       "message": {"text": f"where {finding.subject} is defined"}}]
    result["partialFingerprints"] = {FINGERPRINT: fingerprint(finding)}
    properties: dict = {"subject": finding.subject}
    if finding.path is not None:
        properties["path"] = finding.path
    if finding.value is not None:
        properties["value"] = finding.value
    if finding.related:
        properties["related"] = list(finding.related)
    if finding.score is not None:
        properties["score"] = finding.score
    result["properties"] = properties
    return result


def render_sarif(findings: Sequence[Finding], context: ReportContext) -> str:
    ordered = sorted_findings(findings)
    codes = sorted({finding.code for finding in ordered})
    index = {code: number for number, code in enumerate(codes)}
    run: dict = {
        "tool": {"driver": {
            "name": "eagraph",
            "version": context.tool_version,
            "informationUri": INFORMATION_URI,
            "rules": [_descriptor(code, context.rules.get(code)) for code in codes],
        }},
        "automationDetails": {"id": f"eagraph/{context.command}/"},
    }
    if context.root is not None:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": context.root.absolute().as_uri().rstrip("/") + "/"}}
    run["results"] = [_result(finding, index[finding.code], context) for finding in ordered]
    run["columnKind"] = "unicodeCodePoints"
    if context.coverage:  # what each kind needs and how much of the model has it
        run["properties"] = {"coverage": [item.to_dict() for item in context.coverage]}
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
