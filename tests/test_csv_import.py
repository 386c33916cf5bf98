"""`eagraph import csv`: a good inventory becomes a valid part of the model; a bad one is reported
row by row, column by column, and nothing is written."""

from __future__ import annotations

import shutil

from eagraph.validators.validate import validate
from eagraph.workspace import load
from helpers import MODELS, REPO, write

SAMPLE = REPO / "docs" / "samples"


def test_the_sample_inventory_joins_the_example_model(run, tmp_path):
    model = tmp_path / "models"
    shutil.copytree(MODELS, model)
    result = run("import", "csv", SAMPLE / "inventory.csv", "--mapping", SAMPLE / "inventory-mapping.toml",
                 "--out", model / "imported", "--model", MODELS)
    assert result.exit_code == 0, result.output
    workspace = load(model)
    imported = {f.subject for f in validate(workspace).findings if "/service/fin-101" in f.subject
                or "/service/eco-202" in f.subject}
    assert imported == set()  # no finding: titles, authority, legal basis, channels all as the contract wants
    rows = {row["t"].value for row in workspace.query(
        "SELECT ?t WHERE { <https://w3id.org/eagraph/be/service/fin-101> <http://purl.org/dc/terms/title> ?t }")}
    assert rows == {"Vermindering voor energiebesparende investeringen",
                    "Réduction pour investissements économiseurs d'énergie"}
    authority = {row["a"].value for row in workspace.query(
        "SELECT ?a WHERE { <https://w3id.org/eagraph/be/service/fin-101> <http://data.europa.eu/m8g/hasCompetentAuthority> ?a }")}
    assert authority == {"https://w3id.org/eagraph/be/authority/fin"}  # found by its name in the model


BAD = """Code,Titel NL,Titre FR,Beschrijving,Description,Overheid,Rechtsgrond,Kanalen,Soort,Toekenning,Dossiers per jaar,Bewijsstukken
X-1,Goed,Bon,Ja.,Oui.,FOD Financiën,http://www.ejustice.just.fgov.be/eli/wet/1992/04/10/1992003455/staatsblad,online,entitlement,on-request,10,
X-2,,Sans titre néerlandais,Nee.,Non.,FOD Financiën,,online,entitlement,on-request,10,
X-3,Onbekend,Inconnu,Nee.,Non.,Ministerie van Magie,,online,entitlement,on-request,10,
X-4,Slecht,Mauvais,Nee.,Non.,FOD Financiën,http://example.org/law/1,fax,gift,sometimes,veel,
X-1,Dubbel,Double,Nee.,Non.,FOD Financiën,,online,entitlement,on-request,10,
"""


def test_a_bad_sheet_is_reported_by_row_and_column_and_nothing_is_written(run, tmp_path):
    sheet = write(tmp_path, "bad.csv", BAD)
    result = run("import", "csv", sheet, "--mapping", SAMPLE / "inventory-mapping.toml", "--out", tmp_path / "out",
                 "--model", MODELS)
    assert result.exit_code == 2
    errors = result.stderr
    assert "row 3, column 'Titel NL': no title in nl" in errors
    assert "row 4, column 'Overheid': unknown authority 'Ministerie van Magie'" in errors
    assert "row 5, column 'Rechtsgrond': malformed ELI 'http://example.org/law/1'" in errors
    assert "row 5, column 'Kanalen': 'fax' is not one of online, counter, phone, post, email" in errors
    assert "row 5, column 'Soort': 'gift' is not one of" in errors
    assert "row 5, column 'Toekenning': 'sometimes' is not one of" in errors
    assert "row 5, column 'Dossiers per jaar': 'veel' is not a whole number" in errors
    assert "row 6, column 'Code': identifier 'X-1' is already used on row 2" in errors
    assert "row 2" not in errors.replace("on row 2", "")  # the good row has no error
    assert not (tmp_path / "out").exists()


def test_keep_going_writes_the_good_rows(run, tmp_path):
    sheet = write(tmp_path, "bad.csv", BAD)
    result = run("import", "csv", sheet, "--mapping", SAMPLE / "inventory-mapping.toml", "--out", tmp_path / "out",
                 "--model", MODELS, "--keep-going")
    assert result.exit_code == 1
    text = (tmp_path / "out" / "bad.ttl").read_text()
    assert '"Goed"@nl' in text and "Dubbel" not in text and "Onbekend" not in text


def test_a_mapping_that_names_missing_columns_is_a_clear_error(run, tmp_path):
    sheet = write(tmp_path, "short.csv", "Code,Titel NL\nA,B\n")
    result = run("import", "csv", sheet, "--mapping", SAMPLE / "inventory-mapping.toml", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "short.csv:1: the mapping names columns the sheet lacks: Titre FR" in result.stderr


def test_an_import_never_replaces_a_file_it_did_not_write(run, tmp_path):
    """`-o models/authorities` with a sheet named fin.csv would have replaced the architects' fin.ttl."""
    model = tmp_path / "models"
    shutil.copytree(MODELS, model)
    theirs = model / "authorities" / "fin.ttl"
    before = theirs.read_bytes()
    sheet = tmp_path / "fin.csv"
    shutil.copyfile(SAMPLE / "inventory.csv", sheet)
    args = ("import", "csv", sheet, "--mapping", SAMPLE / "inventory-mapping.toml", "--model", MODELS)
    result = run(*args, "--out", model / "authorities")
    assert result.exit_code == 2
    assert "would replace files it did not write" in result.stderr and str(theirs) in result.stderr
    assert theirs.read_bytes() == before
    first = run(*args, "--out", tmp_path / "imported")
    assert first.exit_code == 0, first.output
    mine = tmp_path / "imported" / "fin.ttl"
    assert mine.read_text(encoding="utf-8").startswith("# Written by eagraph import from fin.csv")
    assert run(*args, "--out", tmp_path / "imported").exit_code == 0  # its own file: replaced again
    forced = run(*args, "--out", model / "authorities", "--force")
    assert forced.exit_code == 0 and theirs.read_bytes() != before


def test_mapping_values_of_the_wrong_type_name_the_file_and_key(run, tmp_path):
    sheet = write(tmp_path, "sheet.csv", "Code,Titel\nA,Een\n")
    base = '[import]\nbase = "https://example.org/s/"\nid = "Code"\n'
    cases = {
        'import = "x"\n': "[import] must be a table",
        base + "delimiter = 5\n": "[import] delimiter must be one character, not 5",
        base + 'delimiter = ";;"\n': "[import] delimiter must be one character",
        base + "languages = [1]\n": "[import] languages must be a list of language tags",
        base + '[columns]\nTitel = { property = "title", language = 3 }\n': "[columns] 'Titel': language must be",
        base + '[columns]\nTitel = { property = "title", separator = true }\n': "[columns] 'Titel': separator must",
        base + '[authorities]\nfin = 1\n': "[authorities] 'fin' must be an IRI",
        'columns = 1\n' + base: "[columns] must be a table, not 1",
    }
    for text, message in cases.items():
        mapping = write(tmp_path, "mapping.toml", text)
        result = run("import", "csv", sheet, "--mapping", mapping, "--out", tmp_path / "out")
        assert result.exit_code == 2, (text, result.output)
        assert f"{mapping}: {message}" in result.stderr, (text, result.stderr)
        assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_languages_given_as_one_string_is_one_language(run, tmp_path):
    sheet = write(tmp_path, "sheet.csv", "Code,Titel\nA,Een\n")
    mapping = write(tmp_path, "mapping.toml", '[import]\nbase = "https://example.org/s/"\nid = "Code"\n'
                                              'languages = "nl"\n[columns]\nTitel = { property = "title", '
                                              'language = "nl" }\n')
    result = run("import", "csv", sheet, "--mapping", mapping, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert '"Een"@nl' in (tmp_path / "out" / "sheet.ttl").read_text(encoding="utf-8")
