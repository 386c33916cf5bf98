"""``eagraph import csv``: a spreadsheet inventory of services or applications as model files.

The mapping file (TOML) says what a row is, which column identifies it, and what each column
means; see the docs' Interoperability page and ``docs/samples/``. Every row is checked before
anything is written: an unknown authority, a missing title, a malformed ELI, a count that is no
number, a value outside a code list, each is reported with its row number and column. With
errors nothing is written, unless ``keep_going`` is set: then the good rows are.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from eagraph.ontology import namespace, new_graph
from eagraph.workspace import EagraphError

EAG = namespace("eag")
CPSV = namespace("cpsv")
CV = namespace("cv")
DCT = namespace("dct")
SKOS = namespace("skos")

ELI_PATTERN = re.compile(r"^http://www\.ejustice\.just\.fgov\.be/eli/[a-z]+/[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{10}/"
                         r"(staatsblad|justel)$")

KINDS = {"service": (CPSV.PublicService, DCT.title), "application": (EAG.ApplicationComponent, DCT.title)}
CODES = {
    "granting": {"on-request": EAG.OnRequest, "proactive": EAG.Proactive, "automatic": EAG.Automatic},
    "type": {"entitlement": EAG.Entitlement, "obligation": EAG.Obligation, "authorisation": EAG.Authorisation,
             "certificate": EAG.Certificate, "information": EAG.Information},
    "channel": {"online": EAG.Online, "counter": EAG.Counter, "phone": EAG.Phone, "post": EAG.Post,
                "email": EAG.Email},
}
#: what a column can be: property name -> (what it needs)
PROPERTIES = ("title", "description", "authority", "legal-basis", "evidence", "channel", "annual-cases",
              "granting", "type", "owner", "identifier")


class CsvImportError(EagraphError):
    """A mapping or sheet that cannot be read, or rows that are wrong (all of them listed)."""


@dataclass
class Column:
    header: str
    property: str
    language: str | None = None
    separator: str | None = None


@dataclass
class Mapping:
    kind: str
    base: str
    id_column: str
    columns: list[Column]
    authorities: dict[str, str] = field(default_factory=dict)
    required_languages: tuple[str, ...] = ("nl", "fr")
    delimiter: str = ","


@dataclass
class Result:
    graph: Graph
    rows: int
    errors: list[str]


def read_mapping(path: Path) -> Mapping:
    """The mapping file at ``path``; a value of the wrong type is a :class:`CsvImportError` naming
    the file and the key, never a traceback later on."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CsvImportError(f"{path}: not a readable mapping: {exc}") from None

    def expect(where: str, value, kind: type, what: str):
        if not isinstance(value, kind) or (kind is str and isinstance(value, bool)):
            raise CsvImportError(f"{path}: {where} must be {what}, not {value!r}")
        return value

    table = expect("[import]", data.get("import", {}), dict, "a table")
    kind = table.get("kind", "service")
    if kind not in KINDS:
        raise CsvImportError(f"{path}: [import] kind must be one of {', '.join(KINDS)}, not {kind!r}")
    for key in ("base", "id"):
        if not isinstance(table.get(key), str):
            raise CsvImportError(f"{path}: [import] {key} is required (a string)")
    languages = table.get("languages", ["nl", "fr"])
    languages = [languages] if isinstance(languages, str) else languages  # "nl": one language, not "n" and "l"
    expect("[import] languages", languages, list, "a list of language tags")
    for language in languages:
        expect("[import] languages", language, str, "a list of language tags")
    delimiter = expect("[import] delimiter", table.get("delimiter", ","), str, "one character")
    if len(delimiter) != 1:
        raise CsvImportError(f"{path}: [import] delimiter must be one character, not {delimiter!r}")
    columns = []
    for header, spec in expect("[columns]", data.get("columns", {}), dict, "a table").items():
        if not isinstance(spec, dict) or spec.get("property") not in PROPERTIES:
            raise CsvImportError(f"{path}: [columns] {header!r}: property must be one of {', '.join(PROPERTIES)}")
        for key in ("language", "separator"):
            if key in spec:
                expect(f"[columns] {header!r}: {key}", spec[key], str, "a string")
        if spec.get("separator") == "":
            raise CsvImportError(f"{path}: [columns] {header!r}: separator must not be empty")
        columns.append(Column(header, spec["property"], spec.get("language"), spec.get("separator")))
    authorities = expect("[authorities]", data.get("authorities", {}), dict, "a table of names and IRIs")
    for name, iri in authorities.items():
        expect(f"[authorities] {name!r}", iri, str, "an IRI (a string)")
    return Mapping(kind, table["base"], table["id"], columns, dict(authorities), tuple(languages), delimiter)


def authorities_of_model(workspace) -> dict[str, str]:
    """Names, acronyms and identifiers of the model's authorities -> their IRIs (for lookups)."""
    found = {}
    for row in workspace.query(
            "SELECT ?a ?name WHERE { ?a a <http://data.europa.eu/m8g/PublicOrganisation> . "
            "{ ?a <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>|"
            "<http://purl.org/dc/terms/identifier> ?name } }"):
        found[_fold(row["name"].value)] = row["a"].value
        found[_fold(row["a"].value.rstrip("/").rsplit("/", 1)[-1])] = row["a"].value
    return found


def import_csv(sheet: Path, mapping: Mapping, known_authorities: dict[str, str] | None = None) -> Result:
    authorities = {_fold(k): v for k, v in (known_authorities or {}).items()}
    authorities.update({_fold(k): v for k, v in mapping.authorities.items()})
    cls, title = KINDS[mapping.kind]
    graph = new_graph("eag", "cpsv", "cv", "dct", "skos")
    errors: list[str] = []
    try:
        with sheet.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=mapping.delimiter)
            headers = reader.fieldnames or []
            missing = [c.header for c in mapping.columns if c.header not in headers] + (
                [mapping.id_column] if mapping.id_column not in headers else [])
            if missing:
                raise CsvImportError(f"{sheet}:1: the mapping names columns the sheet lacks: {', '.join(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CsvImportError(f"{sheet}: not a readable CSV file: {exc}") from None
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 holds the headers
        row_errors: list[str] = []
        statements = list(_row(row, number, mapping, cls, title, authorities, row_errors, sheet, seen))
        if row_errors:
            errors += row_errors
        else:
            for statement in statements:
                graph.add(statement)
    return Result(graph, len(rows), errors)


def _row(row: dict, number: int, mapping: Mapping, cls, title, authorities: dict[str, str], errors: list[str],
         sheet: Path, seen: dict[str, int]):
    def problem(column: str, message: str) -> None:
        errors.append(f"{sheet}: row {number}, column {column!r}: {message}")

    key = (row.get(mapping.id_column) or "").strip()
    if not key:
        problem(mapping.id_column, "no identifier")
        return
    if key in seen:
        problem(mapping.id_column, f"identifier {key!r} is already used on row {seen[key]}")
        return
    seen[key] = number
    node = URIRef(mapping.base + _slug(key))
    yield node, RDF.type, cls
    yield node, DCT.identifier, Literal(key)
    titles = set()
    for column in mapping.columns:
        raw = (row.get(column.header) or "").strip()
        values = [v.strip() for v in raw.split(column.separator)] if column.separator else [raw]
        for value in (v for v in values if v):
            yield from _cell(node, column, value, title, authorities, problem, titles)
    for language in mapping.required_languages:
        if language not in titles:
            column = next((c.header for c in mapping.columns if c.property == "title" and c.language == language),
                          "title")
            problem(column, f"no title in {language}")


def _cell(node, column: Column, value: str, title, authorities, problem, titles: set):
    prop = column.property
    if prop in ("title", "description"):
        if column.language:
            titles.add(column.language) if prop == "title" else None
        yield node, title if prop == "title" else DCT.description, Literal(value, lang=column.language)
    elif prop in ("authority", "owner"):
        authority = authorities.get(_fold(value))
        if authority is None:
            problem(column.header, f"unknown authority {value!r} (not in the mapping's [authorities] nor the model)")
        else:
            yield node, CV.hasCompetentAuthority if prop == "authority" else EAG.ownedBy, URIRef(authority)
    elif prop == "legal-basis":
        if not ELI_PATTERN.match(value):
            problem(column.header, f"malformed ELI {value!r} (expected http://www.ejustice.just.fgov.be/eli/"
                                   "<type>/<yyyy>/<mm>/<dd>/<number>/staatsblad)")
        else:
            yield node, CV.hasLegalResource, URIRef(value)
    elif prop == "annual-cases":
        if not value.replace(".", "").replace(" ", "").isdigit():
            problem(column.header, f"{value!r} is not a whole number of cases")
        else:
            yield node, EAG.annualCases, Literal(int(value.replace(".", "").replace(" ", "")), datatype=XSD.integer)
    elif prop in CODES:
        code = CODES[prop].get(_fold(value).replace(" ", "-"))
        if code is None:
            problem(column.header, f"{value!r} is not one of {', '.join(CODES[prop])}")
        elif prop == "channel":
            channel = URIRef(f"{node}/channel/{_slug(value)}")
            yield node, CV.hasChannel, channel
            yield channel, RDF.type, CV.Channel
            yield channel, DCT.type, code
            yield channel, DCT.identifier, Literal(f"{node.rsplit('/', 1)[-1]}-{_slug(value)}")
        else:
            yield node, DCT.type if prop == "type" else EAG.grantingMode, code
    elif prop == "evidence":
        evidence = URIRef(f"{node}/evidence/{_slug(value)}")
        yield node, CPSV.hasInput, evidence
        yield evidence, RDF.type, CV.Evidence
        yield evidence, DCT.title, Literal(value, lang=column.language) if column.language else Literal(value)
        yield evidence, DCT.identifier, Literal(f"{node.rsplit('/', 1)[-1]}-{_slug(value)}")
    elif prop == "identifier":
        yield node, DCT.identifier, Literal(value)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-") or "x"
