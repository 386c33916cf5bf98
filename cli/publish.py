"""``eagraph publish``: the model into a SPARQL 1.1 server, for organisations whose graph lives there."""

from __future__ import annotations

from pathlib import Path

import click

from .console import Console, plural
from .options import endpoint_from, load_workspace, model_path_argument, verbosity_options


@click.command(name="publish")
@model_path_argument
@click.option("--endpoint", required=True, metavar="URL", help="The server's base URL (its dataset or repository).")
@click.option("--server", type=click.Choice(["oxigraph", "fuseki", "graphdb", "virtuoso"]), default="oxigraph",
              show_default=True, help="The kind of server, for the URLs of its query, update and graph-store services.")
@click.option("--graphs", type=click.Choice(["file", "authority"]), default="file", show_default=True,
              help="One named graph per model file, or per authority.")
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds each request may take in all (3 attempts for transient faults).")
@click.option("--allow-removal", is_flag=True,
              help="Remove graphs even if their files are still in the folder, or more than a quarter of them.")
@verbosity_options
def publish_command(path: Path, endpoint: str, server: str, graphs: str, timeout: float, allow_removal: bool) -> None:
    """Load the model at PATH into a SPARQL server through the Graph Store HTTP Protocol.

    Only graphs whose content changed are uploaded; graphs of removed files are dropped. The new
    graphs are staged first and swapped in by one SPARQL Update, so readers never see half a model
    and a failed publish leaves the previous graphs in place. A publish does not remove the graph
    of a file still in the folder (not loaded: unreadable?) nor more than a quarter of the server's
    graphs, unless --allow-removal. Credentials: EAGRAPH_SERVER_TOKEN, or EAGRAPH_SERVER_USER and
    EAGRAPH_SERVER_PASSWORD, or a netrc entry for the host.

    \b
    Examples:
      eagraph publish models --endpoint http://127.0.0.1:7878
      eagraph publish models --endpoint http://localhost:3030/ea --server fuseki --graphs authority
    """
    from eagraph.remote.publish import publish

    from eagraph.remote.http import redact

    console = Console.current()
    server_endpoint = endpoint_from({"endpoint": endpoint, "server": server, "timeout": timeout})
    workspace = load_workspace(path)
    result = publish(workspace, server_endpoint, by=graphs, allow_removal=allow_removal)
    console.info(f"published {plural(result.graphs, 'graph')} to {redact(endpoint)}: {len(result.uploaded)} uploaded, "
                 f"{len(result.removed)} removed, {result.graphs - len(result.uploaded)} unchanged")
