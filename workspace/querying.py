"""SPARQL over a loaded model, with the contract's prefixes declared for you.

Architects write ``?s a cpsv:PublicService`` without a PREFIX block: any prefix of the model
contract that a query uses but does not declare is added in front of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from eagraph.ontology import PREFIXES

from .errors import EagraphError
from .workspace import Workspace


class QueryError(EagraphError):
    """A SPARQL query that does not parse or cannot run."""


@dataclass
class QueryResult:
    """The answer of one query: ``kind`` is select, ask or construct."""

    kind: str
    variables: list[str]
    rows: list[list[object]]  # select: terms (or None); construct: [s, p, o]
    boolean: bool | None = None


def with_prefixes(sparql: str) -> str:
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", sparql)}
    used = {m.group(1) for m in re.finditer(r"(?<![\w<#/?&=.:-])([A-Za-z][\w-]*):(?!//)", sparql)}
    missing = [p for p in PREFIXES if p in used and p not in declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + sparql


def run_query(workspace: Workspace, sparql: str, *, source: str = "query") -> QueryResult:
    text = with_prefixes(sparql)
    added = text.count("\n") - sparql.count("\n")
    try:
        result = workspace.query(text)
    except SyntaxError as exc:
        message = str(exc)
        match = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
        if match:
            line = int(match.group(1)) - added
            message = f"{source}:{line}:{match.group(2)}: error: SPARQL syntax: {match.group(3)}"
            lines = sparql.splitlines()
            if 0 < line <= len(lines):
                message += f"\n    {lines[line - 1]}"
        raise QueryError(message) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{source}: the query could not run: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", [], [], bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[solution[v] for v in variables] for solution in result]
        return QueryResult("select", variables, rows)
    triples = [[t.subject, t.predicate, t.object] for t in result]
    return QueryResult("construct", ["subject", "predicate", "object"], triples)
