"""``eagraph export``: the model in the formats others read (CPSV-AP 3.2.0, JSON-LD)."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.workspace.files import write_atomic

from .console import Console, ExitCode, plural
from .options import load_workspace, model_path_argument, verbosity_options


@click.group(name="export")
def export_group() -> None:
    """Write the model (or its public-service part) for other tools: archimate, cpsv-ap, jsonld."""


@export_group.command(name="cpsv-ap")
@model_path_argument
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The file to write: .ttl (Turtle), .jsonld (JSON-LD), .nt or .rdf.")
@click.option("--strict", is_flag=True,
              help="Exit 1, writing nothing, when the output does not conform to the official shapes.")
@verbosity_options
def export_cpsv_ap_command(path: Path, out: Path, strict: bool) -> None:
    """The public services of the model at PATH as CPSV-AP 3.2.0, checked against SEMIC's shapes.

    Everything the CPSV-AP 3.2.0 and CCCEV 2.1.0 vocabularies define is kept (code-list IRIs,
    opening hours, contact points, costs, channels, evidence type lists); CPSV-AP 2.x names are
    mapped to their 3.2.0 names; authentic sources become dcat:Datasets; titles and identifiers are
    filled in from the node's own label and IRI; nothing else is added. Before writing, the output
    is validated against the official CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes and the command says
    the result: conforms, or how many violations there are and how many the model itself has
    (`eagraph validate PATH --profile cpsv-ap-3.2` shows those at file:line).
    """
    from eagraph.generators.cpsv_ap import check_export, cpsv_ap_export, write_graph

    console = Console.current()
    export = cpsv_ap_export(load_workspace(path))
    for line in export.mapped:
        console.info(line)
    check = check_export(export)
    for finding in check.violations:
        console.detail(f"{finding.subject}: {finding.path or ''} {finding.code} {finding.value or ''}".rstrip())
    if strict and not check.conforms:
        console.error(f"{out} not written: the export has {check.summary()}")
        click.get_current_context().exit(ExitCode.FINDINGS)
    write_graph(export.graph, out)
    console.info(f"wrote {plural(len(export.graph), 'statement')} of CPSV-AP 3.2.0 to {out}: {check.summary()}")


@export_group.command(name="jsonld")
@model_path_argument
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True, help="The .jsonld file to write.")
@click.option("--context-url", metavar="URL",
              help="Refer to the context at this URL (e.g. https://w3id.org/eagraph/context.jsonld) instead of embedding it.")
@verbosity_options
def export_jsonld_command(path: Path, out: Path, context_url: str | None) -> None:
    """The whole model as JSON-LD with eagraph's context: short names, texts as language maps.

    A web developer reads it as plain JSON: `node["title"]["nl"]`, `node["hasCompetentAuthority"]`.
    """
    from eagraph.generators.jsonld import export_jsonld

    write_atomic(out, export_jsonld(load_workspace(path), context_url))
    Console.current().info(f"wrote {out}")


@export_group.command(name="archimate")
@model_path_argument
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True, help="The .xml file to write.")
@click.option("--name", help="The model's name in the exchange file (default: the imported model's name, in "
                               "its languages, else 'eagraph model').")
@verbosity_options
def export_archimate_command(path: Path, out: Path, name: str | None) -> None:
    """The model as an ArchiMate 3.1 Model Exchange File (open it in Archi: File > Import > Open
    Exchange XML Model), with a view per authority and per life event laid out by Graphviz, and the
    name, metadata, folders and views of an imported model as they were. Valid against the
    exchange format's XSDs, and the same bytes for the same model."""
    from eagraph.generators.archimate import export_archimate

    write_atomic(out, export_archimate(load_workspace(path), name).decode("utf-8"))
    Console.current().info(f"wrote {out}")
