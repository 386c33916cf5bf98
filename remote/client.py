"""Talking to a SPARQL 1.1 server: the Graph Store HTTP Protocol for graphs, SPARQL Update for
the swap, SPARQL Query for reading; with timeouts, retries for transient faults, and credentials
from the environment or a netrc file (never from the command line, where ``ps`` shows them).

Servers name their three services differently; :data:`FLAVOURS` derives them from one base URL.
"""

from __future__ import annotations

import base64
import json
import netrc
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from eagraph.workspace import EagraphError

#: server -> (query, update, graph store) paths below the base URL
FLAVOURS = {
    "oxigraph": ("/query", "/update", "/store"),
    "fuseki": ("/query", "/update", "/data"),  # base: the dataset, e.g. http://host:3030/ds
    "graphdb": ("", "/statements", "/rdf-graphs/service"),  # base: the repository URL
    "virtuoso": ("/sparql", "/sparql", "/sparql-graph-crud-auth"),
}
TRANSIENT = (500, 502, 503, 504)


class ServerError(EagraphError):
    """The server is unreachable, too slow, or answered with an error."""


@dataclass
class Endpoint:
    base: str
    flavour: str = "oxigraph"
    timeout: float = 30.0
    attempts: int = 3
    backoff: float = 0.5  # seconds before the second attempt, doubled each time

    def url(self, service: str) -> str:
        query, update, store = FLAVOURS[self.flavour]
        return self.base.rstrip("/") + {"query": query, "update": update, "store": store}[service]

    # -- the three services --------------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        self._request("PUT", self._store(graph), ntriples, {"Content-Type": "application/n-triples"})

    def get_graph(self, graph: str) -> bytes:
        return self._request("GET", self._store(graph), None, {"Accept": "application/n-triples"})

    def update(self, sparql: str) -> None:
        self._request("POST", self.url("update"), sparql.encode(), {"Content-Type": "application/sparql-update"})

    def select(self, sparql: str) -> list[dict[str, str]]:
        body = urllib.parse.urlencode({"query": sparql}).encode()
        answer = self._request("POST", self.url("query"), body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        try:
            rows = json.loads(answer)["results"]["bindings"]
        except (ValueError, KeyError) as exc:
            raise ServerError(f"{self.url('query')}: not a SPARQL JSON answer ({exc})") from None
        return [{name: cell["value"] for name, cell in row.items()} for row in rows]

    def _store(self, graph: str) -> str:
        return f"{self.url('store')}?{urllib.parse.urlencode({'graph': graph})}"

    # -- HTTP ----------------------------------------------------------------------------------------
    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        headers = headers | _credentials(url)
        delay, last = self.backoff, ""
        for attempt in range(1, self.attempts + 1):
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode(errors="replace").strip()[:300]
                if exc.code not in TRANSIENT:
                    raise ServerError(f"{method} {url}: the server answered {exc.code} {exc.reason}"
                                      + (f": {detail}" if detail else "")) from None
                last = f"{exc.code} {exc.reason}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                last = "no answer within the timeout" if isinstance(reason, TimeoutError) or "timed out" in str(
                    reason) else str(reason)
            if attempt < self.attempts:
                time.sleep(delay)
                delay *= 2
        raise ServerError(f"cannot reach the SPARQL server at {url}: {last} (after {self.attempts} attempts, "
                          f"{self.timeout:g} s each)")


def _credentials(url: str) -> dict[str, str]:
    """An Authorization header from EAGRAPH_SERVER_TOKEN, EAGRAPH_SERVER_USER/PASSWORD, or netrc."""
    token = os.environ.get("EAGRAPH_SERVER_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user, password = os.environ.get("EAGRAPH_SERVER_USER"), os.environ.get("EAGRAPH_SERVER_PASSWORD")
    if user is None:
        try:
            found = netrc.netrc(os.environ.get("NETRC")).authenticators(urllib.parse.urlsplit(url).hostname or "")
        except (FileNotFoundError, netrc.NetrcParseError, OSError):
            found = None
        if found:
            user, _account, password = found
    if user is None:
        return {}
    pair = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return {"Authorization": f"Basic {pair}"}
