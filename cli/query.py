"""``eagraph query``: SPARQL over a model, printed as a table, CSV, JSON or Turtle."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pyoxigraph as ox

from eagraph.ontology import PREFIXES, XSD_STRING, compact
from eagraph.reporters.spreadsheet import csv_text
from eagraph.workspace.querying import QueryResult, run_query

from .console import Console
from .options import as_of_option
from .options import endpoint_options, load_workspace, no_cache_option, verbosity_options


@click.command()
@click.argument("args", nargs=-1, required=True, metavar="[PATH] QUERY|FILE.rq")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "turtle"]), default="table",
              show_default=True,
              help="table for people; csv and json (SPARQL 1.1 results, JSON-LD for CONSTRUCT) for tools; "
                   "turtle for CONSTRUCT.")
@endpoint_options
@as_of_option
@no_cache_option
@verbosity_options
def query(args: tuple[str, ...], fmt: str, no_cache: bool) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT query over the model at PATH.

    QUERY is the query text, or the path of a .rq file. The prefixes of the model contract
    (cpsv, cv, dct, skos, eag, authsrc, eli, dcat, org, rdf, rdfs, xsd, owl) may be used
    without declaring them.

    \b
    Examples:
      eagraph query models "SELECT ?s ?t WHERE { ?s a cpsv:PublicService ; dct:title ?t }"
      eagraph query models models/queries/on-request.rq --format csv
    """
    if len(args) > 2:
        raise click.UsageError("expected at most two arguments: [PATH] QUERY|FILE.rq")
    if len(args) == 1 and _names_a_model(args[0]):
        raise click.UsageError(f"no query given ({args[0]!r} is the model's PATH): "
                               "eagraph query [PATH] QUERY|FILE.rq")
    path, text = (Path("."), args[0]) if len(args) == 1 else (Path(args[0]), args[1])
    source = "query"
    if text.endswith((".rq", ".sparql")) or (len(text) < 4096 and "\n" not in text and Path(text).is_file()):
        query_path = Path(text)
        if not query_path.is_file():
            raise click.BadParameter(f"{text}: no such query file", param_hint="QUERY")
        source, text = str(query_path), query_path.read_text(encoding="utf-8")
    if fmt == "turtle" and "CONSTRUCT" not in text.upper() and "DESCRIBE" not in text.upper():
        raise click.BadParameter("turtle output is for CONSTRUCT queries", param_hint="--format")
    workspace = load_workspace(path, cache=not no_cache)
    result = run_query(workspace, text, source=source)
    Console.current().out(RENDERERS[fmt](result).rstrip("\n"))


def _names_a_model(argument: str) -> bool:
    """A lone argument that is a folder (``eagraph query models``) is the model, not the query: a
    query or a query file is never a folder, and the query was forgotten."""
    try:
        return "{" not in argument and Path(argument).is_dir()
    except OSError:  # a query too long for a file name
        return False


def _plain(term) -> str:
    if term is None:
        return ""
    return term.value


def render_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes" if result.boolean else "no"
    cells = [[_short(term) for term in row] for row in result.rows]
    widths = [max([len(v)] + [min(len(r[i]), 80) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda values: "  ".join(v[:80].ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    return str(term)


def render_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results, with cells a spreadsheet would run as formulas neutralised."""
    if result.kind == "ask":
        return csv_text(["boolean"], [["true" if result.boolean else "false"]], line_end="\r\n")
    return csv_text(result.variables, ([_plain(t) for t in row] for row in result.rows), line_end="\r\n")


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def render_json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    if result.kind == "construct":
        triples = [ox.Triple(*row) for row in result.rows]
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8")
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      indent=1, ensure_ascii=False)


def render_turtle(result: QueryResult) -> str:
    triples = [ox.Triple(*row) for row in result.rows]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


RENDERERS = {"table": render_table, "csv": render_csv, "json": render_json, "turtle": render_turtle}
