"""``eagraph export``: the model in the formats others read (CPSV-AP 3.2.0, JSON-LD)."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.workspace.files import write_atomic

from .console import Console, plural
from .options import load_workspace, model_path_argument, verbosity_options


@click.group(name="export")
def export_group() -> None:
    """Write the model (or its public-service part) for other tools: archimate, cpsv-ap, jsonld."""


@export_group.command(name="cpsv-ap")
@model_path_argument
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The file to write: .ttl (Turtle), .jsonld (JSON-LD), .nt or .rdf.")
@verbosity_options
def export_cpsv_ap_command(path: Path, out: Path) -> None:
    """The public services of the model at PATH as CPSV-AP 3.2.0, conforming to SEMIC's shapes.

    Services, organisations, events, channels, evidence, outputs, requirements, rules and legal
    resources are kept; authentic sources become dcat:Datasets; what CPSV-AP requires and the
    model says otherwise (titles of organisations, identifiers, territories) is filled in.
    """
    from eagraph.generators.cpsv_ap import export_cpsv_ap, write_graph

    graph = export_cpsv_ap(load_workspace(path))
    write_graph(graph, out)
    Console.current().info(f"wrote {plural(len(graph), 'statement')} of CPSV-AP 3.2.0 to {out}")


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
@click.option("--name", default="eagraph model", show_default=True, help="The model's name in the exchange file.")
@verbosity_options
def export_archimate_command(path: Path, out: Path, name: str) -> None:
    """The model as an ArchiMate 3.1 Model Exchange File (open it in Archi: File > Import > Open
    Exchange XML Model), with a view per authority and per life event laid out by Graphviz."""
    from eagraph.generators.archimate import export_archimate

    write_atomic(out, export_archimate(load_workspace(path), name).decode("utf-8"))
    Console.current().info(f"wrote {out}")
