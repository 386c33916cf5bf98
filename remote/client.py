"""Talking to a SPARQL 1.1 server: the Graph Store HTTP Protocol for graphs, SPARQL Update for
the swap, SPARQL Query for reading; with timeouts, retries for transient faults, and credentials
from the environment or a netrc file (never from the command line, where ``ps`` shows them).

Servers name their three services differently; :data:`FLAVOURS` derives them from one base URL.
"""

from __future__ import annotations

import base64
import json
import math
import netrc
import os
import time
import urllib.parse
import warnings
from dataclasses import dataclass, field

from .http import (Lost, ServerError, StatusError, Unreachable, check_base_url, exchange, is_loopback, origin, redact,
                   where)

#: server -> (query, update, graph store) paths below the base URL
FLAVOURS = {
    "oxigraph": ("/query", "/update", "/store"),
    "fuseki": ("/query", "/update", "/data"),  # base: the dataset, e.g. http://host:3030/ds
    "graphdb": ("", "/statements", "/rdf-graphs/service"),  # base: the repository URL
    "virtuoso": ("/sparql", "/sparql", "/sparql-graph-crud-auth"),
}
TRANSIENT = (500, 502, 503, 504)


@dataclass
class Endpoint:
    base: str
    flavour: str = "oxigraph"
    timeout: float = 30.0
    attempts: int = 3
    backoff: float = 0.5  # seconds before the second attempt, doubled each time
    _warned: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_base_url(self.base)
        if not (isinstance(self.timeout, (int, float)) and math.isfinite(self.timeout) and self.timeout > 0):
            raise ServerError(f"timeout {self.timeout!r}: give a positive number of seconds")
        if self.flavour not in FLAVOURS:
            raise ServerError(f"server '{self.flavour}': one of {', '.join(FLAVOURS)}")

    def url(self, service: str) -> str:
        query, update, store = FLAVOURS[self.flavour]
        return self.base.rstrip("/") + {"query": query, "update": update, "store": store}[service]

    # -- the three services --------------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        self._request("PUT", self._store(graph), ntriples, {"Content-Type": "application/n-triples"})

    def get_graph(self, graph: str) -> bytes:
        return self._request("GET", self._store(graph), None, {"Accept": "application/n-triples"})

    def update(self, sparql: str, *, repeatable: bool = False) -> None:
        """A SPARQL Update; sent again after a lost answer only if the caller says doing it twice is harmless."""
        self._request("POST", self.url("update"), sparql.encode(), {"Content-Type": "application/sparql-update"},
                      repeatable=repeatable)

    def select(self, sparql: str) -> list[dict[str, str]]:
        body = urllib.parse.urlencode({"query": sparql}).encode()
        answer = self._request("POST", self.url("query"), body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        try:
            rows = json.loads(answer)["results"]["bindings"]
            return [{str(name): str(cell["value"]) for name, cell in row.items()} for row in rows]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ServerError(f"{redact(self.url('query'))}: not a SPARQL JSON answer ({type(exc).__name__}: "
                              f"{str(exc)[:100]})") from None

    def construct(self, sparql: str) -> bytes:
        """The statements a CONSTRUCT query gives, as N-Triples (reading only, so safe to repeat)."""
        body = urllib.parse.urlencode({"query": sparql}).encode()
        return self._request("POST", self.url("query"), body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/n-triples"})

    def _store(self, graph: str) -> str:
        return f"{self.url('store')}?{urllib.parse.urlencode({'graph': graph})}"

    # -- HTTP ----------------------------------------------------------------------------------------
    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str], *,
                 repeatable: bool = True) -> bytes:
        """One request, sent again after a transient fault: always when no connection was made,
        and after a lost answer or a 5xx only when ``repeatable`` (doing it twice does no harm)."""
        headers = headers | self._authorization(url)
        delay, started = self.backoff, time.monotonic()
        for attempt in range(1, self.attempts + 1):
            try:
                return exchange(method, url, body, headers, self.timeout)
            except Unreachable as exc:
                last: ServerError = exc
            except (Lost, StatusError) as exc:
                transient = isinstance(exc, Lost) or exc.status in TRANSIENT
                if not (transient and repeatable):
                    raise
                last = exc
            if attempt < self.attempts:
                time.sleep(delay)
                delay *= 2
        tried = f"{self.attempts} attempt{'s' if self.attempts != 1 else ''} in {time.monotonic() - started:.1f} s"
        if isinstance(last, Unreachable):
            raise Unreachable(f"cannot reach the SPARQL server: {last} ({tried}; {method} {redact(url)}). Is the "
                              f"server running? docs/server.md says how to start one "
                              f"(oxigraph serve --location DIR --bind HOST:PORT)")
        raise type(last)(f"{last} ({tried})", *([last.status] if isinstance(last, StatusError) else []))

    def _authorization(self, url: str) -> dict[str, str]:
        """The credentials' header; a warning, once, when they would cross a network in clear."""
        header = _credentials(url)
        scheme, host, _port = origin(url)
        if header and scheme == "http" and not is_loopback(host) and not self._warned:
            self._warned = True
            warnings.warn(f"sending credentials to {where(url)} over plain http: anyone on the network between can "
                          f"read them; use an https:// endpoint", stacklevel=3)
        return header


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
