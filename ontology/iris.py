"""What eagraph shows of an IRI: its short ``prefix:local`` form, and its local name.

Messages, diagrams, slugs, the site and the diff all name a node by the end of its IRI when no label
says better; they do it here, in one way.
"""

from __future__ import annotations

from .namespaces import PREFIXES


def compact(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI in angle brackets."""
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, "")):
            best = prefix
    if best:
        local = iri[len(prefixes[best]):]
        if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
            return f"{best}:{local}"
    return f"<{iri}>"


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its last ``/`` or ``#``, trailing ones ignored:
    ``…/service/tax-return`` → ``tax-return``, ``…/ns#Entitlement`` → ``Entitlement``,
    ``…/authority/fin/`` → ``fin``. It is ``""`` for an IRI that is all separators at the end of its
    path (callers that must show something fall back to the IRI)."""
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
