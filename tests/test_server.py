"""Publishing to a real SPARQL server (Oxigraph's, from PyPI, started on loopback for these tests)
and reading the model back: the same answers and findings as from the files, and faults
(a server that is down, slow, answers an error, or stops in the middle of a publish) handled."""

from __future__ import annotations

import json
import shutil
import contextlib
import socket
import threading

import pytest

from eagraph.remote.client import Endpoint, ServerError
from eagraph.remote.publish import publish
from eagraph.workspace import load
from helpers import MODELS
from servers import free_port, statement_count


def test_publish_query_back_and_republish_only_what_changed(server, tmp_path, run):
    model = tmp_path / "models"
    shutil.copytree(MODELS, model)
    endpoint = Endpoint(server.url)
    first = publish(load(model), endpoint)
    assert first.graphs == 33 and len(first.uploaded) == 33
    assert statement_count(endpoint) == load(model).triple_count
    again = publish(load(model), endpoint)
    assert again.uploaded == [] and again.removed == []  # nothing changed, nothing sent
    fin = model / "authorities" / "fin.ttl"
    fin.write_text(fin.read_text().replace("FOD Financiën", "FOD Financiën en Begroting"), encoding="utf-8")
    (model / "authorities" / "bosa.ttl").unlink()
    changed = publish(load(model), endpoint)
    assert [g.rsplit("/", 1)[-1] for g in changed.uploaded] == ["fin.ttl"]
    assert [g.rsplit("/", 1)[-1] for g in changed.removed] == ["bosa.ttl"]
    assert statement_count(endpoint) == load(model).triple_count
    query = "SELECT ?t WHERE { <https://w3id.org/eagraph/be/authority/fin> skos:prefLabel ?t FILTER(LANG(?t)='nl') }"
    remote = run("query", "--endpoint", server.url, query, "--format", "json")
    local = run("query", model, query, "--format", "json")
    assert remote.exit_code == 0 and json.loads(remote.output) == json.loads(local.output)
    assert "FOD Financiën en Begroting" in remote.output


def test_analyze_and_validate_against_the_server_give_the_local_findings(server, run):
    assert run("publish", MODELS, "--endpoint", server.url).exit_code == 0

    def findings(*args):
        result = run(*args, "--format", "json")
        return {(f["code"], f["subject"], f.get("value") or "") for f in json.loads(result.output)["findings"]}

    assert findings("analyze", "--endpoint", server.url) == findings("analyze", MODELS)
    assert findings("validate", "--endpoint", server.url) == findings("validate", MODELS)


def test_per_authority_graphs(server):
    result = publish(load(MODELS), Endpoint(server.url), by="authority")
    names = {g.rsplit("/", 1)[-1] for g in result.uploaded}
    assert "fin" in names and "justice" in names and len(names) < 32


def test_a_server_stopped_in_the_middle_of_a_publish_keeps_the_previous_model(server, tmp_path, monkeypatch):
    model = tmp_path / "models"
    shutil.copytree(MODELS, model)
    endpoint = Endpoint(server.url, attempts=2, backoff=0.1, timeout=5)
    publish(load(model), endpoint)
    before = statement_count(endpoint)
    for path in sorted(model.rglob("*.ttl"))[:6]:  # six files change
        path.write_text(path.read_text().replace('"@nl', ' (nieuw)"@nl'), encoding="utf-8")
    uploads = []
    real_put = Endpoint.put_graph

    def put_then_stop(self, graph, data):
        real_put(self, graph, data)
        uploads.append(graph)
        if len(uploads) == 3:
            server.stop()  # the server goes away halfway through

    monkeypatch.setattr(Endpoint, "put_graph", put_then_stop)
    with pytest.raises(ServerError, match="cannot reach the SPARQL server"):
        publish(load(model), endpoint)
    monkeypatch.setattr(Endpoint, "put_graph", real_put)
    server.start()
    assert statement_count(endpoint) == before  # the published graphs are the old ones
    from eagraph.remote.read_back import load_remote

    readers_see = load_remote(endpoint)
    assert not list(readers_see.query("SELECT ?t WHERE { ?s ?p ?t FILTER(isLiteral(?t) && CONTAINS(STR(?t), '(nieuw)')) }"))
    retry = publish(load(model), endpoint)  # the next publish finishes the job and clears the staging graphs
    assert len(retry.uploaded) == 6
    assert not endpoint.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '#staging-')) } LIMIT 1")


def accept_until_closed(listening: socket.socket) -> None:
    """Take connections and hold them open without a word, until the test closes the socket."""
    held = []
    with contextlib.suppress(OSError):
        while True:
            held.append(listening.accept()[0])
    for connection in held:
        connection.close()


def test_a_server_that_is_down_slow_or_wrong_gets_a_clear_message(run, tmp_path):
    port = free_port()
    down = run("validate", "--endpoint", f"http://127.0.0.1:{port}", "--timeout", "1")
    assert down.exit_code == 2
    assert f"cannot reach the SPARQL server: connection refused at 127.0.0.1:{port}" in down.stderr
    assert "3 attempts in 1." in down.stderr and "Is the server running?" in down.stderr  # what really happened
    assert "docs/server.md" in down.stderr
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    threading.Thread(target=accept_until_closed, args=(silent,), daemon=True).start()
    slow = run("publish", MODELS, "--endpoint", f"http://127.0.0.1:{silent.getsockname()[1]}", "--timeout", "0.5")
    assert slow.exit_code == 2 and "no complete answer within the timeout of 0.5 s" in slow.stderr
    silent.close()


def test_an_error_answer_is_reported_not_retried(server, run):
    wrong = run("publish", MODELS, "--endpoint", server.url + "/no-such-dataset", "--timeout", "5")
    assert wrong.exit_code == 2 and "the server answered 404" in wrong.stderr
